import { type Kysely, sql } from 'kysely'

// Frozen: adoptions (spread), their own event stream, and adoption-level benefits (2026-11-22).

const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

const EVENT_TYPES = [
  'pilot_created',
  'pilot_updated',
  'pilot_amended',
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
const OUTCOMES = ['successful', 'partially_successful', 'unsuccessful', 'inconclusive']

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE adoptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      pilot_id uuid NOT NULL REFERENCES pilots (id),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      status text NOT NULL CHECK (status IN ('interested', 'trialling', 'adopted', 'dropped')),
      degree text NOT NULL CHECK (degree IN ('copy', 'adapted', 'inspired')),
      learned_from_adoption_id uuid REFERENCES adoptions (id),
      local_pilot_id uuid REFERENCES pilots (id),
      local_outcome text CHECK (local_outcome IN (${inList(OUTCOMES)})),
      notes text,
      interested_on date,
      trialling_on date,
      adopted_on date,
      dropped_on date,
      sample boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (pilot_id, organisation_id),
      UNIQUE (id, pilot_id),
      CHECK (learned_from_adoption_id IS NULL OR learned_from_adoption_id <> id),
      CHECK (local_pilot_id IS NULL OR local_pilot_id <> pilot_id),
      CHECK (status <> 'trialling' OR trialling_on IS NOT NULL),
      CHECK (status <> 'adopted' OR adopted_on IS NOT NULL),
      CHECK (status <> 'dropped' OR dropped_on IS NOT NULL)
    )`,
    // Lineage stays within one pilot: whom you learned it from adopted the same pilot.
    sql`ALTER TABLE adoptions ADD CONSTRAINT adoptions_learned_from_same_pilot
      FOREIGN KEY (learned_from_adoption_id, pilot_id) REFERENCES adoptions (id, pilot_id)`,
    sql`CREATE INDEX adoptions_pilot_idx ON adoptions (pilot_id)`,
    sql`CREATE INDEX adoptions_org_idx ON adoptions (organisation_id)`,
    sql`CREATE INDEX adoptions_learned_from_idx ON adoptions (learned_from_adoption_id)`,

    // Adoptions keep their own versions and events, so another organisation's adoption never
    // makes the origin pilot's ETag stale.
    sql`ALTER TABLE events ADD COLUMN adoption_id uuid REFERENCES adoptions (id)`,
    sql`ALTER TABLE events DROP CONSTRAINT events_pilot_id_version_key`,
    sql`CREATE UNIQUE INDEX events_pilot_version_key ON events (pilot_id, version) WHERE adoption_id IS NULL`,
    sql`CREATE UNIQUE INDEX events_adoption_version_key ON events (adoption_id, version) WHERE adoption_id IS NOT NULL`,
    sql`ALTER TABLE events DROP CONSTRAINT events_type_check`,
    sql`ALTER TABLE events ADD CONSTRAINT events_type_check CHECK (type IN (${inList(EVENT_TYPES)}))`,
  ]
  for (const statement of statements) await statement.execute(db)
}
