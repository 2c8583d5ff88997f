import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app.ts'
import type { Logger } from '../logger.ts'

/** What the log says of one request. */
interface RequestLine {
  /** Only where the logger does not carry it already. */
  reqId?: string
  method: string
  path: string
  status: number
  /** `performance.now()` when the request came in. */
  started: number
  actor?: string | undefined
}

/**
 * Writes the log line of one request: errors as errors, refusals as warnings (they are part of
 * the audit trail: who was turned away from what, never a secret), the rest as information.
 */
export function logRequest(log: Logger, request: RequestLine) {
  const { started, ...rest } = request
  const level = rest.status >= 500 ? 'error' : REFUSED.has(rest.status) ? 'warn' : 'info'
  if (!log.isLevelEnabled(level)) return
  const line = {
    ...rest,
    ms: Math.round((performance.now() - started) * 10) / 10,
    ...(level === 'warn' ? { event: 'refused' } : {}),
  }
  log[level](line, 'request')
}

const REFUSED = new Set([401, 403, 429])

/** One structured log line per request, with the request id that is also in `X-Request-Id`. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now()
    const log = logger.child({ reqId: c.get('requestId') })
    c.set('log', log)
    await next()
    logRequest(log, {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      started,
      actor: c.get('actor')?.userId,
    })
  }
}
