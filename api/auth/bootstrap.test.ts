import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_USERS, loadSampleData } from '../../seeds/sample.ts'
import { createTestApp, type TestApp } from '../test/harness.ts'
import { ensureFirstAdmin } from './bootstrap.ts'

describe('the first system administrator and the demo accounts', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('pglite', { realAuth: true })
    // The harness has an administrator; take the role away to get a database without one.
    await t.db.updateTable('users').set({ system_admin: false }).execute()
  })
  afterAll(() => t.destroy())

  const login = (email: string, password: string) =>
    t.request('auth/login', { method: 'POST', json: { email, password } })

  it('creates the first system administrator from configuration, once', async () => {
    await expect(
      ensureFirstAdmin(t.db, { email: 'drift@example.no', password: 'kort' })
    ).rejects.toThrow(/ADMIN_PASSWORD/)
    expect(
      await ensureFirstAdmin(t.db, {
        email: 'drift@example.no',
        password: 'et langt og trygt passord',
      })
    ).toBe(true)
    expect(
      await ensureFirstAdmin(t.db, {
        email: 'andre@example.no',
        password: 'et annet langt passord',
      })
    ).toBe(false)
    const res = await login('drift@example.no', 'et langt og trygt passord')
    expect(res.status).toBe(200)
    expect((await res.json()).roles).toEqual(['system_admin'])
    expect((await login('andre@example.no', 'et annet langt passord')).status).toBe(401)
  })

  it('lets every demo account of the sample data sign in with its role', async () => {
    await loadSampleData(t.db)
    const roles: Record<string, unknown> = {}
    for (const demo of DEMO_USERS) {
      const res = await login(demo.email, DEMO_PASSWORD)
      expect(res.status, demo.email).toBe(200)
      const me = await res.json()
      roles[demo.email] = [me.roles, me.memberships.map((m: { role: string }) => m.role)]
    }
    expect(roles).toEqual({
      'admin@demo.example': [['system_admin'], []],
      'kommune@demo.example': [[], ['org_admin']],
      'kommune2@demo.example': [[], ['member']],
      'etat@demo.example': [[], ['member']],
      'evaluator@demo.example': [['evaluator'], []],
    })
  })
})
