import { type Kysely, sql } from 'kysely'

// Frozen: evaluations in full, evaluator assignments, reports, the benefits ledger (2026-11-22).

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
]
const FACTORS = [
  'staff',
  'new_technology',
  'decisions_and_priorities',
  'leadership',
  'funding',
  'regulation',
  'users',
  'partners',
]
const PARTIES = ['own_org', 'other_org', 'state', 'health_trust', 'citizens']

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE events DROP CONSTRAINT events_type_check`,
    sql`ALTER TABLE events ADD CONSTRAINT events_type_check CHECK (type IN (${inList(EVENT_TYPES)}))`,

    sql`ALTER TABLE evaluations
      ADD COLUMN other_factors text,
      ADD COLUMN report_url text CHECK (report_url ~ '^https?://'),
      ADD CONSTRAINT evaluations_outcome_for_final CHECK (kind = 'interim' OR outcome IS NOT NULL)`,

    sql`CREATE TABLE evaluation_results (
      evaluation_id uuid NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
      metric_id uuid NOT NULL REFERENCES metrics (id),
      observed double precision NOT NULL,
      ci_low double precision,
      ci_high double precision,
      n integer CHECK (n >= 0),
      preregistered boolean NOT NULL,
      PRIMARY KEY (evaluation_id, metric_id),
      CHECK (ci_low IS NULL OR ci_high IS NULL OR ci_low <= ci_high),
      CHECK ((ci_low IS NULL) = (ci_high IS NULL)),
      CHECK (ci_low IS NULL OR (observed BETWEEN ci_low AND ci_high))
    )`,
    sql`CREATE INDEX evaluation_results_metric_idx ON evaluation_results (metric_id)`,

    sql`CREATE TABLE evaluation_factors (
      evaluation_id uuid NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
      factor text NOT NULL CHECK (factor IN (${inList(FACTORS)})),
      effect text NOT NULL CHECK (effect IN ('promoted', 'hindered')),
      note text,
      PRIMARY KEY (evaluation_id, factor, effect)
    )`,

    // The PDF itself lives in the database with its evaluation, so a backup holds everything.
    sql`CREATE TABLE evaluation_reports (
      evaluation_id uuid PRIMARY KEY REFERENCES evaluations (id) ON DELETE CASCADE,
      filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
      content_type text NOT NULL CHECK (content_type = 'application/pdf'),
      size integer NOT NULL CHECK (size > 0 AND size <= 20971520),
      sha256 char(64) NOT NULL,
      data bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,

    sql`CREATE TABLE pilot_evaluators (
      pilot_id uuid NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id),
      organisation_id uuid REFERENCES organisations (id),
      assigned_by uuid REFERENCES users (id),
      assigned_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (pilot_id, user_id)
    )`,
    sql`CREATE INDEX pilot_evaluators_user_idx ON pilot_evaluators (user_id)`,

    sql`CREATE TABLE benefits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      pilot_id uuid NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('cost_saving_nok', 'time_saving_hours', 'quality', 'other')),
      description text NOT NULL CHECK (length(description) BETWEEN 2 AND 500),
      unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 40),
      planned_annual double precision CHECK (planned_annual >= 0),
      realised_annual double precision CHECK (realised_annual >= 0),
      bearer text NOT NULL CHECK (bearer IN (${inList(PARTIES)})),
      beneficiary text NOT NULL CHECK (beneficiary IN (${inList(PARTIES)})),
      position integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (planned_annual IS NOT NULL OR realised_annual IS NOT NULL),
      CHECK (kind <> 'cost_saving_nok' OR unit = 'NOK'),
      CHECK (kind <> 'time_saving_hours' OR unit = 'hours')
    )`,
    sql`CREATE INDEX benefits_pilot_idx ON benefits (pilot_id, position)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
