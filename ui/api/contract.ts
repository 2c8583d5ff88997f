import type { z } from 'zod'
import { Erased, Member, PersonalData, Unpublished, UserSummary } from '../../schema/admin.ts'
import { Adoption, CopyResult, Lineage } from '../../schema/adoption.ts'
import { ApiToken, CreatedToken, Me } from '../../schema/auth.ts'
import { BenefitLedger, BenefitTotals } from '../../schema/benefit.ts'
import { Problem, page } from '../../schema/common.ts'
import { Evaluation, Evaluator } from '../../schema/evaluation.ts'
import { PilotEvent } from '../../schema/event.ts'
import { ImportResult } from '../../schema/export.ts'
import { Metric } from '../../schema/metric.ts'
import { County, Municipality } from '../../schema/municipality.ts'
import { Organisation } from '../../schema/organisation.ts'
import { Pilot, PilotFacets, PilotSummary } from '../../schema/pilot.ts'
import { BassFitResult, Diffusion, PipelineStats, SpreadStats } from '../../schema/stats.ts'

/**
 * Every answer the API client reads, by name, as the shared zod schema that defines it. The client
 * checks answers against these in development and in tests; a production build keeps only their
 * types, so zod stays out of the pages that merely read (see `ApiClient`).
 */
export const answers = {
  problem: Problem,
  pilot: Pilot,
  pilotPage: page(PilotSummary),
  pilotFacets: PilotFacets,
  evaluation: Evaluation,
  evaluationPage: page(Evaluation),
  evaluatorPage: page(Evaluator),
  benefitLedger: BenefitLedger,
  benefitTotals: BenefitTotals,
  adoption: Adoption,
  adoptionPage: page(Adoption),
  eventPage: page(PilotEvent),
  lineage: Lineage,
  metric: Metric,
  pipelineStats: PipelineStats,
  spreadStats: SpreadStats,
  diffusion: Diffusion,
  bassFit: BassFitResult,
  countyPage: page(County),
  municipalityPage: page(Municipality),
  me: Me,
  organisation: Organisation,
  organisationPage: page(Organisation),
  memberPage: page(Member),
  userSummary: UserSummary,
  userPage: page(UserSummary),
  personalData: PersonalData,
  erased: Erased,
  tokenPage: page(ApiToken),
  createdToken: CreatedToken,
  importResult: ImportResult,
  version: Unpublished,
  copyResult: CopyResult,
}

/** The name of an answer the client reads. */
export type AnswerName = keyof typeof answers

/** The value of each answer, as the client hands it on. */
export type Answers = { [K in AnswerName]: z.output<(typeof answers)[K]> }
