// The pilot lifecycle (DESIGN.md section 3): which stage changes exist and what each one requires.
// Pure: the caller loads the facts, this module only decides.

import type { EvaluationKind, Outcome, Stage } from '../../schema/enums.ts'

export interface TransitionFacts {
  pilot: {
    stage: Stage
    outcome: Outcome | null
    evaluationMethod: string | null
    plannedStart: string | null
    plannedEnd: string | null
    actualStart: string | null
  }
  metrics: ReadonlyArray<{
    primary: boolean
    unit: string | null
    baseline: number | null
    target: number | null
  }>
  evaluations: ReadonlyArray<{ kind: EvaluationKind; outcome: Outcome | null; recordedAt: string }>
  request: {
    reason?: string
    actualStart?: string
    decisionReference?: string
    decisionDate?: string
  }
}

export type GuardName =
  | 'primary_metric'
  | 'evaluation_method'
  | 'planned_dates'
  | 'actual_start'
  | 'final_evaluation'
  | 'successful_outcome'
  | 'decision_reference'
  | 'decision_date'
  | 'reason'

export interface FailedGuard {
  guard: GuardName
  detail: string
}

export type TransitionCheck =
  | { ok: true; outcome: Outcome | null }
  | { ok: false; code: 'transition_not_allowed'; detail: string }
  | { ok: false; code: 'guard_failed'; failed: FailedGuard[] }

const NONE: readonly Stage[] = Object.freeze([])
const FROM_HYPOTHESIS: readonly Stage[] = Object.freeze(['planned', 'discontinued'])
const FROM_PLANNED: readonly Stage[] = Object.freeze(['running', 'discontinued'])
const FROM_RUNNING: readonly Stage[] = Object.freeze(['evaluating', 'discontinued'])
// evaluating → running is the extension: more time in the field, with a reason.
const FROM_EVALUATING: readonly Stage[] = Object.freeze(['running', 'concluded', 'discontinued'])
const FROM_CONCLUDED: readonly Stage[] = Object.freeze(['adopted', 'discontinued'])

/** The stages a pilot in `from` may move to (ignoring guards); throws on an unknown stage. */
export function allowedTargets(from: Stage): readonly Stage[] {
  switch (from) {
    case 'hypothesis':
      return FROM_HYPOTHESIS
    case 'planned':
      return FROM_PLANNED
    case 'running':
      return FROM_RUNNING
    case 'evaluating':
      return FROM_EVALUATING
    case 'concluded':
      return FROM_CONCLUDED
    case 'adopted':
    case 'discontinued':
      return NONE
    default:
      throw new Error(`Unknown stage: ${from satisfies never}`)
  }
}

/** Whether `from → to` is an edge of the lifecycle at all; never true for `from === to`. */
export function isAllowedTransition(from: Stage, to: Stage): boolean {
  return allowedTargets(from).includes(to)
}

/** True exactly for the stages a pilot never leaves (adopted, discontinued). */
export function isFinalStage(stage: Stage): boolean {
  return allowedTargets(stage).length === 0
}

/** Decides `facts.pilot.stage → to`: not allowed, refused with every failing guard, or allowed. */
export function checkTransition(to: Stage, facts: TransitionFacts): TransitionCheck {
  const from = facts.pilot.stage
  const targets = allowedTargets(from)
  if (!targets.includes(to)) {
    const allowed = targets.length > 0 ? targets.join(', ') : 'none, it is a final stage'
    return {
      ok: false,
      code: 'transition_not_allowed',
      detail: `A pilot cannot move from '${from}' to '${to}' (allowed from '${from}': ${allowed}).`,
    }
  }
  const failed = failedGuards(from, to, facts)
  if (failed.length > 0) return { ok: false, code: 'guard_failed', failed }
  return { ok: true, outcome: to === 'concluded' ? concludingOutcome(facts.evaluations) : null }
}

function failedGuards(from: Stage, to: Stage, facts: TransitionFacts): FailedGuard[] {
  const { pilot, request } = facts
  const failed: FailedGuard[] = []
  const fail = (guard: GuardName, detail: string) => failed.push({ guard, detail })
  switch (to) {
    case 'hypothesis':
      break
    case 'planned': {
      const complete = facts.metrics.some(
        (m) => m.primary && isSet(m.unit) && m.baseline !== null && m.target !== null
      )
      if (!complete)
        fail(
          'primary_metric',
          'At least one primary metric with a unit, a baseline and a target is required.'
        )
      if (!isSet(pilot.evaluationMethod))
        fail('evaluation_method', 'The evaluation method must be set.')
      const missing = [
        isSet(pilot.plannedStart) ? null : 'plannedStart',
        isSet(pilot.plannedEnd) ? null : 'plannedEnd',
      ].filter((name) => name !== null)
      if (missing.length > 0)
        fail(
          'planned_dates',
          `Planned start and end must both be set (missing: ${missing.join(', ')}).`
        )
      break
    }
    case 'running':
      if (from === 'evaluating') {
        if (!isSet(request.reason)) fail('reason', 'A reason is required to extend the pilot.')
      } else if (!isSet(pilot.actualStart) && !isSet(request.actualStart)) {
        fail('actual_start', 'The actual start date must be set, on the pilot or in the request.')
      }
      break
    case 'evaluating':
      break
    case 'concluded':
      if (concludingOutcome(facts.evaluations) === null)
        fail('final_evaluation', 'A final or external evaluation with an outcome is required.')
      break
    case 'adopted':
      if (pilot.outcome !== 'successful' && pilot.outcome !== 'partially_successful')
        fail(
          'successful_outcome',
          `Only a successful or partially successful pilot can be adopted (outcome: ${pilot.outcome ?? 'not set'}).`
        )
      if (!isSet(request.decisionReference))
        fail(
          'decision_reference',
          'A decision reference (for example a council decision) is required.'
        )
      if (!isSet(request.decisionDate)) fail('decision_date', 'The decision date is required.')
      break
    case 'discontinued':
      if (!isSet(request.reason)) fail('reason', 'A reason is required to discontinue the pilot.')
      break
    default:
      throw new Error(`Unknown stage: ${to satisfies never}`)
  }
  return failed
}

// The outcome of the latest final or external evaluation that has one; on equal timestamps the
// one recorded later in the list wins.
function concludingOutcome(evaluations: TransitionFacts['evaluations']): Outcome | null {
  let latest: { outcome: Outcome; recordedAt: string } | null = null
  for (const { kind, outcome, recordedAt } of evaluations) {
    if (kind === 'interim' || outcome === null) continue
    if (latest === null || recordedAt >= latest.recordedAt) latest = { outcome, recordedAt }
  }
  return latest?.outcome ?? null
}

// A value counts as set when it is present and not just whitespace.
function isSet(value: string | null | undefined): value is string {
  return value != null && value.trim() !== ''
}
