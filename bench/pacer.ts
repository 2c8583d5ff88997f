import { fork } from 'node:child_process'
import { connect, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

/** What the paced client is asked to do: GET one of `paths` at random, `rate` times a second. */
export interface PacedJob {
  url: string
  paths: string[]
  rate: number
  seconds: number
  connections: number
}

/** What one measurement saw: answers, failures, and latency in ms. */
export interface PacedResult {
  ok: number
  failed: number
  seconds: number
  p50: number
  p99: number
}

/** Latencies in ms, as autocannon reports them: whole milliseconds. */
function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
}

/** One keep-alive connection of the paced client, reading HTTP/1.1 answers off the socket. */
class Connection {
  readonly socket: Socket
  #chunks: Buffer[] = []
  #received = 0
  /** Bytes of the whole answer (head and body); -1 until the head is in. */
  #needed = -1
  #chunked = false
  #status = 0
  #done: ((status: number) => void) | null = null

  constructor(host: string, port: number, onClose: () => void) {
    this.socket = connect({ host, port, noDelay: true })
    this.socket.on('data', (chunk) => this.#read(chunk))
    this.socket.on('error', () => {})
    this.socket.on('close', () => {
      this.#done?.(0)
      this.#done = null
      onClose()
    })
  }

  /** Sends one GET; resolves with the status once the whole answer is in (0: connection lost). */
  get(head: Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.#done = resolve
      this.#chunks = []
      this.#received = 0
      this.#needed = -1
      this.socket.write(head)
    })
  }

  #read(chunk: Buffer) {
    this.#chunks.push(chunk)
    this.#received += chunk.length
    if (this.#needed < 0) {
      // The head is not read yet: look for its end in what has come so far.
      const data = this.#chunks.length === 1 ? chunk : Buffer.concat(this.#chunks)
      this.#chunks = [data]
      const headEnd = data.indexOf('\r\n\r\n')
      if (headEnd < 0) return
      const head = data.toString('latin1', 0, headEnd)
      this.#status = Number(head.slice(9, 12))
      const length = /\r\ncontent-length: *(\d+)/i.exec(head)
      this.#chunked = !length && /\r\ntransfer-encoding: *chunked/i.test(head)
      this.#needed = headEnd + 4 + (length ? Number(length[1]) : 0)
    }
    const complete = this.#chunked
      ? Buffer.concat(this.#chunks).includes('\r\n0\r\n\r\n', this.#needed - 2)
      : this.#received >= this.#needed
    if (!complete || !this.#done) return
    const done = this.#done
    this.#done = null
    done(this.#status)
  }
}

/**
 * Reads at a fixed offered load, evenly paced: request i is due at start + i / rate, goes out on
 * one of `connections` keep-alive connections (waiting for a free one if all are busy), and its
 * latency counts from when it was due, so time spent queued behind a slow answer is counted too.
 * (autocannon's own rate sends each second's quota flat out and then pauses, which measures the
 * latency at the peak, not at the rate asked for.) The client writes prepared request bytes and
 * reads answers straight off the socket: on two cores it must cost the server little CPU.
 */
async function paced(job: PacedJob): Promise<PacedResult> {
  const { hostname, port } = new URL(job.url)
  const total = Math.max(1, Math.round(job.rate * job.seconds))
  const interval = 1000 / job.rate
  const heads = new Map<string, Buffer>()
  const headOf = (path: string) => {
    let head = heads.get(path)
    if (!head) {
      head = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`, 'latin1')
      heads.set(path, head)
    }
    return head
  }
  const latencies: number[] = []
  let failed = 0
  const free: Connection[] = []
  const waiting: { path: string; due: number }[] = []
  let open = 0
  const openConnection = () => {
    open++
    const connection = new Connection(hostname, Number(port), () => {
      open--
      const at = free.indexOf(connection)
      if (at >= 0) free.splice(at, 1)
    })
    free.push(connection)
  }
  for (let i = 0; i < job.connections; i++) openConnection()
  let finished = 0
  let allDone: () => void = () => {}
  const everyAnswer = new Promise<void>((resolve) => (allDone = resolve))
  const send = (connection: Connection, path: string, due: number) => {
    void connection.get(headOf(path)).then((status) => {
      if (status >= 200 && status < 400) latencies.push(performance.now() - due)
      else failed++
      if (status === 0 && open < job.connections) openConnection()
      const next = waiting.shift()
      if (next) {
        const reuse = status === 0 ? free.shift() : connection
        if (reuse) send(reuse, next.path, next.due)
        else waiting.unshift(next)
      } else if (status !== 0) free.push(connection)
      if (++finished === total) allDone()
    })
  }
  const started = performance.now()
  for (let i = 0; i < total; i++) {
    const due = started + i * interval
    const wait = due - performance.now()
    if (wait >= 1) await sleep(wait)
    const path = job.paths[Math.floor(Math.random() * job.paths.length)] as string
    // The connection idle longest: requests go round all of them, so every server process gets
    // its share, as a crowd of readers spreads over them (reusing the last one freed piled a
    // paced load onto the one or two connections, and so onto one of the two workers).
    const connection = free.shift()
    if (connection) send(connection, path, due)
    else waiting.push({ path, due })
  }
  await everyAnswer
  const seconds = (performance.now() - started) / 1000
  for (const connection of free) connection.socket.destroy()
  latencies.sort((a, b) => a - b)
  return {
    ok: latencies.length,
    failed,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  }
}

/**
 * Runs a paced measurement in a process of its own, after one unmeasured second at the same pace
 * (connections open, the client's code warm): a fresh, small heap whose garbage collection does
 * not hold up the requests, and an event loop nothing else of the benchmark shares. `measuring`
 * is called after the warm-up, just before the measured run starts.
 */
export function pacedInChild(job: PacedJob, measuring: () => void): Promise<PacedResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child'], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    child.on('message', (message: 'warm' | PacedResult) => {
      if (message !== 'warm') return resolve(message)
      measuring()
      child.send('go')
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The paced client ended with ${code}`))
    })
    child.send(job)
  })
}

if (process.argv.includes('--child')) {
  process.once('message', async (job: PacedJob) => {
    await paced({ ...job, seconds: 1 })
    process.once('message', async () => {
      const result = await paced(job)
      process.send?.(result, () => process.exit(0))
    })
    process.send?.('warm')
  })
}
