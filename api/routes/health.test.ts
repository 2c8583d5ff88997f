import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { createDb } from '../db.ts'
import { createLogger } from '../logger.ts'
import { createTestApp, DIALECTS } from '../test/harness.ts'

describe.each(DIALECTS)('health and readiness on %s', (dialect) => {
  it('is alive and ready', async () => {
    const t = await createTestApp(dialect)
    try {
      expect(await (await t.request('health')).json()).toEqual({ status: 'ok' })
      const ready = await t.request('ready')
      expect(ready.status).toBe(200)
      expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' })
    } finally {
      await t.destroy()
    }
  })
})

describe('without a database', () => {
  // Nothing listens on port 1: every connection is refused at once.
  const db = createDb({
    databaseUrl: 'postgres://postgres@127.0.0.1:1/none',
    dataDir: 'unused',
    maxConnections: 1,
  })
  const app = createApp({
    db,
    config: { bodyLimit: 1000, env: 'test', session: { idleMinutes: 30, maxHours: 12 } },
    logger: createLogger({ logLevel: 'silent' }),
    resolveActor: async () => null,
  })
  afterAll(() => db.destroy())

  it('says it is not ready, and answers reads with 503 problem+json', async () => {
    const ready = await app.request('/api/v1/ready')
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({ code: 'database_unavailable' })
    expect((await app.request('/api/v1/health')).status).toBe(200)
    const list = await app.request('/api/v1/pilots')
    expect(list.status).toBe(503)
    expect(list.headers.get('Content-Type')).toBe('application/problem+json')
  })
})
