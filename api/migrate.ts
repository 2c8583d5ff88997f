import { Migrator } from 'kysely/migration'
import { migrations } from '../schema/migrations/index.ts'
import type { Db } from './db.ts'

/**
 * Brings the schema to the latest migration. Kysely's migrator takes a lock in the database, so
 * several instances starting at once apply each migration exactly once. Throws on failure.
 */
export async function migrateToLatest(db: Db) {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(
      `Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      }
    )
  }
  return results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? []
}
