import pino from 'pino'
import { createApp } from '../api/app.ts'
import { createDb } from '../api/db.ts'

/** One answer of our API, kept to be served again byte for byte. */
export interface Recorded {
  status: number
  headers: Record<string, string>
  body: string
}

/** Asks the running API for every path once and keeps the answers. */
export async function recordAnswers(base: string, paths: string[]) {
  const out: Record<string, Recorded> = {}
  for (const path of new Set(paths)) {
    const res = await fetch(base + path)
    const headers: Record<string, string> = {}
    for (const name of ['content-type', 'etag', 'cache-control', 'vary']) {
      const value = res.headers.get(name)
      if (value) headers[name] = value
    }
    out[path] = { status: res.status, headers, body: await res.text() }
  }
  return out
}

export interface Statement {
  sql: string
  parameters: unknown[]
}

/**
 * The SQL our API runs for one request, exactly: the app runs in this process on a database
 * connection that records every statement, and is asked for `path` as the public.
 */
export async function captureSql(databaseUrl: string, paths: string[]) {
  const recorded: Statement[] = []
  const db = createDb({
    databaseUrl,
    dataDir: 'memory://',
    maxConnections: 2,
    log: (event) => {
      recorded.push({ sql: event.query.sql, parameters: [...event.query.parameters] })
    },
  })
  const app = createApp({
    db,
    config: { bodyLimit: 1_000_000, env: 'production', session: { idleMinutes: 30, maxHours: 12 } },
    logger: pino({ level: 'silent' }),
    resolveActor: async () => null,
  })
  const out: Record<string, Statement[]> = {}
  try {
    for (const path of paths) {
      recorded.length = 0
      const res = await app.request(path)
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
      out[path] = [...recorded]
    }
  } finally {
    await db.destroy()
  }
  return out
}
