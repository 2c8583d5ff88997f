import type { Factor, FactorEffect } from '../../schema/enums.ts'
import { EvaluationCreate } from '../../schema/evaluation.ts'
import type { Metric } from '../../schema/metric.ts'
import type { I18n } from '../i18n/i18n.ts'
import { type FieldErrors, zodFieldErrors } from './field-errors.ts'
import { measure } from './measure.ts'

/** The evaluation form's own fields. */
export type EvaluationField =
  | 'kind'
  | 'method'
  | 'evidenceLevel'
  | 'outcome'
  | 'summary'
  | 'lessonsLearned'
  | 'otherFactors'
  | 'reportUrl'

export const RESULT_FIELDS = ['observed', 'ciLow', 'ciHigh', 'n'] as const
export type ResultField = (typeof RESULT_FIELDS)[number]
/** What is typed for one metric's result. */
export type ResultDraft = Record<ResultField, string>

/** The evaluation form as typed: results by the metric's index, factors by their effect. */
export interface EvaluationDraft {
  fields: Record<EvaluationField, string>
  results: ReadonlyMap<number, ResultDraft>
  factors: ReadonlyMap<Factor, FactorEffect>
}

const CHOICES: readonly EvaluationField[] = ['kind', 'method', 'evidenceLevel', 'outcome']

/**
 * The form as the API takes it, and the metric index of each result sent: only metrics with
 * something typed get a result. An empty field is left out, so the schema says what is missing.
 */
export function evaluationRequest(draft: EvaluationDraft, metrics: readonly Metric[]) {
  const f = draft.fields
  const optional = (v: string) => (v.trim() === '' ? undefined : v.trim())
  const indexes: number[] = []
  const results = metrics.flatMap((metric, index) => {
    const d = draft.results.get(index)
    if (!d || RESULT_FIELDS.every((k) => d[k].trim() === '')) return []
    indexes.push(index)
    return [
      {
        metricId: metric.id,
        observed: measure(d.observed) ?? undefined,
        ciLow: measure(d.ciLow),
        ciHigh: measure(d.ciHigh),
        n: measure(d.n),
      },
    ]
  })
  const input = {
    kind: f.kind,
    method: optional(f.method),
    evidenceLevel: f.evidenceLevel === '' ? undefined : Number(f.evidenceLevel),
    outcome: optional(f.outcome) ?? null,
    summary: f.summary.trim(),
    lessonsLearned: f.lessonsLearned.trim(),
    results,
    factors: [...draft.factors].map(([factor, effect]) => ({ factor, effect })),
    otherFactors: optional(f.otherFactors) ?? null,
    reportUrl: optional(f.reportUrl) ?? null,
  }
  return { input, indexes }
}

/** Errors keyed by the form's ids: a result's index in the request becomes its metric's index. */
export function formErrors(errors: FieldErrors, indexes: readonly number[]): FieldErrors {
  const mapped: FieldErrors = new Map()
  for (const [id, message] of errors) {
    const result = /^results-(\d+)-(\w+)$/.exec(id)
    if (!result) {
      mapped.set(id, message)
      continue
    }
    // A result for a metric the pilot does not have is the problem of its row's value.
    const field = result[2] === 'metricId' ? 'observed' : result[2]
    mapped.set(`results-${indexes[Number(result[1])] ?? 0}-${field}`, message)
  }
  return mapped
}

/** Checks a request with the API's schema; the errors in plain words, keyed by the form's ids. */
export function checkEvaluation(
  request: ReturnType<typeof evaluationRequest>,
  i18n: I18n
): { data: EvaluationCreate | null; errors: FieldErrors } {
  const { input, indexes } = request
  const t = i18n.t.bind(i18n)
  const parsed = EvaluationCreate.safeParse(input)
  if (parsed.success) return { data: parsed.data, errors: new Map() }
  const errors = zodFieldErrors(parsed.error, i18n, input)
  for (const field of CHOICES) if (errors.has(field)) errors.set(field, t('form.error.choose'))
  if (errors.has('reportUrl')) errors.set('reportUrl', t('evaluate.error.url'))
  // The schema asks for the outcome only once the rest parses; the form says so at once.
  if (input.kind !== 'interim' && input.outcome === null)
    errors.set('outcome', t('evaluate.error.outcome'))
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'custom') continue
    const id = issue.path.join('-')
    if (issue.path.at(-1) === 'outcome') errors.set(id, t('evaluate.error.outcome'))
    else if (/both ends/.test(issue.message)) errors.set(id, t('evaluate.error.bothEnds'))
    else if (/contain/.test(issue.message)) errors.set(id, t('evaluate.error.contains'))
  }
  return { data: null, errors: formErrors(errors, indexes) }
}
