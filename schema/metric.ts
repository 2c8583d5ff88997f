import { z } from 'zod'
import { text, Uuid } from './common.ts'
import { METRIC_DIRECTIONS } from './enums.ts'

// A finite number that the database stores as double precision: no NaN, no Infinity.
const Measure = z.number().finite().min(-1e12).max(1e12)

export const Metric = z
  .object({
    id: Uuid,
    name: z.string(),
    unit: z.string().nullable(),
    direction: z.enum(METRIC_DIRECTIONS),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    primary: z.boolean(),
  })
  .meta({
    id: 'Metric',
    description: 'A success criterion, pre-registered before the trial starts',
  })
export type Metric = z.infer<typeof Metric>

export const MetricCreate = z
  .strictObject({
    name: text(200, 2),
    unit: text(40, 1).nullable().optional(),
    direction: z.enum(METRIC_DIRECTIONS),
    baseline: Measure.nullable().optional(),
    target: Measure.nullable().optional(),
    primary: z.boolean().default(false),
    amendmentReason: text(2000, 3)
      .optional()
      .meta({ description: 'Required when adding a primary metric after the trial started' }),
  })
  .meta({ id: 'MetricCreate' })
export type MetricCreate = z.infer<typeof MetricCreate>

export const MetricPatch = z
  .strictObject({
    name: text(200, 2).optional(),
    unit: text(40, 1).nullable().optional(),
    direction: z.enum(METRIC_DIRECTIONS).optional(),
    baseline: Measure.nullable().optional(),
    target: Measure.nullable().optional(),
    primary: z.boolean().optional(),
    amendmentReason: text(2000, 3)
      .optional()
      .meta({ description: 'Required when changing a primary metric after the trial started' }),
  })
  .meta({ id: 'MetricPatch' })
export type MetricPatch = z.infer<typeof MetricPatch>
