import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../test/harness.ts'
import { RateLimiter } from './rate-limit.ts'
import { createApiToken } from './tokens.ts'

describe('the rate limiter', () => {
  it('allows the limit in a window, then says how long to wait', () => {
    const limiter = new RateLimiter(3, 60_000)
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('a', 1000 + i)).toBe(0)
      limiter.record('a', 1000 + i)
    }
    expect(limiter.retryAfter('a', 2000)).toBe(59_000)
    expect(limiter.retryAfter('b', 2000)).toBe(0)
    expect(limiter.retryAfter('a', 61_001)).toBe(0)
  })
})

describe('token use is limited per token and failed tokens per address', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('pglite', {
      realAuth: true,
      limits: { tokenRequestsPerMinute: 5, failedTokensPerMinute: 4 },
    })
  })
  afterAll(() => t.destroy())

  it('answers 429 after too many requests with one token', async () => {
    await t.db
      .insertInto('memberships')
      .values({
        user_id: t.oslo.userId,
        organisation_id: t.oslo.organisationId as string,
        role: 'member',
      })
      .execute()
    const { secret } = await createApiToken(t.db, {
      userId: t.oslo.userId,
      organisationId: t.oslo.organisationId as string,
      name: 'Travel',
      scopes: ['read'],
      expiresAt: null,
    })
    const statuses: number[] = []
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await t.request('auth/me', { headers: { Authorization: `Bearer ${secret}` } })).status
      )
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
    // Without the token the public still reads.
    expect((await t.request('pilots')).status).toBe(200)
  })

  it('answers 429 to an address that keeps trying tokens that do not exist', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await t.request('auth/me', {
            headers: { Authorization: `Bearer frt_${'x'.repeat(42)}${i}` },
          })
        ).status
      )
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429])
  })
})
