import { loadReferenceData } from '../../seeds/reference.ts'
import { loadConfig } from '../config.ts'
import { createDb } from '../db.ts'
import { migrateToLatest } from '../migrate.ts'

// `npm run db:migrate`: applies pending migrations and the reference data, exits non-zero on failure.
const config = loadConfig()
const db = createDb(config)
try {
  const applied = await migrateToLatest(db)
  const reference = await loadReferenceData(db)
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
  console.log(
    `Reference data: ${reference.counties} counties, ${reference.municipalities} municipalities.`
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await db.destroy()
}
