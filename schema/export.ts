import { z } from 'zod'
import { FieldError, IsoDate, Problem, Timestamp, Uuid } from './common.ts'
import {
  EVALUATION_METHODS,
  INNOVATION_TYPES,
  LANGUAGE_FORMS,
  LEGAL_BASES,
  METRIC_DIRECTIONS,
  ORGANISATION_KINDS,
  OUTCOMES,
  SERVICE_AREAS,
  STAGES,
} from './enums.ts'
import { MetricCreate } from './metric.ts'
import { OrganisationCreate } from './organisation.ts'
import { LegalBasis, PilotCreate, pilotConsistencyIssues, TransitionRequest } from './pilot.ts'

/** The open data licence of the exports: NLOD 2.0, the Norwegian licence for public data. */
export const EXPORT_LICENCE = 'https://data.norge.no/nlod/no/2.0'
export const EXPORT_ATTRIBUTION =
  'Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Forsøksregisteret'

export const ExportedMetric = z
  .object({
    name: z.string(),
    unit: z.string().nullable(),
    direction: z.enum(METRIC_DIRECTIONS),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    primary: z.boolean(),
  })
  .meta({ id: 'ExportedMetric' })

/**
 * One published pilot in the open data exports, flat: its keys, in this order, are the CSV columns.
 * No personal data: no contacts, no evaluators, no users.
 */
export const ExportedPilot = z
  .object({
    id: Uuid,
    title: z.string(),
    summary: z.string(),
    problem: z.string(),
    hypothesis: z.string(),
    innovationType: z.enum(INNOVATION_TYPES),
    serviceArea: z.enum(SERVICE_AREAS),
    ownerOrgNumber: z.string(),
    ownerName: z.string(),
    ownerKind: z.enum(ORGANISATION_KINDS),
    ownerMunicipalityNumber: z.string().nullable(),
    ownerCountyNumber: z.string().nullable(),
    ownerLanguageForm: z.enum(LANGUAGE_FORMS),
    stage: z.enum(STAGES),
    stageChangedAt: Timestamp,
    outcome: z.enum(OUTCOMES).nullable(),
    plannedStart: IsoDate.nullable(),
    plannedEnd: IsoDate.nullable(),
    actualStart: IsoDate.nullable(),
    actualEnd: IsoDate.nullable(),
    budgetNok: z.number().int().nullable(),
    fundingSource: z.string().nullable(),
    evaluationMethod: z.enum(EVALUATION_METHODS).nullable(),
    evaluationPlan: z.string().nullable(),
    legalBasis: z.enum(LEGAL_BASES),
    legalReference: z.string().nullable(),
    legalApprovalDate: IsoDate.nullable(),
    legalExpiryDate: IsoDate.nullable(),
    legalExtendedUntil: IsoDate.nullable(),
    adoptionDecisionReference: z.string().nullable(),
    adoptionDecisionDate: IsoDate.nullable(),
    discontinuedReason: z.string().nullable(),
    basedOnPilotId: Uuid.nullable().meta({
      description: 'The published pilot this one copied; empty when that pilot is not published',
    }),
    tags: z.array(z.string()).meta({ description: 'In CSV: one cell, tags separated by "; "' }),
    availableToAdvise: z.boolean(),
    metrics: z.array(ExportedMetric).meta({
      description:
        'In CSV: one cell holding a JSON array, e.g. [{"name":"Innleggelser","unit":"antall","direction":"decrease","baseline":120,"target":90,"primary":true}]',
    }),
    sample: z.boolean().meta({ description: 'True for sample data: not a real pilot' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    evaluationCount: z.number().int().meta({ description: 'Computed; ignored on import' }),
    bestEvidenceLevel: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Computed: highest evidence level (1–5); ignored on import' }),
    latestOutcome: z.enum(OUTCOMES).nullable().meta({
      description:
        'Computed: outcome of the latest final or external evaluation; ignored on import',
    }),
    adoptionsTotal: z
      .number()
      .int()
      .meta({ description: 'Computed: organisations recorded as adopters; ignored on import' }),
    adoptionsTried: z
      .number()
      .int()
      .meta({ description: 'Computed: adopters that trialled or adopted it; ignored on import' }),
    adoptionsSucceeded: z.number().int().meta({
      description: 'Computed: adopters that tried it and report success; ignored on import',
    }),
  })
  .meta({ id: 'ExportedPilot' })
export type ExportedPilot = z.infer<typeof ExportedPilot>
export type ExportColumn = keyof ExportedPilot

/** The CSV header: every column of an exported pilot, in order. */
export const EXPORT_COLUMNS = Object.keys(ExportedPilot.shape) as ExportColumn[]

/** Columns the registry computes from evaluations and adoptions: exported, ignored on import. */
export const COMPUTED_COLUMNS = [
  'evaluationCount',
  'bestEvidenceLevel',
  'latestOutcome',
  'adoptionsTotal',
  'adoptionsTried',
  'adoptionsSucceeded',
] as const satisfies readonly ExportColumn[]

/** Columns an import file must have; every other column may be left out and takes its default. */
export const REQUIRED_IMPORT_COLUMNS = [
  'title',
  'innovationType',
  'serviceArea',
  'ownerOrgNumber',
  'ownerName',
  'ownerKind',
] as const satisfies readonly ExportColumn[]

export const PilotExport = z
  .object({
    licence: z.string().meta({ example: EXPORT_LICENCE }),
    attribution: z.string(),
    modified: Timestamp.nullable().meta({
      description: 'Latest change to any exported pilot, its evaluations or adoptions',
    }),
    pilots: z.array(ExportedPilot),
  })
  .meta({ id: 'PilotExport' })
export type PilotExport = z.infer<typeof PilotExport>

// Import: each cell arrives as text (one leading apostrophe already removed) and is read by the
// rules of the API's own schemas. An empty cell is null, or the column's default.

const cell = z.string()
const emptyAsNull = cell.transform((v) => (v.trim() === '' ? null : v))
const emptyAsAbsent = cell.transform((v) => (v.trim() === '' ? undefined : v))
const orNull = <T extends z.ZodType<unknown, string>>(schema: T) =>
  emptyAsNull.pipe(schema.nullable())
const withDefault = <T extends z.ZodType<unknown, string>>(schema: T, fallback: string) =>
  cell.transform((v) => (v.trim() === '' ? fallback : v.trim())).pipe(schema)

const bool = (fallback: boolean) =>
  cell.transform((v, ctx) => {
    const s = v.trim().toLowerCase()
    if (s === '') return fallback
    if (s === 'true' || s === 'false') return s === 'true'
    ctx.addIssue({ code: 'custom', message: 'Must be true or false' })
    return z.NEVER
  })

const lowerUuid = (v: string) => v.trim().toLowerCase()

/** Spreadsheets drop leading zeros: 301 is read back as municipality 0301. */
const padded = (digits: number) => (v: string | null) =>
  v !== null && /^\d+$/.test(v.trim()) ? v.trim().padStart(digits, '0') : v

const ImportMetric = MetricCreate.omit({ amendmentReason: true })

const create = PilotCreate.shape
const org = OrganisationCreate.shape
const legal = LegalBasis.shape
const transition = TransitionRequest.shape

const importColumns = z.object({
  id: emptyAsAbsent.transform((v) => v && lowerUuid(v)).pipe(Uuid.optional()),
  title: cell.pipe(create.title),
  summary: cell.pipe(create.summary.unwrap()),
  problem: cell.pipe(create.problem.unwrap()),
  hypothesis: cell.pipe(create.hypothesis.unwrap()),
  innovationType: cell.transform((v) => v.trim()).pipe(create.innovationType),
  serviceArea: cell.transform((v) => v.trim()).pipe(create.serviceArea),
  ownerOrgNumber: cell.transform((v) => v.replace(/\s/g, '')).pipe(org.orgNumber),
  ownerName: cell.pipe(org.name),
  ownerKind: cell.transform((v) => v.trim()).pipe(org.kind),
  ownerMunicipalityNumber: emptyAsNull
    .transform(padded(4))
    .pipe(org.municipalityNumber.unwrap().nullable()),
  ownerCountyNumber: emptyAsNull.transform(padded(2)).pipe(org.countyNumber.unwrap().nullable()),
  ownerLanguageForm: withDefault(z.enum(LANGUAGE_FORMS), 'nb'),
  stage: withDefault(z.enum(STAGES), 'hypothesis'),
  stageChangedAt: emptyAsAbsent.pipe(Timestamp.optional()),
  outcome: orNull(z.enum(OUTCOMES)),
  plannedStart: orNull(IsoDate),
  plannedEnd: orNull(IsoDate),
  actualStart: orNull(IsoDate),
  actualEnd: orNull(IsoDate),
  budgetNok: emptyAsNull
    .transform((v, ctx) => {
      if (v === null) return null
      if (/^\d{1,13}$/.test(v.trim())) return Number(v.trim())
      ctx.addIssue({ code: 'custom', message: 'Whole kroner, digits only' })
      return z.NEVER
    })
    .pipe(create.budgetNok.unwrap()),
  fundingSource: orNull(create.fundingSource.unwrap().unwrap()),
  evaluationMethod: orNull(z.enum(EVALUATION_METHODS)),
  evaluationPlan: orNull(create.evaluationPlan.unwrap().unwrap()),
  legalBasis: withDefault(legal.kind, 'ordinary'),
  legalReference: orNull(legal.reference.unwrap().unwrap()),
  legalApprovalDate: orNull(IsoDate),
  legalExpiryDate: orNull(IsoDate),
  legalExtendedUntil: orNull(IsoDate),
  adoptionDecisionReference: orNull(transition.decisionReference.unwrap()),
  adoptionDecisionDate: orNull(IsoDate),
  discontinuedReason: orNull(transition.reason.unwrap()),
  basedOnPilotId: emptyAsNull.transform((v) => v && lowerUuid(v)).pipe(Uuid.nullable()),
  tags: cell
    .transform((v) =>
      v
        .split(';')
        .map((t) => t.trim())
        .filter(Boolean)
    )
    .pipe(create.tags.unwrap()),
  availableToAdvise: bool(false),
  metrics: cell
    .transform((v, ctx) => {
      if (v.trim() === '') return []
      try {
        return JSON.parse(v) as unknown
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'Not JSON: write the metrics as a JSON array, e.g. [{"name": …}]',
        })
        return z.NEVER
      }
    })
    .pipe(z.array(ImportMetric).max(20)),
  sample: bool(false),
  createdAt: emptyAsAbsent.pipe(Timestamp.optional()),
  updatedAt: emptyAsAbsent.pipe(Timestamp.optional()),
})
type ImportColumns = z.infer<typeof importColumns>
export type ImportColumn = keyof ImportColumns

/** One import row, read from its cells, with the rules that span columns. */
export const PilotImportRow = importColumns.superRefine((row, ctx) => {
  const issue = (column: ImportColumn, message: string) =>
    ctx.addIssue({ code: 'custom', path: [column], message })
  for (const i of pilotConsistencyIssues({
    ...row,
    legalBasis: {
      kind: row.legalBasis,
      reference: row.legalReference,
      approvalDate: row.legalApprovalDate,
      expiryDate: row.legalExpiryDate,
      extendedUntil: row.legalExtendedUntil,
    },
  })) {
    const [first, second] = i.path
    issue(
      first === 'legalBasis'
        ? (LEGAL_COLUMNS[String(second)] ?? 'legalBasis')
        : (first as ImportColumn),
      i.message
    )
  }
  for (const [column, detail] of stageIssues(row)) issue(column, detail)
  const names = new Set<string>()
  for (const [index, m] of row.metrics.entries()) {
    const key = m.name.toLowerCase()
    if (names.has(key)) issue('metrics', `Metric ${index + 1}: the name is used twice`)
    names.add(key)
  }
  if (row.createdAt && row.updatedAt && Date.parse(row.updatedAt) < Date.parse(row.createdAt))
    issue('updatedAt', 'Must not be before createdAt')
})
export type PilotImportRow = z.infer<typeof PilotImportRow>

const LEGAL_COLUMNS: Record<string, ImportColumn> = {
  kind: 'legalBasis',
  reference: 'legalReference',
  approvalDate: 'legalApprovalDate',
  expiryDate: 'legalExpiryDate',
  extendedUntil: 'legalExtendedUntil',
}

/** The owner columns by the field of OrganisationCreate they fill. */
export const OWNER_COLUMNS = {
  orgNumber: 'ownerOrgNumber',
  name: 'ownerName',
  kind: 'ownerKind',
  municipalityNumber: 'ownerMunicipalityNumber',
  countyNumber: 'ownerCountyNumber',
  languageForm: 'ownerLanguageForm',
} as const satisfies Record<string, ImportColumn>

/** What a pilot in a stage has, and has not yet, by the lifecycle (and the database's checks). */
function stageIssues(row: ImportColumns): [ImportColumn, string][] {
  const out: [ImportColumn, string][] = []
  const { stage } = row
  const concluded = stage === 'concluded' || stage === 'adopted'
  if (concluded && !row.outcome) out.push(['outcome', `Required for a ${stage} pilot`])
  if (row.outcome && !concluded && stage !== 'discontinued')
    out.push(['outcome', `A ${stage} pilot has no outcome yet`])
  if (stage === 'adopted') {
    if (row.outcome && !['successful', 'partially_successful'].includes(row.outcome))
      out.push(['outcome', 'Only a (partially) successful pilot is adopted'])
    if (!row.adoptionDecisionReference)
      out.push(['adoptionDecisionReference', 'Required for an adopted pilot'])
    if (!row.adoptionDecisionDate)
      out.push(['adoptionDecisionDate', 'Required for an adopted pilot'])
  } else {
    if (row.adoptionDecisionReference)
      out.push(['adoptionDecisionReference', 'Only for an adopted pilot'])
    if (row.adoptionDecisionDate) out.push(['adoptionDecisionDate', 'Only for an adopted pilot'])
  }
  if (stage === 'discontinued' && !row.discontinuedReason)
    out.push(['discontinuedReason', 'Required for a discontinued pilot'])
  if (stage !== 'discontinued' && row.discontinuedReason)
    out.push(['discontinuedReason', 'Only for a discontinued pilot'])
  return out
}

/** The columns an import reads (every exported column but the computed ones). */
export const IMPORT_COLUMNS = Object.keys(importColumns.shape) as ImportColumn[]

/** One thing wrong with an import file: its row (1 = the first row after the header; 0 = the header) and column. */
export const ImportError = FieldError.extend({
  row: z.number().int().min(0).meta({
    description: 'Data row, 1-based: row 1 is the first row after the header (0: the header)',
  }),
  column: z.string().nullable().meta({ example: 'title', description: 'Null for a whole row' }),
}).meta({
  id: 'ImportError',
  description: '`field` reads "row 3: title"; `pointer` is /{row}/{column}',
})
export type ImportError = z.infer<typeof ImportError>

// A JSON body that is not the shape asked for is refused before any row is read, with the field
// errors every other operation gives; rows that break the rules get row and column.
export const ImportProblem = Problem.extend({
  errors: z.array(z.union([ImportError, FieldError])).optional(),
}).meta({
  id: 'ImportProblem',
  description:
    'A refused import: nothing was written; `errors` names every row and column at fault',
})

export const ImportResult = z
  .object({
    imported: z.number().int(),
    ids: z.array(Uuid).meta({ description: 'The pilots, in the order of the rows' }),
  })
  .meta({ id: 'ImportResult' })
export type ImportResult = z.infer<typeof ImportResult>

export const ImportJsonBody = z
  .strictObject({ csv: z.string().meta({ description: 'The CSV file as text' }) })
  .meta({ id: 'PilotImportJson' })
