import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { loadReferenceData } from '../../seeds/reference.ts'
import { loadSampleData } from '../../seeds/sample.ts'
import { tableChecksums } from '../backup.ts'
import { createDb } from '../db.ts'
import { migrateToLatest } from '../migrate.ts'
import { createEmptyDatabase, DIALECTS, type TestDatabase } from '../test/harness.ts'

const run = promisify(execFile)

/** Runs an npm script of this project, as an operator would, with its environment set. */
function npmRun(script: string, args: string[], env: Record<string, string>) {
  return run('npm', ['run', '--silent', script, '--', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  })
}

// `npm run backup` of a registry with the sample data and some writes, then `npm run restore` of
// that file into a fresh, empty database: every table has the same rows, to the checksum.
describe.each(DIALECTS)('npm run backup and npm run restore on %s', (dialect) => {
  const folder = mkdtempSync(join(tmpdir(), 'fr-backup-'))
  const cleanup: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanup) await c()
    rmSync(folder, { recursive: true, force: true })
  })

  /** A database with the schema, the reference data and the sample data set. */
  async function populate(db: ReturnType<typeof createDb>) {
    await migrateToLatest(db)
    await loadReferenceData(db)
    await loadSampleData(db)
  }

  it('restores into a fresh database with equal checksums for every table', {
    timeout: 180_000,
  }, async () => {
    let source: Record<string, string>
    let target: Record<string, string>
    let before: Awaited<ReturnType<typeof tableChecksums>>
    const file = join(folder, dialect === 'postgres' ? 'registry.dump' : 'registry.tar.gz')
    if (dialect === 'postgres') {
      const from: TestDatabase = await createEmptyDatabase('postgres')
      const to: TestDatabase = await createEmptyDatabase('postgres')
      cleanup.push(from.destroy, to.destroy)
      await populate(from.db)
      before = await tableChecksums(from.db)
      source = { DATABASE_URL: from.url ?? '' }
      target = { DATABASE_URL: to.url ?? '' }
    } else {
      const fromDir = join(folder, 'from')
      const db = createDb({ dataDir: fromDir })
      await populate(db)
      before = await tableChecksums(db)
      await db.destroy()
      source = { DATABASE_URL: '', DATA_DIR: fromDir }
      target = { DATABASE_URL: '', DATA_DIR: join(folder, 'to') }
    }
    expect(before.pilots?.rows).toBeGreaterThan(5)
    expect(before.events?.rows).toBeGreaterThan(5)

    await npmRun('backup', [file], source)
    const restored = await npmRun('restore', [file], target)
    expect(restored.stdout).toContain(`Restored ${file}`)

    const db = createDb({
      databaseUrl: target.DATABASE_URL || undefined,
      dataDir: target.DATA_DIR ?? 'unused',
    })
    try {
      const after = await tableChecksums(db)
      expect(Object.keys(after).length).toBeGreaterThan(10)
      expect(after).toEqual(before)
      // The restored registry is complete: nothing left to migrate.
      expect(await migrateToLatest(db)).toEqual([])
    } finally {
      await db.destroy()
    }
  })

  it('refuses to restore over a database that is not empty', { timeout: 120_000 }, async () => {
    if (dialect === 'postgres') {
      const busy = await createEmptyDatabase('postgres')
      cleanup.push(busy.destroy)
      await populate(busy.db)
      const file = join(folder, 'registry.dump')
      await expect(npmRun('restore', [file], { DATABASE_URL: busy.url ?? '' })).rejects.toThrow()
      // All or nothing: the failed restore left the database as it was.
      expect((await tableChecksums(busy.db)).pilots?.rows).toBeGreaterThan(5)
    } else {
      const file = join(folder, 'registry.tar.gz')
      await expect(
        npmRun('restore', [file], { DATABASE_URL: '', DATA_DIR: join(folder, 'to') })
      ).rejects.toThrow(/already holds a database/)
    }
  })
})
