import autocannon from 'autocannon'
import { type PacedResult, pacedInChild } from './pacer.ts'
import { cpuTicks, type Server, TICKS_PER_SECOND } from './processes.ts'
import type { ReadRequest } from './workloads.ts'

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

/** What one measurement saw, by autocannon or by the paced client. */
type Measured = PacedResult & {
  /** Requests without an answer within autocannon's timeout (the paced client waits for all). */
  timeouts?: number
}

/**
 * The addresses a load of reads asks for (`randomGet` requests), or null when it has writes: only
 * reads can be paced request by request; writes repeat a sequence per connection.
 */
function readPaths(plan: LoadPlan): string[] | null {
  const paths: string[] = []
  for (const request of plan.requests) {
    const read = request as ReadRequest
    if ((read.method ?? 'GET') !== 'GET' || read.body || !read.paths) return null
    paths.push(...read.paths)
  }
  return paths
}

/**
 * Runs one load against a server: flat out with autocannon (keep-alive connections), or at a
 * fixed offered load (reads evenly paced by bench/pacer.ts; writes with autocannon's rate).
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
  const paths = plan.rate ? readPaths(plan) : null
  const pid = server.process.pid
  let before = 0
  const measuring = () => {
    before = pid ? cpuTicks(pid) : 0
  }
  let result: Measured
  if (paths) {
    const { url } = server
    const job = { url, paths, rate: plan.rate as number, seconds: plan.seconds }
    result = await pacedInChild({ ...job, connections: plan.connections }, measuring)
  } else {
    measuring()
    result = await byAutocannon(server, plan)
  }
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

/** One autocannon run, flat out or at autocannon's own rate, in the terms the paced client reports. */
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
