import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Actor, memberActor } from '../actor.ts'
import { bassAdoptions } from '../domain/bass.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

describe.each(DIALECTS)('pipeline and spread statistics on a fixed data set on %s', (dialect) => {
  let t: TestApp
  const ids: Record<string, string> = {}
  const members: Record<string, Actor> = {}

  const on = (date: string) => t.setNow(new Date(`${date}T10:00:00Z`))
  async function register(key: string, date: string, overrides: Record<string, unknown> = {}) {
    on(date)
    const res = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title: `Forsøk ${key}`, ...overrides }),
    })
    expect(res.status).toBe(201)
    ids[key] = (await res.json()).id
  }
  async function move(key: string, date: string, body: Record<string, unknown>) {
    on(date)
    const { version } = await (await t.request(`pilots/${ids[key]}`)).json()
    const res = await t.request(`pilots/${ids[key]}/transitions`, {
      method: 'POST',
      headers: { 'If-Match': `"${version}"` },
      json: body,
    })
    expect(res.status, await res.clone().text()).toBe(200)
  }

  beforeAll(async () => {
    t = await createTestApp(dialect)
    for (const [key, org] of [
      [
        'tromso',
        {
          orgNumber: '940101808',
          name: 'Tromsø kommune',
          kind: 'municipality',
          municipalityNumber: '5501',
        },
      ],
      [
        'trondheim',
        {
          orgNumber: '942110464',
          name: 'Trondheim kommune',
          kind: 'municipality',
          municipalityNumber: '5001',
        },
      ],
      [
        'stavanger',
        {
          orgNumber: '964965226',
          name: 'Stavanger kommune',
          kind: 'municipality',
          municipalityNumber: '1103',
        },
      ],
    ] as const) {
      const created = { id: await t.createOrganisation(org) }
      members[key] = memberActor({ id: t.oslo.userId, name: org.name }, created.id)
    }
    // P1: the whole way, 10 + 20 + 30 + 30 + 30 days.
    await register('P1', '2025-01-01')
    await move('P1', '2025-01-11', { to: 'planned' })
    await move('P1', '2025-01-31', { to: 'running', actualStart: '2025-01-31' })
    await move('P1', '2025-03-02', { to: 'evaluating' })
    on('2025-03-10')
    const evaluation = await t.request(`pilots/${ids.P1}/evaluations`, {
      method: 'POST',
      json: {
        kind: 'final',
        method: 'before_after',
        evidenceLevel: 2,
        outcome: 'successful',
        lessonsLearned: 'Lærdom',
      },
    })
    expect(evaluation.status).toBe(201)
    await move('P1', '2025-04-01', { to: 'concluded' })
    await move('P1', '2025-05-01', {
      to: 'adopted',
      decisionReference: 'Sak 1/25',
      decisionDate: '2025-04-28',
    })
    // P2: stopped while running: 20 + 30 + 10 days.
    await register('P2', '2025-01-01', { serviceArea: 'social_services' })
    await move('P2', '2025-01-21', { to: 'planned' })
    await move('P2', '2025-02-20', { to: 'running', actualStart: '2025-02-20' })
    await move('P2', '2025-03-02', { to: 'discontinued', reason: 'Leverandøren la ned tjenesten' })
    // P3: an idea, registered later.
    await register('P3', '2025-02-01')
    // P4: Bergen's school pilot, planned after 30 days.
    t.actAs(t.bergen)
    await register('P4', '2025-01-01', { serviceArea: 'education' })
    await move('P4', '2025-01-31', { to: 'planned' })
    t.actAs(t.oslo)
    // P6: running since January 2024 and never touched since: stale.
    await register('P6', '2024-01-01')
    await move('P6', '2024-01-11', { to: 'planned' })
    await move('P6', '2024-01-21', { to: 'running', actualStart: '2024-01-21' })
    // A draft counts nowhere.
    await register('draft', '2025-01-01', { visibility: 'draft' })

    // Spread of P1: Bergen from the origin, Tromsø from Bergen, Stavanger from Tromsø; Trondheim only interested.
    const adopt = async (member: Actor | undefined, body: Record<string, unknown>) => {
      t.actAs(member ?? null)
      const res = await t.request(`pilots/${ids.P1}/adoptions`, { method: 'POST', json: body })
      t.actAs(t.oslo)
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()).id as string
    }
    on('2025-06-01')
    ids.bergen = await adopt(t.bergen, { status: 'adopted', adoptedOn: '2025-03-10' })
    ids.tromso = await adopt(members.tromso, {
      status: 'dropped',
      triallingOn: '2025-05-05',
      droppedOn: '2025-08-01',
      localOutcome: 'unsuccessful',
      learnedFromAdoptionId: ids.bergen,
    })
    ids.trondheim = await adopt(members.trondheim, {
      status: 'interested',
      interestedOn: '2025-06-01',
    })
    ids.stavanger = await adopt(members.stavanger, {
      status: 'trialling',
      triallingOn: '2026-01-15',
      learnedFromAdoptionId: ids.tromso,
    })
    on('2026-06-01')
  })
  afterAll(() => t.destroy())

  it('counts pilots per stage, conversion and median days as computed by hand', async () => {
    const stats = await (await t.request('stats/pipeline')).json()
    expect(stats.pilots).toBe(5)
    const byStage = Object.fromEntries(
      stats.stages.map(
        (s: {
          stage: string
          current: number
          reached: number
          medianDays: number | null
          completedStays: number
        }) => [s.stage, [s.current, s.reached, s.medianDays, s.completedStays]]
      )
    )
    expect(byStage).toEqual({
      hypothesis: [1, 5, 15, 4],
      planned: [1, 4, 20, 3],
      running: [1, 3, 20, 2],
      evaluating: [0, 1, 30, 1],
      concluded: [0, 1, 30, 1],
      adopted: [1, 1, null, 0],
      discontinued: [1, 1, null, 0],
    })
    expect(stats.conversion).toEqual([
      { from: 'hypothesis', to: 'planned', rate: 0.8 },
      { from: 'planned', to: 'running', rate: 0.75 },
      { from: 'running', to: 'evaluating', rate: 1 / 3 },
      { from: 'evaluating', to: 'concluded', rate: 1 },
      { from: 'concluded', to: 'adopted', rate: 1 },
    ])
    expect(stats.discontinued).toEqual({
      count: 1,
      fromStage: { running: 1 },
      pilots: [
        {
          pilotId: ids.P2,
          title: 'Forsøk P2',
          fromStage: 'running',
          reason: 'Leverandøren la ned tjenesten',
        },
      ],
    })
    expect(stats.stuckSuccesses).toEqual([])
    expect(stats.flags).toEqual({
      stale: 1,
      results_overdue: 0,
      legal_basis_expiring: 0,
      stuck_success: 0,
    })
  })

  it('filters the pipeline by service area, county, organisation kind and period', async () => {
    const pilots = async (query: string) =>
      (await (await t.request(`stats/pipeline?${query}`)).json()).pilots
    expect(await pilots('serviceArea=education')).toBe(1)
    expect(await pilots('serviceArea=education,social_services')).toBe(2)
    expect(await pilots('county=46')).toBe(1)
    expect(await pilots('county=03')).toBe(4)
    expect(await pilots('orgKind=state_agency')).toBe(0)
    expect(await pilots('orgKind=municipality')).toBe(5)
    expect(await pilots('from=2025-02-01')).toBe(1)
    expect(await pilots('from=2024-01-01&to=2024-12-31')).toBe(1)
    expect((await t.request('stats/pipeline?from=2025-02-30')).status).toBe(400)
  })

  it('counts uptake over time, by place, lineage and replication as computed by hand', async () => {
    const yearly = await (await t.request('stats/spread')).json()
    expect(yearly.overTime).toEqual([
      { period: '2025', adoptions: 2, cumulative: 2 },
      { period: '2026', adoptions: 1, cumulative: 3 },
    ])
    const quarterly = await (await t.request('stats/spread?period=quarter')).json()
    expect(
      quarterly.overTime.map((p: { period: string; adoptions: number }) => [p.period, p.adoptions])
    ).toEqual([
      ['2025-Q1', 1],
      ['2025-Q2', 1],
      ['2025-Q3', 0],
      ['2025-Q4', 0],
      ['2026-Q1', 1],
    ])
    const monthly = await (await t.request('stats/spread?period=month')).json()
    expect(monthly.overTime[0]).toEqual({ period: '2025-03', adoptions: 1, cumulative: 1 })
    expect(monthly.overTime).toHaveLength(11)

    expect(
      yearly.byCounty.map(
        (c: { countyNumber: string; total: number; byStatus: Record<string, number> }) => [
          c.countyNumber,
          c.total,
          c.byStatus,
        ]
      )
    ).toEqual([
      ['11', 1, { interested: 0, trialling: 1, adopted: 0, dropped: 0 }],
      ['46', 1, { interested: 0, trialling: 0, adopted: 1, dropped: 0 }],
      ['50', 1, { interested: 1, trialling: 0, adopted: 0, dropped: 0 }],
      ['55', 1, { interested: 0, trialling: 0, adopted: 0, dropped: 1 }],
    ])
    expect(
      yearly.byMunicipality.map((m: { municipalityNumber: string; name: string }) => [
        m.municipalityNumber,
        m.name,
      ])
    ).toEqual([
      ['1103', 'Stavanger'],
      ['4601', 'Bergen'],
      ['5001', 'Trondheim - Tråante'],
      ['5501', 'Tromsø'],
    ])
    // The country's answer counts the edges; one pilot's answer lists them.
    expect(yearly.lineageEdges).toBe(4)
    expect(yearly).not.toHaveProperty('lineage')
    const p1 = await (await t.request(`stats/spread?pilot=${ids.P1}`)).json()
    expect(p1.lineageEdges).toBe(4)
    const byTarget = (a: { toAdoptionId?: string }, b: { toAdoptionId?: string }) =>
      String(a.toAdoptionId).localeCompare(String(b.toAdoptionId))
    expect([...p1.lineage].sort(byTarget)).toEqual(
      [
        {
          pilotId: ids.P1,
          fromAdoptionId: null,
          toAdoptionId: ids.bergen,
          fromOrganisationId: t.oslo.organisationId,
          toOrganisationId: t.bergen.organisationId,
        },
        {
          pilotId: ids.P1,
          fromAdoptionId: ids.bergen,
          toAdoptionId: ids.tromso,
          fromOrganisationId: t.bergen.organisationId,
          toOrganisationId: members.tromso?.organisationId,
        },
        {
          pilotId: ids.P1,
          fromAdoptionId: null,
          toAdoptionId: ids.trondheim,
          fromOrganisationId: t.oslo.organisationId,
          toOrganisationId: members.trondheim?.organisationId,
        },
        {
          pilotId: ids.P1,
          fromAdoptionId: ids.tromso,
          toAdoptionId: ids.stavanger,
          fromOrganisationId: members.tromso?.organisationId,
          toOrganisationId: members.stavanger?.organisationId,
        },
      ].sort(byTarget)
    )
    // Tried: Bergen, Tromsø and Stavanger; it worked for Bergen.
    expect(yearly.replication).toEqual({
      tried: 3,
      succeeded: 1,
      pilotCount: 1,
      pilots: [{ pilotId: ids.P1, title: 'Forsøk P1', tried: 3, succeeded: 1 }],
    })
    const inVestland = await (await t.request('stats/spread?county=46')).json()
    expect(inVestland.replication).toMatchObject({ tried: 1, succeeded: 1 })
  })

  it('replays the spread as it stood on a date: later adoptions left out, statuses as of then', async () => {
    const spread = async (query: string) => (await t.request(`stats/spread?${query}`)).json()
    const midsummer = await spread('until=2025-06-30')
    // Bergen adopted in March; Tromsø was still trialling (dropped in August); Trondheim interested;
    // Stavanger came in 2026.
    expect(
      midsummer.byMunicipality.map(
        (m: { municipalityNumber: string; byStatus: Record<string, number> }) => [
          m.municipalityNumber,
          Object.entries(m.byStatus)
            .filter(([, n]) => n)
            .map(([status]) => status),
        ]
      )
    ).toEqual([
      ['4601', ['adopted']],
      ['5001', ['interested']],
      ['5501', ['trialling']],
    ])
    expect(midsummer.overTime).toEqual([{ period: '2025', adoptions: 2, cumulative: 2 }])
    expect(midsummer.lineageEdges).toBe(3)
    expect((await spread(`until=2025-06-30&pilot=${ids.P1}`)).lineage).toHaveLength(3)
    const autumn = await spread('until=2025-12-31')
    expect(
      autumn.byCounty.find((c: { countyNumber: string }) => c.countyNumber === '55').byStatus
    ).toMatchObject({ trialling: 0, dropped: 1 })
    const before = await spread('until=2024-12-31')
    expect([before.byMunicipality, before.overTime, before.lineageEdges]).toEqual([[], [], 0])
    const all = await spread('until=2026-12-31')
    expect(all.byMunicipality).toEqual((await spread('')).byMunicipality)
    const bad = await t.request('stats/spread?until=2025-13-01')
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0]).toMatchObject({ field: 'until' })
  })

  it('lists stuck successes and stopped pilots within the same filters as the counts', async () => {
    const other = await (await t.request('stats/pipeline?serviceArea=education')).json()
    expect(other.discontinued.pilots).toEqual([])
    // P7: concluded successful on 2025-05-01 and left there; stuck from 2026-05-01.
    await register('P7', '2025-01-01', { serviceArea: 'culture' })
    await move('P7', '2025-01-11', { to: 'planned' })
    await move('P7', '2025-01-21', { to: 'running', actualStart: '2025-01-21' })
    await move('P7', '2025-03-01', { to: 'evaluating' })
    const evaluation = await t.request(`pilots/${ids.P7}/evaluations`, {
      method: 'POST',
      json: {
        kind: 'final',
        method: 'before_after',
        evidenceLevel: 2,
        outcome: 'successful',
        lessonsLearned: 'Lærdom',
      },
    })
    expect(evaluation.status).toBe(201)
    await move('P7', '2025-05-01', { to: 'concluded' })
    on('2026-04-30')
    expect((await (await t.request('stats/pipeline')).json()).stuckSuccesses).toEqual([])
    on('2026-06-01')
    const stuck = await (await t.request('stats/pipeline')).json()
    expect(stuck.stuckSuccesses).toEqual([
      {
        pilotId: ids.P7,
        title: 'Forsøk P7',
        organisationName: expect.any(String),
        concludedAt: '2025-05-01T10:00:00.000Z',
      },
    ])
    expect(stuck.flags.stuck_success).toBe(1)
    const elsewhere = await (await t.request('stats/pipeline?serviceArea=education')).json()
    expect(elsewhere.stuckSuccesses).toEqual([])
  })

  it("shows a pilot's diffusion series, and refuses a fit on too little data with 422", async () => {
    const res = await t.request(`pilots/${ids.P1}/diffusion?period=year`)
    expect(res.status).toBe(422)
    const problem = await res.json()
    expect(problem).toMatchObject({ code: 'cannot_fit', errors: [{ code: 'too_short' }] })
    expect((await t.request(`pilots/${ids.P3}/diffusion`)).status).toBe(422)
  })
})

describe.each(DIALECTS)('the spread of many pilots on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.destroy())

  it('lists the 20 most tried and the 20 last stopped pilots, and counts all of them', async () => {
    const titles: string[] = []
    const ids: string[] = []
    for (let i = 1; i <= 22; i++) {
      t.actAs(t.oslo)
      t.setNow(new Date(Date.UTC(2025, 0, i, 10)))
      const title = `Forsøk nummer ${i}`
      const pilot = await t.request('pilots', { method: 'POST', json: pilotBody({ title }) })
      expect(pilot.status).toBe(201)
      const { id } = await pilot.json()
      ids.push(id)
      t.actAs(t.bergen)
      // Bergen tries them all, in order; the 22nd is the only one that worked for Bergen.
      const body =
        i === 22
          ? { status: 'adopted', adoptedOn: '2025-06-01' }
          : { status: 'trialling', triallingOn: '2025-02-01' }
      const adoption = await t.request(`pilots/${id}/adoptions`, { method: 'POST', json: body })
      expect(adoption.status, await adoption.clone().text()).toBe(201)
      titles.push(title)
    }
    t.setNow(null)
    t.actAs(null)
    const spread = await (await t.request('stats/spread')).json()
    expect(spread.replication).toMatchObject({ tried: 22, succeeded: 1, pilotCount: 22 })
    expect(spread.lineageEdges).toBe(22)
    expect(spread.replication.pilots.map((p: { title: string }) => p.title)).toEqual([
      'Forsøk nummer 22',
      ...titles.slice(0, 19),
    ])

    // Stopped one a day: the pipeline counts all 22 and lists the 20 stopped last.
    t.actAs(t.oslo)
    for (const [i, id] of ids.entries()) {
      t.setNow(new Date(Date.UTC(2025, 6, i + 1, 10)))
      const { version } = await (await t.request(`pilots/${id}`)).json()
      const stopped = await t.request(`pilots/${id}/transitions`, {
        method: 'POST',
        headers: { 'If-Match': `"${version}"` },
        json: { to: 'discontinued', reason: `Grunn ${i + 1}` },
      })
      expect(stopped.status, await stopped.clone().text()).toBe(200)
    }
    t.setNow(null)
    t.actAs(null)
    const pipeline = await (await t.request('stats/pipeline')).json()
    expect(pipeline.discontinued.count).toBe(22)
    expect(pipeline.discontinued.pilots.map((p: { reason: string }) => p.reason)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Grunn ${22 - i}`)
    )
  })
})

describe('the Bass fit over HTTP', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('pglite')
  })
  afterAll(() => t.destroy())

  it('recovers known p, q and m within 2 %', async () => {
    const truth = { m: 357, p: 0.01, q: 0.5 }
    const res = await t.request('analytics/bass-fit', {
      method: 'POST',
      json: { adoptionsPerPeriod: bassAdoptions(truth, 12), horizon: 3 },
    })
    expect(res.status).toBe(200)
    const fit = await res.json()
    for (const k of ['m', 'p', 'q'] as const)
      expect(Math.abs(fit[k] - truth[k]) / truth[k]).toBeLessThan(0.02)
    expect(fit.fitted).toHaveLength(12)
    expect(fit.forecast).toHaveLength(3)
  })

  it.each([
    [[1, 2], 'too_short'],
    [[0, 0, 0, 0], 'all_zero'],
    [[3, -1, 4], 'negative'],
  ])('refuses %j with 422 (%s)', async (adoptionsPerPeriod, reason) => {
    const res = await t.request('analytics/bass-fit', {
      method: 'POST',
      json: { adoptionsPerPeriod },
    })
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({
      code: 'cannot_fit',
      errors: [{ field: 'adoptionsPerPeriod', code: reason }],
    })
  })

  it('refuses input that is not a list of numbers with 400', async () => {
    const res = await t.request('analytics/bass-fit', {
      method: 'POST',
      json: { adoptionsPerPeriod: ['ti', 2, 3] },
    })
    expect(res.status).toBe(400)
  })
})
