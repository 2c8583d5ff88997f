import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSampleData } from '../../seeds/sample.ts'
import { createApp } from '../app.ts'
import { createLogger } from '../logger.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test/harness.ts'

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
const PHONE = /\+?\d[\d ]{7,}\d/g

describe.each(DIALECTS)('personal data in public responses on %s', (dialect) => {
  let test: TestDatabase
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await loadSampleData(test.db)
    // A contact who did not agree to be shown, on a published pilot.
    await test.db
      .insertInto('pilot_contacts')
      .values({
        pilot_id: '5a000000-0000-4000-8000-000000000003',
        position: 9,
        name: 'Hemmelig Person',
        email: 'hemmelig.person@example.no',
        phone: '+47 99 88 77 66',
        role: 'Saksbehandler',
        public_consent: false,
      })
      .execute()
    app = createApp({
      db: test.db,
      config: { bodyLimit: 1_000_000, env: 'test', session: { idleMinutes: 30, maxHours: 12 } },
      logger: createLogger({ logLevel: 'silent' }),
      resolveActor: async () => null,
    })
  })
  afterAll(() => test.destroy())

  it('shows no non-consenting contact anywhere the public can read', async () => {
    const consenting = await test.db
      .selectFrom('pilot_contacts')
      .select(['email', 'phone'])
      .where('public_consent', '=', true)
      .execute()
    const allowed = new Set(
      consenting.flatMap((c) => [c.email, c.phone].filter(Boolean) as string[])
    )
    // People who agreed nowhere to be shown (one person may be a contact of several pilots).
    const hidden = (
      await test.db
        .selectFrom('pilot_contacts')
        .select(['email', 'phone', 'name'])
        .where('public_consent', '=', false)
        .execute()
    ).filter((c) => !allowed.has(c.email))
    expect(hidden.map((c) => c.email)).toContain('hemmelig.person@example.no')

    const { items } = await (await app.request('/api/v1/pilots?limit=100')).json()
    const paths = [
      '/api/v1/pilots?limit=100',
      '/api/v1/pilots?q=lesing',
      '/api/v1/export/pilots.csv',
      '/api/v1/export/pilots.json',
      '/api/v1/feeds/pilots.atom',
      '/api/v1/catalog',
      '/api/v1/stats/spread',
      ...items.flatMap((p: { id: string }) => [
        `/api/v1/pilots/${p.id}`,
        `/api/v1/pilots/${p.id}/evaluations`,
        `/api/v1/pilots/${p.id}/evaluators`,
        `/api/v1/pilots/${p.id}/adoptions`,
        `/api/v1/pilots/${p.id}/events?limit=100`,
      ]),
    ]
    for (const path of paths) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      const body = await res.text()
      for (const person of hidden) {
        expect(body, path).not.toContain(person.email)
        if (person.phone) expect(body, path).not.toContain(person.phone)
      }
      for (const email of body.match(EMAIL) ?? []) {
        expect(allowed.has(email), `${path}: ${email}`).toBe(true)
      }
      for (const phone of body.match(PHONE) ?? []) {
        if (/^\d{4}-\d{2}/.test(phone) || !phone.includes(' ')) continue
        expect(allowed.has(phone), `${path}: ${phone}`).toBe(true)
      }
    }
  })
})
