import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../schema/migrations/index.ts'
import { loadReferenceData } from '../seeds/reference.ts'
import { createDb, type Db } from './db.ts'
import { migrateToLatest } from './migrate.ts'
import { gate } from './test/gate.ts'
import {
  createEmptyDatabase,
  createTestDatabase,
  DIALECTS,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from './test/harness.ts'

async function sqlState(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return (error as { code?: string }).code ?? String(error)
  }
  return 'no error'
}

describe('migrations', () => {
  it('survive two instances starting at once against one PostgreSQL database', async () => {
    if (!DIALECTS.includes('postgres')) return
    const test = await createEmptyDatabase('postgres')
    const second = createDb({ databaseUrl: test.url, dataDir: 'unused' })
    try {
      const start = async (db: Db) => {
        const applied = await migrateToLatest(db)
        await loadReferenceData(db)
        return applied
      }
      const [a, b] = await Promise.all([start(test.db), start(second)])
      // Kysely's migrator lock lets exactly one of them apply the migration.
      expect([...a, ...b].sort()).toEqual(Object.keys(migrations).sort())
      const municipalities = await test.db
        .selectFrom('municipalities')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(municipalities.n)).toBe(357)
      expect(await migrateToLatest(second)).toEqual([])
    } finally {
      await second.destroy()
      await test.destroy()
    }
  })

  it('keep a PGlite database on disk between starts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fr-pglite-'))
    try {
      const first = createDb({ dataDir })
      expect(await migrateToLatest(first)).toEqual(Object.keys(migrations))
      await first
        .insertInto('users')
        .values({ email: 'vedvarer@test.example', name: 'Vedvarende' })
        .execute()
      await first.destroy()
      const again = createDb({ dataDir })
      expect(await migrateToLatest(again)).toEqual([])
      const user = await again
        .selectFrom('users')
        .select('name')
        .where('email', '=', 'vedvarer@test.example')
        .executeTakeFirst()
      expect(user?.name).toBe('Vedvarende')
      await again.destroy()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe.each(DIALECTS)('constraints in the database on %s', (dialect) => {
  let test: TestDatabase
  let orgId: string
  let pilotId: string
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    orgId = (
      await test.db
        .insertInto('organisations')
        .values({
          org_number: '958935420',
          name: 'Oslo kommune',
          kind: 'municipality',
          municipality_number: '0301',
          county_number: '03',
          language_form: 'nb',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    pilotId = (
      await test.db
        .insertInto('pilots')
        .values({
          title: 'Direkte i databasen',
          innovation_type: 'service',
          service_area: 'other',
          owner_org_id: orgId,
          available_to_advise: false,
          stage: 'hypothesis',
          visibility: 'draft',
          legal_basis: 'ordinary',
          tags: sql`'{}'`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(() => test.destroy())

  const org = (overrides: Record<string, unknown>) =>
    test.db
      .insertInto('organisations')
      .values({
        org_number: '889640782',
        name: 'NAV',
        kind: 'state_agency',
        language_form: 'nb',
        ...overrides,
      } as never)
      .execute()

  it('refuses an org number that fails mod-11, an unknown kind, and a municipality without its number', async () => {
    expect(await sqlState(org({ org_number: '889640783' }))).toBe('23514')
    expect(await sqlState(org({ org_number: '100000300' }))).toBe('23514')
    expect(await sqlState(org({ kind: 'ministry' }))).toBe('23514')
    expect(await sqlState(org({ kind: 'municipality' }))).toBe('23514')
    expect(await sqlState(org({ municipality_number: '9999', county_number: '99' }))).toBe('23503')
    expect(await sqlState(org({ org_number: '958935420' }))).toBe('23505')
  })

  it('refuses a pilot in an unknown stage, discontinued without reason, or adopted without decision', async () => {
    const set = (values: Record<string, unknown>) =>
      test.db
        .updateTable('pilots')
        .set(values as never)
        .where('id', '=', pilotId)
        .execute()
    expect(await sqlState(set({ stage: 'finished' }))).toBe('23514')
    expect(await sqlState(set({ stage: 'discontinued' }))).toBe('23514')
    expect(await sqlState(set({ stage: 'adopted', outcome: 'successful' }))).toBe('23514')
    expect(await sqlState(set({ planned_start: '2026-05-01', planned_end: '2026-04-01' }))).toBe(
      '23514'
    )
    expect(
      await sqlState(
        set({
          legal_basis: 'forsoksloven',
          legal_reference: 'x',
          legal_approval_date: '2026-01-01',
          legal_expiry_date: '2031-01-01',
        })
      )
    ).toBe('23514')
    expect(await sqlState(set({ owner_org_id: '00000000-0000-4000-8000-000000000000' }))).toBe(
      '23503'
    )
  })

  it('keeps the event log append-only', async () => {
    await test.db
      .insertInto('events')
      .values({
        pilot_id: pilotId,
        version: 1,
        type: 'pilot_created',
        at: new Date(),
        diff: sql`'{}'::jsonb`,
      })
      .execute()
    expect(
      await sqlState(test.db.updateTable('events').set({ type: 'pilot_updated' }).execute())
    ).toBe('42501')
    expect(await sqlState(test.db.deleteFrom('events').execute())).toBe('42501')
    expect(
      await sqlState(
        test.db
          .insertInto('events')
          .values({
            pilot_id: pilotId,
            version: 1,
            type: 'pilot_updated',
            at: new Date(),
            diff: sql`'{}'::jsonb`,
          })
          .execute()
      )
    ).toBe('23505')
  })
})

describe('connections PostgreSQL drops', () => {
  const onPostgres = DIALECTS.includes('postgres') ? it : it.skip
  /** Ends every connection of the database but the admin's own, as a crash or an operator would. */
  async function terminate(test: TestDatabase) {
    const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} })
    const name = new URL(test.url as string).pathname.slice(1)
    const [row] = await admin`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = ${name} and pid <> pg_backend_pid()`
    await admin.end()
    return row?.n ?? 0
  }
  const select = (db: Db, n: number) =>
    sql<{ n: number }>`select ${n}::int as n`.execute(db).then((r) => r.rows[0]?.n)

  onPostgres(
    'fail the transaction that lost its connection between two statements, and nothing else',
    async () => {
      const test = await createEmptyDatabase('postgres')
      try {
        const paused = gate()
        const resumed = gate()
        const transaction = test.db.transaction().execute(async (trx) => {
          await sql`select 1`.execute(trx)
          paused.open()
          await resumed.opened
          // The server is gone: this fails as a lost connection instead of ending the process.
          return sql`select 2`.execute(trx)
        })
        await paused.opened
        expect(await terminate(test)).toBeGreaterThan(0)
        await new Promise((r) => setTimeout(r, 200))
        resumed.open()
        expect(await sqlState(transaction)).toBe('CONNECTION_CLOSED')
        // The pool carries on: the slot reconnects.
        expect(await Promise.all([1, 2, 3].map((n) => select(test.db, n)))).toEqual([1, 2, 3])
      } finally {
        await test.destroy()
      }
    }
  )

  onPostgres('answer every query that was waiting for a connection when one closed', async () => {
    const test = await createEmptyDatabase('postgres')
    const small = createDb({ databaseUrl: test.url, dataDir: 'unused', maxConnections: 2 })
    try {
      // Both connections busy, ten queries queued behind them; then the server ends both.
      const busy = [1, 2].map(() => sqlState(sql`select pg_sleep(5)`.execute(small)))
      await new Promise((r) => setTimeout(r, 300))
      const queued = Array.from({ length: 10 }, (_, n) => select(small, n).catch(() => 'lost'))
      expect(await terminate(test)).toBe(2)
      // postgres.js's own pool leaves a waiting reserve() unanswered here (porsager/postgres#1195).
      expect((await Promise.all(busy)).every((code) => code !== 'no error')).toBe(true)
      const answers = await Promise.all(queued)
      expect(answers).toEqual(Array.from({ length: 10 }, (_, n) => n))
    } finally {
      await small.destroy()
      await test.destroy()
    }
  })
})
