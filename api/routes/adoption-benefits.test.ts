import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Actor, memberActor } from '../actor.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

type Json = Record<string, unknown>

const PARTIES = ['own_org', 'other_org', 'state', 'health_trust', 'citizens'] as const

/** Every party, 0 unless given as [planned, realised]. */
function parties(given: Record<string, [number, number]> = {}) {
  return Object.fromEntries(
    PARTIES.map((p) => {
      const [planned, realised] = given[p] ?? [0, 0]
      return [p, { planned, realised }]
    })
  )
}

/** A totals group: its sums, how many pilots (own benefits) and adoptions (local ones) count. */
function group(
  kind: string,
  unit: string,
  [planned, realised]: [number, number],
  [pilots, adoptions]: [number, number],
  byBearer: Record<string, [number, number]>,
  byBeneficiary: Record<string, [number, number]>
) {
  return {
    kind,
    unit,
    planned,
    realised,
    pilots,
    adoptions,
    byBearer: parties(byBearer),
    byBeneficiary: parties(byBeneficiary),
  }
}

const ORGS = {
  tromso: {
    orgNumber: '940101808',
    name: 'Tromsø kommune',
    kind: 'municipality',
    municipalityNumber: '5501',
  },
  trondheim: {
    orgNumber: '942110464',
    name: 'Trondheim kommune',
    kind: 'municipality',
    municipalityNumber: '5001',
  },
  // In Bergen's county (46), as a second organisation there.
  helseBergen: {
    orgNumber: '983974724',
    name: 'Helse Bergen HF',
    kind: 'health_trust',
    municipalityNumber: '4601',
  },
} as const

/** The app with Tromsø, Trondheim and Helse Bergen as organisations too, and a member of each. */
async function setUp(dialect: 'pglite' | 'postgres') {
  const t = await createTestApp(dialect)
  const members: Record<keyof typeof ORGS, Actor> = {} as Record<keyof typeof ORGS, Actor>
  for (const [key, org] of Object.entries(ORGS) as [keyof typeof ORGS, Json][]) {
    members[key] = memberActor(
      { id: t.oslo.userId, name: `Medlem ${org.name}` },
      await t.createOrganisation(org)
    )
  }
  return { t, members }
}

function helpers(t: () => TestApp) {
  const h = {
    /** Runs `act` as `member`, then acts as Oslo again. */
    async as<T>(member: Actor | null, act: () => Promise<T>): Promise<T> {
      t().actAs(member)
      try {
        return await act()
      } finally {
        t().actAs(t().oslo)
      }
    },
    async pilot(overrides: Json = {}) {
      const res = await t().request('pilots', { method: 'POST', json: pilotBody(overrides) })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as { id: string; version: number }
    },
    async adopt(member: Actor, pilotId: string) {
      const res = await h.as(member, () =>
        t().request(`pilots/${pilotId}/adoptions`, { method: 'POST', json: {} })
      )
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as { id: string; version: number }
    },
    /** Adds a benefit to `pilots/{id}` or `adoptions/{id}` and expects it added. */
    async benefit(owner: string, json: Json) {
      const res = await t().request(`${owner}/benefits`, { method: 'POST', json })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as { id: string } & Json
    },
    async ledger(owner: string) {
      const res = await t().request(`${owner}/benefits`)
      expect(res.status, await res.clone().text()).toBe(200)
      return res.json()
    },
    async version(owner: string) {
      const res = await t().request(owner)
      expect(res.status).toBe(200)
      return (await res.json()).version as number
    },
    async events(owner: string) {
      const res = await t().request(`${owner}/events`)
      expect(res.status).toBe(200)
      return (await res.json()).items as Json[]
    },
    async stats(query = '') {
      const res = await t().request(`stats/benefits${query}`)
      expect(res.status, await res.clone().text()).toBe(200)
      return res.json()
    },
  }
  return h
}

const COST = {
  kind: 'cost_saving_nok',
  description: 'Færre fysiske tilsyn om natten',
  plannedAnnual: 400000,
  bearer: 'own_org',
  beneficiary: 'own_org',
}

describe.each(DIALECTS)('local benefits on adoptions on %s', (dialect) => {
  let t: TestApp
  let members: Awaited<ReturnType<typeof setUp>>['members']
  const h = helpers(() => t)
  beforeAll(async () => {
    ;({ t, members } = await setUp(dialect))
  })
  afterAll(() => t.destroy())

  it("adds, changes and removes local benefits as versioned changes of the adoption, apart from the pilot's ledger", async () => {
    const pilot = await h.pilot({ title: 'Digitalt nattilsyn' })
    const own = await h.benefit(`pilots/${pilot.id}`, COST)
    const adoption = await h.adopt(members.tromso, pilot.id)
    const a = `adoptions/${adoption.id}`

    const { added, local, replay } = await h.as(members.tromso, async () => {
      const json = {
        kind: 'time_saving_hours',
        description: 'Kortere nattrunder i Tromsø',
        plannedAnnual: 900,
        bearer: 'own_org',
        beneficiary: 'citizens',
      }
      const init = { method: 'POST', headers: { 'Idempotency-Key': 'tromso-timer-1' }, json }
      const added = await t.request(`${a}/benefits`, init)
      const local = await added.clone().json()
      return { added, local, replay: await t.request(`${a}/benefits`, init) }
    })
    expect(added.status, JSON.stringify(local)).toBe(201)
    expect(added.headers.get('ETag')).toBe('"2"')
    expect(added.headers.get('Location')).toBe(`/api/v1/${a}/benefits/${local.id}`)
    expect(local).toEqual({
      id: expect.any(String),
      kind: 'time_saving_hours',
      description: 'Kortere nattrunder i Tromsø',
      unit: 'hours',
      plannedAnnual: 900,
      realisedAnnual: null,
      bearer: 'own_org',
      beneficiary: 'citizens',
    })
    expect(replay.status).toBe(201)
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true')
    expect(replay.headers.get('ETag')).toBe('"2"')
    expect(await replay.json()).toEqual(local)

    const read = await t.request(`${a}/benefits`)
    expect(read.headers.get('ETag')).toBe('"2"')
    expect(await read.json()).toEqual({
      items: [local],
      nextCursor: null,
      totals: {
        groups: [
          group(
            'time_saving_hours',
            'hours',
            [900, 0],
            [0, 1],
            { own_org: [900, 0] },
            { citizens: [900, 0] }
          ),
        ],
      },
    })
    expect(await h.version(a)).toBe(2)

    // The origin pilot's ledger and version know nothing of the local benefit.
    expect(await h.ledger(`pilots/${pilot.id}`)).toEqual({
      items: [own],
      nextCursor: null,
      totals: {
        groups: [
          group(
            'cost_saving_nok',
            'NOK',
            [400000, 0],
            [1, 0],
            { own_org: [400000, 0] },
            { own_org: [400000, 0] }
          ),
        ],
      },
    })
    expect(await h.version(`pilots/${pilot.id}`)).toBe(2)

    const changed = await h.as(members.tromso, () =>
      t.request(`${a}/benefits/${local.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': '"2"' },
        json: { realisedAnnual: 650, beneficiary: 'own_org' },
      })
    )
    expect(changed.status, await changed.clone().text()).toBe(200)
    expect(changed.headers.get('ETag')).toBe('"3"')
    expect(await changed.json()).toEqual({ ...local, realisedAnnual: 650, beneficiary: 'own_org' })

    const noop = await h.as(members.tromso, () =>
      t.request(`${a}/benefits/${local.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': '"3"' },
        json: { realisedAnnual: 650 },
      })
    )
    expect(noop.status).toBe(200)
    expect(noop.headers.get('ETag')).toBe('"3"')

    const removed = await h.as(members.tromso, () =>
      t.request(`${a}/benefits/${local.id}`, {
        method: 'DELETE',
        headers: { 'If-Match': '"3"' },
      })
    )
    expect(removed.status).toBe(204)
    expect(removed.headers.get('ETag')).toBe('"4"')
    expect(await h.ledger(a)).toEqual({ items: [], nextCursor: null, totals: { groups: [] } })
    expect(await h.version(a)).toBe(4)

    const events = await h.events(a)
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['adoption_recorded', 1],
      ['benefit_added', 2],
      ['benefit_updated', 3],
      ['benefit_removed', 4],
    ])
    expect(events[1]?.diff).toEqual({ benefit: { from: null, to: local } })
    expect(events.slice(1).map((e) => e.data)).toEqual([
      { benefitId: local.id },
      { benefitId: local.id },
      { benefitId: local.id },
    ])
    expect(events[2]?.diff).toEqual({
      realisedAnnual: { from: null, to: 650 },
      beneficiary: { from: 'citizens', to: 'own_org' },
    })
    expect(events[1]?.actor).toMatchObject({ organisationName: 'Tromsø kommune' })
    expect(events[3]?.diff).toEqual({
      benefit: { from: { ...local, realisedAnnual: 650, beneficiary: 'own_org' }, to: null },
    })

    // None of it touched the pilot: version, ledger and history as they were.
    expect(await h.version(`pilots/${pilot.id}`)).toBe(2)
    expect((await h.ledger(`pilots/${pilot.id}`)).items).toEqual([own])
    expect((await h.events(`pilots/${pilot.id}`)).map((e) => [e.type, e.version])).toEqual([
      ['pilot_created', 1],
      ['benefit_added', 2],
    ])
  })

  it('asks for If-Match on PATCH and DELETE and refuses a stale one, the pilot ETag included', async () => {
    const pilot = await h.pilot({ title: 'Forsøk med versjoner av adopsjoner' })
    // The pilot moves on to version 4; the adoption's versions are its own.
    await h.benefit(`pilots/${pilot.id}`, COST)
    await h.benefit(`pilots/${pilot.id}`, { ...COST, description: 'Enda en gevinst' })
    const adoption = await h.adopt(members.trondheim, pilot.id)
    const a = `adoptions/${adoption.id}`
    // Every write below is Trondheim's, on its own adoption.
    await h.as(members.trondheim, async () => {
      const local = await h.benefit(a, { ...COST, description: 'Lokal gevinst i Trondheim' })
      const path = `${a}/benefits/${local.id}`

      const missingPatch = await t.request(path, { method: 'PATCH', json: { plannedAnnual: 1 } })
      expect(missingPatch.status).toBe(428)
      expect((await missingPatch.json()).code).toBe('precondition_required')
      expect((await t.request(path, { method: 'DELETE' })).status).toBe(428)

      for (const stale of ['"1"', '"4"']) {
        const patch = await t.request(path, {
          method: 'PATCH',
          headers: { 'If-Match': stale },
          json: { plannedAnnual: 1 },
        })
        expect(patch.status, stale).toBe(412)
        expect((await patch.json()).code).toBe('version_mismatch')
        const del = await t.request(path, { method: 'DELETE', headers: { 'If-Match': stale } })
        expect(del.status, stale).toBe(412)
        const post = await t.request(`${a}/benefits`, {
          method: 'POST',
          headers: { 'If-Match': stale },
          json: { ...COST, description: 'Kommer ikke med' },
        })
        expect(post.status, stale).toBe(412)
      }
      const current = await t.request(`${a}/benefits`, {
        method: 'POST',
        headers: { 'If-Match': '"2"' },
        json: { ...COST, description: 'Med riktig versjon', plannedAnnual: 5 },
      })
      expect(current.status, await current.clone().text()).toBe(201)
      expect(current.headers.get('ETag')).toBe('"3"')
    })

    expect((await h.ledger(a)).items.map((b: Json) => b.description)).toEqual([
      'Lokal gevinst i Trondheim',
      'Med riktig versjon',
    ])
    expect(await h.version(a)).toBe(3)
    expect(await h.version(`pilots/${pilot.id}`)).toBe(3)
  })

  it("answers 404 for a pilot's benefit on an adoption, a local benefit on its pilot or another adoption, and an unknown or hidden adoption", async () => {
    const pilot = await h.pilot({ title: 'Forsøk med kryssbruk' })
    const own = await h.benefit(`pilots/${pilot.id}`, COST)
    const tromso = await h.adopt(members.tromso, pilot.id)
    const bergen = await h.adopt(t.bergen, pilot.id)
    const local = await h.as(members.tromso, () =>
      h.benefit(`adoptions/${tromso.id}`, { ...COST, description: 'Tromsøs lokale gevinst' })
    )
    const ofBergen = await h.as(t.bergen, () =>
      h.benefit(`adoptions/${bergen.id}`, { ...COST, description: 'Bergens lokale gevinst' })
    )
    const any = { 'If-Match': '*' }
    // Each asked by someone who may write the ledger named: Tromsø its adoption's, Oslo its pilot's.
    const misuses: [string, Actor][] = [
      [`adoptions/${tromso.id}/benefits/${own.id}`, members.tromso],
      [`pilots/${pilot.id}/benefits/${local.id}`, t.oslo],
      [`adoptions/${tromso.id}/benefits/${ofBergen.id}`, members.tromso],
      [`adoptions/${tromso.id}/benefits/${crypto.randomUUID()}`, members.tromso],
    ]
    for (const [path, writer] of misuses) {
      await h.as(writer, async () => {
        const patch = await t.request(path, {
          method: 'PATCH',
          headers: any,
          json: { plannedAnnual: 1 },
        })
        expect(patch.status, path).toBe(404)
        expect((await patch.json()).code).toBe('not_found')
        expect((await t.request(path, { method: 'DELETE', headers: any })).status, path).toBe(404)
      })
    }
    const unknown = `adoptions/${crypto.randomUUID()}`
    expect((await t.request(`${unknown}/benefits`)).status).toBe(404)
    const post = await t.request(`${unknown}/benefits`, { method: 'POST', json: COST })
    expect(post.status).toBe(404)
    expect((await post.json()).detail).toMatch(/^The adoption/)

    // Nothing changed anywhere.
    expect((await h.ledger(`pilots/${pilot.id}`)).items).toEqual([own])
    expect((await h.ledger(`adoptions/${tromso.id}`)).items).toEqual([local])
    expect((await h.ledger(`adoptions/${bergen.id}`)).items).toEqual([ofBergen])
    expect(await h.version(`pilots/${pilot.id}`)).toBe(2)
    expect(await h.version(`adoptions/${tromso.id}`)).toBe(2)
    expect(await h.version(`adoptions/${bergen.id}`)).toBe(2)

    // Anyone may read a published pilot's adoption's ledger; writing needs someone signed in.
    await h.as(null, async () => {
      expect((await t.request(`adoptions/${tromso.id}/benefits`)).status).toBe(200)
      const anonymous = await t.request(`adoptions/${tromso.id}/benefits`, {
        method: 'POST',
        json: COST,
      })
      expect(anonymous.status).toBe(401)
    })

    // A pilot taken back to draft hides its adoptions, and their ledgers, from everyone but the
    // pilot's owner and the adopter itself.
    const unpublished = await t.request(`pilots/${pilot.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"2"' },
      json: { visibility: 'draft' },
    })
    expect(unpublished.status, await unpublished.clone().text()).toBe(200)
    for (const outsider of [null, members.tromso]) {
      await h.as(outsider, async () => {
        const a = `adoptions/${bergen.id}`
        expect((await t.request(`${a}/benefits`)).status).toBe(404)
        expect((await t.request(`${a}/benefits`, { method: 'POST', json: COST })).status).toBe(
          outsider ? 404 : 401
        )
        const path = `${a}/benefits/${ofBergen.id}`
        expect(
          (await t.request(path, { method: 'PATCH', headers: any, json: { plannedAnnual: 2 } }))
            .status
        ).toBe(outsider ? 404 : 401)
      })
    }
    await h.as(t.bergen, async () => {
      expect((await t.request(`adoptions/${bergen.id}/benefits`)).status).toBe(200)
    })
    expect((await h.ledger(`adoptions/${bergen.id}`)).items).toEqual([ofBergen])
  })

  it("lets only the adopting organisation's members write its local benefits: 403 for others, 401 for the anonymous, nothing changed", async () => {
    const pilot = await h.pilot({ title: 'Forsøk med fremmede skrivere' })
    const own = await h.benefit(`pilots/${pilot.id}`, COST)
    const adoption = await h.adopt(members.tromso, pilot.id)
    const a = `adoptions/${adoption.id}`
    const local = await h.as(members.tromso, () =>
      h.benefit(a, { ...COST, description: 'Tromsøs egen lokale gevinst' })
    )
    const path = `${a}/benefits/${local.id}`
    const rows = () =>
      t.db
        .selectFrom('benefits')
        .selectAll()
        .where('pilot_id', '=', pilot.id)
        .orderBy('position')
        .execute()
    const rowsBefore = await rows()
    expect(rowsBefore.map((r) => [r.id, r.adoption_id])).toEqual([
      [own.id, null],
      [local.id, adoption.id],
    ])
    const eventsBefore = await h.events(a)
    expect(eventsBefore.map((e) => [e.type, e.version])).toEqual([
      ['adoption_recorded', 1],
      ['benefit_added', 2],
    ])
    expect(await h.version(a)).toBe(2)

    // Each write carries the current ETag: only who asks stands in the way.
    const current = { 'If-Match': '"2"' }
    const writes: [string, string, RequestInit & { json?: unknown }][] = [
      [
        'POST',
        `${a}/benefits`,
        { method: 'POST', headers: current, json: { ...COST, description: 'Ikke deres å føre' } },
      ],
      ['PATCH', path, { method: 'PATCH', headers: current, json: { realisedAnnual: 1 } }],
      ['DELETE', path, { method: 'DELETE', headers: current }],
    ]
    const strangers: [string, Actor | null, number, string][] = [
      ["Oslo, the origin pilot's owner", t.oslo, 403, 'forbidden'],
      ['Bergen, another municipality', t.bergen, 403, 'forbidden'],
      ['Trondheim, another adopter', members.trondheim, 403, 'forbidden'],
      ['a system administrator of no organisation', t.admin, 403, 'forbidden'],
      [
        "a read-only token of Tromsø's member",
        { ...members.tromso, scopes: ['read'] },
        403,
        'forbidden',
      ],
      ['an anonymous caller', null, 401, 'unauthenticated'],
    ]
    for (const [who, actor, status, code] of strangers) {
      await h.as(actor, async () => {
        for (const [method, target, init] of writes) {
          const res = await t.request(target, init)
          expect(res.status, `${method} by ${who}`).toBe(status)
          expect((await res.json()).code, `${method} by ${who}`).toBe(code)
        }
      })
    }

    // Nothing changed: the rows, the adoption's version, ledger and history, and the pilot's.
    expect(await rows()).toEqual(rowsBefore)
    expect(await h.version(a)).toBe(2)
    expect((await h.ledger(a)).items).toEqual([local])
    expect(await h.events(a)).toEqual(eventsBefore)
    expect(await h.version(`pilots/${pilot.id}`)).toBe(2)
    expect((await h.ledger(`pilots/${pilot.id}`)).items).toEqual([own])

    // The very same change, made by Tromsø's member, goes through.
    const patched = await h.as(members.tromso, () =>
      t.request(path, { method: 'PATCH', headers: current, json: { realisedAnnual: 1 } })
    )
    expect(patched.status, await patched.clone().text()).toBe(200)
    expect(patched.headers.get('ETag')).toBe('"3"')
    expect(await patched.json()).toEqual({ ...local, realisedAnnual: 1 })
  })

  it('refuses invalid local benefits with a 400 naming the field, and writes nothing', async () => {
    const pilot = await h.pilot({ title: 'Forsøk med ugyldige lokale gevinster' })
    const adoption = await h.adopt(members.helseBergen, pilot.id)
    const a = `adoptions/${adoption.id}`
    const valid = { ...COST, plannedAnnual: 1000 }
    const cases: [Json, string, string?][] = [
      [{ ...valid, unit: 'hours' }, 'unit'],
      [{ ...valid, kind: 'quality' }, 'unit'],
      [{ ...valid, kind: 'other', unit: '' }, 'unit'],
      [{ ...valid, plannedAnnual: null, realisedAnnual: null }, 'plannedAnnual'],
      [{ ...valid, realisedAnnual: -0.5 }, 'realisedAnnual'],
      [{ ...valid, bearer: 'everyone' }, 'bearer'],
      [{ ...valid, description: 'x' }, 'description'],
      [{ ...valid, adoptionId: adoption.id }, 'adoptionId', 'unknown_field'],
    ]
    // Every write below is Helse Bergen's, on its own adoption.
    const benefit = await h.as(members.helseBergen, async () => {
      for (const [json, field, code] of cases) {
        const res = await t.request(`${a}/benefits`, { method: 'POST', json })
        const where = JSON.stringify(json)
        expect(res.status, where).toBe(400)
        const problem = await res.json()
        expect(problem.code, where).toBe('validation_failed')
        expect(
          problem.errors.map((e: Json) => e.field),
          where
        ).toContain(field)
        if (code) expect(problem.errors, where).toContainEqual(expect.objectContaining({ code }))
      }

      const benefit = await h.benefit(a, valid)
      const patches: [Json, string][] = [
        [{ unit: 'hours' }, 'unit'],
        [{ plannedAnnual: null }, 'plannedAnnual'],
        [{ kind: 'quality' }, 'unit'],
        [{ kind: 'time_saving_hours', unit: 'minutes' }, 'unit'],
        [{ beneficiary: 'nobody' }, 'beneficiary'],
      ]
      for (const [json, field] of patches) {
        const res = await t.request(`${a}/benefits/${benefit.id}`, {
          method: 'PATCH',
          headers: { 'If-Match': '"2"' },
          json,
        })
        const where = JSON.stringify(json)
        expect(res.status, where).toBe(400)
        expect(
          (await res.json()).errors.map((e: Json) => e.field),
          where
        ).toContain(field)
      }
      return benefit
    })

    expect((await h.ledger(a)).items).toEqual([benefit])
    expect(await h.version(a)).toBe(2)
    expect((await h.events(a)).map((e) => e.type)).toEqual(['adoption_recorded', 'benefit_added'])
    expect(await h.version(`pilots/${pilot.id}`)).toBe(1)
  })
})

describe.each(DIALECTS)('benefit totals with local benefits on %s', (dialect) => {
  let t: TestApp
  let members: Awaited<ReturnType<typeof setUp>>['members']
  const h = helpers(() => t)
  beforeAll(async () => {
    ;({ t, members } = await setUp(dialect))

    // Oslo (county 03) owns O1; Bergen (county 46) owns B1. Their own benefits:
    const o1 = await h.pilot({ title: 'Oslo: digitalt nattilsyn' })
    await h.benefit(`pilots/${o1.id}`, {
      ...COST,
      description: 'Færre utrykninger',
      plannedAnnual: 100000,
      realisedAnnual: 40000,
    })
    await h.benefit(`pilots/${o1.id}`, {
      kind: 'time_saving_hours',
      description: 'Mindre reisetid',
      plannedAnnual: 500,
      bearer: 'own_org',
      beneficiary: 'citizens',
    })
    const b1 = await h.as(t.bergen, async () => {
      const b1 = await h.pilot({ title: 'Bergen: sensorer i omsorgsboliger' })
      await h.benefit(`pilots/${b1.id}`, {
        ...COST,
        description: 'Færre sykehusdøgn',
        plannedAnnual: 200000,
        realisedAnnual: 150000,
        bearer: 'state',
        beneficiary: 'health_trust',
      })
      return b1
    })

    // Tromsø (55) adopts O1 and B1; Helse Bergen (46) and Bergen (46) adopt O1.
    const tromsoO1 = `adoptions/${(await h.adopt(members.tromso, o1.id)).id}`
    const tromsoB1 = `adoptions/${(await h.adopt(members.tromso, b1.id)).id}`
    const helseO1 = `adoptions/${(await h.adopt(members.helseBergen, o1.id)).id}`
    const bergenO1 = `adoptions/${(await h.adopt(t.bergen, o1.id)).id}`
    await h.as(members.tromso, async () => {
      const cost = await h.benefit(tromsoO1, {
        ...COST,
        description: 'Færre utrykninger i Tromsø',
        plannedAnnual: 25000,
        realisedAnnual: 20000,
      })
      await h.benefit(tromsoO1, {
        kind: 'time_saving_hours',
        description: 'Kortere nattrunder',
        realisedAnnual: 120,
        bearer: 'own_org',
        beneficiary: 'citizens',
      })
      const gone = await h.benefit(tromsoO1, {
        ...COST,
        description: 'Fjernes igjen',
        plannedAnnual: 900000,
      })
      const patched = await t.request(`${tromsoO1}/benefits/${cost.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': '"4"' },
        json: { plannedAnnual: 30000 },
      })
      expect(patched.status, await patched.clone().text()).toBe(200)
      const removed = await t.request(`${tromsoO1}/benefits/${gone.id}`, {
        method: 'DELETE',
        headers: { 'If-Match': '"5"' },
      })
      expect(removed.status).toBe(204)
      await h.benefit(tromsoB1, {
        ...COST,
        description: 'Færre sykehusdøgn i Tromsø',
        plannedAnnual: 7000,
        realisedAnnual: 7000,
        bearer: 'state',
      })
    })
    await h.as(members.helseBergen, async () => {
      await h.benefit(helseO1, {
        ...COST,
        description: 'Færre innleggelser',
        plannedAnnual: 10000,
        bearer: 'other_org',
        beneficiary: 'citizens',
      })
      await h.benefit(helseO1, {
        kind: 'quality',
        unit: 'poeng',
        description: 'Tryggere pasienter',
        plannedAnnual: 5,
        realisedAnnual: 3,
        bearer: 'own_org',
        beneficiary: 'citizens',
      })
    })
    await h.as(t.bergen, () =>
      h.benefit(bergenO1, {
        ...COST,
        description: 'Spart nattevakt',
        plannedAnnual: undefined,
        realisedAnnual: 5000,
      })
    )

    // Trondheim's local benefit of a pilot Oslo later takes back to draft must not count.
    const o2 = await h.pilot({ title: 'Oslo: trekkes tilbake' })
    const trondheimO2 = `adoptions/${(await h.adopt(members.trondheim, o2.id)).id}`
    await h.as(members.trondheim, () =>
      h.benefit(trondheimO2, {
        ...COST,
        description: 'Skal ikke telles',
        plannedAnnual: 555555,
        realisedAnnual: 555555,
      })
    )
    const draft = await t.request(`pilots/${o2.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: { visibility: 'draft' },
    })
    expect(draft.status, await draft.clone().text()).toBe(200)
  })
  afterAll(() => t.destroy())

  // By hand. Own benefits of published pilots:
  //   O1 (Oslo, 03):   NOK 100000/40000 own→own; hours 500/0 own→citizens
  //   B1 (Bergen, 46): NOK 200000/150000 state→health_trust
  // Local benefits of adoptions of published pilots:
  //   Tromsø (55) of O1:       NOK 30000/20000 own→own; hours 0/120 own→citizens
  //   Tromsø (55) of B1:       NOK 7000/7000 state→own
  //   Helse Bergen (46) of O1: NOK 10000/0 other_org→citizens; quality poeng 5/3 own→citizens
  //   Bergen (46) of O1:       NOK 0/5000 own→own
  const origin = [
    group(
      'cost_saving_nok',
      'NOK',
      [300000, 190000],
      [2, 0],
      { own_org: [100000, 40000], state: [200000, 150000] },
      { own_org: [100000, 40000], health_trust: [200000, 150000] }
    ),
    group(
      'time_saving_hours',
      'hours',
      [500, 0],
      [1, 0],
      { own_org: [500, 0] },
      { citizens: [500, 0] }
    ),
  ]
  const local = [
    group(
      'cost_saving_nok',
      'NOK',
      [47000, 32000],
      [0, 4],
      { own_org: [30000, 25000], other_org: [10000, 0], state: [7000, 7000] },
      { own_org: [37000, 32000], citizens: [10000, 0] }
    ),
    group(
      'time_saving_hours',
      'hours',
      [0, 120],
      [0, 1],
      { own_org: [0, 120] },
      { citizens: [0, 120] }
    ),
    group('quality', 'poeng', [5, 3], [0, 1], { own_org: [5, 3] }, { citizens: [5, 3] }),
  ]
  const all = [
    group(
      'cost_saving_nok',
      'NOK',
      [347000, 222000],
      [2, 4],
      { own_org: [130000, 65000], other_org: [10000, 0], state: [207000, 157000] },
      { own_org: [137000, 72000], citizens: [10000, 0], health_trust: [200000, 150000] }
    ),
    group(
      'time_saving_hours',
      'hours',
      [500, 120],
      [1, 1],
      { own_org: [500, 120] },
      { citizens: [500, 120] }
    ),
    group('quality', 'poeng', [5, 3], [0, 1], { own_org: [5, 3] }, { citizens: [5, 3] }),
  ]

  it("totals the country: all is the pilots' own plus their adopters' local benefits", async () => {
    expect(await h.stats('?scope=origin')).toEqual({ groups: origin })
    expect(await h.stats('?scope=local')).toEqual({ groups: local })
    expect(await h.stats('?scope=all')).toEqual({ groups: all })
    expect(await h.stats()).toEqual({ groups: all })
    await h.as(null, async () => expect(await h.stats()).toEqual({ groups: all }))
  })

  it('counts a local benefit for the adopting organisation, and an own one for the owner', async () => {
    const oslo = `?org=${t.oslo.organisationId}`
    // Oslo's pilot was adopted widely, but only its own benefits count for Oslo.
    const osloOwn = [
      group(
        'cost_saving_nok',
        'NOK',
        [100000, 40000],
        [1, 0],
        { own_org: [100000, 40000] },
        { own_org: [100000, 40000] }
      ),
      group(
        'time_saving_hours',
        'hours',
        [500, 0],
        [1, 0],
        { own_org: [500, 0] },
        { citizens: [500, 0] }
      ),
    ]
    expect(await h.stats(oslo)).toEqual({ groups: osloOwn })
    expect(await h.stats(`${oslo}&scope=origin`)).toEqual({ groups: osloOwn })
    expect(await h.stats(`${oslo}&scope=local`)).toEqual({ groups: [] })

    const tromso = [
      group(
        'cost_saving_nok',
        'NOK',
        [37000, 27000],
        [0, 2],
        { own_org: [30000, 20000], state: [7000, 7000] },
        { own_org: [37000, 27000] }
      ),
      group(
        'time_saving_hours',
        'hours',
        [0, 120],
        [0, 1],
        { own_org: [0, 120] },
        { citizens: [0, 120] }
      ),
    ]
    expect(await h.stats(`?org=${members.tromso.organisationId}`)).toEqual({ groups: tromso })
    expect(await h.stats(`?org=${members.tromso.organisationId}&scope=local`)).toEqual({
      groups: tromso,
    })
    expect(await h.stats(`?org=${members.tromso.organisationId}&scope=origin`)).toEqual({
      groups: [],
    })

    // Bergen: its own pilot's benefit and its local one of Oslo's pilot.
    const bergen = `?org=${t.bergen.organisationId}`
    expect(await h.stats(bergen)).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [200000, 155000],
          [1, 1],
          { own_org: [0, 5000], state: [200000, 150000] },
          { own_org: [0, 5000], health_trust: [200000, 150000] }
        ),
      ],
    })
    expect(await h.stats(`${bergen}&scope=origin`)).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [200000, 150000],
          [1, 0],
          { state: [200000, 150000] },
          { health_trust: [200000, 150000] }
        ),
      ],
    })
    expect(await h.stats(`${bergen}&scope=local`)).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [0, 5000],
          [0, 1],
          { own_org: [0, 5000] },
          { own_org: [0, 5000] }
        ),
      ],
    })
    // Trondheim's only local benefit is of a pilot that is a draft again.
    expect(await h.stats(`?org=${members.trondheim.organisationId}`)).toEqual({ groups: [] })
  })

  it("counts a local benefit in the adopter's county, and an own one in the owner's", async () => {
    // County 46: Bergen's own pilot, Bergen's and Helse Bergen's local benefits of Oslo's pilot.
    expect(await h.stats('?county=46')).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [210000, 155000],
          [1, 2],
          { own_org: [0, 5000], other_org: [10000, 0], state: [200000, 150000] },
          { own_org: [0, 5000], health_trust: [200000, 150000], citizens: [10000, 0] }
        ),
        group('quality', 'poeng', [5, 3], [0, 1], { own_org: [5, 3] }, { citizens: [5, 3] }),
      ],
    })
    expect(await h.stats('?county=46&scope=local')).toEqual({
      groups: [
        group(
          'cost_saving_nok',
          'NOK',
          [10000, 5000],
          [0, 2],
          { own_org: [0, 5000], other_org: [10000, 0] },
          { own_org: [0, 5000], citizens: [10000, 0] }
        ),
        group('quality', 'poeng', [5, 3], [0, 1], { own_org: [5, 3] }, { citizens: [5, 3] }),
      ],
    })
    // County 55 is Tromsø's alone; county 03 has Oslo's own benefits and no local ones.
    expect(await h.stats('?county=55')).toEqual(
      await h.stats(`?org=${members.tromso.organisationId}`)
    )
    expect((await h.stats('?county=55')).groups).toHaveLength(2)
    expect(await h.stats('?county=03')).toEqual(await h.stats(`?org=${t.oslo.organisationId}`))
    expect(await h.stats('?county=03&scope=local')).toEqual({ groups: [] })
    expect(await h.stats('?county=50')).toEqual({ groups: [] })
    expect(await h.stats(`?county=46&org=${members.tromso.organisationId}`)).toEqual({
      groups: [],
    })
  })

  it('names a bad scope in a 400', async () => {
    const res = await t.request('stats/benefits?scope=adopters')
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([
      expect.objectContaining({ in: 'query', field: 'scope' }),
    ])
  })
})
