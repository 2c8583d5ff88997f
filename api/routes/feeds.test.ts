import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonb } from '../queries/sql.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

type Link = { '@_rel': string; '@_type': string; '@_href': string }
type Entry = {
  id: string
  title: { '#text': string; '@_type': string }
  updated: string
  published: string
  link: Link[]
  author: { name: string }
  category: { '@_term': string; '@_label': string }
  summary?: { '#text': string; '@_type': string }
}
type Feed = {
  '@_xmlns': string
  id: string
  title: { '#text': string }
  subtitle: { '#text': string }
  updated: string
  link: Link[]
  author: { name: string }
  generator: string
  rights: { '#text': string }
  entry: Entry[]
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  alwaysCreateTextNode: false,
  isArray: (name) => name === 'entry' || name === 'link',
})

const TRICKY_TITLE = `<script>alert("hei")</script> & 'sitat' «Tittel»`
const at = (day: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T08:00:00Z`)
const iso = (day: number) => at(day).toISOString()

describe.each(DIALECTS)('the Atom feed of pilots on %s', (dialect) => {
  let t: TestApp
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    t = await createTestApp(dialect)
    const create = async (day: number, body: Record<string, unknown>) => {
      t.setNow(at(day))
      const res = await t.request('pilots', { method: 'POST', json: pilotBody(body) })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()).id as string
    }
    const move = async (day: number, id: string, version: number, body: object) => {
      t.setNow(at(day))
      const res = await t.request(`pilots/${id}/transitions`, {
        method: 'POST',
        headers: { 'If-Match': `"${version}"` },
        json: body,
      })
      expect(res.status, await res.clone().text()).toBe(200)
    }
    ids.home = await create(1, { title: 'Digital hjemmeoppfølging av kronisk syke' })
    await move(2, ids.home, 1, { to: 'planned' })
    await move(3, ids.home, 2, { to: 'running', actualStart: '2026-03-03' })
    await move(4, ids.home, 3, { to: 'evaluating', actualEnd: '2026-03-04' })
    t.setNow(at(5))
    const evaluation = await t.request(`pilots/${ids.home}/evaluations`, {
      method: 'POST',
      json: {
        kind: 'final',
        method: 'before_after',
        evidenceLevel: 2,
        outcome: 'successful',
        summary: 'Færre innleggelser etter at oppfølgingen startet.',
        lessonsLearned: 'Opplæring først.',
      },
    })
    expect(evaluation.status, await evaluation.clone().text()).toBe(201)

    t.actAs(t.bergen)
    ids.dispensers = await create(6, {
      title: 'Medisindispensere i hjemmetjenesten',
      summary: 'Elektroniske dispensere varsler når en dose ikke er tatt.',
    })
    await move(7, ids.dispensers, 1, {
      to: 'discontinued',
      reason: 'Leverandøren gikk konkurs & avtalen ble hevet.',
    })

    t.actAs(t.oslo)
    ids.draft = await create(8, {
      title: 'Hemmelig utkast om hjemmeoppfølging',
      visibility: 'draft',
    })
    await move(9, ids.draft, 1, { to: 'planned' })
    ids.tricky = await create(10, {
      title: TRICKY_TITLE,
      summary: 'Linje én\r\nLinje to\u0007 med en bjelle',
    })
    t.setNow(null)
  })
  afterAll(() => t.destroy())

  const get = (query = '', headers: Record<string, string> = {}) =>
    t.request(`feeds/pilots.atom${query}`, { headers })
  const feedOf = async (query = '') => {
    const res = await get(query)
    const xml = await res.text()
    expect(res.status, xml).toBe(200)
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = parser.parse(xml).feed as Feed
    return { ...feed, entry: feed.entry ?? [], xml }
  }
  const titles = async (query = '') => (await feedOf(query)).entry.map((e) => e.title['#text'])

  it('is a well-formed Atom feed with the links, licence and headers of a public read', async () => {
    const res = await get()
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300')
    const feed = await feedOf()
    expect(feed.xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')).toBe(true)
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe('http://localhost/api/v1/feeds/pilots.atom')
    expect(feed.title['#text']).toBe('Forsøksregisteret')
    expect(feed.updated).toBe(iso(10))
    expect(feed.link).toEqual([
      {
        '@_rel': 'self',
        '@_type': 'application/atom+xml',
        '@_href': 'http://localhost/api/v1/feeds/pilots.atom',
      },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'http://localhost/sok' },
    ])
    expect(feed.generator).toBe('Forsøksregisteret')
    expect(feed.rights['#text']).toContain('NLOD')
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
      expect(entry.updated).toBe(entry.published)
      expect(entry.author.name).toMatch(/kommune$/)
    }
    expect(new Set(feed.entry.map((e) => e.id)).size).toBe(feed.entry.length)
  })

  it('tells of new pilots, stage changes and evaluations, newest first', async () => {
    const home = '«Digital hjemmeoppfølging av kronisk syke»'
    const feed = await feedOf()
    expect(feed.entry.map((e) => e.title['#text'])).toEqual([
      `Nytt forsøk: ${TRICKY_TITLE}`,
      '«Medisindispensere i hjemmetjenesten» gikk fra hypotese til avbrutt',
      'Nytt forsøk: Medisindispensere i hjemmetjenesten',
      `Ny sluttevaluering av ${home}: vellykket`,
      `${home} gikk fra gjennomføres til evalueres`,
      `${home} gikk fra planlagt til gjennomføres`,
      `${home} gikk fra hypotese til planlagt`,
      'Nytt forsøk: Digital hjemmeoppfølging av kronisk syke',
    ])
    expect(feed.entry.map((e) => e.updated)).toEqual([10, 7, 6, 5, 4, 3, 2, 1].map(iso))

    const [, stopped, created, evaluated, , started] = feed.entry
    expect(stopped?.summary?.['#text']).toBe('Leverandøren gikk konkurs & avtalen ble hevet.')
    expect(stopped?.category).toEqual({ '@_term': 'discontinued', '@_label': 'avbrutt' })
    expect(stopped?.author.name).toBe('Bergen kommune')
    expect(created?.summary?.['#text']).toBe(
      'Elektroniske dispensere varsler når en dose ikke er tatt.'
    )
    expect(created?.category['@_term']).toBe('hypothesis')
    expect(evaluated?.summary?.['#text']).toBe('Færre innleggelser etter at oppfølgingen startet.')
    expect(evaluated?.author.name).toBe('Oslo kommune')
    // The category is the stage the event left the pilot in, not the stage it is in now.
    expect(evaluated?.category['@_term']).toBe('evaluating')
    expect(started?.category['@_term']).toBe('running')
    expect(started?.link).toEqual([
      {
        '@_rel': 'alternate',
        '@_type': 'text/html',
        '@_href': `http://localhost/pilots/${ids.home}`,
      },
      {
        '@_rel': 'related',
        '@_type': 'application/json',
        '@_href': `http://localhost/api/v1/pilots/${ids.home}`,
      },
    ])
  })

  it('takes the same filters as the search', async () => {
    const inflected = await feedOf(`?q=${encodeURIComponent('hjemmeoppfølgingen')}`)
    expect(inflected.title['#text']).toBe('Forsøksregisteret – søk: hjemmeoppfølgingen')
    expect(inflected.entry).toHaveLength(5)
    expect(inflected.entry.every((e) => e.title['#text'].includes('hjemmeoppfølging'))).toBe(true)

    expect(await titles('?stage=discontinued')).toEqual([
      '«Medisindispensere i hjemmetjenesten» gikk fra hypotese til avbrutt',
      'Nytt forsøk: Medisindispensere i hjemmetjenesten',
    ])
    const bergen = await feedOf('?county=46')
    expect(bergen.title['#text']).toBe('Forsøksregisteret – fylke: Vestland')
    expect(bergen.entry.map((e) => e.author.name)).toEqual(['Bergen kommune', 'Bergen kommune'])
    const both = await feedOf('?county=03&stage=evaluating,hypothesis')
    expect(both.title['#text']).toBe('Forsøksregisteret – fase: evalueres, hypotese; fylke: Oslo')
    expect(both.entry).toHaveLength(6)

    const none = await feedOf(`?q=romfartsteknologi`)
    expect(none.entry).toEqual([])
    // With no entries the feed is as new as the newest published pilot.
    expect(none.updated).toBe(iso(10))
  })

  it('answers bad filter values with a 400 naming the parameter', async () => {
    const res = await get('?stage=done&county=3')
    expect(res.status).toBe(400)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    const problem = await res.json()
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'county',
      'stage',
    ])
  })

  it('never shows a draft, not even to its owner', async () => {
    for (const actor of [t.oslo, null]) {
      t.actAs(actor)
      const feed = await feedOf()
      expect(feed.xml).not.toContain('Hemmelig')
      expect(feed.xml).not.toContain(ids.draft)
      expect((await feedOf('?q=hemmelig')).entry).toEqual([])
    }
    t.actAs(t.oslo)
  })

  it('escapes markup and quotes, and drops characters XML cannot hold', async () => {
    const feed = await feedOf()
    expect(feed.xml).not.toContain('<script>')
    expect(feed.xml).toContain('&lt;script&gt;alert(&quot;hei&quot;)&lt;/script&gt; &amp; &apos;')
    const entry = feed.entry.find((e) => e.link[0]?.['@_href'].endsWith(ids.tricky ?? ''))
    expect(entry?.title['#text']).toBe(`Nytt forsøk: ${TRICKY_TITLE}`)
    expect(entry?.summary?.['#text']).toBe('Linje én\r\nLinje to med en bjelle')
    expect(feed.xml).not.toContain('\u0007')

    const searched = await feedOf(`?q=${encodeURIComponent('"sitat" & <b>')}`)
    expect(searched.title['#text']).toBe('Forsøksregisteret – søk: "sitat" & <b>')
    expect(searched.id).toBe(
      'http://localhost/api/v1/feeds/pilots.atom?q=%22sitat%22%20%26%20%3Cb%3E'
    )
  })

  it('is one feed per search, whatever the order of its parameters', async () => {
    const a = await feedOf('?stage=running,planned&q=hjemme&county=03')
    const b = await feedOf('?county=03&q=hjemme&stage=planned&stage=running&limit=5')
    const c = await feedOf('?q=hjemme')
    expect(a.id).toBe(
      'http://localhost/api/v1/feeds/pilots.atom?county=03&q=hjemme&stage=planned,running'
    )
    expect(b.id).toBe(a.id)
    expect(a.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(a.id)
    expect(a.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(
      'http://localhost/sok?county=03&q=hjemme&stage=planned,running'
    )
    expect(c.id).not.toBe(a.id)
    expect(b.xml).toBe(a.xml)
  })

  it('gives the same bytes at another time, so If-None-Match gets a 304', async () => {
    t.setNow(new Date('2026-06-01T12:00:00Z'))
    const first = await get()
    const etag = first.headers.get('ETag') ?? ''
    expect(etag).toMatch(/^W\/"/)
    t.setNow(new Date('2026-06-02T12:00:00Z'))
    const again = await get('', { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(again.headers.get('Cache-Control')).toBe('public, max-age=300')
    expect((await get('?q=hjemme', { 'If-None-Match': etag })).status).toBe(200)
    t.setNow(null)
  })

  it('holds at most the latest 50 entries, by time and then id', async () => {
    // Sixty stage changes straight into the log, two at each instant, to test the order of ties.
    await t.db
      .insertInto('events')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          pilot_id: ids.home as string,
          adoption_id: null,
          version: 100 + i,
          type: 'stage_changed' as const,
          actor_user_id: t.oslo.userId,
          actor_org_id: t.oslo.organisationId,
          at: new Date(Date.UTC(2026, 3, 1, 0, Math.floor(i / 2))),
          diff: jsonb({ stage: { from: 'evaluating', to: 'running' } }),
          data: jsonb({ reason: `Forlenget ${i}` }),
        }))
      )
      .execute()
    const feed = await feedOf()
    expect(feed.entry).toHaveLength(50)
    expect(feed.updated).toBe('2026-04-01T00:29:00.000Z')
    const keys = feed.entry.map((e) => [e.updated, e.id] as const)
    const sorted = [...keys].sort(([a, x], [b, y]) => (a === b ? (x < y ? 1 : -1) : a < b ? 1 : -1))
    expect(keys).toEqual(sorted)
    expect(new Set(feed.entry.map((e) => e.summary?.['#text']))).not.toContain('Forlenget 9')
  })
})
