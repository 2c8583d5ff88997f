import { type Kysely, sql } from 'kysely'

// Frozen: this file describes the database as it was on 2026-11-22. Later changes go in new files.

const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

const STAGES = [
  'hypothesis',
  'planned',
  'running',
  'evaluating',
  'concluded',
  'adopted',
  'discontinued',
]
const OUTCOMES = ['successful', 'partially_successful', 'unsuccessful', 'inconclusive']
const ORG_KINDS = [
  'municipality',
  'county',
  'state_agency',
  'health_trust',
  'research',
  'company',
  'other',
]
const INNOVATION_TYPES = ['service', 'product', 'process', 'organisation', 'communication']
const SERVICE_AREAS = [
  'health_care',
  'education',
  'kindergarten',
  'child_welfare',
  'social_services',
  'culture',
  'technical_services',
  'administration',
  'other',
]
const METHODS = [
  'rct',
  'quasi_experimental',
  'before_after',
  'qualitative',
  'cost_benefit',
  'other',
]
const EVENT_TYPES = [
  'pilot_created',
  'pilot_updated',
  'stage_changed',
  'metric_added',
  'metric_updated',
  'metric_removed',
]

// Enhetsregisteret mod-11 over the first eight digits, weights 3 2 7 6 5 4 3 2.
const orgNumberSum = sql.raw(
  [3, 2, 7, 6, 5, 4, 3, 2].map((w, i) => `${w} * substr(org_number, ${i + 1}, 1)::int`).join(' + ')
)

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE counties (
      number char(2) PRIMARY KEY CHECK (number ~ '^[0-9]{2}$'),
      name text NOT NULL CHECK (length(name) > 0)
    )`,
    sql`CREATE TABLE municipalities (
      number char(4) PRIMARY KEY CHECK (number ~ '^[0-9]{4}$'),
      name text NOT NULL CHECK (length(name) > 0),
      county_number char(2) NOT NULL REFERENCES counties (number),
      lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
      lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
      CHECK (substr(number, 1, 2) = county_number)
    )`,
    sql`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' in email) > 1),
      name text NOT NULL CHECK (length(name) > 0),
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_number char(9) NOT NULL UNIQUE CHECK (
        org_number ~ '^[0-9]{9}$' AND (
          ((${orgNumberSum}) % 11 = 0 AND substr(org_number, 9, 1)::int = 0) OR
          ((${orgNumberSum}) % 11 > 1 AND 11 - (${orgNumberSum}) % 11 = substr(org_number, 9, 1)::int)
        )
      ),
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
      kind text NOT NULL CHECK (kind IN (${inList(ORG_KINDS)})),
      municipality_number char(4) REFERENCES municipalities (number),
      county_number char(2) REFERENCES counties (number),
      language_form text NOT NULL DEFAULT 'nb' CHECK (language_form IN ('nb', 'nn')),
      sample boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'municipality' OR municipality_number IS NOT NULL),
      CHECK (kind <> 'county' OR county_number IS NOT NULL),
      CHECK (municipality_number IS NULL OR substr(municipality_number, 1, 2) = county_number)
    )`,
    sql`CREATE INDEX organisations_name_idx ON organisations (name, id)`,
    sql`CREATE TABLE pilots (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
      summary text NOT NULL DEFAULT '',
      problem text NOT NULL DEFAULT '',
      hypothesis text NOT NULL DEFAULT '',
      innovation_type text NOT NULL CHECK (innovation_type IN (${inList(INNOVATION_TYPES)})),
      service_area text NOT NULL CHECK (service_area IN (${inList(SERVICE_AREAS)})),
      owner_org_id uuid NOT NULL REFERENCES organisations (id),
      available_to_advise boolean NOT NULL DEFAULT false,
      planned_start date,
      planned_end date CHECK (planned_end >= planned_start),
      actual_start date,
      actual_end date CHECK (actual_end >= actual_start),
      budget_nok bigint CHECK (budget_nok >= 0),
      funding_source text,
      evaluation_method text CHECK (evaluation_method IN (${inList(METHODS)})),
      evaluation_plan text,
      legal_basis text NOT NULL DEFAULT 'ordinary'
        CHECK (legal_basis IN ('ordinary', 'forsoksloven', 'sector_pilot_clause')),
      legal_reference text,
      legal_approval_date date,
      legal_expiry_date date CHECK (legal_expiry_date > legal_approval_date),
      legal_extended_until date CHECK (legal_extended_until > legal_expiry_date),
      based_on_pilot_id uuid REFERENCES pilots (id),
      tags text[] NOT NULL DEFAULT '{}',
      stage text NOT NULL DEFAULT 'hypothesis' CHECK (stage IN (${inList(STAGES)})),
      stage_changed_at timestamptz NOT NULL DEFAULT now(),
      outcome text CHECK (outcome IN (${inList(OUTCOMES)})),
      visibility text NOT NULL DEFAULT 'draft' CHECK (visibility IN ('draft', 'published')),
      discontinued_reason text,
      adoption_decision_reference text,
      adoption_decision_date date,
      preregistration jsonb,
      sample boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (stage <> 'discontinued' OR discontinued_reason IS NOT NULL),
      CHECK (stage NOT IN ('concluded', 'adopted') OR outcome IS NOT NULL),
      CHECK (stage <> 'adopted' OR (adoption_decision_reference IS NOT NULL AND adoption_decision_date IS NOT NULL)),
      CHECK (stage IN ('hypothesis', 'planned') OR preregistration IS NOT NULL OR stage = 'discontinued'),
      CHECK (legal_basis <> 'forsoksloven' OR (legal_reference IS NOT NULL
        AND legal_approval_date IS NOT NULL AND legal_expiry_date IS NOT NULL
        AND legal_expiry_date <= legal_approval_date + interval '4 years'
        AND (legal_extended_until IS NULL OR legal_extended_until <= legal_expiry_date + interval '2 years')))
    )`,
    sql`CREATE INDEX pilots_updated_idx ON pilots (updated_at DESC, id DESC)`,
    sql`CREATE INDEX pilots_created_idx ON pilots (created_at DESC, id DESC)`,
    sql`CREATE INDEX pilots_owner_idx ON pilots (owner_org_id)`,
    sql`CREATE INDEX pilots_stage_idx ON pilots (stage)`,
    sql`CREATE INDEX pilots_based_on_idx ON pilots (based_on_pilot_id)`,
    sql`CREATE TABLE pilot_partners (
      pilot_id uuid NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      role text NOT NULL CHECK (role IN ('startup', 'research', 'supplier', 'co_owner', 'other')),
      position smallint NOT NULL,
      PRIMARY KEY (pilot_id, organisation_id)
    )`,
    sql`CREATE INDEX pilot_partners_org_idx ON pilot_partners (organisation_id)`,
    sql`CREATE TABLE pilot_contacts (
      pilot_id uuid NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
      position smallint NOT NULL,
      name text NOT NULL,
      email text NOT NULL,
      phone text,
      role text,
      PRIMARY KEY (pilot_id, position)
    )`,
    sql`CREATE TABLE metrics (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      pilot_id uuid NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
      unit text,
      direction text NOT NULL CHECK (direction IN ('increase', 'decrease')),
      baseline double precision,
      target double precision,
      "primary" boolean NOT NULL DEFAULT false,
      position integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (pilot_id, name)
    )`,
    sql`CREATE INDEX metrics_pilot_idx ON metrics (pilot_id, position)`,
    sql`CREATE TABLE evaluations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      pilot_id uuid NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('interim', 'final', 'external')),
      evaluator_user_id uuid REFERENCES users (id),
      evaluator_org_id uuid REFERENCES organisations (id),
      method text NOT NULL CHECK (method IN (${inList(METHODS)})),
      evidence_level smallint NOT NULL CHECK (evidence_level BETWEEN 1 AND 5),
      outcome text CHECK (outcome IN (${inList(OUTCOMES)})),
      summary text NOT NULL DEFAULT '',
      lessons_learned text NOT NULL CHECK (length(lessons_learned) > 0),
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE INDEX evaluations_pilot_idx ON evaluations (pilot_id, created_at)`,
    sql`CREATE TABLE events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      pilot_id uuid NOT NULL REFERENCES pilots (id),
      version integer NOT NULL,
      type text NOT NULL CHECK (type IN (${inList(EVENT_TYPES)})),
      actor_user_id uuid REFERENCES users (id),
      actor_org_id uuid REFERENCES organisations (id),
      at timestamptz NOT NULL DEFAULT now(),
      diff jsonb NOT NULL DEFAULT '{}',
      data jsonb,
      UNIQUE (pilot_id, version)
    )`,
    // The event log is append-only: the database refuses to change or remove an event.
    sql`CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'insufficient_privilege';
      END
    $$`,
    sql`CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_append_only()`,
    sql`CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      status integer,
      headers jsonb,
      body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`,
    sql`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
