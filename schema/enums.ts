// The closed vocabularies of the domain (DESIGN.md section 3). The database has CHECK constraints
// with the same values; a migration that changes one must change the other.

export const STAGES = [
  'hypothesis',
  'planned',
  'running',
  'evaluating',
  'concluded',
  'adopted',
  'discontinued',
] as const
export type Stage = (typeof STAGES)[number]

export const OUTCOMES = [
  'successful',
  'partially_successful',
  'unsuccessful',
  'inconclusive',
] as const
export type Outcome = (typeof OUTCOMES)[number]

export const INNOVATION_TYPES = [
  'service',
  'product',
  'process',
  'organisation',
  'communication',
] as const
export type InnovationType = (typeof INNOVATION_TYPES)[number]

export const SERVICE_AREAS = [
  'health_care',
  'education',
  'kindergarten',
  'child_welfare',
  'social_services',
  'culture',
  'technical_services',
  'administration',
  'other',
] as const
export type ServiceArea = (typeof SERVICE_AREAS)[number]

export const ORGANISATION_KINDS = [
  'municipality',
  'county',
  'state_agency',
  'health_trust',
  'research',
  'company',
  'other',
] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

export const LANGUAGE_FORMS = ['nb', 'nn'] as const
export type LanguageForm = (typeof LANGUAGE_FORMS)[number]

export const PARTNER_ROLES = ['startup', 'research', 'supplier', 'co_owner', 'other'] as const
export type PartnerRole = (typeof PARTNER_ROLES)[number]

export const LEGAL_BASES = ['ordinary', 'forsoksloven', 'sector_pilot_clause'] as const
export type LegalBasis = (typeof LEGAL_BASES)[number]

export const VISIBILITIES = ['draft', 'published'] as const
export type Visibility = (typeof VISIBILITIES)[number]

export const METRIC_DIRECTIONS = ['increase', 'decrease'] as const
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number]

export const EVALUATION_KINDS = ['interim', 'final', 'external'] as const
export type EvaluationKind = (typeof EVALUATION_KINDS)[number]

export const EVALUATION_METHODS = [
  'rct',
  'quasi_experimental',
  'before_after',
  'qualitative',
  'cost_benefit',
  'other',
] as const
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number]

export const EVENT_TYPES = [
  'pilot_created',
  'pilot_updated',
  'pilot_amended',
  'pilot_unpublished',
  'stage_changed',
  'metric_added',
  'metric_updated',
  'metric_removed',
  'evaluation_recorded',
  'report_attached',
  'evaluator_assigned',
  'evaluator_removed',
  'benefit_added',
  'benefit_updated',
  'benefit_removed',
  'adoption_recorded',
  'adoption_updated',
] as const

export const ADOPTION_STATUSES = ['interested', 'trialling', 'adopted', 'dropped'] as const
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number]

export const ADOPTION_DEGREES = ['copy', 'adapted', 'inspired'] as const
export type AdoptionDegree = (typeof ADOPTION_DEGREES)[number]
export type EventType = (typeof EVENT_TYPES)[number]

/** What promoted or hindered a pilot (the white paper's list of drivers and barriers). */
export const FACTORS = [
  'staff',
  'new_technology',
  'decisions_and_priorities',
  'leadership',
  'funding',
  'regulation',
  'users',
  'partners',
] as const
export type Factor = (typeof FACTORS)[number]

export const FACTOR_EFFECTS = ['promoted', 'hindered'] as const
export type FactorEffect = (typeof FACTOR_EFFECTS)[number]

export const EVIDENCE_LEVELS = [1, 2, 3, 4, 5] as const
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number]

export const BENEFIT_KINDS = ['cost_saving_nok', 'time_saving_hours', 'quality', 'other'] as const
export type BenefitKind = (typeof BENEFIT_KINDS)[number]

/** Who bears a cost or receives a benefit. */
export const BENEFIT_PARTIES = [
  'own_org',
  'other_org',
  'state',
  'health_trust',
  'citizens',
] as const
export type BenefitParty = (typeof BENEFIT_PARTIES)[number]

/** Health flags computed from a pilot's data (DESIGN.md section 3). */
export const FLAGS = ['stale', 'results_overdue', 'legal_basis_expiring', 'stuck_success'] as const
export type Flag = (typeof FLAGS)[number]
