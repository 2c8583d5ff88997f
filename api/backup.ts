import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { sql } from 'kysely'
import type { Db } from './db.ts'

const run = promisify(execFile)

/** Where the database is: a PostgreSQL URL, or the data folder of the embedded PGlite. */
export type Target = { databaseUrl: string } | { dataDir: string }

const pgliteDir = (dataDir: string) => join(dataDir, 'pglite')

/**
 * Writes a backup of the whole database to `file`: `pg_dump --format=custom` of PostgreSQL, or
 * the gzipped data folder of PGlite (stop the server first: PGlite's folder has one user at a time).
 */
export async function backup(target: Target, file: string) {
  if ('databaseUrl' in target) {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-acl',
      '--file',
      file,
      target.databaseUrl,
    ])
    return
  }
  const dir = pgliteDir(target.dataDir)
  if (!existsSync(dir)) throw new Error(`No PGlite database in ${dir}`)
  const pglite = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } })
  try {
    const dump = await pglite.dumpDataDir('gzip')
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  } finally {
    await pglite.close()
  }
}

/**
 * Restores a backup made by `backup` into an empty database: `pg_restore` in one transaction (all
 * or nothing), or PGlite's data folder unpacked into a data folder that holds no database yet.
 */
export async function restore(target: Target, file: string) {
  if ('databaseUrl' in target) {
    await run('pg_restore', [
      '--no-owner',
      '--no-acl',
      '--single-transaction',
      '--exit-on-error',
      '--dbname',
      target.databaseUrl,
      file,
    ])
    return
  }
  const dir = pgliteDir(target.dataDir)
  if (existsSync(dir) && readdirSync(dir).length)
    throw new Error(`${dir} already holds a database; restore into an empty data folder`)
  const dump = new Blob([readFileSync(file)])
  mkdirSync(dir, { recursive: true })
  const pglite = await PGlite.create({ dataDir: dir, loadDataDir: dump, extensions: { pg_trgm } })
  await pglite.close()
}

/**
 * Rows and an MD5 of every table's rows (in a stable order), to show a restore is the same data.
 * The migrations' own bookkeeping is included: a restored database must not migrate again.
 */
export async function tableChecksums(
  db: Db
): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
  `.execute(db)
  const sums: Record<string, { rows: number; md5: string }> = {}
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ rows: number; md5: string | null }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as md5
      from ${sql.table(name)} t
    `.execute(db)
    sums[name] = { rows: rows[0]?.rows ?? 0, md5: rows[0]?.md5 ?? '' }
  }
  return sums
}
