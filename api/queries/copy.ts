import type { CopyRequest } from '../../schema/adoption.ts'
import { PilotCreate } from '../../schema/pilot.ts'
import type { Actor } from '../actor.ts'
import { isMemberOf } from '../auth/permissions.ts'
import type { Db } from '../db.ts'
import { ProblemError } from '../problem.ts'
import { createAdoption } from './adoptions.ts'
import { createPilot } from './pilot-writes.ts'
import { findPilot } from './pilots.ts'

/**
 * "Copy this pilot": in one transaction, a draft local pilot for the caller's organisation,
 * prefilled from the origin (problem, hypothesis, metrics without the origin's baselines,
 * evaluation plan), and an adoption of the origin that points to it. Either both exist or neither.
 */
export async function copyPilot(
  trx: Db,
  originId: string,
  request: CopyRequest,
  actor: Actor,
  at = new Date()
) {
  if (!actor.organisationId || !isMemberOf(actor, actor.organisationId)) {
    throw new ProblemError(403, 'no_organisation', 'You act for no organisation', {
      detail: 'A copy belongs to an organisation; sign in as a member of one',
    })
  }
  const origin = await findPilot(trx, originId, actor, at)
  if (!origin)
    throw new ProblemError(404, 'not_found', 'Not found', {
      detail: 'The pilot does not exist or is not visible to you',
    })
  if (origin.visibility !== 'published') {
    throw new ProblemError(409, 'origin_not_published', 'A draft cannot be copied', {
      detail: 'Only published pilots can be copied',
    })
  }
  const input = PilotCreate.parse({
    title: origin.title,
    summary: origin.summary,
    problem: origin.problem,
    hypothesis: origin.hypothesis,
    innovationType: origin.innovationType,
    serviceArea: origin.serviceArea,
    ownerOrgId: actor.organisationId,
    evaluationMethod: origin.evaluationMethod,
    evaluationPlan: origin.evaluationPlan,
    tags: origin.tags,
    visibility: 'draft',
    // The target travels; the baseline is the adopter's own and must be measured locally.
    metrics: origin.metrics.map((m) => ({
      name: m.name,
      unit: m.unit,
      direction: m.direction,
      baseline: null,
      target: m.target,
      primary: m.primary,
    })),
  })
  const localPilotId = await createPilot(trx, input, actor, { at, basedOnPilotId: origin.id })
  const adoptionId = await createAdoption(
    trx,
    origin.id,
    {
      status: 'interested',
      degree: request.degree,
      learnedFromAdoptionId: request.learnedFromAdoptionId ?? null,
      localPilotId,
      notes: request.notes ?? null,
    },
    actor,
    { at }
  )
  // Only someone who agreed to be shown is offered as an advisor (the copier is not the owner).
  const contact = origin.availableToAdvise ? origin.contacts.find((c) => c.showPublicly) : undefined
  const advisor = contact
    ? {
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
        role: contact.role,
        organisationName: origin.owner.name,
      }
    : null
  return { adoptionId, localPilotId, advisor }
}
