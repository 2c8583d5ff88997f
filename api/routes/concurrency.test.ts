import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

describe.each(DIALECTS)('concurrent and repeated writes on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.destroy())

  const pilotCount = async (title: string) =>
    Number(
      (
        await t.db
          .selectFrom('pilots')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('title', '=', title)
          .executeTakeFirstOrThrow()
      ).n
    )

  it('lets exactly one of two PATCHes with the same If-Match win; the other gets 412', async () => {
    const { id } = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title: 'Kappløp' }) })
    ).json()
    const patch = (title: string) =>
      t.request(`pilots/${id}`, {
        method: 'PATCH',
        headers: { 'If-Match': '"1"' },
        json: { title },
      })
    const results = await Promise.all([patch('Vinner A'), patch('Vinner B')])
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 412])
    const winning = results.find((r) => r.status === 200)
    const winner = winning && (await winning.json()).title
    expect(['Vinner A', 'Vinner B']).toContain(winner)
    const pilot = await (await t.request(`pilots/${id}`)).json()
    expect(pilot).toMatchObject({ title: winner, version: 2 })
    const events = await (await t.request(`pilots/${id}/events`)).json()
    expect(events.items).toHaveLength(2)
  })

  it('lets exactly one of ten racing transitions through', async () => {
    const { id } = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title: 'Mange samtidig' }) })
    ).json()
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.request(`pilots/${id}/transitions`, {
          method: 'POST',
          headers: { 'If-Match': '"1"' },
          json: { to: 'planned' },
        })
      )
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 412)).toHaveLength(9)
    const events = await (await t.request(`pilots/${id}/events`)).json()
    expect(events.items.map((e: { type: string }) => e.type)).toEqual([
      'pilot_created',
      'stage_changed',
    ])
  })

  it('creates one pilot for a POST repeated with the same Idempotency-Key', async () => {
    const body = pilotBody({ title: 'Idempotent registrering' })
    const headers = { 'Idempotency-Key': 'registrering-2026-11-22-001' }
    const first = await t.request('pilots', { method: 'POST', headers, json: body })
    const second = await t.request('pilots', { method: 'POST', headers, json: body })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(first.headers.get('Idempotent-Replayed')).toBeNull()
    expect(second.headers.get('Idempotent-Replayed')).toBe('true')
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'))
    expect((await second.json()).id).toBe((await first.json()).id)
    expect(await pilotCount('Idempotent registrering')).toBe(1)
  })

  it('creates one pilot when the same key races itself', async () => {
    const body = pilotBody({ title: 'Samtidig idempotent' })
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.request('pilots', {
          method: 'POST',
          headers: { 'Idempotency-Key': 'race-1' },
          json: body,
        })
      )
    )
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    const ids = new Set(await Promise.all(results.map(async (r) => (await r.json()).id)))
    expect(ids.size).toBe(1)
    expect(await pilotCount('Samtidig idempotent')).toBe(1)
  })

  it('refuses the same key for a different request, and keeps keys apart per user', async () => {
    const headers = { 'Idempotency-Key': 'gjenbrukt-nokkel' }
    expect(
      (await t.request('pilots', { method: 'POST', headers, json: pilotBody({ title: 'Første' }) }))
        .status
    ).toBe(201)
    const reused = await t.request('pilots', {
      method: 'POST',
      headers,
      json: pilotBody({ title: 'Andre' }),
    })
    expect(reused.status).toBe(422)
    expect((await reused.json()).code).toBe('idempotency_key_reused')
    expect(await pilotCount('Andre')).toBe(0)

    t.actAs(t.bergen)
    const other = await t.request('pilots', {
      method: 'POST',
      headers,
      json: pilotBody({ title: 'Første' }),
    })
    t.actAs(t.oslo)
    expect(other.status).toBe(201)
    expect(other.headers.get('Idempotent-Replayed')).toBeNull()
    expect(await pilotCount('Første')).toBe(2)
  })

  it('replays a transition retried with the same Idempotency-Key instead of refusing it as stale', async () => {
    const { id } = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title: 'Gjentatt overgang' }) })
    ).json()
    const send = () =>
      t.request(`pilots/${id}/transitions`, {
        method: 'POST',
        headers: { 'If-Match': '"1"', 'Idempotency-Key': `overgang-${id}` },
        json: { to: 'planned' },
      })
    const first = await send()
    const retry = await send()
    expect([first.status, retry.status]).toEqual([200, 200])
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
    expect(retry.headers.get('ETag')).toBe('"2"')
    const events = await (await t.request(`pilots/${id}/events`)).json()
    expect(events.items).toHaveLength(2)
  })

  it('does not keep the key of a request that failed, so a corrected retry goes through', async () => {
    const headers = { 'Idempotency-Key': 'feilet-forst' }
    const bad = await t.request('pilots', {
      method: 'POST',
      headers,
      json: pilotBody({ title: 'Feil eier', ownerOrgId: '00000000-0000-4000-8000-000000000000' }),
    })
    expect(bad.status).toBe(400)
    const good = await t.request('pilots', {
      method: 'POST',
      headers,
      json: pilotBody({ title: 'Riktig eier' }),
    })
    expect(good.status).toBe(201)
    expect(good.headers.get('Idempotent-Replayed')).toBeNull()
  })
})
