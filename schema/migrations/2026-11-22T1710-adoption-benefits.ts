import { type Kysely, sql } from 'kysely'

// Frozen: benefits an adopter reports locally hang on the adoption (2026-11-22).

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    // pilot_id stays the origin pilot; adoption_id set means the adopter's own, local benefit.
    sql`ALTER TABLE benefits ADD COLUMN adoption_id uuid REFERENCES adoptions (id) ON DELETE CASCADE`,
    sql`ALTER TABLE benefits ADD CONSTRAINT benefits_adoption_same_pilot
      FOREIGN KEY (adoption_id, pilot_id) REFERENCES adoptions (id, pilot_id)`,
    sql`CREATE INDEX benefits_adoption_idx ON benefits (adoption_id, position) WHERE adoption_id IS NOT NULL`,
  ]
  for (const statement of statements) await statement.execute(db)
}
