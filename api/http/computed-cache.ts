import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app.ts'
import type { Db } from '../db.ts'
import { dataChanges } from './data-changes.ts'

export interface ComputedCacheOptions {
  /**
   * The longest an answer is served again, also when no change was heard of: the bound on what a
   * notice lost with its connection (before postgres.js listens again) could leave behind.
   */
  maxAgeMs?: number
  /** How many different addresses are kept. */
  entries?: number
  /** The time now (tests pass a fixed clock); answers do not outlive the minute they were for. */
  clock?: () => Date
  /**
   * Whether the answers depend on the time as well as on the data (health flags do: a pilot turns
   * stale at an instant). Answers that do not are kept across minutes, until the data changes.
   */
  dependsOnTime?: boolean
}

interface Entry {
  /** The generation of the data (data-changes.ts) it was computed from. */
  changes: number
  /** The minute it was computed in (0 for answers that do not depend on the time). */
  minute: number
  storedAt: number
  status: number
  headers: [string, string][]
  /** Bytes, not an ArrayBuffer: @hono/node-server writes a Uint8Array body straight to the socket. */
  body: Uint8Array<ArrayBuffer>
}

/** Headers that belong to one exchange, never to a kept answer. */
const PER_REQUEST = new Set(['x-request-id', 'set-cookie'])

/**
 * Keeps the public answers of reads (statistics, facets, pilots) and serves them again until
 * the data changes: the generation of the data (data-changes.ts) is taken before the answer is
 * computed, so a write that commits meanwhile makes the kept answer stale at once. Signed-in
 * viewers (who see drafts) are never cached. The most recently used `entries` answers are kept.
 */
export function computedCache(
  db: Db,
  options: ComputedCacheOptions = {}
): MiddlewareHandler<AppEnv> {
  const maxAge = options.maxAgeMs ?? 60_000
  const size = options.entries ?? 500
  const data = dataChanges(db)
  const kept = new Map<string, Entry>()
  // Answers being computed: requests that arrive meanwhile wait for it instead of computing too.
  const computing = new Map<string, Promise<Entry | null>>()
  return async function computedCache(c, next) {
    if (c.req.method !== 'GET' || c.get('actor')) return next()
    const replay = (entry: Entry) => {
      const response = new Response(entry.body, { status: entry.status, headers: entry.headers })
      const requestId = c.get('requestId')
      if (requestId) response.headers.set('X-Request-Id', requestId)
      return response
    }
    const url = c.req.url
    const minute =
      options.dependsOnTime === false
        ? 0
        : Math.floor((options.clock?.() ?? new Date()).getTime() / 60_000)
    const key = url.slice(url.indexOf('/', url.indexOf('//') + 2))
    const changes = data.generation
    if (changes === null) return next()
    const hit = kept.get(key)
    if (
      hit &&
      hit.changes === changes &&
      hit.minute === minute &&
      Date.now() - hit.storedAt < maxAge
    ) {
      kept.delete(key)
      kept.set(key, hit)
      return replay(hit)
    }
    const pending = computing.get(key)
    if (pending) {
      // The data has not changed since the kept answer, it has only grown old (a new minute, or
      // maxAge): it is served while one request computes it again, instead of queueing them all.
      if (hit && hit.changes === changes) return replay(hit)
      const entry = await pending
      if (entry && entry.changes === changes) return replay(entry)
      return next()
    }
    let settle: (entry: Entry | null) => void = () => {}
    computing.set(key, new Promise((resolve) => (settle = resolve)))
    let entry: Entry | null = null
    try {
      await next()
      if (c.res.status !== 200) return
      // Kept with its ETag (a record's version, or the hash tagJsonReads gave it), so the ETag
      // middleware need not hash the body on every hit.
      const body = new Uint8Array(await c.res.clone().arrayBuffer())
      entry = {
        changes,
        minute,
        storedAt: Date.now(),
        status: c.res.status,
        headers: [...c.res.headers.entries()].filter(([name]) => !PER_REQUEST.has(name)),
        body,
      }
      if (kept.size >= size) kept.delete(kept.keys().next().value as string)
      kept.set(key, entry)
    } finally {
      computing.delete(key)
      settle(entry)
    }
  }
}
