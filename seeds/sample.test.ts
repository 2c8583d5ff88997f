import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../api/db.ts'
import { lineageOf } from '../api/queries/adoptions.ts'
import { findPilot } from '../api/queries/pilots.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../api/test/harness.ts'
import {
  EVALUATION_METHODS,
  INNOVATION_TYPES,
  LEGAL_BASES,
  OUTCOMES,
  SERVICE_AREAS,
  STAGES,
} from '../schema/enums.ts'
import { isValidOrgNumber } from '../schema/org-number.ts'
import { MUNICIPAL_ORGANISATIONS } from './municipal-organisations.ts'
import { REAL_ORGANISATIONS, realOrganisation } from './organisations.ts'
import { readMunicipalities } from './reference.ts'
import { loadSampleData, sampleSet } from './sample.ts'
import { SAMPLE_TODAY } from './sample-generated.ts'
import { sampleOrganisations } from './sample-organisations.ts'

const { pilots, adoptions } = sampleSet()
const finalStage = (p: (typeof pilots)[number]) => p.steps.at(-1)?.to ?? 'hypothesis'

describe('the sample data set', () => {
  it('uses only real organisation numbers (mod 11) and 2024 municipality numbers', () => {
    const municipalities = new Map(readMunicipalities().map((m) => [m.number, m]))
    for (const org of [...sampleOrganisations, ...REAL_ORGANISATIONS]) {
      expect(isValidOrgNumber(org.orgNumber), org.name).toBe(true)
      if (org.municipalityNumber)
        expect(municipalities.has(org.municipalityNumber), org.name).toBe(true)
    }
    // One number per municipality, and the hand-written organisations agree with the list.
    expect(new Set(MUNICIPAL_ORGANISATIONS.map(([n]) => n)).size).toBe(
      MUNICIPAL_ORGANISATIONS.length
    )
    expect(new Set(MUNICIPAL_ORGANISATIONS.map(([, m]) => m)).size).toBe(
      MUNICIPAL_ORGANISATIONS.length
    )
    for (const org of sampleOrganisations.filter((o) => o.kind === 'municipality'))
      expect(realOrganisation(org.orgNumber).municipalityNumber, org.name).toBe(
        org.municipalityNumber
      )
    // A municipality's name in the list is the 2024 name of its municipality number.
    for (const [, number, name] of MUNICIPAL_ORGANISATIONS)
      expect(municipalities.get(number)?.name.split(' - '), name).toContain(
        name.replace(/ kommune$/, '')
      )
  })

  it('covers every stage, outcome, service area, innovation type, legal basis and county', () => {
    expect(pilots.length).toBeGreaterThanOrEqual(60)
    expect(new Set(pilots.map((p) => p.id)).size).toBe(pilots.length)
    expect(new Set(pilots.map(finalStage))).toEqual(new Set(STAGES))
    const outcomes = pilots.flatMap((p) => (p.evaluations ?? []).flatMap((e) => e.outcome ?? []))
    expect(new Set(outcomes)).toEqual(new Set(OUTCOMES))
    expect(new Set(pilots.map((p) => p.pilot.serviceArea))).toEqual(new Set(SERVICE_AREAS))
    expect(new Set(pilots.map((p) => p.pilot.innovationType))).toEqual(new Set(INNOVATION_TYPES))
    expect(new Set(pilots.map((p) => p.pilot.legalBasis?.kind))).toEqual(new Set(LEGAL_BASES))
    const owners = pilots.map((p) => realOrganisation(p.ownerOrgNumber))
    const counties = new Set(readMunicipalities().map((m) => m.countyNumber))
    expect(
      new Set(owners.filter((o) => o.kind === 'municipality').map((o) => o.countyNumber))
    ).toEqual(counties)
    expect(new Set(owners.map((o) => o.kind))).toEqual(
      new Set(['municipality', 'state_agency', 'health_trust', 'county'])
    )
    // Small municipalities as well as the cities.
    expect(owners.some((o) => o.name === 'Kautokeino kommune')).toBe(true)
    expect(owners.some((o) => o.name === 'Oslo kommune')).toBe(true)
  })

  it('has evaluations of every method and evidence level, amendments and benefits', () => {
    const evaluations = pilots.flatMap((p) => p.evaluations ?? [])
    expect(new Set(evaluations.map((e) => e.method))).toEqual(new Set(EVALUATION_METHODS))
    expect(new Set(evaluations.map((e) => e.evidenceLevel))).toEqual(new Set([1, 2, 3, 4, 5]))
    expect(new Set(evaluations.map((e) => e.kind))).toEqual(
      new Set(['interim', 'final', 'external'])
    )
    expect(pilots.filter((p) => p.amendments?.length).length).toBeGreaterThanOrEqual(5)
    const benefits = pilots.flatMap((p) => p.benefits ?? [])
    expect(new Set(benefits.map((b) => b.bearer)).size).toBeGreaterThanOrEqual(4)
    expect(new Set(benefits.map((b) => b.beneficiary)).size).toBeGreaterThanOrEqual(4)
  })

  it('spreads to many municipalities, slowly at first and then by imitation', () => {
    expect(adoptions.length).toBeGreaterThanOrEqual(200)
    const adopters = new Set(adoptions.map((a) => a.orgNumber))
    expect(
      [...adopters].filter((n) => realOrganisation(n).kind === 'municipality').length
    ).toBeGreaterThanOrEqual(120)
    // The most copied pilot: split the time from its conclusion until today in three; the first
    // third is the slowest (a slow start), and most adopters learned it from another adopter.
    const byPilot = new Map<string, typeof adoptions>()
    for (const a of adoptions) byPilot.set(a.pilotId, [...(byPilot.get(a.pilotId) ?? []), a])
    const [pilotId, most] = [...byPilot].sort((a, b) => b[1].length - a[1].length)[0] ?? []
    const concluded = pilots.find((p) => p.id === pilotId)?.steps.find((s) => s.to === 'concluded')
    const first = Date.parse(concluded?.on ?? '')
    const third = (Date.parse(SAMPLE_TODAY) - first) / 3
    const days = (most ?? []).map((a) => Date.parse(a.interestedOn ?? ''))
    const counts = [0, 1, 2].map(
      (k) => days.filter((d) => d >= first + k * third && d < first + (k + 1) * third + 1).length
    )
    expect(days.length).toBeGreaterThanOrEqual(20)
    expect(counts[0]).toBeLessThan(counts[1] as number)
    expect((most ?? []).filter((a) => a.learnedFrom).length).toBeGreaterThan(
      (most ?? []).length / 2
    )
  })
})

describe.each(DIALECTS)('loading the sample data on %s', (dialect) => {
  let test: TestDatabase
  let loaded: Awaited<ReturnType<typeof loadSampleData>>
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    loaded = await loadSampleData(test.db)
  })
  afterAll(() => test.destroy())

  it('loads through the lifecycle, marked as sample, once', async () => {
    expect(loaded).toEqual({
      loaded: true,
      organisations: expect.any(Number),
      pilots: pilots.length,
      adoptions: adoptions.length,
    })
    expect((await loadSampleData(test.db)).loaded).toBe(false)

    const rows = await test.db
      .selectFrom('pilots')
      .select(['id', 'stage', 'version', 'sample', 'outcome'])
      .execute()
    expect(rows).toHaveLength(pilots.length)
    expect(rows.every((p) => p.sample)).toBe(true)
    expect(new Set(rows.map((p) => p.stage))).toEqual(new Set(STAGES))
    const count = async (
      table: 'benefits' | 'evaluation_results' | 'evaluation_factors' | 'adoptions'
    ) =>
      Number(
        (
          await test.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )
    expect(await count('benefits')).toBeGreaterThanOrEqual(60)
    expect(await count('adoptions')).toBe(adoptions.length)
    const lineage = await lineageOf(test.db, '5a000000-0000-4000-8000-000000000001')
    expect(Math.max(...lineage.map((n) => n.depth))).toBe(4)
    const stuck = await findPilot(
      test.db,
      '5a000000-0000-4000-8000-000000000002',
      null,
      new Date('2026-11-22T12:00:00Z')
    )
    expect(stuck?.flags).toEqual(['stuck_success'])
    expect(await count('evaluation_results')).toBeGreaterThanOrEqual(100)
    expect(await count('evaluation_factors')).toBeGreaterThanOrEqual(40)

    // Amendments went through the lifecycle's rule: after the trial started, with a reason.
    const amended = await sql<{ n: string }>`select count(*) as n from events
      where type = 'pilot_amended' and data->>'amendmentReason' is not null`.execute(test.db)
    expect(Number(amended.rows[0]?.n)).toBeGreaterThanOrEqual(5)
    // Lineage chains at least four deep on the generated pilots too.
    const deepest = await sql<{ depth: number }>`with recursive chain as (
        select id, 1 as depth from adoptions where learned_from_adoption_id is null
        union all select a.id, c.depth + 1 from adoptions a join chain c on a.learned_from_adoption_id = c.id)
      select max(depth) as depth from chain`.execute(test.db)
    expect(Number(deepest.rows[0]?.depth)).toBeGreaterThanOrEqual(5)

    const events = await test.db
      .selectFrom('events')
      .select(['pilot_id', 'version', 'type', 'diff'])
      .where('adoption_id', 'is', null)
      .orderBy('pilot_id')
      .orderBy('version')
      .execute()
    for (const pilot of rows) {
      const own = events.filter((e) => e.pilot_id === pilot.id)
      // Every write left one event: the version is the number of events, and the stage is the last one moved to.
      expect(own.map((e) => e.version)).toEqual(own.map((_, i) => i + 1))
      expect(pilot.version).toBe(own.length)
      const lastMove = own.filter((e) => e.type === 'stage_changed').at(-1)
      expect(pilot.stage).toBe((lastMove?.diff.stage?.to as string | undefined) ?? 'hypothesis')
    }
  })
})

/**
 * A checksum of every table's content. Ids the database draws at random (gen_random_uuid) are
 * replaced by what identifies the row (a metric by its pilot and name, an adoption by its pilot and
 * organisation, ...), wherever they appear, also inside event diffs. Left out, with the reason:
 * users.password_hash (argon2 draws a fresh salt for every hash, by design), and the time stamps
 * that the real write functions take from the database's clock rather than from their caller:
 * organisations' created_at/updated_at (createOrganisation) and metrics' created_at (insertMetrics).
 */
async function checksums(db: Db): Promise<Record<string, string>> {
  const keys = new Map<string, string>()
  const mapping = await sql<{ id: string; key: string }>`
    select id::text, 'user:' || email as key from users
    union all select id::text, 'metric:' || pilot_id || ':' || name from metrics
    union all select id::text, 'evaluation:' || pilot_id || ':' || kind || ':' || to_json(created_at)::text from evaluations
    union all select id::text, 'adoption:' || pilot_id || ':' || organisation_id from adoptions
    union all select b.id::text, 'benefit:' || b.pilot_id || ':' || coalesce(a.organisation_id::text, '') || ':' || b.position
      from benefits b left join adoptions a on a.id = b.adoption_id
    union all select e.id::text, 'event:' || e.pilot_id || ':' || coalesce(a.organisation_id::text, '') || ':' || e.version
      from events e left join adoptions a on a.id = e.adoption_id`.execute(db)
  for (const { id, key } of mapping.rows) keys.set(id, key)
  const canonical = (text: string) =>
    text.replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
      (u) => keys.get(u) ?? u
    )
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db)
  const left: Record<string, string[]> = {
    users: ['password_hash'],
    organisations: ['created_at', 'updated_at'],
    metrics: ['created_at'],
  }
  const sums: Record<string, string> = {}
  for (const { table_name } of tables.rows) {
    const drop = (left[table_name] ?? []).map((c) => ` - '${c}'`).join('')
    const rows = await sql<{ row: string }>`select (to_jsonb(t)${sql.raw(drop)})::text as row
      from ${sql.table(table_name)} t`.execute(db)
    const lines = rows.rows.map((r) => canonical(r.row)).sort()
    sums[table_name] =
      `${lines.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`
  }
  return sums
}

describe.each(DIALECTS)('determinism on %s', (dialect) => {
  let first: TestDatabase
  let second: TestDatabase
  beforeAll(async () => {
    first = await createTestDatabase(dialect)
    second = await createTestDatabase(dialect)
    await loadSampleData(first.db)
    await loadSampleData(second.db)
  })
  afterAll(async () => {
    await first.destroy()
    await second.destroy()
  })

  it('gives identical data in two fresh databases (a checksum of every table)', async () => {
    const a = await checksums(first.db)
    const b = await checksums(second.db)
    expect(Object.keys(a)).toContain('pilots')
    expect(Object.keys(a)).toContain('events')
    expect(a.pilots?.startsWith(`${pilots.length}:`)).toBe(true)
    expect(b).toEqual(a)
  })
})
