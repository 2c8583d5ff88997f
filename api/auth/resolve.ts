import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { ActorResolver } from '../actor.ts'
import type { Db } from '../db.ts'
import { ProblemError } from '../problem.ts'
import { loadActor } from './accounts.ts'
import { RateLimiter } from './rate-limit.ts'
import { findSession, type SessionPolicy } from './sessions.ts'
import { findApiToken } from './tokens.ts'

/** The session cookie's name: `__Host-` (Secure, host-only, path /) everywhere but local development. */
export const sessionCookieName = (env: string) =>
  env === 'development' ? 'fr_session' : '__Host-fr_session'

/** The connection's own address; X-Forwarded-For is not trusted (any client can set it). */
export function connectionAddress(c: Context) {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

function tooManyRequests(waitMs: number) {
  return new ProblemError(429, 'too_many_requests', 'Too many requests', {
    detail: `Wait ${Math.ceil(waitMs / 1000)} seconds before you try again`,
  })
}

export function invalidToken() {
  return new ProblemError(401, 'invalid_token', 'The API token is not valid', {
    detail: 'It is unknown, revoked or expired',
  })
}

/**
 * Finds who is asking: an API token in `Authorization: Bearer …`, else the session cookie, else
 * nobody (the public). A bearer token that is not valid is refused rather than read as anonymous.
 */
export function credentialsResolver(options: {
  db: Db
  env: string
  policy: SessionPolicy
  clock?: () => Date
  /** Requests one token may make per minute, and failed token attempts one address may make. */
  limits?: { tokenRequestsPerMinute: number; failedTokensPerMinute: number }
}): ActorResolver {
  const cookieName = sessionCookieName(options.env)
  const limits = options.limits ?? { tokenRequestsPerMinute: 600, failedTokensPerMinute: 20 }
  const perToken = new RateLimiter(limits.tokenRequestsPerMinute, 60_000)
  const failuresPerAddress = new RateLimiter(limits.failedTokensPerMinute, 60_000)
  const resolve: ActorResolver = async (c: Context) => {
    const now = options.clock?.() ?? new Date()
    const authorization = c.req.header('Authorization')
    if (authorization) {
      const address = connectionAddress(c)
      if (failuresPerAddress.retryAfter(address) > 0)
        throw tooManyRequests(failuresPerAddress.retryAfter(address))
      const [scheme, secret] = authorization.split(' ')
      const token =
        scheme?.toLowerCase() === 'bearer' && secret
          ? await findApiToken(options.db, secret, now)
          : undefined
      if (!token) {
        failuresPerAddress.record(address)
        throw invalidToken()
      }
      const wait = perToken.retryAfter(token.id)
      if (wait > 0) throw tooManyRequests(wait)
      perToken.record(token.id)
      const actor = await loadActor(options.db, token.userId, {
        organisationId: token.organisationId,
        scopes: token.scopes,
      })
      // A token acts only for its organisation, and only while its owner still belongs to it.
      if (!actor || actor.organisationId !== token.organisationId) throw invalidToken()
      return {
        ...actor,
        memberships: actor.memberships.filter((m) => m.organisationId === token.organisationId),
      }
    }
    const cookie = getCookie(c, cookieName)
    if (!cookie) return null
    const session = await findSession(options.db, cookie, options.policy, now)
    if (!session) return null
    return loadActor(options.db, session.userId, { organisationId: session.organisationId })
  }
  // Neither a token nor (anywhere in the cookies) the session cookie's name.
  resolve.isPublic = (headers) =>
    !headers.has('authorization') && !headers.get('cookie')?.includes(cookieName)
  return resolve
}
