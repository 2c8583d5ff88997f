import { sql } from 'kysely'
import type { Stage } from '../../schema/enums.ts'
import type { PilotFilters } from '../../schema/pilot.ts'
import type { Db } from '../db.ts'
import type { FilterNames, PilotFeedEvent } from '../domain/atom.ts'
import { filterConditions } from './pilot-search.ts'

export const FEED_EVENT_TYPES = ['pilot_created', 'stage_changed', 'evaluation_recorded'] as const

/** The stage a pilot was in once an event had happened: the last stage set at or before it. */
const STAGE_AFTER = sql<Stage>`coalesce((
  select s.diff -> 'stage' ->> 'to' from events s
  where s.pilot_id = e.pilot_id and s.adoption_id is null and s.version <= e.version
    and s.type in ('pilot_created', 'stage_changed') and s.diff -> 'stage' ->> 'to' is not null
  order by s.version desc limit 1), p.stage)`

const EVALUATION_SUMMARY = sql<string | null>`(select fe.summary from evaluations fe
  where e.type = 'evaluation_recorded' and fe.id = cast(e.data ->> 'evaluationId' as uuid))`

/**
 * The newest events of published pilots matching a search (creations, stage changes, evaluations;
 * not adoptions'), newest first by time, then id. Drafts never show, whoever asks: a feed is public.
 */
export async function feedEvents(
  db: Db,
  filters: PilotFilters,
  now: Date,
  limit: number
): Promise<PilotFeedEvent[]> {
  let q = db
    .selectFrom('events as e')
    .innerJoin('pilots as p', 'p.id', 'e.pilot_id')
    .innerJoin('organisations as o', 'o.id', 'p.owner_org_id')
    .select([
      'e.id',
      'e.type',
      'e.at',
      'e.diff',
      'e.data',
      'p.id as pilot_id',
      'p.title',
      'p.summary',
      'o.name as owner_name',
      STAGE_AFTER.as('stage'),
      EVALUATION_SUMMARY.as('evaluation_summary'),
    ])
    .where('e.adoption_id', 'is', null)
    .where('e.type', 'in', FEED_EVENT_TYPES)
    .where('p.visibility', '=', 'published')
  for (const condition of filterConditions(filters, now)) q = q.where(condition)
  const rows = await q.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(limit).execute()
  return rows.map((r) => ({
    id: r.id,
    type: r.type as PilotFeedEvent['type'],
    at: r.at,
    diff: r.diff,
    data: r.data,
    stage: r.stage,
    pilot: { id: r.pilot_id, title: r.title, summary: r.summary },
    ownerName: r.owner_name,
    evaluationSummary: r.evaluation_summary,
  }))
}

/** When a published pilot last changed, or null when none is published. */
export async function lastPublishedChange(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('pilots')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where('visibility', '=', 'published')
    .executeTakeFirst()
  return row?.at ? new Date(row.at) : null
}

/** The names of the counties, municipality and organisation a search filters on. */
export async function filterNames(db: Db, filters: PilotFilters): Promise<FilterNames> {
  const [counties, municipality, org] = await Promise.all([
    filters.county?.length
      ? db
          .selectFrom('counties')
          .select(['number', 'name'])
          .where('number', 'in', filters.county)
          .execute()
      : [],
    filters.municipality
      ? db
          .selectFrom('municipalities')
          .select('name')
          .where('number', '=', filters.municipality)
          .executeTakeFirst()
      : undefined,
    filters.org
      ? db
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', filters.org)
          .executeTakeFirst()
      : undefined,
  ])
  return {
    counties: new Map(counties.map((c) => [c.number, c.name])),
    municipality: municipality?.name ?? null,
    org: org?.name ?? null,
  }
}
