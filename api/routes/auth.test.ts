import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../auth/passwords.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

const PASSWORD = 'lang-nok-passordfrase-2026'
const COOKIE = '__Host-fr_session'

describe.each(DIALECTS)('sessions and API tokens on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect, { realAuth: true })
    const hash = await hashPassword(PASSWORD)
    await t.db.updateTable('users').set({ password_hash: hash }).execute()
    // Oslo's member signs in for real: the database must know the membership.
    await t.db
      .insertInto('memberships')
      .values([
        {
          user_id: t.oslo.userId,
          organisation_id: t.oslo.organisationId as string,
          role: 'member',
        },
        {
          user_id: t.bergen.userId,
          organisation_id: t.bergen.organisationId as string,
          role: 'member',
        },
      ])
      .execute()
  })
  afterAll(() => {
    t.setNow(null)
    return t.destroy()
  })

  const login = (email: string, password = PASSWORD, cookie?: string) =>
    t.request('auth/login', {
      method: 'POST',
      json: { email, password },
      headers: cookie ? { Cookie: cookie } : {},
    })
  const cookieOf = (res: Response) => {
    const set = res.headers.get('Set-Cookie') ?? ''
    const value = new RegExp(`${COOKIE}=([^;]*)`).exec(set)?.[1]
    return value ? `${COOKIE}=${value}` : ''
  }
  const me = (cookie: string) => t.request('auth/me', { headers: { Cookie: cookie } })

  it('signs in with a secure, HttpOnly, SameSite cookie and knows who you are', async () => {
    const res = await login('oslo@test.example')
    expect(res.status).toBe(200)
    const set = res.headers.get('Set-Cookie') ?? ''
    expect(set).toMatch(new RegExp(`^${COOKIE}=[A-Za-z0-9_-]{43};`))
    expect(set).toContain('HttpOnly')
    expect(set).toContain('Secure')
    expect(set).toContain('SameSite=Lax')
    expect(set).toContain('Path=/')
    expect(await res.json()).toMatchObject({
      email: 'oslo@test.example',
      organisationId: t.oslo.organisationId,
      memberships: [{ organisationId: t.oslo.organisationId, role: 'member' }],
      roles: [],
    })
    const cookie = cookieOf(res)
    expect(await (await me(cookie)).json()).toMatchObject({ name: 'Olav Oslo' })
    const pilot = await t.request('pilots', {
      method: 'POST',
      json: pilotBody(),
      headers: { Cookie: cookie },
    })
    expect(pilot.status).toBe(201)
    expect((await pilot.json()).owner.id).toBe(t.oslo.organisationId)
  })

  it('answers a wrong password and an unknown account alike, and writes nothing for the public', async () => {
    const wrong = await login('oslo@test.example', 'feil-passord-helt-sikkert')
    const unknown = await login('ingen@test.example')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const [a, b] = [await wrong.json(), await unknown.json()]
    expect([a.code, a.title]).toEqual([b.code, b.title])
    expect(wrong.headers.get('Set-Cookie')).toBeNull()
    expect((await t.request('auth/me')).status).toBe(401)
    expect((await t.request('pilots', { method: 'POST', json: pilotBody() })).status).toBe(401)
  })

  it('ends the session on the server at logout, and rotates it at every sign-in', async () => {
    const first = cookieOf(await login('oslo@test.example'))
    const second = cookieOf(await login('oslo@test.example', PASSWORD, first))
    expect(second).not.toBe(first)
    expect((await me(first)).status).toBe(401)
    expect((await me(second)).status).toBe(200)
    const out = await t.request('auth/logout', { method: 'POST', headers: { Cookie: second } })
    expect(out.status).toBe(204)
    expect(out.headers.get('Set-Cookie')).toMatch(new RegExp(`${COOKIE}=;`))
    // Replaying the old cookie after logout gets nowhere.
    expect((await me(second)).status).toBe(401)
    expect(
      (
        await t.request('pilots', {
          method: 'POST',
          json: pilotBody(),
          headers: { Cookie: second },
        })
      ).status
    ).toBe(401)
  })

  it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
    t.setNow(new Date('2026-03-01T08:00:00Z'))
    const idle = cookieOf(await login('oslo@test.example'))
    t.setNow(new Date('2026-03-01T08:29:00Z'))
    expect((await me(idle)).status).toBe(200)
    t.setNow(new Date('2026-03-01T08:59:30Z'))
    expect((await me(idle)).status).toBe(401)

    t.setNow(new Date('2026-03-02T08:00:00Z'))
    const busy = cookieOf(await login('oslo@test.example'))
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.setNow(new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000))
      expect((await me(busy)).status, `${minutes} minutes`).toBe(200)
    }
    t.setNow(new Date('2026-03-02T20:00:00Z'))
    expect((await me(busy)).status).toBe(401)
    t.setNow(null)
  })

  it('refuses a change with the session cookie from another site, but not a read or a token', async () => {
    const cookie = cookieOf(await login('oslo@test.example'))
    const evil = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title: 'Fra en annen side' }),
      headers: { Cookie: cookie, Origin: 'https://evil.example' },
    })
    expect(evil.status).toBe(403)
    expect((await evil.json()).code).toBe('cross_site_request')
    const crossSite = await t.request('auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'null' },
    })
    expect(crossSite.status).toBe(403)
    expect((await me(cookie)).status).toBe(200)
    const titles = await t.db
      .selectFrom('pilots')
      .select('title')
      .where('title', '=', 'Fra en annen side')
      .execute()
    expect(titles).toEqual([])
  })

  it('never gives a signed-in member the public’s kept answer, also where it is served first', async () => {
    const cookie = cookieOf(await login('oslo@test.example'))
    const draft = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title: 'Utkast bare Oslo ser', visibility: 'draft' }),
      headers: { Cookie: cookie },
    })
    expect(draft.status).toBe(201)
    const titles = async (headers: Record<string, string> = {}) =>
      (
        (await (await t.request('pilots?limit=100', { headers })).json()) as {
          items: { title: string }[]
        }
      ).items.map((p) => p.title)
    // The public's answer is kept, and served before routing from the third read on.
    for (let i = 0; i < 3; i++) expect(await titles()).not.toContain('Utkast bare Oslo ser')
    expect(await titles({ Cookie: cookie })).toContain('Utkast bare Oslo ser')
    expect(await titles({ Cookie: `sprak=nn; ${cookie}` })).toContain('Utkast bare Oslo ser')
  })

  it('sends a strict Content-Security-Policy and HSTS', async () => {
    const res = await t.request('health')
    const csp = res.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(res.headers.get('Strict-Transport-Security')).toMatch(/max-age=(\d+)/)
    expect(
      Number(/max-age=(\d+)/.exec(res.headers.get('Strict-Transport-Security') ?? '')?.[1])
    ).toBeGreaterThanOrEqual(31536000)
  })

  it('changes a password only with the current one, refuses weak ones, and ends other sessions', async () => {
    const first = cookieOf(await login('bergen@test.example'))
    const second = cookieOf(await login('bergen@test.example'))
    const change = (body: object) =>
      t.request('auth/password', { method: 'POST', json: body, headers: { Cookie: second } })
    const wrong = await change({
      currentPassword: 'feil-passord-helt-sikkert',
      newPassword: 'et helt nytt langt passord',
    })
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).errors[0].field).toBe('currentPassword')
    for (const weak of ['kort', '123456789012', 'passord1234567', 'bergen-er-fin-by-2026']) {
      const res = await change({ currentPassword: PASSWORD, newPassword: weak })
      expect(res.status, weak).toBe(400)
      expect((await res.json()).errors[0].field).toBe('newPassword')
    }
    expect(
      (await change({ currentPassword: PASSWORD, newPassword: 'et helt nytt langt passord' }))
        .status
    ).toBe(204)
    expect((await me(first)).status).toBe(401)
    expect((await me(second)).status).toBe(200)
    expect((await login('bergen@test.example')).status).toBe(401)
    expect((await login('bergen@test.example', 'et helt nytt langt passord')).status).toBe(200)
    await t.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(PASSWORD) })
      .where('email', '=', 'bergen@test.example')
      .execute()
  })

  it('refuses a disabled account', async () => {
    await t.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('email', '=', 'bergen@test.example')
      .execute()
    expect((await login('bergen@test.example')).status).toBe(401)
    await t.db
      .updateTable('users')
      .set({ disabled_at: null })
      .where('email', '=', 'bergen@test.example')
      .execute()
  })

  it('throttles repeated failed sign-ins to one account, also for the right password', async () => {
    await t.db
      .insertInto('users')
      .values({
        email: 'angrepet@test.example',
        name: 'Angrepet',
        password_hash: await hashPassword(PASSWORD),
      })
      .execute()
    for (let i = 0; i < 10; i++)
      expect((await login('angrepet@test.example', `gjetting-nummer-${i}`)).status).toBe(401)
    const blocked = await login('angrepet@test.example')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await blocked.json()).code).toBe('too_many_attempts')
  })

  it('creates scoped API tokens shown once, stored hashed, usable until revoked', async () => {
    const cookie = cookieOf(await login('oslo@test.example'))
    const created = await t.request('tokens', {
      method: 'POST',
      json: { name: 'Integrasjon', scopes: ['read', 'write'] },
      headers: { Cookie: cookie },
    })
    expect(created.status).toBe(201)
    const { token, secret } = await created.json()
    expect(secret).toMatch(/^frt_[A-Za-z0-9_-]{43}$/)
    expect(token).toMatchObject({
      name: 'Integrasjon',
      scopes: ['read', 'write'],
      organisationId: t.oslo.organisationId,
      lastUsedAt: null,
    })
    const stored = await t.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(secret.slice(4, 20))

    const bearer = { Authorization: `Bearer ${secret}` }
    const written = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title: 'Skrevet med token' }),
      headers: bearer,
    })
    expect(written.status).toBe(201)
    const listed = await (await t.request('tokens', { headers: { Cookie: cookie } })).json()
    expect(JSON.stringify(listed)).not.toContain(secret)
    expect(listed.items[0].lastUsedAt).not.toBeNull()

    const readOnly = await (
      await t.request('tokens', {
        method: 'POST',
        json: { name: 'Lesing', scopes: ['read'] },
        headers: { Cookie: cookie },
      })
    ).json()
    const readBearer = { Authorization: `Bearer ${readOnly.secret}` }
    expect((await t.request('auth/me', { headers: readBearer })).status).toBe(200)
    const refused = await t.request('pilots', {
      method: 'POST',
      json: pilotBody(),
      headers: readBearer,
    })
    expect(refused.status).toBe(403)

    expect(
      (await t.request(`tokens/${token.id}`, { method: 'DELETE', headers: { Cookie: cookie } }))
        .status
    ).toBe(204)
    const revoked = await t.request('pilots', {
      method: 'POST',
      json: pilotBody(),
      headers: bearer,
    })
    expect(revoked.status).toBe(401)
    expect((await revoked.json()).code).toBe('invalid_token')
    expect(
      (await t.request('auth/me', { headers: { Authorization: 'Bearer frt_forfalsket' } })).status
    ).toBe(401)
    expect(
      (await t.request('auth/me', { headers: { Authorization: 'Basic b3Nsbzp4' } })).status
    ).toBe(401)
  })

  it('lets a token expire, and stop when its owner leaves the organisation', async () => {
    t.setNow(new Date('2026-05-01T10:00:00Z'))
    const cookie = cookieOf(await login('bergen@test.example'))
    const expiring = await (
      await t.request('tokens', {
        method: 'POST',
        json: { name: 'Kort', scopes: ['read'], expiresInDays: 1 },
        headers: { Cookie: cookie },
      })
    ).json()
    const lasting = await (
      await t.request('tokens', {
        method: 'POST',
        json: { name: 'Lang', scopes: ['read'] },
        headers: { Cookie: cookie },
      })
    ).json()
    t.setNow(new Date('2026-05-02T09:59:00Z'))
    expect(
      (await t.request('auth/me', { headers: { Authorization: `Bearer ${expiring.secret}` } }))
        .status
    ).toBe(200)
    t.setNow(new Date('2026-05-02T10:00:01Z'))
    expect(
      (await t.request('auth/me', { headers: { Authorization: `Bearer ${expiring.secret}` } }))
        .status
    ).toBe(401)
    await t.db.deleteFrom('memberships').where('user_id', '=', t.bergen.userId).execute()
    expect(
      (await t.request('auth/me', { headers: { Authorization: `Bearer ${lasting.secret}` } }))
        .status
    ).toBe(401)
    t.setNow(null)
  })
})
