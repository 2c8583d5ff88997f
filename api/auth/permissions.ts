import type { Actor } from '../actor.ts'
import { ProblemError } from '../problem.ts'

// The rules of DESIGN.md section 2, as pure checks. Handlers and queries call `require…` with the
// facts they loaded; nothing here touches the database.

/** True when the actor is a member (or admin) of the organisation. */
export const isMemberOf = (actor: Actor | null, organisationId: string | null) =>
  !!actor && !!organisationId && actor.memberships.some((m) => m.organisationId === organisationId)

/** True when the actor administers the organisation's members. */
export const isOrgAdminOf = (actor: Actor | null, organisationId: string) =>
  !!actor &&
  actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'org_admin')

export function forbidden(detail: string) {
  return new ProblemError(403, 'forbidden', 'You may not do this', { detail })
}

/** Throws 403 unless the credential may write at all (a read-only token may not). */
export function requireWriteScope(actor: Actor) {
  if (!actor.scopes.includes('write')) throw forbidden('This API token is read-only')
}

/** Members of the owner organisation change a pilot: its fields, stages, metrics, benefits, evaluators. */
export function requirePilotEditor(actor: Actor, ownerOrgId: string) {
  requireWriteScope(actor)
  if (!isMemberOf(actor, ownerOrgId))
    throw forbidden("Only the owner organisation's members may change this pilot")
}

/** Evaluations come from the owner's members or from an evaluator assigned to the pilot. */
export function requireEvaluationWriter(actor: Actor, ownerOrgId: string, assigned: boolean) {
  requireWriteScope(actor)
  if (isMemberOf(actor, ownerOrgId)) return
  if (actor.evaluator && assigned) return
  throw forbidden('Only evaluators assigned to this pilot, or its owner, may record evaluations')
}

/** An organisation's own records (a pilot it registers, an adoption it makes) are written by its members. */
export function requireMemberOf(actor: Actor, organisationId: string, what: string) {
  requireWriteScope(actor)
  if (!isMemberOf(actor, organisationId))
    throw forbidden(`Only members of the organisation may ${what}`)
}

/** Organisations, users and unpublishing belong to system administrators. */
export function requireSystemAdmin(actor: Actor, what: string) {
  requireWriteScope(actor)
  if (!actor.systemAdmin) throw forbidden(`Only system administrators may ${what}`)
}
