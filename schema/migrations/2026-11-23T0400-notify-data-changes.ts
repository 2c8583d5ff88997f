import { type Kysely, sql } from 'kysely'

// Frozen: a write tells every server that its data changed by NOTIFY on the channel
// `data_changes`, delivered when the transaction commits, instead of a counter every kept answer
// had to read from the database (2026-11-23). Identical notices of one transaction are folded
// into one by PostgreSQL. The counter is no longer read.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE OR REPLACE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('data_changes', '');
        RETURN NULL;
      END
    $$`.execute(db)
  await sql`DROP SEQUENCE data_changes`.execute(db)
}
