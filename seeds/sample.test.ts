import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineageOf } from '../api/queries/adoptions.ts'
import { findPilot } from '../api/queries/pilots.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../api/test/harness.ts'
import { STAGES } from '../schema/enums.ts'
import { isValidOrgNumber } from '../schema/org-number.ts'
import { loadSampleData } from './sample.ts'
import { sampleOrganisations } from './sample-organisations.ts'
import { samplePilots } from './sample-pilots.ts'

describe('the sample data set', () => {
  it('uses real organisation numbers and covers every stage', () => {
    for (const org of sampleOrganisations)
      expect(isValidOrgNumber(org.orgNumber), org.name).toBe(true)
    const finalStages = samplePilots.map((p) => p.steps.at(-1)?.to ?? 'hypothesis')
    expect(new Set(finalStages)).toEqual(new Set(STAGES))
    expect(samplePilots.length).toBeGreaterThanOrEqual(10)
  })
})

describe.each(DIALECTS)('loading the sample data on %s', (dialect) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
  })
  afterAll(() => test.destroy())

  it('loads through the lifecycle, marked as sample, once', async () => {
    expect(await loadSampleData(test.db)).toEqual({ loaded: true, organisations: 15, pilots: 10 })
    expect((await loadSampleData(test.db)).loaded).toBe(false)

    const pilots = await test.db
      .selectFrom('pilots')
      .select(['id', 'stage', 'version', 'sample', 'outcome'])
      .execute()
    expect(pilots).toHaveLength(10)
    expect(pilots.every((p) => p.sample)).toBe(true)
    expect(new Set(pilots.map((p) => p.stage))).toEqual(new Set(STAGES))
    const count = async (table: 'benefits' | 'evaluation_results' | 'evaluation_factors') =>
      Number(
        (
          await test.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )
    expect(await count('benefits')).toBeGreaterThanOrEqual(20)
    const lineage = await lineageOf(test.db, '5a000000-0000-4000-8000-000000000001')
    expect(Math.max(...lineage.map((n) => n.depth))).toBe(4)
    const stuck = await findPilot(
      test.db,
      '5a000000-0000-4000-8000-000000000002',
      null,
      new Date('2026-11-22T12:00:00Z')
    )
    expect(stuck?.flags).toEqual(['stuck_success'])
    expect(await count('evaluation_results')).toBeGreaterThanOrEqual(10)
    expect(await count('evaluation_factors')).toBeGreaterThanOrEqual(10)

    for (const pilot of pilots) {
      const events = await test.db
        .selectFrom('events')
        .select(['version', 'type', 'diff'])
        .where('pilot_id', '=', pilot.id)
        .where('adoption_id', 'is', null)
        .orderBy('version')
        .execute()
      // Every write left one event: the version is the number of events, and the stage is the last one moved to.
      expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1))
      expect(pilot.version).toBe(events.length)
      const lastMove = events.filter((e) => e.type === 'stage_changed').at(-1)
      expect(pilot.stage).toBe((lastMove?.diff.stage?.to as string | undefined) ?? 'hypothesis')
    }
  })
})
