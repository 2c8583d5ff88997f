import { createRoute, type z } from '@hono/zod-openapi'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import {
  ApiToken,
  CreatedToken,
  LoginRequest,
  Me,
  PasswordChange,
  SwitchOrganisation,
  TokenCreate,
} from '../../schema/auth.ts'
import { page } from '../../schema/common.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { describeUser, loadActor } from '../auth/accounts.ts'
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.ts'
import { forbidden, isMemberOf } from '../auth/permissions.ts'
import { RateLimiter } from '../auth/rate-limit.ts'
import { connectionAddress, sessionCookieName } from '../auth/resolve.ts'
import {
  createSession,
  endSession,
  sessionHash,
  switchSessionOrganisation,
} from '../auth/sessions.ts'
import { createApiToken } from '../auth/tokens.ts'
import { requireActor } from '../http/actor.ts'
import { IdParams, jsonBody, jsonResponse, problems } from '../http/openapi.ts'
import { notFound, ProblemError, validationFailed } from '../problem.ts'

const FAILED_LOGINS_PER_ACCOUNT = 10
const FAILED_LOGINS_PER_ADDRESS = 50
const WINDOW_MS = 15 * 60_000

function unauthenticated() {
  return new ProblemError(401, 'unauthenticated', 'Sign in first')
}

export function authRoutes(deps: AppDeps) {
  const { db, config } = deps
  const now = () => deps.clock?.() ?? new Date()
  const cookieName = sessionCookieName(config.env)
  const secure = config.env !== 'development'
  const byAccount = new RateLimiter(FAILED_LOGINS_PER_ACCOUNT, WINDOW_MS)
  const byAddress = new RateLimiter(FAILED_LOGINS_PER_ADDRESS, WINDOW_MS)
  const policy = config.session

  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/login',
        tags: ['accounts'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        request: { body: jsonBody(LoginRequest) },
        responses: { 200: jsonResponse(Me, 'Signed in'), ...problems(400, 401, 403, 415, 429) },
      }),
      async (c) => {
        const { email, password } = c.req.valid('json')
        const address = connectionAddress(c)
        const wait = Math.max(byAccount.retryAfter(email), byAddress.retryAfter(address))
        if (wait > 0) {
          c.get('log')?.warn({ event: 'login_throttled', email, address }, 'login throttled')
          c.header('Retry-After', String(Math.ceil(wait / 1000)))
          throw new ProblemError(429, 'too_many_attempts', 'Too many failed sign-ins', {
            detail: 'Wait a while before you try again',
          })
        }
        const user = await db
          .selectFrom('users')
          .select(['id', 'password_hash', 'disabled_at'])
          .where('email', '=', email)
          .executeTakeFirst()
        const valid = await verifyPassword(user?.password_hash ?? null, password)
        if (!user || !valid || user.disabled_at) {
          byAccount.record(email)
          byAddress.record(address)
          c.get('log')?.warn({ event: 'login_failed', email, address }, 'login failed')
          throw new ProblemError(401, 'invalid_credentials', 'Wrong e-mail address or password')
        }
        byAccount.reset(email)
        // A new session at every sign-in: a session id planted before it is worth nothing after.
        const previous = getCookie(c, cookieName)
        if (previous) await endSession(db, previous)
        const actor = await loadActor(db, user.id)
        if (!actor)
          throw new ProblemError(401, 'invalid_credentials', 'Wrong e-mail address or password')
        const token = await createSession(db, user.id, actor.organisationId, policy, now())
        await db
          .updateTable('users')
          .set({ last_login_at: now() })
          .where('id', '=', user.id)
          .execute()
        setCookie(c, cookieName, token, {
          httpOnly: true,
          sameSite: 'Lax',
          secure,
          path: '/',
          maxAge: policy.maxHours * 3600,
        })
        c.get('log')?.info({ event: 'login', userId: user.id, address }, 'signed in')
        c.set('actor', actor)
        return c.json(await describeUser(db, actor), 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/logout',
        tags: ['accounts'],
        summary: 'Sign out: the session ends on the server',
        responses: { 204: { description: 'Signed out' } },
      }),
      async (c) => {
        const token = getCookie(c, cookieName)
        if (token) await endSession(db, token)
        deleteCookie(c, cookieName, { path: '/', secure })
        return c.body(null, 204)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/auth/me',
        tags: ['accounts'],
        summary: 'Who is signed in',
        responses: { 200: jsonResponse(Me, 'The signed-in user'), ...problems(401, 403) },
      }),
      async (c) => {
        const actor = c.get('actor')
        if (!actor) throw unauthenticated()
        c.header('Cache-Control', 'private, no-store')
        return c.json(await describeUser(db, actor), 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/organisation',
        tags: ['accounts'],
        summary: 'Act for another of your organisations',
        request: { body: jsonBody(SwitchOrganisation) },
        responses: {
          200: jsonResponse(Me, 'Now acting for that organisation'),
          ...problems(400, 401, 403, 415),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const token = getCookie(c, cookieName)
        const { organisationId } = c.req.valid('json')
        if (!token) throw forbidden('Switching organisation needs a signed-in session')
        if (!isMemberOf(actor, organisationId))
          throw forbidden('You are not a member of that organisation')
        await switchSessionOrganisation(db, token, organisationId)
        return c.json(await describeUser(db, { ...actor, organisationId }), 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/password',
        tags: ['accounts'],
        summary: 'Set or change your password (your other sessions end)',
        request: { body: jsonBody(PasswordChange) },
        responses: { 204: { description: 'Changed' }, ...problems(400, 401, 403, 415) },
      }),
      async (c) => {
        const actor = requireActor(c)
        if (!actor.scopes.includes('write'))
          throw forbidden('A read-only token cannot change a password')
        const { currentPassword, newPassword } = c.req.valid('json')
        const user = await db
          .selectFrom('users')
          .select(['email', 'password_hash'])
          .where('id', '=', actor.userId)
          .executeTakeFirstOrThrow()
        if (
          user.password_hash &&
          !(await verifyPassword(user.password_hash, currentPassword ?? ''))
        ) {
          throw validationFailed([
            {
              in: 'body',
              pointer: '/currentPassword',
              field: 'currentPassword',
              code: 'wrong',
              detail: 'Not your current password',
            },
          ])
        }
        const problem = passwordProblem(newPassword, user.email)
        if (problem) {
          throw validationFailed([
            {
              in: 'body',
              pointer: '/newPassword',
              field: 'newPassword',
              code: 'weak',
              detail: problem,
            },
          ])
        }
        const passwordHash = await hashPassword(newPassword)
        const current = getCookie(c, cookieName)
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('users')
            .set({ password_hash: passwordHash })
            .where('id', '=', actor.userId)
            .execute()
          // Every other session of this user ends; the one in use stays.
          let others = trx.deleteFrom('sessions').where('user_id', '=', actor.userId)
          if (current) others = others.where('token_hash', '!=', sessionHash(current))
          await others.execute()
        })
        c.get('log')?.info({ event: 'password_changed', userId: actor.userId }, 'password changed')
        return c.body(null, 204)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/tokens',
        tags: ['accounts'],
        summary: 'Your API tokens (never their secrets)',
        responses: { 200: jsonResponse(page(ApiToken), 'Your tokens'), ...problems(401, 403) },
      }),
      async (c) => {
        const actor = requireActor(c)
        const rows = await db
          .selectFrom('api_tokens')
          .select([
            'id',
            'name',
            'organisation_id',
            'scopes',
            'created_at',
            'expires_at',
            'last_used_at',
            'revoked_at',
          ])
          .where('user_id', '=', actor.userId)
          .orderBy('created_at', 'desc')
          .execute()
        c.header('Cache-Control', 'private, no-store')
        return c.json({ items: rows.map(toApiToken), nextCursor: null as string | null }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/tokens',
        tags: ['accounts'],
        summary: 'Create an API token for the organisation you act for; the secret is shown once',
        request: { body: jsonBody(TokenCreate) },
        responses: { 201: jsonResponse(CreatedToken, 'Created'), ...problems(400, 401, 403, 415) },
      }),
      async (c) => {
        const actor = requireActor(c)
        if (!actor.scopes.includes('write'))
          throw forbidden('A read-only token cannot create tokens')
        if (!actor.organisationId)
          throw forbidden('A token belongs to an organisation; you act for none')
        const input = c.req.valid('json')
        const at = now()
        const { secret, token } = await createApiToken(
          db,
          {
            userId: actor.userId,
            organisationId: actor.organisationId,
            name: input.name,
            scopes: [...new Set(input.scopes)],
            expiresAt: input.expiresInDays
              ? new Date(at.getTime() + input.expiresInDays * 86_400_000)
              : null,
          },
          at
        )
        c.header('Cache-Control', 'no-store')
        return c.json(
          { token: toApiToken({ ...token, last_used_at: null, revoked_at: null }), secret },
          201
        )
      }
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/tokens/{id}',
        tags: ['accounts'],
        summary: 'Revoke one of your API tokens',
        request: { params: IdParams },
        responses: { 204: { description: 'Revoked' }, ...problems(400, 401, 403, 404) },
      }),
      async (c) => {
        const actor = requireActor(c)
        if (!actor.scopes.includes('write'))
          throw forbidden('A read-only token cannot revoke tokens')
        const revoked = await db
          .updateTable('api_tokens')
          .set({ revoked_at: now() })
          .where('id', '=', c.req.valid('param').id)
          .where('user_id', '=', actor.userId)
          .where('revoked_at', 'is', null)
          .returning('id')
          .executeTakeFirst()
        if (!revoked) throw notFound('The token')
        return c.body(null, 204)
      }
    )
}

function toApiToken(r: {
  id: string
  name: string
  organisation_id: string
  scopes: ('read' | 'write')[]
  created_at: Date
  expires_at: Date | null
  last_used_at: Date | null
  revoked_at: Date | null
}): z.infer<typeof ApiToken> {
  return {
    id: r.id,
    name: r.name,
    organisationId: r.organisation_id,
    scopes: r.scopes,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }
}
