import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

const at = (iso: string) => new Date(iso)

describe.each(DIALECTS)('health flags at their boundaries on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => {
    t.setNow(null)
    return t.destroy()
  })

  async function register(title: string, overrides: Record<string, unknown> = {}) {
    const res = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title, ...overrides }),
    })
    expect(res.status).toBe(201)
    return (await res.json()).id as string
  }

  async function move(id: string, body: Record<string, unknown>) {
    const { version } = await (await t.request(`pilots/${id}`)).json()
    const res = await t.request(`pilots/${id}/transitions`, {
      method: 'POST',
      headers: { 'If-Match': `"${version}"` },
      json: body,
    })
    expect(res.status, await res.clone().text()).toBe(200)
  }

  async function flagsAt(id: string, now: string) {
    t.setNow(at(now))
    return (await (await t.request(`pilots/${id}`)).json()).flags as string[]
  }

  async function evaluate(id: string, kind: 'interim' | 'final') {
    const res = await t.request(`pilots/${id}/evaluations`, {
      method: 'POST',
      json: {
        kind,
        method: 'before_after',
        evidenceLevel: 2,
        outcome: kind === 'final' ? 'successful' : null,
        lessonsLearned: 'Lærdom',
      },
    })
    expect(res.status).toBe(201)
  }

  it('calls a running pilot stale when it has not changed for exactly 12 months', async () => {
    t.setNow(at('2025-03-15T10:00:00Z'))
    const id = await register('Stille forsøk')
    await move(id, { to: 'planned' })
    await move(id, { to: 'running', actualStart: '2025-03-15' })
    expect(await flagsAt(id, '2026-03-15T09:59:59Z')).toEqual([])
    expect(await flagsAt(id, '2026-03-15T10:00:00Z')).toEqual(['stale'])
  })

  it('calls results overdue from the Norwegian day 12 months after the actual end, until a final evaluation', async () => {
    t.setNow(at('2025-01-10T10:00:00Z'))
    const id = await register('Forsøk uten sluttrapport')
    await move(id, { to: 'planned' })
    await move(id, { to: 'running', actualStart: '2025-01-10' })
    await move(id, { to: 'evaluating', actualEnd: '2025-06-30' })
    // 2026-06-29 23:59 in Oslo (summer time, UTC+2) is the day before; midnight is the due day.
    expect(await flagsAt(id, '2026-06-29T21:59:00Z')).toEqual([])
    expect(await flagsAt(id, '2026-06-29T22:00:00Z')).toEqual(['results_overdue'])
    await evaluate(id, 'interim')
    expect(await flagsAt(id, '2026-07-01T10:00:00Z')).toEqual(['results_overdue'])
    await evaluate(id, 'final')
    expect(await flagsAt(id, '2026-07-01T10:00:00Z')).toEqual([])
  })

  it('warns six months before a forsøksloven approval ends, and counts the extension', async () => {
    t.setNow(at('2026-01-05T10:00:00Z'))
    const legalBasis = {
      kind: 'forsoksloven',
      reference: 'Vedtak 2023/7',
      approvalDate: '2023-01-31',
      expiryDate: '2027-01-31',
    }
    const id = await register('Forsøk etter forsøksloven', { legalBasis })
    expect(await flagsAt(id, '2026-07-30T12:00:00Z')).toEqual([])
    expect(await flagsAt(id, '2026-07-31T12:00:00Z')).toEqual(['legal_basis_expiring'])

    const { version } = await (await t.request(`pilots/${id}`)).json()
    const extended = await t.request(`pilots/${id}`, {
      method: 'PATCH',
      headers: { 'If-Match': `"${version}"` },
      json: { legalBasis: { ...legalBasis, extendedUntil: '2029-01-31' } },
    })
    expect(extended.status).toBe(200)
    expect(await flagsAt(id, '2026-07-31T12:00:00Z')).toEqual([])
    expect(await flagsAt(id, '2028-07-31T12:00:00Z')).toEqual(['legal_basis_expiring'])
  })

  it('calls a success concluded 12 months ago and not adopted a stuck success; a failure never', async () => {
    const concludedPilot = async (title: string, outcome: string) => {
      t.setNow(at('2024-09-01T08:00:00Z'))
      const id = await register(title)
      await move(id, { to: 'planned' })
      await move(id, { to: 'running', actualStart: '2024-09-01' })
      await move(id, { to: 'evaluating', actualEnd: '2025-05-31' })
      const res = await t.request(`pilots/${id}/evaluations`, {
        method: 'POST',
        json: { kind: 'final', method: 'rct', evidenceLevel: 3, outcome, lessonsLearned: 'Lærdom' },
      })
      expect(res.status).toBe(201)
      t.setNow(at('2025-09-01T08:00:00Z'))
      await move(id, { to: 'concluded' })
      return id
    }
    const success = await concludedPilot('Vellykket, men ikke tatt i bruk', 'successful')
    const failure = await concludedPilot('Mislykket forsøk', 'unsuccessful')
    expect(await flagsAt(success, '2026-09-01T07:59:59Z')).toEqual([])
    expect(await flagsAt(success, '2026-09-01T08:00:00Z')).toEqual(['stuck_success'])
    expect(await flagsAt(failure, '2027-09-01T08:00:00Z')).toEqual([])

    // The list filters by flag.
    t.setNow(at('2026-09-01T08:00:00Z'))
    const stuck = await (await t.request('pilots?flag=stuck_success&limit=100')).json()
    expect(stuck.items.map((p: { id: string }) => p.id)).toEqual([success])
    expect(stuck.items[0].flags).toEqual(['stuck_success'])
    const either = await (await t.request('pilots?flag=stuck_success,stale&limit=100')).json()
    expect(either.items.length).toBe(2)
    expect((await t.request('pilots?flag=sleepy')).status).toBe(400)
  })
})
