import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { createDb, type Db } from '../db.ts'
import { createLogger } from '../logger.ts'
import { hardenedHeaders } from './hardening.ts'

describe('secure headers', () => {
  const app = new Hono()
  app.use(hardenedHeaders('production'))
  app.get('/page', (c) => c.html('<p>Forsøk</p>'))
  app.get('/report.pdf', (c) =>
    c.body('%PDF-1.4', 200, {
      'Content-Type': 'application/pdf',
      'Content-Security-Policy': "sandbox; default-src 'none'",
    })
  )

  it('gives every answer the strict policy: no inline or foreign script, no plugins, no framing', async () => {
    const res = await app.request('/page')
    const csp = res.headers.get('Content-Security-Policy') ?? ''
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining([
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ])
    )
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('keeps the stricter policy an answer sets itself, with the other headers added', async () => {
    const res = await app.request('/report.pdf')
    expect(res.headers.get('Content-Security-Policy')).toBe("sandbox; default-src 'none'")
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})

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
