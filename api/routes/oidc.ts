import { createRoute, z } from '@hono/zod-openapi'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { Problem } from '../../schema/common.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { loadActor } from '../auth/accounts.ts'
import {
  createOidcClient,
  describeOidcFailure,
  LOGIN_STATE_TTL_MS,
  linkAccount,
} from '../auth/oidc.ts'
import type { OidcSettings } from '../auth/oidc-config.ts'
import { sessionCookieName } from '../auth/resolve.ts'
import { createSession, endSession } from '../auth/sessions.ts'
import { problems } from '../http/openapi.ts'
import { ProblemError } from '../problem.ts'

/** The login-state cookie's name: `__Host-` (Secure, host-only, path /) outside development. */
export const oidcStateCookieName = (env: string) =>
  env === 'development' ? 'fr_oidc' : '__Host-fr_oidc'

/** A path on this site: one leading slash, never `//` or `/\` (which browsers read as a host). */
const isLocalPath = (value: string) =>
  /^\/(?![/\\])/.test(value) && !/[\\\s\p{Cc}]/u.test(value) && value.length <= 2000

const LoginQuery = z.object({
  returnTo: z
    .string()
    .refine(isLocalPath, 'Must be a path on this site, starting with a single /')
    .optional()
    .meta({ description: 'Where to go after signing in (a path on this site); default `/`' }),
})

const CallbackQuery = z.object({
  code: z.string().optional().meta({ description: 'The authorization code' }),
  state: z.string().optional().meta({ description: 'The state sent with the sign-in' }),
  iss: z.string().optional().meta({ description: 'The issuer (RFC 9207)' }),
  error: z.string().optional().meta({ description: 'The provider’s error code, if it failed' }),
  error_description: z.string().optional(),
})

const redirect = (description: string) => ({
  description,
  headers: {
    Location: { description: 'Where the browser goes next', schema: { type: 'string' as const } },
  },
})

const unavailable = {
  502: {
    description: 'The sign-in provider could not be reached or answered wrongly',
    content: { 'application/problem+json': { schema: Problem } },
  },
}

const notConfigured = () =>
  new ProblemError(404, 'oidc_not_configured', 'Single sign-on is not configured', {
    detail: 'Sign in with e-mail and password instead',
  })

/**
 * Single sign-on with OpenID Connect (authorization code with PKCE, state and nonce); `settings`
 * null answers every route with 404 `oidc_not_configured`.
 */
export function oidcRoutes(deps: AppDeps, settings: OidcSettings | null) {
  const { db, config } = deps
  const now = () => deps.clock?.() ?? new Date()
  const oidc = settings ? createOidcClient(settings) : null
  const sessionCookie = sessionCookieName(config.env)
  const stateCookie = oidcStateCookieName(config.env)
  const secure = config.env !== 'development'

  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/auth/oidc/login',
        tags: ['accounts'],
        summary: 'Sign in with the configured OpenID Connect provider (redirects there)',
        request: { query: LoginQuery },
        responses: {
          302: redirect('To the provider’s sign-in page; sets a short-lived login-state cookie'),
          ...problems(400, 404),
          ...unavailable,
        },
      }),
      async (c) => {
        if (!oidc) throw notConfigured()
        const { returnTo } = c.req.valid('query')
        const { url, sealed } = await oidc.begin(returnTo ?? '/', now()).catch((err) => {
          c.get('log')?.error(
            { event: 'oidc_unavailable', ...describeOidcFailure(err) },
            'OIDC discovery failed'
          )
          throw err
        })
        // Lax, so that the top-level redirect back from the provider carries it.
        setCookie(c, stateCookie, sealed, {
          httpOnly: true,
          sameSite: 'Lax',
          secure,
          path: '/',
          maxAge: LOGIN_STATE_TTL_MS / 1000,
        })
        c.header('Cache-Control', 'no-store')
        return c.redirect(url.href, 302)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/auth/oidc/callback',
        tags: ['accounts'],
        summary: 'Where the provider sends the browser back; signs in and sets the session cookie',
        request: { query: CallbackQuery },
        responses: {
          302: redirect('Signed in: to the page the sign-in started from'),
          ...problems(400, 401, 403, 404, 409),
          ...unavailable,
        },
      }),
      async (c) => {
        if (!oidc) throw notConfigured()
        // The login state is good for one answer, whatever it is.
        const sealed = getCookie(c, stateCookie)
        deleteCookie(c, stateCookie, { path: '/', secure })
        c.header('Cache-Control', 'no-store')
        try {
          const query = new URL(c.req.url).searchParams
          const { identity, returnTo } = await oidc.finish(query, sealed, now())
          const { userId, linkedBy } = await linkAccount(db, identity)
          const actor = await loadActor(db, userId)
          if (!actor) throw new ProblemError(403, 'account_disabled', 'This account is disabled')
          // A new session at every sign-in, as with a password.
          const previous = getCookie(c, sessionCookie)
          if (previous) await endSession(db, previous)
          const token = await createSession(db, userId, actor.organisationId, config.session, now())
          await db
            .updateTable('users')
            .set({ last_login_at: now() })
            .where('id', '=', userId)
            .execute()
          setCookie(c, sessionCookie, token, {
            httpOnly: true,
            sameSite: 'Lax',
            secure,
            path: '/',
            maxAge: config.session.maxHours * 3600,
          })
          c.get('log')?.info({ event: 'login', method: 'oidc', userId, linkedBy }, 'signed in')
          return c.redirect(returnTo, 302)
        } catch (err) {
          if (err instanceof ProblemError)
            c.get('log')?.warn(
              {
                event: 'login_failed',
                method: 'oidc',
                reason: err.code,
                ...describeOidcFailure(err),
              },
              'OIDC sign-in failed'
            )
          throw err
        }
      }
    )
}
