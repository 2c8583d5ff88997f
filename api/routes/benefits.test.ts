import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

type Json = Record<string, unknown>

const ZERO = { planned: 0, realised: 0 }

/** Every party, 0 unless given as [planned, realised]. */
function parties(given: Record<string, [number, number]> = {}) {
  const all: Record<string, { planned: number; realised: number }> = {
    own_org: ZERO,
    other_org: ZERO,
    state: ZERO,
    health_trust: ZERO,
    citizens: ZERO,
  }
  for (const [party, [planned, realised]] of Object.entries(given))
    all[party] = { planned, realised }
  return all
}

function group(
  kind: string,
  unit: string,
  [planned, realised]: [number, number],
  pilots: number,
  byBearer: Record<string, [number, number]>,
  byBeneficiary: Record<string, [number, number]>
) {
  return {
    kind,
    unit,
    planned,
    realised,
    pilots,
    adoptions: 0,
    byBearer: parties(byBearer),
    byBeneficiary: parties(byBeneficiary),
  }
}

function helpers(t: () => TestApp) {
  return {
    async pilot(overrides: Json = {}) {
      const res = await t().request('pilots', { method: 'POST', json: pilotBody(overrides) })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as { id: string; version: number }
    },
    /** Adds a benefit and expects it added; answers the benefit. */
    async benefit(pilotId: string, json: Json) {
      const res = await t().request(`pilots/${pilotId}/benefits`, { method: 'POST', json })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as { id: string } & Json
    },
    async ledger(pilotId: string) {
      const res = await t().request(`pilots/${pilotId}/benefits`)
      expect(res.status).toBe(200)
      return res.json()
    },
    async stats(query = '') {
      const res = await t().request(`stats/benefits${query}`)
      expect(res.status, await res.clone().text()).toBe(200)
      return res.json()
    },
  }
}

describe.each(DIALECTS)('benefits on %s', (dialect) => {
  let t: TestApp
  const h = helpers(() => t)
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.destroy())

  it('adds, changes and removes benefits as versioned changes of the pilot, with events', async () => {
    const pilot = await h.pilot({ title: 'Digital nattilsyn' })
    const added = await t.request(`pilots/${pilot.id}/benefits`, {
      method: 'POST',
      json: {
        kind: 'cost_saving_nok',
        description: 'Færre fysiske tilsyn om natten',
        plannedAnnual: 400000,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
    })
    expect(added.status).toBe(201)
    expect(added.headers.get('ETag')).toBe('"2"')
    const benefit = await added.json()
    expect(added.headers.get('Location')).toBe(`/api/v1/pilots/${pilot.id}/benefits/${benefit.id}`)
    expect(benefit).toEqual({
      id: expect.any(String),
      kind: 'cost_saving_nok',
      description: 'Færre fysiske tilsyn om natten',
      unit: 'NOK',
      plannedAnnual: 400000,
      realisedAnnual: null,
      bearer: 'own_org',
      beneficiary: 'own_org',
    })

    const read = await t.request(`pilots/${pilot.id}/benefits`)
    expect(read.headers.get('ETag')).toBe('"2"')
    expect(await read.json()).toEqual({
      items: [benefit],
      nextCursor: null,
      totals: {
        groups: [
          group(
            'cost_saving_nok',
            'NOK',
            [400000, 0],
            1,
            { own_org: [400000, 0] },
            {
              own_org: [400000, 0],
            }
          ),
        ],
      },
    })

    const changed = await t.request(`pilots/${pilot.id}/benefits/${benefit.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"2"' },
      json: { realisedAnnual: 310000, beneficiary: 'citizens' },
    })
    expect(changed.status, await changed.clone().text()).toBe(200)
    expect(changed.headers.get('ETag')).toBe('"3"')
    expect(await changed.json()).toEqual({
      ...benefit,
      realisedAnnual: 310000,
      beneficiary: 'citizens',
    })

    const noop = await t.request(`pilots/${pilot.id}/benefits/${benefit.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"3"' },
      json: { realisedAnnual: 310000 },
    })
    expect(noop.status).toBe(200)
    expect(noop.headers.get('ETag')).toBe('"3"')

    // Changing to a kind with a fixed unit brings the unit along.
    const hours = await t.request(`pilots/${pilot.id}/benefits/${benefit.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"3"' },
      json: { kind: 'time_saving_hours', plannedAnnual: 900, realisedAnnual: 700 },
    })
    expect(hours.status, await hours.clone().text()).toBe(200)
    expect(await hours.json()).toMatchObject({
      kind: 'time_saving_hours',
      unit: 'hours',
      plannedAnnual: 900,
      realisedAnnual: 700,
    })

    const removed = await t.request(`pilots/${pilot.id}/benefits/${benefit.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': '"4"' },
    })
    expect(removed.status).toBe(204)
    expect(removed.headers.get('ETag')).toBe('"5"')
    expect(await h.ledger(pilot.id)).toEqual({
      items: [],
      nextCursor: null,
      totals: { groups: [] },
    })
    expect((await (await t.request(`pilots/${pilot.id}`)).json()).version).toBe(5)

    const events = await (await t.request(`pilots/${pilot.id}/events`)).json()
    expect(events.items.map((e: Json) => [e.type, e.version])).toEqual([
      ['pilot_created', 1],
      ['benefit_added', 2],
      ['benefit_updated', 3],
      ['benefit_updated', 4],
      ['benefit_removed', 5],
    ])
    expect(events.items[1].diff).toEqual({ benefit: { from: null, to: benefit } })
    expect(events.items[1].data).toEqual({ benefitId: benefit.id })
    expect(events.items[2].diff).toEqual({
      realisedAnnual: { from: null, to: 310000 },
      beneficiary: { from: 'own_org', to: 'citizens' },
    })
    expect(events.items[3].diff).toEqual({
      kind: { from: 'cost_saving_nok', to: 'time_saving_hours' },
      unit: { from: 'NOK', to: 'hours' },
      plannedAnnual: { from: 400000, to: 900 },
      realisedAnnual: { from: 310000, to: 700 },
    })
    expect(events.items[4].diff).toEqual({
      benefit: {
        from: {
          ...benefit,
          kind: 'time_saving_hours',
          unit: 'hours',
          plannedAnnual: 900,
          realisedAnnual: 700,
          beneficiary: 'citizens',
        },
        to: null,
      },
    })
    expect(events.items[4].actor).toMatchObject({ userId: t.oslo.userId })
  })

  it('keeps the order benefits were added in and takes an Idempotency-Key', async () => {
    const pilot = await h.pilot({ title: 'Felles tolketjeneste' })
    const first = await h.benefit(pilot.id, {
      kind: 'quality',
      unit: 'brukertilfredshet (1–6)',
      description: 'Bedre forståelse i samtaler',
      plannedAnnual: 5,
      realisedAnnual: 4.5,
      bearer: 'state',
      beneficiary: 'citizens',
    })
    const retry = {
      method: 'POST',
      headers: { 'Idempotency-Key': 'tolk-timer-1' },
      json: {
        kind: 'time_saving_hours',
        description: 'Mindre venting på tolk',
        realisedAnnual: 120,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
    }
    const once = await t.request(`pilots/${pilot.id}/benefits`, retry)
    expect(once.status).toBe(201)
    expect(once.headers.get('ETag')).toBe('"3"')
    const again = await t.request(`pilots/${pilot.id}/benefits`, retry)
    expect(again.status).toBe(201)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect(again.headers.get('ETag')).toBe('"3"')
    const second = await once.json()
    expect(await again.json()).toEqual(second)

    const ledger = await h.ledger(pilot.id)
    expect(ledger.items.map((b: Json) => b.id)).toEqual([first.id, second.id])
    expect(ledger.items[0]).toMatchObject({ unit: 'brukertilfredshet (1–6)', realisedAnnual: 4.5 })
    expect((await (await t.request(`pilots/${pilot.id}`)).json()).version).toBe(3)
  })

  it('refuses invalid benefits with a 400 naming the field, and writes nothing', async () => {
    const pilot = await h.pilot({ title: 'Forsøk med ugyldige gevinster' })
    const valid = {
      kind: 'cost_saving_nok',
      description: 'Lavere vikarutgifter',
      plannedAnnual: 1000,
      bearer: 'own_org',
      beneficiary: 'own_org',
    }
    const cases: [Json, string, string?][] = [
      [{ ...valid, unit: 'hours' }, 'unit'],
      [{ ...valid, unit: 'kr' }, 'unit'],
      [{ ...valid, kind: 'time_saving_hours', unit: 'NOK' }, 'unit'],
      [{ ...valid, kind: 'quality' }, 'unit'],
      [{ ...valid, kind: 'other', unit: '' }, 'unit'],
      [{ ...valid, plannedAnnual: undefined }, 'plannedAnnual'],
      [{ ...valid, plannedAnnual: null, realisedAnnual: null }, 'plannedAnnual'],
      [{ ...valid, plannedAnnual: -1 }, 'plannedAnnual'],
      [{ ...valid, realisedAnnual: -0.5 }, 'realisedAnnual'],
      [{ ...valid, realisedAnnual: 2e12 }, 'realisedAnnual'],
      [{ ...valid, plannedAnnual: '1000' }, 'plannedAnnual'],
      [{ ...valid, kind: 'prestige' }, 'kind'],
      [{ ...valid, bearer: 'everyone' }, 'bearer'],
      [{ ...valid, description: 'x' }, 'description'],
      [{ ...valid, amount: 5 }, 'amount', 'unknown_field'],
    ]
    for (const [json, field, code] of cases) {
      const res = await t.request(`pilots/${pilot.id}/benefits`, { method: 'POST', json })
      const where = JSON.stringify(json)
      expect(res.status, where).toBe(400)
      expect(res.headers.get('Content-Type')).toContain('application/problem+json')
      const problem = await res.json()
      expect(problem.code, where).toBe('validation_failed')
      expect(
        problem.errors.map((e: Json) => e.field),
        where
      ).toContain(field)
      if (code) expect(problem.errors, where).toContainEqual(expect.objectContaining({ code }))
    }

    const benefit = await h.benefit(pilot.id, valid)
    const patches: [Json, string, string?][] = [
      [{ unit: 'hours' }, 'unit'],
      [{ plannedAnnual: null }, 'plannedAnnual'],
      [{ kind: 'quality' }, 'unit'],
      [{ kind: 'time_saving_hours', unit: 'minutes' }, 'unit'],
      [{ realisedAnnual: -3 }, 'realisedAnnual'],
      [{ beneficiary: 'nobody' }, 'beneficiary'],
      [{ id: benefit.id }, 'id', 'unknown_field'],
    ]
    for (const [json, field, code] of patches) {
      const res = await t.request(`pilots/${pilot.id}/benefits/${benefit.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': '"2"' },
        json,
      })
      const where = JSON.stringify(json)
      expect(res.status, where).toBe(400)
      const problem = await res.json()
      expect(
        problem.errors.map((e: Json) => e.field),
        where
      ).toContain(field)
      if (code) expect(problem.errors, where).toContainEqual(expect.objectContaining({ code }))
    }

    // Nothing of the refused requests was written: one benefit, as it was added, at version 2.
    expect((await h.ledger(pilot.id)).items).toEqual([benefit])
    expect((await (await t.request(`pilots/${pilot.id}`)).json()).version).toBe(2)
    const events = await (await t.request(`pilots/${pilot.id}/events`)).json()
    expect(events.items.map((e: Json) => e.type)).toEqual(['pilot_created', 'benefit_added'])

    // Leaving a fixed-unit kind is allowed with a unit of one's own.
    const quality = await t.request(`pilots/${pilot.id}/benefits/${benefit.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"2"' },
      json: { kind: 'quality', unit: 'poeng' },
    })
    expect(quality.status, await quality.clone().text()).toBe(200)
    expect(await quality.json()).toMatchObject({ kind: 'quality', unit: 'poeng' })
  })

  it('asks for If-Match on PATCH and DELETE and refuses a stale one', async () => {
    const pilot = await h.pilot({ title: 'Forsøk med versjoner' })
    const benefit = await h.benefit(pilot.id, {
      kind: 'time_saving_hours',
      description: 'Kortere saksbehandling',
      plannedAnnual: 300,
      bearer: 'own_org',
      beneficiary: 'citizens',
    })
    const path = `pilots/${pilot.id}/benefits/${benefit.id}`
    const missingPatch = await t.request(path, { method: 'PATCH', json: { plannedAnnual: 1 } })
    expect(missingPatch.status).toBe(428)
    expect((await missingPatch.json()).code).toBe('precondition_required')
    const missingDelete = await t.request(path, { method: 'DELETE' })
    expect(missingDelete.status).toBe(428)

    const stalePatch = await t.request(path, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: { plannedAnnual: 1 },
    })
    expect(stalePatch.status).toBe(412)
    expect((await stalePatch.json()).code).toBe('version_mismatch')
    const staleDelete = await t.request(path, { method: 'DELETE', headers: { 'If-Match': '"1"' } })
    expect(staleDelete.status).toBe(412)
    const stalePost = await t.request(`pilots/${pilot.id}/benefits`, {
      method: 'POST',
      headers: { 'If-Match': '"1"' },
      json: {
        kind: 'other',
        unit: 'stk',
        description: 'Noe annet',
        plannedAnnual: 1,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
    })
    expect(stalePost.status).toBe(412)

    expect((await h.ledger(pilot.id)).items).toEqual([benefit])
    expect((await (await t.request(`pilots/${pilot.id}`)).json()).version).toBe(2)
  })

  it('answers 404 for an unknown benefit, a benefit of another pilot and a draft of another organisation', async () => {
    const a = await h.pilot({ title: 'Forsøk A' })
    const b = await h.pilot({ title: 'Forsøk B' })
    const ofA = await h.benefit(a.id, {
      kind: 'cost_saving_nok',
      description: 'Gevinst i forsøk A',
      plannedAnnual: 10,
      bearer: 'own_org',
      beneficiary: 'own_org',
    })
    const viaB = `pilots/${b.id}/benefits/${ofA.id}`
    const patch = await t.request(viaB, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: { plannedAnnual: 20 },
    })
    expect(patch.status).toBe(404)
    expect((await patch.json()).code).toBe('not_found')
    const del = await t.request(viaB, { method: 'DELETE', headers: { 'If-Match': '"1"' } })
    expect(del.status).toBe(404)
    const unknown = await t.request(`pilots/${a.id}/benefits/${crypto.randomUUID()}`, {
      method: 'DELETE',
      headers: { 'If-Match': '"2"' },
    })
    expect(unknown.status).toBe(404)
    expect((await h.ledger(a.id)).items).toEqual([ofA])
    expect((await (await t.request(`pilots/${b.id}`)).json()).version).toBe(1)

    t.actAs(t.bergen)
    const draft = await h.pilot({ title: 'Bergens utkast', visibility: 'draft' })
    const secret = await h.benefit(draft.id, {
      kind: 'cost_saving_nok',
      description: 'Hemmelig gevinst',
      plannedAnnual: 99,
      bearer: 'own_org',
      beneficiary: 'own_org',
    })
    expect((await h.ledger(draft.id)).items).toEqual([secret])
    t.actAs(t.oslo)
    try {
      expect((await t.request(`pilots/${draft.id}/benefits`)).status).toBe(404)
      const intruder = {
        kind: 'other',
        unit: 'stk',
        description: 'Inntrenger',
        plannedAnnual: 1,
        bearer: 'own_org',
        beneficiary: 'own_org',
      }
      const post = await t.request(`pilots/${draft.id}/benefits`, {
        method: 'POST',
        json: intruder,
      })
      expect(post.status).toBe(404)
      const path = `pilots/${draft.id}/benefits/${secret.id}`
      const headers = { 'If-Match': '*' }
      expect(
        (await t.request(path, { method: 'PATCH', headers, json: { plannedAnnual: 0 } })).status
      ).toBe(404)
      expect((await t.request(path, { method: 'DELETE', headers })).status).toBe(404)
      t.actAs(null)
      expect((await t.request(`pilots/${draft.id}/benefits`)).status).toBe(404)
      expect((await t.request(`pilots/${a.id}/benefits`)).status).toBe(200)
      expect(
        (await t.request(`pilots/${a.id}/benefits`, { method: 'POST', json: intruder })).status
      ).toBe(401)
    } finally {
      t.actAs(t.oslo)
    }
    t.actAs(t.bergen)
    expect((await h.ledger(draft.id)).items).toEqual([secret])
    t.actAs(t.oslo)
  })
})

describe.each(DIALECTS)('benefit totals on %s', (dialect) => {
  let t: TestApp
  const h = helpers(() => t)
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    t = await createTestApp(dialect)

    // Oslo kommune (county 03): two published pilots and a draft.
    t.actAs(t.oslo)
    const o1 = await h.pilot({ title: 'Oslo: digitale trygghetsalarmer' })
    const o2 = await h.pilot({ title: 'Oslo: felles vikarpool' })
    const o3 = await h.pilot({ title: 'Oslo: utkast', visibility: 'draft' })
    await h.benefit(o1.id, {
      kind: 'cost_saving_nok',
      description: 'Færre utrykninger',
      plannedAnnual: 100000,
      realisedAnnual: 40000,
      bearer: 'own_org',
      beneficiary: 'own_org',
    })
    await h.benefit(o1.id, {
      kind: 'cost_saving_nok',
      description: 'Færre innleggelser',
      plannedAnnual: 50000,
      bearer: 'own_org',
      beneficiary: 'state',
    })
    await h.benefit(o1.id, {
      kind: 'time_saving_hours',
      description: 'Mindre reisetid for pårørende',
      plannedAnnual: 1200.5,
      realisedAnnual: 300.25,
      bearer: 'own_org',
      beneficiary: 'citizens',
    })
    await h.benefit(o2.id, {
      kind: 'cost_saving_nok',
      unit: 'NOK',
      description: 'Lavere byråutgifter',
      realisedAnnual: 25000,
      bearer: 'other_org',
      beneficiary: 'own_org',
    })
    await h.benefit(o2.id, {
      kind: 'quality',
      unit: 'poeng',
      description: 'Kontinuitet for brukerne',
      plannedAnnual: 10,
      realisedAnnual: 4,
      bearer: 'own_org',
      beneficiary: 'citizens',
    })
    await h.benefit(o3.id, {
      kind: 'cost_saving_nok',
      description: 'Utkastets gevinst, som ikke skal telles',
      plannedAnnual: 999000,
      realisedAnnual: 999000,
      bearer: 'own_org',
      beneficiary: 'own_org',
    })

    // Bergen kommune (county 46): two published pilots; one benefit changed, one removed.
    t.actAs(t.bergen)
    const b1 = await h.pilot({ title: 'Bergen: sensorer i omsorgsboliger' })
    const b2 = await h.pilot({ title: 'Bergen: samtaleverktøy' })
    const b7 = await h.benefit(b1.id, {
      kind: 'cost_saving_nok',
      description: 'Færre sykehusdøgn',
      plannedAnnual: 180000,
      realisedAnnual: 150000,
      bearer: 'state',
      beneficiary: 'health_trust',
    })
    await h.benefit(b1.id, {
      kind: 'time_saving_hours',
      description: 'Færre nattlige runder',
      plannedAnnual: 800,
      bearer: 'own_org',
      beneficiary: 'own_org',
    })
    await h.benefit(b1.id, {
      kind: 'other',
      unit: 'NOK',
      description: 'Spart egenandel',
      plannedAnnual: 5000,
      realisedAnnual: 5000,
      bearer: 'citizens',
      beneficiary: 'other_org',
    })
    const b12 = await h.benefit(b1.id, {
      kind: 'cost_saving_nok',
      description: 'Fjernes igjen',
      plannedAnnual: 70000,
      bearer: 'own_org',
      beneficiary: 'own_org',
    })
    const patched = await t.request(`pilots/${b1.id}/benefits/${b7.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"5"' },
      json: { plannedAnnual: 200000 },
    })
    expect(patched.status, await patched.clone().text()).toBe(200)
    const removed = await t.request(`pilots/${b1.id}/benefits/${b12.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': '"6"' },
    })
    expect(removed.status).toBe(204)
    await h.benefit(b2.id, {
      kind: 'quality',
      unit: 'poeng',
      description: 'Bedre samtaler',
      plannedAnnual: 6,
      realisedAnnual: 2,
      bearer: 'own_org',
      beneficiary: 'citizens',
    })
    await h.benefit(b2.id, {
      kind: 'quality',
      unit: 'prosent',
      description: 'Andel som forstår vedtaket',
      plannedAnnual: 15,
      bearer: 'health_trust',
      beneficiary: 'citizens',
    })
    await h.benefit(b2.id, {
      kind: 'cost_saving_nok',
      description: 'Færre klagesaker',
      plannedAnnual: 30000,
      realisedAnnual: 10000,
      bearer: 'own_org',
      beneficiary: 'own_org',
    })
    // The statistics are read as Oslo, who can see the Oslo draft: it still must not count.
    t.actAs(t.oslo)
    Object.assign(ids, { o1: o1.id, o2: o2.id, o3: o3.id, b1: b1.id, b2: b2.id })
  })
  afterAll(() => t.destroy())

  it('totals each pilot per kind and unit, split by bearer and beneficiary', async () => {
    expect((await h.ledger(ids.o1 ?? '')).totals).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [150000, 40000],
          1,
          { own_org: [150000, 40000] },
          { own_org: [100000, 40000], state: [50000, 0] }
        ),
        group(
          'time_saving_hours',
          'hours',
          [1200.5, 300.25],
          1,
          { own_org: [1200.5, 300.25] },
          { citizens: [1200.5, 300.25] }
        ),
      ],
    })
    expect((await h.ledger(ids.o2 ?? '')).totals).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [0, 25000],
          1,
          { other_org: [0, 25000] },
          { own_org: [0, 25000] }
        ),
        group('quality', 'poeng', [10, 4], 1, { own_org: [10, 4] }, { citizens: [10, 4] }),
      ],
    })
    // A draft's own ledger counts its benefits: the owner sees them.
    expect((await h.ledger(ids.o3 ?? '')).totals).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [999000, 999000],
          1,
          { own_org: [999000, 999000] },
          { own_org: [999000, 999000] }
        ),
      ],
    })
    expect((await h.ledger(ids.b1 ?? '')).totals).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [200000, 150000],
          1,
          { state: [200000, 150000] },
          { health_trust: [200000, 150000] }
        ),
        group(
          'time_saving_hours',
          'hours',
          [800, 0],
          1,
          { own_org: [800, 0] },
          {
            own_org: [800, 0],
          }
        ),
        group(
          'other',
          'NOK',
          [5000, 5000],
          1,
          { citizens: [5000, 5000] },
          {
            other_org: [5000, 5000],
          }
        ),
      ],
    })
    expect((await h.ledger(ids.b2 ?? '')).totals).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [30000, 10000],
          1,
          { own_org: [30000, 10000] },
          { own_org: [30000, 10000] }
        ),
        group('quality', 'poeng', [6, 2], 1, { own_org: [6, 2] }, { citizens: [6, 2] }),
        group('quality', 'prosent', [15, 0], 1, { health_trust: [15, 0] }, { citizens: [15, 0] }),
      ],
    })
  })

  it("totals an organisation's and a county's published pilots; the draft does not count", async () => {
    const oslo = {
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [150000, 65000],
          2,
          { own_org: [150000, 40000], other_org: [0, 25000] },
          { own_org: [100000, 65000], state: [50000, 0] }
        ),
        group(
          'time_saving_hours',
          'hours',
          [1200.5, 300.25],
          1,
          { own_org: [1200.5, 300.25] },
          { citizens: [1200.5, 300.25] }
        ),
        group('quality', 'poeng', [10, 4], 1, { own_org: [10, 4] }, { citizens: [10, 4] }),
      ],
    }
    const bergen = {
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [230000, 160000],
          2,
          { own_org: [30000, 10000], state: [200000, 150000] },
          { own_org: [30000, 10000], health_trust: [200000, 150000] }
        ),
        group(
          'time_saving_hours',
          'hours',
          [800, 0],
          1,
          { own_org: [800, 0] },
          {
            own_org: [800, 0],
          }
        ),
        group('quality', 'poeng', [6, 2], 1, { own_org: [6, 2] }, { citizens: [6, 2] }),
        group('quality', 'prosent', [15, 0], 1, { health_trust: [15, 0] }, { citizens: [15, 0] }),
        group(
          'other',
          'NOK',
          [5000, 5000],
          1,
          { citizens: [5000, 5000] },
          {
            other_org: [5000, 5000],
          }
        ),
      ],
    }
    expect(await h.stats(`?org=${t.oslo.organisationId}`)).toEqual(oslo)
    expect(await h.stats('?county=03')).toEqual(oslo)
    expect(await h.stats(`?org=${t.bergen.organisationId}`)).toEqual(bergen)
    expect(await h.stats('?county=46')).toEqual(bergen)
    expect(await h.stats(`?org=${t.oslo.organisationId}&county=46`)).toEqual({ groups: [] })
    expect(await h.stats('?county=11')).toEqual({ groups: [] })
  })

  it('totals the whole country, keeping kinds and units apart', async () => {
    const national = {
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [380000, 225000],
          4,
          { own_org: [180000, 50000], other_org: [0, 25000], state: [200000, 150000] },
          { own_org: [130000, 75000], state: [50000, 0], health_trust: [200000, 150000] }
        ),
        group(
          'time_saving_hours',
          'hours',
          [2000.5, 300.25],
          2,
          { own_org: [2000.5, 300.25] },
          { own_org: [800, 0], citizens: [1200.5, 300.25] }
        ),
        group('quality', 'poeng', [16, 6], 2, { own_org: [16, 6] }, { citizens: [16, 6] }),
        group('quality', 'prosent', [15, 0], 1, { health_trust: [15, 0] }, { citizens: [15, 0] }),
        group(
          'other',
          'NOK',
          [5000, 5000],
          1,
          { citizens: [5000, 5000] },
          {
            other_org: [5000, 5000],
          }
        ),
      ],
    }
    expect(await h.stats()).toEqual(national)
    t.actAs(null)
    try {
      expect(await h.stats()).toEqual(national)
    } finally {
      t.actAs(t.oslo)
    }
  })

  it('names a bad filter in a 400', async () => {
    for (const [query, field] of [
      ['?county=3', 'county'],
      ['?org=oslo', 'org'],
    ]) {
      const res = await t.request(`stats/benefits${query}`)
      expect(res.status).toBe(400)
      expect((await res.json()).errors).toEqual([expect.objectContaining({ in: 'query', field })])
    }
  })
})
