import { type ChildProcess, spawn } from 'node:child_process'
import { freePort } from './ports.ts'

export interface ServerProcess {
  /** http://127.0.0.1:port */
  base: string
  /** The API's own URL under `base`: `api('pilots')`. */
  api(path: string): string
  /** Everything the process wrote so far (structured log lines). */
  output(): string
  /** The JSON log lines written so far. */
  logLines(): Record<string, unknown>[]
  /** Resolves with the exit code once the process has ended. */
  exit: Promise<number | null>
  child: ChildProcess
}

/**
 * Starts the API as `npm start` runs it (`api/main.ts`) on a free port with `env` on top of this
 * process's, and waits until it answers `/health`. Throws with its output if it does not within
 * the deadline.
 */
export async function startServer(
  env: Record<string, string>,
  deadlineMs = 90_000
): Promise<ServerProcess> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const server: ServerProcess = {
    base,
    api: (path) => `${base}/api/v1/${path}`,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line)),
    exit,
    child,
  }
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(server.api('health'))).ok) return server
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  if (child.exitCode === null) child.kill('SIGKILL')
  throw new Error(`the server did not start:\n${output}`)
}
