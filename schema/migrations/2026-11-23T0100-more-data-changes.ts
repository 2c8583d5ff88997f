import { type Kysely, sql } from 'kysely'

// Frozen: the change counter (migration 2600) also counts changes to every other table a public
// answer is read from, now that a pilot's page and the lists are kept until the data changes
// (2026-11-23). Users count only when their name changes (it is shown on a pilot's history), not
// at every sign-in.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const statements = []
  for (const table of [
    'metrics',
    'benefits',
    'pilot_partners',
    'pilot_contacts',
    'evaluation_results',
    'evaluation_factors',
    'evaluation_reports',
    'municipalities',
    'counties',
  ]) {
    statements.push(
      sql`CREATE TRIGGER ${sql.raw(`${table}_changed`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
        ON ${sql.raw(table)} FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()`
    )
  }
  statements.push(
    sql`CREATE TRIGGER users_changed AFTER INSERT OR DELETE OR TRUNCATE
      ON users FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()`,
    sql`CREATE TRIGGER users_renamed AFTER UPDATE OF name
      ON users FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()`
  )
  for (const statement of statements) await statement.execute(db)
}
