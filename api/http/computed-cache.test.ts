import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../app.ts'
import { createDb } from '../db.ts'
import { gate } from '../test/gate.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'
import { type ComputedCacheOptions, computedCache, keptAnswersFirst } from './computed-cache.ts'
import { dataChanges } from './data-changes.ts'

describe.each(DIALECTS)('kept answers of statistics and facets on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
    await dataChanges(t.db).ready
  })
  afterAll(async () => {
    await t?.destroy()
  })

  async function publicRead(path: string, headers: Record<string, string> = {}) {
    t.actAs(null)
    const res = await t.request(path, { headers })
    t.actAs(t.oslo)
    return res
  }

  it('answers a write at once, and repeats an unchanged answer with the same ETag', async () => {
    const before = await publicRead('stats/pipeline')
    const total = async (res: Response) =>
      ((await res.json()) as { stages: { stage: string; current: number }[] }).stages.find(
        (s) => s.stage === 'hypothesis'
      )?.current
    expect(await total(before.clone())).toBe(0)

    const again = await publicRead('stats/pipeline')
    expect(again.headers.get('ETag')).toBe(before.headers.get('ETag'))
    const notModified = await publicRead('stats/pipeline', {
      'If-None-Match': before.headers.get('ETag') ?? '',
    })
    expect(notModified.status).toBe(304)

    t.actAs(t.oslo)
    const created = await t.request('pilots', { method: 'POST', json: pilotBody() })
    expect(created.status).toBe(201)

    const after = await publicRead('stats/pipeline')
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'))
    expect(await total(after)).toBe(1)
    const facets = (await (await publicRead('pilots/facets')).json()) as { total: number }
    expect(facets.total).toBe(1)
  })

  it('shows a signed-in member their own drafts in the facets, never a kept public answer', async () => {
    expect(((await (await publicRead('pilots/facets')).json()) as { total: number }).total).toBe(1)
    t.actAs(t.oslo)
    const draft = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title: 'Et utkast', visibility: 'draft' }),
    })
    expect(draft.status).toBe(201)
    const own = (await (await t.request('pilots/facets')).json()) as { total: number }
    expect(own.total).toBe(2)
    expect(((await (await publicRead('pilots/facets')).json()) as { total: number }).total).toBe(1)
  })
  /**
   * A kept route whose answer is how many times its address has been computed; while `hold` is
   * set, a computation waits for it to open.
   */
  function countedRoute(route: string, options: ComputedCacheOptions) {
    const app = new Hono<AppEnv>()
    const counted = {
      computed: new Map<string, number>(),
      hold: null as ReturnType<typeof gate> | null,
      /** Every computation so far, of any address. */
      total: () => [...counted.computed.values()].reduce((sum, n) => sum + n, 0),
      read: async (path: string) => ((await (await app.request(path)).json()) as { n: number }).n,
    }
    app.use(route, computedCache(t.db, options))
    app.get(route, async (c) => {
      const n = (counted.computed.get(c.req.path) ?? 0) + 1
      counted.computed.set(c.req.path, n)
      await counted.hold?.opened
      return c.json({ n })
    })
    return counted
  }

  it('computes a time-bound answer again a minute later, a timeless one only when data changes', async () => {
    let now = new Date('2026-03-02T10:00:30Z')
    const timed = countedRoute('/timed', { clock: () => now })
    const timeless = countedRoute('/timeless', {
      clock: () => now,
      dependsOnTime: false,
      maxAgeMs: 3_600_000,
    })
    const read = async () => [await timed.read('/timed'), await timeless.read('/timeless')]

    expect(await read()).toEqual([1, 1])
    expect(await read()).toEqual([1, 1])
    now = new Date('2026-03-02T10:01:31Z')
    expect(await read()).toEqual([2, 1])

    t.actAs(t.oslo)
    expect((await t.request('pilots', { method: 'POST', json: pilotBody() })).status).toBe(201)
    expect(await read()).toEqual([3, 2])
  })
  it('serves an answer that only grew old while it is computed again; changed data waits', async () => {
    let now = new Date('2026-03-02T10:00:30Z')
    const slow = countedRoute('/slow', { clock: () => now })
    const read = () => slow.read('/slow')

    expect(await read()).toBe(1)
    now = new Date('2026-03-02T10:01:31Z')
    slow.hold = gate()
    const recomputing = read()
    // Another reader meanwhile gets the previous minute's answer at once.
    expect(await read()).toBe(1)
    slow.hold.open()
    expect(await recomputing).toBe(2)
    expect(await read()).toBe(2)

    // After a write the old answer is wrong: a reader waits for the new one.
    t.actAs(t.oslo)
    expect((await t.request('pilots', { method: 'POST', json: pilotBody() })).status).toBe(201)
    slow.hold = gate()
    const afterWrite = read()
    let waited = true
    const other = read().then((n) => {
      waited = false
      return n
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(waited).toBe(true)
    slow.hold.open()
    expect([await afterWrite, await other]).toEqual([3, 3])
  })

  it('computes answers that grew old one at a time, serving the old ones meanwhile', async () => {
    let now = new Date('2026-03-02T10:00:30Z')
    const pages = countedRoute('/page/*', { clock: () => now })
    const read = (name: string) => pages.read(`/page/${name}`)

    expect([await read('a'), await read('b')]).toEqual([1, 1])
    now = new Date('2026-03-02T10:01:31Z')
    pages.hold = gate()
    const first = read('a')
    // While a is computed again, b is served as it was, and is not computed meanwhile.
    expect(await read('b')).toBe(1)
    expect(pages.computed.get('/page/b')).toBe(1)
    pages.hold.open()
    expect(await first).toBe(2)
    expect(await read('b')).toBe(2)
    expect([await read('a'), await read('b')]).toEqual([2, 2])
  })

  it('lets the answers of different addresses grow old at different instants of the minute', async () => {
    let now = new Date('2026-03-02T10:00:00Z')
    const spread = countedRoute('/spread/*', { clock: () => now })
    const readAll = async () => {
      for (let i = 0; i < 40; i++) await spread.read(`/spread/${i}`)
    }
    await readAll()
    expect(spread.total()).toBe(40)
    // Half a minute on, some have grown old and some not; a minute on, all of them.
    now = new Date('2026-03-02T10:00:30Z')
    await readAll()
    expect(spread.total() - 40).toBeGreaterThan(5)
    expect(spread.total() - 40).toBeLessThan(35)
    const before = spread.total()
    now = new Date('2026-03-02T10:01:30Z')
    await readAll()
    expect(spread.total() - before).toBe(40)
  })

  it("keeps a pilot's public page and the lists only until anything they show changes", async () => {
    t.actAs(t.oslo)
    const created = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({
        title: 'Lesekompis på biblioteket',
        contacts: [
          {
            name: 'Kari Nordmann',
            email: 'kari@example.no',
            role: 'Prosjektleder',
            showPublicly: true,
          },
        ],
      }),
    })
    expect(created.status).toBe(201)
    const pilot = (await created.json()) as { id: string }
    const page = async () => {
      const res = await publicRead(`pilots/${pilot.id}`)
      return { res, body: (await res.clone().json()) as Record<string, unknown> }
    }
    const first = await page()
    const again = await page()
    // A kept answer: the record's own ETag, but each answer its own request id.
    expect(again.res.headers.get('ETag')).toBe('"1"')
    expect(again.res.headers.get('X-Request-Id')).not.toBe(first.res.headers.get('X-Request-Id'))
    expect(again.body).toEqual(first.body)

    // A change through the API shows at once.
    const metricId = (first.body.metrics as { id: string }[])[0]?.id
    t.actAs(t.oslo)
    const changed = await t.request(`pilots/${pilot.id}/metrics/${metricId}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: { target: 75 },
    })
    expect(changed.status).toBe(200)
    expect(((await page()).body.metrics as { target: number }[])[0]?.target).toBe(75)

    // So does a change made in the database by any other means (a contact's name), as soon as
    // the database's notice of it arrives.
    await sql`update pilot_contacts set name = 'Kari Nordmann-Hansen'`.execute(t.db)
    await expect
      .poll(async () => (await page()).body.contacts, { timeout: 2000, interval: 5 })
      .toMatchObject([{ name: 'Kari Nordmann-Hansen' }])

    // Taken down: gone from the page and the list at once.
    const listed = async () =>
      ((await (await publicRead('pilots?limit=100')).json()) as { items: { id: string }[] }).items
        .map((p) => p.id)
        .includes(pilot.id)
    expect(await listed()).toBe(true)
    t.actAs(t.admin)
    const down = await t.request(`pilots/${pilot.id}/unpublish`, {
      method: 'POST',
      headers: { 'If-Match': '"2"' },
      json: { reason: 'Feil i sammendraget' },
    })
    expect(down.status).toBe(200)
    expect((await page()).res.status).toBe(404)
    expect(await listed()).toBe(false)
  })

  it('serves a plain public read of a kept answer before routing, with the headers the app gave it', async () => {
    let routed = 0
    let computed = 0
    const app = new Hono<AppEnv>()
    app.use(async (c, next) => {
      routed++
      await next()
      // A header added outside the kept answer, as the secure headers are.
      c.header('X-Frame-Options', 'DENY')
    })
    app.use(requestId())
    const kept = computedCache(t.db)
    app.use('/front', kept)
    app.get('/front', (c) => c.json({ n: ++computed }))
    const lines: Record<string, unknown>[] = []
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line)) }
    )
    const fetch = keptAnswersFirst(app.fetch, {
      caches: [kept],
      isPublic: (headers) => !headers.has('cookie'),
      logger,
    })
    const get = (headers: Record<string, string> = {}) =>
      fetch(new Request('http://localhost/front?side=2', { headers }))
    const headersOf = (res: Response) =>
      [...res.headers].filter(([name]) => name !== 'x-request-id')

    const first = await get()
    expect(await first.clone().json()).toEqual({ n: 1 })
    const second = await get()
    expect([routed, computed]).toEqual([1, 1])
    expect(await second.json()).toEqual({ n: 1 })
    expect(headersOf(second)).toEqual(headersOf(first))
    expect(second.headers.get('X-Frame-Options')).toBe('DENY')
    const id = second.headers.get('X-Request-Id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(id).not.toBe(first.headers.get('X-Request-Id'))
    expect(lines.at(-1)).toMatchObject({ reqId: id, method: 'GET', path: '/front', status: 200 })

    // Anything more than a plain public read goes through the app (which has the answer too).
    const etag = first.headers.get('ETag') ?? ''
    for (const headers of [
      { cookie: 'fr_session=abc' },
      { authorization: 'Bearer abc' },
      { 'if-none-match': etag },
      { origin: 'https://example.com' },
      { 'x-request-id': 'mine' },
    ] as Record<string, string>[]) {
      const before = routed
      const res = await get(headers)
      expect(routed, JSON.stringify(headers)).toBe(before + 1)
      if (headers['x-request-id']) expect(res.headers.get('X-Request-Id')).toBe('mine')
    }
    expect(computed).toBe(1)

    // A write: the kept answer is gone, also before routing.
    t.actAs(t.oslo)
    expect((await t.request('pilots', { method: 'POST', json: pilotBody() })).status).toBe(201)
    expect(await (await get()).json()).toEqual({ n: 2 })
    expect(await (await get()).json()).toEqual({ n: 2 })
    expect(computed).toBe(2)
  })

  // Another server process: its own pool and its own listener on the same database.
  it.skipIf(dialect === 'pglite')(
    'hears a write committed by another server process, and listens again after losing its connection',
    async () => {
      const other = createDb({ databaseUrl: t.url as string, dataDir: 'unused' })
      try {
        await dataChanges(other).ready
        let computed = 0
        const app = new Hono<AppEnv>()
        app.use('/newest', computedCache(other))
        app.get('/newest', async (c) => {
          computed++
          const rows = await other
            .selectFrom('pilots')
            .select(['title'])
            .orderBy('created_at', 'desc')
            .execute()
          return c.json({ pilots: rows.length, newest: rows[0]?.title ?? null })
        })
        const newest = async () =>
          (await (await app.request('/newest')).json()) as { pilots: number; newest: string }
        const before = await newest()
        expect(await newest()).toEqual(before)
        expect(computed).toBe(1)

        // Registered through the first process: the other one hears of it from the database.
        t.actAs(t.oslo)
        const created = await t.request('pilots', {
          method: 'POST',
          json: pilotBody({ title: 'Meldt fra den andre prosessen' }),
        })
        expect(created.status).toBe(201)
        await expect
          .poll(newest, { timeout: 2000, interval: 5 })
          .toEqual({ pilots: before.pilots + 1, newest: 'Meldt fra den andre prosessen' })

        // Its listening connection is cut, and the pilot renamed while it is gone. Once it listens
        // again, what it missed is no longer served.
        await sql`select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = 'forsoksregisteret-listen' and datname = current_database()`.execute(
          t.db
        )
        await sql`update pilots set title = 'Omdøpt mens lytteren var borte'
          where title = 'Meldt fra den andre prosessen'`.execute(t.db)
        await expect
          .poll(async () => (await newest()).newest, { timeout: 5000, interval: 20 })
          .toBe('Omdøpt mens lytteren var borte')
      } finally {
        await other.destroy()
      }
    }
  )
})
