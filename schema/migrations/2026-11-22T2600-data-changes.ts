import { type Kysely, sql } from 'kysely'

// Frozen: a counter of changes to the data that statistics and facets are computed from, so a
// server can keep a computed answer until the data changes (2026-11-22). A sequence, not a row:
// writers never wait on each other to count.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE SEQUENCE data_changes`,
    sql`CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('data_changes');
        RETURN NULL;
      END
    $$`,
  ]
  for (const table of [
    'pilots',
    'organisations',
    'evaluations',
    'adoptions',
    'events',
    'pilot_evaluators',
  ]) {
    statements.push(
      sql`CREATE TRIGGER ${sql.raw(`${table}_changed`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
        ON ${sql.raw(table)} FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()`
    )
  }
  for (const statement of statements) await statement.execute(db)
}
