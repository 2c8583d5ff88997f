import { type Expression, type SqlBool, sql } from 'kysely'
import type { Flag } from '../../schema/enums.ts'
import {
  LEGAL_BASIS_WARNING_MONTHS,
  norwegianDate,
  RESULTS_DUE_MONTHS,
  STALE_AFTER_MONTHS,
  STUCK_AFTER_MONTHS,
} from '../domain/flags.ts'
import { tried } from './uptake.ts'

const months = (n: number) => sql.raw(`interval '${Math.trunc(n)} months'`)

/** The instant the flags are judged at, as query values: the time, and the day in Norway. */
export interface FlagClock {
  at: string
  today: string
}

export const flagClock = (now: Date): FlagClock => ({
  at: now.toISOString(),
  today: norwegianDate(now),
})

/**
 * Each health flag as a condition on a pilot row aliased `p`, at the instant of `clock`. A
 * threshold reached exactly counts (a pilot last updated exactly 12 months ago is stale).
 */
export function flagConditions(clock: FlagClock): Record<Flag, Expression<SqlBool>> {
  const at = sql`cast(${clock.at} as timestamptz)`
  const today = sql`cast(${clock.today} as date)`
  return {
    stale: sql<SqlBool>`(p.stage = 'running' and p.updated_at <= ${at} - ${months(STALE_AFTER_MONTHS)})`,
    results_overdue: sql<SqlBool>`(p.stage in ('running', 'evaluating') and p.actual_end is not null
      and p.actual_end + ${months(RESULTS_DUE_MONTHS)} <= ${today}
      and not exists (select 1 from evaluations fe where fe.pilot_id = p.id and fe.kind in ('final', 'external')))`,
    legal_basis_expiring: sql<SqlBool>`(p.stage in ('hypothesis', 'planned', 'running', 'evaluating')
      and p.legal_basis <> 'ordinary'
      and coalesce(p.legal_extended_until, p.legal_expiry_date) <= ${today} + ${months(LEGAL_BASIS_WARNING_MONTHS)})`,
    // Spread means another organisation has taken it up (trialled or adopted it).
    stuck_success: sql<SqlBool>`(p.stage = 'concluded' and p.outcome = 'successful'
      and p.stage_changed_at <= ${at} - ${months(STUCK_AFTER_MONTHS)}
      and not exists (select 1 from adoptions sa where sa.pilot_id = p.id
        and ${tried('sa')}))`,
  }
}

/** The flags of a pilot row `p` as a text array, in the order of FLAGS. */
export function flagsArray(clock: FlagClock) {
  const conditions = flagConditions(clock)
  const parts = Object.entries(conditions).map(
    ([flag, condition]) => sql`case when ${condition} then ${sql.lit(flag)} end`
  )
  return sql<Flag[]>`array_remove(array[${sql.join(parts)}]::text[], null)`
}
