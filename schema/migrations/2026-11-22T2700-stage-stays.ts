import { type Kysely, sql } from 'kysely'

// Frozen: every stay of a pilot in a stage, kept from the event log as events are appended, so the
// pipeline statistics read one narrow row per stay instead of replaying the log; and an index that
// holds what the statistics read of a published pilot, so they need not read the wide pilot rows
// (2026-11-22).
//
// A stay begins with the pilot's creation (in 'hypothesis') or a stage change (in the stage it
// moved to) and ends at the pilot's next stage change. `days` is the length of an ended stay in
// whole milliseconds, as JavaScript dates measure it (PostgreSQL keeps microseconds); `visit`
// counts the pilot's stays in that stage (a trial extended goes back to 'running').

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE stage_stays (
      pilot_id uuid NOT NULL REFERENCES pilots (id),
      version integer NOT NULL,
      stage text,
      from_stage text,
      entered_at timestamptz NOT NULL,
      left_at timestamptz,
      days double precision,
      visit integer,
      PRIMARY KEY (pilot_id, version)
    )`,
    sql`CREATE INDEX stage_stays_stopped_idx ON stage_stays (pilot_id, version) INCLUDE (from_stage)
      WHERE stage = 'discontinued'`,
    sql`CREATE FUNCTION stay_days(entered timestamptz, left_at timestamptz)
      RETURNS double precision LANGUAGE sql IMMUTABLE RETURN
      (floor(extract(epoch FROM left_at) * 1000) - floor(extract(epoch FROM entered) * 1000))::float8
        / 86400000`,
    // Set-wise, so a COPY of many events costs a few statements, and in any order of versions: the
    // ends of the touched pilots' stays are worked out again from their stays in version order.
    sql`CREATE FUNCTION note_stage_stays() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO stage_stays (pilot_id, version, stage, from_stage, entered_at)
          SELECT pilot_id, version,
            CASE WHEN type = 'pilot_created' THEN 'hypothesis' ELSE diff -> 'stage' ->> 'to' END,
            diff -> 'stage' ->> 'from', at
          FROM new_events
          WHERE adoption_id IS NULL AND type IN ('pilot_created', 'stage_changed');
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        UPDATE stage_stays s
        SET left_at = n.left_at, days = stay_days(s.entered_at, n.left_at), visit = n.visit
        FROM (
          SELECT pilot_id, version,
            lead(entered_at) OVER (PARTITION BY pilot_id ORDER BY version) AS left_at,
            row_number() OVER (PARTITION BY pilot_id, stage ORDER BY version) AS visit
          FROM stage_stays
          WHERE pilot_id IN (
            SELECT pilot_id FROM new_events
            WHERE adoption_id IS NULL AND type IN ('pilot_created', 'stage_changed'))
        ) n
        WHERE s.pilot_id = n.pilot_id AND s.version = n.version
          AND (s.left_at IS DISTINCT FROM n.left_at OR s.visit IS DISTINCT FROM n.visit);
        RETURN NULL;
      END
    $$`,
    sql`CREATE TRIGGER events_stage_stays AFTER INSERT ON events
      REFERENCING NEW TABLE AS new_events
      FOR EACH STATEMENT EXECUTE FUNCTION note_stage_stays()`,
    sql`INSERT INTO stage_stays
      SELECT pilot_id, version, stage, from_stage, at, left_at, stay_days(at, left_at),
        row_number() OVER (PARTITION BY pilot_id, stage ORDER BY version)
      FROM (
        SELECT pilot_id, version, at,
          CASE WHEN type = 'pilot_created' THEN 'hypothesis' ELSE diff -> 'stage' ->> 'to' END AS stage,
          diff -> 'stage' ->> 'from' AS from_stage,
          lead(at) OVER (PARTITION BY pilot_id ORDER BY version) AS left_at
        FROM events
        WHERE adoption_id IS NULL AND type IN ('pilot_created', 'stage_changed')
      ) moves`,
    sql`ANALYZE stage_stays`,
    // Index-only scans: the scope, the stage, the flags' columns, the id to join on and the title.
    sql`CREATE INDEX pilots_published_idx ON pilots (stage)
      INCLUDE (id, owner_org_id, service_area, created_at, updated_at, stage_changed_at, outcome,
        actual_end, legal_basis, legal_expiry_date, legal_extended_until, title)
      WHERE visibility = 'published'`,
  ]
  for (const statement of statements) await statement.execute(db)
}
