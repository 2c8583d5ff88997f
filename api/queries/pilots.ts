import { type ExpressionBuilder, sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database, PilotRow } from '../../schema/database.ts'
import type { Pilot } from '../../schema/pilot.ts'
import type { Actor } from '../actor.ts'
import type { Db } from '../db.ts'
import { type FlagClock, flagClock, flagsArray } from './flags.ts'
import { prepared } from './prepared.ts'
import { exactTimestamp } from './sql.ts'
import { succeeded, tried } from './uptake.ts'

type PilotEb = ExpressionBuilder<
  Database & { p: Database['pilots']; o: Database['organisations'] },
  'p' | 'o'
>

/**
 * Published pilots, plus the drafts of the viewer's own organisations and the drafts an evaluator
 * is assigned to.
 */
export function visibleTo(viewer: Actor | null) {
  return (eb: PilotEb) => {
    // A constant, so a prepared statement's generic plan knows how many pilots are published.
    if (!viewer) return eb('p.visibility', '=', sql.lit('published'))
    const orgs = viewer.memberships.map((m) => m.organisationId)
    return eb.or([
      eb('p.visibility', '=', 'published'),
      ...(orgs.length ? [eb('p.owner_org_id', 'in', orgs)] : []),
      eb.exists(
        eb
          .selectFrom('pilot_evaluators as vpe')
          .select('vpe.pilot_id')
          .whereRef('vpe.pilot_id', '=', 'p.id')
          .where('vpe.user_id', '=', viewer.userId)
      ),
    ])
  }
}

/** Every column of a pilot but the search document, which only the database needs. */
export const PILOT_COLUMNS = [
  'p.id',
  'p.title',
  'p.summary',
  'p.problem',
  'p.hypothesis',
  'p.innovation_type',
  'p.service_area',
  'p.owner_org_id',
  'p.available_to_advise',
  'p.planned_start',
  'p.planned_end',
  'p.actual_start',
  'p.actual_end',
  'p.budget_nok',
  'p.funding_source',
  'p.evaluation_method',
  'p.evaluation_plan',
  'p.legal_basis',
  'p.legal_reference',
  'p.legal_approval_date',
  'p.legal_expiry_date',
  'p.legal_extended_until',
  'p.based_on_pilot_id',
  'p.tags',
  'p.stage',
  'p.stage_changed_at',
  'p.outcome',
  'p.visibility',
  'p.discontinued_reason',
  'p.adoption_decision_reference',
  'p.adoption_decision_date',
  'p.preregistration',
  'p.sample',
  'p.version',
  'p.created_at',
  'p.updated_at',
] as const

/** The columns of a pilot that a list shows (its summary): the long texts stay in the database. */
export const PILOT_SUMMARY_COLUMNS = [
  'p.id',
  'p.title',
  'p.summary',
  'p.innovation_type',
  'p.service_area',
  'p.owner_org_id',
  'p.stage',
  'p.outcome',
  'p.visibility',
  'p.tags',
  'p.sample',
  'p.version',
  'p.updated_at',
] as const

/** Pilots (`p`) with their owner (`o`), selecting the owner's columns that `ownerOf` reads. */
export function ownedPilots(db: Db) {
  return db
    .selectFrom('pilots as p')
    .innerJoin('organisations as o', 'o.id', 'p.owner_org_id')
    .select([
      'o.name as owner_name',
      'o.kind as owner_kind',
      'o.municipality_number as owner_municipality_number',
      'o.county_number as owner_county_number',
    ])
}

export function pilotBase(db: Db) {
  return ownedPilots(db).select(PILOT_COLUMNS)
}

type OwnerColumns = {
  owner_name: string
  owner_kind: Pilot['owner']['kind']
  owner_municipality_number: string | null
  owner_county_number: string | null
}

const iso = (d: Date) => d.toISOString()

export function ownerOf(row: Pick<PilotRow, 'owner_org_id'> & OwnerColumns): Pilot['owner'] {
  return {
    id: row.owner_org_id,
    name: row.owner_name,
    kind: row.owner_kind,
    municipalityNumber: row.owner_municipality_number,
    countyNumber: row.owner_county_number,
  }
}

/** A pilot with everything its page shows, as one query (see findPilot). */
function pilotQuery(db: Db, id: string, viewer: Actor | null, clock: FlagClock) {
  return pilotBase(db)
    .select(flagsArray(clock).as('flags'))
    .select((eb) => [
      eb
        .selectFrom('evaluations as ev')
        .select((e) => e.fn.max('ev.evidence_level').as('best'))
        .whereRef('ev.pilot_id', '=', 'p.id')
        .as('best_evidence_level'),
      eb
        .selectFrom('evaluations as ev')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ev.pilot_id', '=', 'p.id')
        .as('evaluation_count'),
      eb
        .selectFrom('adoptions as ad')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ad.pilot_id', '=', 'p.id')
        .where(tried('ad'))
        .as('tried'),
      eb
        .selectFrom('adoptions as ad')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ad.pilot_id', '=', 'p.id')
        .where(tried('ad'))
        .where(succeeded('ad'))
        .as('succeeded'),
      jsonArrayFrom(
        eb
          .selectFrom('events as ae')
          .leftJoin('users as au', 'au.id', 'ae.actor_user_id')
          .leftJoin('organisations as ao', 'ao.id', 'ae.actor_org_id')
          .select((e) => [
            'ae.version',
            exactTimestamp(e.ref('ae.at')).as('at'),
            sql<string>`ae.data ->> 'amendmentReason'`.as('reason'),
            'au.name as actorName',
            'ao.name as actorOrganisationName',
            'ae.diff as changes',
          ])
          .whereRef('ae.pilot_id', '=', 'p.id')
          .where('ae.adoption_id', 'is', null)
          .where(sql<boolean>`ae.data ->> 'amendmentReason' is not null`)
          .orderBy('ae.version')
      ).as('amendments'),
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('pilot_partners as pp')
          .innerJoin('organisations as po', 'po.id', 'pp.organisation_id')
          .select(['pp.organisation_id as organisationId', 'po.name', 'pp.role'])
          .whereRef('pp.pilot_id', '=', 'p.id')
          .orderBy('pp.position')
      ).as('partners'),
      jsonArrayFrom(
        eb
          .selectFrom('pilot_contacts as pc')
          .select([
            'pc.name',
            'pc.email',
            'pc.phone',
            'pc.role',
            'pc.public_consent as showPublicly',
          ])
          .whereRef('pc.pilot_id', '=', 'p.id')
          // Personal data: the public sees only those who agreed to be shown; the owner sees all.
          .where((c) =>
            viewer?.memberships.length
              ? c.or([
                  c('pc.public_consent', '=', true),
                  c.exists(
                    c
                      .selectFrom('pilots as cp')
                      .select('cp.id')
                      .whereRef('cp.id', '=', 'pc.pilot_id')
                      .where(
                        'cp.owner_org_id',
                        'in',
                        viewer.memberships.map((m) => m.organisationId)
                      )
                  ),
                ])
              : c('pc.public_consent', '=', true)
          )
          .orderBy('pc.position')
      ).as('contacts'),
      jsonArrayFrom(
        eb
          .selectFrom('metrics as m')
          .select([
            'm.id',
            'm.name',
            'm.unit',
            'm.direction',
            'm.baseline',
            'm.target',
            'm.primary',
          ])
          .whereRef('m.pilot_id', '=', 'p.id')
          .orderBy('m.position')
      ).as('metrics'),
    ])
    .where('p.id', '=', id)
    .where(visibleTo(viewer))
}

/** The public's read of a pilot, the most frequent of all, built once. */
const publicPilot = prepared((db, v: { id: string } & FlagClock) => pilotQuery(db, v.id, null, v))

/**
 * Reads one pilot with its owner, partners, contacts, metrics, amendments, health flags (as of
 * `now`) and evidence summary; undefined if the viewer may not see it.
 */
export async function findPilot(
  db: Db,
  id: string,
  viewer: Actor | null,
  now = new Date()
): Promise<Pilot | undefined> {
  const clock = flagClock(now)
  const row = viewer
    ? await pilotQuery(db, id, viewer, clock).executeTakeFirst()
    : (await publicPilot(db, { id, ...clock }))[0]
  if (!row) return undefined
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    problem: row.problem,
    hypothesis: row.hypothesis,
    innovationType: row.innovation_type,
    serviceArea: row.service_area,
    owner: ownerOf(row),
    partners: row.partners,
    contacts: row.contacts,
    availableToAdvise: row.available_to_advise,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    budgetNok: row.budget_nok,
    fundingSource: row.funding_source,
    evaluationMethod: row.evaluation_method,
    evaluationPlan: row.evaluation_plan,
    legalBasis: {
      kind: row.legal_basis,
      reference: row.legal_reference,
      approvalDate: row.legal_approval_date,
      expiryDate: row.legal_expiry_date,
      extendedUntil: row.legal_extended_until,
    },
    basedOnPilotId: row.based_on_pilot_id,
    tags: row.tags,
    stage: row.stage,
    stageChangedAt: iso(row.stage_changed_at),
    outcome: row.outcome,
    visibility: row.visibility,
    discontinuedReason: row.discontinued_reason,
    adoptionDecision:
      row.adoption_decision_reference && row.adoption_decision_date
        ? { reference: row.adoption_decision_reference, date: row.adoption_decision_date }
        : null,
    preregistration: row.preregistration,
    amendments: row.amendments.map((a) => ({
      version: a.version,
      at: new Date(a.at).toISOString(),
      reason: a.reason,
      actor: { name: a.actorName, organisationName: a.actorOrganisationName },
      changes: a.changes,
    })),
    metrics: row.metrics,
    flags: row.flags,
    evidence: {
      bestLevel: row.best_evidence_level === null ? null : Number(row.best_evidence_level),
      evaluations: Number(row.evaluation_count ?? 0),
      replication:
        Number(row.tried ?? 0) > 0
          ? { tried: Number(row.tried), succeeded: Number(row.succeeded ?? 0) }
          : null,
    },
    sample: row.sample,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
}

/** The row of a pilot the viewer may see, without its children; undefined if not visible. */
export async function visiblePilot(db: Db, id: string, viewer: Actor | null) {
  return db
    .selectFrom('pilots as p')
    .innerJoin('organisations as o', 'o.id', 'p.owner_org_id')
    .select(['p.id', 'p.owner_org_id', 'p.version', 'p.stage', 'p.preregistration'])
    .where('p.id', '=', id)
    .where(visibleTo(viewer))
    .executeTakeFirst()
}

/** Locks a visible pilot's row for the rest of the transaction; undefined if not visible. */
export async function lockPilot(trx: Db, id: string, viewer: Actor | null) {
  return trx
    .selectFrom('pilots as p')
    .innerJoin('organisations as o', 'o.id', 'p.owner_org_id')
    .select(PILOT_COLUMNS)
    .where('p.id', '=', id)
    .where(visibleTo(viewer))
    .forUpdate('p')
    .executeTakeFirst()
}
