import type { BrowserResult } from './browser.ts'
import type { LoadResult, Profile } from './load.ts'
import type { PgbenchResult } from './pgbench.ts'

export interface WorkloadResult {
  name: string
  kind: string
  api?: Profile
  pgbench?: PgbenchResult
  peers: Partial<Record<'bare' | 'hono' | 'express' | 'directus', LoadResult>>
}

export interface Results {
  startedAt: string
  machine: { cpus: number; node: string }
  options: Record<string, unknown>
  data: Record<string, unknown>
  workloads: WorkloadResult[]
  browser?: BrowserResult
  problems: string[]
}

const n = (x: number | undefined | null, digits = 0) =>
  x === undefined || x === null || Number.isNaN(x) ? '–' : x.toFixed(digits)
const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : '–')
/** A peer's throughput; one that answered nothing during the whole measurement says so. */
const peer = (r?: LoadResult) => (r && !r.requests ? 'no answer' : n(r?.rps))

function table(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}

/** The results as Markdown tables: our API, then the ratios to the limits and to the peers. */
export function formatResults(r: Results) {
  const ours = table(
    ['workload', 'req/s', 'p50@50%', 'p99@50%', 'p50@80%', 'p99@80%', 'CPU µs/req', 'failed'],
    r.workloads
      .filter((w) => w.api)
      .map((w) => {
        const a = w.api as Profile
        return [
          w.name,
          n(a.peak.rps),
          n(a.at50.p50, 1),
          n(a.at50.p99, 1),
          n(a.at80.p50, 1),
          n(a.at80.p99, 1),
          n(a.peak.cpuMicros),
          n(a.peak.failed + a.at50.failed + a.at80.failed),
        ]
      })
  )
  const reads = r.workloads.filter((w) => w.kind === 'read')
  const limits = table(
    [
      'read workload',
      'API',
      'pgbench',
      'API/pgbench',
      'bare http',
      'API/bare',
      'hono',
      'hono/bare',
      'express',
      'API/express',
      'directus',
      'API/directus',
    ],
    reads.map((w) => {
      const api = w.api?.peak.rps
      const p = w.peers
      return [
        w.name,
        n(api),
        n(w.pgbench?.tps),
        ratio(api, w.pgbench?.tps),
        n(p.bare?.rps),
        ratio(api, p.bare?.rps),
        n(p.hono?.rps),
        ratio(p.hono?.rps, p.bare?.rps),
        peer(p.express),
        ratio(api, p.express?.rps),
        peer(p.directus),
        ratio(api, p.directus?.rps),
      ]
    })
  )
  const parts = [
    `Forsøksregisteret benchmark, ${r.startedAt} (${r.machine.cpus} cores, Node ${r.machine.node})`,
    `Data: ${JSON.stringify(r.data)}`,
    '',
    'Our API (req/s at the peak; latency in ms at fixed offered loads of 50 % and 80 % of it):',
    ours,
    '',
    'Throughput (req/s, or transactions/s for pgbench) against the limits and the peers (no answer: not one during the measurement):',
    limits,
  ]
  if (r.browser) {
    parts.push(
      '',
      `Browser: first page JavaScript ${n(r.browser.firstPageJsGzipBytes / 1024, 1)} KB gzipped (${r.browser.firstPageJsFiles} files)`,
      table(
        ['page', 'LCP ms', 'TBT ms'],
        r.browser.pages.map((p) => [p.page, n(p.lcpMs), n(p.tbtMs)])
      )
    )
  }
  if (r.problems.length) parts.push('', 'Problems:', ...r.problems.map((p) => `- ${p}`))
  return parts.join('\n')
}
