import { parseArgs } from 'node:util'
import { loadReferenceData } from '../../seeds/reference.ts'
import { loadSampleData } from '../../seeds/sample.ts'
import { loadScaleData } from '../../seeds/scale-load.ts'
import { loadConfig } from '../config.ts'
import { createDb } from '../db.ts'
import { migrateToLatest } from '../migrate.ts'

// `npm run db:seed`: migrates, then loads the sample data set if it is not there yet.
// `npm run db:seed -- --scale N [--seed S] [--batch B]`: instead generates N pilots with their
// children (see seeds/README.md); COPY on PostgreSQL (DATABASE_URL), multi-row INSERTs on PGlite.
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '2000' },
  },
})
const wholeNumber = (name: string, value: string | undefined, min: number) => {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < min) {
    console.error(`--${name} must be a whole number of at least ${min}, not ${value}`)
    process.exit(2)
  }
  return n
}
const scale = args.scale === undefined ? undefined : wholeNumber('scale', args.scale, 1)
const seed = wholeNumber('seed', args.seed, 0)
const batchSize = wholeNumber('batch', args.batch, 1)

const config = loadConfig()
const db = createDb(config)
try {
  await migrateToLatest(db)
  await loadReferenceData(db)
  if (scale !== undefined) {
    const started = performance.now()
    const counts = await loadScaleData(db, {
      pilots: scale,
      seed,
      batchSize,
      copyUrl: config.databaseUrl,
      onProgress: (written) => process.stderr.write(`\r${written} / ${scale} pilots generated`),
    })
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    process.stderr.write('\n')
    console.log(
      `Generated ${scale} pilots (seed ${seed}) in ${seconds} s via ${config.databaseUrl ? 'COPY' : 'multi-row INSERT'}:`
    )
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table}: ${n}`)
  } else {
    const sample = await loadSampleData(db)
    console.log(
      sample.loaded
        ? `Sample data loaded: ${sample.organisations} organisations, ${sample.pilots} pilots.`
        : 'Sample data is already there; nothing changed.'
    )
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await db.destroy()
}
