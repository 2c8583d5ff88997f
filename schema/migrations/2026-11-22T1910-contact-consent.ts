import { type Kysely, sql } from 'kysely'

// Frozen: a contact person is shown to the public only with their consent (2026-11-22).

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE pilot_contacts ADD COLUMN public_consent boolean NOT NULL DEFAULT false`.execute(
    db
  )
}
