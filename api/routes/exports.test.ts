import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMPUTED_COLUMNS, EXPORT_COLUMNS } from '../../schema/export.ts'
import { orgNumberCheckDigit } from '../../schema/org-number.ts'
import { PilotCreate } from '../../schema/pilot.ts'
import { loadSampleData } from '../../seeds/sample.ts'
import { type Actor, memberActor } from '../actor.ts'
import { createApp } from '../app.ts'
import { parseCsv } from '../domain/csv.ts'
import { createLogger } from '../logger.ts'
import { createOrganisation } from '../queries/organisations.ts'
import { createPilot } from '../queries/pilot-writes.ts'
import {
  createTestApp,
  createTestDatabase,
  DIALECTS,
  NAV,
  pilotBody,
  type TestApp,
  type TestDatabase,
} from '../test/harness.ts'

const HYPERLINK = '=HYPERLINK("http://x","y")'
const CYCLE = ['7a000000-0000-4000-8000-00000000000a', '7a000000-0000-4000-8000-00000000000b']
const UTF8_BOM = [0xef, 0xbb, 0xbf]

const asAdmin = (actor: Actor): Actor => ({ ...actor, systemAdmin: true })

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer())
/** The text with its BOM kept (the default decoder drops it). */
const textOf = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

/** A valid organisation number (mod-11) starting with the given eight digits or the next ones. */
function orgNumber(start: number) {
  for (let n = start; ; n++) {
    const check = orgNumberCheckDigit(String(n))
    if (check !== null) return `${n}${check}`
  }
}

function importCsv(
  t: TestApp,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {}
) {
  return t.request('import/pilots.csv', {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv; charset=utf-8', ...headers },
    body,
  })
}

async function count(t: TestApp, table: 'pilots' | 'organisations' | 'events' | 'metrics') {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The data rows of a CSV export as objects keyed by column. */
function rowsOf(csv: Uint8Array) {
  const [header, ...rows] = parseCsv(textOf(csv))
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i]])))
}

describe.each(DIALECTS)('exports and import on %s', (dialect) => {
  let t: TestApp
  const ids: Record<string, string> = {}

  async function create(overrides: Record<string, unknown>) {
    const res = await t.request('pilots', { method: 'POST', json: pilotBody(overrides) })
    expect(res.status, await res.clone().text()).toBe(201)
    return (await res.json()).id as string
  }

  async function move(id: string, body: Record<string, unknown>) {
    const { version } = await (await t.request(`pilots/${id}`)).json()
    const res = await t.request(`pilots/${id}/transitions`, {
      method: 'POST',
      headers: { 'If-Match': `"${version}"` },
      json: body,
    })
    expect(res.status, await res.clone().text()).toBe(200)
  }

  beforeAll(async () => {
    t = await createTestApp(dialect)
    const nav = await createOrganisation(t.db, { ...NAV, languageForm: 'nb' })
    ids.hyperlink = await create({
      title: HYPERLINK,
      summary: 'Første linje, med komma\r\nAndre linje med "sitat" og æøå',
      contacts: [
        { name: 'Kari Nordmann', email: 'kari.nordmann@kontakt.example', phone: '+47 900 00 000' },
      ],
      metrics: [
        {
          name: 'Temperatur inne',
          unit: '°C',
          direction: 'increase',
          baseline: -3.5,
          target: 0.25,
          primary: true,
        },
        { name: 'Ventetid', unit: 'dager', direction: 'decrease', baseline: 12, target: 7.5 },
      ],
      tags: ['æøå', 'kommune-samarbeid'],
      legalBasis: {
        kind: 'forsoksloven',
        reference: 'Kommunal- og distriktsdepartementet, vedtak 25/123',
        approvalDate: '2025-06-01',
        expiryDate: '2029-05-31',
      },
      budgetNok: 1250000,
      fundingSource: 'Skjønnsmidler; statsforvalteren',
    })
    await move(ids.hyperlink, { to: 'planned' })
    await move(ids.hyperlink, { to: 'running', actualStart: '2026-01-05' })
    ids.apostrophe = await create({
      title: "'Sitat' først i tittelen",
      summary: '-3 grader er kaldt',
      problem: '@kommunen: +47 er landskoden',
      hypothesis: '',
      plannedStart: null,
      plannedEnd: null,
      evaluationMethod: null,
      tags: [],
      metrics: [],
      availableToAdvise: true,
    })
    t.actAs(memberActor({ id: t.oslo.userId, name: 'Nina NAV' }, nav.id))
    ids.stopped = await create({
      title: 'Sektorforsøk med «tillitsbasert» oppfølging',
      ownerOrgId: nav.id,
      serviceArea: 'social_services',
      legalBasis: {
        kind: 'sector_pilot_clause',
        reference: 'Forskrift om forsøk i arbeids- og velferdsforvaltningen § 2',
      },
    })
    await move(ids.stopped, { to: 'planned' })
    await move(ids.stopped, { to: 'discontinued', reason: 'Avsluttet: "for dyrt", se sak 2026/1' })
    t.actAs(t.oslo)
    ids.evaluating = await create({ title: 'Kveldsåpent bibliotek', serviceArea: 'culture' })
    await move(ids.evaluating, { to: 'planned' })
    await move(ids.evaluating, { to: 'running', actualStart: '2025-09-01' })
    await move(ids.evaluating, { to: 'evaluating', actualEnd: '2026-02-28' })
    ids.draft = await create({ title: 'Hemmelig utkast om nattevakter', visibility: 'draft' })
    ids.copy = await createPilot(
      t.db,
      PilotCreate.parse(pilotBody({ title: 'Kopi av temperaturforsøket' })),
      t.oslo,
      { basedOnPilotId: ids.hyperlink }
    )
    await move(ids.copy, { to: 'planned' })
    ids.copyOfDraft = await createPilot(
      t.db,
      PilotCreate.parse(pilotBody({ title: 'Bygger på et utkast' })),
      t.bergen,
      { basedOnPilotId: ids.draft }
    )
  })
  afterAll(() => t.destroy())

  it('export → import into an empty database → export again gives the same file', async () => {
    const csv = await bytesOf(await t.request('export/pilots.csv'))
    const rows = rowsOf(csv)
    expect(rows).toHaveLength(6)
    expect(new Set(rows.map((r) => r.stage))).toEqual(
      new Set(['hypothesis', 'planned', 'running', 'evaluating', 'discontinued'])
    )
    const target = await createTestApp(dialect)
    try {
      target.actAs(asAdmin(target.oslo))
      const res = await importCsv(target, csv)
      expect(res.status, await res.clone().text()).toBe(201)
      const result = await res.json()
      expect(result.imported).toBe(6)
      expect(result.ids).toEqual(rows.map((r) => r.id))

      const again = await bytesOf(await target.request('export/pilots.csv'))
      expect(textOf(again)).toBe(textOf(csv))
      expect(Buffer.from(again).equals(Buffer.from(csv))).toBe(true)
      const json = await (await t.request('export/pilots.json')).text()
      expect(await (await target.request('export/pilots.json')).text()).toBe(json)

      // NAV was not in the empty database: registered from the row.
      const nav = await target.db
        .selectFrom('organisations')
        .selectAll()
        .where('org_number', '=', NAV.orgNumber)
        .executeTakeFirstOrThrow()
      expect(nav).toMatchObject({ name: NAV.name, kind: 'state_agency', municipality_number: null })

      const running = await (await target.request(`pilots/${ids.hyperlink}`)).json()
      expect(running).toMatchObject({ stage: 'running', visibility: 'published', contacts: [] })
      expect(running.preregistration.hypothesis).toBe(running.hypothesis)
      expect(running.preregistration.metrics).toEqual([
        running.metrics.find((m: { primary: boolean }) => m.primary),
      ])
      const events = await (await target.request(`pilots/${ids.hyperlink}/events`)).json()
      expect(events.items).toHaveLength(1)
      expect(events.items[0]).toMatchObject({
        type: 'pilot_created',
        version: 1,
        data: { imported: true },
      })
    } finally {
      await target.destroy()
    }
  })

  it('neutralises a =HYPERLINK(...) cell in CSV and keeps the text as it is in JSON', async () => {
    const text = textOf(await bytesOf(await t.request('export/pilots.csv')))
    expect(text).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`)
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m)
    expect(text).toContain(`,''Sitat' først i tittelen,`)
    expect(text).toContain(`,'-3 grader er kaldt,'@kommunen: +47 er landskoden,`)
    const row = rowsOf(new TextEncoder().encode(text)).find((r) => r.id === ids.hyperlink)
    expect(row?.metrics).toBe(
      '[{"name":"Temperatur inne","unit":"°C","direction":"increase","baseline":-3.5,"target":0.25,"primary":true},{"name":"Ventetid","unit":"dager","direction":"decrease","baseline":12,"target":7.5,"primary":false}]'
    )
    expect(row?.tags).toBe('æøå; kommune-samarbeid')
    expect(row?.legalBasis).toBe('forsoksloven')
    const json = await (await t.request('export/pilots.json')).json()
    expect(json.pilots.find((p: { id: string }) => p.id === ids.hyperlink).title).toBe(HYPERLINK)
  })

  it('leaves out drafts, contacts and users, and names only published origins', async () => {
    const csv = textOf(await bytesOf(await t.request('export/pilots.csv')))
    const json = await (await t.request('export/pilots.json')).text()
    for (const body of [csv, json]) {
      expect(body).not.toContain('Hemmelig utkast')
      expect(body).not.toContain(ids.draft)
      expect(body).not.toContain('Kari Nordmann')
      expect(body).not.toContain('kontakt.example')
      expect(body).not.toContain('+47 900')
      expect(body).not.toContain('test.example')
      expect(body).not.toContain('Olav Oslo')
    }
    const rows = rowsOf(new TextEncoder().encode(csv))
    expect(rows.find((r) => r.id === ids.copy)?.basedOnPilotId).toBe(ids.hyperlink)
    expect(rows.find((r) => r.id === ids.copyOfDraft)?.basedOnPilotId).toBe('')
    expect(JSON.parse(json)).toMatchObject({
      licence: 'https://data.norge.no/nlod/no/2.0',
      attribution: expect.stringContaining('Forsøksregisteret'),
      modified: expect.any(String),
    })
  })

  it('sends CSV as a UTF-8 attachment with a BOM, an ETag and Cache-Control; If-None-Match gives 304', async () => {
    const res = await t.request('export/pilots.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="pilots.csv"')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300')
    const etag = res.headers.get('ETag')
    expect(etag).toBeTruthy()
    const bytes = await bytesOf(res)
    expect([...bytes.slice(0, 3)]).toEqual(UTF8_BOM)
    expect(textOf(bytes).split('\r\n')[0]).toBe(`\uFEFF${EXPORT_COLUMNS.join(',')}`)
    expect(textOf(bytes).endsWith('\r\n')).toBe(true)

    const again = await t.request('export/pilots.csv', { headers: { 'If-None-Match': etag ?? '' } })
    expect(again.status).toBe(304)
    expect(again.headers.get('ETag')).toBe(etag)
    expect(again.headers.get('Cache-Control')).toBe('public, max-age=300')

    const json = await t.request('export/pilots.json')
    expect(json.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(json.headers.get('Cache-Control')).toBe('public, max-age=300')
    const jsonTag = json.headers.get('ETag') ?? ''
    expect(jsonTag).toBeTruthy()
    const jsonAgain = await t.request('export/pilots.json', {
      headers: { 'If-None-Match': jsonTag },
    })
    expect(jsonAgain.status).toBe(304)
  })

  it('imports nothing from a file with bad rows, naming each row and column', async () => {
    const header =
      'title,innovationType,serviceArea,ownerOrgNumber,ownerName,ownerKind,ownerMunicipalityNumber,plannedStart,plannedEnd,stage'
    const csv = [
      header,
      'Godt forsøk nummer én,service,education,958935420,Oslo kommune,municipality,0301,,,',
      'Feil organisasjonsnummer,service,education,958935421,Oslo kommune,municipality,0301,,,',
      'Godt forsøk nummer to,process,culture,958935420,Oslo kommune,municipality,0301,,,',
      'Slutt før start,service,education,958935420,Oslo kommune,municipality,0301,2026-05-01,2026-04-01,',
      'Vedtatt uten vedtak,service,education,958935420,Oslo kommune,municipality,0301,,,adopted',
      '',
    ].join('\r\n')
    const before = { pilots: await count(t, 'pilots'), events: await count(t, 'events') }
    const res = await importCsv(t, csv)
    expect(res.status).toBe(400)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    const problem = await res.json()
    expect(problem.code).toBe('import_failed')
    expect(problem.detail).toMatch(/nothing was imported/)
    const at = (e: { row: number; column: string | null }) => `${e.row}:${e.column}`
    expect(problem.errors.map(at)).toEqual([
      '2:ownerOrgNumber',
      '4:plannedEnd',
      '5:outcome',
      '5:adoptionDecisionReference',
      '5:adoptionDecisionDate',
    ])
    expect(problem.errors[0]).toMatchObject({
      in: 'body',
      field: 'row 2: ownerOrgNumber',
      pointer: '/2/ownerOrgNumber',
      detail: expect.stringContaining('mod-11'),
    })
    expect({ pilots: await count(t, 'pilots'), events: await count(t, 'events') }).toEqual(before)
  })

  it('imports nothing when the database refuses a row: taken ids, unknown origins, owners, cycles', async () => {
    const fresh = orgNumber(91234567)
    const csv = [
      'id,title,innovationType,serviceArea,ownerOrgNumber,ownerName,ownerKind,basedOnPilotId',
      `,Nytt forsøk,service,education,${fresh},Ny etat,state_agency,`,
      `${ids.apostrophe},Samme id som et annet,service,education,958935420,Oslo kommune,municipality,`,
      `,Kopi av ukjent,service,education,958935420,Oslo kommune,municipality,7a000000-0000-4000-8000-000000000001`,
      `,Samme etat med annet navn,service,education,${fresh},Annen etat,state_agency,`,
      `,Kopi av utkast,service,education,958935420,Oslo kommune,municipality,${ids.draft}`,
      `${CYCLE[0]},Kopi i ring,service,education,958935420,Oslo kommune,municipality,${CYCLE[1]}`,
      `${CYCLE[1]},Kopi i ring,service,education,958935420,Oslo kommune,municipality,${CYCLE[0]}`,
      `,Kommune uten nummer,service,education,${orgNumber(93456789)},Ny kommune,municipality,`,
    ].join('\r\n')
    const before = {
      pilots: await count(t, 'pilots'),
      organisations: await count(t, 'organisations'),
    }
    t.actAs(asAdmin(t.oslo))
    const res = await importCsv(t, csv)
    t.actAs(t.oslo)
    expect(res.status).toBe(400)
    const problem = await res.json()
    expect(
      problem.errors.map((e: { row: number; column: string; code: string }) => [
        e.row,
        e.column,
        e.code,
      ])
    ).toEqual([
      [2, 'id', 'taken'],
      [3, 'basedOnPilotId', 'not_found'],
      [4, 'ownerName', 'inconsistent'],
      [6, 'basedOnPilotId', 'cycle'],
      [7, 'basedOnPilotId', 'cycle'],
      [8, 'ownerMunicipalityNumber', 'incomplete'],
    ])
    expect({
      pilots: await count(t, 'pilots'),
      organisations: await count(t, 'organisations'),
    }).toEqual(before)
  })

  it('refuses unknown and missing columns, malformed CSV, other encodings and media types', async () => {
    const unknown = await importCsv(t, 'title,colour,innovationType,serviceArea,ownerName\r\n')
    expect(unknown.status).toBe(400)
    const problem = await unknown.json()
    expect(problem.code).toBe('import_failed')
    expect(problem.errors.map((e: { column: string; code: string }) => [e.column, e.code])).toEqual(
      [
        ['colour', 'unknown_column'],
        ['ownerOrgNumber', 'missing_column'],
        ['ownerKind', 'missing_column'],
      ]
    )
    expect(problem.errors[0]).toMatchObject({ row: 0, field: 'header: colour' })

    const malformed = await importCsv(
      t,
      'title,innovationType,serviceArea,ownerOrgNumber,ownerName,ownerKind\r\n"Uavsluttet,service,education,958935420,Oslo kommune,municipality\r\n'
    )
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toMatchObject({
      code: 'malformed_csv',
      detail: expect.stringMatching(/Line 2: a quoted field is not closed/),
    })

    const latin1 = Uint8Array.from(
      [...'title\r\nTroms', 0xf8].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0)))
    )
    const notUtf8 = await importCsv(t, latin1)
    expect(notUtf8.status).toBe(400)
    expect((await notUtf8.json()).code).toBe('malformed_csv')

    const short = await importCsv(
      t,
      'title,innovationType,serviceArea,ownerOrgNumber,ownerName,ownerKind\r\nFor kort,service\r\n'
    )
    expect((await short.json()).errors[0]).toMatchObject({
      row: 1,
      column: null,
      code: 'cell_count',
    })

    const plain = await importCsv(t, 'title\r\n', { 'Content-Type': 'text/plain' })
    expect(plain.status).toBe(415)
    const latin1Declared = await importCsv(t, 'title\r\n', {
      'Content-Type': 'text/csv; charset=iso-8859-1',
    })
    expect(latin1Declared.status).toBe(415)

    t.actAs(null)
    try {
      expect((await importCsv(t, 'title\r\n')).status).toBe(401)
    } finally {
      t.actAs(t.oslo)
    }
  })

  it('lets a member import only their own organisation’s pilots, and only with a write scope', async () => {
    const csv = [
      'title,innovationType,serviceArea,ownerOrgNumber,ownerName,ownerKind,ownerMunicipalityNumber',
      'Eget forsøk,service,education,958935420,Oslo kommune,municipality,0301',
      'Bergens forsøk,service,education,964338531,Bergen kommune,municipality,4601',
      `Ny eier,service,education,${orgNumber(94567890)},Ny skole,other,`,
    ].join('\r\n')
    const before = await count(t, 'pilots')
    const refused = await importCsv(t, csv)
    expect(refused.status).toBe(403)
    expect((await refused.json()).detail).toMatch(/^Rows 2, 3:/)
    t.actAs({ ...t.oslo, scopes: ['read'] })
    try {
      const ownOnly = csv.split('\r\n').slice(0, 2).join('\r\n')
      expect((await importCsv(t, ownOnly)).status).toBe(403)
    } finally {
      t.actAs(t.oslo)
    }
    expect(await count(t, 'pilots')).toBe(before)
    const own = await importCsv(t, csv.split('\r\n').slice(0, 2).join('\r\n'))
    expect(own.status, await own.clone().text()).toBe(201)
    expect(await count(t, 'pilots')).toBe(before + 1)
  })

  it('imports a minimal spreadsheet with defaults, once per Idempotency-Key, also as JSON', async () => {
    const number = orgNumber(92345678)
    const csv = `title,innovationType,serviceArea,ownerOrgNumber,ownerName,ownerKind,ownerMunicipalityNumber\r\nLesevenn i friminuttet,service,education,${number},Testskolen,other,301\r\n`
    const before = await count(t, 'pilots')
    const send = () =>
      t.request('import/pilots.csv', {
        method: 'POST',
        headers: { 'Idempotency-Key': 'import-lesevenn' },
        json: { csv },
      })
    t.actAs(asAdmin(t.oslo))
    const first = await send()
    expect(first.status, await first.clone().text()).toBe(201)
    const { ids: imported } = await first.json()
    const second = await send()
    expect(second.status).toBe(201)
    expect(second.headers.get('Idempotent-Replayed')).toBe('true')
    expect((await second.json()).ids).toEqual(imported)
    t.actAs(t.oslo)
    expect(await count(t, 'pilots')).toBe(before + 1)

    const pilot = await (await t.request(`pilots/${imported[0]}`)).json()
    expect(pilot).toMatchObject({
      title: 'Lesevenn i friminuttet',
      stage: 'hypothesis',
      visibility: 'published',
      legalBasis: { kind: 'ordinary' },
      sample: false,
      preregistration: null,
      owner: { name: 'Testskolen', kind: 'other', municipalityNumber: '0301', countyNumber: '03' },
    })
  })
})

describe.each(DIALECTS)('the sample data through export and import on %s', (dialect) => {
  let source: TestDatabase
  let app: ReturnType<typeof createApp>
  let target: TestApp
  beforeAll(async () => {
    ;[source, target] = await Promise.all([createTestDatabase(dialect), createTestApp(dialect)])
    await loadSampleData(source.db)
    app = createApp({
      db: source.db,
      config: { bodyLimit: 1_000_000, env: 'test', session: { idleMinutes: 30, maxHours: 12 } },
      logger: createLogger({ logLevel: 'silent' }),
      resolveActor: async () => null,
    })
  }, 60_000)
  afterAll(async () => {
    await Promise.all([source.destroy(), target.destroy()])
  })
  const exported = async (path: string) => app.request(`/api/v1/${path}`)

  it('round-trips every column but the computed ones, and exports no drafts or contacts', async () => {
    const csv = await bytesOf(await exported('export/pilots.csv'))
    const text = textOf(csv)
    const json = await (await exported('export/pilots.json')).text()
    for (const body of [text, json]) {
      expect(body).not.toContain('@example.no')
      expect(body).not.toContain('eksempeldata@')
    }
    const drafts = await source.db
      .selectFrom('pilots')
      .select(['id', 'title'])
      .where('visibility', '=', 'draft')
      .execute()
    expect(drafts.length).toBeGreaterThan(0)
    for (const d of drafts) expect(text).not.toContain(d.id)

    target.actAs(asAdmin(target.oslo))
    const res = await importCsv(target, csv)
    expect(res.status, await res.clone().text()).toBe(201)
    const again = await bytesOf(await target.request('export/pilots.csv'))

    const before = rowsOf(csv)
    const after = rowsOf(again)
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id))
    const stages = new Set(before.map((r) => r.stage))
    for (const stage of ['adopted', 'concluded', 'discontinued']) expect(stages).toContain(stage)
    const computed = new Set<string>(COMPUTED_COLUMNS)
    const kept = EXPORT_COLUMNS.filter((c) => !computed.has(c))
    for (const [i, row] of before.entries()) {
      for (const column of kept) expect(after[i]?.[column], `${row.id} ${column}`).toBe(row[column])
    }
    // The computed columns are what an import cannot bring: evaluations and adoptions.
    expect(before.some((r) => Number(r.evaluationCount) > 0)).toBe(true)
    expect(before.some((r) => Number(r.adoptionsTotal) > 0)).toBe(true)
    for (const r of after) {
      expect([r.evaluationCount, r.bestEvidenceLevel, r.latestOutcome, r.adoptionsTotal]).toEqual([
        '0',
        '',
        '',
        '0',
      ])
    }
  })
})
