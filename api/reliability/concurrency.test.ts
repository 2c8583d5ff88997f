import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../http/retry.ts'
import {
  createTestApp,
  createTestDatabase,
  DIALECTS,
  pilotBody,
  type TestApp,
} from '../test/harness.ts'

const CLIENTS = 50

/** How many responses had each status, e.g. `{ 200: 1, 412: 49 }`. */
function tally(statuses: number[]) {
  const counts: Record<number, number> = {}
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1
  return counts
}

// Fifty clients at once on the same record: exactly one wins, every other gets the answer the
// contract gives a loser (412 stale version, 409 already there), never a 5xx, and the record's
// version and timeline count exactly the one write that won.
describe.each(DIALECTS)(`${CLIENTS} clients racing on %s`, (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.destroy())

  async function newPilot(title: string, visibility = 'draft') {
    const res = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title, visibility }),
    })
    expect(res.status).toBe(201)
    return (await res.json()).id as string
  }

  const eventTypes = async (id: string) =>
    (await (await t.request(`pilots/${id}/events?limit=100`)).json()).items.map(
      (e: { type: string }) => e.type
    )

  it(`lets one of ${CLIENTS} identical transitions through and refuses the rest as stale`, async () => {
    const id = await newPilot('Femti samtidige overganger')
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        t.request(`pilots/${id}/transitions`, {
          method: 'POST',
          headers: { 'If-Match': '"1"' },
          json: { to: 'planned' },
        })
      )
    )
    expect(tally(results.map((r) => r.status))).toEqual({ 200: 1, 412: CLIENTS - 1 })
    const pilot = await (await t.request(`pilots/${id}`)).json()
    expect(pilot).toMatchObject({ stage: 'planned', version: 2 })
    expect(await eventTypes(id)).toEqual(['pilot_created', 'stage_changed'])
  })

  it(`lets one of ${CLIENTS} edits of the same version win, and keeps that one`, async () => {
    const id = await newPilot('Femti samtidige endringer')
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        t.request(`pilots/${id}`, {
          method: 'PATCH',
          headers: { 'If-Match': '"1"' },
          json: { summary: `Endring nummer ${i}` },
        })
      )
    )
    expect(tally(results.map((r) => r.status))).toEqual({ 200: 1, 412: CLIENTS - 1 })
    const winner = results.find((r) => r.status === 200)
    const written = winner && (await winner.json()).summary
    const pilot = await (await t.request(`pilots/${id}`)).json()
    expect(pilot).toMatchObject({ summary: written, version: 2 })
    expect(await eventTypes(id)).toEqual(['pilot_created', 'pilot_updated'])
  })

  it(`applies ${CLIENTS} edits sent with If-Match: * one after another, none lost`, async () => {
    const id = await newPilot('Femti endringer uten versjon')
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        t.request(`pilots/${id}`, {
          method: 'PATCH',
          headers: { 'If-Match': '*' },
          json: { summary: `Uten versjon ${i}` },
        })
      )
    )
    expect(tally(results.map((r) => r.status))).toEqual({ 200: CLIENTS })
    const versions = await Promise.all(results.map(async (r) => (await r.json()).version))
    expect(new Set(versions).size).toBe(CLIENTS)
    const pilot = await (await t.request(`pilots/${id}`)).json()
    expect(pilot.version).toBe(CLIENTS + 1)
    expect(await eventTypes(id)).toHaveLength(CLIENTS + 1)
  })

  it(`records one adoption when ${CLIENTS} requests from the same organisation race`, async () => {
    const id = await newPilot('Femti samtidige adopsjoner', 'published')
    t.actAs(t.bergen)
    try {
      const results = await Promise.all(
        Array.from({ length: CLIENTS }, () =>
          t.request(`pilots/${id}/adoptions`, { method: 'POST', json: { status: 'interested' } })
        )
      )
      expect(tally(results.map((r) => r.status))).toEqual({ 201: 1, 409: CLIENTS - 1 })
      for (const refused of results.filter((r) => r.status === 409)) {
        expect((await refused.json()).code).toBe('already_adopted')
      }
    } finally {
      t.actAs(t.oslo)
    }
    const adoptions = await (await t.request(`pilots/${id}/adoptions`)).json()
    expect(adoptions.items).toHaveLength(1)
  })

  it(`creates one organisation when ${CLIENTS} admins register the same number at once`, async () => {
    t.actAs(t.admin)
    try {
      const results = await Promise.all(
        Array.from({ length: CLIENTS }, () =>
          t.request('organisations', {
            method: 'POST',
            json: { orgNumber: '974760673', name: 'Brønnøysundregistrene', kind: 'state_agency' },
          })
        )
      )
      // The losers get the answer a later request gets: the number is taken.
      expect(tally(results.map((r) => r.status))).toEqual({ 201: 1, 400: CLIENTS - 1 })
      for (const refused of results.filter((r) => r.status === 400)) {
        expect((await refused.json()).errors).toEqual([
          expect.objectContaining({ field: 'orgNumber', code: 'taken' }),
        ])
      }
    } finally {
      t.actAs(t.oslo)
    }
  })
})

// A serialisation failure is PostgreSQL's "try again"; inTransaction does so before anyone sees it.
describe('a transaction PostgreSQL aborts as a serialisation failure', () => {
  it.runIf(DIALECTS.includes('postgres'))('is retried until it commits', async () => {
    const test = await createTestDatabase('postgres')
    try {
      const { db } = test
      await sql`create table tally (n int not null)`.execute(db)
      await sql`insert into tally values (0)`.execute(db)
      // Each transaction reads the sum and then writes a row depending on it: under SERIALIZABLE,
      // every overlapping pair is a write skew PostgreSQL must break up with 40001.
      let attempts = 0
      const bump = () =>
        inTransaction(db, async (trx) => {
          attempts++
          await sql`set transaction isolation level serializable`.execute(trx)
          const { rows } = await sql<{
            total: number
          }>`select sum(n)::int as total from tally`.execute(trx)
          await new Promise((r) => setTimeout(r, 20))
          await sql`insert into tally values (${(rows[0]?.total ?? 0) + 1})`.execute(trx)
        })
      const results = await Promise.allSettled(Array.from({ length: 4 }, bump))
      expect(results.map((r) => r.status)).toEqual(Array(4).fill('fulfilled'))
      expect(attempts).toBeGreaterThan(4)
      const { rows } = await sql<{ n: number }>`select n from tally order by n`.execute(db)
      expect(rows.map((r) => r.n)).toEqual([0, 1, 2, 4, 8])
    } finally {
      await test.destroy()
    }
  })
})
