import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, type TestApp } from '../api/test/harness.ts'
import { STAGES } from '../schema/enums.ts'
import { mulberry32, zipf } from './prng.ts'
import { generateBatch, type ScaleContext } from './scale.ts'
import { loadScaleData } from './scale-load.ts'
import { VOCABULARY } from './scale-text.ts'

const CONTEXT: ScaleContext = {
  seed: 7,
  userId: '00000000-0000-4000-8000-000000000001',
  municipalities: Array.from({ length: 30 }, (_, i) => `m${i}`),
  agencies: ['a0', 'a1'],
}

describe('the scale generator', () => {
  it('gives the same rows for the same seed, whatever the batch size', () => {
    const whole = generateBatch(CONTEXT, 0, 50)
    const first = generateBatch(CONTEXT, 0, 17)
    const rest = generateBatch(CONTEXT, 17, 50)
    for (const table of Object.keys(whole) as (keyof typeof whole)[])
      expect(JSON.stringify([...first[table], ...rest[table]]), table).toBe(
        JSON.stringify(whole[table])
      )
    expect(JSON.stringify(generateBatch({ ...CONTEXT, seed: 8 }, 0, 50).pilots)).not.toBe(
      JSON.stringify(whole.pilots)
    )
  })

  it('draws words with a skewed distribution: a few are everywhere, most are rare', () => {
    const draw = zipf(VOCABULARY.length, 1.07)
    const random = mulberry32(1)
    const counts = new Array<number>(VOCABULARY.length).fill(0)
    for (let i = 0; i < 100_000; i++) {
      const k = draw(random)
      counts[k] = (counts[k] ?? 0) + 1
    }
    const sorted = [...counts].sort((a, b) => b - a)
    const top10 = sorted.slice(0, 10).reduce((a, b) => a + b, 0)
    // The ten most common words make up a fifth or more of the text; over half the words are rare.
    expect(top10).toBeGreaterThan(20_000)
    expect(counts.filter((c) => c < 50).length).toBeGreaterThan(VOCABULARY.length / 2)
  })

  it('refuses a number of pilots that is not a positive whole number', async () => {
    await expect(loadScaleData({} as never, { pilots: 0 })).rejects.toThrow(/whole number/)
  })
})

describe.each(DIALECTS)('generated data at small scale on %s', (dialect) => {
  const N = 60
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
    await loadScaleData(t.db, { pilots: N, seed: 3, batchSize: 25, copyUrl: t.url })
  })
  afterAll(() => t.destroy())

  const rows = async <R>(query: ReturnType<typeof sql<R>>) => (await query.execute(t.db)).rows

  it('loads every pilot with children, and refuses to load the same seed twice', async () => {
    const [counts] = await rows(sql<Record<string, string>>`select
      (select count(*) from pilots) as pilots, (select count(*) from metrics) as metrics,
      (select count(*) from evaluations) as evaluations, (select count(*) from events) as events,
      (select count(*) from adoptions) as adoptions, (select count(*) from benefits) as benefits,
      (select count(distinct stage) from pilots) as stages`)
    expect(Number(counts?.pilots)).toBe(N)
    for (const table of ['metrics', 'evaluations', 'events', 'adoptions', 'benefits'])
      expect(Number(counts?.[table]), table).toBeGreaterThan(0)
    expect(Number(counts?.stages)).toBe(STAGES.length)
    await expect(loadScaleData(t.db, { pilots: 1, seed: 3, copyUrl: t.url })).rejects.toThrow(
      /already here/
    )
  })

  it('keeps the invariants the API relies on', async () => {
    // The version is the number of the record's own events, on pilots and on adoptions.
    expect(
      await rows(sql`select id from pilots p where version <>
        (select count(*) from events e where e.pilot_id = p.id and e.adoption_id is null)`)
    ).toEqual([])
    expect(
      await rows(sql`select id from adoptions a where version <>
        (select count(*) from events e where e.adoption_id = a.id)`)
    ).toEqual([])
    // Versions run 1..n without gaps.
    expect(
      await rows(sql`select pilot_id from events where adoption_id is null group by pilot_id
        having max(version) <> count(*) or min(version) <> 1`)
    ).toEqual([])
    // The stage is the one the last stage change moved to (or hypothesis, with none).
    expect(
      await rows(sql`select p.id from pilots p where p.stage <> coalesce((select e.diff->'stage'->>'to'
        from events e where e.pilot_id = p.id and e.adoption_id is null and e.type = 'stage_changed'
        order by e.version desc limit 1), 'hypothesis')`)
    ).toEqual([])
    // Concluded pilots have a final evaluation recorded before they concluded.
    expect(
      await rows(sql`select p.id from pilots p where p.stage in ('concluded', 'adopted') and not exists
        (select 1 from evaluations v where v.pilot_id = p.id and v.kind <> 'interim'
          and v.created_at <= p.stage_changed_at)`)
    ).toEqual([])
    // Adopters are never the owner, adopt only published pilots, and learn within the pilot.
    expect(
      await rows(sql`select a.id from adoptions a join pilots p on p.id = a.pilot_id
        left join adoptions l on l.id = a.learned_from_adoption_id
        where a.organisation_id = p.owner_org_id or p.visibility <> 'published'
          or (l.id is not null and (l.pilot_id <> a.pilot_id or l.created_at > a.created_at))`)
    ).toEqual([])
    // The stays in each stage that the pipeline statistics read are the event log's, replayed.
    const replayed = sql`select pilot_id, version, stage, entered_at, left_at,
        row_number() over (partition by pilot_id, stage order by version) as visit
      from (select pilot_id, version, at as entered_at,
          case when type = 'pilot_created' then 'hypothesis' else diff->'stage'->>'to' end as stage,
          lead(at) over (partition by pilot_id order by version) as left_at
        from events where adoption_id is null and type in ('pilot_created', 'stage_changed')) m`
    const kept = sql`select pilot_id, version, stage, entered_at, left_at, visit from stage_stays`
    expect(
      await rows(sql`(${replayed} except ${kept}) union all (${kept} except ${replayed})`)
    ).toEqual([])
    // The full-text document is there for every pilot.
    expect(await rows(sql`select id from pilots where search is null or search = ''`)).toEqual([])
    // Nothing happens after the generator's fixed today.
    expect(
      await rows(sql`select id from events where at > timestamptz '2026-11-02T00:00:00Z'`)
    ).toEqual([])
  })

  it('serves the generated pilots, their events and lineage through the API', async () => {
    t.actAs(null)
    const list = await (await t.request('pilots?limit=100')).json()
    expect(list.items.length).toBeGreaterThan(N / 2)
    const [adopted] = await rows(
      sql<{
        pilot_id: string
      }>`select pilot_id from adoptions group by pilot_id order by count(*) desc limit 1`
    )
    const id = adopted?.pilot_id as string
    const pilot = await t.request(`pilots/${id}`)
    expect(pilot.status).toBe(200)
    const body = await pilot.json()
    expect(body.sample).toBe(true)
    const events = await (await t.request(`pilots/${id}/events`)).json()
    expect(events.items.map((e: { version: number }) => e.version)).toEqual(
      events.items.map((_: unknown, i: number) => i + 1)
    )
    const lineage = await t.request(`pilots/${id}/lineage`)
    expect(lineage.status).toBe(200)
    expect(JSON.stringify(await lineage.json())).toContain(id)
  })

  it('finds a pilot by a rare term in its title', async () => {
    const published = generateBatch(
      { seed: 3, userId: '', municipalities: ['x', 'y'], agencies: [] },
      0,
      N
    ).pilots.filter((p) => p.visibility === 'published')
    // A word that appears in exactly one published pilot's title, and nowhere else in any pilot.
    const text = (p: Record<string, unknown>) =>
      [p.title, p.summary, p.problem, p.hypothesis, p.evaluation_plan, ...(p.tags as string[])]
        .join(' ')
        .toLowerCase()
    const all = published
      .map(text)
      .join(' ')
      .split(/[^a-zæøå]+/)
    const rare = VOCABULARY.slice(200).find(
      (w) =>
        all.filter((x) => x === w).length === 1 &&
        published.some((p) =>
          String(p.title)
            .toLowerCase()
            .split(/[^a-zæøå]+/)
            .includes(w)
        )
    )
    expect(rare).toBeDefined()
    const owner = published.find((p) =>
      String(p.title)
        .toLowerCase()
        .includes(rare as string)
    )
    const found = await (await t.request(`pilots?q=${encodeURIComponent(rare as string)}`)).json()
    expect(found.items.map((p: { id: string }) => p.id)).toContain(owner?.id)
    expect(found.items.length).toBeLessThan(5)
  })
})
