import type { PilotRow, PreregistrationSnapshot } from '../../schema/database.ts'
import type { MetricCreate } from '../../schema/metric.ts'
import {
  type PilotCreate,
  type PilotPatch,
  pilotConsistencyIssues,
  type TransitionRequest,
} from '../../schema/pilot.ts'
import type { Actor } from '../actor.ts'
import {
  requireEvaluationWriter,
  requireMemberOf,
  requirePilotEditor,
} from '../auth/permissions.ts'
import type { Db } from '../db.ts'
import { diffFields } from '../domain/diff.ts'
import { checkTransition } from '../domain/lifecycle.ts'
import { checkVersion, type Expected } from '../http/etag.ts'
import { bodyFieldError, notFound, ProblemError, validationFailed } from '../problem.ts'
import { appendEvent } from './events.ts'
import { lockPilot } from './pilots.ts'
import { jsonb, textArray } from './sql.ts'

/** Every field a caller may edit, as the API names them: the state that PATCH diffs. */
type EditableFields = Omit<PilotPatch, 'amendmentReason'>
type EditableState = Required<{
  [K in keyof EditableFields]: NonNullable<EditableFields[K]> | null
}>

async function editableState(trx: Db, row: PilotRow): Promise<EditableState> {
  const [partners, contacts] = await Promise.all([
    trx
      .selectFrom('pilot_partners')
      .select(['organisation_id as organisationId', 'role'])
      .where('pilot_id', '=', row.id)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('pilot_contacts')
      .select(['name', 'email', 'phone', 'role', 'public_consent as showPublicly'])
      .where('pilot_id', '=', row.id)
      .orderBy('position')
      .execute(),
  ])
  return {
    title: row.title,
    summary: row.summary,
    problem: row.problem,
    hypothesis: row.hypothesis,
    innovationType: row.innovation_type,
    serviceArea: row.service_area,
    partners,
    contacts,
    availableToAdvise: row.available_to_advise,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    budgetNok: row.budget_nok,
    fundingSource: row.funding_source,
    evaluationMethod: row.evaluation_method,
    evaluationPlan: row.evaluation_plan,
    legalBasis: {
      kind: row.legal_basis,
      reference: row.legal_reference,
      approvalDate: row.legal_approval_date,
      expiryDate: row.legal_expiry_date,
      extendedUntil: row.legal_extended_until,
    },
    tags: row.tags,
    visibility: row.visibility,
  }
}

/** The pilot columns that hold an editable state (children are written separately). */
function pilotColumns(s: EditableState) {
  return {
    title: s.title ?? '',
    summary: s.summary ?? '',
    problem: s.problem ?? '',
    hypothesis: s.hypothesis ?? '',
    innovation_type: s.innovationType ?? 'service',
    service_area: s.serviceArea ?? 'other',
    available_to_advise: s.availableToAdvise ?? false,
    planned_start: s.plannedStart,
    planned_end: s.plannedEnd,
    actual_start: s.actualStart,
    actual_end: s.actualEnd,
    budget_nok: s.budgetNok,
    funding_source: s.fundingSource,
    evaluation_method: s.evaluationMethod,
    evaluation_plan: s.evaluationPlan,
    legal_basis: s.legalBasis?.kind ?? 'ordinary',
    legal_reference: s.legalBasis?.reference ?? null,
    legal_approval_date: s.legalBasis?.approvalDate ?? null,
    legal_expiry_date: s.legalBasis?.expiryDate ?? null,
    legal_extended_until: s.legalBasis?.extendedUntil ?? null,
    tags: textArray(s.tags ?? []),
    visibility: s.visibility ?? 'draft',
  }
}

/** A legal basis with every optional part spelled out, so that equal bases compare equal. */
function normaliseLegalBasis(lb: PilotPatch['legalBasis']) {
  return lb
    ? {
        kind: lb.kind,
        reference: lb.reference ?? null,
        approvalDate: lb.approvalDate ?? null,
        expiryDate: lb.expiryDate ?? null,
        extendedUntil: lb.extendedUntil ?? null,
      }
    : null
}

function normaliseContacts(contacts: PilotPatch['contacts']) {
  return (
    contacts?.map((c) => ({
      name: c.name,
      email: c.email,
      phone: c.phone ?? null,
      role: c.role ?? null,
      showPublicly: c.showPublicly ?? false,
    })) ?? null
  )
}

async function checkOrganisationsExist(trx: Db, refs: { id: string; path: (string | number)[] }[]) {
  if (refs.length === 0) return
  const found = await trx
    .selectFrom('organisations')
    .select('id')
    .where(
      'id',
      'in',
      refs.map((r) => r.id)
    )
    .execute()
  const known = new Set(found.map((f) => f.id))
  const errors = refs
    .filter((r) => !known.has(r.id))
    .map((r) => bodyFieldError(r.path, 'not_found', 'No organisation with this id'))
  if (errors.length) throw validationFailed(errors)
}

function checkPartners(partners: NonNullable<PilotPatch['partners']>, ownerOrgId: string) {
  const seen = new Set<string>()
  const errors = partners.flatMap((p, i) => {
    const path = ['partners', i, 'organisationId']
    if (p.organisationId === ownerOrgId)
      return [bodyFieldError(path, 'is_owner', 'The owner is not its own partner')]
    if (seen.has(p.organisationId))
      return [bodyFieldError(path, 'duplicate', 'Listed more than once')]
    seen.add(p.organisationId)
    return []
  })
  if (errors.length) throw validationFailed(errors)
}

async function writeChildren(trx: Db, pilotId: string, s: Partial<EditableState>) {
  if (s.partners) {
    await trx.deleteFrom('pilot_partners').where('pilot_id', '=', pilotId).execute()
    if (s.partners.length) {
      await trx
        .insertInto('pilot_partners')
        .values(
          s.partners.map((p, position) => ({
            pilot_id: pilotId,
            organisation_id: p.organisationId,
            role: p.role,
            position,
          }))
        )
        .execute()
    }
  }
  if (s.contacts) {
    await trx.deleteFrom('pilot_contacts').where('pilot_id', '=', pilotId).execute()
    if (s.contacts.length) {
      await trx
        .insertInto('pilot_contacts')
        .values(
          s.contacts.map((c, position) => ({
            pilot_id: pilotId,
            position,
            name: c.name,
            email: c.email,
            phone: c.phone ?? null,
            role: c.role ?? null,
            public_consent: c.showPublicly ?? false,
          }))
        )
        .execute()
    }
  }
}

/** Inserts metrics after the pilot's existing ones; duplicate names are a field error. */
export async function insertMetrics(
  trx: Db,
  pilotId: string,
  metrics: MetricCreate[],
  pathOf: (index: number) => (string | number)[]
) {
  const existing = await trx
    .selectFrom('metrics')
    .select(['name', 'position'])
    .where('pilot_id', '=', pilotId)
    .execute()
  const names = new Set(existing.map((m) => m.name.toLowerCase()))
  const errors = metrics.flatMap((m, i) => {
    const key = m.name.toLowerCase()
    if (names.has(key))
      return [
        bodyFieldError(
          [...pathOf(i), 'name'],
          'duplicate',
          'The pilot already has a metric with this name'
        ),
      ]
    names.add(key)
    return []
  })
  if (errors.length) throw validationFailed(errors)
  let position = Math.max(-1, ...existing.map((m) => m.position))
  if (metrics.length === 0) return []
  return trx
    .insertInto('metrics')
    .values(
      metrics.map((m) => ({
        pilot_id: pilotId,
        name: m.name,
        unit: m.unit ?? null,
        direction: m.direction,
        baseline: m.baseline ?? null,
        target: m.target ?? null,
        primary: m.primary,
        position: ++position,
      }))
    )
    .returning(['id', 'name', 'unit', 'direction', 'baseline', 'target', 'primary'])
    .execute()
}

/** Registers a pilot with its children and its first event; returns its id. */
export async function createPilot(
  trx: Db,
  input: PilotCreate,
  actor: Actor,
  options: { at?: Date; sample?: boolean; id?: string; basedOnPilotId?: string } = {}
): Promise<string> {
  const at = options.at ?? new Date()
  const ownerOrgId = input.ownerOrgId ?? actor.organisationId
  if (!ownerOrgId) {
    throw validationFailed([
      bodyFieldError(['ownerOrgId'], 'required', 'Required when you act for no organisation'),
    ])
  }
  checkPartners(input.partners, ownerOrgId)
  await checkOrganisationsExist(trx, [
    { id: ownerOrgId, path: ['ownerOrgId'] },
    ...input.partners.map((p, i) => ({
      id: p.organisationId,
      path: ['partners', i, 'organisationId'],
    })),
  ])
  // Existence first (a 400 naming the field), then the right to register for it (403).
  requireMemberOf(actor, ownerOrgId, 'register pilots for it')
  const { metrics, ownerOrgId: _owner, ...fields } = input
  const state: EditableState = {
    ...fields,
    plannedStart: fields.plannedStart ?? null,
    plannedEnd: fields.plannedEnd ?? null,
    actualStart: fields.actualStart ?? null,
    actualEnd: fields.actualEnd ?? null,
    budgetNok: fields.budgetNok ?? null,
    fundingSource: fields.fundingSource ?? null,
    evaluationMethod: fields.evaluationMethod ?? null,
    evaluationPlan: fields.evaluationPlan ?? null,
    legalBasis: normaliseLegalBasis(fields.legalBasis),
    contacts: normaliseContacts(fields.contacts),
  }
  const { id } = await trx
    .insertInto('pilots')
    .values({
      ...(options.id ? { id: options.id } : {}),
      ...pilotColumns(state),
      owner_org_id: ownerOrgId,
      based_on_pilot_id: options.basedOnPilotId ?? null,
      stage: 'hypothesis',
      sample: options.sample ?? false,
      created_at: at,
      updated_at: at,
      stage_changed_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeChildren(trx, id, state)
  const inserted = await insertMetrics(trx, id, metrics, (i) => ['metrics', i])
  await appendEvent(trx, {
    pilotId: id,
    version: 1,
    type: 'pilot_created',
    actor,
    at,
    diff: diffFields(
      {},
      {
        ...state,
        ownerOrgId,
        stage: 'hypothesis',
        metrics: inserted,
        basedOnPilotId: options.basedOnPilotId,
      }
    ),
  })
  return id
}

/**
 * Locks the pilot and checks, in this order, that it is visible (404), that the actor may change
 * it (403: its owner's members; for evaluations also its assigned evaluators) and that it is at
 * an expected version (412); the caller writes next.
 */
export async function lockForWrite(
  trx: Db,
  id: string,
  actor: Actor,
  expected: Expected,
  permission: 'edit' | 'evaluate' = 'edit'
) {
  const row = await lockPilot(trx, id, actor)
  if (!row) throw notFound('The pilot')
  if (permission === 'evaluate') {
    const assigned = await trx
      .selectFrom('pilot_evaluators')
      .select('user_id')
      .where('pilot_id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst()
    requireEvaluationWriter(actor, row.owner_org_id, !!assigned)
  } else {
    requirePilotEditor(actor, row.owner_org_id)
  }
  checkVersion(expected, row.version, 'The pilot')
  return row
}

/** Bumps the pilot's version and touch time after a change to it or its children. */
export async function bumpVersion(
  trx: Db,
  row: PilotRow,
  at: Date,
  set: Record<string, unknown> = {}
) {
  const version = row.version + 1
  await trx
    .updateTable('pilots')
    .set({ ...set, version, updated_at: at })
    .where('id', '=', row.id)
    .execute()
  return version
}

/** A 409 for a change to pre-registered fields without a reason. */
export function amendmentReasonRequired(what: string) {
  return new ProblemError(
    409,
    'amendment_reason_required',
    'Say why the pre-registration changes',
    {
      detail: `${what} was pre-registered when the trial started; changing it is an amendment and needs amendmentReason`,
      errors: [bodyFieldError(['amendmentReason'], 'required', 'Required for an amendment')],
    }
  )
}

/** A 400 for an amendment reason given where nothing pre-registered changes. */
export function amendmentReasonNotApplicable() {
  return validationFailed([
    bodyFieldError(
      ['amendmentReason'],
      'not_applicable',
      'Only for changes to the pre-registered hypothesis or primary metrics after the trial started'
    ),
  ])
}

/**
 * Applies a partial change; returns the new version, or the old one when nothing changed. After
 * the trial started, a change to the hypothesis is an amendment and needs a reason.
 */
export async function updatePilot(
  trx: Db,
  id: string,
  patch: PilotPatch,
  actor: Actor,
  expected: Expected,
  at = new Date()
): Promise<number> {
  const row = await lockForWrite(trx, id, actor, expected)
  const { amendmentReason, ...fields } = patch
  const before = await editableState(trx, row)
  const normalised: Partial<EditableState> = { ...fields } as Partial<EditableState>
  if ('legalBasis' in fields) normalised.legalBasis = normaliseLegalBasis(fields.legalBasis)
  if ('contacts' in fields) normalised.contacts = normaliseContacts(fields.contacts)
  const after: EditableState = { ...before, ...normalised }
  const issues = pilotConsistencyIssues({ ...after, legalBasis: after.legalBasis ?? undefined })
  if (issues.length)
    throw validationFailed(issues.map((i) => bodyFieldError(i.path, 'inconsistent', i.message)))
  if (fields.partners) {
    checkPartners(fields.partners, row.owner_org_id)
    await checkOrganisationsExist(
      trx,
      fields.partners.map((p, i) => ({
        id: p.organisationId,
        path: ['partners', i, 'organisationId'],
      }))
    )
  }
  const diff = diffFields(before, after)
  const amends = row.preregistration !== null && 'hypothesis' in diff
  if (amends && !amendmentReason) throw amendmentReasonRequired('The hypothesis')
  if (!amends && amendmentReason) throw amendmentReasonNotApplicable()
  if (Object.keys(diff).length === 0) return row.version
  await writeChildren(trx, id, normalised)
  const version = await bumpVersion(trx, row, at, pilotColumns(after))
  await appendEvent(trx, {
    pilotId: id,
    version,
    type: amends ? 'pilot_amended' : 'pilot_updated',
    actor,
    at,
    diff,
    data: amends ? { amendmentReason } : undefined,
  })
  return version
}

function misplaced(field: keyof TransitionRequest, detail: string) {
  return bodyFieldError([field], 'not_applicable', detail)
}

/** Moves a pilot to another stage if the lifecycle and its guards allow; returns the new version. */
export async function transitionPilot(
  trx: Db,
  id: string,
  request: TransitionRequest,
  actor: Actor,
  expected: Expected,
  at = new Date()
): Promise<number> {
  const row = await lockForWrite(trx, id, actor, expected)
  const to = request.to
  const misplacedFields = [
    request.actualStart &&
      to !== 'running' &&
      misplaced('actualStart', 'Only when moving to running'),
    request.actualEnd &&
      to !== 'evaluating' &&
      misplaced('actualEnd', 'Only when moving to evaluating'),
    request.decisionReference &&
      to !== 'adopted' &&
      misplaced('decisionReference', 'Only when moving to adopted'),
    request.decisionDate &&
      to !== 'adopted' &&
      misplaced('decisionDate', 'Only when moving to adopted'),
  ].filter((e) => e !== undefined && e !== false && e !== '')
  if (misplacedFields.length)
    throw validationFailed(misplacedFields as ReturnType<typeof misplaced>[])

  const [metrics, evaluations] = await Promise.all([
    trx
      .selectFrom('metrics')
      .select(['id', 'name', 'unit', 'direction', 'baseline', 'target', 'primary'])
      .where('pilot_id', '=', id)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('evaluations')
      .select(['kind', 'outcome', 'created_at'])
      .where('pilot_id', '=', id)
      .orderBy('created_at')
      .execute(),
  ])
  const check = checkTransition(to, {
    pilot: {
      stage: row.stage,
      outcome: row.outcome,
      evaluationMethod: row.evaluation_method,
      plannedStart: row.planned_start,
      plannedEnd: row.planned_end,
      actualStart: row.actual_start,
    },
    metrics,
    evaluations: evaluations.map((e) => ({
      kind: e.kind,
      outcome: e.outcome,
      recordedAt: e.created_at.toISOString(),
    })),
    request,
  })
  if (!check.ok) {
    if (check.code === 'transition_not_allowed') {
      throw new ProblemError(409, 'transition_not_allowed', 'This stage change is not allowed', {
        detail: check.detail,
      })
    }
    throw new ProblemError(409, 'guard_failed', 'The pilot is not ready for this stage', {
      detail: check.failed.map((f) => f.detail).join(' '),
      guards: check.failed,
    })
  }

  const set: Record<string, unknown> = { stage: to, stage_changed_at: at }
  const after: Record<string, unknown> = { stage: to }
  const before: Record<string, unknown> = { stage: row.stage }
  const change = (column: string, field: string, from: unknown, value: unknown) => {
    set[column] = value
    before[field] = from
    after[field] = value
  }
  if (to === 'running' && request.actualStart)
    change('actual_start', 'actualStart', row.actual_start, request.actualStart)
  if (to === 'running' && !row.preregistration) {
    // Pre-registration: the hypothesis and primary metrics as they stand when the trial starts.
    const snapshot: PreregistrationSnapshot = {
      frozenAt: at.toISOString(),
      hypothesis: row.hypothesis,
      metrics: metrics.filter((m) => m.primary),
    }
    set.preregistration = jsonb(snapshot)
    after.preregistration = snapshot
    before.preregistration = null
  }
  if (to === 'evaluating' && request.actualEnd) {
    const start = row.actual_start
    if (start && request.actualEnd < start) {
      throw validationFailed([
        bodyFieldError(['actualEnd'], 'inconsistent', 'Must not be before actualStart'),
      ])
    }
    change('actual_end', 'actualEnd', row.actual_end, request.actualEnd)
  }
  if (to === 'concluded') change('outcome', 'outcome', row.outcome, check.outcome)
  if (to === 'adopted') {
    change(
      'adoption_decision_reference',
      'adoptionDecisionReference',
      row.adoption_decision_reference,
      request.decisionReference
    )
    change(
      'adoption_decision_date',
      'adoptionDecisionDate',
      row.adoption_decision_date,
      request.decisionDate
    )
  }
  if (to === 'discontinued')
    change('discontinued_reason', 'discontinuedReason', row.discontinued_reason, request.reason)

  const version = await bumpVersion(trx, row, at, set)
  await appendEvent(trx, {
    pilotId: id,
    version,
    type: 'stage_changed',
    actor,
    at,
    diff: diffFields(before, after),
    data: request.reason ? { reason: request.reason } : undefined,
  })
  return version
}
