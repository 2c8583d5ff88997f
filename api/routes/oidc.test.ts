import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { OpenAPIHono } from '@hono/zod-openapi'
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider'
import type { CustomFetch } from 'openid-client'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../app.ts'
import { OidcEnv, type OidcSettings, oidcSettingsFromEnv } from '../auth/oidc-config.ts'
import { ProblemError } from '../problem.ts'
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.ts'
import { oidcRoutes } from './oidc.ts'

// A real OpenID Connect provider (oidc-provider) on a free port of 127.0.0.1; the registry talks to
// it with openid-client over HTTP. Tampered ID tokens reach the client through openid-client's
// `customFetch`, which replaces the `id_token` of the provider's real token response.

const CLIENT_ID = 'forsoksregisteret'
const CLIENT_SECRET = randomBytes(24).toString('base64url')
const REDIRECT_URI = 'http://localhost/api/v1/auth/oidc/callback'
const SESSION_COOKIE = '__Host-fr_session'
const STATE_COOKIE = '__Host-fr_oidc'
const SESSION_POLICY = { idleMinutes: 30, maxHours: 12 }

/** The provider's people: who signs in is chosen per test with `signInAs`. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  'sub-kari': { email: 'kari@test.example', email_verified: true, name: 'Kari Nordmann' },
  'sub-olav': { email: 'OSLO@test.example', email_verified: true, name: 'Olav O.' },
  'sub-mallory': { email: 'bergen@test.example', email_verified: false, name: 'Not Berit' },
  'sub-eve': { email: 'eve@test.example', email_verified: true, name: 'Eve' },
  'sub-gone': { email: 'gone@test.example', email_verified: true, name: 'Gunnar Gone' },
  'sub-ida': { email: 'ida@test.example', email_verified: true, name: 'Ida Idporten' },
}
let signInAs = 'sub-kari'
let signInAcr: string | undefined

const providerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
const attackerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
const PROVIDER_KID = 'provider-key-1'

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid = PROVIDER_KID) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(claims)}`
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`
}
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'))

/** When set, the ID token the provider issued is swapped for this function's result. */
let tamper: ((claims: Record<string, unknown>) => string) | null = null
const tamperingFetch: CustomFetch = async (url, options) => {
  const res = await fetch(url, options as RequestInit)
  if (!tamper || !url.endsWith('/token') || res.status !== 200) return res
  const body = await res.json()
  body.id_token = tamper(claimsOf(body.id_token))
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })
}

let server: Server
let issuer: string
let settings: OidcSettings

beforeAll(async () => {
  // biome-ignore lint/suspicious/noExplicitAny: oidc-provider is untyped
  let provider: any
  server = createServer((req, res) => {
    // The provider's sign-in page: whoever the test chose signs in at once.
    if (req.url?.startsWith('/interaction/')) {
      const login = { accountId: signInAs, ...(signInAcr ? { acr: signInAcr } : {}) }
      provider
        .interactionFinished(req, res, { login }, { mergeWithLastSubmission: false })
        .catch((err: Error) => res.writeHead(500).end(err.message))
      return
    }
    provider.callback()(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...providerKey.export({ format: 'jwk' }), kid: PROVIDER_KID, use: 'sig' }] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    acrValues: ['low', 'idporten-loa-substantial', 'idporten-loa-high'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    findAccount: (_ctx: unknown, id: string) =>
      ACCOUNTS[id] && { accountId: id, claims: () => ({ sub: id, ...ACCOUNTS[id] }) },
    // Consent is taken as given: the test is about the registry, not the provider's pages.
    // biome-ignore lint/suspicious/noExplicitAny: oidc-provider is untyped
    loadExistingGrant: async (ctx: any) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
  settings = {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    scopes: ['openid', 'email', 'profile'],
    acrValues: [],
    stateSecret: randomBytes(32).toString('base64url'),
    fetch: tamperingFetch,
  }
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Follows the provider's redirects as a browser does, until it sends the browser back to us. */
async function atProvider(authorizationUrl: string) {
  const jar = new Map<string, string>()
  let url = authorizationUrl
  for (let hop = 0; hop < 10; hop++) {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
    const res = await fetch(url, { redirect: 'manual', headers: { cookie } })
    for (const set of res.headers.getSetCookie()) {
      const pair = set.split(';')[0] ?? ''
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1))
    }
    const location = res.headers.get('location')
    if (!location) throw new Error(`the provider answered ${res.status}: ${await res.text()}`)
    const next = new URL(location, url)
    if (next.href.startsWith(REDIRECT_URI)) return next
    url = next.href
  }
  throw new Error('too many redirects at the provider')
}

const cookieFrom = (res: Response, name: string) => {
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
  const value = set?.split(';')[0]?.slice(name.length + 1)
  return value ? { pair: `${name}=${value}`, value, set: set as string } : undefined
}

describe.each(DIALECTS)('single sign-on with OpenID Connect on %s', (dialect) => {
  let t: TestApp
  let sso: OpenAPIHono<AppEnv>
  const logLines: string[] = []

  /** The OIDC routes over the test database, with the app's problem responses. */
  function ssoApp(oidc: OidcSettings | null, clock?: () => Date) {
    const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(line) })
    const app = new OpenAPIHono<AppEnv>()
    app.use(async (c, next) => {
      c.set('log', logger)
      await next()
    })
    const deps = {
      db: t.db,
      config: { bodyLimit: 1_000_000, env: 'test' as const, session: SESSION_POLICY },
      logger,
      resolveActor: async () => null,
      clock,
    }
    app.route('/api/v1', oidcRoutes(deps, oidc))
    app.onError((err, c) => {
      if (!(err instanceof ProblemError)) throw err
      return c.body(JSON.stringify(err.toProblem(c.req.path)), err.status as 400, {
        'Content-Type': 'application/problem+json',
      })
    })
    return app
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { realAuth: true })
    await t.db
      .insertInto('memberships')
      .values({
        user_id: t.oslo.userId,
        organisation_id: t.oslo.organisationId as string,
        role: 'member',
      })
      .execute()
    sso = ssoApp(settings)
  })
  afterAll(() => t.destroy())

  async function startLogin(app = sso, returnTo = '/pilots') {
    const res = await app.request(
      `/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`
    )
    expect(res.status).toBe(302)
    const state = cookieFrom(res, STATE_COOKIE)
    if (!state) throw new Error('no login-state cookie')
    return { res, authorization: new URL(res.headers.get('Location') ?? ''), state }
  }
  const callback = (app: OpenAPIHono<AppEnv>, answer: URL, cookie: string) =>
    app.request(`${answer.pathname}${answer.search}`, { headers: { Cookie: cookie } })

  /** Signs in at the provider as `sub` and comes back; the callback's response. */
  async function signIn(sub: string, app = sso, cookie = '') {
    signInAs = sub
    const { authorization, state } = await startLogin(app)
    const answer = await atProvider(authorization.href)
    const res = await callback(app, answer, [state.pair, cookie].filter(Boolean).join('; '))
    return { res, answer, state }
  }
  const me = (cookie: string) => t.request('auth/me', { headers: { Cookie: cookie } })
  const userOf = (sub: string) =>
    t.db
      .selectFrom('users')
      .select(['id', 'email', 'email_verified', 'oidc_issuer'])
      .where('oidc_subject', '=', sub)
      .executeTakeFirst()
  async function expectRefused(res: Response, status: number, code: string) {
    expect(res.status).toBe(status)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    expect((await res.json()).code).toBe(code)
    expect(cookieFrom(res, SESSION_COOKIE)).toBeUndefined()
  }

  it('goes to the provider with PKCE, state and nonce in a sealed cookie', async () => {
    const { authorization, state } = await startLogin()
    expect(authorization.origin + authorization.pathname).toBe(`${issuer}/auth`)
    const q = authorization.searchParams
    expect(q.get('response_type')).toBe('code')
    expect(q.get('client_id')).toBe(CLIENT_ID)
    expect(q.get('redirect_uri')).toBe(REDIRECT_URI)
    expect(q.get('scope')).toBe('openid email profile')
    expect(q.get('code_challenge_method')).toBe('S256')
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    // At least 128 random bits each (22 base64url characters).
    expect(q.get('state')).toMatch(/^[\w-]{22,}$/)
    expect(q.get('nonce')).toMatch(/^[\w-]{22,}$/)
    expect(q.get('state')).not.toBe(q.get('nonce'))
    expect(state.set).toContain('HttpOnly')
    expect(state.set).toContain('SameSite=Lax')
    expect(state.set).toContain('Secure')
    expect(state.set).toContain('Path=/')
    expect(state.set).toContain('Max-Age=600')
    // Sealed: neither the state nor the nonce can be read from the cookie.
    expect(state.value).not.toContain(q.get('state'))
    expect(Buffer.from(state.value, 'base64url').toString('latin1')).not.toContain(q.get('nonce'))
  })

  it('refuses a returnTo that leaves the site', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'x']) {
      const res = await sso.request(
        `/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`
      )
      expect(res.status, returnTo).toBe(400)
    }
  })

  it('signs a new user in with a session like a password login, and knows them again', async () => {
    const { res } = await signIn('sub-kari')
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/pilots')
    const session = cookieFrom(res, SESSION_COOKIE)
    expect(session?.set).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{43};`))
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/'])
      expect(session?.set).toContain(attribute)
    // The login state is spent.
    expect(cookieFrom(res, STATE_COOKIE)).toBeUndefined()
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${STATE_COOKIE}=;`))).toBe(true)

    const who = await me(session?.pair ?? '')
    expect(who.status).toBe(200)
    expect(await who.json()).toMatchObject({
      email: 'kari@test.example',
      name: 'Kari Nordmann',
      memberships: [],
      organisationId: null,
      roles: [],
    })
    expect(await userOf('sub-kari')).toMatchObject({ email_verified: true, oidc_issuer: issuer })

    // Again, with the old session cookie: the same account, and the old session ends.
    const again = await signIn('sub-kari', sso, session?.pair)
    expect(again.res.status).toBe(302)
    const rotated = cookieFrom(again.res, SESSION_COOKIE)
    expect(rotated?.value).not.toBe(session?.value)
    expect((await me(session?.pair ?? '')).status).toBe(401)
    expect((await (await me(rotated?.pair ?? '')).json()).id).toBe((await userOf('sub-kari'))?.id)
  })

  it('links to an existing account by an e-mail address the provider verified', async () => {
    const { res } = await signIn('sub-olav')
    expect(res.status).toBe(302)
    const who = await (await me(cookieFrom(res, SESSION_COOKIE)?.pair ?? '')).json()
    expect(who).toMatchObject({
      id: t.oslo.userId,
      email: 'oslo@test.example',
      organisationId: t.oslo.organisationId,
    })
    expect(await userOf('sub-olav')).toMatchObject({ id: t.oslo.userId, email_verified: true })
  })

  it('does not link by an unverified e-mail address: a new account instead', async () => {
    const { res } = await signIn('sub-mallory')
    expect(res.status).toBe(302)
    const who = await (await me(cookieFrom(res, SESSION_COOKIE)?.pair ?? '')).json()
    expect(who.id).not.toBe(t.bergen.userId)
    expect(who.email).toMatch(/^oidc-[0-9a-f]{32}@users\.invalid$/)
    expect(who.memberships).toEqual([])
    const bergen = await t.db
      .selectFrom('users')
      .select(['oidc_subject'])
      .where('id', '=', t.bergen.userId)
      .executeTakeFirstOrThrow()
    expect(bergen.oidc_subject).toBeNull()
  })

  it('refuses an answer whose state is wrong or whose login state is missing', async () => {
    signInAs = 'sub-eve'
    const { authorization, state } = await startLogin()
    const answer = await atProvider(authorization.href)
    const forged = new URL(answer)
    forged.searchParams.set('state', randomBytes(32).toString('base64url'))
    await expectRefused(await callback(sso, forged, state.pair), 400, 'oidc_invalid_state')
    await expectRefused(await callback(sso, answer, ''), 400, 'oidc_invalid_state')
    const tampered = `${STATE_COOKIE}=${state.value.slice(0, -4)}AAAA`
    await expectRefused(await callback(sso, answer, tampered), 400, 'oidc_invalid_state')
    expect(await userOf('sub-eve')).toBeUndefined()
  })

  it('refuses a login state older than ten minutes', async () => {
    signInAs = 'sub-eve'
    const { authorization, state } = await startLogin()
    const answer = await atProvider(authorization.href)
    const later = ssoApp(settings, () => new Date(Date.now() + 11 * 60_000))
    await expectRefused(await callback(later, answer, state.pair), 400, 'oidc_invalid_state')
  })

  it('refuses a replayed code', async () => {
    const first = await signIn('sub-kari')
    expect(first.res.status).toBe(302)
    const replay = await callback(sso, first.answer, first.state.pair)
    await expectRefused(replay, 400, 'oidc_code_rejected')
  })

  it('reports an error from the provider without signing in', async () => {
    const { authorization, state } = await startLogin()
    const answer = new URL(REDIRECT_URI)
    answer.searchParams.set('error', 'access_denied')
    answer.searchParams.set('state', authorization.searchParams.get('state') ?? '')
    answer.searchParams.set('iss', issuer)
    const res = await callback(sso, answer, state.pair)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      code: 'oidc_provider_error',
      detail: 'The provider answered access_denied',
    })
  })

  it('refuses forged, wrong-audience, wrong-issuer, expired, wrong-nonce ID tokens', async () => {
    const now = Math.floor(Date.now() / 1000)
    const cases: [string, (claims: Record<string, unknown>) => string][] = [
      ['forged', (claims) => signJwt(claims, attackerKey)],
      ['forged, unknown key', (claims) => signJwt(claims, attackerKey, 'attacker-key')],
      ['audience', (claims) => signJwt({ ...claims, aud: 'another-client' }, providerKey)],
      ['issuer', (claims) => signJwt({ ...claims, iss: 'https://evil.example' }, providerKey)],
      [
        'expired',
        (claims) => signJwt({ ...claims, iat: now - 7200, exp: now - 3600 }, providerKey),
      ],
      ['nonce', (claims) => signJwt({ ...claims, nonce: 'not-the-nonce' }, providerKey)],
    ]
    // Re-signed with the provider's own key and unchanged, the token passes: the swap is sound.
    let issued: Record<string, unknown> = {}
    tamper = (claims) => {
      issued = claims
      return signJwt(claims, providerKey)
    }
    try {
      expect((await signIn('sub-ida')).res.status).toBe(302)
      // oidc-provider keeps e-mail and name for UserInfo, so every sign-in here also reads it.
      expect(issued).toMatchObject({ iss: issuer, aud: CLIENT_ID, sub: 'sub-ida' })
      expect(issued.email).toBeUndefined()
      for (const [name, forge] of cases) {
        tamper = forge
        const { res, answer } = await signIn('sub-eve')
        expect(res.status, name).toBe(401)
        await expectRefused(res, 401, 'oidc_invalid_token')
        // Nothing secret in the log: not the code, not the tokens.
        const code = answer.searchParams.get('code') ?? ''
        expect(logLines.join('\n')).not.toContain(code)
      }
    } finally {
      tamper = null
    }
    expect(await userOf('sub-eve')).toBeUndefined()
    const failures = logLines.map((l) => JSON.parse(l)).filter((l) => l.event === 'login_failed')
    expect(failures.at(-1)).toMatchObject({ method: 'oidc', reason: 'oidc_invalid_token' })
  })

  it('refuses a disabled account', async () => {
    expect((await signIn('sub-gone')).res.status).toBe(302)
    await t.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('oidc_subject', '=', 'sub-gone')
      .execute()
    await expectRefused((await signIn('sub-gone')).res, 403, 'account_disabled')
  })

  it('asks for a level of assurance and refuses a lower one', async () => {
    const levels = ssoApp({
      ...settings,
      acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
    })
    const { authorization } = await startLogin(levels)
    expect(authorization.searchParams.get('acr_values')).toBe('idporten-loa-substantial')
    try {
      signInAcr = 'low'
      await expectRefused((await signIn('sub-ida', levels)).res, 401, 'oidc_insufficient_level')
      signInAcr = 'idporten-loa-high'
      expect((await signIn('sub-ida', levels)).res.status).toBe(302)
    } finally {
      signInAcr = undefined
    }
  })

  it('answers 502 when the provider cannot be reached', async () => {
    const down = ssoApp({ ...settings, issuer: 'http://127.0.0.1:1' })
    const res = await down.request('/api/v1/auth/oidc/login')
    expect(res.status).toBe(502)
    expect((await res.json()).code).toBe('oidc_unavailable')
    expect(cookieFrom(res, STATE_COOKIE)).toBeUndefined()
  })

  it('answers 404 when single sign-on is not configured', async () => {
    const off = ssoApp(null)
    for (const path of ['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const res = await off.request(path)
      expect(res.status).toBe(404)
      expect((await res.json()).code).toBe('oidc_not_configured')
    }
  })
})

describe('single sign-on configuration', () => {
  const env = {
    OIDC_ISSUER: 'https://test.ansattporten.no',
    OIDC_CLIENT_ID: 'client',
    OIDC_CLIENT_SECRET: 'secret-from-the-provider',
    OIDC_REDIRECT_URI: 'https://forsok.example/api/v1/auth/oidc/callback',
  }
  const settingsOf = (vars: Record<string, string>) => oidcSettingsFromEnv(OidcEnv.parse(vars))

  it('is off without an issuer, and names what is missing when half set', () => {
    expect(settingsOf({})).toBeNull()
    expect(settingsOf({ OIDC_ISSUER: '' })).toBeNull()
    expect(() => settingsOf({ OIDC_ISSUER: env.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID: Required[\s\S]*OIDC_REDIRECT_URI: Required/
    )
  })

  it('reads scopes and levels, and derives the state secret unless one is given', () => {
    expect(settingsOf(env)).toMatchObject({
      scopes: ['openid', 'email', 'profile'],
      acrValues: [],
      stateSecret: env.OIDC_CLIENT_SECRET,
    })
    const idporten = settingsOf({
      ...env,
      OIDC_SCOPES: 'openid profile',
      OIDC_ACR_VALUES: 'idporten-loa-substantial idporten-loa-high',
      OIDC_STATE_SECRET: 'x'.repeat(32),
    })
    expect(idporten).toMatchObject({
      scopes: ['openid', 'profile'],
      acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
      stateSecret: 'x'.repeat(32),
    })
  })

  it('refuses http off localhost, scopes without openid, short secrets', () => {
    const accepts = (vars: Record<string, string>) => OidcEnv.safeParse({ ...env, ...vars }).success
    expect(accepts({ OIDC_ISSUER: 'http://idp.example' })).toBe(false)
    expect(accepts({ OIDC_ISSUER: 'http://localhost:8080' })).toBe(true)
    expect(accepts({ OIDC_SCOPES: 'email profile' })).toBe(false)
    expect(accepts({ OIDC_STATE_SECRET: 'short' })).toBe(false)
  })
})
