import { describe, expect, it } from 'vitest'
import type { Metric } from '../../schema/metric.ts'
import { I18n } from '../i18n/i18n.ts'
import { nb } from '../i18n/nb.ts'
import { checkEvaluation, type EvaluationDraft, evaluationRequest } from './evaluation-request.ts'

const metric = (n: number): Metric => ({
  id: `5b000000-0000-4000-8000-00000000000${n}`,
  name: `Indikator ${n}`,
  unit: null,
  direction: 'decrease',
  baseline: 10,
  target: 5,
  primary: n === 1,
})
const metrics = [metric(1), metric(2), metric(3)]
const i18n = new I18n('nb', nb)

function draft(fields: Partial<EvaluationDraft['fields']>, results: EvaluationDraft['results']) {
  return {
    fields: {
      kind: 'final',
      method: 'before_after',
      evidenceLevel: '2',
      outcome: 'successful',
      summary: '',
      lessonsLearned: 'Det virket.',
      otherFactors: '',
      reportUrl: '',
      ...fields,
    },
    results,
    factors: new Map(),
  } satisfies EvaluationDraft
}

const empty = { observed: '', ciLow: '', ciHigh: '', n: '' }

describe('the evaluation form as a request', () => {
  it('sends results only for metrics with figures, reading a decimal comma', () => {
    const request = evaluationRequest(
      draft(
        {},
        new Map([
          [0, empty],
          [2, { observed: '4,5', ciLow: '4', ciHigh: '5', n: '120' }],
        ])
      ),
      metrics
    )
    expect(request.input.results).toEqual([
      { metricId: metrics[2]?.id, observed: 4.5, ciLow: 4, ciHigh: 5, n: 120 },
    ])
    expect(request.indexes).toEqual([2])
    expect(checkEvaluation(request, i18n).errors).toEqual(new Map())
  })

  it("puts a result's problem on its metric's field, in plain words", () => {
    const request = evaluationRequest(
      draft({}, new Map([[1, { observed: '4', ciLow: '5', ciHigh: '6', n: '' }]])),
      metrics
    )
    const { data, errors } = checkEvaluation(request, i18n)
    expect(data).toBeNull()
    expect(errors.get('results-1-ciLow')).toBe('Intervallet må omfatte den målte verdien')
  })

  it('asks for the outcome of a final evaluation at once, with the other missing answers', () => {
    const request = evaluationRequest(
      draft({ outcome: '', method: '', lessonsLearned: '' }, new Map()),
      metrics
    )
    const { errors } = checkEvaluation(request, i18n)
    expect(errors.get('outcome')).toBe('Velg resultatet – det trengs for en sluttevaluering')
    expect(errors.get('method')).toBe('Velg et av alternativene')
    expect(errors.get('lessonsLearned')).toBe('Fyll ut feltet')
    // An interim evaluation needs no outcome.
    const interim = evaluationRequest(draft({ kind: 'interim', outcome: '' }, new Map()), metrics)
    expect(checkEvaluation(interim, i18n).errors).toEqual(new Map())
  })
})
