import { type Kysely, sql } from 'kysely'

// Frozen: accounts, memberships, sessions and API tokens (2026-11-22).

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE users
      ADD COLUMN password_hash text,
      ADD COLUMN system_admin boolean NOT NULL DEFAULT false,
      ADD COLUMN evaluator boolean NOT NULL DEFAULT false,
      ADD COLUMN email_verified boolean NOT NULL DEFAULT false,
      ADD COLUMN oidc_issuer text,
      ADD COLUMN oidc_subject text,
      ADD COLUMN disabled_at timestamptz,
      ADD COLUMN last_login_at timestamptz,
      ADD CONSTRAINT users_oidc_pair CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))`,
    sql`CREATE UNIQUE INDEX users_oidc_key ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL`,
    sql`CREATE TABLE memberships (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      role text NOT NULL CHECK (role IN ('member', 'org_admin')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, organisation_id)
    )`,
    sql`CREATE INDEX memberships_org_idx ON memberships (organisation_id)`,
    // Only a hash of the session token is kept: a stolen database does not give away sessions.
    sql`CREATE TABLE sessions (
      token_hash char(64) PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      organisation_id uuid REFERENCES organisations (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`,
    sql`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`,
    sql`CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      token_hash char(64) NOT NULL UNIQUE,
      scopes text[] NOT NULL CHECK (scopes <@ ARRAY['read', 'write']::text[] AND cardinality(scopes) > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    )`,
    sql`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
