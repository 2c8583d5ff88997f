import { z } from 'zod'
import { IsoDate, oneOrMany, PageQuery, Timestamp, text, Uuid } from './common.ts'
import {
  EVALUATION_METHODS,
  FLAGS,
  INNOVATION_TYPES,
  LEGAL_BASES,
  ORGANISATION_KINDS,
  OUTCOMES,
  PARTNER_ROLES,
  SERVICE_AREAS,
  STAGES,
  VISIBILITIES,
} from './enums.ts'
import { Metric, MetricCreate } from './metric.ts'

// Forsøksloven §7: an approval runs at most four years and may be extended by at most two.
export const FORSOKSLOVEN_MAX_YEARS = 4
export const FORSOKSLOVEN_MAX_EXTENSION_YEARS = 2

export const LegalBasis = z
  .strictObject({
    kind: z.enum(LEGAL_BASES),
    reference: text(300, 1).nullable().optional().meta({
      description: 'E.g. the ministry decision or the sector law clause',
    }),
    approvalDate: IsoDate.nullable().optional(),
    expiryDate: IsoDate.nullable().optional(),
    extendedUntil: IsoDate.nullable().optional(),
  })
  .meta({ id: 'LegalBasis' })
export type LegalBasis = z.infer<typeof LegalBasis>

export const Partner = z.strictObject({
  organisationId: Uuid,
  role: z.enum(PARTNER_ROLES),
})

export const Contact = z
  .strictObject({
    name: text(200, 2),
    email: z.email().max(254),
    phone: z
      .string()
      .regex(/^\+?[0-9 ]{8,20}$/, 'Digits and spaces, optionally a leading +')
      .nullable()
      .optional(),
    role: text(200).nullable().optional(),
    showPublicly: z.boolean().default(false).meta({
      description:
        'The person agreed to be shown to the public as an advisor; otherwise only the owner sees them',
    }),
  })
  .meta({ id: 'Contact' })

const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, 'Letters, digits, spaces and hyphens')

/** Fields a caller may set on a pilot, with their shapes. Stage and outcome change only by transitions. */
const editable = {
  title: text(200, 3),
  summary: text(2000),
  problem: text(5000),
  hypothesis: text(2000).meta({ description: '"Hvis vi …, så vil … målt ved …"' }),
  innovationType: z.enum(INNOVATION_TYPES),
  serviceArea: z.enum(SERVICE_AREAS),
  partners: z.array(Partner).max(30),
  contacts: z.array(Contact).max(10),
  availableToAdvise: z.boolean(),
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
  actualStart: IsoDate.nullable(),
  actualEnd: IsoDate.nullable(),
  budgetNok: z.number().int().min(0).max(1e12).nullable(),
  fundingSource: text(300).nullable(),
  evaluationMethod: z.enum(EVALUATION_METHODS).nullable().meta({ description: 'Planned method' }),
  evaluationPlan: text(5000).nullable(),
  legalBasis: LegalBasis,
  tags: z.array(Tag).max(20),
  visibility: z.enum(VISIBILITIES),
}

/** A field that a whole pilot must satisfy, beyond each field's own shape. */
export interface ConsistencyIssue {
  path: string[]
  message: string
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return d.toISOString().slice(0, 10)
}

type Consistent = {
  plannedStart?: string | null
  plannedEnd?: string | null
  actualStart?: string | null
  actualEnd?: string | null
  legalBasis?: LegalBasis
}

/** The rules that span fields: dates in order, and forsøksloven's approval limits. */
export function pilotConsistencyIssues(p: Consistent): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = []
  if (p.plannedStart && p.plannedEnd && p.plannedEnd < p.plannedStart) {
    issues.push({ path: ['plannedEnd'], message: 'Must not be before plannedStart' })
  }
  if (p.actualStart && p.actualEnd && p.actualEnd < p.actualStart) {
    issues.push({ path: ['actualEnd'], message: 'Must not be before actualStart' })
  }
  const lb = p.legalBasis
  if (lb?.kind === 'forsoksloven') {
    if (!lb.reference)
      issues.push({ path: ['legalBasis', 'reference'], message: 'Required for forsøksloven' })
    if (!lb.approvalDate) {
      issues.push({ path: ['legalBasis', 'approvalDate'], message: 'Required for forsøksloven' })
    }
    if (!lb.expiryDate)
      issues.push({ path: ['legalBasis', 'expiryDate'], message: 'Required for forsøksloven' })
    if (lb.approvalDate && lb.expiryDate) {
      if (lb.expiryDate <= lb.approvalDate) {
        issues.push({ path: ['legalBasis', 'expiryDate'], message: 'Must be after approvalDate' })
      } else if (lb.expiryDate > addYears(lb.approvalDate, FORSOKSLOVEN_MAX_YEARS)) {
        issues.push({
          path: ['legalBasis', 'expiryDate'],
          message: `A forsøksloven approval runs at most ${FORSOKSLOVEN_MAX_YEARS} years`,
        })
      }
    }
  }
  if (lb?.extendedUntil) {
    if (!lb.expiryDate) {
      issues.push({
        path: ['legalBasis', 'extendedUntil'],
        message: 'Needs an expiryDate to extend',
      })
    } else if (lb.extendedUntil <= lb.expiryDate) {
      issues.push({ path: ['legalBasis', 'extendedUntil'], message: 'Must be after expiryDate' })
    } else if (
      lb.kind === 'forsoksloven' &&
      lb.extendedUntil > addYears(lb.expiryDate, FORSOKSLOVEN_MAX_EXTENSION_YEARS)
    ) {
      issues.push({
        path: ['legalBasis', 'extendedUntil'],
        message: `A forsøksloven approval may be extended by at most ${FORSOKSLOVEN_MAX_EXTENSION_YEARS} years`,
      })
    }
  }
  if (lb?.kind === 'ordinary' && (lb.approvalDate || lb.expiryDate || lb.extendedUntil)) {
    issues.push({
      path: ['legalBasis', 'kind'],
      message: 'Ordinary legal basis has no approval or expiry',
    })
  }
  return issues
}

function refineConsistency(p: Consistent, ctx: z.RefinementCtx) {
  for (const issue of pilotConsistencyIssues(p)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
  }
}

export const PilotCreate = z
  .strictObject({
    title: editable.title,
    summary: editable.summary.default(''),
    problem: editable.problem.default(''),
    hypothesis: editable.hypothesis.default(''),
    innovationType: editable.innovationType,
    serviceArea: editable.serviceArea,
    ownerOrgId: Uuid.optional().meta({ description: "Defaults to the caller's organisation" }),
    partners: editable.partners.default([]),
    contacts: editable.contacts.default([]),
    availableToAdvise: editable.availableToAdvise.default(false),
    plannedStart: editable.plannedStart.optional(),
    plannedEnd: editable.plannedEnd.optional(),
    actualStart: editable.actualStart.optional(),
    actualEnd: editable.actualEnd.optional(),
    budgetNok: editable.budgetNok.optional(),
    fundingSource: editable.fundingSource.optional(),
    evaluationMethod: editable.evaluationMethod.optional(),
    evaluationPlan: editable.evaluationPlan.optional(),
    legalBasis: editable.legalBasis.default({ kind: 'ordinary' }),
    tags: editable.tags.default([]),
    visibility: editable.visibility.default('draft'),
    metrics: z.array(MetricCreate).max(20).default([]),
  })
  .superRefine(refineConsistency)
  .meta({ id: 'PilotCreate' })
export type PilotCreate = z.infer<typeof PilotCreate>

/** Why a pre-registered field changed after the trial started (outcome switching must be visible). */
const AmendmentReason = text(2000, 3).meta({
  description: 'Required when changing the hypothesis or a primary metric after the trial started',
})

export const PilotPatch = z
  .strictObject({
    ...(Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]>
    }),
    amendmentReason: AmendmentReason.optional(),
  })
  .meta({
    id: 'PilotPatch',
    description:
      'Fields to change; absent fields stay as they are, null clears. Stage and outcome change only through transitions.',
  })
export type PilotPatch = z.infer<typeof PilotPatch>

export const OrganisationRef = z
  .object({
    id: Uuid,
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    municipalityNumber: z.string().nullable(),
    countyNumber: z.string().nullable(),
  })
  .meta({ id: 'OrganisationRef' })

export const Preregistration = z
  .object({
    frozenAt: Timestamp,
    hypothesis: z.string(),
    metrics: z.array(Metric),
  })
  .meta({
    id: 'Preregistration',
    description: 'Hypothesis and primary metrics as they stood when the trial started',
  })

export const Amendment = z
  .object({
    version: z.number().int(),
    at: Timestamp,
    reason: z.string(),
    actor: z.object({ name: z.string().nullable(), organisationName: z.string().nullable() }),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  })
  .meta({
    id: 'Amendment',
    description: 'A change to the pre-registered hypothesis or primary metrics',
  })

export const EvidenceSummary = z
  .object({
    bestLevel: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Highest evidence level among the evaluations' }),
    evaluations: z.number().int(),
    replication: z
      .object({ tried: z.number().int(), succeeded: z.number().int() })
      .nullable()
      .meta({
        description: 'Adopters reporting success out of those who tried (once adoptions exist)',
      }),
  })
  .meta({ id: 'EvidenceSummary' })

export const Pilot = z
  .object({
    id: Uuid,
    title: z.string(),
    summary: z.string(),
    problem: z.string(),
    hypothesis: z.string(),
    innovationType: z.enum(INNOVATION_TYPES),
    serviceArea: z.enum(SERVICE_AREAS),
    owner: OrganisationRef,
    partners: z.array(
      z.object({ organisationId: Uuid, name: z.string(), role: z.enum(PARTNER_ROLES) })
    ),
    contacts: z
      .array(
        z.object({
          name: z.string(),
          email: z.string(),
          phone: z.string().nullable(),
          role: z.string().nullable(),
          showPublicly: z.boolean(),
        })
      )
      .meta({
        description:
          'Only those who agreed to be shown, unless you belong to the owner organisation',
      }),
    availableToAdvise: z.boolean(),
    plannedStart: IsoDate.nullable(),
    plannedEnd: IsoDate.nullable(),
    actualStart: IsoDate.nullable(),
    actualEnd: IsoDate.nullable(),
    budgetNok: z.number().nullable(),
    fundingSource: z.string().nullable(),
    evaluationMethod: z.enum(EVALUATION_METHODS).nullable(),
    evaluationPlan: z.string().nullable(),
    legalBasis: z.object({
      kind: z.enum(LEGAL_BASES),
      reference: z.string().nullable(),
      approvalDate: IsoDate.nullable(),
      expiryDate: IsoDate.nullable(),
      extendedUntil: IsoDate.nullable(),
    }),
    basedOnPilotId: Uuid.nullable(),
    tags: z.array(z.string()),
    stage: z.enum(STAGES),
    stageChangedAt: Timestamp,
    outcome: z.enum(OUTCOMES).nullable(),
    visibility: z.enum(VISIBILITIES),
    discontinuedReason: z.string().nullable(),
    adoptionDecision: z.object({ reference: z.string(), date: IsoDate }).nullable(),
    preregistration: Preregistration.nullable(),
    amendments: z.array(Amendment),
    metrics: z.array(Metric),
    flags: z.array(z.enum(FLAGS)),
    evidence: EvidenceSummary,
    sample: z.boolean().meta({ description: 'True for sample data: not a real pilot' }),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Pilot' })
export type Pilot = z.infer<typeof Pilot>

/** A piece of highlighted text: render `match` pieces emphasised; all pieces are plain text. */
export const HighlightSegment = z
  .object({ text: z.string(), match: z.boolean() })
  .meta({ id: 'HighlightSegment' })

export const PilotSummary = z
  .object({
    id: Uuid,
    title: z.string(),
    summary: z.string(),
    innovationType: z.enum(INNOVATION_TYPES),
    serviceArea: z.enum(SERVICE_AREAS),
    owner: OrganisationRef,
    stage: z.enum(STAGES),
    outcome: z.enum(OUTCOMES).nullable(),
    visibility: z.enum(VISIBILITIES),
    tags: z.array(z.string()),
    flags: z.array(z.enum(FLAGS)),
    adoptions: z
      .number()
      .int()
      .meta({ description: 'Organisations that took it up (trialled or adopted)' }),
    highlights: z
      .object({ title: z.array(HighlightSegment), summary: z.array(HighlightSegment) })
      .optional()
      .meta({ description: 'With q: the title and a snippet, split into matching and other text' }),
    sample: z.boolean(),
    version: z.number().int(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'PilotSummary' })
export type PilotSummary = z.infer<typeof PilotSummary>

/** One or more values of a pattern (comma-separated or the parameter repeated). */
const listOf = (pattern: RegExp, message: string, max: number) =>
  z
    .union([z.string(), z.array(z.string()).max(max)])
    .transform((v) =>
      (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim())
    )
    .pipe(z.array(z.string().regex(pattern, message)).min(1).max(max))
    .optional()

/** The filters of a pilot search; facets and feeds take the same. */
export const PilotFilters = z.object({
  q: z.string().trim().max(200).optional().meta({
    description:
      'Norwegian full-text search; the last word matches as a prefix, titles tolerate typos',
  }),
  stage: oneOrMany(STAGES),
  outcome: oneOrMany(OUTCOMES),
  serviceArea: oneOrMany(SERVICE_AREAS),
  innovationType: oneOrMany(INNOVATION_TYPES),
  flag: oneOrMany(FLAGS),
  orgKind: oneOrMany(ORGANISATION_KINDS),
  evidenceLevel: listOf(/^[1-5]$/, 'A level from 1 to 5', 5).meta({
    description: 'Best evidence level among the evaluations',
  }),
  year: listOf(/^\d{4}$/, 'Four digits', 50).meta({ description: 'Year registered' }),
  org: Uuid.optional().meta({ description: 'Owner organisation id' }),
  county: listOf(/^\d{2}$/, 'Two digits', 20).meta({ description: "Owner's county number(s)" }),
  municipality: z
    .string()
    .regex(/^\d{4}$/, 'Four digits')
    .optional()
    .meta({ description: "Owner's municipality number" }),
})
export type PilotFilters = z.infer<typeof PilotFilters>

export const PILOT_SORTS = ['relevance', 'updated', 'created', 'spread'] as const

export const PilotQuery = PageQuery.extend({
  ...PilotFilters.shape,
  sort: z.enum(PILOT_SORTS).optional().meta({
    description:
      'relevance (the default with q: the best of at most 200 matches, title matches taken first), updated (the default without), created, spread (most taken up)',
  }),
})
export type PilotQuery = z.infer<typeof PilotQuery>

export const TransitionRequest = z
  .strictObject({
    to: z.enum(STAGES),
    reason: text(2000, 3)
      .optional()
      .meta({ description: 'Required to discontinue and to extend (evaluating → running)' }),
    actualStart: IsoDate.optional().meta({
      description: 'Sets the actual start when entering running',
    }),
    actualEnd: IsoDate.optional().meta({ description: 'Sets the actual end when leaving running' }),
    decisionReference: text(300, 2)
      .optional()
      .meta({ description: 'E.g. the council decision, required for adopted' }),
    decisionDate: IsoDate.optional().meta({
      description: 'Date of the decision, required for adopted',
    }),
  })
  .meta({ id: 'TransitionRequest' })
export type TransitionRequest = z.infer<typeof TransitionRequest>

const FacetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }))

export const PilotFacets = z
  .object({
    total: z.number().int().meta({ description: 'Pilots matching the query and every filter' }),
    facets: z.object({
      stage: FacetCounts,
      outcome: FacetCounts,
      serviceArea: FacetCounts,
      innovationType: FacetCounts,
      county: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
      orgKind: FacetCounts,
      evidenceLevel: FacetCounts,
      flag: FacetCounts,
      year: FacetCounts,
    }),
  })
  .meta({
    id: 'PilotFacets',
    description:
      "Each facet counts with every other filter applied but its own: a value's count is the number of results when it is chosen",
  })
