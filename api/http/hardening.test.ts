import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { createDb, type Db } from '../db.ts'
import { createLogger } from '../logger.ts'

describe('CORS', () => {
  let db: Db
  let app: ReturnType<typeof createApp>
  beforeAll(() => {
    db = createDb({ dataDir: 'memory://' })
    app = createApp({
      db,
      config: {
        bodyLimit: 1000,
        env: 'production',
        session: { idleMinutes: 30, maxHours: 12 },
        corsOrigins: ['https://a.kommune.no'],
      },
      logger: createLogger({ logLevel: 'silent' }),
      resolveActor: async () => null,
    })
  })
  afterAll(() => db.destroy())

  const preflight = (origin: string) =>
    app.request('/api/v1/pilots', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
    })

  it('answers a configured origin and no other', async () => {
    expect(
      (await preflight('https://a.kommune.no')).headers.get('Access-Control-Allow-Origin')
    ).toBe('https://a.kommune.no')
    expect(
      (await preflight('https://evil.example')).headers.get('Access-Control-Allow-Origin')
    ).toBeNull()
    const read = await app.request('/api/v1/health', {
      headers: { Origin: 'https://evil.example' },
    })
    expect(read.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })

  it('sends HSTS for a year in production', async () => {
    const res = await app.request('/api/v1/health')
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
  })
})
