import { execFile } from 'node:child_process'
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '../../test/ports.ts'

const run = promisify(execFile)

/** The PostgreSQL server programs: PG_BIN, else the newest under /usr/lib/postgresql. */
function binDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
  if (!versions[0]) throw new Error('No PostgreSQL server found under /usr/lib/postgresql')
  return `/usr/lib/postgresql/${versions[0]}/bin`
}

export interface Cluster {
  /** postgres://postgres@127.0.0.1:port/postgres */
  url: string
  port: number
  /** `pg_ctl restart -m immediate`: every backend killed at once, crash recovery on start. */
  crashRestart(): Promise<void>
  /** `pg_ctl stop -m immediate`: down until `start`. */
  crash(): Promise<void>
  start(): Promise<void>
  destroy(): Promise<void>
}

/**
 * A throwaway PostgreSQL cluster of our own, in a temporary folder on a free port, so the fault
 * tests can crash it without touching anyone else's server. initdb refuses to run as root; then
 * the cluster belongs to the `postgres` user and is driven through runuser.
 */
export async function startCluster(): Promise<Cluster> {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), 'fr-faults-'))
  const data = join(dir, 'data')
  const port = await freePort()
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()))
  }
  const pg = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args])
      : run(join(bin, program), args)
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`
  const log = join(dir, 'server.log')
  const start = async () => {
    await pg('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', '-t', '60', 'start'])
  }
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async crashRestart() {
      await pg('pg_ctl', ['-D', data, '-o', options, '-l', log, '-m', 'immediate', '-w', 'restart'])
    },
    async crash() {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
    },
    start,
    async destroy() {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
