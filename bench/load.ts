import autocannon from 'autocannon'
import { cpuTicks, type Server, TICKS_PER_SECOND } from './processes.ts'

export interface LoadResult {
  /** Successful (2xx/3xx) responses per second. */
  rps: number
  p50: number
  p99: number
  requests: number
  failed: number
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

/** Runs one load against a server with autocannon (keep-alive connections). */
export async function load(server: Server, plan: LoadPlan): Promise<LoadResult> {
  const pid = server.process.pid
  const before = pid ? cpuTicks(pid) : 0
  const result = await autocannon({
    url: server.url,
    connections: plan.connections,
    duration: plan.seconds,
    requests: plan.requests,
    ...(plan.rate ? { overallRate: Math.max(1, Math.round(plan.rate)) } : {}),
  })
  const ticks = pid ? cpuTicks(pid) - before : 0
  await drain(server, plan.drainPath)
  const ok = result['2xx'] + result['3xx']
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: ok,
    failed: result.non2xx + result.errors,
    cpuMicros: pid && ok ? (ticks / TICKS_PER_SECOND / ok) * 1e6 : null,
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
