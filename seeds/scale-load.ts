import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import postgres from 'postgres'
import type { Db } from '../api/db.ts'
import { jsonb, textArray } from '../api/queries/sql.ts'
import { REAL_ORGANISATIONS, registerRealOrganisations } from './organisations.ts'
import {
  type Batch,
  generateBatch,
  type Row,
  SCALE_TABLES,
  type ScaleContext,
  type ScaleTable,
  scalePilotId,
} from './scale.ts'

/** The user the sample and generated writes are attributed to. */
export const SAMPLE_USER_EMAIL = 'eksempeldata@forsoksregisteret.example'

export interface ScaleOptions {
  /** How many pilots to generate. */
  pilots: number
  /** The generator's seed (default 1): the same seed gives the same rows. */
  seed?: number
  /** Pilots generated and sent per round (default 2000); only memory use depends on it. */
  batchSize?: number
  /**
   * A PostgreSQL URL of the same database as `db`: the rows then go in with COPY on a connection
   * of their own. Without it (PGlite), they go in as multi-row INSERTs through `db`.
   */
  copyUrl?: string
  /** Called after each batch with the pilots written so far. */
  onProgress?: (written: number) => void
}

export type ScaleCounts = Record<ScaleTable, number>

const JSON_COLUMNS = new Set(['preregistration', 'diff', 'data'])
const ARRAY_COLUMNS = new Set(['tags'])

/**
 * Generates `pilots` pilots with their children and loads them in one transaction: all or none.
 * Registers the real organisations and the sample user first if they are missing. Refuses to run
 * twice with the same seed on one database.
 */
export async function loadScaleData(db: Db, options: ScaleOptions): Promise<ScaleCounts> {
  const seed = options.seed ?? 1
  const batchSize = options.batchSize ?? 2000
  if (!Number.isInteger(options.pilots) || options.pilots < 1)
    throw new Error('--scale needs a whole number of pilots, at least 1')
  const orgIds = await registerRealOrganisations(db)
  const user = await db
    .insertInto('users')
    .values({
      email: SAMPLE_USER_EMAIL,
      name: 'Eksempeldata',
      created_at: new Date('2026-01-01T08:00:00Z'),
    })
    .onConflict((oc) => oc.column('email').doUpdateSet({ name: 'Eksempeldata' }))
    .returning('id')
    .executeTakeFirstOrThrow()
  const present = await db
    .selectFrom('pilots')
    .select('id')
    .where('id', '=', scalePilotId(seed, 0))
    .executeTakeFirst()
  if (present)
    throw new Error(`Generated data with seed ${seed} is already here; use another --seed`)

  const idOf = (orgNumber: string) => orgIds.get(orgNumber) as string
  const context: ScaleContext = {
    seed,
    userId: user.id,
    municipalities: REAL_ORGANISATIONS.filter((o) => o.kind === 'municipality').map((o) =>
      idOf(o.orgNumber)
    ),
    agencies: REAL_ORGANISATIONS.filter((o) => o.kind !== 'municipality').map((o) =>
      idOf(o.orgNumber)
    ),
  }
  const counts = Object.fromEntries(SCALE_TABLES.map((t) => [t, 0])) as ScaleCounts
  const rounds = async (write: (batch: Batch) => Promise<void>) => {
    for (let from = 0; from < options.pilots; from += batchSize) {
      const to = Math.min(options.pilots, from + batchSize)
      const batch = generateBatch(context, from, to)
      await write(batch)
      for (const table of SCALE_TABLES) counts[table] += batch[table].length
      options.onProgress?.(to)
    }
  }

  if (options.copyUrl) {
    const client = postgres(options.copyUrl, { max: 1, onnotice: () => {} })
    try {
      await client.begin(async (tx) => {
        await rounds(async (batch) => {
          for (const table of SCALE_TABLES) await copyRows(tx, table, batch[table])
        })
      })
      await client`ANALYZE`
    } finally {
      await client.end()
    }
  } else {
    await db.transaction().execute(async (trx) => {
      await rounds(async (batch) => {
        for (const table of SCALE_TABLES) await insertRows(trx, table, batch[table])
      })
    })
  }
  return counts
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes. */
function copyField(value: unknown, column: string): string {
  if (value === null || value === undefined) return '\\N'
  let text: string
  if (value instanceof Date) text = value.toISOString()
  else if (typeof value === 'boolean') text = value ? 't' : 'f'
  else if (ARRAY_COLUMNS.has(column))
    text = `{${(value as string[]).map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`
  else if (JSON_COLUMNS.has(column)) text = JSON.stringify(value)
  else text = String(value)
  return text.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'
  )
}

async function copyRows(tx: postgres.TransactionSql, table: ScaleTable, rows: Row[]) {
  const first = rows[0]
  if (!first) return
  const columns = Object.keys(first)
  const lines = function* () {
    for (const row of rows) yield `${columns.map((c) => copyField(row[c], c)).join('\t')}\n`
  }
  const stream = await tx
    .unsafe(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`)
    .writable()
  await pipeline(Readable.from(lines()), stream)
}

/** Multi-row INSERTs, each below PostgreSQL's limit of 65 535 parameters. */
async function insertRows(trx: Db, table: ScaleTable, rows: Row[]) {
  const first = rows[0]
  if (!first) return
  const columns = Object.keys(first)
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length))
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows.slice(i, i + perStatement).map((row) =>
      Object.fromEntries(
        columns.map((c) => {
          const v = row[c]
          if (v !== null && JSON_COLUMNS.has(c)) return [c, jsonb(v)]
          if (ARRAY_COLUMNS.has(c)) return [c, textArray(v as string[])]
          return [c, v]
        })
      )
    )
    // Rows are keyed by the generator's column names, which the migrations define.
    await trx
      .insertInto(table)
      .values(values as never)
      .execute()
  }
}
