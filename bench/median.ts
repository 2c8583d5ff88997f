import { readFileSync } from 'node:fs'
import { formatResults, type Results } from './report.ts'

// The median of several runs of `npm run bench`, as one table: every number (throughput,
// latency, CPU, the browser's measures) is the median of that number over the runs, and the
// ratios are made from those medians. The targets are medians of three runs.
// Usage: tsx bench/median.ts bench/results/A.json bench/results/B.json bench/results/C.json
const files = process.argv.slice(2)
if (files.length < 2) {
  console.error('Usage: tsx bench/median.ts RESULT.json RESULT.json [RESULT.json…]')
  process.exit(2)
}
const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Results)

function median(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** The first run's shape, with every number replaced by the median of the runs that have it. */
function merge(values: unknown[]): unknown {
  const present = values.filter((v) => v !== undefined && v !== null)
  const first = present[0]
  if (typeof first === 'number') return median(present as number[])
  if (Array.isArray(first)) {
    return first.map((item, i) => {
      const key =
        (item as { name?: string; page?: string })?.name ?? (item as { page?: string })?.page
      const same = present.map((list) =>
        key === undefined
          ? (list as unknown[])[i]
          : (list as { name?: string; page?: string }[]).find((x) => (x.name ?? x.page) === key)
      )
      return merge(same)
    })
  }
  if (first && typeof first === 'object') {
    return Object.fromEntries(
      Object.keys(first).map((k) => [
        k,
        merge(present.map((v) => (v as Record<string, unknown>)[k])),
      ])
    )
  }
  return first
}

const merged = merge(runs) as Results
merged.startedAt = `median of ${runs.length} runs: ${runs.map((r) => r.startedAt).join(', ')}`
merged.problems = runs.flatMap((r) => r.problems)
console.log(formatResults(merged))
