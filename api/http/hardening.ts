import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from '../app.ts'
import { ProblemError } from '../problem.ts'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Secure headers with a strict Content-Security-Policy: scripts only from our own origin (no
 * inline script), no plugins, no <base>, no framing; HSTS for a year outside development. A
 * response that sets one of these headers itself keeps its own (a report PDF's sandbox policy).
 */
export function hardenedHeaders(env: string) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Lit's styles and the design system's CSS are files or constructed sheets; attributes may set style.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    strictTransportSecurity: env === 'development' ? false : 'max-age=31536000; includeSubDomains',
    referrerPolicy: 'strict-origin-when-cross-origin',
    overwrite: false,
  })
}

/**
 * A browser's session cookie goes with every request to us, also from other sites: a changing
 * request that carries the cookie must come from our own origin (Origin or Sec-Fetch-Site says).
 * API tokens are not sent by browsers on their own, so requests with a bearer token pass.
 */
export function sameOriginWrites(cookieName: string): MiddlewareHandler<AppEnv> {
  return async function sameOriginWrites(c, next) {
    if (UNSAFE.has(c.req.method) && !c.req.header('Authorization') && getCookie(c, cookieName)) {
      const origin = c.req.header('Origin')
      const site = c.req.header('Sec-Fetch-Site')
      const own = new URL(c.req.url).origin
      const sameOrigin = origin ? origin === own : site === 'same-origin'
      if (!sameOrigin) {
        c.get('log')?.warn(
          { event: 'cross_site_refused', origin, site },
          'cross-site write refused'
        )
        throw new ProblemError(
          403,
          'cross_site_request',
          'The request does not come from this site',
          {
            detail:
              'Changes with a session cookie must come from the registry itself; use an API token from other places',
          }
        )
      }
    }
    await next()
  }
}
