import type { Db } from '../db.ts'

/** When the first published pilot was registered and when one last changed (null: none yet). */
export async function findDatasetDates(
  db: Db
): Promise<{ issued: Date | null; modified: Date | null }> {
  const row = await db
    .selectFrom('pilots')
    .where('visibility', '=', 'published')
    .select((eb) => [eb.fn.min('created_at').as('issued'), eb.fn.max('updated_at').as('modified')])
    .executeTakeFirst()
  return { issued: asDate(row?.issued), modified: asDate(row?.modified) }
}

const asDate = (value: Date | string | null | undefined) =>
  value === null || value === undefined ? null : new Date(value)
