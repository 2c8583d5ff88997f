import { z } from 'zod'
import { IsoDate, oneOrMany, Uuid } from './common.ts'
import { ADOPTION_STATUSES, FLAGS, ORGANISATION_KINDS, SERVICE_AREAS, STAGES } from './enums.ts'

export const PipelineQuery = z.object({
  serviceArea: oneOrMany(SERVICE_AREAS),
  county: z
    .string()
    .regex(/^\d{2}$/, 'Two digits')
    .optional(),
  orgKind: oneOrMany(ORGANISATION_KINDS),
  from: IsoDate.optional().meta({ description: 'Pilots registered on or after this date' }),
  to: IsoDate.optional().meta({ description: 'Pilots registered on or before this date' }),
})
export type PipelineQuery = z.infer<typeof PipelineQuery>

export const PipelineStats = z
  .object({
    pilots: z.number().int(),
    stages: z.array(
      z.object({
        stage: z.enum(STAGES),
        current: z.number().int().meta({ description: 'Pilots in this stage now' }),
        reached: z.number().int().meta({ description: 'Pilots that ever entered this stage' }),
        medianDays: z
          .number()
          .nullable()
          .meta({ description: 'Median days spent in the stage (completed stays)' }),
        completedStays: z.number().int(),
      })
    ),
    conversion: z.array(
      z.object({
        from: z.enum(STAGES),
        to: z.enum(STAGES),
        rate: z
          .number()
          .nullable()
          .meta({ description: 'reached(to) / reached(from); null when none reached from' }),
      })
    ),
    discontinued: z.object({
      count: z.number().int(),
      fromStage: z
        .record(z.string(), z.number().int())
        .meta({ description: 'Stage they were in when stopped' }),
      pilots: z
        .array(
          z.object({
            pilotId: Uuid,
            title: z.string(),
            fromStage: z.enum(STAGES).nullable(),
            reason: z.string().nullable(),
          })
        )
        .meta({
          description: 'The 20 most recently stopped pilots and why (`count` counts all of them)',
        }),
    }),
    stuckSuccesses: z
      .array(
        z.object({
          pilotId: Uuid,
          title: z.string(),
          organisationName: z.string(),
          concludedAt: z.string().meta({ description: 'When it was concluded (ISO instant)' }),
        })
      )
      .meta({
        description:
          'Successful pilots not adopted or spread 12 months after they were concluded: the 20 concluded longest ago (`flags.stuck_success` counts all of them)',
      }),
    flags: z.record(z.enum(FLAGS), z.number().int()),
  })
  .meta({ id: 'PipelineStats' })

export const PERIODS = ['month', 'quarter', 'year'] as const
export type Period = (typeof PERIODS)[number]

export const SpreadQuery = z.object({
  period: z.enum(PERIODS).default('year'),
  pilot: Uuid.optional(),
  serviceArea: oneOrMany(SERVICE_AREAS),
  county: z
    .string()
    .regex(/^\d{2}$/, 'Two digits')
    .optional()
    .meta({ description: "The adopter's county" }),
  until: IsoDate.optional().meta({
    description:
      'The spread as it stood at the end of this date: later adoptions left out, each status as of then',
  }),
})
export type SpreadQuery = z.infer<typeof SpreadQuery>

const StatusCounts = z.record(z.enum(ADOPTION_STATUSES), z.number().int())

export const SpreadStats = z
  .object({
    period: z.enum(PERIODS),
    overTime: z
      .array(
        z.object({ period: z.string(), adoptions: z.number().int(), cumulative: z.number().int() })
      )
      .meta({
        description:
          'Organisations taking a pilot up (trial or adoption) per period, from the first to the last',
      }),
    byCounty: z.array(
      z.object({
        countyNumber: z.string(),
        countyName: z.string(),
        total: z.number().int(),
        byStatus: StatusCounts,
      })
    ),
    byMunicipality: z.array(
      z.object({
        municipalityNumber: z.string(),
        name: z.string(),
        total: z.number().int(),
        byStatus: StatusCounts,
      })
    ),
    lineageEdges: z.number().int().meta({
      description:
        'Who-learned-from-whom edges in scope: one per adoption (from the adoption it learned from, or from the origin pilot)',
    }),
    lineage: z
      .array(
        z.object({
          pilotId: Uuid,
          fromAdoptionId: Uuid.nullable().meta({
            description: 'Null: learned from the origin pilot',
          }),
          toAdoptionId: Uuid,
          fromOrganisationId: Uuid,
          toOrganisationId: Uuid,
        })
      )
      .optional()
      .meta({
        description:
          "The edges themselves, oldest first: only with `pilot` (one pilot's lineage; GET /pilots/{id}/lineage has it as a tree). The whole country's edges would be one per adoption.",
      }),
    replication: z.object({
      tried: z
        .number()
        .int()
        .meta({ description: 'Take-ups that got as far as trying (trialled or adopted)' }),
      succeeded: z.number().int().meta({ description: 'Of those, how many it worked for' }),
      pilotCount: z.number().int().meta({ description: 'Pilots tried by at least one' }),
      pilots: z
        .array(
          z.object({
            pilotId: Uuid,
            title: z.string(),
            tried: z.number().int(),
            succeeded: z.number().int(),
          })
        )
        .meta({
          description:
            'The 20 most tried pilots: most tried first, then most succeeded, then the first taken up',
        }),
    }),
  })
  .meta({ id: 'SpreadStats' })

export const BassFitRequest = z
  .strictObject({
    adoptionsPerPeriod: z
      .array(z.number())
      .max(500)
      .meta({ description: 'New adopters in each period, oldest first' }),
    horizon: z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(5)
      .meta({ description: 'Periods to forecast' }),
  })
  .meta({ id: 'BassFitRequest' })

export const BassFitResult = z
  .object({
    m: z.number().meta({ description: 'Market potential: how many will eventually adopt' }),
    p: z
      .number()
      .meta({ description: 'Coefficient of innovation: adopting on their own initiative' }),
    q: z.number().meta({ description: 'Coefficient of imitation: adopting because others did' }),
    peakPeriod: z
      .number()
      .meta({ description: 'Period of the most new adopters (1-based; 0: from the start)' }),
    fitted: z.array(z.number()),
    forecast: z.array(z.number()),
    rSquared: z.number(),
  })
  .meta({ id: 'BassFitResult' })

export const DiffusionQuery = z.object({
  period: z.enum(PERIODS).default('year'),
  horizon: z.coerce.number().int().min(0).max(50).default(5),
})

export const Diffusion = z
  .object({
    pilotId: Uuid,
    period: z.enum(PERIODS),
    series: z.array(
      z.object({ period: z.string(), adoptions: z.number().int(), cumulative: z.number().int() })
    ),
    forecastPeriods: z.array(z.string()),
    fit: BassFitResult,
  })
  .meta({ id: 'Diffusion' })
