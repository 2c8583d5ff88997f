import { type RawBuilder, type SqlBool, sql } from 'kysely'
import {
  FLAGS,
  type Flag,
  INNOVATION_TYPES,
  ORGANISATION_KINDS,
  OUTCOMES,
  SERVICE_AREAS,
  STAGES,
} from '../../schema/enums.ts'
import type { PilotFilters, PilotQuery, PilotSummary } from '../../schema/pilot.ts'
import type { Actor } from '../actor.ts'
import type { Db } from '../db.ts'
import { decodeCursor, encodeCursor, invalidCursor } from '../http/cursor.ts'
import { flagClock, flagConditions, flagsArray } from './flags.ts'
import { ownedPilots, ownerOf, PILOT_SUMMARY_COLUMNS, visibleTo } from './pilots.ts'
import { exactTimestamp } from './sql.ts'
import { tried } from './uptake.ts'

/** The words of a query: letters and digits only, so they are safe inside a tsquery. */
export function queryWords(q: string | undefined): string[] {
  return (q?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12)
}

/** All words must match (stemmed, Norwegian); the last one also as a prefix, for search-as-you-type. */
function tsquery(words: string[]) {
  const text = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ')
  return sql`to_tsquery('norwegian', ${text})`
}

const TOOK_UP_COUNT = sql<number>`(select count(*) from adoptions ta where ta.pilot_id = p.id and ${tried('ta')})`
const BEST_EVIDENCE = sql<
  number | null
>`(select max(ev.evidence_level) from evaluations ev where ev.pilot_id = p.id)`
const YEAR = sql<string>`cast(extract(year from p.created_at) as text)`

export type Dimension =
  | 'stage'
  | 'outcome'
  | 'serviceArea'
  | 'innovationType'
  | 'county'
  | 'orgKind'
  | 'evidenceLevel'
  | 'flag'
  | 'year'

/**
 * The search condition of `q`: the full-text match, or a title close to it (typos). `ways` are the
 * same matches one index at a time, best ranked first: the title's words (weight A in `search`),
 * anywhere in the text, a title close to the words.
 */
function matchOf(q: string | undefined) {
  const words = queryWords(q)
  if (words.length === 0) return null
  const phrase = words.join(' ')
  const text = sql<SqlBool>`p.search @@ ${tsquery(words)}`
  const typo = sql<SqlBool>`${phrase} <% lower(p.title)`
  return {
    condition: sql<SqlBool>`(${text} or ${typo})`,
    ways: [sql<SqlBool>`to_tsvector('norwegian', p.title) @@ ${tsquery(words)}`, text, typo],
    rank: sql<number>`cast(ts_rank(p.search, ${tsquery(words)}) + 0.2 * word_similarity(${phrase}, lower(p.title)) as float8)`,
    tsquery: tsquery(words),
  }
}

/**
 * How many matches a search by relevance ranks. Ranking reads every match's document, which
 * for a common word is half the registry; so the candidates are the first matches by title,
 * then by the rest of the text, then by a title close to the words, and the best of them come
 * first. A search with more matches pages through the best ranked of these.
 */
const RANKED_CANDIDATES = 200

/** Every filter of a search as conditions on `p` (pilot) and `o` (owner), but the one `except`. */
export function filterConditions(
  f: PilotFilters,
  now: Date,
  except?: Dimension
): RawBuilder<SqlBool>[] {
  const match = matchOf(f.q)
  return [...(match ? [match.condition] : []), ...narrowingConditions(f, now, except)]
}

/** The filters of a search but its text, as conditions on `p` and `o`, but the one `except`. */
function narrowingConditions(
  f: PilotFilters,
  now: Date,
  except?: Dimension
): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = []
  const inList = (column: RawBuilder<unknown>, values: readonly string[]) =>
    sql<SqlBool>`${column} in (${sql.join(values)})`
  // Values of an enumeration (checked against it by the schema) are written into the SQL: with
  // them as parameters PostgreSQL cannot tell a prepared statement's generic plan from a good
  // one, and plans every request again.
  const inEnum = (column: RawBuilder<unknown>, values: readonly string[]) =>
    sql<SqlBool>`${column} in (${sql.join(values.map((v) => sql.lit(v)))})`
  if (f.stage && except !== 'stage') out.push(inEnum(sql`p.stage`, f.stage))
  if (f.outcome && except !== 'outcome') out.push(inEnum(sql`p.outcome`, f.outcome))
  if (f.serviceArea && except !== 'serviceArea')
    out.push(inEnum(sql`p.service_area`, f.serviceArea))
  if (f.innovationType && except !== 'innovationType')
    out.push(inEnum(sql`p.innovation_type`, f.innovationType))
  if (f.orgKind && except !== 'orgKind') out.push(inEnum(sql`o.kind`, f.orgKind))
  if (f.county && except !== 'county') out.push(inList(sql`o.county_number`, f.county))
  if (f.year && except !== 'year') out.push(inList(YEAR, f.year))
  if (f.evidenceLevel && except !== 'evidenceLevel') {
    out.push(sql<SqlBool>`${BEST_EVIDENCE} in (${sql.join(f.evidenceLevel.map(Number))})`)
  }
  if (f.flag && except !== 'flag') {
    const conditions = flagConditions(flagClock(now))
    out.push(
      sql<SqlBool>`(${sql.join(
        f.flag.map((flag) => conditions[flag]),
        sql` or `
      )})`
    )
  }
  if (f.org) out.push(sql<SqlBool>`p.owner_org_id = ${f.org}`)
  if (f.municipality) out.push(sql<SqlBool>`o.municipality_number = ${f.municipality}`)
  return out
}

const MARK_START = '\u0001'
const MARK_END = '\u0002'

/** Splits ts_headline output (matches between \u0001 and \u0002) into plain-text segments. */
export function segments(marked: string): { text: string; match: boolean }[] {
  const out: { text: string; match: boolean }[] = []
  for (const [i, part] of marked.split(new RegExp(`[${MARK_START}${MARK_END}]`)).entries()) {
    if (part) out.push({ text: part, match: i % 2 === 1 })
  }
  return out
}

const headline = (column: RawBuilder<unknown>, query: RawBuilder<unknown>, options: string) =>
  sql<string>`ts_headline('norwegian', translate(${column}, ${MARK_START + MARK_END}, ''), ${query},
    ${`StartSel=${MARK_START}, StopSel=${MARK_END}, ${options}`})`

/**
 * The ids a search by relevance ranks: up to RANKED_CANDIDATES visible, filtered matches, taken
 * one way of matching after another. Each way stops at the bound, whichever plan the database
 * picks, so a common word costs no more than a rare one.
 */
function rankedCandidates(
  db: Db,
  ways: RawBuilder<SqlBool>[],
  filters: PilotFilters,
  viewer: Actor | null,
  now: Date
) {
  const bound = sql.lit<number>(RANKED_CANDIDATES)
  const firstMatches = ways.map((way) => {
    let q = db
      .selectFrom('pilots as p')
      .innerJoin('organisations as o', 'o.id', 'p.owner_org_id')
      .select('p.id')
      .where(visibleTo(viewer))
      .where(way)
    for (const condition of narrowingConditions(filters, now)) q = q.where(condition)
    return q.limit(bound)
  })
  return sql`select c.id from (${sql.join(firstMatches, sql` union all `)}) as c limit ${bound}`
}

type Keyset = [string, string | number, string]
const isKeyset = (k: unknown[]): k is Keyset =>
  k.length === 3 &&
  typeof k[0] === 'string' &&
  (typeof k[1] === 'string' || typeof k[1] === 'number') &&
  typeof k[2] === 'string' &&
  /^[0-9a-f-]{36}$/i.test(k[2])

/**
 * One page of the pilots the viewer may see, by relevance (with q), last change, registration or
 * spread, with a keyset cursor: pilots added while paging do not shift the pages after the cursor.
 */
export async function listPilots(
  db: Db,
  query: PilotQuery,
  viewer: Actor | null,
  now = new Date()
): Promise<{ items: PilotSummary[]; nextCursor: string | null }> {
  const match = matchOf(query.q)
  const sort =
    query.sort === 'relevance' && !match
      ? 'updated'
      : (query.sort ?? (match ? 'relevance' : 'updated'))
  const key =
    sort === 'relevance'
      ? (match?.rank as RawBuilder<number>)
      : sort === 'spread'
        ? sql<number>`cast(${TOOK_UP_COUNT} as int)`
        : sql<string>`${sql.ref(sort === 'created' ? 'p.created_at' : 'p.updated_at')}`
  const keyText = (
    sort === 'updated' || sort === 'created' ? exactTimestamp(key) : key
  ) as RawBuilder<string | number>
  let q = ownedPilots(db)
    .select(PILOT_SUMMARY_COLUMNS)
    .select([
      flagsArray(flagClock(now)).as('flags'),
      sql<number>`cast(${TOOK_UP_COUNT} as int)`.as('took_up'),
      keyText.as('sort_key'),
    ])
    .where(visibleTo(viewer))
  if (sort === 'relevance' && match) {
    q = q.where(sql<SqlBool>`p.id in (${rankedCandidates(db, match.ways, query, viewer, now)})`)
  } else {
    for (const condition of filterConditions(query, now)) q = q.where(condition)
  }
  if (match) {
    q = q.select([
      headline(sql`p.title`, match.tsquery, 'HighlightAll=true').as('title_marked'),
      headline(
        sql`p.summary`,
        match.tsquery,
        'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'
      ).as('summary_marked'),
    ])
  }
  if (query.cursor) {
    const [kind, value, id] = decodeCursor(query.cursor, isKeyset)
    if (kind !== sort) throw invalidCursor('The cursor belongs to another sort order')
    const typed =
      sort === 'updated' || sort === 'created' ? sql`cast(${value} as timestamptz)` : sql`${value}`
    q = q.where(sql<SqlBool>`(${key}, p.id) < (${typed}, cast(${id} as uuid))`)
  }
  // The page size is written into the SQL (it is a validated integer): as a parameter, PostgreSQL
  // judges the prepared statement's generic plan by a guessed limit, finds it dearer than
  // planning anew, and plans every request again (several ms for this query).
  const rows = await q
    .orderBy(key, 'desc')
    .orderBy('p.id', 'desc')
    .limit(sql.lit(query.limit + 1))
    .execute()
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      innovationType: row.innovation_type,
      serviceArea: row.service_area,
      owner: ownerOf(row),
      stage: row.stage,
      outcome: row.outcome,
      visibility: row.visibility,
      tags: row.tags,
      flags: row.flags,
      adoptions: Number(row.took_up),
      ...(match && 'title_marked' in row
        ? {
            highlights: {
              title: segments(String(row.title_marked)),
              summary: segments(String((row as { summary_marked?: string }).summary_marked ?? '')),
            },
          }
        : {}),
      sample: row.sample,
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([sort, last.sort_key as string | number, last.id])
        : null,
  }
}

const FACET_VALUES: Record<
  Exclude<Dimension, 'county' | 'year' | 'flag' | 'evidenceLevel'>,
  readonly string[]
> = {
  stage: STAGES,
  outcome: OUTCOMES,
  serviceArea: SERVICE_AREAS,
  innovationType: INNOVATION_TYPES,
  orgKind: ORGANISATION_KINDS,
}

const FACET_COLUMN: Record<Exclude<Dimension, 'flag'>, RawBuilder<unknown>> = {
  stage: sql`p.stage`,
  outcome: sql`p.outcome`,
  serviceArea: sql`p.service_area`,
  innovationType: sql`p.innovation_type`,
  orgKind: sql`o.kind`,
  county: sql`o.county_number`,
  evidenceLevel: sql`cast(${BEST_EVIDENCE} as text)`,
  year: YEAR,
}

/**
 * Counts per value of each filter, for the same query: each facet counts with every other filter
 * applied but its own, so a count is the number of results when that value is chosen.
 */
export async function pilotFacets(
  db: Db,
  filters: PilotFilters,
  viewer: Actor | null,
  now = new Date()
) {
  const scoped = (except?: Dimension) => {
    let q = db
      .selectFrom('pilots as p')
      .innerJoin('organisations as o', 'o.id', 'p.owner_org_id')
      .where(visibleTo(viewer))
    for (const condition of filterConditions(filters, now, except)) q = q.where(condition)
    return q
  }
  const grouped = async (dimension: Exclude<Dimension, 'flag'>) => {
    const column = FACET_COLUMN[dimension]
    const rows = await scoped(dimension)
      .select([sql<string | null>`${column}`.as('value'), sql<number>`count(*)::int`.as('count')])
      .groupBy(sql`1`)
      .execute()
    const counts = new Map(
      rows.filter((r) => r.value !== null).map((r) => [String(r.value), Number(r.count)])
    )
    const known = (FACET_VALUES as Record<string, readonly string[]>)[dimension]
    const values = known ?? [...counts.keys()].sort()
    return values.map((value) => ({ value, count: counts.get(value) ?? 0 }))
  }
  const conditions = flagConditions(flagClock(now))
  const [
    total,
    stage,
    outcome,
    serviceArea,
    innovationType,
    county,
    orgKind,
    evidenceLevel,
    year,
    flagRow,
  ] = await Promise.all([
    scoped().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    grouped('stage'),
    grouped('outcome'),
    grouped('serviceArea'),
    grouped('innovationType'),
    grouped('county'),
    grouped('orgKind'),
    grouped('evidenceLevel'),
    grouped('year'),
    scoped('flag')
      .select(FLAGS.map((f) => sql<number>`count(*) filter (where ${conditions[f]})::int`.as(f)))
      .executeTakeFirstOrThrow(),
  ])
  const countyNames = new Map(
    (await db.selectFrom('counties').select(['number', 'name']).execute()).map((c) => [
      c.number,
      c.name,
    ])
  )
  return {
    total: Number(total.n),
    facets: {
      stage,
      outcome,
      serviceArea,
      innovationType,
      county: county.map((c) => ({ ...c, label: countyNames.get(c.value) ?? c.value })),
      orgKind,
      evidenceLevel,
      flag: FLAGS.map((f: Flag) => ({
        value: f,
        count: Number((flagRow as Record<string, number>)[f] ?? 0),
      })),
      year,
    },
  }
}
