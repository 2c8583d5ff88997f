import { connect, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import { cpuTicks, type Server, TICKS_PER_SECOND } from './processes.ts'

export interface LoadResult {
  /** Successful (2xx/3xx) responses per second. */
  rps: number
  p50: number
  p99: number
  requests: number
  failed: number
  /** Requests that got no answer within autocannon's timeout (10 s). */
  timeouts?: number
  /** Server CPU time (user + system, every process of the server) per request, in µs. */
  cpuMicros: number | null
}

export interface LoadPlan {
  requests: autocannon.Request[]
  connections: number
  seconds: number
  /** A fixed offered load in requests per second; unset runs flat out (the peak). */
  rate?: number
  /** A cheap address that answers only when the server's queue is empty (our API: /ready). */
  drainPath?: string
}

/**
 * Waits until the server answers a cheap request quickly again: requests still queued from one
 * measurement (slow statistics, say) must not be counted against the next.
 */
async function drain(server: Server, path = '/') {
  for (let i = 0; i < 600; i++) {
    const started = performance.now()
    try {
      await (await fetch(server.url + path)).arrayBuffer()
    } catch {}
    if (performance.now() - started < 50) return
  }
}

/** Latencies in ms, as autocannon reports them: whole milliseconds. */
function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
}

/** What one measurement saw: answers, failures, and latency in ms. */
interface Measured {
  ok: number
  failed: number
  /** Requests without an answer within autocannon's timeout (the paced client waits for all). */
  timeouts?: number
  seconds: number
  p50: number
  p99: number
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
async function paced(server: Server, plan: LoadPlan & { rate: number }): Promise<Measured> {
  const { hostname, port } = new URL(server.url)
  const total = Math.max(1, Math.round(plan.rate * plan.seconds))
  const interval = 1000 / plan.rate
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
  for (let i = 0; i < plan.connections; i++) openConnection()
  let finished = 0
  let allDone: () => void = () => {}
  const everyAnswer = new Promise<void>((resolve) => (allDone = resolve))
  const send = (connection: Connection, path: string, due: number) => {
    void connection.get(headOf(path)).then((status) => {
      if (status >= 200 && status < 400) latencies.push(performance.now() - due)
      else failed++
      if (status === 0 && open < plan.connections) openConnection()
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
    const template = plan.requests[i % plan.requests.length] as autocannon.Request
    const chosen =
      typeof template.setupRequest === 'function'
        ? (template.setupRequest({ ...template }, {}) as autocannon.Request)
        : template
    const path = chosen.path ?? '/'
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

/** Only reads can be paced request by request; writes repeat a sequence per connection. */
const onlyReads = (plan: LoadPlan) =>
  plan.requests.every((r) => (r.method ?? 'GET') === 'GET' && !r.body)

/**
 * Runs one load against a server: flat out with autocannon (keep-alive connections), or at a
 * fixed offered load (reads evenly paced, see `paced`; writes with autocannon's rate).
 */
export async function load(server: Server, plan: LoadPlan): Promise<LoadResult> {
  // Flat out, every server first gets the same unmeasured warm-up: its JIT, its caches and the
  // database's buffers, so the first workload after a start is not measured cold.
  if (!plan.rate) {
    await autocannon({
      url: server.url,
      connections: plan.connections,
      duration: Math.min(2, plan.seconds),
      requests: plan.requests,
    })
    await drain(server, plan.drainPath)
  }
  const pacedReads = Boolean(plan.rate) && onlyReads(plan)
  // Paced, the same pace for a second first, unmeasured: connections open, the client's code warm.
  if (pacedReads) await paced(server, { ...plan, rate: plan.rate as number, seconds: 1 })
  const pid = server.process.pid
  const before = pid ? cpuTicks(pid) : 0
  const result = pacedReads
    ? await paced(server, { ...plan, rate: plan.rate as number })
    : await byAutocannon(server, plan)
  const ticks = pid ? cpuTicks(pid) - before : 0
  await drain(server, plan.drainPath)
  return {
    rps: result.ok / result.seconds,
    p50: result.p50,
    p99: result.p99,
    requests: result.ok,
    failed: result.failed,
    ...(result.timeouts === undefined ? {} : { timeouts: result.timeouts }),
    cpuMicros: pid && result.ok ? (ticks / TICKS_PER_SECOND / result.ok) * 1e6 : null,
  }
}

/** One autocannon run, flat out or at autocannon's own rate, in the terms `paced` reports. */
async function byAutocannon(server: Server, plan: LoadPlan): Promise<Measured> {
  const result = await autocannon({
    url: server.url,
    connections: plan.connections,
    duration: plan.seconds,
    requests: plan.requests,
    ...(plan.rate ? { overallRate: Math.max(1, Math.round(plan.rate)) } : {}),
  })
  return {
    ok: result['2xx'] + result['3xx'],
    failed: result.non2xx + result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }
}

export interface Profile {
  peak: LoadResult
  at50: LoadResult
  at80: LoadResult
}

/** The peak throughput, then latency at fixed offered loads of 50 % and 80 % of that peak. */
export async function profile(server: Server, plan: LoadPlan): Promise<Profile> {
  const peak = await load(server, plan)
  const at50 = await load(server, { ...plan, rate: peak.rps * 0.5 })
  const at80 = await load(server, { ...plan, rate: peak.rps * 0.8 })
  return { peak, at50, at80 }
}
