import { restore, type Target, tableChecksums } from '../backup.ts'
import { loadConfig } from '../config.ts'
import { createDb } from '../db.ts'

// `npm run restore -- file`: restores a backup into the configured, empty database and prints each
// table's rows and checksum, to compare with the database the backup came from.
const config = loadConfig()
const file = process.argv[2]
if (!file) {
  console.error('Usage: npm run restore -- <backup file>')
  process.exit(2)
}
const target: Target = config.databaseUrl
  ? { databaseUrl: config.databaseUrl }
  : { dataDir: config.dataDir }
try {
  await restore(target, file)
  const db = createDb(config)
  try {
    for (const [table, { rows, md5 }] of Object.entries(await tableChecksums(db)))
      console.log(`${table.padEnd(28)} ${String(rows).padStart(8)}  ${md5}`)
  } finally {
    await db.destroy()
  }
  console.log(`Restored ${file}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
