import type { MiddlewareHandler } from 'hono'
import { getPath } from 'hono/utils/url'
import type { AppEnv } from '../app.ts'
import type { Db } from '../db.ts'
import type { Logger } from '../logger.ts'
import { dataChanges } from './data-changes.ts'
import { logRequest } from './request-log.ts'

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
  /**
   * The headers of the whole answer as the app last sent it to a plain request (the secure
   * headers and all, without the per-request ones): once known, `keptAnswersFirst` serves it
   * without the app.
   */
  sent?: Record<string, string>
}

/** The kept answers of one kind of address, and the middleware that keeps and serves them. */
export type KeptAnswers = MiddlewareHandler<AppEnv> & {
  /** The kept answer of `key` (path and query), if it may be served now as it is. */
  current(key: string): Entry | undefined
}

/** The kept answer a request was given (or computed): `keptAnswersFirst` learns its headers. */
const givenTo = new WeakMap<Request, Entry>()

/** The path and query of a request's URL: the key of its kept answer. */
const keyOf = (url: string) => url.slice(url.indexOf('/', url.indexOf('//') + 2))

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
export function computedCache(db: Db, options: ComputedCacheOptions = {}): KeptAnswers {
  const maxAge = options.maxAgeMs ?? 60_000
  const size = options.entries ?? 500
  const data = dataChanges(db)
  const kept = new Map<string, Entry>()
  // Answers being computed: requests that arrive meanwhile wait for it instead of computing too.
  const computing = new Map<string, Promise<Entry | null>>()
  // Whether an answer that only grew old is being computed again.
  let refreshing = false
  const now = () => options.clock?.().getTime() ?? Date.now()
  /**
   * The kept answer of `key` if the data has not changed since it was computed and it has not
   * grown old at `at`; it becomes the most recently used.
   */
  const current = (key: string, at = now()) => {
    const hit = kept.get(key)
    if (!hit || hit.changes !== data.generation || at >= hit.oldAt) return undefined
    kept.delete(key)
    kept.set(key, hit)
    return hit
  }
  const middleware: MiddlewareHandler<AppEnv> = async function computedCache(c, next) {
    if (c.req.method !== 'GET' || c.get('actor')) return next()
    const replay = (entry: Entry) => {
      if (!entry.sent) givenTo.set(c.req.raw, entry)
      const response = new Response(entry.body, { status: entry.status, headers: entry.headers })
      const requestId = c.get('requestId')
      if (requestId) response.headers.set('X-Request-Id', requestId)
      return response
    }
    const key = keyOf(c.req.url)
    const at = now()
    const changes = data.generation
    if (changes === null) return next()
    const fresh = current(key, at)
    if (fresh) return replay(fresh)
    const hit = kept.get(key)
    const unchanged = hit !== undefined && hit.changes === changes
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
          at + maxAge,
          options.dependsOnTime === false ? Number.POSITIVE_INFINITY : minuteOver(key, at)
        ),
        status: c.res.status,
        headers: [...c.res.headers.entries()].filter(([name]) => !PER_REQUEST.has(name)),
        body,
      }
      if (kept.size >= size) kept.delete(kept.keys().next().value as string)
      kept.set(key, entry)
      givenTo.set(c.req.raw, entry)
    } finally {
      computing.delete(key)
      if (unchanged) refreshing = false
      settle(entry)
    }
  }
  return Object.assign(middleware, { current: (key: string) => current(key) })
}

/** Headers that make a request more than a plain public read: the app itself must answer it. */
const NOT_PLAIN = ['authorization', 'if-none-match', 'if-modified-since', 'origin', 'x-request-id']

export interface KeptAnswersFirstOptions {
  /** The kept answers to serve. */
  caches: KeptAnswers[]
  /** Whether a request surely comes from the public (it carries no credential at all). */
  isPublic: (headers: Headers) => boolean
  logger: Logger
}

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>

/**
 * Serves kept answers before the app routes a request: a plain public read (a GET with no
 * credential, no condition, no Origin and no request id of its own) of an address whose answer
 * is kept gets it with the headers the app gave that answer the last time, a request id of its
 * own, and its line in the request log; anything else goes to the app as before. A kept answer
 * given through the app's routing and middleware left ~10 KB of objects per request that outlived
 * a scavenge (the router's match, the secure headers set one by one, the headers copied twice):
 * under load the server paused for garbage collection 20 times a second, 4-23 ms each.
 */
export function keptAnswersFirst<F extends Fetch>(fetch: F, options: KeptAnswersFirstOptions): F {
  const plain = (request: Request) =>
    request.method === 'GET' &&
    NOT_PLAIN.every((name) => !request.headers.has(name)) &&
    options.isPublic(request.headers)
  return ((request: Request, ...rest: never[]) => {
    if (!plain(request)) return fetch(request, ...rest)
    const started = performance.now()
    const key = keyOf(request.url)
    for (const cache of options.caches) {
      const entry = cache.current(key)
      if (!entry?.sent) continue
      const requestId = crypto.randomUUID()
      logRequest(options.logger, {
        reqId: requestId,
        method: 'GET',
        path: getPath(request),
        status: entry.status,
        started,
      })
      return new Response(entry.body, {
        status: entry.status,
        headers: { ...entry.sent, 'x-request-id': requestId },
      })
    }
    return Promise.resolve(fetch(request, ...rest)).then((response) => {
      // The app gave this plain request a kept answer: its headers now are the whole answer's.
      const entry = givenTo.get(request)
      if (entry && !entry.sent && response.status === entry.status) {
        const sent: Record<string, string> = {}
        response.headers.forEach((value, name) => {
          if (!PER_REQUEST.has(name)) sent[name] = value
        })
        entry.sent = sent
      }
      return response
    })
  }) as F
}
