import { readFile } from 'node:fs/promises'
import jsonld from 'jsonld'
import { DataFactory, Parser, type Quad, Store } from 'n3'
import { isomorphic } from 'rdf-isomorphic'
import SHACLValidator from 'rdf-validate-shacl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSampleData } from '../../seeds/sample.ts'
import { createApp } from '../app.ts'
import { type Curie, expand } from '../catalog/rdf.ts'
import { createLogger } from '../logger.ts'
import {
  createTestApp,
  createTestDatabase,
  DIALECTS,
  type TestApp,
  type TestDatabase,
} from '../test/harness.ts'

// The official DCAT-AP-NO 2 shapes are read from ../shared beside the checkout (CI has it there)
// rather than copied, so the test always uses the version data.norge.no validates with.
const SHAPES_DIR = new URL('../../../shared/data/dcat-ap-no/', import.meta.url)
const ORIGIN = 'https://forsok.example.no'
const CATALOG_URL = `${ORIGIN}/api/v1/catalog`

const { namedNode } = DataFactory
const node = (curie: Curie) => namedNode(expand(curie))

async function readShapes(): Promise<Store> {
  const shapes = new Store()
  for (const file of ['DCAT-AP-NO-shacl_shapes_2.00.ttl', 'ontologies.ttl']) {
    shapes.addQuads(new Parser().parse(await readFile(new URL(file, SHAPES_DIR), 'utf8')))
  }
  return shapes
}
let shapes: Promise<Store> | undefined
const officialShapes = () => {
  shapes ??= readShapes()
  return shapes
}

async function validate(quads: Quad[]) {
  const validator = new SHACLValidator(await officialShapes(), {
    // ontologies.ttl imports remote ontologies (org, regorg, vcard, the EU licence table). The test
    // runs offline and needs none of them: every class the catalogue uses is stated in the graph.
    importGraph: () => new Store(),
  })
  const report = await validator.validate(new Store(quads))
  const results = report.results.map(
    (r) =>
      `${r.severity?.value.split('#')[1]} ${r.focusNode?.value} ${r.path?.value ?? ''}: ${
        r.message.map((m) => m.value).join('; ') || r.sourceConstraintComponent?.value
      }`
  )
  return { conforms: report.conforms, results }
}

const parseTurtle = (turtle: string) => new Parser({ format: 'text/turtle' }).parse(turtle)

async function parseJsonLd(doc: unknown): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    // The context is inline; a request for a remote one is a bug.
    documentLoader: (url) => Promise.reject(new Error(`The catalogue made jsonld fetch ${url}`)),
  })) as unknown as string
  return new Parser({ format: 'application/n-quads' }).parse(nquads)
}

type App = ReturnType<typeof createApp>

async function getCatalog(app: App, accept?: string) {
  return app.request(CATALOG_URL, { headers: accept ? { Accept: accept } : {} })
}

// The sample data brings its own organisations, so it goes into a database without the
// harness's fixtures, read through an app of its own, anonymously.
const anonymousApp = (db: TestDatabase['db']) =>
  createApp({
    db,
    config: { bodyLimit: 1_000_000, env: 'test', session: { idleMinutes: 30, maxHours: 12 } },
    logger: createLogger({ logLevel: 'silent' }),
    resolveActor: async () => null,
  })

describe.each(DIALECTS)('the DCAT-AP-NO catalogue (%s)', (dialect) => {
  let test: TestDatabase
  let app: App
  let emptyRegistry: Quad[]
  let turtle: Quad[]
  let fromJsonLd: Quad[]
  let store: Store

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    app = anonymousApp(test.db)
    emptyRegistry = parseTurtle(await (await getCatalog(app, 'text/turtle')).text())
    await loadSampleData(test.db)
    // A draft changed after everything else must not date the published data set.
    await test.db
      .updateTable('pilots')
      .set({ visibility: 'draft', updated_at: new Date('2099-01-01T00:00:00Z') })
      .where('id', '=', (eb) => eb.selectFrom('pilots').select('id').orderBy('id').limit(1))
      .execute()
    turtle = parseTurtle(await (await getCatalog(app, 'text/turtle')).text())
    fromJsonLd = await parseJsonLd(await (await getCatalog(app)).json())
    store = new Store(turtle)
  }, 60_000)
  afterAll(() => test.destroy())

  it('passes the official shapes with zero results, as Turtle and as JSON-LD', async () => {
    for (const quads of [turtle, fromJsonLd, emptyRegistry]) {
      const { conforms, results } = await validate(quads)
      expect(results).toEqual([])
      expect(conforms).toBe(true)
    }
  })

  it('says the same thing in Turtle and in JSON-LD', () => {
    expect(fromJsonLd.length).toBe(turtle.length)
    expect(turtle.length).toBeGreaterThan(100)
    expect(isomorphic(fromJsonLd, turtle)).toBe(true)
  })

  it.each([
    ['dcat:Catalog', 'dct:publisher'],
    ['dcat:Catalog', 'dct:title'],
    ['dcat:Dataset', 'dcat:theme'],
    ['dcat:Dataset', 'dct:description'],
    ['dcat:Distribution', 'dcat:accessURL'],
    ['dcat:DataService', 'dcat:endpointURL'],
  ] as [Curie, Curie][])(
    'fails the shapes when a %s lacks its mandatory %s',
    async (type, property) => {
      const [subject] = store.getSubjects(node('rdf:type'), node(type), null)
      const removed = store.getQuads(subject ?? null, node(property), null, null)
      expect(removed.length).toBeGreaterThan(0)
      const crippled = turtle.filter((q) => !removed.some((r) => r.equals(q)))
      const { conforms, results } = await validate(crippled)
      expect(conforms).toBe(false)
      expect(results.join('\n')).toContain(`Violation ${subject?.value} ${expand(property)}`)
    }
  )

  it('fails the shapes when a controlled term is not from its vocabulary', async () => {
    const frequency = node('dct:accrualPeriodicity')
    const [term] = store.getObjects(null, frequency, null)
    const crippled = turtle.filter(
      (q) => !(term && q.subject.equals(term) && q.predicate.equals(node('skos:inScheme')))
    )
    const { conforms, results } = await validate(crippled)
    expect(conforms).toBe(false)
    expect(results.join('\n')).toContain(
      `${expand('dct:accrualPeriodicity')}: dct:accrualPeriodicity skal ha verdi hentet`
    )
  })

  it('describes the data set: publisher, licence, theme, frequency, files and API', () => {
    const [dataset] = store.getSubjects(node('rdf:type'), node('dcat:Dataset'), null)
    const values = (subject: string | undefined, property: Curie) =>
      store.getObjects(subject ?? null, node(property), null).map((o) => o.value)

    expect(values(CATALOG_URL, 'dct:publisher')).toEqual([
      'https://data.brreg.no/enhetsregisteret/api/enheter/991825827',
    ])
    expect(
      values('https://data.brreg.no/enhetsregisteret/api/enheter/991825827', 'dct:identifier')
    ).toEqual(['991825827'])
    expect(values(dataset?.value, 'dcat:theme')).toEqual([
      'http://publications.europa.eu/resource/authority/data-theme/GOVE',
    ])
    expect(values(dataset?.value, 'dct:accrualPeriodicity')).toEqual([
      'http://publications.europa.eu/resource/authority/frequency/CONT',
    ])
    const distributions = values(dataset?.value, 'dcat:distribution')
    expect(distributions.flatMap((d) => values(d, 'dcat:downloadURL')).sort()).toEqual([
      `${ORIGIN}/api/v1/export/pilots.csv`,
      `${ORIGIN}/api/v1/export/pilots.json`,
    ])
    expect(distributions.flatMap((d) => values(d, 'dcat:mediaType')).sort()).toEqual([
      'https://www.iana.org/assignments/media-types/application/json',
      'https://www.iana.org/assignments/media-types/text/csv',
    ])
    for (const d of distributions) {
      expect(values(d, 'dct:license')).toEqual([
        'http://publications.europa.eu/resource/authority/licence/NLOD_2_0',
      ])
    }
    const titles = store.getObjects(dataset ?? null, node('dct:title'), null)
    expect(titles.map((l) => (l.termType === 'Literal' ? l.language : '')).sort()).toEqual([
      'en',
      'nb',
    ])
  })

  it('points the data service at the API and its OpenAPI document', async () => {
    const [service] = store.getSubjects(node('rdf:type'), node('dcat:DataService'), null)
    const values = (property: Curie) =>
      store.getObjects(service ?? null, node(property), null).map((o) => o.value)
    expect(values('dcat:endpointURL')).toEqual([`${ORIGIN}/api/v1`])
    expect(values('dcat:endpointDescription')).toEqual([`${ORIGIN}/api/v1/openapi.json`])
    const description = await app.request(values('dcat:endpointDescription')[0] ?? '')
    expect(description.status).toBe(200)
    expect((await description.json()).openapi).toBe('3.1.0')
  })

  it('dates the data set by its published pilots', async () => {
    const row = await test.db
      .selectFrom('pilots')
      .where('visibility', '=', 'published')
      .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('updated_at').as('last')])
      .executeTakeFirstOrThrow()
    const [dataset] = store.getSubjects(node('rdf:type'), node('dcat:Dataset'), null)
    const date = (property: Curie) => store.getObjects(dataset ?? null, node(property), null)[0]
    expect(date('dct:issued')?.value).toBe(new Date(row.first as Date).toISOString())
    expect(date('dct:modified')?.value).toBe(new Date(row.last as Date).toISOString())
    expect(date('dct:modified')?.value).not.toContain('2099')
    expect(date('dct:modified')?.termType === 'Literal' && date('dct:modified')).toMatchObject({
      datatype: { value: expand('xsd:dateTime') },
    })
    // Before anything is published there is nothing to date.
    expect(emptyRegistry.some((q) => q.predicate.equals(node('dct:modified')))).toBe(false)
  })
})

describe('content negotiation for the catalogue', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('pglite')
  })
  afterAll(() => t.destroy())

  it.each([
    [undefined, 'application/ld+json'],
    ['*/*', 'application/ld+json'],
    ['application/ld+json', 'application/ld+json'],
    ['application/json', 'application/json'],
    ['text/turtle', 'text/turtle; charset=utf-8'],
    ['text/*', 'text/turtle; charset=utf-8'],
    ['application/ld+json;q=0.5, text/turtle', 'text/turtle; charset=utf-8'],
    ['text/turtle;q=0.5, application/*', 'application/ld+json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/ld+json'],
  ])('Accept: %s gets %s', async (accept, contentType) => {
    const res = await getCatalog(t.app, accept)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe(contentType)
    expect(res.headers.get('Vary')).toBe('Accept')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300')
    const body = await res.text()
    if (contentType.startsWith('text/turtle')) expect(body).toContain('a dcat:Catalog')
    else expect(JSON.parse(body)['@context'].dcat).toBe('http://www.w3.org/ns/dcat#')
  })

  it.each(['text/html', 'application/xml', 'text/turtle;q=0, application/*;q=0, */*'])(
    'Accept: %s gets 406 problem+json',
    async (accept) => {
      const res = await getCatalog(t.app, accept)
      expect(res.status).toBe(406)
      expect(res.headers.get('Content-Type')).toBe('application/problem+json')
      expect(res.headers.get('Vary')).toBe('Accept')
      expect((await res.json()).code).toBe('not_acceptable')
    }
  )

  it('builds its IRIs on the origin it is asked on', async () => {
    const res = await t.request('catalog', { headers: { Accept: 'text/turtle' } })
    expect(await res.text()).toContain('<http://localhost/api/v1/catalog> a dcat:Catalog')
  })
})
