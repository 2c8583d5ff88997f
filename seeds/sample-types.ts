import type { z } from 'zod'
import type { BenefitCreate } from '../schema/benefit.ts'
import type {
  AdoptionDegree,
  AdoptionStatus,
  EvaluationKind,
  EvaluationMethod,
  Factor,
  FactorEffect,
  Outcome,
  Stage,
} from '../schema/enums.ts'
import type { OrganisationCreate } from '../schema/organisation.ts'
import type { PilotCreate } from '../schema/pilot.ts'

/** A real organisation (real name and number) used by the sample data. */
export type SampleOrganisation = z.input<typeof OrganisationCreate> & { id: string }

/** One step in a sample pilot's history, applied through the real lifecycle. */
export interface SampleStep {
  to: Stage
  /** When the step happened (YYYY-MM-DD). */
  on: string
  reason?: string
  actualStart?: string
  actualEnd?: string
  decisionReference?: string
  decisionDate?: string
}

/** An evaluation recorded on a sample pilot before a step that needs it (→ concluded). */
export interface SampleEvaluation {
  kind: EvaluationKind
  method: EvaluationMethod
  evidenceLevel: 1 | 2 | 3 | 4 | 5
  /** Required for final and external evaluations; an interim one may leave it open. */
  outcome?: Outcome
  summary: string
  lessonsLearned: string
  /** YYYY-MM-DD */
  on: string
  /** Results per metric, the metric named as in the pilot. */
  results?: { metric: string; observed: number; ciLow?: number; ciHigh?: number; n?: number }[]
  factors?: { factor: Factor; effect: FactorEffect; note?: string }[]
  otherFactors?: string
  /** Who evaluated, when not the owner itself (e.g. a research partner), by org number. */
  evaluatorOrgNumber?: string
}

/** A sample pilot: invented content (marked `sample`), owned by a real organisation. */
export interface SamplePilot {
  id: string
  ownerOrgNumber: string
  /** Registration date (YYYY-MM-DD). */
  registeredOn: string
  pilot: Omit<z.input<typeof PilotCreate>, 'ownerOrgId'>
  evaluations?: SampleEvaluation[]
  /** The benefits ledger: planned, and once known realised, annual amounts. */
  benefits?: z.input<typeof BenefitCreate>[]
  /** Changes to the pre-registered hypothesis after the trial started, with the reason. */
  amendments?: { on: string; hypothesis: string; reason: string }[]
  steps: SampleStep[]
}

/** A sample adoption: a real organisation taking up a sample pilot (the adoption is invented). */
export interface SampleAdoption {
  pilotId: string
  orgNumber: string
  /** Whom they learned it from: another adopter of the same pilot, by org number; none: the origin. */
  learnedFrom?: string
  status: AdoptionStatus
  degree: AdoptionDegree
  interestedOn?: string
  triallingOn?: string
  adoptedOn?: string
  droppedOn?: string
  localOutcome?: Outcome
  notes?: string
}
