import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

const BODY_LIMIT = 20_000

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let t: TestApp
  let pilotId: string
  beforeAll(async () => {
    t = await createTestApp(dialect, { bodyLimit: BODY_LIMIT })
    const res = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title: 'Eksisterende forsøk' }),
    })
    pilotId = (await res.json()).id
  })
  afterAll(() => t.destroy())

  /** Row counts of everything a bad request might have half-written. */
  async function counts() {
    const count = async (
      table:
        | 'pilots'
        | 'organisations'
        | 'events'
        | 'metrics'
        | 'pilot_contacts'
        | 'idempotency_keys'
    ) =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )
    return {
      pilots: await count('pilots'),
      organisations: await count('organisations'),
      events: await count('events'),
      metrics: await count('metrics'),
      contacts: await count('pilot_contacts'),
      keys: await count('idempotency_keys'),
    }
  }

  async function expectProblem(res: Response, status: number, code: string, fields: string[] = []) {
    const text = await res.text()
    expect(res.status, text).toBe(status)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    const problem = JSON.parse(text)
    expect(problem).toMatchObject({
      status,
      code,
      type: expect.stringContaining(code),
      title: expect.any(String),
    })
    expect(problem.requestId).toBe(res.headers.get('X-Request-Id'))
    for (const field of fields) {
      expect(
        problem.errors.map((e: { field: string }) => e.field),
        text
      ).toContain(field)
    }
    return problem
  }

  const badPilots: [string, unknown, string[]][] = [
    ['a number for the title', { ...pilotBody(), title: 42 }, ['title']],
    ['a missing title', { ...pilotBody(), title: undefined }, ['title']],
    ['an unknown service area', { ...pilotBody(), serviceArea: 'space' }, ['serviceArea']],
    ['an unknown field', { ...pilotBody(), colour: 'blue' }, ['colour']],
    [
      'an unknown nested field',
      { ...pilotBody(), metrics: [{ name: 'Tid', direction: 'decrease', extra: 1 }] },
      ['metrics.0.extra'],
    ],
    ['the stage, which only transitions set', { ...pilotBody(), stage: 'adopted' }, ['stage']],
    ['an impossible date', { ...pilotBody(), plannedStart: '2026-02-30' }, ['plannedStart']],
    [
      'an end before the start',
      { ...pilotBody(), plannedStart: '2026-05-01', plannedEnd: '2026-04-01' },
      ['plannedEnd'],
    ],
    ['a non-UUID owner', { ...pilotBody(), ownerOrgId: 'oslo' }, ['ownerOrgId']],
    [
      'an owner that does not exist',
      { ...pilotBody(), ownerOrgId: '00000000-0000-4000-8000-000000000000' },
      ['ownerOrgId'],
    ],
    [
      'a bad e-mail in a contact',
      { ...pilotBody(), contacts: [{ name: 'Kari', email: 'kari' }] },
      ['contacts.0.email'],
    ],
    ['a negative budget', { ...pilotBody(), budgetNok: -1 }, ['budgetNok']],
    [
      'a string for a number',
      { ...pilotBody(), metrics: [{ name: 'Tid', direction: 'decrease', baseline: '12' }] },
      ['metrics.0.baseline'],
    ],
    ['a huge title', { ...pilotBody(), title: 'x'.repeat(5000) }, ['title']],
    ['an array as body', [pilotBody()], []],
    ['null as body', null, []],
    [
      'two metrics with one name',
      {
        ...pilotBody(),
        metrics: [
          { name: 'Tid', direction: 'decrease' },
          { name: 'tid', direction: 'increase' },
        ],
      },
      ['metrics.1.name'],
    ],
    [
      'forsøksloven without approval',
      { ...pilotBody(), legalBasis: { kind: 'forsoksloven', reference: 'Vedtak 1/26' } },
      ['legalBasis.approvalDate', 'legalBasis.expiryDate'],
    ],
  ]

  it.each(badPilots)(
    'refuses a pilot with %s: 400 naming the field, nothing written',
    async (_, body, fields) => {
      const before = await counts()
      const res = await t.request('pilots', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      })
      const problem = await expectProblem(res, 400, 'validation_failed', fields)
      for (const e of problem.errors) expect(e.pointer).toMatch(/^\//)
      expect(await counts()).toEqual(before)
    }
  )

  it('refuses malformed JSON', async () => {
    const before = await counts()
    const res = await t.request('pilots', {
      method: 'POST',
      body: '{"title": "Uavsluttet',
      headers: { 'Content-Type': 'application/json' },
    })
    await expectProblem(res, 400, 'malformed_json')
    expect(await counts()).toEqual(before)
  })

  it('refuses a body over the size limit with 413', async () => {
    const before = await counts()
    const res = await t.request('pilots', {
      method: 'POST',
      json: { ...pilotBody(), summary: 'å'.repeat(BODY_LIMIT) },
    })
    await expectProblem(res, 413, 'body_too_large')
    expect(await counts()).toEqual(before)
  })

  it('refuses a body that is not JSON with 415', async () => {
    const res = await t.request('pilots', {
      method: 'POST',
      body: 'title=Hei',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    await expectProblem(res, 415, 'unsupported_media_type')
  })

  it('refuses an id that is not a UUID, in every route that takes one', async () => {
    for (const [method, path] of [
      ['GET', 'pilots/123'],
      ['GET', "pilots/1' OR '1'='1/events"],
      ['PATCH', 'pilots/not-a-uuid'],
      ['POST', 'pilots/not-a-uuid/transitions'],
      ['GET', 'pilots/not-a-uuid/metrics'],
      ['GET', 'organisations/42'],
    ] as const) {
      const res = await t.request(path, {
        method,
        headers: { 'If-Match': '"1"' },
        ...(method === 'GET' ? {} : { json: { to: 'planned', title: 'Ny tittel' } }),
      })
      const problem = await expectProblem(res, 400, 'validation_failed', ['id'])
      expect(problem.errors[0].in).toBe('path')
    }
  })

  it('answers 404 problem+json for an unknown pilot and an unknown route', async () => {
    await expectProblem(
      await t.request('pilots/00000000-0000-4000-8000-000000000000'),
      404,
      'not_found'
    )
    await expectProblem(await t.request('/api/v1/nothing-here'), 404, 'not_found')
  })

  it('refuses bad query parameters with the parameter named', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['limit=ten', 'limit'],
      ['stage=done', 'stage'],
      ['county=3', 'county'],
      ['org=oslo', 'org'],
    ]) {
      const problem = await expectProblem(
        await t.request(`pilots?${query}`),
        400,
        'validation_failed',
        [field as string]
      )
      expect(problem.errors[0].in).toBe('query')
    }
  })

  it('refuses bad PATCHes and leaves the pilot as it was', async () => {
    const before = await (await t.request(`pilots/${pilotId}`)).json()
    for (const [body, field] of [
      [{ title: '' }, 'title'],
      [{ stage: 'running' }, 'stage'],
      [{ version: 9 }, 'version'],
      [{ tags: ['<script>'] }, 'tags.0'],
      [
        { partners: [{ organisationId: t.oslo.organisationId, role: 'supplier' }] },
        'partners.0.organisationId',
      ],
      [{ title: null }, 'title'],
    ] as const) {
      const res = await t.request(`pilots/${pilotId}`, {
        method: 'PATCH',
        headers: { 'If-Match': '"1"' },
        json: body,
      })
      await expectProblem(res, 400, 'validation_failed', [field])
    }
    expect(await (await t.request(`pilots/${pilotId}`)).json()).toEqual(before)
  })

  it('refuses an invalid Idempotency-Key', async () => {
    const res = await t.request('pilots', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'x'.repeat(300) },
      json: pilotBody(),
    })
    await expectProblem(res, 400, 'validation_failed', ['Idempotency-Key'])
  })
})
