import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Statement } from './capture.ts'
import { run } from './processes.ts'

export interface PgbenchResult {
  tps: number
  latencyMs: number
}

/**
 * Writes one pgbench script with the statements of one request, their parameters as pgbench
 * variables (so `-M prepared` binds them as our API does). When `varying` is given, the
 * parameter equal to its first value takes one of its values at random, like the API workload.
 */
export function pgbenchScript(statements: Statement[], varying?: string[]) {
  const defines: string[] = []
  const lines: string[] = []
  if (varying) lines.push(`\\set i random(1, ${varying.length})`)
  statements.forEach((statement, s) => {
    const text = statement.sql.replace(/\$(\d+)/g, (_, n: string) => {
      const value = statement.parameters[Number(n) - 1]
      if (varying && value === varying[0]) return `(cast(:ids as uuid[]))[:i]`
      const name = `s${s}p${n}`
      return `:${name}`
    })
    statement.parameters.forEach((value, i) => {
      const literal =
        value instanceof Date
          ? value.toISOString()
          : Array.isArray(value)
            ? `{${value.join(',')}}`
            : String(value)
      defines.push(`s${s}p${i + 1}=${literal}`)
    })
    // pgbench ends a command at a semicolon; one statement, one (long) line.
    lines.push(`${text.replace(/\s+/g, ' ')};`)
  })
  if (varying) defines.push(`ids={${varying.join(',')}}`)
  return { script: `${lines.join('\n')}\n`, defines }
}

/** The database alone: the same statements through pgbench -M prepared, at the same concurrency. */
export async function pgbench(
  databaseUrl: string,
  name: string,
  statements: Statement[],
  options: { clients: number; seconds: number; dir: string; varying?: string[] }
): Promise<PgbenchResult> {
  mkdirSync(options.dir, { recursive: true })
  const { script, defines } = pgbenchScript(statements, options.varying)
  const file = join(options.dir, `${name}.sql`)
  writeFileSync(file, script)
  const out = await run('pgbench', [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(options.clients),
    '-j',
    '2',
    '-T',
    String(options.seconds),
    '-f',
    file,
    ...defines.flatMap((d) => ['-D', d]),
    databaseUrl,
  ])
  const tps = /tps = ([\d.]+)/.exec(out)?.[1]
  const latency = /latency average = ([\d.]+) ms/.exec(out)?.[1]
  if (!tps) throw new Error(`pgbench gave no tps:\n${out}`)
  return { tps: Number(tps), latencyMs: Number(latency ?? Number.NaN) }
}
