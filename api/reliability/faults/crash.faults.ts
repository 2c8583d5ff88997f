import { mkdirSync, writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../test/harness.ts'
import { type Cluster, startCluster } from './cluster.ts'

// Under a steady write load, PostgreSQL crashes (restart -m immediate), goes down for a while
// (stop -m immediate, start), and loses every connection (pg_terminate_backend). The load generator
// records every write the API acknowledged. Afterwards each acknowledged write is there, no pilot
// is half-written, every pilot's stage agrees with its last transition event and its version with
// the count of its events. While the database is down the API answers 503 problem+json within a
// second and /ready says so; it recovers by itself.

const WORKERS = Number(process.env.FAULT_WORKERS ?? 8)
const LOAD_MS = Number(process.env.FAULT_LOAD_MS ?? 3000)

interface Ack {
  scenario: string
  pilotId: string
  version: number
  kind: 'create' | 'edit' | 'transition'
  /** What the write set: the title of a new pilot, the summary of an edit, the stage entered. */
  value: string
}

const pilotBodyFor = (title: string) => ({
  title,
  summary: 'Lastprøve',
  hypothesis: 'Hvis vi prøver, så vil vi lære, målt ved antall forsøk.',
  innovationType: 'service',
  serviceArea: 'administration',
  evaluationMethod: 'before_after',
  plannedStart: '2026-01-01',
  plannedEnd: '2026-12-31',
  visibility: 'published',
  metrics: [
    {
      name: 'Forsøk',
      unit: 'antall',
      direction: 'increase',
      baseline: 1,
      target: 2,
      primary: true,
    },
  ],
})

describe('acknowledged writes survive PostgreSQL crashing under load', () => {
  let cluster: Cluster
  let t: TestApp
  let admin: postgres.Sql
  let database = ''
  const acks: Ack[] = []
  /** Answers the contract does not allow here; each ends its client. */
  const surprises: string[] = []
  const statuses: Record<string, Record<number, number>> = {}
  let scenario = 'warm-up'
  let stopping = false
  const report: Record<string, unknown> = {}

  beforeAll(async () => {
    cluster = await startCluster()
    process.env.TEST_POSTGRES_URL = cluster.url
    const { createTestApp } = await import('../../test/harness.ts')
    t = await createTestApp('postgres')
    database = (await sql<{ db: string }>`select current_database() as db`.execute(t.db)).rows[0]
      ?.db as string
    admin = postgres(cluster.url, { max: 1, onnotice: () => {} })
  })
  afterAll(async () => {
    const gone = new Promise((r) => setTimeout(r, 10_000))
    await Promise.race([t?.destroy().catch(() => {}), gone])
    await admin?.end().catch(() => {})
    await cluster?.destroy()
  })

  let inFlight = 0
  /** The requests sent and not yet answered, by scenario, method and path. */
  const pending = new Set<string>()
  const progress = (what: string) =>
    process.env.FAULT_PROGRESS &&
    process.stderr.write(
      `${new Date().toISOString()} ${what} (${inFlight} in flight, ${acks.length} acks)\n`
    )

  /** Sends a request; a thrown error (none expected) counts as status 0. */
  async function send(path: string, init: Parameters<TestApp['request']>[1] = {}) {
    let res: Response | null = null
    inFlight++
    const request = `${scenario}: ${init.method ?? 'GET'} ${path}`
    pending.add(request)
    try {
      res = await t.request(path, init)
    } catch {
    } finally {
      inFlight--
      pending.delete(request)
    }
    const status = res?.status ?? 0
    const tally = statuses[scenario] ?? {}
    tally[status] = (tally[status] ?? 0) + 1
    statuses[scenario] = tally
    return res
  }

  /** One client: registers pilots and edits and moves them on, as fast as the API answers. */
  async function worker(n: number) {
    let count = 0
    while (!stopping) {
      count++
      const title = `Last ${n}-${count}`
      const key = `last-${n}-${count}`
      // A registration is retried with its key until it is acknowledged: a client that cares.
      let id = ''
      let version = 1
      while (!id) {
        const res = await send('pilots', {
          method: 'POST',
          headers: { 'Idempotency-Key': key },
          json: pilotBodyFor(title),
        })
        if (res?.status === 201) {
          id = (await res.json()).id
          acks.push({ scenario, pilotId: id, version: 1, kind: 'create', value: title })
        } else if (res?.status === 503) await new Promise((r) => setTimeout(r, 50))
        else {
          surprises.push(`POST ${title}: ${res?.status} ${await res?.text()}`)
          return
        }
      }
      // Edits and a transition are sent once: when the answer is lost the client reads again.
      for (let step = 0; step < 6 && !stopping; step++) {
        const transition = step === 3
        const value = transition ? 'planned' : `${title} endring ${step}`
        const res = await send(transition ? `pilots/${id}/transitions` : `pilots/${id}`, {
          method: transition ? 'POST' : 'PATCH',
          headers: { 'If-Match': `"${version}"` },
          json: transition ? { to: 'planned' } : { summary: value },
        })
        if (res?.status === 200) {
          version = (await res.json()).version
          acks.push({
            scenario,
            pilotId: id,
            version,
            kind: transition ? 'transition' : 'edit',
            value,
          })
          continue
        }
        // Not acknowledged: learn the current version (once the database is back).
        for (;;) {
          const read = await send(`pilots/${id}`)
          if (read?.status === 200) {
            version = (await read.json()).version
            break
          }
          if (read?.status !== 503) {
            surprises.push(`GET ${title}: ${read?.status} ${await read?.text()}`)
            return
          }
          await new Promise((r) => setTimeout(r, 50))
        }
      }
    }
  }

  /** Times one request while the database is down: status, problem type and milliseconds. */
  async function probe(path: string, init: Parameters<TestApp['request']>[1] = {}) {
    const started = performance.now()
    const res = await t.request(path, init)
    const ms = performance.now() - started
    return { status: res.status, type: res.headers.get('Content-Type'), ms, body: await res.json() }
  }

  async function untilReady() {
    const started = performance.now()
    for (;;) {
      if ((await t.request('ready')).status === 200) return performance.now() - started
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  it('keeps every acknowledged write through three faults', async () => {
    const load = Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i + 1)))
    const ticker = setInterval(() => progress(scenario), 2000)
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
    await pause(LOAD_MS)

    // 1. restart -m immediate: PostgreSQL dies mid-write and runs crash recovery.
    scenario = 'restart -m immediate'
    await cluster.crashRestart()
    report.recoveryAfterRestartMs = Math.round(await untilReady())
    await pause(LOAD_MS)

    // 2. Down for a while: the API must say so quickly, and come back on its own.
    scenario = 'stop -m immediate, down, start'
    await cluster.crash()
    const probes = []
    for (let i = 0; i < 3; i++) {
      probes.push(await probe('ready'))
      probes.push(await probe('pilots'))
      probes.push(
        await probe('pilots', { method: 'POST', json: pilotBodyFor('Mens databasen er nede') })
      )
    }
    report.whileDown = probes.map(({ status, ms }) => ({ status, ms: Math.round(ms) }))
    for (const p of probes) {
      expect(p.status).toBe(503)
      expect(p.type).toBe('application/problem+json')
      expect(p.body.code).toBe('database_unavailable')
      expect(p.ms).toBeLessThan(1000)
    }
    await pause(1000)
    await cluster.start()
    report.recoveryAfterStartMs = Math.round(await untilReady())
    await pause(LOAD_MS)

    // 3. Every connection of the registry's database cut by the server.
    scenario = 'pg_terminate_backend'
    const killed = await admin`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = ${database} and pid <> pg_backend_pid()`
    report.connectionsTerminated = killed[0]?.n
    report.recoveryAfterTerminateMs = Math.round(await untilReady())
    await pause(LOAD_MS)

    scenario = 'after'
    stopping = true
    // Every client finishes what it was doing; a request that never gets an answer is a failure.
    const settled = await Promise.race([load.then(() => true), pause(30_000).then(() => false)])
    clearInterval(ticker)
    report.requestsWithoutAnswer = settled ? 0 : inFlight
    report.unanswered = [...pending]
    // The registry's connections as the server sees them, to tell a stuck pool from a stuck server.
    report.connections = await admin`
      select state, left(query, 60) as query, count(*)::int as n from pg_stat_activity
      where datname = ${database} group by 1, 2`

    // Every acknowledged write is there: the pilot, and the event of the version it answered.
    const pilots = await t.db
      .selectFrom('pilots')
      .select(['id', 'title', 'summary', 'stage', 'version'])
      .execute()
    const events = await t.db
      .selectFrom('events')
      .select(['pilot_id', 'version', 'type', 'diff'])
      .where('adoption_id', 'is', null)
      .orderBy('version')
      .execute()
    const byPilot = new Map(pilots.map((p) => [p.id, p]))
    const eventsOf = new Map<string, typeof events>()
    for (const e of events) eventsOf.set(e.pilot_id, [...(eventsOf.get(e.pilot_id) ?? []), e])
    const perScenario: Record<string, { acknowledged: number; found: number }> = {}
    for (const ack of acks) {
      const tally = perScenario[ack.scenario] ?? { acknowledged: 0, found: 0 }
      tally.acknowledged++
      const event = eventsOf.get(ack.pilotId)?.find((e) => e.version === ack.version)
      const pilot = byPilot.get(ack.pilotId)
      const found =
        pilot !== undefined &&
        event !== undefined &&
        (ack.kind === 'create'
          ? pilot.title === ack.value && event.type === 'pilot_created'
          : ack.kind === 'edit'
            ? JSON.stringify(event.diff).includes(ack.value)
            : event.type === 'stage_changed')
      if (found) tally.found++
      perScenario[ack.scenario] = tally
    }
    report.writes = perScenario
    report.statuses = statuses
    report.surprises = surprises

    // No half-writes: every pilot (acknowledged or not) is whole and agrees with its timeline.
    const metrics = await t.db
      .selectFrom('metrics')
      .select((eb) => ['pilot_id', eb.fn.countAll<number>().as('n')])
      .groupBy('pilot_id')
      .execute()
    const metricCount = new Map(metrics.map((m) => [m.pilot_id, Number(m.n)]))
    const broken: string[] = []
    for (const p of pilots) {
      const timeline = eventsOf.get(p.id) ?? []
      const last = timeline.at(-1)
      const lastStage = timeline
        .filter((e) => (e.diff as Record<string, { to?: unknown }>).stage?.to !== undefined)
        .at(-1)
      const stage = (lastStage?.diff as Record<string, { to?: unknown }> | undefined)?.stage?.to
      if (timeline[0]?.type !== 'pilot_created') broken.push(`${p.title}: no pilot_created event`)
      if (timeline.length !== p.version || last?.version !== p.version)
        broken.push(`${p.title}: version ${p.version}, ${timeline.length} events`)
      if (stage !== p.stage) broken.push(`${p.title}: stage ${p.stage}, last event says ${stage}`)
      if (metricCount.get(p.id) !== 1) broken.push(`${p.title}: ${metricCount.get(p.id)} metrics`)
      if (!/^Last \d+-\d+$/.test(p.title)) broken.push(`${p.title}: not written by the load`)
    }
    report.pilots = pilots.length
    report.events = events.length
    report.brokenInvariants = broken

    mkdirSync('test-results', { recursive: true })
    writeFileSync('test-results/faults-report.json', `${JSON.stringify(report, null, 2)}\n`)
    console.info(JSON.stringify(report, null, 2))

    expect(report.requestsWithoutAnswer).toBe(0)
    expect(surprises).toEqual([])
    expect(broken).toEqual([])
    for (const [name, { acknowledged, found }] of Object.entries(perScenario)) {
      expect(acknowledged, name).toBeGreaterThan(0)
      expect(found, name).toBe(acknowledged)
    }
    // Outside the outages themselves, only 503s and the refusals the contract gives.
    for (const tally of Object.values(statuses)) {
      for (const status of Object.keys(tally).map(Number))
        expect([200, 201, 412, 503]).toContain(status)
    }
  })
})
