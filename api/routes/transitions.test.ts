import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

describe.each(DIALECTS)('lifecycle over HTTP on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.destroy())

  async function create(overrides: Record<string, unknown> = {}) {
    const res = await t.request('pilots', { method: 'POST', json: pilotBody(overrides) })
    expect(res.status).toBe(201)
    return (await res.json()) as { id: string }
  }

  async function move(id: string, version: number, body: Record<string, unknown>) {
    return t.request(`pilots/${id}/transitions`, {
      method: 'POST',
      headers: { 'If-Match': `"${version}"` },
      json: body,
    })
  }

  async function state(id: string) {
    const pilot = await (await t.request(`pilots/${id}`)).json()
    const events = await (await t.request(`pilots/${id}/events?limit=100`)).json()
    return {
      pilot,
      events: events.items as {
        type: string
        version: number
        diff: Record<string, unknown>
        data: unknown
      }[],
    }
  }

  async function recordEvaluation(
    pilotId: string,
    kind: 'interim' | 'final' | 'external',
    outcome: string
  ) {
    const res = await t.request(`pilots/${pilotId}/evaluations`, {
      method: 'POST',
      json: {
        kind,
        method: 'before_after',
        evidenceLevel: 2,
        outcome,
        summary: 'Målt før og etter',
        lessonsLearned: 'Forankring i ledelsen var avgjørende',
      },
    })
    expect(res.status).toBe(201)
  }

  it('walks the whole lifecycle to adopted, each step an event with its diff', async () => {
    const { id } = await create()
    const steps: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ to: 'planned' }, { stage: 'planned' }],
      [
        { to: 'running', actualStart: '2026-01-05' },
        { stage: 'running', actualStart: '2026-01-05' },
      ],
      [
        { to: 'evaluating', actualEnd: '2026-10-31' },
        { stage: 'evaluating', actualEnd: '2026-10-31' },
      ],
      [{ to: 'running', reason: 'Forlenget for å få med vintersesongen' }, { stage: 'running' }],
      [{ to: 'evaluating' }, { stage: 'evaluating' }],
    ]
    let version = 1
    for (const [body, expected] of steps) {
      const res = await move(id, version, body)
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(200)
      version++
      expect(res.headers.get('ETag')).toBe(`"${version}"`)
      expect(await res.json()).toMatchObject({ ...expected, version })
    }

    // Concluding needs a final or external evaluation; an interim one is not enough.
    await recordEvaluation(id, 'interim', 'unsuccessful')
    version++
    const early = await move(id, version, { to: 'concluded' })
    expect(early.status).toBe(409)
    expect((await early.json()).guards).toEqual([
      expect.objectContaining({ guard: 'final_evaluation' }),
    ])
    await recordEvaluation(id, 'final', 'successful')
    version++
    const concluded = await move(id, version, { to: 'concluded' })
    expect(concluded.status).toBe(200)
    version++
    expect(await concluded.json()).toMatchObject({ stage: 'concluded', outcome: 'successful' })

    const adopted = await move(id, version, {
      to: 'adopted',
      decisionReference: 'Bystyresak 45/26',
      decisionDate: '2026-11-01',
    })
    expect(adopted.status).toBe(200)
    version++
    expect(await adopted.json()).toMatchObject({
      stage: 'adopted',
      adoptionDecision: { reference: 'Bystyresak 45/26', date: '2026-11-01' },
    })

    const { pilot, events } = await state(id)
    expect(pilot.version).toBe(version)
    // The hypothesis and primary metrics were frozen when the trial first started.
    expect(pilot.preregistration).toMatchObject({
      hypothesis: pilotBody().hypothesis,
      metrics: [
        expect.objectContaining({
          name: 'Innleggelser per år',
          baseline: 120,
          target: 90,
          primary: true,
        }),
      ],
    })
    expect(events.map((e) => e.type)).toEqual([
      'pilot_created',
      ...Array(5).fill('stage_changed'),
      'evaluation_recorded',
      'evaluation_recorded',
      'stage_changed',
      'stage_changed',
    ])
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(events[1]?.diff).toEqual({ stage: { from: 'hypothesis', to: 'planned' } })
    expect(events[4]?.diff).toEqual({ stage: { from: 'evaluating', to: 'running' } })
    expect(events[4]?.data).toEqual({ reason: 'Forlenget for å få med vintersesongen' })
    expect(events[8]?.diff).toEqual({
      stage: { from: 'evaluating', to: 'concluded' },
      outcome: { from: null, to: 'successful' },
    })
  })

  it('discontinues from any open stage with a reason, and never out of a final stage', async () => {
    const { id } = await create({ title: 'Forsøk som stoppes' })
    const noReason = await move(id, 1, { to: 'discontinued' })
    expect(noReason.status).toBe(409)
    expect(await noReason.json()).toMatchObject({
      code: 'guard_failed',
      guards: [{ guard: 'reason' }],
    })

    const stopped = await move(id, 1, { to: 'discontinued', reason: 'Leverandøren gikk konkurs' })
    expect(stopped.status).toBe(200)
    expect(await stopped.json()).toMatchObject({
      stage: 'discontinued',
      discontinuedReason: 'Leverandøren gikk konkurs',
    })

    const revive = await move(id, 2, { to: 'planned' })
    expect(revive.status).toBe(409)
    expect((await revive.json()).code).toBe('transition_not_allowed')
  })

  it('refuses a disallowed or unguarded transition with 409 and changes nothing', async () => {
    const { id } = await create({
      title: 'Uferdig forsøk',
      metrics: [],
      evaluationMethod: null,
      plannedStart: null,
      plannedEnd: null,
    })
    const before = await state(id)

    const skip = await move(id, 1, { to: 'running', actualStart: '2026-02-01' })
    expect(skip.status).toBe(409)
    expect(skip.headers.get('Content-Type')).toContain('application/problem+json')
    const skipProblem = await skip.json()
    expect(skipProblem).toMatchObject({ status: 409, code: 'transition_not_allowed' })
    expect(skipProblem.detail).toContain("'hypothesis' to 'running'")

    const guarded = await move(id, 1, { to: 'planned' })
    expect(guarded.status).toBe(409)
    const problem = await guarded.json()
    expect(problem.code).toBe('guard_failed')
    expect(problem.guards.map((g: { guard: string }) => g.guard)).toEqual([
      'primary_metric',
      'evaluation_method',
      'planned_dates',
    ])

    const adopt = await move(id, 1, {
      to: 'adopted',
      decisionReference: 'Sak 1/26',
      decisionDate: '2026-01-01',
    })
    expect(adopt.status).toBe(409)

    expect(await state(id)).toEqual(before)
  })

  it('needs an actual start to run and a successful outcome and a decision to adopt', async () => {
    const { id } = await create({ title: 'Forsøk uten start' })
    expect((await move(id, 1, { to: 'planned' })).status).toBe(200)
    const noStart = await move(id, 2, { to: 'running' })
    expect(noStart.status).toBe(409)
    expect((await noStart.json()).guards).toEqual([
      expect.objectContaining({ guard: 'actual_start' }),
    ])
    expect((await move(id, 2, { to: 'running', actualStart: '2026-03-01' })).status).toBe(200)
    expect((await move(id, 3, { to: 'evaluating' })).status).toBe(200)
    await recordEvaluation(id, 'external', 'unsuccessful')
    expect(await (await move(id, 5, { to: 'concluded' })).json()).toMatchObject({
      outcome: 'unsuccessful',
    })

    const adopt = await move(id, 6, { to: 'adopted' })
    expect(adopt.status).toBe(409)
    expect((await adopt.json()).guards.map((g: { guard: string }) => g.guard)).toEqual([
      'successful_outcome',
      'decision_reference',
      'decision_date',
    ])
  })

  it('asks for If-Match, refuses a stale one, and rejects fields that do not belong to the step', async () => {
    const { id } = await create({ title: 'Forsøk med versjoner' })
    const missing = await t.request(`pilots/${id}/transitions`, {
      method: 'POST',
      json: { to: 'planned' },
    })
    expect(missing.status).toBe(428)
    const stale = await move(id, 7, { to: 'planned' })
    expect(stale.status).toBe(412)
    const misplaced = await move(id, 1, { to: 'planned', decisionDate: '2026-01-01' })
    expect(misplaced.status).toBe(400)
    expect((await misplaced.json()).errors).toEqual([
      expect.objectContaining({ field: 'decisionDate', code: 'not_applicable' }),
    ])
    const unknownStage = await move(id, 1, { to: 'finished' })
    expect(unknownStage.status).toBe(400)
    expect((await unknownStage.json()).errors[0]).toMatchObject({ field: 'to' })
    expect((await state(id)).pilot.version).toBe(1)
  })
})
