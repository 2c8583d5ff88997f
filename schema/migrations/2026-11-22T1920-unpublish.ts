import { type Kysely, sql } from 'kysely'

// Frozen: a system administrator can unpublish a pilot, with a logged reason (2026-11-22).

const EVENT_TYPES = [
  'pilot_created',
  'pilot_updated',
  'pilot_amended',
  'pilot_unpublished',
  'stage_changed',
  'metric_added',
  'metric_updated',
  'metric_removed',
  'evaluation_recorded',
  'report_attached',
  'evaluator_assigned',
  'evaluator_removed',
  'benefit_added',
  'benefit_updated',
  'benefit_removed',
  'adoption_recorded',
  'adoption_updated',
]

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE events DROP CONSTRAINT events_type_check`.execute(db)
  await sql`ALTER TABLE events ADD CONSTRAINT events_type_check CHECK (type IN (${sql.raw(
    EVENT_TYPES.map((t) => `'${t}'`).join(', ')
  )}))`.execute(db)
}
