import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.ts'

describe.each(DIALECTS)('the list of users on %s', (dialect) => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.destroy())

  it('lists users by e-mail, page by page, for system administrators', async () => {
    t.actAs(t.admin)
    const first = await t.request('users?limit=2')
    expect(first.status).toBe(200)
    expect(first.headers.get('Cache-Control')).toContain('no-store')
    const page1 = await first.json()
    expect(page1.items.map((u: { email: string }) => u.email)).toEqual([
      'admin@test.example',
      'bergen@test.example',
    ])
    expect(page1.items[0]).toEqual({
      id: t.admin.userId,
      email: 'admin@test.example',
      name: 'Ada Admin',
      systemAdmin: true,
      evaluator: false,
      disabled: false,
      lastLoginAt: null,
    })
    expect(page1.items[0]).not.toHaveProperty('passwordHash')
    const page2 = await (await t.request(`users?limit=2&cursor=${page1.nextCursor}`)).json()
    expect(page2.items.map((u: { email: string }) => u.email)).toEqual(['oslo@test.example'])
    expect(page2.nextCursor).toBeNull()
  })

  it('finds users by a part of the name or address, taking % and _ literally', async () => {
    t.actAs(t.admin)
    const byName = await (await t.request('users?q=BERIT')).json()
    expect(byName.items.map((u: { name: string }) => u.name)).toEqual(['Berit Bergen'])
    const byAddress = await (await t.request('users?q=oslo%40')).json()
    expect(byAddress.items.map((u: { email: string }) => u.email)).toEqual(['oslo@test.example'])
    const wildcard = await (await t.request('users?q=%25')).json()
    expect(wildcard.items).toEqual([])
  })

  it('refuses everyone else, and a cursor it did not give out', async () => {
    t.actAs(t.oslo)
    const member = await t.request('users')
    expect(member.status).toBe(403)
    t.actAs(null)
    expect((await t.request('users')).status).toBe(401)
    t.actAs(t.admin)
    const bad = await t.request('users?cursor=nonsense')
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0].field).toBe('cursor')
  })
})
