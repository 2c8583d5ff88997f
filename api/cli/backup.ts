import { backup, type Target } from '../backup.ts'
import { loadConfig } from '../config.ts'

// `npm run backup [-- file]`: a backup of the configured database (DATABASE_URL, else DATA_DIR's PGlite).
const config = loadConfig()
const target: Target = config.databaseUrl
  ? { databaseUrl: config.databaseUrl }
  : { dataDir: config.dataDir }
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const file =
  process.argv[2] ?? `forsoksregisteret-${stamp}.${config.databaseUrl ? 'dump' : 'pglite.tar.gz'}`
try {
  await backup(target, file)
  console.log(`Backup written to ${file}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
