import { z } from 'zod'
import { Timestamp, text, Uuid } from './common.ts'
import { EVALUATION_KINDS, EVALUATION_METHODS, FACTOR_EFFECTS, FACTORS, OUTCOMES } from './enums.ts'
import { EVIDENCE_LEVEL_TEXTS } from './evidence.ts'

const Measure = z.number().finite().min(-1e12).max(1e12)

/** Largest evaluation report accepted, in bytes (20 MB). */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024

export const EvidenceLevel = z
  .number()
  .int()
  .min(1)
  .max(5)
  .meta({
    description: `Nesta Standards of Evidence: ${Object.entries(EVIDENCE_LEVEL_TEXTS)
      .map(([level, t]) => `${level} = ${t.explanation.en}`)
      .join(' ')}`,
  })

export const ResultInput = z
  .strictObject({
    metricId: Uuid,
    observed: Measure,
    ciLow: Measure.nullable().optional(),
    ciHigh: Measure.nullable().optional(),
    n: z.number().int().min(0).max(1e9).nullable().optional().meta({ description: 'Sample size' }),
  })
  .superRefine((r, ctx) => {
    const low = r.ciLow ?? null
    const high = r.ciHigh ?? null
    if ((low === null) !== (high === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [low === null ? 'ciLow' : 'ciHigh'],
        message: 'Give both ends of the interval, or neither',
      })
    } else if (low !== null && high !== null && !(low <= r.observed && r.observed <= high)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ciLow'],
        message: 'The interval must contain the observed value',
      })
    }
  })

export const FactorInput = z.strictObject({
  factor: z.enum(FACTORS),
  effect: z.enum(FACTOR_EFFECTS),
  note: text(500).nullable().optional(),
})

export const EvaluationCreate = z
  .strictObject({
    kind: z.enum(EVALUATION_KINDS),
    method: z.enum(EVALUATION_METHODS),
    evidenceLevel: EvidenceLevel,
    outcome: z
      .enum(OUTCOMES)
      .nullable()
      .optional()
      .meta({ description: 'Required for final and external evaluations' }),
    summary: text(5000).default(''),
    lessonsLearned: text(5000, 3).meta({
      description: 'What others should know; required, also when it failed',
    }),
    results: z.array(ResultInput).max(50).default([]),
    factors: z.array(FactorInput).max(16).default([]),
    otherFactors: text(2000)
      .nullable()
      .optional()
      .meta({ description: 'Other things that promoted or hindered' }),
    reportUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .optional()
      .meta({ description: 'Where the report is published; or upload a PDF to …/report' }),
    evaluatorOrgId: Uuid.optional().meta({
      description: "The evaluator's organisation; defaults to the caller's",
    }),
  })
  .superRefine((e, ctx) => {
    if (e.kind !== 'interim' && !e.outcome) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'Required for a final or external evaluation',
      })
    }
    const metrics = new Set<string>()
    e.results.forEach((r, i) => {
      if (metrics.has(r.metricId))
        ctx.addIssue({
          code: 'custom',
          path: ['results', i, 'metricId'],
          message: 'Listed more than once',
        })
      metrics.add(r.metricId)
    })
    const factors = new Set<string>()
    e.factors.forEach((f, i) => {
      const key = `${f.factor}:${f.effect}`
      if (factors.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['factors', i, 'factor'],
          message: 'Listed more than once',
        })
      factors.add(key)
    })
  })
  .meta({ id: 'EvaluationCreate' })
export type EvaluationCreate = z.infer<typeof EvaluationCreate>

export const Evaluation = z
  .object({
    id: Uuid,
    pilotId: Uuid,
    kind: z.enum(EVALUATION_KINDS),
    method: z.enum(EVALUATION_METHODS),
    evidenceLevel: z.number().int(),
    outcome: z.enum(OUTCOMES).nullable(),
    summary: z.string(),
    lessonsLearned: z.string(),
    evaluator: z.object({
      userId: Uuid.nullable(),
      name: z.string().nullable(),
      organisationId: Uuid.nullable(),
      organisationName: z.string().nullable(),
    }),
    results: z.array(
      z.object({
        metricId: Uuid,
        metricName: z.string(),
        unit: z.string().nullable(),
        observed: z.number(),
        ciLow: z.number().nullable(),
        ciHigh: z.number().nullable(),
        n: z.number().nullable(),
        preregistered: z.boolean().meta({
          description: 'False for a metric that was not pre-registered when the trial started',
        }),
      })
    ),
    factors: z.array(
      z.object({
        factor: z.enum(FACTORS),
        effect: z.enum(FACTOR_EFFECTS),
        note: z.string().nullable(),
      })
    ),
    otherFactors: z.string().nullable(),
    report: z
      .union([
        z.object({ kind: z.literal('url'), url: z.string() }),
        z.object({
          kind: z.literal('pdf'),
          href: z.string(),
          filename: z.string(),
          size: z.number(),
          sha256: z.string(),
        }),
      ])
      .nullable(),
    publishedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Evaluation' })
export type Evaluation = z.infer<typeof Evaluation>

export const EvaluatorAssign = z
  .strictObject({
    email: z.email().max(254).toLowerCase(),
    name: text(200, 2),
    organisationId: Uuid.optional(),
  })
  .meta({ id: 'EvaluatorAssign' })

export const Evaluator = z
  .object({
    userId: Uuid,
    name: z.string(),
    email: z
      .string()
      .nullable()
      .meta({ description: "Shown only to the pilot's own organisation" }),
    organisationId: Uuid.nullable(),
    organisationName: z.string().nullable(),
    assignedAt: Timestamp,
  })
  .meta({ id: 'Evaluator' })
