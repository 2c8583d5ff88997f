import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app.ts'
import type { Logger } from '../logger.ts'

/** One structured log line per request, with the request id that is also in `X-Request-Id`. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now()
    const log = logger.child({ reqId: c.get('requestId') })
    c.set('log', log)
    await next()
    const status = c.res.status
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      actor: c.get('actor')?.userId,
    }
    if (status >= 500) log.error(line, 'request')
    // Refusals are part of the audit trail: who was turned away from what (never a secret).
    else if (status === 401 || status === 403 || status === 429)
      log.warn({ ...line, event: 'refused' }, 'request')
    else log.info(line, 'request')
  }
}
