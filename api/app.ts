import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { etag } from 'hono/etag'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import type { Actor, ActorResolver } from './actor.ts'
import { sessionCookieName } from './auth/resolve.ts'
import type { Config } from './config.ts'
import type { Db } from './db.ts'
import {
  type ComputedCacheOptions,
  computedCache,
  type KeptAnswers,
  keptAnswersFirst,
} from './http/computed-cache.ts'
import { dataChanges } from './http/data-changes.ts'
import { problemFromDatabaseError } from './http/database-errors.ts'
import { tagJsonReads } from './http/etag.ts'
import { hardenedHeaders, sameOriginWrites } from './http/hardening.ts'
import { requestLog } from './http/request-log.ts'
import type { Logger } from './logger.ts'
import { fieldErrorsFromZod, ProblemError, validationFailed } from './problem.ts'
import { adminRoutes } from './routes/admin.ts'
import { adoptionRoutes } from './routes/adoptions.ts'
import { authRoutes } from './routes/auth.ts'
import { benefitRoutes } from './routes/benefits.ts'
import { catalogRoutes } from './routes/catalog.ts'
import { docsRoutes } from './routes/docs.ts'
import { evaluationRoutes } from './routes/evaluations.ts'
import { exportRoutes } from './routes/exports.ts'
import { feedRoutes } from './routes/feeds.ts'
import { healthRoutes } from './routes/health.ts'
import { metricRoutes } from './routes/metrics.ts'
import { municipalityRoutes } from './routes/municipalities.ts'
import { oidcRoutes } from './routes/oidc.ts'
import { organisationRoutes } from './routes/organisations.ts'
import { pilotRoutes } from './routes/pilots.ts'
import { statsRoutes } from './routes/stats.ts'
import { webRoutes } from './routes/web.ts'

export interface AppEnv {
  Variables: {
    actor: Actor | null
    requestId: string
    log: Logger
  }
}

export interface AppDeps {
  db: Db
  config: Pick<Config, 'bodyLimit' | 'env' | 'session'> & {
    corsOrigins?: string[]
    oidc?: Config['oidc']
  }
  logger: Logger
  resolveActor: ActorResolver
  /** The time now; tests pass a fixed clock. */
  clock?: () => Date
}

/** A sub-app whose invalid input becomes a 400 problem naming each field. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw validationFailed(fieldErrorsFromZod(result.error.issues, result.target))
    },
  })
}

function problemResponse(c: Context<AppEnv>, err: ProblemError) {
  const problem = err.toProblem(c.req.path, c.get('requestId'))
  return c.body(JSON.stringify(problem), err.status as 400, {
    'Content-Type': 'application/problem+json',
  })
}

/**
 * The body's SHA-1 for ETags, computed in place: Web Crypto's digest goes through the thread pool
 * and costs every list and search a round trip there.
 */
function sha1(body: Uint8Array): ArrayBuffer {
  const digest = createHash('sha1').update(body).digest()
  return digest.buffer.slice(
    digest.byteOffset,
    digest.byteOffset + digest.byteLength
  ) as ArrayBuffer
}

/** Builds the whole HTTP application around the dependencies it is given. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>()

  app.use(requestId({ headerName: 'X-Request-Id' }))
  app.use(requestLog(deps.logger))
  app.use(hardenedHeaders(deps.config.env))
  // Every read gets an ETag (a pilot's is its version; others hash the body) and If-None-Match works.
  app.use('/api/v1/*', etag({ weak: true, generateDigest: sha1 }))
  app.use('/api/v1/*', tagJsonReads)
  // Browsers on other sites may call the API only from the configured origins (none by default).
  if (deps.config.corsOrigins?.length) {
    app.use('/api/*', cors({ origin: deps.config.corsOrigins, credentials: false, maxAge: 600 }))
  }
  app.use('/api/*', sameOriginWrites(sessionCookieName(deps.config.env)))
  app.use('/api/*', async (c, next) => {
    c.set('actor', await deps.resolveActor(c))
    await next()
  })
  // A write that succeeded has committed: this process's kept answers are stale from now on,
  // without waiting for the database's notice (which tells the other processes).
  const changes = dataChanges(deps.db)
  app.use('/api/*', async (c, next) => {
    await next()
    const read = c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS'
    if (!read && c.res.status < 400) changes.changed()
  })
  const jsonBodyLimit = bodyLimit({
    maxSize: deps.config.bodyLimit,
    onError: () => {
      throw new ProblemError(413, 'body_too_large', 'The request body is too large', {
        detail: `The body must not exceed ${deps.config.bodyLimit} bytes`,
      })
    },
  })
  // Report uploads are PDFs of up to 20 MB; their route sets its own limit. Reads have no body to
  // limit (and asking for it costs every read a full Request object).
  const isReportUpload = (method: string, path: string) =>
    method === 'PUT' && /\/evaluations\/[^/]+\/report$/.test(path)
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || isReportUpload(c.req.method, c.req.path)
      ? next()
      : jsonBodyLimit(c, next)
  )

  // Public answers are kept until the data changes (see computed-cache.ts). Statistics and
  // facets read every pilot; the pipeline, the facets and the pilots count health flags, which
  // change with the time as well. The most read pages (a pilot, the lists and searches) are
  // served again from memory too.
  const clock = deps.clock ? { clock: deps.clock } : {}
  // Every kept answer is also served before routing (keptAnswersFirst, below).
  const keptReads: KeptAnswers[] = []
  const keep = (options: ComputedCacheOptions) => {
    const cache = computedCache(deps.db, options)
    keptReads.push(cache)
    return cache
  }
  const flagReads = keep(clock)
  for (const path of ['/api/v1/stats/pipeline', '/api/v1/pilots/facets']) app.use(path, flagReads)
  app.use('/api/v1/stats/spread', keep({ dependsOnTime: false }))
  const pilotReads = keep({ ...clock, entries: 2000 })
  app.use('/api/v1/pilots', pilotReads)
  app.use('/api/v1/pilots/:id{[0-9a-fA-F-]{36}}', pilotReads)

  const api = createRouter()
  api.route('/', healthRoutes(deps))
  api.route('/', authRoutes(deps))
  api.route('/', oidcRoutes(deps, deps.config.oidc ?? null))
  api.route('/', adminRoutes(deps))
  api.route('/', organisationRoutes(deps))
  api.route('/', municipalityRoutes(deps))
  api.route('/', pilotRoutes(deps))
  api.route('/', metricRoutes(deps))
  api.route('/', benefitRoutes(deps))
  api.route('/', evaluationRoutes(deps))
  api.route('/', adoptionRoutes(deps))
  api.route('/', statsRoutes(deps))
  api.route('/', feedRoutes(deps))
  api.route('/', exportRoutes(deps))
  api.route('/', catalogRoutes(deps))
  const docs = docsRoutes(api)
  app.route('/api/v1', api)
  app.route('/api', docs)

  // The web app: its built files, and index.html for every other address outside /api/.
  app.route('/', webRoutes({ distDir: fileURLToPath(new URL('../dist/ui', import.meta.url)) }))

  app.notFound((c) => {
    const err = new ProblemError(404, 'not_found', 'Not found', {
      detail: `No route for ${c.req.method} ${c.req.path}`,
    })
    return problemResponse(c, err)
  })

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error)
    if (error instanceof HTTPException) {
      const code =
        error.status === 400 && /json/i.test(error.message)
          ? 'malformed_json'
          : error.status === 415
            ? 'unsupported_media_type'
            : 'http_error'
      const detail =
        code === 'malformed_json'
          ? 'The request body is not valid JSON'
          : code === 'unsupported_media_type'
            ? 'Send the body as application/json'
            : error.message
      return problemResponse(c, new ProblemError(error.status, code, detail, { detail }))
    }
    const fromDatabase = problemFromDatabaseError(error)
    if (fromDatabase) return problemResponse(c, fromDatabase)
    c.get('log')?.error({ err: error }, 'unhandled error')
    return problemResponse(
      c,
      new ProblemError(500, 'internal_error', 'Something went wrong on our side', {
        detail: 'The error is logged; quote the request id if you contact us',
      })
    )
  })

  // Plain public reads of kept answers are served before routing (see keptAnswersFirst); that
  // needs to know who is surely the public, which only the resolver can tell.
  const { isPublic } = deps.resolveActor
  if (isPublic) {
    app.fetch = keptAnswersFirst(app.fetch, { caches: keptReads, isPublic, logger: deps.logger })
  }
  return app
}
