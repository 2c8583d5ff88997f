import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

type Item = {
  id: string
  title: string
  highlights?: {
    title: { text: string; match: boolean }[]
    summary: { text: string; match: boolean }[]
  }
}

describe.each(DIALECTS)('Norwegian search, facets and paging on %s', (dialect) => {
  let t: TestApp
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    t = await createTestApp(dialect)
    const pilots: [string, Record<string, unknown>][] = [
      [
        'home',
        {
          title: 'Digital hjemmeoppfølging av kronisk syke',
          summary: 'Pasienter måler blodtrykk hjemme og sykepleier følger opp.',
          serviceArea: 'health_care',
        },
      ],
      [
        'dispensers',
        {
          title: 'Medisindispensere i hjemmetjenesten',
          summary: 'Elektroniske dispensere varsler når en dose ikke er tatt.',
          serviceArea: 'health_care',
        },
      ],
      [
        'municipal',
        {
          title: 'Felles innkjøp for kommunene i regionen',
          summary: 'Ni kommuner samordner innkjøp av velferdsteknologi.',
          serviceArea: 'administration',
          innovationType: 'process',
        },
      ],
      [
        'reading',
        {
          title: 'Tidlig innsats i lesing',
          summary: 'Lesekurs i små grupper for elever som strever.',
          serviceArea: 'education',
          innovationType: 'process',
          hypothesis: 'Hvis elevene får lesekurs, så leser de bedre.',
        },
      ],
      [
        'chatbot',
        {
          title: 'Chatbot for innbyggerspørsmål',
          summary: 'En chatbot svarer på spørsmål om kommunens tjenester.',
          serviceArea: 'administration',
          innovationType: 'communication',
          tags: ['kunstig intelligens'],
        },
      ],
    ]
    for (const [key, body] of pilots) {
      const res = await t.request('pilots', {
        method: 'POST',
        json: pilotBody({ hypothesis: '', ...body }),
      })
      expect(res.status).toBe(201)
      ids[key] = (await res.json()).id
    }
    t.actAs(t.bergen)
    const bergen = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({
        title: 'Kommunal hjemmeoppfølging etter sykehusopphold',
        summary: 'Oppfølging i kommunen.',
        serviceArea: 'health_care',
      }),
    })
    ids.bergen = (await bergen.json()).id
    t.actAs(t.oslo)
  })
  afterAll(() => t.destroy())

  const search = async (query: string) => {
    const res = await t.request(`pilots?limit=100&${query}`)
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()).items as Item[]
  }
  const titles = async (q: string) => (await search(`q=${encodeURIComponent(q)}`)).map((p) => p.id)

  it('finds inflected Norwegian forms', async () => {
    // "kommunene" (the municipalities) and "kommuner" both stem to kommun.
    expect(await titles('kommune')).toEqual(expect.arrayContaining([ids.municipal, ids.chatbot]))
    expect(await titles('kommunene')).toContain(ids.municipal)
    expect(await titles('hjemmeoppfølgingen')).toEqual(
      expect.arrayContaining([ids.home, ids.bergen])
    )
    // "pasientene" (the patients) finds "Pasienter"; "elevene" finds "elever".
    expect(await titles('pasientene')).toEqual([ids.home])
    expect(await titles('elevene')).toEqual([ids.reading])
    expect(await titles('tjenestene')).toEqual(
      expect.arrayContaining([ids.chatbot, ids.dispensers])
    )
  })

  it('ranks a title match above a match in the rest of the text', async () => {
    const found = await titles('lesing')
    expect(found[0]).toBe(ids.reading)
    const tagged = await titles('intelligens')
    expect(tagged).toEqual([ids.chatbot])
  })

  it('matches the last word as a prefix while the user types', async () => {
    expect(await titles('hjemmeopp')).toEqual(expect.arrayContaining([ids.home, ids.bergen]))
    expect(await titles('medisindisp')).toEqual([ids.dispensers])
    expect(await titles('digital hjemme')).toEqual([ids.home])
  })

  it('tolerates a typo in a title', async () => {
    expect(await titles('medisindispensre')).toEqual([ids.dispensers])
    expect(await titles('hjemmeopfølging')).toEqual(expect.arrayContaining([ids.home, ids.bergen]))
  })

  it('finds nothing for a term that matches nothing', async () => {
    expect(await titles('romfartsteknologi')).toEqual([])
    expect(await titles('!!!')).toHaveLength(6)
  })

  it('highlights matches as plain-text segments', async () => {
    const hit = (await search(`q=${encodeURIComponent('kommunene')}`)).find(
      (p) => p.id === ids.municipal
    )
    const marked = hit?.highlights?.title.filter((s) => s.match).map((s) => s.text)
    expect(marked).toEqual(['kommunene'])
    expect(hit?.highlights?.title.map((s) => s.text).join('')).toBe(hit?.title)
  })

  it('makes each facet count equal the results when its value is chosen', async () => {
    for (const query of [
      '',
      'q=hjemmeoppfølging',
      'serviceArea=health_care',
      'q=kommune&innovationType=process',
    ]) {
      const facets = await (await t.request(`pilots/facets?${query}`)).json()
      expect(facets.total).toBe((await search(query)).length)
      for (const [dimension, counts] of Object.entries(facets.facets) as [
        string,
        { value: string; count: number }[],
      ][]) {
        for (const { value, count } of counts) {
          // Choosing a value of a facet: that value replaces any other of the same facet.
          const params = new URLSearchParams(query)
          params.set(dimension, value)
          const chosen = await search(params.toString())
          expect(chosen.length, `${query} ${dimension}=${value}`).toBe(count)
        }
      }
    }
    const all = await (await t.request('pilots/facets')).json()
    expect(all.facets.county).toEqual(
      expect.arrayContaining([
        { value: '03', label: 'Oslo', count: 5 },
        { value: '46', label: 'Vestland', count: 1 },
      ])
    )
    expect(
      all.facets.serviceArea.find((f: { value: string }) => f.value === 'health_care').count
    ).toBe(3)
  })

  it('pages through every result without skipping or repeating while pilots are added', async () => {
    for (const sort of ['relevance', 'updated', 'created', 'spread']) {
      const seen: string[] = []
      let cursor: string | null = null
      let page = 0
      do {
        const query: string = `pilots?q=${encodeURIComponent('hjemme')}&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`
        const body: { items: Item[]; nextCursor: string | null } = await (
          await t.request(query)
        ).json()
        seen.push(...body.items.map((p) => p.id))
        cursor = body.nextCursor
        const added = await t.request('pilots', {
          method: 'POST',
          json: pilotBody({
            title: `Hjemmebesøk ${sort} ${page++}`,
            summary: 'Nytt forsøk lagt til under blaingen.',
          }),
        })
        expect(added.status).toBe(201)
      } while (cursor)
      expect(new Set(seen).size, sort).toBe(seen.length)
      expect(seen, sort).toEqual(expect.arrayContaining([ids.home, ids.dispensers, ids.bergen]))
    }
  })

  it('refuses a cursor from another sort order', async () => {
    const first = await (await t.request('pilots?limit=1&sort=created')).json()
    const res = await t.request(`pilots?limit=1&sort=updated&cursor=${first.nextCursor}`)
    expect(res.status).toBe(400)
    expect((await res.json()).errors[0].field).toBe('cursor')
  })
})
