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
  'stage_changed',
  'metric_added',
  'metric_updated',
  'metric_removed',
] as const
export type EventType = (typeof EVENT_TYPES)[number]
