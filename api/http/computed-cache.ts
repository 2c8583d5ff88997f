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
  /** The time now (tests pass a fixed clock). */
  clock?: () => Date
  /**
   * Whether the answers depend on the time as well as on the data (health flags do: a pilot turns
   * stale at an instant). Those are computed again once a minute; answers that do not are kept
   * until the data changes (or `maxAgeMs`).
   */
  dependsOnTime?: boolean
}

interface Entry {
  /** The generation of the data (data-changes.ts) it was computed from. */
  changes: number
  /** When it has grown old (ms since 1970): its minute is over, or `maxAgeMs` has passed. */
  oldAt: number
  status: number
  headers: [string, string][]
  /** Bytes, not an ArrayBuffer: @hono/node-server writes a Uint8Array body straight to the socket. */
  body: Uint8Array<ArrayBuffer>
}

/**
 * When the minute of an answer computed `now` is over. Each address has its own minute, offset
 * from the clock's by a hash of the address: the answers of many addresses then grow old spread
 * over the minute, not all at its turn (at 100 000 pilots, 200 pilot pages computed again at
 * once held each worker for 300 ms), and none is ever more than a minute old.
 */
function minuteOver(key: string, now: number) {
  let hash = 2166136261
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619)
  const offset = (hash >>> 0) % 60_000
  return Math.floor((now - offset) / 60_000) * 60_000 + offset + 60_000
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
  // Whether an answer that only grew old is being computed again.
  let refreshing = false
  return async function computedCache(c, next) {
    if (c.req.method !== 'GET' || c.get('actor')) return next()
    const replay = (entry: Entry) => {
      const response = new Response(entry.body, { status: entry.status, headers: entry.headers })
      const requestId = c.get('requestId')
      if (requestId) response.headers.set('X-Request-Id', requestId)
      return response
    }
    const url = c.req.url
    const now = options.clock?.().getTime() ?? Date.now()
    const key = url.slice(url.indexOf('/', url.indexOf('//') + 2))
    const changes = data.generation
    if (changes === null) return next()
    const hit = kept.get(key)
    const unchanged = hit !== undefined && hit.changes === changes
    if (unchanged && now < hit.oldAt) {
      kept.delete(key)
      kept.set(key, hit)
      return replay(hit)
    }
    // The data has not changed since the kept answer, it has only grown old (its minute is over,
    // or maxAge): it is served while one request computes it again, instead of queueing them all.
    // One such answer at a time, between other requests: answers that grow old together are
    // computed one after another, not all at once.
    if (unchanged && refreshing) return replay(hit)
    const pending = computing.get(key)
    if (pending) {
      const entry = await pending
      if (entry && entry.changes === changes) return replay(entry)
      return next()
    }
    let settle: (entry: Entry | null) => void = () => {}
    computing.set(key, new Promise((resolve) => (settle = resolve)))
    if (unchanged) refreshing = true
    let entry: Entry | null = null
    try {
      await next()
      if (c.res.status !== 200) return
      // Kept with its ETag (a record's version, or the hash tagJsonReads gave it), so the ETag
      // middleware need not hash the body on every hit.
      const body = new Uint8Array(await c.res.clone().arrayBuffer())
      entry = {
        changes,
        oldAt: Math.min(
          now + maxAge,
          options.dependsOnTime === false ? Number.POSITIVE_INFINITY : minuteOver(key, now)
        ),
        status: c.res.status,
        headers: [...c.res.headers.entries()].filter(([name]) => !PER_REQUEST.has(name)),
        body,
      }
      if (kept.size >= size) kept.delete(kept.keys().next().value as string)
      kept.set(key, entry)
    } finally {
      computing.delete(key)
      if (unchanged) refreshing = false
      settle(entry)
    }
  }
}
