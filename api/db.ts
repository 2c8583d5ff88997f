import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { Kysely, type LogConfig, PGliteDialect } from 'kysely'
import { PostgresJSDialect } from 'kysely-postgres-js'
import postgres from 'postgres'
import type { Database } from '../schema/database.ts'

export type Db = Kysely<Database>

const DATE_OID = 1082
const INT8_OID = 20

/**
 * How postgres.js and Node name a connection that is gone, and PostgreSQL's own last words on one
 * it ends: terminated by an administrator, crash or immediate shutdown, connection failure.
 */
const LOST = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
])

/**
 * Kysely runs every query on a connection reserved from postgres.js. When the server drops that
 * connection (a crash, a restart, pg_terminate_backend), postgres.js rejects the query in flight,
 * but a further query on it, such as the ROLLBACK Kysely sends next, writes to a socket that is no
 * longer there and throws outside any promise, which ends the process. Here a reserved connection
 * that lost its server refuses further queries with the error it lost it with, and is not put
 * back in the pool (postgres.js reconnects it when it is next needed).
 */
function refuseOnLostConnections(client: postgres.Sql): postgres.Sql {
  const reserve = client.reserve.bind(client)
  client.reserve = async () => {
    const connection = await reserve()
    const unsafe = connection.unsafe.bind(connection)
    let lost: unknown = null
    connection.unsafe = ((...args: Parameters<typeof unsafe>) => {
      if (lost) {
        // The server rolled the transaction back when the connection went; Kysely's ROLLBACK
        // must then succeed, or it fails with an error of its own instead of the lost connection.
        const answer = /^\s*rollback\s*$/i.test(String(args[0]))
          ? Promise.resolve(Object.assign([], { command: 'ROLLBACK', count: 0 }))
          : Promise.reject(lost)
        return Object.assign(answer, { cancel: () => {}, values: () => answer })
      }
      const query = unsafe(...args)
      query.catch((error: { code?: string } | null) => {
        if (error?.code && LOST.has(error.code)) lost = error
      })
      return query
    }) as typeof connection.unsafe
    // postgres.js has already set a lost connection aside to reconnect; releasing it as well would
    // hand the dead connection to the next query.
    const release = connection.release.bind(connection)
    connection.release = () => {
      if (!lost) release()
    }
    return connection
  }
  return client
}

/**
 * PostgreSQL through postgres.js when a URL is given; otherwise PGlite persisted in `dataDir/pglite`
 * (or in memory when `dataDir` is `memory://`). Both return dates as `YYYY-MM-DD` text and
 * bigints as numbers, so the rest of the code sees the same values on either.
 */
export function createDb(options: {
  databaseUrl?: string
  dataDir: string
  maxConnections?: number
  /** Kysely's query log (the benchmark records the SQL of a request with it). */
  log?: LogConfig
}): Db {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // Reconnect at once instead of after a growing pause (up to 20 s): while the database is
      // down a request fails at once with 503, and the first request after it is back succeeds.
      backoff: () => 0,
      // No JIT: PostgreSQL compiles a statement once its estimated cost passes 100 000, which the
      // statistics' per-pilot subqueries do at 100 000 pilots: 1.1 s of compiling for 0.5 s of work.
      connection: { application_name: 'forsoksregisteret', jit: 'off' },
      types: {
        date: {
          to: 1184,
          from: [1114, 1184],
          serialize: (x: Date | string) => (x instanceof Date ? x : new Date(x)).toISOString(),
          parse: (x: string) => new Date(x),
        },
        dateText: {
          to: DATE_OID,
          from: [DATE_OID],
          serialize: (x: string) => x,
          parse: (x: string) => x,
        },
        int8: {
          to: INT8_OID,
          from: [INT8_OID],
          serialize: (x: number) => String(x),
          parse: (x: string) => Number(x),
        },
      },
    })
    return new Kysely<Database>({
      dialect: new PostgresJSDialect({ postgres: refuseOnLostConnections(client) }),
      ...(options.log ? { log: options.log } : {}),
    })
  }
  const inMemory = options.dataDir === 'memory://'
  const dir = join(options.dataDir, 'pglite')
  if (!inMemory) mkdirSync(dir, { recursive: true })
  const pglite = new PGlite({
    ...(inMemory ? {} : { dataDir: dir }),
    extensions: { pg_trgm },
    parsers: { [DATE_OID]: (x: string) => x, [INT8_OID]: (x: string) => Number(x) },
  })
  return new Kysely<Database>({
    dialect: new PGliteDialect({ pglite }),
    ...(options.log ? { log: options.log } : {}),
  })
}
