import cluster from 'node:cluster'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { ensureFirstAdmin } from './auth/bootstrap.ts'
import { credentialsResolver } from './auth/resolve.ts'
import { pruneSessions } from './auth/sessions.ts'
import { runPrimary } from './cluster.ts'
import { loadConfig } from './config.ts'
import { pruneIdempotencyKeys } from './http/idempotency.ts'
import { createLogger } from './logger.ts'
import { openDatabase } from './setup.ts'

const SHUTDOWN_GRACE_MS = 10_000

const config = loadConfig()
const logger = createLogger(config)
if (config.workers > 1 && cluster.isPrimary) {
  await runPrimary(config, logger)
} else {
  await serveRequests()
}

/** One server process: the database, the app and the HTTP server, with a graceful shutdown. */
async function serveRequests() {
  const db = await openDatabase(config, logger)
  // In a cluster the primary has done this once.
  if (config.admin && cluster.isPrimary) {
    const created = await ensureFirstAdmin(db, config.admin)
    if (created) logger.info({ email: config.admin.email }, 'first system administrator created')
  }
  const resolveActor = credentialsResolver({ db, env: config.env, policy: config.session })
  const app = createApp({ db, config, logger, resolveActor })

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      {
        port: info.port,
        database: config.databaseUrl ? 'postgresql' : `pglite (${config.dataDir})`,
      },
      `Forsøksregisteret is listening on http://localhost:${info.port}`
    )
  })

  const pruning = setInterval(() => {
    pruneIdempotencyKeys(db).catch((err) => logger.warn({ err }, 'pruning idempotency keys failed'))
    pruneSessions(db).catch((err) => logger.warn({ err }, 'pruning sessions failed'))
  }, 3600_000)
  pruning.unref()

  let stopping = false
  /** Stops taking new connections, lets requests in flight finish, then closes the database. */
  async function shutdown(signal: string) {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    clearInterval(pruning)
    const force = setTimeout(() => {
      logger.error('requests still running after the grace period; exiting')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS)
    force.unref()
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      if ('closeIdleConnections' in server) server.closeIdleConnections()
    })
    await db.destroy()
    logger.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}
