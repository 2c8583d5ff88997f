import { loadReferenceData } from '../seeds/reference.ts'
import { loadSampleData } from '../seeds/sample.ts'
import type { Config } from './config.ts'
import { createDb, type Db } from './db.ts'
import type { Logger } from './logger.ts'
import { migrateToLatest } from './migrate.ts'

/**
 * Opens the database and makes it ready to serve: migrated, with the reference data, and on the
 * first start of a database where sample data is wanted, with the sample data set.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Db> {
  const db = createDb(config)
  try {
    const applied = await migrateToLatest(db)
    if (applied.length) logger.info({ applied }, 'migrations applied')
    await loadReferenceData(db)
    const firstStart = applied.includes('2026-11-22T1500-foundation')
    if (firstStart && config.seedSampleData) {
      const sample = await loadSampleData(db)
      if (sample.loaded) logger.info(sample, 'sample data loaded')
    }
    return db
  } catch (error) {
    await db.destroy()
    throw error
  }
}
