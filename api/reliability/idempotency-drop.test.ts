import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

/** A promise and the function that resolves it. */
function signal() {
  let resolve = () => {}
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

// Over a real socket: the client sends a POST and its connection breaks before the answer comes
// back, so it cannot know whether the pilot was registered. It sends the same request again with
// the same Idempotency-Key, and there is exactly one pilot.
describe.each(DIALECTS)('a POST whose connection drops, retried with its key, on %s', (dialect) => {
  let t: TestApp
  let server: ServerType
  let port: number
  /** Set by a test: how the server treats the next request (the one whose client goes away). */
  let nextHold: ((run: () => Promise<Response>) => Promise<Response>) | null = null

  beforeAll(async () => {
    t = await createTestApp(dialect)
    server = serve({
      fetch: (req) => {
        const hold = nextHold
        nextHold = null
        return hold ? hold(() => Promise.resolve(t.app.fetch(req))) : t.app.fetch(req)
      },
      port: 0,
      hostname: '127.0.0.1',
    })
    await new Promise<void>((r) => server.once('listening', () => r()))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()))
    await t.destroy()
  })

  /** Sends a POST and breaks the connection when `dropWhen` resolves; resolves with the error seen. */
  function sendAndDrop(path: string, key: string, body: unknown, dropWhen: Promise<void>) {
    return new Promise<Error>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: `/api/v1/${path}`,
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
          Origin: `http://127.0.0.1:${port}`,
        },
      })
      req.on('response', () => reject(new Error('the response arrived; the drop came too late')))
      req.on('error', resolve)
      req.end(JSON.stringify(body))
      void dropWhen.then(() => req.destroy(new Error('connection dropped by the client')))
    })
  }

  const retry = (path: string, key: string, body: unknown) =>
    fetch(`http://127.0.0.1:${port}/api/v1/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
        Origin: `http://127.0.0.1:${port}`,
      },
      body: JSON.stringify(body),
    })

  const pilotsTitled = async (title: string) =>
    t.db.selectFrom('pilots').select(['id', 'version']).where('title', '=', title).execute()

  it('keeps the one pilot written before the connection broke, and replays it', async () => {
    const body = pilotBody({ title: 'Brutt forbindelse etter lagring' })
    const written = signal()
    const dropped = signal()
    // The server writes the pilot, then the client goes away before the answer is sent.
    nextHold = async (run) => {
      const res = await run()
      written.resolve()
      await dropped.promise
      return res
    }
    const error = await sendAndDrop('pilots', 'brudd-etter-lagring', body, written.promise)
    dropped.resolve()
    expect(error.message).toBe('connection dropped by the client')

    const again = await retry('pilots', 'brudd-etter-lagring', body)
    expect(again.status).toBe(201)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    const pilots = await pilotsTitled('Brutt forbindelse etter lagring')
    expect(pilots).toHaveLength(1)
    expect((await again.json()).id).toBe(pilots[0]?.id)
  })

  it('writes one pilot when the connection breaks before the server has begun', async () => {
    const body = pilotBody({ title: 'Brutt forbindelse før lagring' })
    const gone = signal()
    const started = signal()
    // The client goes away first; the server then handles what it received, and the retry races it.
    nextHold = async (run) => {
      started.resolve()
      await gone.promise
      return run()
    }
    const dropping = sendAndDrop('pilots', 'brudd-for-lagring', body, started.promise)
    expect((await dropping).message).toBe('connection dropped by the client')
    gone.resolve()

    const again = await retry('pilots', 'brudd-for-lagring', body)
    expect(again.status).toBe(201)
    const { id } = await again.json()
    const pilots = await pilotsTitled('Brutt forbindelse før lagring')
    expect(pilots.map((p) => p.id)).toEqual([id])
    // A third try, after both are done, is a replay of the same record.
    const third = await retry('pilots', 'brudd-for-lagring', body)
    expect(third.headers.get('Idempotent-Replayed')).toBe('true')
    expect((await third.json()).id).toBe(id)
    expect(await pilotsTitled('Brutt forbindelse før lagring')).toHaveLength(1)
  })

  it('applies a transition once when its answer is lost and it is sent again', async () => {
    const created = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({ title: 'Tapt svar på overgang' }),
    })
    const { id } = await created.json()
    const written = signal()
    const dropped = signal()
    nextHold = async (run) => {
      const res = await run()
      written.resolve()
      await dropped.promise
      return res
    }
    const path = `pilots/${id}/transitions`
    const transition = (ifMatch: string) =>
      new Promise<Error>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          path: `/api/v1/${path}`,
          method: 'POST',
          agent: false,
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': `overgang-${id}`,
            'If-Match': ifMatch,
            Origin: `http://127.0.0.1:${port}`,
          },
        })
        req.on('response', () => reject(new Error('the response arrived')))
        req.on('error', resolve)
        req.end(JSON.stringify({ to: 'planned' }))
        void written.promise.then(() => req.destroy(new Error('dropped')))
      })
    expect((await transition('"1"')).message).toBe('dropped')
    dropped.resolve()
    const again = await fetch(`http://127.0.0.1:${port}/api/v1/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': `overgang-${id}`,
        'If-Match': '"1"',
        Origin: `http://127.0.0.1:${port}`,
      },
      body: JSON.stringify({ to: 'planned' }),
    })
    expect(again.status).toBe(200)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    const pilot = await (await t.request(`pilots/${id}`)).json()
    expect(pilot).toMatchObject({ stage: 'planned', version: 2 })
  })
})
