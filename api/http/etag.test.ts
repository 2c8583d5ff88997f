import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, pilotBody, type TestApp } from '../test/harness.ts'

// Every JSON read carries the weak ETag of its body, and a client that sends it back gets 304;
// a record's own read keeps its version as a strong ETag.
describe('ETags of JSON reads', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('pglite')
  })
  afterAll(() => t?.destroy())

  it('tags each JSON answer with the SHA-1 of its body, and answers 304 to it', async () => {
    const created = await t.request('pilots', { method: 'POST', json: pilotBody() })
    const { id } = await created.json()
    for (const path of ['municipalities?county=03', 'pilots?limit=5', `pilots/${id}/events`]) {
      const res = await t.request(path)
      expect(res.status, path).toBe(200)
      const body = await res.text()
      const tag = `W/"${createHash('sha1').update(body).digest('hex')}"`
      expect(res.headers.get('ETag'), path).toBe(tag)
      const again = await t.request(path, { headers: { 'If-None-Match': tag } })
      expect(again.status, path).toBe(304)
    }
    const pilot = await t.request(`pilots/${id}`)
    expect(pilot.headers.get('ETag')).toBe('"1"')
  })
})
