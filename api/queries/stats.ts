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

/**
 * The published pilots a pipeline query covers, as a condition on a pilot `p`. The owner is asked
 * about in a subquery, so that no statement joins every pilot (or stay) to its owner for it.
 */
function pipelineScope(q: PipelineQuery) {
  const parts = [sql`p.visibility = 'published'`]
  if (q.serviceArea) parts.push(sql`p.service_area in (${sql.join(q.serviceArea)})`)
  const owners = []
  if (q.county) owners.push(sql`o.county_number = ${q.county}`)
  if (q.orgKind) owners.push(sql`o.kind in (${sql.join(q.orgKind)})`)
  if (owners.length)
    parts.push(sql`p.owner_org_id in (select o.id from organisations o
      where ${sql.join(owners, sql` and `)})`)
  if (q.from) parts.push(sql`p.created_at >= cast(${q.from} as date)`)
  if (q.to) parts.push(sql`p.created_at < cast(${q.to} as date) + 1`)
  return sql.join(parts, sql` and `)
}

/** How many stopped pilots and stuck successes the pipeline lists (their counts are all of them). */
export const PIPELINE_LIST = 20

/**
 * How pilots move through the lifecycle: how many are in and ever reached each stage, the
 * conversion between neighbouring stages, the median days of a completed stay in each stage
 * (from the stays the event log has recorded, see migration 2700), why and from where pilots were
 * stopped, and the health flags. Only the aggregates and the two short lists leave the database.
 */
export async function pipelineStats(db: Db, q: PipelineQuery, now: Date) {
  const scope = pipelineScope(q)
  const flags = flagConditions(flagClock(now))
  const flagSums = sql.join(
    FLAGS.map((f) => sql`count(*) filter (where ${flags[f]})::int as ${sql.ref(f)}`)
  )
  const [current, stays, stoppedFrom, stopped, stuck] = await Promise.all([
    sql<{ stage: Stage; n: number } & Record<Flag, number>>`
      select p.stage, count(*)::int as n, ${flagSums}
      from pilots p where ${scope} group by p.stage`.execute(db),
    // Per stage: the pilots that entered it (their first stays), its completed stays, and the two
    // middle values of their lengths (the same one for an odd count), counted per distinct length
    // first, so that only those counts are sorted.
    sql<{
      stage: Stage
      reached: number
      completed: number
      low: number | null
      high: number | null
    }>`
      with lengths as (
        select s.stage, s.days, count(*)::int as n, count(*) filter (where s.visit = 1)::int as firsts
        from stage_stays s join pilots p on p.id = s.pilot_id
        where ${scope} and s.stage is not null
        group by s.stage, s.days
      ), running as (
        select stage, days, n, firsts,
          sum(n) over (partition by stage order by days) as up_to,
          sum(n) filter (where days is not null) over (partition by stage) as completed
        from lengths
      )
      select stage, sum(firsts)::int as reached, coalesce(max(completed), 0)::int as completed,
        min(days) filter (where up_to >= (completed + 1) / 2) as low,
        min(days) filter (where up_to >= completed / 2 + 1) as high
      from running group by stage`.execute(db),
    sql<{ from_stage: Stage; n: number }>`
      select s.from_stage, count(*)::int as n
      from stage_stays s join pilots p on p.id = s.pilot_id
      where ${scope} and s.stage = 'discontinued' and s.from_stage is not null
      group by s.from_stage`.execute(db),
    sql<{ id: string; title: string; reason: string | null; from_stage: Stage | null }>`
      select p.id, p.title, p.discontinued_reason as reason,
        (select s.from_stage from stage_stays s
          where s.pilot_id = p.id and s.stage = 'discontinued' and s.from_stage is not null
          order by s.version desc limit 1) as from_stage
      from pilots p
      where ${scope} and p.stage = 'discontinued'
      order by p.stage_changed_at desc, p.id
      limit ${PIPELINE_LIST}`.execute(db),
    sql<{ id: string; title: string; organisation_name: string; concluded_at: Date | string }>`
      select p.id, p.title, o.name as organisation_name, p.stage_changed_at as concluded_at
      from pilots p join organisations o on o.id = p.owner_org_id
      where ${scope} and ${flags.stuck_success}
      order by p.stage_changed_at, p.id
      limit ${PIPELINE_LIST}`.execute(db),
  ])

  const inStage = new Map(current.rows.map((r) => [r.stage, r]))
  const stayIn = new Map(stays.rows.map((r) => [r.stage, r]))
  const count = (stage: Stage) => stayIn.get(stage)?.reached ?? 0
  return {
    pilots: current.rows.reduce((sum, r) => sum + r.n, 0),
    stages: STAGES.map((stage) => {
      const s = stayIn.get(stage)
      return {
        stage,
        current: inStage.get(stage)?.n ?? 0,
        reached: count(stage),
        medianDays: median(s?.low ?? null, s?.high ?? null),
        completedStays: s?.completed ?? 0,
      }
    }),
    conversion: MAIN_PATH.slice(1).map((to, i) => {
      const from = MAIN_PATH[i] as Stage
      return { from, to, rate: count(from) ? count(to) / count(from) : null }
    }),
    discontinued: {
      count: inStage.get('discontinued')?.n ?? 0,
      fromStage: Object.fromEntries(stoppedFrom.rows.map((r) => [r.from_stage, r.n])),
      pilots: stopped.rows.map((r) => ({
        pilotId: r.id,
        title: r.title,
        fromStage: r.from_stage,
        reason: r.reason,
      })),
    },
    stuckSuccesses: stuck.rows.map((r) => ({
      pilotId: r.id,
      title: r.title,
      organisationName: r.organisation_name,
      concludedAt: new Date(r.concluded_at).toISOString(),
    })),
    flags: Object.fromEntries(
      FLAGS.map((f) => [f, current.rows.reduce((sum, r) => sum + r[f], 0)])
    ) as Record<Flag, number>,
  }
}

/** The median from the two middle values (the middle one twice for an odd count), to one decimal; null for none. */
function median(low: number | null, high: number | null): number | null {
  if (low === null || high === null) return null
  return Math.round(((low + high) / 2) * 10) / 10
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

/** Take-ups on one day: `n` organisations took a pilot up on `date`. */
export interface Uptake {
  date: string
  n: number
}

/** Counts per period from the first to the last (or `until`), with zeros in between, and running totals. */
export function bucket(uptake: Uptake[], period: Period, until?: string) {
  if (uptake.length === 0) return []
  const perPeriod = new Map<string, number>()
  for (const { date, n } of uptake) {
    const label = periodOf(date, period)
    perPeriod.set(label, (perPeriod.get(label) ?? 0) + n)
  }
  const labels = [...perPeriod.keys()].sort()
  const last = until && until > (labels.at(-1) as string) ? until : (labels.at(-1) as string)
  let cumulative = 0
  return periodRange(labels[0] as string, last, period).map((label) => {
    const adoptions = perPeriod.get(label) ?? 0
    cumulative += adoptions
    return { period: label, adoptions, cumulative }
  })
}

const TOOK_UP = tookUpOn('a')

/** Adoptions per status, every status present. */
function byStatus(counts: { status: AdoptionStatus; n: number }[]) {
  const out = Object.fromEntries(ADOPTION_STATUSES.map((s) => [s, 0])) as Record<
    AdoptionStatus,
    number
  >
  for (const { status, n } of counts) out[status] += n
  return out
}

/** Rows grouped by a key, in the order of the keys. */
function groupedBy<T>(rows: T[], key: (row: T) => string | null) {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    if (!k) continue
    const group = out.get(k)
    if (group) group.push(row)
    else out.set(k, [row])
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b))
}

/** How many pilots the spread answer lists by replication: the most tried first. */
export const REPLICATION_PILOTS = 20

/**
 * How published pilots spread: organisations taking them up over time, adoptions by county and
 * municipality, how many lineage edges there are (and the edges themselves for one pilot), and
 * replication (worked for X of Y that tried it) with the most tried pilots. Everything is counted
 * in the database: the country's answer stays the same size however many adoptions there are.
 */
export async function spreadStats(db: Db, q: SpreadQuery) {
  const parts = [sql`p.visibility = 'published'`]
  if (q.pilot) parts.push(sql`p.id = ${q.pilot}`)
  if (q.serviceArea) parts.push(sql`p.service_area in (${sql.join(q.serviceArea)})`)
  if (q.county)
    parts.push(sql`a.organisation_id in (select ao.id from organisations ao
      where ao.county_number = ${q.county})`)
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
  const adoptions = sql`adoptions a join pilots p on p.id = a.pilot_id`
  const [places, uptake, replication, edges] = await Promise.all([
    sql<{
      county_number: string | null
      county_name: string | null
      municipality_number: string | null
      municipality_name: string | null
      status: AdoptionStatus
      n: number
    }>`
      select ao.county_number, c.name as county_name, ao.municipality_number,
        m.name as municipality_name, adopters.status, sum(adopters.n)::int as n
      from (
        select a.organisation_id, ${status} as status, count(*)::int as n from ${adoptions}
        where ${scope} group by 1, 2
      ) adopters
        join organisations ao on ao.id = adopters.organisation_id
        left join municipalities m on m.number = ao.municipality_number
        left join counties c on c.number = ao.county_number
      group by 1, 2, 3, 4, 5`.execute(db),
    sql<Uptake>`
      select ${tookUp} as date, count(*)::int as n from ${adoptions}
      where ${scope} and ${tookUp} is not null group by 1`.execute(db),
    // Per pilot tried, with the totals over all of them; only the most tried come out, and only
    // they are joined to their titles.
    sql<{
      pilotId: string
      title: string
      tried: number
      succeeded: number
      pilots: number
      all_tried: number
      all_succeeded: number
    }>`
      select per_pilot.*, tp.title from (
        select a.pilot_id as "pilotId", count(*)::int as tried,
          count(*) filter (where ${succeeded('a')})::int as succeeded,
          min(a.created_at) as first_tried, count(*) over ()::int as pilots,
          (sum(count(*)) over ())::int as all_tried,
          (sum(count(*) filter (where ${succeeded('a')})) over ())::int as all_succeeded
        from ${adoptions}
        where ${scope} and ${tookUp} is not null
        group by a.pilot_id
        order by tried desc, succeeded desc, first_tried, a.pilot_id
        limit ${REPLICATION_PILOTS}
      ) per_pilot join pilots tp on tp.id = per_pilot."pilotId"
      order by tried desc, succeeded desc, first_tried, "pilotId"`.execute(db),
    q.pilot
      ? sql<{
          id: string
          pilot_id: string
          learned_from_adoption_id: string | null
          from_organisation_id: string
          organisation_id: string
        }>`
          select a.id, a.pilot_id, a.learned_from_adoption_id,
            coalesce(lf.organisation_id, p.owner_org_id) as from_organisation_id, a.organisation_id
          from ${adoptions} left join adoptions lf on lf.id = a.learned_from_adoption_id
          where ${scope}
          order by a.created_at, a.id`.execute(db)
      : null,
  ])
  // Every adoption in scope is one edge (from the adoption it learned from, or from the origin),
  // and the places count every adoption in scope once.
  const lineageEdges = places.rows.reduce((sum, r) => sum + r.n, 0)
  const first = replication.rows[0]
  return {
    period: q.period,
    overTime: bucket(uptake.rows, q.period),
    byCounty: groupedBy(places.rows, (r) => r.county_number).map(([countyNumber, rows]) => ({
      countyNumber,
      countyName: rows[0]?.county_name ?? '',
      total: rows.reduce((sum, r) => sum + r.n, 0),
      byStatus: byStatus(rows),
    })),
    byMunicipality: groupedBy(places.rows, (r) => r.municipality_number).map(
      ([municipalityNumber, rows]) => ({
        municipalityNumber,
        name: rows[0]?.municipality_name ?? '',
        total: rows.reduce((sum, r) => sum + r.n, 0),
        byStatus: byStatus(rows),
      })
    ),
    lineageEdges,
    ...(edges
      ? {
          lineage: edges.rows.map((r) => ({
            pilotId: r.pilot_id,
            fromAdoptionId: r.learned_from_adoption_id,
            toAdoptionId: r.id,
            fromOrganisationId: r.from_organisation_id,
            toOrganisationId: r.organisation_id,
          })),
        }
      : {}),
    replication: {
      tried: first?.all_tried ?? 0,
      succeeded: first?.all_succeeded ?? 0,
      pilotCount: first?.pilots ?? 0,
      pilots: replication.rows.map(({ pilotId, title, tried, succeeded }) => ({
        pilotId,
        title,
        tried,
        succeeded,
      })),
    },
  }
}

/** How many organisations took a pilot up on each day, oldest first; for its diffusion curve. */
export async function uptakeByDay(db: Db, pilotId: string): Promise<Uptake[]> {
  const result = await sql<Uptake>`
    select ${TOOK_UP} as date, count(*)::int as n from adoptions a
    where a.pilot_id = ${pilotId} and ${TOOK_UP} is not null group by 1 order by 1`.execute(db)
  return result.rows
}
