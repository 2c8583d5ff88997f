import type { Db } from '../db.ts'

/** PostgreSQL's "try again": a serialisation failure or a deadlock the server broke up. */
const RETRYABLE = new Set(['40001', '40P01'])
const ATTEMPTS = 5

export function isRetryable(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && RETRYABLE.has(code)
}

/**
 * Runs `work` in a transaction, and again (up to five times, after a short random pause) when
 * PostgreSQL aborted it for colliding with another: the client never sees a collision that a
 * retry resolves. `work` must have no effects outside the transaction.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work)
    } catch (error) {
      if (!isRetryable(error) || attempt >= ATTEMPTS) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt))
    }
  }
}
