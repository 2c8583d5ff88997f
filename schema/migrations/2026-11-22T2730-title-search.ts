import { type Kysely, sql } from 'kysely'

// Frozen: a full-text index of titles alone, so a search ranks a bounded set of candidates with
// the title matches (the best ranked) first instead of every match (2026-11-22).

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX pilots_title_search_idx ON pilots
    USING gin (to_tsvector('norwegian', title))`.execute(db)
}
