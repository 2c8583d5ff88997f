import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, startServer } from './test/server-process.ts'

// The README's start command, as a newcomer runs it: the embedded default on an empty data folder.
describe('the server process on its embedded default', () => {
  let server: ServerProcess
  let base: string
  const output = () => server.output()
  const dataDir = mkdtempSync(join(tmpdir(), 'fr-start-'))

  beforeAll(async () => {
    server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' })
    base = server.base
  }, 120_000)

  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves the sample pilots, one with its metrics', async () => {
    const res = await fetch(`${base}/api/v1/pilots?limit=100`)
    expect(res.status).toBe(200)
    const { items } = await res.json()
    expect(items.length).toBeGreaterThanOrEqual(9)
    expect(items.every((p: { sample: boolean }) => p.sample)).toBe(true)
    const adopted = items.find((p: { stage: string }) => p.stage === 'adopted')
    const pilot = await (await fetch(`${base}/api/v1/pilots/${adopted.id}`)).json()
    expect(pilot.metrics.length).toBeGreaterThan(0)
    expect(pilot.metrics[0]).toMatchObject({
      name: expect.any(String),
      baseline: expect.any(Number),
      target: expect.any(Number),
    })
    expect((await fetch(`${base}/api/v1/ready`)).status).toBe(200)
  })

  it('logs one structured line per request with the id it returns', async () => {
    const res = await fetch(`${base}/api/v1/municipalities?county=03`)
    const id = res.headers.get('X-Request-Id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    await new Promise((r) => setTimeout(r, 100))
    const line = server.logLines().find((l) => l.reqId === id)
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      path: '/api/v1/municipalities',
      status: 200,
    })
    expect(typeof line?.ms).toBe('number')
  })

  it('shuts down cleanly on SIGTERM', async () => {
    server.child.kill('SIGTERM')
    expect(await server.exit).toBe(0)
    expect(output()).toContain('"msg":"stopped"')
    await expect(fetch(`${base}/api/v1/health`)).rejects.toThrow()
  })
})
