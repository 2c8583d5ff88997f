import { createHash, randomBytes } from 'node:crypto'
import type { Scope } from '../actor.ts'
import type { Db } from '../db.ts'

const PREFIX = 'frt_'
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

/** Creates an API token for a user and organisation; the secret is returned once and stored only hashed. */
export async function createApiToken(
  db: Db,
  input: {
    userId: string
    organisationId: string
    name: string
    scopes: Scope[]
    expiresAt: Date | null
  },
  now = new Date()
) {
  const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: input.userId,
      organisation_id: input.organisationId,
      name: input.name,
      token_hash: hashOf(secret),
      scopes: input.scopes,
      created_at: now,
      expires_at: input.expiresAt,
    })
    .returning(['id', 'name', 'organisation_id', 'scopes', 'created_at', 'expires_at'])
    .executeTakeFirstOrThrow()
  return { secret, token: row }
}

/** The user, organisation and scopes of a live token, noting its use; undefined when unknown, revoked or expired. */
export async function findApiToken(db: Db, secret: string, now = new Date()) {
  if (!secret.startsWith(PREFIX) || secret.length !== PREFIX.length + 43) return undefined
  const token = await db
    .selectFrom('api_tokens')
    .select([
      'id',
      'user_id',
      'organisation_id',
      'scopes',
      'expires_at',
      'revoked_at',
      'last_used_at',
    ])
    .where('token_hash', '=', hashOf(secret))
    .executeTakeFirst()
  if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) return undefined
  if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > 60_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', token.id)
      .execute()
  }
  return {
    id: token.id,
    userId: token.user_id,
    organisationId: token.organisation_id,
    scopes: token.scopes,
  }
}
