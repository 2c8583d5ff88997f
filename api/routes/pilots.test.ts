import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

describe.each(DIALECTS)('pilots on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.destroy())

  async function create(overrides: Record<string, unknown> = {}) {
    const res = await t.request('pilots', { method: 'POST', json: pilotBody(overrides) })
    expect(res.status, await res.clone().text()).toBe(201)
    return (await res.json()) as { id: string; version: number; [k: string]: unknown }
  }

  it('registers a pilot and reads it back with its metrics, an ETag and a Location', async () => {
    const res = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title: 'Hverdagsrehabilitering' }),
    })
    expect(res.status).toBe(201)
    const created = await res.json()
    expect(res.headers.get('Location')).toBe(`/api/v1/pilots/${created.id}`)
    expect(res.headers.get('ETag')).toBe('"1"')
    expect(created).toMatchObject({
      title: 'Hverdagsrehabilitering',
      stage: 'hypothesis',
      outcome: null,
      version: 1,
      sample: false,
      owner: { id: t.oslo.organisationId, name: 'Oslo kommune', countyNumber: '03' },
      legalBasis: { kind: 'ordinary', reference: null },
    })

    const read = await t.request(`pilots/${created.id}`)
    expect(read.status).toBe(200)
    expect(read.headers.get('ETag')).toBe('"1"')
    const pilot = await read.json()
    expect(pilot.metrics).toEqual([
      {
        id: expect.any(String),
        name: 'Innleggelser per år',
        unit: 'antall',
        direction: 'decrease',
        baseline: 120,
        target: 90,
        primary: true,
      },
    ])
    expect(pilot.plannedStart).toBe('2026-01-01')
    expect(pilot.tags).toEqual(['velferdsteknologi'])

    const notModified = await t.request(`pilots/${created.id}`, {
      headers: { 'If-None-Match': '"1"' },
    })
    expect(notModified.status).toBe(304)
  })

  it('stores partners and contacts and lists the pilot', async () => {
    const pilot = await create({
      title: 'Felles innkjøp av medisindispensere',
      partners: [{ organisationId: t.bergen.organisationId, role: 'co_owner' }],
      contacts: [{ name: 'Kari Nordmann', email: 'kari@example.no', role: 'Prosjektleder' }],
      availableToAdvise: true,
    })
    expect(pilot.partners).toEqual([
      { organisationId: t.bergen.organisationId, name: 'Bergen kommune', role: 'co_owner' },
    ])
    expect(pilot.contacts).toEqual([
      {
        name: 'Kari Nordmann',
        email: 'kari@example.no',
        phone: null,
        role: 'Prosjektleder',
        showPublicly: false,
      },
    ])
    const list = await (await t.request('pilots?limit=100')).json()
    expect(list.items.map((p: { id: string }) => p.id)).toContain(pilot.id)
    expect(list.nextCursor).toBeNull()
  })

  it('filters by stage, service area, innovation type, organisation, county and municipality', async () => {
    const school = await create({
      title: 'Tidlig innsats i lesing',
      serviceArea: 'education',
      innovationType: 'process',
    })
    t.actAs(t.bergen)
    const bergen = await create({
      title: 'Chatbot for innbyggere',
      serviceArea: 'administration',
      innovationType: 'communication',
    })
    t.actAs(t.oslo)
    const ids = async (query: string) =>
      ((await (await t.request(`pilots?limit=100&${query}`)).json()).items as { id: string }[]).map(
        (p) => p.id
      )

    expect(await ids('serviceArea=education')).toEqual([school.id])
    expect(await ids('innovationType=communication')).toEqual([bergen.id])
    expect(await ids('serviceArea=education,administration')).toEqual([bergen.id, school.id])
    expect(await ids('serviceArea=education&serviceArea=administration')).toEqual([
      bergen.id,
      school.id,
    ])
    expect(await ids(`org=${t.bergen.organisationId}`)).toEqual([bergen.id])
    expect(await ids('county=46')).toEqual([bergen.id])
    expect(await ids('municipality=4601')).toEqual([bergen.id])
    expect(await ids('county=03')).not.toContain(bergen.id)
    expect(await ids('stage=running')).toEqual([])
    expect((await ids('stage=hypothesis')).length).toBeGreaterThanOrEqual(2)
  })

  it('pages with a cursor without losing or repeating a pilot while others are added', async () => {
    const before = new Set<string>()
    for (let i = 0; i < 7; i++)
      before.add((await create({ title: `Pilot for paging ${i}`, serviceArea: 'culture' })).id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = `pilots?serviceArea=culture&limit=3${cursor ? `&cursor=${cursor}` : ''}`
      const body: { items: { id: string }[]; nextCursor: string | null } = await (
        await t.request(query)
      ).json()
      seen.push(...body.items.map((p) => p.id))
      cursor = body.nextCursor
      // A pilot registered mid-way sorts before the cursor and must not disturb the pages after it.
      if (pages++ === 0) await create({ title: 'Registered while paging', serviceArea: 'culture' })
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(new Set(seen)).toEqual(before)
    expect(pages).toBe(3)
  })

  it('rejects a cursor it did not give out', async () => {
    const res = await t.request('pilots?cursor=bm90LWEtY3Vyc29y')
    expect(res.status).toBe(400)
    expect((await res.json()).errors[0]).toMatchObject({ in: 'query', field: 'cursor' })
  })

  it('shows drafts only to their own organisation', async () => {
    const draft = await create({ title: 'Utkast som ingen andre ser', visibility: 'draft' })
    expect((await t.request(`pilots/${draft.id}`)).status).toBe(200)

    t.actAs(t.bergen)
    expect((await t.request(`pilots/${draft.id}`)).status).toBe(404)
    expect((await t.request(`pilots/${draft.id}/events`)).status).toBe(404)
    const asBergen = await (await t.request('pilots?limit=100')).json()
    expect(asBergen.items.map((p: { id: string }) => p.id)).not.toContain(draft.id)
    const patch = await t.request(`pilots/${draft.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: { title: 'Kapret' },
    })
    expect(patch.status).toBe(404)

    t.actAs(null)
    expect((await t.request(`pilots/${draft.id}`)).status).toBe(404)
    const write = await t.request('pilots', { method: 'POST', json: pilotBody() })
    expect(write.status).toBe(401)
    t.actAs(t.oslo)
    const unchanged = await (await t.request(`pilots/${draft.id}`)).json()
    expect(unchanged).toMatchObject({ title: 'Utkast som ingen andre ser', version: 1 })
  })

  it('gives the public the same pilot, only the contacts who agreed, and revalidates lists', async () => {
    const pilot = await create({
      title: 'Digitalt nattilsyn for hjemmeboende',
      contacts: [
        { name: 'Ola Nordmann', email: 'ola@example.no', role: 'Leder', showPublicly: true },
        { name: 'Kari Nordmann', email: 'kari@example.no', role: 'Prosjektleder' },
      ],
    })
    const asOwner = await (await t.request(`pilots/${pilot.id}`)).json()
    t.actAs(null)
    for (let read = 0; read < 3; read++) {
      const res = await t.request(`pilots/${pilot.id}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('ETag')).toBe('"1"')
      expect(await res.json()).toEqual({
        ...asOwner,
        contacts: asOwner.contacts.filter((c: { showPublicly: boolean }) => c.showPublicly),
      })
    }
    const list = await t.request('pilots?limit=5')
    const etag = list.headers.get('ETag')
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/)
    const again = await t.request('pilots?limit=5', { headers: { 'If-None-Match': etag ?? '' } })
    expect(again.status).toBe(304)
    t.actAs(t.oslo)
  })

  it('edits with PATCH: If-Match required, the change recorded as an event with a diff', async () => {
    const pilot = await create({ title: 'Heltidskultur i omsorgstjenesten' })
    const missing = await t.request(`pilots/${pilot.id}`, {
      method: 'PATCH',
      json: { title: 'Uten If-Match' },
    })
    expect(missing.status).toBe(428)
    expect(missing.headers.get('Content-Type')).toContain('application/problem+json')
    expect((await missing.json()).code).toBe('precondition_required')

    const ok = await t.request(`pilots/${pilot.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: {
        title: 'Heltidskultur med langvakter',
        tags: ['heltid', 'turnus'],
        budgetNok: 500000,
      },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('ETag')).toBe('"2"')
    expect(await ok.json()).toMatchObject({
      title: 'Heltidskultur med langvakter',
      version: 2,
      budgetNok: 500000,
    })

    const stale = await t.request(`pilots/${pilot.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: { title: 'Gammel versjon' },
    })
    expect(stale.status).toBe(412)
    expect((await stale.json()).code).toBe('version_mismatch')

    const cleared = await t.request(`pilots/${pilot.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"2"' },
      json: { budgetNok: null },
    })
    expect(await cleared.json()).toMatchObject({ budgetNok: null, version: 3 })

    const noop = await t.request(`pilots/${pilot.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"3"' },
      json: { budgetNok: null },
    })
    expect(await noop.json()).toMatchObject({ version: 3 })

    const events = await (await t.request(`pilots/${pilot.id}/events`)).json()
    expect(events.items.map((e: { type: string; version: number }) => [e.type, e.version])).toEqual(
      [
        ['pilot_created', 1],
        ['pilot_updated', 2],
        ['pilot_updated', 3],
      ]
    )
    expect(events.items[1].diff).toEqual({
      title: { from: 'Heltidskultur i omsorgstjenesten', to: 'Heltidskultur med langvakter' },
      tags: { from: ['velferdsteknologi'], to: ['heltid', 'turnus'] },
      budgetNok: { from: null, to: 500000 },
    })
    expect(events.items[1].actor).toMatchObject({
      userId: t.oslo.userId,
      name: 'Olav Oslo',
      organisationName: 'Oslo kommune',
    })
  })

  it('checks the whole pilot after a PATCH: dates in order, forsøksloven limits', async () => {
    const pilot = await create({ title: 'Forsøk med datoer' })
    const backwards = await t.request(`pilots/${pilot.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: { plannedEnd: '2025-06-01' },
    })
    expect(backwards.status).toBe(400)
    expect((await backwards.json()).errors).toEqual([
      expect.objectContaining({ field: 'plannedEnd', pointer: '/plannedEnd' }),
    ])

    const tooLong = await t.request(`pilots/${pilot.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: {
        legalBasis: {
          kind: 'forsoksloven',
          reference: 'Vedtak 2026/12',
          approvalDate: '2026-01-01',
          expiryDate: '2030-06-01',
        },
      },
    })
    expect(tooLong.status).toBe(400)
    expect((await tooLong.json()).errors[0]).toMatchObject({ field: 'legalBasis.expiryDate' })

    const ok = await t.request(`pilots/${pilot.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: {
        legalBasis: {
          kind: 'forsoksloven',
          reference: 'Vedtak 2026/12',
          approvalDate: '2026-01-01',
          expiryDate: '2030-01-01',
          extendedUntil: '2032-01-01',
        },
      },
    })
    expect(ok.status).toBe(200)
    expect((await ok.json()).legalBasis).toEqual({
      kind: 'forsoksloven',
      reference: 'Vedtak 2026/12',
      approvalDate: '2026-01-01',
      expiryDate: '2030-01-01',
      extendedUntil: '2032-01-01',
    })
  })

  it('adds, changes and removes metrics as versioned changes of the pilot', async () => {
    const pilot = await create({ title: 'Forsøk med målinger', metrics: [] })
    const added = await t.request(`pilots/${pilot.id}/metrics`, {
      method: 'POST',
      json: {
        name: 'Ventetid',
        unit: 'dager',
        direction: 'decrease',
        baseline: 30,
        target: 14,
        primary: true,
      },
    })
    expect(added.status).toBe(201)
    expect(added.headers.get('ETag')).toBe('"2"')
    const metric = await added.json()

    const dup = await t.request(`pilots/${pilot.id}/metrics`, {
      method: 'POST',
      json: { name: 'ventetid', direction: 'decrease' },
    })
    expect(dup.status).toBe(400)
    expect((await dup.json()).errors[0]).toMatchObject({ field: 'name', code: 'duplicate' })

    const changed = await t.request(`pilots/${pilot.id}/metrics/${metric.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"2"' },
      json: { target: 10 },
    })
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({ target: 10, baseline: 30 })
    expect(changed.headers.get('ETag')).toBe('"3"')

    const staleDelete = await t.request(`pilots/${pilot.id}/metrics/${metric.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': '"2"' },
    })
    expect(staleDelete.status).toBe(412)
    const removed = await t.request(`pilots/${pilot.id}/metrics/${metric.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': '"3"' },
    })
    expect(removed.status).toBe(204)
    expect((await (await t.request(`pilots/${pilot.id}/metrics`)).json()).items).toEqual([])

    const events = await (await t.request(`pilots/${pilot.id}/events`)).json()
    expect(events.items.map((e: { type: string }) => e.type)).toEqual([
      'pilot_created',
      'metric_added',
      'metric_updated',
      'metric_removed',
    ])
    expect(events.items[2].diff).toEqual({ target: { from: 14, to: 10 } })
  })

  it('pages the timeline', async () => {
    const pilot = await create({ title: 'Mange endringer' })
    for (let v = 1; v <= 4; v++) {
      await t.request(`pilots/${pilot.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': `"${v}"` },
        json: { summary: `Endring ${v}` },
      })
    }
    const first = await (await t.request(`pilots/${pilot.id}/events?limit=3`)).json()
    expect(first.items.map((e: { version: number }) => e.version)).toEqual([1, 2, 3])
    const second = await (
      await t.request(`pilots/${pilot.id}/events?limit=3&cursor=${first.nextCursor}`)
    ).json()
    expect(second.items.map((e: { version: number }) => e.version)).toEqual([4, 5])
    expect(second.nextCursor).toBeNull()
  })
})
