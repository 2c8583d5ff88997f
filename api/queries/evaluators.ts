import type { Actor } from '../actor.ts'
import { isMemberOf } from '../auth/permissions.ts'
import type { Db } from '../db.ts'
import { diffFields } from '../domain/diff.ts'
import type { Expected } from '../http/etag.ts'
import { bodyFieldError, notFound, validationFailed } from '../problem.ts'
import { appendEvent } from './events.ts'
import { bumpVersion, lockForWrite } from './pilot-writes.ts'
import { userIdForEmail } from './users.ts'

/** The evaluators assigned to a pilot; e-mail addresses only for its own organisation. */
export async function listEvaluators(
  db: Db,
  pilotId: string,
  viewer: Actor | null,
  ownerOrgId: string
) {
  const rows = await db
    .selectFrom('pilot_evaluators as pe')
    .innerJoin('users as u', 'u.id', 'pe.user_id')
    .leftJoin('organisations as o', 'o.id', 'pe.organisation_id')
    .select([
      'pe.user_id',
      'u.name',
      'u.email',
      'pe.organisation_id',
      'o.name as organisation_name',
      'pe.assigned_at',
    ])
    .where('pe.pilot_id', '=', pilotId)
    .orderBy('pe.assigned_at')
    .orderBy('u.name')
    .execute()
  const insider = isMemberOf(viewer, ownerOrgId)
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: insider ? r.email : null,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    assignedAt: r.assigned_at.toISOString(),
  }))
}

/**
 * Assigns an evaluator to a pilot, inviting them by e-mail: a user who does not exist yet is
 * created (they sign in once accounts exist). Assigning someone twice changes nothing.
 */
export async function assignEvaluator(
  trx: Db,
  pilotId: string,
  input: { email: string; name: string; organisationId?: string },
  actor: Actor,
  expected: Expected,
  at = new Date()
): Promise<{ userId: string; version: number }> {
  const pilot = await lockForWrite(trx, pilotId, actor, expected)
  if (input.organisationId) {
    const org = await trx
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', input.organisationId)
      .executeTakeFirst()
    if (!org)
      throw validationFailed([
        bodyFieldError(['organisationId'], 'not_found', 'No organisation with this id'),
      ])
  }
  const userId = await userIdForEmail(trx, input)
  const inserted = await trx
    .insertInto('pilot_evaluators')
    .values({
      pilot_id: pilotId,
      user_id: userId,
      organisation_id: input.organisationId ?? null,
      assigned_by: actor.userId,
      assigned_at: at,
    })
    .onConflict((oc) => oc.columns(['pilot_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst()
  if (!inserted) return { userId, version: pilot.version }
  const version = await bumpVersion(trx, pilot, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'evaluator_assigned',
    actor,
    at,
    diff: diffFields(
      {},
      {
        evaluator: {
          userId,
          name: input.name,
          organisationId: input.organisationId ?? null,
        },
      }
    ),
  })
  return { userId, version }
}

/** Ends an evaluator's assignment to a pilot. */
export async function removeEvaluator(
  trx: Db,
  pilotId: string,
  userId: string,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const pilot = await lockForWrite(trx, pilotId, actor, expected)
  const removed = await trx
    .deleteFrom('pilot_evaluators')
    .where('pilot_id', '=', pilotId)
    .where('user_id', '=', userId)
    .returning(['user_id', 'organisation_id'])
    .executeTakeFirst()
  if (!removed) throw notFound('The evaluator assignment')
  const version = await bumpVersion(trx, pilot, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'evaluator_removed',
    actor,
    at,
    diff: diffFields({ evaluator: { userId, organisationId: removed.organisation_id } }, {}),
  })
  return version
}
