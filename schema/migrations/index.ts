import type { Migration } from 'kysely/migration'
import * as foundation from './2026-11-22T1500-foundation.ts'
import * as evaluationsBenefits from './2026-11-22T1600-evaluations-benefits.ts'
import * as adoptions from './2026-11-22T1700-adoptions.ts'
import * as adoptionBenefits from './2026-11-22T1710-adoption-benefits.ts'
import * as search from './2026-11-22T1800-search.ts'
import * as accounts from './2026-11-22T1900-accounts.ts'
import * as contactConsent from './2026-11-22T1910-contact-consent.ts'
import * as unpublish from './2026-11-22T1920-unpublish.ts'
import * as dataChanges from './2026-11-22T2600-data-changes.ts'
import * as stageStays from './2026-11-22T2700-stage-stays.ts'
import * as titleSearch from './2026-11-22T2730-title-search.ts'
import * as moreDataChanges from './2026-11-23T0100-more-data-changes.ts'
import * as notifyDataChanges from './2026-11-23T0400-notify-data-changes.ts'

// Every migration, by its sortable name. A new migration is a new file added here; none is edited.
export const migrations: Record<string, Migration> = {
  '2026-11-22T1500-foundation': foundation,
  '2026-11-22T1600-evaluations-benefits': evaluationsBenefits,
  '2026-11-22T1700-adoptions': adoptions,
  '2026-11-22T1710-adoption-benefits': adoptionBenefits,
  '2026-11-22T1800-search': search,
  '2026-11-22T1900-accounts': accounts,
  '2026-11-22T1910-contact-consent': contactConsent,
  '2026-11-22T1920-unpublish': unpublish,
  '2026-11-22T2600-data-changes': dataChanges,
  '2026-11-22T2700-stage-stays': stageStays,
  '2026-11-22T2730-title-search': titleSearch,
  '2026-11-23T0100-more-data-changes': moreDataChanges,
  '2026-11-23T0400-notify-data-changes': notifyDataChanges,
}
