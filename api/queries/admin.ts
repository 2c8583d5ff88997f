import type { Actor } from '../actor.ts'
import { forbidden, isOrgAdminOf } from '../auth/permissions.ts'
import type { Db } from '../db.ts'
import { diffFields } from '../domain/diff.ts'
import { checkVersion, type Expected } from '../http/etag.ts'
import { notFound, ProblemError } from '../problem.ts'
import { appendEvent } from './events.ts'
import { bumpVersion } from './pilot-writes.ts'
import { toUserSummary, userIdForEmail } from './users.ts'

/** Throws 403 unless the actor may manage the organisation's members: its org admins and system admins. */
export function requireMemberManager(actor: Actor, organisationId: string) {
  if (!actor.scopes.includes('write')) throw forbidden('This API token is read-only')
  if (actor.systemAdmin || isOrgAdminOf(actor, organisationId)) return
  throw forbidden("Only the organisation's administrators may manage its members")
}

export async function listMembers(db: Db, organisationId: string) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name', 'u.email', 'm.role', 'm.created_at'])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('u.name')
    .execute()
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    role: r.role,
    since: r.created_at.toISOString(),
  }))
}

/** Adds a member, inviting a person without an account (no password until they set one or use SSO). */
export async function addMember(
  trx: Db,
  organisationId: string,
  input: { email: string; name: string; role: 'member' | 'org_admin' }
) {
  const userId = await userIdForEmail(trx, input)
  const added = await trx
    .insertInto('memberships')
    .values({ user_id: userId, organisation_id: organisationId, role: input.role })
    .onConflict((oc) => oc.columns(['user_id', 'organisation_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst()
  if (!added)
    throw new ProblemError(409, 'already_member', 'The person is already a member', {
      detail: 'Change their role instead',
    })
  return userId
}

/** Changes a member's role; the last administrator of an organisation stays one. */
export async function changeMember(
  trx: Db,
  organisationId: string,
  userId: string,
  role: 'member' | 'org_admin' | null
) {
  const current = await trx
    .selectFrom('memberships')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst()
  if (!current) throw notFound('The membership')
  if (current.role === 'org_admin' && role !== 'org_admin') {
    const admins = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'org_admin')
      .forUpdate()
      .execute()
    if (admins.length === 1) {
      throw new ProblemError(409, 'last_admin', 'The organisation needs an administrator', {
        detail: 'Make someone else an administrator first',
      })
    }
  }
  if (role === null) {
    await trx
      .deleteFrom('memberships')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .execute()
    // Leaving an organisation ends the sessions that acted for it and its tokens.
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('organisation_id', '=', organisationId)
      .execute()
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', userId)
      .where('organisation_id', '=', organisationId)
      .where('revoked_at', 'is', null)
      .execute()
  } else {
    await trx
      .updateTable('memberships')
      .set({ role })
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .execute()
  }
}

/** Takes a pilot out of public view (a system administrator's decision), with the reason logged. */
export async function unpublishPilot(
  trx: Db,
  id: string,
  reason: string,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const row = await trx
    .selectFrom('pilots')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw notFound('The pilot')
  checkVersion(expected, row.version, 'The pilot')
  if (row.visibility === 'draft') {
    throw new ProblemError(409, 'not_published', 'The pilot is not published', {
      detail: 'There is nothing to unpublish',
    })
  }
  const version = await bumpVersion(trx, row, at, { visibility: 'draft' })
  await appendEvent(trx, {
    pilotId: id,
    version,
    type: 'pilot_unpublished',
    actor,
    at,
    diff: diffFields({ visibility: 'published' }, { visibility: 'draft' }),
    data: { reason },
  })
  return version
}

/** Everything the registry holds on one person, found by e-mail address. */
export async function personalData(db: Db, email: string) {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst()
  const [memberships, contactOf, evaluations, tokens] = await Promise.all([
    user
      ? db
          .selectFrom('memberships as m')
          .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
          .select(['m.organisation_id as organisationId', 'o.name as organisationName', 'm.role'])
          .where('m.user_id', '=', user.id)
          .execute()
      : [],
    db
      .selectFrom('pilot_contacts as c')
      .innerJoin('pilots as p', 'p.id', 'c.pilot_id')
      .select([
        'c.pilot_id as pilotId',
        'p.title as pilotTitle',
        'c.name',
        'c.phone',
        'c.role',
        'c.public_consent as showPublicly',
      ])
      .where('c.email', '=', email)
      .execute(),
    user
      ? db
          .selectFrom('evaluations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('evaluator_user_id', '=', user.id)
          .executeTakeFirstOrThrow()
      : { n: 0 },
    user
      ? db
          .selectFrom('api_tokens')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow()
      : { n: 0 },
  ])
  return {
    user: user ? toUserSummary(user) : null,
    memberships,
    contactOf,
    evaluationsRecorded: Number(evaluations.n),
    apiTokens: Number(tokens.n),
  }
}

/**
 * Erases a person: their contact entries go, their account is anonymised (its id stays, so the
 * event log keeps a pseudonymous actor), and their sessions, tokens and memberships end.
 */
export async function erasePerson(trx: Db, email: string) {
  const contacts = await trx
    .deleteFrom('pilot_contacts')
    .where('email', '=', email)
    .returning('pilot_id')
    .execute()
  const user = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst()
  if (user) {
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('api_tokens').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('memberships').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('pilot_evaluators').where('user_id', '=', user.id).execute()
    await trx
      .updateTable('users')
      .set({
        email: `slettet-${user.id}@invalid.example`,
        name: 'Slettet person',
        password_hash: null,
        oidc_issuer: null,
        oidc_subject: null,
        disabled_at: new Date(),
      })
      .where('id', '=', user.id)
      .execute()
  }
  return { contactsRemoved: contacts.length, accountAnonymised: !!user }
}
