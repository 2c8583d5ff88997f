import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { Kysely, type LogConfig, PGliteDialect } from 'kysely'
import { PostgresJSDialect } from 'kysely-postgres-js'
import postgres from 'postgres'
import type { Database } from '../schema/database.ts'

export type Db = Kysely<Database>

/** What a listener on a notification channel of the database is told. */
export interface Listener {
  /** A notification on the channel. */
  notified(): void
  /**
   * The database listens for this process (again): at the start, and after a lost connection
   * came back, when notifications sent meanwhile were missed.
   */
  listening(): void
}

/** How each database listens on a channel, and what stops its listeners when it is destroyed. */
const listenerOf = new WeakMap<Db, (channel: string, listener: Listener) => void>()

/**
 * Listens on a notification channel (PostgreSQL's LISTEN/NOTIFY): on PostgreSQL over a
 * connection of its own, which postgres.js opens again and listens on again when it is lost; on
 * PGlite in the same instance. It stops when the database is destroyed.
 */
export function listen(db: Db, channel: string, listener: Listener) {
  const start = listenerOf.get(db)
  if (!start) throw new Error('This database was not opened with createDb')
  start(channel, listener)
}

const DATE_OID = 1082
const INT8_OID = 20

/**
 * How postgres.js and Node name a connection that is gone, and PostgreSQL's own last words on one
 * it ends: terminated by an administrator, crash or immediate shutdown, connection failure. The
 * HTTP layer answers these with 503 (api/http/database-errors.ts).
 */
export const LOST_CONNECTION = new Set([
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

/** The answer a reserved connection gives once its server is gone. */
function closedError() {
  return Object.assign(new Error('The connection to the database was closed'), {
    code: 'CONNECTION_CLOSED',
  })
}

/** A reserved connection that lost its server: ROLLBACK answers as done, everything else fails. */
function refusal(lost: unknown, statement: unknown) {
  // The server rolled the transaction back when the connection went; Kysely's ROLLBACK must
  // then succeed, or it fails with an error of its own instead of the lost connection.
  const answer = /^\s*rollback\s*$/i.test(String(statement))
    ? Promise.resolve(Object.assign([], { command: 'ROLLBACK', count: 0 }))
    : Promise.reject(lost)
  answer.catch(() => {})
  return Object.assign(answer, { cancel: () => {}, values: () => answer })
}

interface Slot {
  client: postgres.Sql
  /** Called when the slot's connection closes; set while the slot is reserved. */
  lose: ((error: unknown) => void) | null
}

/**
 * Kysely reserves a postgres.js connection for every query and transaction. postgres.js's own
 * pool mishandles a connection the server drops (a crash, a restart, pg_terminate_backend): a
 * reserve() waiting in its queue when another connection closes is never answered
 * (porsager/postgres#1195); a reserved connection whose server went away between two statements
 * throws outside any promise on the next one, which ends the process (#1208); and releasing it
 * hangs the pool (#1199). So the pool here is our own: `size` postgres.js clients of one
 * connection each, handed out first come, first served. Each client tells its slot when its
 * connection closes; a reservation that lost its server refuses further statements with that
 * error (its ROLLBACK answers as done), and when it is released the slot gets a fresh client
 * (which connects when the slot is next reserved) instead of handing the dead one back. Returns what PostgresJSDialect needs of a
 * postgres.js `Sql`: `reserve` and `end`.
 */
function connectionPool(size: number, connect: (onclose: () => void) => postgres.Sql) {
  const slots: Slot[] = []
  const idle: Slot[] = []
  const waiting: { resolve: (slot: Slot) => void; reject: (error: unknown) => void }[] = []
  let ended = false
  /** A fresh client for the slot; only the slot's current client may report a closed connection. */
  const attach = (slot: Slot) => {
    const client = connect(() => {
      if (slot.client === client) slot.lose?.(closedError())
    })
    slot.client = client
  }
  for (let i = 0; i < size; i++) {
    const slot: Slot = { client: null as unknown as postgres.Sql, lose: null }
    attach(slot)
    slots.push(slot)
    idle.push(slot)
  }
  const handBack = (slot: Slot) => {
    slot.lose = null
    const next = waiting.shift()
    if (next) next.resolve(slot)
    else idle.push(slot)
  }

  async function reserve() {
    if (ended) throw Object.assign(new Error('The pool has ended'), { code: 'CONNECTION_ENDED' })
    const slot =
      idle.pop() ??
      (await new Promise<Slot>((resolve, reject) => waiting.push({ resolve, reject })))
    const client = slot.client
    let lost: unknown = null
    slot.lose = (error) => {
      lost ??= error
    }
    const unsafe = (...args: Parameters<postgres.Sql['unsafe']>) => {
      if (lost) return refusal(lost, args[0])
      const query = client.unsafe(...args)
      query.catch((error: { code?: string } | null) => {
        if (error?.code && LOST_CONNECTION.has(error.code)) lost ??= error
      })
      return query
    }
    const release = () => {
      if (lost) {
        // A connection that went away mid-reservation may leave the client half-way through a
        // query; the slot starts afresh with a new client.
        client.end({ timeout: 0 }).catch(() => {})
        attach(slot)
      }
      handBack(slot)
    }
    return { unsafe, release } as unknown as postgres.ReservedSql
  }

  async function end(options?: { timeout?: number }) {
    ended = true
    for (const waiter of waiting.splice(0))
      waiter.reject(Object.assign(new Error('The pool has ended'), { code: 'CONNECTION_ENDED' }))
    await Promise.all(slots.map((slot) => slot.client.end(options)))
  }

  // PostgresJSDialect recognises a postgres.js instance as a function with `reserve`.
  return Object.assign(() => {}, { reserve, end }) as unknown as postgres.Sql
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
    const url = options.databaseUrl
    const pool = connectionPool(options.maxConnections ?? 10, (onclose) =>
      postgres(url, { max: 1, onclose, ...clientOptions })
    )
    // One connection of its own for notifications, opened at the first listen.
    let notifications: postgres.Sql | null = null
    const end = pool.end
    pool.end = async (endOptions) => {
      await notifications?.end({ timeout: 0 })
      return end(endOptions)
    }
    const db = new Kysely<Database>({
      dialect: new PostgresJSDialect({ postgres: pool }),
      ...(options.log ? { log: options.log } : {}),
    })
    listenerOf.set(db, (channel, listener) => {
      notifications ??= postgres(url, listenOptions)
      notifications
        .listen(
          channel,
          () => listener.notified(),
          () => listener.listening()
        )
        .catch(() => {})
    })
    return db
  }
  const inMemory = options.dataDir === 'memory://'
  const dir = join(options.dataDir, 'pglite')
  if (!inMemory) mkdirSync(dir, { recursive: true })
  const pglite = new PGlite({
    ...(inMemory ? {} : { dataDir: dir }),
    extensions: { pg_trgm },
    parsers: { [DATE_OID]: (x: string) => x, [INT8_OID]: (x: string) => Number(x) },
  })
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({ pglite }),
    ...(options.log ? { log: options.log } : {}),
  })
  listenerOf.set(db, (channel, listener) => {
    pglite
      .listen(channel, () => listener.notified())
      .then(
        () => listener.listening(),
        () => {}
      )
  })
  return db
}

/** How every postgres.js client of the app talks to PostgreSQL. */
const clientOptions = {
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
} satisfies postgres.Options<Record<string, postgres.PostgresType>>

/**
 * The connection that listens for notifications: with postgres.js's own growing pause between
 * attempts to connect again, as no request waits for it and it must not hammer a database that
 * is down.
 */
const { backoff: _, ...listenOptions } = {
  ...clientOptions,
  connection: { ...clientOptions.connection, application_name: 'forsoksregisteret-listen' },
}
