import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db.ts'

/** How long a session lives without use, and at most. */
export interface SessionPolicy {
  idleMinutes: number
  maxHours: number
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

/** The stored form of a session token. */
export const sessionHash = hashOf

/** A new session: 256 random bits for the cookie; only their hash is stored. */
export async function createSession(
  db: Db,
  userId: string,
  organisationId: string | null,
  policy: SessionPolicy,
  now = new Date()
) {
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashOf(token),
      user_id: userId,
      organisation_id: organisationId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + policy.maxHours * 3600_000),
    })
    .execute()
  return token
}

/**
 * The live session of a cookie value, touching its last use; undefined when unknown, idle for
 * longer than the policy allows, or past its absolute end.
 */
export async function findSession(db: Db, token: string, policy: SessionPolicy, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined
  const session = await db
    .selectFrom('sessions')
    .select(['token_hash', 'user_id', 'organisation_id', 'last_seen_at', 'expires_at'])
    .where('token_hash', '=', hashOf(token))
    .executeTakeFirst()
  if (!session) return undefined
  const idleSince = now.getTime() - policy.idleMinutes * 60_000
  if (
    session.expires_at.getTime() <= now.getTime() ||
    session.last_seen_at.getTime() <= idleSince
  ) {
    await db.deleteFrom('sessions').where('token_hash', '=', session.token_hash).execute()
    return undefined
  }
  // Touch at most once a minute: a busy page should not write on every request.
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('token_hash', '=', session.token_hash)
      .execute()
  }
  return { userId: session.user_id, organisationId: session.organisation_id }
}

/** Ends a session on the server: the cookie is worth nothing afterwards. */
export async function endSession(db: Db, token: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', hashOf(token)).execute()
}

/** Forgets sessions past their end. */
export async function pruneSessions(db: Db, now = new Date()) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
}

/** Makes a session act for another organisation (the caller checks membership). */
export async function switchSessionOrganisation(db: Db, token: string, organisationId: string) {
  await db
    .updateTable('sessions')
    .set({ organisation_id: organisationId })
    .where('token_hash', '=', hashOf(token))
    .execute()
}
