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
      connection: { application_name: 'forsoksregisteret' },
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
      dialect: new PostgresJSDialect({ postgres: client }),
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
