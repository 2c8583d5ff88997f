// The browser's edit, written through the browser's API client, against the real app in-process
// (no network, no mocks) on every dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../../api/test/harness.ts'
import { ApiClient, ApiError, type Pilot } from '../api/client.ts'
import { draftOf, type MetricDraft, measure, planEdit } from './pilot-edit.ts'
import { EditSaveError, saveEdit } from './pilot-save.ts'

describe.each(DIALECTS)('saving an edit on %s', (dialect) => {
  let t: TestApp
  let api: ApiClient
  beforeAll(async () => {
    t = await createTestApp(dialect)
    api = new ApiClient({
      fetch: (input, init) => {
        const headers = new Headers(init?.headers)
        headers.set('Origin', 'http://localhost')
        return Promise.resolve(t.app.request(String(input), { ...init, headers }))
      },
    })
  })
  afterAll(() => t.destroy())

  let key = 0
  const next = () => key++

  async function runningPilot(title: string): Promise<Pilot> {
    const { id } = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title }) })
    ).json()
    let pilot = await api.pilot(id)
    pilot = await api.transition(id, pilot.version, { to: 'planned' })
    return api.transition(id, pilot.version, { to: 'running', actualStart: '2026-02-01' })
  }

  function plan(original: Pilot, fields: Record<string, string>, metrics: MetricDraft[]) {
    const input = {
      ...fields,
      metrics: metrics.map((m) => ({
        name: m.name,
        unit: m.unit || null,
        direction: m.direction,
        baseline: measure(m.baseline),
        target: measure(m.target),
        primary: m.primary,
      })),
    }
    return planEdit(
      original,
      input,
      metrics.map((m) => m.id)
    )
  }

  it('writes the changed fields and metrics, as an amendment with its reason', async () => {
    const original = await runningPilot('Endres med begrunnelse')
    const draft = draftOf(original, next)
    draft.fields.hypothesis =
      'Hvis vi følger opp digitalt, så vil færre bli innlagt og færre ringe.'
    const [primary] = draft.metrics
    if (!primary) throw new Error('no metric')
    primary.target = '85'
    const added: MetricDraft = {
      ...primary,
      key: next(),
      id: null,
      name: 'Telefoner',
      baseline: '',
      target: '',
      primary: false,
    }
    const edit = plan(original, draft.fields, [primary, added])
    expect(edit.amends).toBe(true)
    const ids: string[] = []
    await saveEdit(api, original, edit, 'Nye tall fra legevakten', (_, id) => ids.push(id))

    const saved = await api.pilot(original.id)
    expect(saved.hypothesis).toBe(draft.fields.hypothesis)
    expect(saved.metrics.map((m) => [m.name, m.target])).toEqual([
      ['Innleggelser per år', 85],
      ['Telefoner', null],
    ])
    expect(ids).toEqual([saved.metrics[1]?.id])
    expect(saved.amendments.map((a) => a.reason)).toContain('Nye tall fra legevakten')
    expect(saved.version).toBe(original.version + 3)
  })

  it('writes nothing when someone else saved since the form read the pilot', async () => {
    const original = await runningPilot('Endret av en annen')
    await api.updatePilot(original.id, original.version, { summary: 'En kollega var først.' })
    const draft = draftOf(original, next)
    draft.fields.title = 'Min nye tittel'
    const failure = await saveEdit(
      api,
      original,
      plan(original, draft.fields, draft.metrics),
      '',
      () => {}
    ).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(EditSaveError)
    const { error, written } = failure as EditSaveError
    expect(written).toBe(0)
    expect(error instanceof ApiError && error.status).toBe(412)
    expect((await api.pilot(original.id)).title).toBe('Endret av en annen')
  })

  it("names a metric's refused field as the form names it, and says what went through", async () => {
    const original = await runningPilot('Dobbelt kriterium')
    const draft = draftOf(original, next)
    draft.fields.title = 'Dobbelt kriterium, rettet'
    const [primary] = draft.metrics
    if (!primary) throw new Error('no metric')
    const twin: MetricDraft = { ...primary, key: next(), id: null, primary: false }
    const failure = await saveEdit(
      api,
      original,
      plan(original, draft.fields, [primary, twin]),
      '',
      () => {}
    ).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(EditSaveError)
    const { error, written } = failure as EditSaveError
    expect(written).toBe(1)
    expect(error instanceof ApiError && error.problem?.errors).toEqual([
      expect.objectContaining({ field: 'metrics.1.name', code: 'duplicate' }),
    ])
  })
})
