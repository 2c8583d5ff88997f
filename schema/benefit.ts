import { z } from 'zod'
import { page, text, Uuid } from './common.ts'
import { BENEFIT_KINDS, BENEFIT_PARTIES, type BenefitKind, type BenefitParty } from './enums.ts'

/** The unit a kind is always counted in; quality and other benefits name their own. */
export const FIXED_UNITS: Readonly<Partial<Record<BenefitKind, string>>> = {
  cost_saving_nok: 'NOK',
  time_saving_hours: 'hours',
}

// An annual amount the database stores as double precision: finite, never negative.
const Amount = z.number().finite().min(0).max(1e12)

const Party = z.enum(BENEFIT_PARTIES)

export const Benefit = z
  .object({
    id: Uuid,
    kind: z.enum(BENEFIT_KINDS),
    description: z.string(),
    unit: z.string().meta({ description: '`NOK` for cost savings, `hours` for time savings' }),
    plannedAnnual: z
      .number()
      .nullable()
      .meta({ description: 'Planned amount per year, in `unit`' }),
    realisedAnnual: z
      .number()
      .nullable()
      .meta({ description: 'Realised amount per year, in `unit`' }),
    bearer: Party.meta({ description: 'Who bears the cost' }),
    beneficiary: Party.meta({ description: 'Who receives the benefit' }),
  })
  .meta({
    id: 'Benefit',
    description:
      "A planned or realised benefit (gevinst) of a pilot, or an adopter's local benefit of an adoption",
  })
export type Benefit = z.infer<typeof Benefit>

/** The fields the benefit rules look at, as a whole benefit has them after a create or a patch. */
interface BenefitRuled {
  kind: BenefitKind
  unit?: string | null | undefined
  plannedAnnual?: number | null | undefined
  realisedAnnual?: number | null | undefined
}

/** What breaks the rules of a whole benefit: the unit its kind fixes, and at least one amount. */
export function benefitIssues(b: BenefitRuled): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = []
  const fixed = FIXED_UNITS[b.kind]
  if (fixed && b.unit != null && b.unit !== fixed)
    issues.push({ path: ['unit'], message: `A ${b.kind} benefit is counted in ${fixed}` })
  if (!fixed && b.unit == null)
    issues.push({ path: ['unit'], message: `Required for a ${b.kind} benefit` })
  if (b.plannedAnnual == null && b.realisedAnnual == null)
    issues.push({ path: ['plannedAnnual'], message: 'Give plannedAnnual, realisedAnnual or both' })
  return issues
}

function refineBenefit(b: BenefitRuled, ctx: z.RefinementCtx) {
  // A kind that failed its own check is already reported; the rules need a known kind.
  if (!BENEFIT_KINDS.includes(b.kind)) return
  for (const issue of benefitIssues(b)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
  }
}

const fields = {
  kind: z.enum(BENEFIT_KINDS),
  description: text(500, 2),
  unit: text(40, 1).meta({
    description: 'Defaults to `NOK` for cost_saving_nok and `hours` for time_saving_hours',
  }),
  plannedAnnual: Amount.nullable().meta({ description: 'Planned amount per year, in `unit`' }),
  realisedAnnual: Amount.nullable().meta({ description: 'Realised amount per year, in `unit`' }),
  bearer: Party.meta({ description: 'Who bears the cost' }),
  beneficiary: Party.meta({ description: 'Who receives the benefit' }),
}

export const BenefitCreate = z
  .strictObject({
    ...fields,
    unit: fields.unit.optional(),
    plannedAnnual: fields.plannedAnnual.optional(),
    realisedAnnual: fields.realisedAnnual.optional(),
  })
  .superRefine(refineBenefit)
  .meta({
    id: 'BenefitCreate',
    description: 'At least one of plannedAnnual and realisedAnnual',
  })
export type BenefitCreate = z.infer<typeof BenefitCreate>

export const BenefitPatch = z
  .strictObject(
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>
    }
  )
  .meta({
    id: 'BenefitPatch',
    description: 'The fields to change; the benefit as a whole must still keep the rules',
  })
export type BenefitPatch = z.infer<typeof BenefitPatch>

const Sums = z.object({
  planned: z.number().meta({ description: 'Sum of planned annual amounts (null counts as 0)' }),
  realised: z.number().meta({ description: 'Sum of realised annual amounts (null counts as 0)' }),
})

const ByParty = z.object(
  Object.fromEntries(BENEFIT_PARTIES.map((p) => [p, Sums])) as Record<BenefitParty, typeof Sums>
)

export const BenefitTotalsGroup = Sums.extend({
  kind: z.enum(BENEFIT_KINDS),
  unit: z.string(),
  pilots: z
    .number()
    .int()
    .meta({ description: 'How many pilots contribute their own benefits to this group' }),
  adoptions: z
    .number()
    .int()
    .meta({ description: "How many adoptions contribute their adopters' local benefits" }),
  byBearer: ByParty.meta({ description: 'The sums split by who bears the cost' }),
  byBeneficiary: ByParty.meta({ description: 'The sums split by who receives the benefit' }),
}).meta({ id: 'BenefitTotalsGroup' })
export type BenefitTotalsGroup = z.infer<typeof BenefitTotalsGroup>

export const BenefitTotals = z.object({ groups: z.array(BenefitTotalsGroup) }).meta({
  id: 'BenefitTotals',
  description: 'Sums per kind and unit: amounts of different kinds or units are never added',
})
export type BenefitTotals = z.infer<typeof BenefitTotals>

export const BenefitLedger = page(Benefit).extend({ totals: BenefitTotals }).meta({
  id: 'BenefitLedger',
  description: "A pilot's own benefits, or an adoption's local ones, with their totals",
})
export type BenefitLedger = z.infer<typeof BenefitLedger>

/** Which benefits the statistics count: the pilots' own, their adopters' local ones, or both. */
export const BENEFIT_SCOPES = ['all', 'origin', 'local'] as const
export type BenefitScope = (typeof BENEFIT_SCOPES)[number]

export const BenefitStatsQuery = z.object({
  scope: z.enum(BENEFIT_SCOPES).default('all').meta({
    description:
      "origin: the pilots' own benefits; local: their adopters' local benefits; all: both",
  }),
  org: Uuid.optional().meta({
    description:
      "Only benefits counted for this organisation: a pilot's own for its owner, an adoption's local ones for the adopter",
  }),
  county: z
    .string()
    .regex(/^\d{2}$/, 'Two digits')
    .optional()
    .meta({
      description:
        "Only benefits counted for an organisation in this county (the owner's, or the adopter's)",
    }),
})
export type BenefitStatsQuery = z.infer<typeof BenefitStatsQuery>
