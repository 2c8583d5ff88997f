import { type Kysely, sql } from 'kysely'

// Frozen: Norwegian full-text search over pilots, weighted, and trigram matching of titles (2026-11-22).

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    // Tags are kept as text as well, so the weighted document can be a generated column.
    sql`CREATE FUNCTION pilot_search_document(title text, summary text, hypothesis text, problem text,
        evaluation_plan text, tags text[]) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        select setweight(to_tsvector('norwegian', coalesce(title, '')), 'A')
          || setweight(to_tsvector('norwegian', coalesce(summary, '') || ' ' || coalesce(hypothesis, '')), 'B')
          || setweight(to_tsvector('norwegian', coalesce(problem, '') || ' ' || coalesce(evaluation_plan, '')
               || ' ' || coalesce(array_to_string(tags, ' '), '')), 'C')
      $$`,
    sql`ALTER TABLE pilots ADD COLUMN search tsvector GENERATED ALWAYS AS
      (pilot_search_document(title, summary, hypothesis, problem, evaluation_plan, tags)) STORED`,
    sql`CREATE INDEX pilots_search_idx ON pilots USING gin (search)`,
    sql`CREATE INDEX pilots_title_trgm_idx ON pilots USING gin (lower(title) gin_trgm_ops)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
