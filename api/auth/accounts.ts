import type { Actor, Scope } from '../actor.ts'
import type { Db } from '../db.ts'

/**
 * The actor for a user: their memberships and global roles from the database, acting for
 * `organisationId` when they belong to it, else for their first organisation.
 */
export async function loadActor(
  db: Db,
  userId: string,
  options: { organisationId?: string | null; scopes?: Scope[] } = {}
) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'system_admin', 'evaluator', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user || user.disabled_at) return null
  const memberships = await db
    .selectFrom('memberships')
    .select(['organisation_id as organisationId', 'role'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('organisation_id')
    .execute()
  const wanted =
    options.organisationId && memberships.find((m) => m.organisationId === options.organisationId)
  const actor: Actor = {
    userId: user.id,
    name: user.name,
    organisationId: wanted ? wanted.organisationId : (memberships[0]?.organisationId ?? null),
    memberships,
    systemAdmin: user.system_admin,
    evaluator: user.evaluator,
    scopes: options.scopes ?? ['read', 'write'],
  }
  return actor
}

/** What `GET /auth/me` answers about the signed-in user. */
export async function describeUser(db: Db, actor: Actor) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow()
  const roles: ('system_admin' | 'evaluator')[] = []
  if (actor.systemAdmin) roles.push('system_admin')
  if (actor.evaluator) roles.push('evaluator')
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles,
    organisationId: actor.organisationId,
    memberships: actor.memberships,
  }
}
