import cluster from 'node:cluster'
import { ensureFirstAdmin } from './auth/bootstrap.ts'
import type { Config } from './config.ts'
import type { Logger } from './logger.ts'
import { openDatabase } from './setup.ts'

/**
 * The primary of a cluster: migrates the database (and creates the first administrator) once, then keeps `config.workers` server
 * processes running on the one port (a worker that dies is replaced) and stops them on SIGTERM.
 */
export async function runPrimary(config: Config, logger: Logger) {
  // Migrate here, so the workers start on a ready database instead of queueing on the lock.
  const db = await openDatabase(config, logger)
  try {
    if (config.admin && (await ensureFirstAdmin(db, config.admin))) {
      logger.info({ email: config.admin.email }, 'first system administrator created')
    }
  } finally {
    await db.destroy()
  }
  let stopping = false
  for (let i = 0; i < config.workers; i++) cluster.fork()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'server process died; starting another')
    cluster.fork()
  })
  logger.info({ workers: config.workers }, 'server processes started')
  const stop = () => {
    if (stopping) return
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
