import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { ActorResolver } from '../actor.ts'
import type { Db } from '../db.ts'
import { ProblemError } from '../problem.ts'
import { loadActor } from './accounts.ts'
import { findSession, type SessionPolicy } from './sessions.ts'
import { findApiToken } from './tokens.ts'

/** The session cookie's name: `__Host-` (Secure, host-only, path /) everywhere but local development. */
export const sessionCookieName = (env: string) =>
  env === 'development' ? 'fr_session' : '__Host-fr_session'

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
}): ActorResolver {
  const cookieName = sessionCookieName(options.env)
  return async (c: Context) => {
    const now = options.clock?.() ?? new Date()
    const authorization = c.req.header('Authorization')
    if (authorization) {
      const [scheme, secret] = authorization.split(' ')
      if (scheme?.toLowerCase() !== 'bearer' || !secret) throw invalidToken()
      const token = await findApiToken(options.db, secret, now)
      if (!token) throw invalidToken()
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
}
