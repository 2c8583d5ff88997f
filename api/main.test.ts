import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from './test/ports.ts'

// The README's start command, as a newcomer runs it: the embedded default on an empty data folder.
describe('the server process on its embedded default', () => {
  let child: ChildProcess
  let base: string
  let output = ''
  let exit: Promise<number | null>
  const dataDir = mkdtempSync(join(tmpdir(), 'fr-start-'))

  beforeAll(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (chunk) => {
      output += chunk
    })
    child.stderr?.on('data', (chunk) => {
      output += chunk
    })
    exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${base}/api/v1/health`)).ok) return
      } catch {}
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(`the server did not start:\n${output}`)
  }, 90_000)

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
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
    const line = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .find((l) => l.reqId === id)
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      path: '/api/v1/municipalities',
      status: 200,
    })
    expect(typeof line.ms).toBe('number')
  })

  it('shuts down cleanly on SIGTERM', async () => {
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
    expect(output).toContain('"msg":"stopped"')
    await expect(fetch(`${base}/api/v1/health`)).rejects.toThrow()
  })
})
