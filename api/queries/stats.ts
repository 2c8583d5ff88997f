import { sql } from 'kysely'
import {
  ADOPTION_STATUSES,
  type AdoptionStatus,
  FLAGS,
  type Flag,
  STAGES,
  type Stage,
} from '../../schema/enums.ts'
import type { Period, PipelineQuery, SpreadQuery } from '../../schema/stats.ts'
import type { Db } from '../db.ts'
import { flagClock, flagConditions } from './flags.ts'
import { succeeded, tookUpOn } from './uptake.ts'

/** The stages a successful pilot passes, in order: conversion is measured between neighbours. */
const MAIN_PATH: Stage[] = [
  'hypothesis',
  'planned',
  'running',
  'evaluating',
  'concluded',
  'adopted',
]

const MS_PER_DAY = 86_400_000

/** The published pilots a pipeline query covers, as a condition on `p` joined with owner `o`. */
function pipelineScope(q: PipelineQuery) {
  const parts = [sql`p.visibility = 'published'`]
  if (q.serviceArea) parts.push(sql`p.service_area in (${sql.join(q.serviceArea)})`)
  if (q.county) parts.push(sql`o.county_number = ${q.county}`)
  if (q.orgKind) parts.push(sql`o.kind in (${sql.join(q.orgKind)})`)
  if (q.from) parts.push(sql`p.created_at >= cast(${q.from} as date)`)
  if (q.to) parts.push(sql`p.created_at < cast(${q.to} as date) + 1`)
  return sql.join(parts, sql` and `)
}

/**
 * How pilots move through the lifecycle: how many are in and ever reached each stage, the
 * conversion between neighbouring stages, the median days of a completed stay in each stage
 * (from the event log), why and from where pilots were stopped, and the health flags.
 */
export async function pipelineStats(db: Db, q: PipelineQuery, now: Date) {
  const scope = pipelineScope(q)
  const flags = flagConditions(flagClock(now))
  const flagSums = sql.join(
    FLAGS.map((f) => sql`count(*) filter (where ${flags[f]})::int as ${sql.ref(f)}`)
  )
  const [current, visits, flagRow, stopped, stuck] = await Promise.all([
    sql<{ stage: Stage; n: number }>`
      select p.stage, count(*)::int as n from pilots p join organisations o on o.id = p.owner_org_id
      where ${scope} group by p.stage`.execute(db),
    // Every stay in a stage: entered by creation or a stage change, left by the next stage change.
    sql<{
      pilot_id: string
      stage: Stage
      from_stage: Stage | null
      entered: Date
      left_at: Date | null
    }>`
      with scoped as (
        select p.id from pilots p join organisations o on o.id = p.owner_org_id where ${scope}
      ), moves as (
        select e.pilot_id, e.version, e.at,
          case when e.type = 'pilot_created' then 'hypothesis' else e.diff -> 'stage' ->> 'to' end as stage,
          e.diff -> 'stage' ->> 'from' as from_stage
        from events e join scoped s on s.id = e.pilot_id
        where e.adoption_id is null and e.type in ('pilot_created', 'stage_changed')
      )
      select pilot_id, stage, from_stage, at as entered,
        lead(at) over (partition by pilot_id order by version) as left_at
      from moves`.execute(db),
    sql<Record<Flag, number>>`
      select ${flagSums} from pilots p join organisations o on o.id = p.owner_org_id where ${scope}`.execute(
      db
    ),
    sql<{ id: string; title: string; reason: string | null }>`
      select p.id, p.title, p.discontinued_reason as reason
      from pilots p join organisations o on o.id = p.owner_org_id
      where ${scope} and p.stage = 'discontinued'
      order by p.stage_changed_at desc, p.id`.execute(db),
    sql<{ id: string; title: string; organisation_name: string; concluded_at: Date | string }>`
      select p.id, p.title, o.name as organisation_name, p.stage_changed_at as concluded_at
      from pilots p join organisations o on o.id = p.owner_org_id
      where ${scope} and ${flags.stuck_success}
      order by p.stage_changed_at, p.id`.execute(db),
  ])

  const reached = new Map<Stage, Set<string>>()
  const stays = new Map<Stage, number[]>()
  const stoppedFrom: Record<string, number> = {}
  const stoppedFromOf = new Map<string, Stage>()
  for (const v of visits.rows) {
    if (!reached.has(v.stage)) reached.set(v.stage, new Set())
    reached.get(v.stage)?.add(v.pilot_id)
    if (v.left_at) {
      const days = (new Date(v.left_at).getTime() - new Date(v.entered).getTime()) / MS_PER_DAY
      stays.set(v.stage, [...(stays.get(v.stage) ?? []), days])
    }
    if (v.stage === 'discontinued' && v.from_stage) {
      stoppedFrom[v.from_stage] = (stoppedFrom[v.from_stage] ?? 0) + 1
      stoppedFromOf.set(v.pilot_id, v.from_stage)
    }
  }
  const count = (stage: Stage) => reached.get(stage)?.size ?? 0
  const currentOf = (stage: Stage) => current.rows.find((r) => r.stage === stage)?.n ?? 0
  const pilots = current.rows.reduce((sum, r) => sum + Number(r.n), 0)
  return {
    pilots,
    stages: STAGES.map((stage) => {
      const days = stays.get(stage) ?? []
      return {
        stage,
        current: Number(currentOf(stage)),
        reached: count(stage),
        medianDays: median(days),
        completedStays: days.length,
      }
    }),
    conversion: MAIN_PATH.slice(1).map((to, i) => {
      const from = MAIN_PATH[i] as Stage
      return { from, to, rate: count(from) ? count(to) / count(from) : null }
    }),
    discontinued: {
      count: Number(currentOf('discontinued')),
      fromStage: stoppedFrom,
      pilots: stopped.rows.map((r) => ({
        pilotId: r.id,
        title: r.title,
        fromStage: stoppedFromOf.get(r.id) ?? null,
        reason: r.reason,
      })),
    },
    stuckSuccesses: stuck.rows.map((r) => ({
      pilotId: r.id,
      title: r.title,
      organisationName: r.organisation_name,
      concludedAt: new Date(r.concluded_at).toISOString(),
    })),
    flags: Object.fromEntries(FLAGS.map((f) => [f, Number(flagRow.rows[0]?.[f] ?? 0)])) as Record<
      Flag,
      number
    >,
  }
}

/** The median, to one decimal; null for no values. */
function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const value =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  return Math.round(value * 10) / 10
}

/** The label of the period a date falls in: 2026-03, 2026-Q1 or 2026. */
export function periodOf(date: string, period: Period): string {
  const [year, month] = date.split('-')
  if (period === 'year') return `${year}`
  if (period === 'month') return `${year}-${month}`
  return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`
}

/** Every period label from `first` to `last`, both included. */
export function periodRange(first: string, last: string, period: Period): string[] {
  const out: string[] = []
  let [year, part] = first.split(/-Q?/).map(Number) as [number, number]
  const step = period === 'month' ? 12 : 4
  for (let guard = 0; guard < 10_000; guard++) {
    const label =
      period === 'year'
        ? `${year}`
        : period === 'month'
          ? `${year}-${String(part).padStart(2, '0')}`
          : `${year}-Q${part}`
    out.push(label)
    if (label === last) return out
    if (period === 'year') year++
    else if (part === step) [year, part] = [year + 1, 1]
    else part++
  }
  return out
}

/** Counts per period from the first to the last (or `until`), with zeros in between, and running totals. */
export function bucket(dates: string[], period: Period, until?: string) {
  if (dates.length === 0) return []
  const labels = dates.map((d) => periodOf(d, period)).sort()
  const last = until && until > (labels.at(-1) as string) ? until : (labels.at(-1) as string)
  let cumulative = 0
  return periodRange(labels[0] as string, last, period).map((label) => {
    const adoptions = labels.filter((l) => l === label).length
    cumulative += adoptions
    return { period: label, adoptions, cumulative }
  })
}

const TOOK_UP = tookUpOn('a')

/**
 * How published pilots spread: organisations taking them up over time, adoptions by county and
 * municipality, the lineage edges, and replication (worked for X of Y that tried it).
 */
export async function spreadStats(db: Db, q: SpreadQuery) {
  const parts = [sql`p.visibility = 'published'`]
  if (q.pilot) parts.push(sql`p.id = ${q.pilot}`)
  if (q.serviceArea) parts.push(sql`p.service_area in (${sql.join(q.serviceArea)})`)
  if (q.county) parts.push(sql`ao.county_number = ${q.county}`)
  // As of `until`: an adoption counts once its first date has come, with the status it had then.
  const until = q.until ? sql`cast(${q.until} as date)` : null
  if (until)
    parts.push(sql`coalesce(a.interested_on, a.trialling_on, a.adopted_on, a.dropped_on,
      cast(a.created_at as date)) <= ${until}`)
  const status = until
    ? sql`case when a.dropped_on <= ${until} then 'dropped' when a.adopted_on <= ${until} then 'adopted'
        when a.trialling_on <= ${until} then 'trialling' else 'interested' end`
    : sql`a.status`
  const tookUp = until ? sql`case when ${TOOK_UP} <= ${until} then ${TOOK_UP} end` : TOOK_UP
  const scope = sql.join(parts, sql` and `)
  const rows = await sql<{
    id: string
    pilot_id: string
    title: string
    owner_org_id: string
    organisation_id: string
    learned_from_adoption_id: string | null
    learned_from_org_id: string | null
    status: AdoptionStatus
    took_up: string | null
    succeeded: boolean
    municipality_number: string | null
    municipality_name: string | null
    county_number: string | null
    county_name: string | null
  }>`
    select a.id, a.pilot_id, p.title, p.owner_org_id, a.organisation_id, a.learned_from_adoption_id,
      lf.organisation_id as learned_from_org_id, ${status} as status, ${tookUp} as took_up,
      ${succeeded('a')} as succeeded,
      ao.municipality_number, m.name as municipality_name, ao.county_number, c.name as county_name
    from adoptions a
      join pilots p on p.id = a.pilot_id
      join organisations ao on ao.id = a.organisation_id
      left join adoptions lf on lf.id = a.learned_from_adoption_id
      left join municipalities m on m.number = ao.municipality_number
      left join counties c on c.number = ao.county_number
    where ${scope}
    order by a.created_at, a.id`.execute(db)

  const tally = <K extends string>(key: (r: (typeof rows.rows)[number]) => K | null) => {
    const out = new Map<
      K,
      { total: number; byStatus: Record<AdoptionStatus, number>; row: (typeof rows.rows)[number] }
    >()
    for (const r of rows.rows) {
      const k = key(r)
      if (!k) continue
      const entry = out.get(k) ?? {
        total: 0,
        byStatus: Object.fromEntries(ADOPTION_STATUSES.map((s) => [s, 0])) as Record<
          AdoptionStatus,
          number
        >,
        row: r,
      }
      entry.total++
      entry.byStatus[r.status]++
      out.set(k, entry)
    }
    return [...out.entries()].sort(([a], [b]) => a.localeCompare(b))
  }
  const tried = rows.rows.filter((r) => r.took_up)
  const perPilot = new Map<
    string,
    { pilotId: string; title: string; tried: number; succeeded: number }
  >()
  for (const r of tried) {
    const entry = perPilot.get(r.pilot_id) ?? {
      pilotId: r.pilot_id,
      title: r.title,
      tried: 0,
      succeeded: 0,
    }
    entry.tried++
    if (r.succeeded) entry.succeeded++
    perPilot.set(r.pilot_id, entry)
  }
  return {
    period: q.period,
    overTime: bucket(
      tried.map((r) => r.took_up as string),
      q.period
    ),
    byCounty: tally((r) => r.county_number).map(([countyNumber, e]) => ({
      countyNumber,
      countyName: e.row.county_name ?? '',
      total: e.total,
      byStatus: e.byStatus,
    })),
    byMunicipality: tally((r) => r.municipality_number).map(([municipalityNumber, e]) => ({
      municipalityNumber,
      name: e.row.municipality_name ?? '',
      total: e.total,
      byStatus: e.byStatus,
    })),
    lineage: rows.rows.map((r) => ({
      pilotId: r.pilot_id,
      fromAdoptionId: r.learned_from_adoption_id,
      toAdoptionId: r.id,
      fromOrganisationId: r.learned_from_org_id ?? r.owner_org_id,
      toOrganisationId: r.organisation_id,
    })),
    replication: {
      tried: tried.length,
      succeeded: tried.filter((r) => r.succeeded).length,
      pilots: [...perPilot.values()].sort(
        (a, b) => b.tried - a.tried || a.title.localeCompare(b.title)
      ),
    },
  }
}

/** When each organisation took a pilot up, oldest first; for its diffusion curve. */
export async function uptakeDates(db: Db, pilotId: string): Promise<string[]> {
  const result = await sql<{ took_up: string }>`
    select ${TOOK_UP} as took_up from adoptions a
    where a.pilot_id = ${pilotId} and ${TOOK_UP} is not null order by 1`.execute(db)
  return result.rows.map((r) => r.took_up)
}
