import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_REPORT_BYTES } from '../../schema/evaluation.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

/** A minimal but real PDF document. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
)

describe.each(DIALECTS)('evaluations on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.destroy())

  /** A pilot that has started, so it can be evaluated; with one primary metric pre-registered. */
  async function runningPilot(title = 'Digitalt tilsyn om natten') {
    const created = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title }) })
    ).json()
    const move = (version: number, body: object) =>
      t.request(`pilots/${created.id}/transitions`, {
        method: 'POST',
        headers: { 'If-Match': `"${version}"` },
        json: body,
      })
    expect((await move(1, { to: 'planned' })).status).toBe(200)
    expect((await move(2, { to: 'running', actualStart: '2026-01-05' })).status).toBe(200)
    const pilot = await (await t.request(`pilots/${created.id}`)).json()
    return {
      id: created.id as string,
      metricId: pilot.metrics[0].id as string,
      version: pilot.version as number,
    }
  }

  const evaluation = (overrides: Record<string, unknown> = {}) => ({
    kind: 'final',
    method: 'quasi_experimental',
    evidenceLevel: 3,
    outcome: 'successful',
    summary: 'Færre innleggelser i forsøksgruppen enn i sammenligningsgruppen.',
    lessonsLearned: 'Opplæring av nattpersonalet før oppstart var avgjørende.',
    ...overrides,
  })

  async function count(
    table: 'evaluations' | 'evaluation_results' | 'evaluation_reports' | 'events'
  ) {
    return Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    )
  }

  it('takes a pilot from hypothesis to adopted only through a real evaluation', async () => {
    const { id, metricId, version } = await runningPilot()
    const move = (v: number, body: object) =>
      t.request(`pilots/${id}/transitions`, {
        method: 'POST',
        headers: { 'If-Match': `"${v}"` },
        json: body,
      })
    expect((await move(version, { to: 'evaluating', actualEnd: '2026-10-31' })).status).toBe(200)

    const refused = await move(version + 1, { to: 'concluded' })
    expect(refused.status).toBe(409)
    expect((await refused.json()).guards).toEqual([
      expect.objectContaining({ guard: 'final_evaluation' }),
    ])

    const recorded = await t.request(`pilots/${id}/evaluations`, {
      method: 'POST',
      json: evaluation({
        results: [{ metricId, observed: 84, ciLow: 78, ciHigh: 90, n: 412 }],
        factors: [
          {
            factor: 'leadership',
            effect: 'promoted',
            note: 'Tydelig forankring hos kommunalsjefen',
          },
          { factor: 'new_technology', effect: 'hindered' },
        ],
        otherFactors: 'Pandemien forsinket oppstarten',
        reportUrl: 'https://www.example.no/rapport.pdf',
      }),
    })
    expect(recorded.status).toBe(201)
    expect(recorded.headers.get('ETag')).toBe(`"${version + 2}"`)
    const body = await recorded.json()
    expect(body).toMatchObject({
      kind: 'final',
      evidenceLevel: 3,
      outcome: 'successful',
      evaluator: {
        userId: t.oslo.userId,
        organisationId: t.oslo.organisationId,
        organisationName: 'Oslo kommune',
      },
      results: [
        {
          metricId,
          metricName: 'Innleggelser per år',
          observed: 84,
          ciLow: 78,
          ciHigh: 90,
          n: 412,
          preregistered: true,
        },
      ],
      report: { kind: 'url', url: 'https://www.example.no/rapport.pdf' },
      otherFactors: 'Pandemien forsinket oppstarten',
    })
    expect(body.factors).toHaveLength(2)

    const concluded = await move(version + 2, { to: 'concluded' })
    expect(await concluded.json()).toMatchObject({ stage: 'concluded', outcome: 'successful' })
    const adopted = await move(version + 3, {
      to: 'adopted',
      decisionReference: 'Bystyresak 12/27',
      decisionDate: '2027-01-20',
    })
    expect(await adopted.json()).toMatchObject({
      stage: 'adopted',
      evidence: { bestLevel: 3, evaluations: 1, replication: null },
    })
  })

  it('marks a result on a metric that was not pre-registered', async () => {
    const { id, version } = await runningPilot('Forsøk med ny måling')
    const added = await t.request(`pilots/${id}/metrics`, {
      method: 'POST',
      headers: { 'If-Match': `"${version}"` },
      json: { name: 'Brukertilfredshet', unit: 'skår 1–6', direction: 'increase', primary: false },
    })
    expect(added.status).toBe(201)
    const late = await added.json()
    const res = await t.request(`pilots/${id}/evaluations`, {
      method: 'POST',
      json: evaluation({
        kind: 'interim',
        outcome: null,
        results: [{ metricId: late.id, observed: 5.1 }],
      }),
    })
    expect(res.status).toBe(201)
    expect((await res.json()).results).toEqual([
      expect.objectContaining({ metricId: late.id, preregistered: false }),
    ])
  })

  it('refuses bad evaluations with a clear 4xx and stores nothing', async () => {
    const { id } = await runningPilot('Forsøk med dårlige data')
    const other = await runningPilot('Et annet forsøk')
    const before = {
      evaluations: await count('evaluations'),
      results: await count('evaluation_results'),
      events: await count('events'),
    }
    const cases: [object, string][] = [
      [evaluation({ evidenceLevel: 6 }), 'evidenceLevel'],
      [evaluation({ evidenceLevel: 2.5 }), 'evidenceLevel'],
      [evaluation({ outcome: undefined }), 'outcome'],
      [evaluation({ lessonsLearned: undefined }), 'lessonsLearned'],
      [evaluation({ lessonsLearned: '  ' }), 'lessonsLearned'],
      [evaluation({ results: [{ metricId: other.metricId, observed: 3 }] }), 'results.0.metricId'],
      [
        evaluation({ results: [{ metricId: other.metricId, observed: 3, ciLow: 4, ciHigh: 9 }] }),
        'results.0.ciLow',
      ],
      [
        evaluation({ results: [{ metricId: other.metricId, observed: 3, ciLow: 1 }] }),
        'results.0.ciHigh',
      ],
      [evaluation({ factors: [{ factor: 'weather', effect: 'hindered' }] }), 'factors.0.factor'],
      [evaluation({ reportUrl: 'javascript:alert(1)' }), 'reportUrl'],
      [evaluation({ evaluatorOrgId: '00000000-0000-4000-8000-000000000000' }), 'evaluatorOrgId'],
    ]
    for (const [body, field] of cases) {
      const res = await t.request(`pilots/${id}/evaluations`, { method: 'POST', json: body })
      const text = await res.text()
      expect(res.status, text).toBe(400)
      expect(
        JSON.parse(text).errors.map((e: { field: string }) => e.field),
        text
      ).toContain(field)
    }
    expect({
      evaluations: await count('evaluations'),
      results: await count('evaluation_results'),
      events: await count('events'),
    }).toEqual(before)
  })

  it('refuses an evaluation of a pilot that has not started', async () => {
    const created = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title: 'Bare en idé' }) })
    ).json()
    const res = await t.request(`pilots/${created.id}/evaluations`, {
      method: 'POST',
      json: evaluation(),
    })
    expect(res.status).toBe(409)
    expect((await res.json()).code).toBe('not_evaluable')
  })

  it('stores a PDF report, serves it safely, and refuses fakes and oversized files', async () => {
    const { id } = await runningPilot('Forsøk med rapport')
    const recorded = await (
      await t.request(`pilots/${id}/evaluations`, {
        method: 'POST',
        json: evaluation({ reportUrl: 'https://example.no/r' }),
      })
    ).json()
    const pilot = await (await t.request(`pilots/${id}`)).json()
    const path = `pilots/${id}/evaluations/${recorded.id}/report`
    const upload = (
      body: Uint8Array,
      headers: Record<string, string> = {},
      name = 'Sluttrapport «natt».pdf'
    ) =>
      t.request(`${path}?filename=${encodeURIComponent(name)}`, {
        method: 'PUT',
        body: body as unknown as BodyInit,
        headers: {
          'Content-Type': 'application/pdf',
          'If-Match': `"${pilot.version}"`,
          ...headers,
        },
      })

    const fake = await upload(Buffer.from('<html><script>alert(1)</script></html>'))
    expect(fake.status).toBe(415)
    expect((await fake.json()).code).toBe('not_a_pdf')
    const png = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    expect(png.status).toBe(415)
    const wrongType = await upload(PDF, { 'Content-Type': 'text/plain' })
    expect(wrongType.status).toBe(415)
    const huge = Buffer.alloc(MAX_REPORT_BYTES + 1, 0x20)
    PDF.copy(huge)
    const tooBig = await upload(huge)
    expect(tooBig.status).toBe(413)
    expect(await count('evaluation_reports')).toBe(0)
    expect((await t.request(path)).status).toBe(404)

    const stored = await upload(PDF, {}, '../../etc/Sluttrapport «natt».pdf')
    expect(stored.status).toBe(200)
    expect(await stored.json()).toMatchObject({
      report: {
        kind: 'pdf',
        filename: 'Sluttrapport «natt».pdf',
        size: PDF.length,
        href: `/api/v1/${path}`,
      },
    })
    const download = await t.request(path)
    expect(download.status).toBe(200)
    expect(download.headers.get('Content-Type')).toBe('application/pdf')
    expect(download.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Sluttrapport _natt_.pdf"; filename*=UTF-8''${encodeURIComponent('Sluttrapport «natt».pdf')}`
    )
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff')
    // Opened in a tab, the PDF runs in a sandbox, not under the app's own policy.
    expect(download.headers.get('Content-Security-Policy')).toBe("sandbox; default-src 'none'")
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true)
  })

  it('assigns evaluators, showing their e-mail only to the owner organisation', async () => {
    const { id } = await runningPilot('Forsøk med evaluator')
    const res = await t.request(`pilots/${id}/evaluators`, {
      method: 'POST',
      json: {
        email: 'Forsker@Example.no',
        name: 'Frida Forsker',
        organisationId: t.bergen.organisationId,
      },
    })
    expect(res.status).toBe(201)
    expect((await res.json()).items).toEqual([
      expect.objectContaining({
        name: 'Frida Forsker',
        email: 'forsker@example.no',
        organisationName: 'Bergen kommune',
      }),
    ])
    t.actAs(null)
    const publicView = await (await t.request(`pilots/${id}/evaluators`)).json()
    t.actAs(t.oslo)
    expect(publicView.items).toEqual([
      expect.objectContaining({ name: 'Frida Forsker', email: null }),
    ])

    const pilot = await (await t.request(`pilots/${id}`)).json()
    const removed = await t.request(`pilots/${id}/evaluators/${publicView.items[0].userId}`, {
      method: 'DELETE',
      headers: { 'If-Match': `"${pilot.version}"` },
    })
    expect(removed.status).toBe(204)
    expect((await (await t.request(`pilots/${id}/evaluators`)).json()).items).toEqual([])
  })
})
