// The client checks every answer against its shared schema in tests and development (a production
// build leaves zod out and trusts the answers): here the reads of the first pages, against the
// real app in-process, on every dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../../api/test/harness.ts'
import { ApiClient, ApiError } from './client.ts'

describe.each(DIALECTS)('the API client on %s', (dialect) => {
  let t: TestApp
  let api: ApiClient
  beforeAll(async () => {
    t = await createTestApp(dialect)
    api = new ApiClient({
      fetch: (input, init) => Promise.resolve(t.app.request(String(input), init)),
    })
  })
  afterAll(() => t.destroy())

  it('reads the overview, the search and a pilot in the shape their schemas define', async () => {
    const { id } = await (await t.request('pilots', { method: 'POST', json: pilotBody() })).json()
    expect((await api.pilot(id)).id).toBe(id)
    expect((await api.searchPilots({ sort: 'updated', limit: 5 })).items).toBeInstanceOf(Array)
    expect((await api.pilotFacets({})).total).toBe(1)
    expect((await api.pipeline({})).pilots).toBeGreaterThanOrEqual(0)
    expect(await api.me()).not.toBeNull()
  })

  it('refuses an answer in another shape, and reads a problem from a refusal', async () => {
    const odd = new ApiClient({ fetch: () => Promise.resolve(Response.json({ items: 'none' })) })
    await expect(odd.searchPilots({})).rejects.toThrow(/unexpected shape/)
    const missing = await api.pilot('00000000-0000-4000-8000-000000000000').catch((e) => e)
    expect(missing).toBeInstanceOf(ApiError)
    expect(missing.problem?.code).toBe('not_found')
  })
})
