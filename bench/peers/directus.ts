import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import postgres from 'postgres'
import { run, type Server, start, waitForHttp } from '../processes.ts'

export const DIRECTUS_VERSION = '11.16.1'

// Directus 11's built-in public policy: what anyone may read without signing in.
const PUBLIC_POLICY = 'abf8a154-5b1c-4a46-ac9c-7300570f4f17'

/** Installs Directus into the benchmark's own cache folder, never into the app's dependencies. */
export async function installDirectus(peersDir: string) {
  const dir = join(peersDir, 'directus')
  const cli = join(dir, 'node_modules', 'directus', 'cli.js')
  if (existsSync(cli)) return cli
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(dir, 'package.json'))) {
    writeFileSync(join(dir, 'package.json'), '{"name":"directus-peer","private":true}\n')
  }
  console.log(`Installing Directus ${DIRECTUS_VERSION} into ${dir} (a few minutes, once)…`)
  await run('npm', ['install', '--no-audit', '--no-fund', `directus@${DIRECTUS_VERSION}`], {
    cwd: dir,
  })
  return cli
}

function directusEnv(databaseUrl: string, port: number) {
  const url = new URL(databaseUrl)
  return {
    DB_CLIENT: 'pg',
    DB_HOST: url.hostname,
    DB_PORT: url.port || '5432',
    DB_DATABASE: url.pathname.slice(1),
    DB_USER: decodeURIComponent(url.username),
    DB_PASSWORD: decodeURIComponent(url.password),
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SECRET: randomBytes(24).toString('hex'),
    // Directus refuses the reserved .example domain.
    ADMIN_EMAIL: 'bench-admin@example.com',
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    LOG_LEVEL: 'warn',
    TELEMETRY: 'false',
    CACHE_ENABLED: 'false',
    RATE_LIMITER_ENABLED: 'false',
    // Under a flood its pressure limiter answers 503 once the event loop is busy; measured is what
    // it can serve, so it is off, as the rate limiter and the cache are.
    PRESSURE_LIMITER_ENABLED: 'false',
    EXTENSIONS_AUTO_RELOAD: 'false',
  }
}

/**
 * Directus over the same tables: `directus bootstrap` adds its own tables to the database, and
 * the public may read pilots (as an agency would open its data), then the server starts.
 */
export async function startDirectus(
  cli: string,
  databaseUrl: string,
  port: number
): Promise<Server> {
  const env = directusEnv(databaseUrl, port)
  const cwd = join(cli, '..', '..', '..')
  await run(process.execPath, [cli, 'bootstrap'], { env, cwd })
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    await sql`delete from directus_permissions where policy = ${PUBLIC_POLICY} and collection = 'pilots'`
    await sql`insert into directus_permissions (collection, action, fields, permissions, validation, policy)
      values ('pilots', 'read', '*', '{}', '{}', ${PUBLIC_POLICY})`
  } finally {
    await sql.end()
  }
  const server = start('directus', process.execPath, [cli, 'start'], {
    env,
    cwd,
    url: `http://127.0.0.1:${port}`,
  })
  await waitForHttp(`http://127.0.0.1:${port}/server/health`, 300)
  return server
}
