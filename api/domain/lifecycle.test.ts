import { describe, expect, it } from 'vitest'
import { type Outcome, STAGES, type Stage } from '../../schema/enums.ts'
import {
  allowedTargets,
  checkTransition,
  type GuardName,
  isAllowedTransition,
  isFinalStage,
  type TransitionFacts,
} from './lifecycle.ts'

// The lifecycle written out by hand from DESIGN.md section 3; rows are `from`, columns are `to`.
const ORDER = [
  'hypothesis',
  'planned',
  'running',
  'evaluating',
  'concluded',
  'adopted',
  'discontinued',
] as const satisfies readonly Stage[]

// biome-ignore format: the table is easier to check by eye when aligned
const EXPECTED: Record<Stage, readonly (0 | 1)[]> = {
  //             hyp pla run eva con ado dis
  hypothesis:   [0,  1,  0,  0,  0,  0,  1],
  planned:      [0,  0,  1,  0,  0,  0,  1],
  running:      [0,  0,  0,  1,  0,  0,  1],
  evaluating:   [0,  0,  1,  0,  1,  0,  1],
  concluded:    [0,  0,  0,  0,  0,  1,  1],
  adopted:      [0,  0,  0,  0,  0,  0,  0],
  discontinued: [0,  0,  0,  0,  0,  0,  0],
}

const PAIRS = ORDER.flatMap((from) =>
  ORDER.map((to, column) => ({ from, to, allowed: EXPECTED[from][column] === 1 }))
)

// Facts that satisfy every guard of every transition.
function passing(from: Stage): TransitionFacts {
  return {
    pilot: {
      stage: from,
      outcome: 'successful',
      evaluationMethod: 'before_after',
      plannedStart: '2024-01-01',
      plannedEnd: '2024-12-31',
      actualStart: '2024-02-01',
    },
    metrics: [{ primary: true, unit: 'minutes', baseline: 30, target: 20 }],
    evaluations: [{ kind: 'final', outcome: 'successful', recordedAt: '2025-01-15T10:00:00Z' }],
    request: {
      reason: 'Needs another season of data',
      decisionReference: 'PS 12/25',
      decisionDate: '2025-03-01',
    },
  }
}

// Facts with nothing filled in.
function bare(from: Stage): TransitionFacts {
  return {
    pilot: {
      stage: from,
      outcome: null,
      evaluationMethod: null,
      plannedStart: null,
      plannedEnd: null,
      actualStart: null,
    },
    metrics: [],
    evaluations: [],
    request: {},
  }
}

function failedGuardNames(to: Stage, facts: TransitionFacts): GuardName[] {
  const result = checkTransition(to, facts)
  if (result.ok || result.code !== 'guard_failed') {
    throw new Error(`expected guard_failed, got ${JSON.stringify(result)}`)
  }
  for (const { detail } of result.failed) expect(detail).toMatch(/^[A-Z].{10,}\.$/)
  return result.failed.map((f) => f.guard)
}

describe('the table of stages', () => {
  it('covers every stage in the schema', () => {
    expect([...ORDER].sort()).toEqual([...STAGES].sort())
    expect(PAIRS).toHaveLength(49)
  })
})

describe.each(PAIRS)('$from → $to', ({ from, to, allowed }) => {
  it(`is ${allowed ? 'allowed' : 'not allowed'}`, () => {
    expect(isAllowedTransition(from, to)).toBe(allowed)
    expect(allowedTargets(from).includes(to)).toBe(allowed)
  })

  it(
    allowed ? 'passes with facts that satisfy every guard' : 'is refused even when guards pass',
    () => {
      const result = checkTransition(to, passing(from))
      if (allowed) {
        expect(result.ok).toBe(true)
      } else {
        expect(result).toEqual({
          ok: false,
          code: 'transition_not_allowed',
          detail: expect.stringContaining(`'${from}' to '${to}'`),
        })
      }
    }
  )
})

describe('allowedTargets and isFinalStage', () => {
  it('lists exactly the targets of the table', () => {
    for (const from of ORDER) {
      const expected = ORDER.filter((_, column) => EXPECTED[from][column] === 1)
      expect([...allowedTargets(from)].sort()).toEqual([...expected].sort())
    }
  })

  it.each([
    ['hypothesis', false],
    ['planned', false],
    ['running', false],
    ['evaluating', false],
    ['concluded', false],
    ['adopted', true],
    ['discontinued', true],
  ] as const)('isFinalStage(%s) is %s', (stage, final) => {
    expect(isFinalStage(stage)).toBe(final)
  })

  it('throws on an unknown stage instead of guessing', () => {
    expect(() => allowedTargets('archived' as Stage)).toThrow(/Unknown stage: archived/)
    expect(() => isFinalStage('archived' as Stage)).toThrow(/Unknown stage/)
    expect(() => checkTransition('planned', passing('archived' as Stage))).toThrow(/Unknown stage/)
  })

  it('refuses an unknown target as not allowed', () => {
    const result = checkTransition('archived' as Stage, passing('hypothesis'))
    expect(result).toMatchObject({ ok: false, code: 'transition_not_allowed' })
  })
})

type Patch = {
  pilot?: Partial<TransitionFacts['pilot']>
  metrics?: TransitionFacts['metrics']
  evaluations?: TransitionFacts['evaluations']
  request?: TransitionFacts['request']
}
type Case = [name: string, from: Stage, to: Stage, patch: Patch, guard: GuardName]
const metric = { primary: true, unit: 'minutes', baseline: 30, target: 20 }

// Each case removes one piece of data from passing facts; exactly that guard must fail.
const SINGLE_GUARD_CASES: Case[] = [
  ['no metrics', 'hypothesis', 'planned', { metrics: [] }, 'primary_metric'],
  [
    'metric not primary',
    'hypothesis',
    'planned',
    { metrics: [{ ...metric, primary: false }] },
    'primary_metric',
  ],
  [
    'primary metric without unit',
    'hypothesis',
    'planned',
    { metrics: [{ ...metric, unit: null }] },
    'primary_metric',
  ],
  [
    'primary metric with blank unit',
    'hypothesis',
    'planned',
    { metrics: [{ ...metric, unit: ' ' }] },
    'primary_metric',
  ],
  [
    'primary metric without baseline',
    'hypothesis',
    'planned',
    { metrics: [{ ...metric, baseline: null }] },
    'primary_metric',
  ],
  [
    'primary metric without target',
    'hypothesis',
    'planned',
    { metrics: [{ ...metric, target: null }] },
    'primary_metric',
  ],
  [
    'completeness split over two metrics',
    'hypothesis',
    'planned',
    {
      metrics: [
        { ...metric, baseline: null },
        { ...metric, target: null },
      ],
    },
    'primary_metric',
  ],
  [
    'no evaluation method',
    'hypothesis',
    'planned',
    { pilot: { evaluationMethod: null } },
    'evaluation_method',
  ],
  ['no planned start', 'hypothesis', 'planned', { pilot: { plannedStart: null } }, 'planned_dates'],
  ['no planned end', 'hypothesis', 'planned', { pilot: { plannedEnd: null } }, 'planned_dates'],
  ['no actual start', 'planned', 'running', { pilot: { actualStart: null } }, 'actual_start'],
  [
    'blank actual start in request',
    'planned',
    'running',
    { pilot: { actualStart: null }, request: { actualStart: '  ' } },
    'actual_start',
  ],
  [
    'extension without reason',
    'evaluating',
    'running',
    { request: { reason: undefined } },
    'reason',
  ],
  [
    'extension with blank reason',
    'evaluating',
    'running',
    { request: { reason: ' \n\t' } },
    'reason',
  ],
  ['no evaluations', 'evaluating', 'concluded', { evaluations: [] }, 'final_evaluation'],
  [
    'only an interim evaluation',
    'evaluating',
    'concluded',
    { evaluations: [{ kind: 'interim', outcome: 'successful', recordedAt: '2025-01-01' }] },
    'final_evaluation',
  ],
  [
    'final evaluation without outcome',
    'evaluating',
    'concluded',
    { evaluations: [{ kind: 'final', outcome: null, recordedAt: '2025-01-01' }] },
    'final_evaluation',
  ],
  [
    'outcome unsuccessful',
    'concluded',
    'adopted',
    { pilot: { outcome: 'unsuccessful' } },
    'successful_outcome',
  ],
  [
    'outcome inconclusive',
    'concluded',
    'adopted',
    { pilot: { outcome: 'inconclusive' } },
    'successful_outcome',
  ],
  ['outcome not set', 'concluded', 'adopted', { pilot: { outcome: null } }, 'successful_outcome'],
  [
    'no decision reference',
    'concluded',
    'adopted',
    { request: { decisionReference: undefined } },
    'decision_reference',
  ],
  [
    'blank decision reference',
    'concluded',
    'adopted',
    { request: { decisionReference: '   ' } },
    'decision_reference',
  ],
  [
    'no decision date',
    'concluded',
    'adopted',
    { request: { decisionDate: undefined } },
    'decision_date',
  ],
  ...(['hypothesis', 'planned', 'running', 'evaluating', 'concluded'] as const).flatMap(
    (from): Case[] => [
      ['no reason', from, 'discontinued', { request: { reason: undefined } }, 'reason'],
      ['empty reason', from, 'discontinued', { request: { reason: '' } }, 'reason'],
      ['whitespace-only reason', from, 'discontinued', { request: { reason: '  \n ' } }, 'reason'],
    ]
  ),
]

function patched(from: Stage, patch: Patch): TransitionFacts {
  const facts = passing(from)
  return {
    pilot: { ...facts.pilot, ...patch.pilot },
    metrics: patch.metrics ?? facts.metrics,
    evaluations: patch.evaluations ?? facts.evaluations,
    request: { ...facts.request, ...patch.request },
  }
}

describe('guards', () => {
  it.each(SINGLE_GUARD_CASES)('%s: %s → %s fails only %s', (_, from, to, patch, guard) => {
    expect(checkTransition(to, passing(from)).ok).toBe(true)
    expect(failedGuardNames(to, patched(from, patch))).toEqual([guard])
  })

  it('reports every failing guard of → planned, in order', () => {
    expect(failedGuardNames('planned', bare('hypothesis'))).toEqual([
      'primary_metric',
      'evaluation_method',
      'planned_dates',
    ])
  })

  it('names the missing planned dates', () => {
    const result = checkTransition('planned', bare('hypothesis'))
    expect(result).toMatchObject({
      failed: expect.arrayContaining([
        { guard: 'planned_dates', detail: expect.stringContaining('plannedStart, plannedEnd') },
      ]),
    })
  })

  it('reports every failing guard of → adopted, in order', () => {
    const facts = bare('concluded')
    facts.pilot.outcome = 'unsuccessful'
    expect(failedGuardNames('adopted', facts)).toEqual([
      'successful_outcome',
      'decision_reference',
      'decision_date',
    ])
  })

  it('accepts a primary metric with zero baseline and target', () => {
    const facts = bare('hypothesis')
    facts.pilot = {
      ...facts.pilot,
      evaluationMethod: 'rct',
      plannedStart: '2024-01-01',
      plannedEnd: '2024-06-30',
    }
    facts.metrics = [
      { primary: false, unit: null, baseline: null, target: null },
      { ...metric, baseline: 0, target: 0 },
    ]
    expect(checkTransition('planned', facts)).toEqual({ ok: true, outcome: null })
  })

  it('accepts the actual start from the request when the pilot has none', () => {
    const facts = bare('planned')
    facts.request.actualStart = '2024-03-01'
    expect(checkTransition('running', facts)).toEqual({ ok: true, outcome: null })
    expect(failedGuardNames('running', bare('planned'))).toEqual(['actual_start'])
  })

  it('lets an extension back to running need only a reason, not an actual start', () => {
    const facts = bare('evaluating')
    facts.request.reason = 'The winter season was missing from the data'
    expect(checkTransition('running', facts)).toEqual({ ok: true, outcome: null })
    expect(failedGuardNames('running', bare('evaluating'))).toEqual(['reason'])
  })

  it('has no guard for running → evaluating', () => {
    expect(checkTransition('evaluating', bare('running'))).toEqual({ ok: true, outcome: null })
  })

  it('needs only a reason to discontinue', () => {
    const facts = bare('concluded')
    facts.request.reason = 'The service was reorganised'
    expect(checkTransition('discontinued', facts)).toEqual({ ok: true, outcome: null })
  })
})

describe('the outcome set on → concluded', () => {
  type Evaluation = TransitionFacts['evaluations'][number]
  const concluded = (...evaluations: Evaluation[]): Outcome | null => {
    const facts = bare('evaluating')
    facts.evaluations = evaluations
    const result = checkTransition('concluded', facts)
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`)
    return result.outcome
  }

  it.each(['successful', 'partially_successful', 'unsuccessful', 'inconclusive'] as const)(
    'takes %s from the only final evaluation',
    (outcome) => {
      expect(concluded({ kind: 'final', outcome, recordedAt: '2025-01-01T00:00:00Z' })).toBe(
        outcome
      )
    }
  )

  it('counts an external evaluation', () => {
    expect(concluded({ kind: 'external', outcome: 'inconclusive', recordedAt: '2025-01-01' })).toBe(
      'inconclusive'
    )
  })

  it('takes the latest final or external evaluation, whatever the order of the list', () => {
    const early = {
      kind: 'final',
      outcome: 'unsuccessful',
      recordedAt: '2025-01-01T08:00:00Z',
    } as const
    const late = {
      kind: 'external',
      outcome: 'partially_successful',
      recordedAt: '2025-06-01T08:00:00Z',
    } as const
    expect(concluded(early, late)).toBe('partially_successful')
    expect(concluded(late, early)).toBe('partially_successful')
  })

  it('ignores a later interim evaluation', () => {
    expect(
      concluded(
        { kind: 'final', outcome: 'unsuccessful', recordedAt: '2025-01-01' },
        { kind: 'interim', outcome: 'successful', recordedAt: '2025-09-01' }
      )
    ).toBe('unsuccessful')
  })

  it('ignores a later evaluation without an outcome', () => {
    expect(
      concluded(
        { kind: 'external', outcome: 'successful', recordedAt: '2025-01-01' },
        { kind: 'final', outcome: null, recordedAt: '2025-09-01' }
      )
    ).toBe('successful')
  })

  it('lets the later entry in the list win a tie', () => {
    const at = '2025-05-05T12:00:00Z'
    expect(
      concluded(
        { kind: 'final', outcome: 'unsuccessful', recordedAt: at },
        { kind: 'external', outcome: 'successful', recordedAt: at }
      )
    ).toBe('successful')
    expect(
      concluded(
        { kind: 'external', outcome: 'successful', recordedAt: at },
        { kind: 'final', outcome: 'unsuccessful', recordedAt: at }
      )
    ).toBe('unsuccessful')
  })

  it('sets no outcome on any other transition', () => {
    expect(checkTransition('adopted', passing('concluded'))).toEqual({ ok: true, outcome: null })
    expect(checkTransition('discontinued', passing('evaluating'))).toEqual({
      ok: true,
      outcome: null,
    })
  })
})
