import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type {
  AdoptionDegree,
  AdoptionStatus,
  BenefitKind,
  BenefitParty,
  EvaluationKind,
  EvaluationMethod,
  EventType,
  Factor,
  FactorEffect,
  InnovationType,
  LanguageForm,
  LegalBasis,
  MetricDirection,
  OrganisationKind,
  Outcome,
  PartnerRole,
  ServiceArea,
  Stage,
  Visibility,
} from './enums.ts'

/** `date` columns travel as `YYYY-MM-DD` strings (both drivers are set up to leave them as text). */
type DateText = string
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string, string>
/** A column with a default in the database: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>

export interface CountyTable {
  number: string
  name: string
}

export interface MunicipalityTable {
  number: string
  name: string
  county_number: string
  lon: number
  lat: number
}

export interface UserTable {
  id: Generated<string>
  email: string
  name: string
  created_at: Timestamp
}

export interface OrganisationTable {
  id: Generated<string>
  org_number: string
  name: string
  kind: OrganisationKind
  municipality_number: string | null
  county_number: string | null
  language_form: LanguageForm
  sample: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
}

/** The pre-registration snapshot, frozen when a pilot enters `running`. */
export interface PreregistrationSnapshot {
  frozenAt: string
  hypothesis: string
  metrics: {
    id: string
    name: string
    unit: string | null
    direction: MetricDirection
    baseline: number | null
    target: number | null
    primary: boolean
  }[]
}

export interface PilotTable {
  id: Generated<string>
  title: string
  summary: Defaulted<string>
  problem: Defaulted<string>
  hypothesis: Defaulted<string>
  innovation_type: InnovationType
  service_area: ServiceArea
  owner_org_id: string
  available_to_advise: Defaulted<boolean>
  planned_start: DateText | null
  planned_end: DateText | null
  actual_start: DateText | null
  actual_end: DateText | null
  budget_nok: number | null
  funding_source: string | null
  evaluation_method: EvaluationMethod | null
  evaluation_plan: string | null
  legal_basis: Defaulted<LegalBasis>
  legal_reference: string | null
  legal_approval_date: DateText | null
  legal_expiry_date: DateText | null
  legal_extended_until: DateText | null
  based_on_pilot_id: string | null
  tags: Defaulted<string[]>
  stage: Defaulted<Stage>
  stage_changed_at: Timestamp
  outcome: Outcome | null
  visibility: Defaulted<Visibility>
  discontinued_reason: string | null
  adoption_decision_reference: string | null
  adoption_decision_date: DateText | null
  preregistration: Json<PreregistrationSnapshot> | null
  sample: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PilotPartnerTable {
  pilot_id: string
  organisation_id: string
  role: PartnerRole
  position: number
}

export interface PilotContactTable {
  pilot_id: string
  position: number
  name: string
  email: string
  phone: string | null
  role: string | null
}

export interface MetricTable {
  id: Generated<string>
  pilot_id: string
  name: string
  unit: string | null
  direction: MetricDirection
  baseline: number | null
  target: number | null
  primary: boolean
  position: number
  created_at: Timestamp
}

export interface EvaluationTable {
  id: Generated<string>
  pilot_id: string
  kind: EvaluationKind
  evaluator_user_id: string | null
  evaluator_org_id: string | null
  method: EvaluationMethod
  evidence_level: number
  outcome: Outcome | null
  summary: string
  lessons_learned: string
  published_at: Timestamp | null
  other_factors: string | null
  report_url: string | null
  created_at: Timestamp
}

export interface EvaluationResultTable {
  evaluation_id: string
  metric_id: string
  observed: number
  ci_low: number | null
  ci_high: number | null
  n: number | null
  preregistered: boolean
}

export interface EvaluationFactorTable {
  evaluation_id: string
  factor: Factor
  effect: FactorEffect
  note: string | null
}

export interface EvaluationReportTable {
  evaluation_id: string
  filename: string
  content_type: 'application/pdf'
  size: number
  sha256: string
  data: Uint8Array
  created_at: Timestamp
}

export interface PilotEvaluatorTable {
  pilot_id: string
  user_id: string
  organisation_id: string | null
  assigned_by: string | null
  assigned_at: Timestamp
}

export interface BenefitTable {
  id: Generated<string>
  /** The pilot; for an adopter's local benefit, the origin pilot of the adoption. */
  pilot_id: string
  /** Set for a benefit an adopter realised locally. */
  adoption_id: string | null
  kind: BenefitKind
  description: string
  unit: string
  planned_annual: number | null
  realised_annual: number | null
  bearer: BenefitParty
  beneficiary: BenefitParty
  position: number
  created_at: Timestamp
}

/** What changed in one field: its value before and after. */
export type FieldDiff = Record<string, { from: unknown; to: unknown }>

export interface AdoptionTable {
  id: Generated<string>
  pilot_id: string
  organisation_id: string
  status: AdoptionStatus
  degree: AdoptionDegree
  learned_from_adoption_id: string | null
  local_pilot_id: string | null
  local_outcome: Outcome | null
  notes: string | null
  interested_on: DateText | null
  trialling_on: DateText | null
  adopted_on: DateText | null
  dropped_on: DateText | null
  sample: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface EventTable {
  id: Generated<string>
  pilot_id: string
  /** Set for an adoption's own events; its versions count apart from the pilot's. */
  adoption_id: string | null
  version: number
  type: EventType
  actor_user_id: string | null
  actor_org_id: string | null
  at: Timestamp
  diff: Json<FieldDiff>
  data: Json<Record<string, unknown>> | null
}

export interface IdempotencyKeyTable {
  scope: string
  key: string
  method: string
  path: string
  request_hash: string
  status: number | null
  headers: Json<Record<string, string>> | null
  body: Json<unknown> | null
  created_at: Timestamp
}

export interface Database {
  counties: CountyTable
  municipalities: MunicipalityTable
  users: UserTable
  organisations: OrganisationTable
  pilots: PilotTable
  pilot_partners: PilotPartnerTable
  pilot_contacts: PilotContactTable
  metrics: MetricTable
  evaluations: EvaluationTable
  evaluation_results: EvaluationResultTable
  evaluation_factors: EvaluationFactorTable
  evaluation_reports: EvaluationReportTable
  pilot_evaluators: PilotEvaluatorTable
  benefits: BenefitTable
  adoptions: AdoptionTable
  events: EventTable
  idempotency_keys: IdempotencyKeyTable
}

export type PilotRow = Selectable<PilotTable>
export type NewPilot = Insertable<PilotTable>
export type PilotUpdate = Updateable<PilotTable>
export type OrganisationRow = Selectable<OrganisationTable>
export type MetricRow = Selectable<MetricTable>
export type EventRow = Selectable<EventTable>
export type AdoptionRow = Selectable<AdoptionTable>
