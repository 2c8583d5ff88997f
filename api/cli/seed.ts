import { loadReferenceData } from '../../seeds/reference.ts'
import { loadSampleData } from '../../seeds/sample.ts'
import { loadConfig } from '../config.ts'
import { createDb } from '../db.ts'
import { migrateToLatest } from '../migrate.ts'

// `npm run db:seed`: migrates, then loads the sample data set if it is not there yet.
const config = loadConfig()
const db = createDb(config)
try {
  await migrateToLatest(db)
  await loadReferenceData(db)
  const sample = await loadSampleData(db)
  console.log(
    sample.loaded
      ? `Sample data loaded: ${sample.organisations} organisations, ${sample.pilots} pilots.`
      : 'Sample data is already there; nothing changed.'
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await db.destroy()
}
