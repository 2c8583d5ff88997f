import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../app.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'
import { computedCache } from './computed-cache.ts'

describe.each(DIALECTS)('kept answers of statistics and facets on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
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
  it('computes a time-bound answer again in a new minute, a timeless one only when data changes', async () => {
    let now = new Date('2026-03-02T10:00:30Z')
    const computed = { timed: 0, timeless: 0 }
    const app = new Hono<AppEnv>()
    app.use('/timed', computedCache(t.db, { clock: () => now }))
    app.use('/timeless', computedCache(t.db, { clock: () => now, dependsOnTime: false }))
    app.get('/timed', (c) => c.json({ n: ++computed.timed }))
    app.get('/timeless', (c) => c.json({ n: ++computed.timeless }))
    const read = async (path: string) =>
      ((await (await app.request(path)).json()) as { n: number }).n

    expect([await read('/timed'), await read('/timeless')]).toEqual([1, 1])
    expect([await read('/timed'), await read('/timeless')]).toEqual([1, 1])
    now = new Date('2026-03-02T10:01:05Z')
    expect([await read('/timed'), await read('/timeless')]).toEqual([2, 1])

    t.actAs(t.oslo)
    expect((await t.request('pilots', { method: 'POST', json: pilotBody() })).status).toBe(201)
    expect([await read('/timed'), await read('/timeless')]).toEqual([3, 2])
  })
})
