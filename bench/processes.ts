import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

/** A server the benchmark started: its process, and how to stop it and measure its CPU time. */
export interface Server {
  name: string
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

/** Starts a long-running command; its output goes to the benchmark's log only when it fails. */
export function start(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; url: string }
): Server {
  const child = spawn(command, args, {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  child.on('exit', (code) => {
    if (code && code !== 143) console.error(`[${name}] exited with ${code}:\n${output}`)
  })
  return {
    name,
    url: options.url,
    process: child,
    async stop() {
      if (child.exitCode !== null || !child.pid) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      // The whole process group: tsx and npx start the real server as a child.
      process.kill(-child.pid, 'SIGTERM')
      const killed = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)])
      if (!killed) process.kill(-child.pid, 'SIGKILL')
    },
  }
}

/** Waits until `url` answers 2xx (or gives up after `seconds`). */
export async function waitForHttp(url: string, seconds = 120) {
  const until = Date.now() + seconds * 1000
  while (Date.now() < until) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    await sleep(250)
  }
  throw new Error(`${url} did not answer within ${seconds} s`)
}

/** Runs a command to its end and returns its output; throws with the output when it fails. */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
    })
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${out.slice(-3000)}`))
    )
  })
}

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }
  } catch {
    return null
  }
}

/**
 * CPU time (user + system, in clock ticks of 10 ms) used so far by a process and all its
 * descendants that are still running: the server and its workers.
 */
export function cpuTicks(rootPid: number): number {
  const children = new Map<number, number[]>()
  const ticks = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    const s = stat(pid)
    if (!s) continue
    ticks.set(pid, s.ticks)
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid])
  }
  let total = 0
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.pop() as number
    total += ticks.get(pid) ?? 0
    queue.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
export const TICKS_PER_SECOND = 100
