import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { Actor } from '../actor.ts'
import type { Db } from '../db.ts'
import { ProblemError, validationFailed } from '../problem.ts'
import { jsonb } from '../queries/sql.ts'
import { inTransaction } from './retry.ts'

/** What a write answers; stored with its key so a retry gets the same answer. */
export interface WriteResult {
  status: 200 | 201
  body: unknown
  headers: Record<string, string>
}

const KEY = /^[\x21-\x7e]{1,200}$/

/**
 * Runs `write` in one transaction. With an `Idempotency-Key`, the key is claimed in that same
 * transaction and the response stored with it: a repeat (even one racing the first) waits for the
 * first to commit and gets its response replayed; if the first fails, nothing of it remains.
 */
export async function idempotentWrite(
  db: Db,
  c: Context,
  actor: Actor,
  input: unknown,
  write: (trx: Db) => Promise<WriteResult>
): Promise<WriteResult & { replayed: boolean }> {
  const key = c.req.header('Idempotency-Key')
  if (key === undefined) return { ...(await inTransaction(db, write)), replayed: false }
  if (!KEY.test(key)) {
    throw validationFailed([
      {
        in: 'header',
        pointer: '/Idempotency-Key',
        field: 'Idempotency-Key',
        code: 'invalid_format',
        detail: '1 to 200 visible ASCII characters',
      },
    ])
  }
  const method = c.req.method
  const path = c.req.path
  const hash = createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(input)}`)
    .digest('hex')
  return inTransaction(db, async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ scope: actor.userId, key, method, path, request_hash: hash })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst()
    if (!claimed) {
      const stored = await trx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('scope', '=', actor.userId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow()
      if (stored.request_hash !== hash || stored.status === null) {
        throw new ProblemError(
          422,
          'idempotency_key_reused',
          'Idempotency-Key already used for another request',
          {
            detail:
              'Use a new key for a new request; reuse a key only to retry the very same request',
          }
        )
      }
      return {
        status: stored.status as 200 | 201,
        body: stored.body,
        headers: stored.headers ?? {},
        replayed: true,
      }
    }
    const result = await write(trx)
    await trx
      .updateTable('idempotency_keys')
      .set({
        status: result.status,
        body: jsonb(result.body),
        headers: jsonb(result.headers),
      })
      .where('scope', '=', actor.userId)
      .where('key', '=', key)
      .execute()
    return { ...result, replayed: false }
  })
}

/** Forgets keys older than a day; a retry after that is a new request. */
export async function pruneIdempotencyKeys(db: Db, olderThanHours = 24) {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(Date.now() - olderThanHours * 3600_000))
    .execute()
}

/** Puts a write's stored headers on the response, and says when it is a replay. */
export function applyWriteHeaders(c: Context, result: WriteResult & { replayed: boolean }) {
  for (const [name, value] of Object.entries(result.headers)) c.header(name, value)
  if (result.replayed) c.header('Idempotent-Replayed', 'true')
}
