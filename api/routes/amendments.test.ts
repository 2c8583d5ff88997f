import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

describe.each(DIALECTS)('pre-registration and amendments on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.destroy())

  async function startedPilot(title: string) {
    const { id } = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title }) })
    ).json()
    for (const [version, body] of [
      [1, { to: 'planned' }],
      [2, { to: 'running', actualStart: '2026-02-01' }],
    ] as const) {
      const res = await t.request(`pilots/${id}/transitions`, {
        method: 'POST',
        headers: { 'If-Match': `"${version}"` },
        json: body,
      })
      expect(res.status).toBe(200)
    }
    return (await (await t.request(`pilots/${id}`)).json()) as {
      id: string
      version: number
      hypothesis: string
      metrics: { id: string; name: string }[]
    }
  }

  const patch = (id: string, version: number, body: object) =>
    t.request(`pilots/${id}`, {
      method: 'PATCH',
      headers: { 'If-Match': `"${version}"` },
      json: body,
    })

  it('lets the hypothesis change before the trial starts without a reason', async () => {
    const { id } = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title: 'Ikke startet' }) })
    ).json()
    const res = await patch(id, 1, {
      hypothesis: 'Hvis vi prøver noe annet, så vil noe annet skje.',
    })
    expect(res.status).toBe(200)
    const reasonless = await patch(id, 2, {
      title: 'Fortsatt ikke startet',
      amendmentReason: 'Unødvendig',
    })
    expect(reasonless.status).toBe(400)
    expect((await reasonless.json()).errors[0]).toMatchObject({
      field: 'amendmentReason',
      code: 'not_applicable',
    })
  })

  it('refuses a changed hypothesis after the start without a reason, and keeps the original readable', async () => {
    const pilot = await startedPilot('Hjemmeoppfølging med endret hypotese')
    const original = pilot.hypothesis
    const changed =
      'Hvis vi følger opp digitalt, så vil pasientene oppleve større trygghet, målt ved spørreskjema.'

    const refused = await patch(pilot.id, pilot.version, { hypothesis: changed })
    expect(refused.status).toBe(409)
    const problem = await refused.json()
    expect(problem).toMatchObject({
      code: 'amendment_reason_required',
      errors: [{ field: 'amendmentReason' }],
    })
    expect((await (await t.request(`pilots/${pilot.id}`)).json()).hypothesis).toBe(original)

    // Other fields change freely.
    const summary = await patch(pilot.id, pilot.version, { summary: 'Ny oppsummering' })
    expect(summary.status).toBe(200)

    const amended = await patch(pilot.id, pilot.version + 1, {
      hypothesis: changed,
      amendmentReason: 'Innleggelser lot seg ikke måle i forsøksperioden',
    })
    expect(amended.status).toBe(200)
    const after = await amended.json()
    expect(after.hypothesis).toBe(changed)
    expect(after.preregistration.hypothesis).toBe(original)
    expect(after.amendments).toEqual([
      {
        version: pilot.version + 2,
        at: expect.any(String),
        reason: 'Innleggelser lot seg ikke måle i forsøksperioden',
        actor: { name: 'Olav Oslo', organisationName: 'Oslo kommune' },
        changes: { hypothesis: { from: original, to: changed } },
      },
    ])
    const events = await (await t.request(`pilots/${pilot.id}/events?limit=100`)).json()
    expect(events.items.at(-1)).toMatchObject({
      type: 'pilot_amended',
      data: { amendmentReason: 'Innleggelser lot seg ikke måle i forsøksperioden' },
    })
  })

  it('treats changes to primary metrics as amendments, and leaves other metrics free', async () => {
    const pilot = await startedPilot('Forsøk med målendring')
    const primary = pilot.metrics[0]?.id
    let version = pilot.version
    const metricPatch = (metricId: string | undefined, body: object) =>
      t.request(`pilots/${pilot.id}/metrics/${metricId}`, {
        method: 'PATCH',
        headers: { 'If-Match': `"${version}"` },
        json: body,
      })

    const refused = await metricPatch(primary, { target: 60 })
    expect(refused.status).toBe(409)
    expect((await refused.json()).code).toBe('amendment_reason_required')

    const amended = await metricPatch(primary, {
      target: 60,
      amendmentReason: 'Målet var satt for lavt',
    })
    expect(amended.status).toBe(200)
    version++

    const secondary = await t.request(`pilots/${pilot.id}/metrics`, {
      method: 'POST',
      headers: { 'If-Match': `"${version}"` },
      json: { name: 'Antall telefonhenvendelser', direction: 'decrease' },
    })
    expect(secondary.status).toBe(201)
    version++
    const newPrimary = await t.request(`pilots/${pilot.id}/metrics`, {
      method: 'POST',
      headers: { 'If-Match': `"${version}"` },
      json: {
        name: 'Liggedøgn',
        unit: 'døgn',
        direction: 'decrease',
        baseline: 900,
        target: 700,
        primary: true,
      },
    })
    expect(newPrimary.status).toBe(409)

    const removal = await t.request(`pilots/${pilot.id}/metrics/${primary}`, {
      method: 'DELETE',
      headers: { 'If-Match': `"${version}"` },
    })
    expect(removal.status).toBe(409)
    const removed = await t.request(
      `pilots/${pilot.id}/metrics/${primary}?amendmentReason=${encodeURIComponent('Målet ble erstattet')}`,
      {
        method: 'DELETE',
        headers: { 'If-Match': `"${version}"` },
      }
    )
    expect(removed.status).toBe(204)

    const after = await (await t.request(`pilots/${pilot.id}`)).json()
    expect(after.preregistration.metrics).toEqual([
      expect.objectContaining({ id: primary, target: 90 }),
    ])
    expect(after.amendments.map((a: { reason: string }) => a.reason)).toEqual([
      'Målet var satt for lavt',
      'Målet ble erstattet',
    ])
    expect(after.amendments[0].changes).toEqual({ target: { from: 90, to: 60 } })
  })
})
