import { sql } from 'kysely'
import type { Adoption, AdoptionCreate, AdoptionPatch } from '../../schema/adoption.ts'
import type { AdoptionStatus } from '../../schema/enums.ts'
import type { Actor } from '../actor.ts'
import { isMemberOf, requireMemberOf } from '../auth/permissions.ts'
import type { Db } from '../db.ts'
import { diffFields } from '../domain/diff.ts'
import { norwegianDate } from '../domain/flags.ts'
import { isUniqueViolation } from '../http/database-errors.ts'
import { checkVersion, type Expected } from '../http/etag.ts'
import { bodyFieldError, notFound, ProblemError, validationFailed } from '../problem.ts'
import { appendEvent } from './events.ts'

const DATE_OF: Record<
  AdoptionStatus,
  'interested_on' | 'trialling_on' | 'adopted_on' | 'dropped_on'
> = {
  interested: 'interested_on',
  trialling: 'trialling_on',
  adopted: 'adopted_on',
  dropped: 'dropped_on',
}

function adoptionQuery(db: Db) {
  return db
    .selectFrom('adoptions as a')
    .innerJoin('pilots as p', 'p.id', 'a.pilot_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('adoptions as lf', 'lf.id', 'a.learned_from_adoption_id')
    .leftJoin('organisations as lfo', 'lfo.id', 'lf.organisation_id')
    .selectAll('a')
    .select([
      'p.title as pilot_title',
      'o.name as org_name',
      'o.kind as org_kind',
      'o.municipality_number as org_municipality',
      'o.county_number as org_county',
      'lf.organisation_id as lf_org_id',
      'lfo.name as lf_org_name',
    ])
}

type AdoptionRowJoined = Awaited<ReturnType<ReturnType<typeof adoptionQuery>['execute']>>[number]

function toAdoption(r: AdoptionRowJoined): Adoption {
  return {
    id: r.id,
    pilotId: r.pilot_id,
    pilotTitle: r.pilot_title,
    organisation: {
      id: r.organisation_id,
      name: r.org_name,
      kind: r.org_kind,
      municipalityNumber: r.org_municipality,
      countyNumber: r.org_county,
    },
    status: r.status,
    degree: r.degree,
    learnedFrom:
      r.learned_from_adoption_id && r.lf_org_id && r.lf_org_name
        ? {
            adoptionId: r.learned_from_adoption_id,
            organisationId: r.lf_org_id,
            organisationName: r.lf_org_name,
          }
        : null,
    localPilotId: r.local_pilot_id,
    localOutcome: r.local_outcome,
    notes: r.notes,
    interestedOn: r.interested_on,
    triallingOn: r.trialling_on,
    adoptedOn: r.adopted_on,
    droppedOn: r.dropped_on,
    sample: r.sample,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

/**
 * Only the adoptions `viewer` may see: the public sees adoptions of published pilots; an
 * organisation always sees its own adoptions and the adoptions of its own pilots.
 */
function visibleTo(q: ReturnType<typeof adoptionQuery>, viewer: Actor | null) {
  const orgs = viewer?.memberships.map((m) => m.organisationId) ?? []
  return q.where((eb) =>
    orgs.length
      ? eb.or([
          eb('p.visibility', '=', 'published'),
          eb('p.owner_org_id', 'in', orgs),
          eb('a.organisation_id', 'in', orgs),
        ])
      : eb('p.visibility', '=', 'published')
  )
}

/** The adoptions of a pilot, in the order they were recorded; the caller checks visibility. */
export async function listAdoptions(db: Db, pilotId: string): Promise<Adoption[]> {
  const rows = await adoptionQuery(db)
    .where('a.pilot_id', '=', pilotId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute()
  return rows.map(toAdoption)
}

/**
 * What an organisation took up from others: its adoptions that `viewer` may see (as
 * `findAdoption`), in the order they were recorded.
 */
export async function listAdoptionsBy(
  db: Db,
  organisationId: string,
  viewer: Actor | null
): Promise<Adoption[]> {
  const rows = await visibleTo(adoptionQuery(db), viewer)
    .where('a.organisation_id', '=', organisationId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute()
  return rows.map(toAdoption)
}

/** One adoption, if `viewer` may see it (see `visibleTo`). */
export async function findAdoption(
  db: Db,
  id: string,
  viewer: Actor | null
): Promise<Adoption | undefined> {
  const row = await visibleTo(adoptionQuery(db), viewer).where('a.id', '=', id).executeTakeFirst()
  return row && toAdoption(row)
}

type Dates = Pick<AdoptionCreate, 'interestedOn' | 'triallingOn' | 'adoptedOn' | 'droppedOn'>

/** Dates in the order things happen: interest, trial, adoption; a drop comes after what it ends. */
function checkDates(d: Dates) {
  const order: [keyof Dates, keyof Dates][] = [
    ['interestedOn', 'triallingOn'],
    ['interestedOn', 'adoptedOn'],
    ['triallingOn', 'adoptedOn'],
    ['interestedOn', 'droppedOn'],
    ['triallingOn', 'droppedOn'],
  ]
  const errors = order.flatMap(([a, b]) => {
    const first = d[a]
    const then = d[b]
    return first && then && then < first
      ? [bodyFieldError([b], 'inconsistent', `Must not be before ${a}`)]
      : []
  })
  if (errors.length) throw validationFailed(errors)
}

/** Checks lineage and local pilot references for an adoption of `pilotId` by `organisationId`. */
async function checkReferences(
  trx: Db,
  a: {
    id?: string
    pilotId: string
    organisationId: string
    learnedFromAdoptionId?: string | null
    localPilotId?: string | null
  }
) {
  if (a.learnedFromAdoptionId) {
    const from = await trx
      .selectFrom('adoptions')
      .select(['id', 'pilot_id'])
      .where('id', '=', a.learnedFromAdoptionId)
      .executeTakeFirst()
    if (!from || from.pilot_id !== a.pilotId) {
      throw validationFailed([
        bodyFieldError(['learnedFromAdoptionId'], 'not_found', 'Not an adoption of the same pilot'),
      ])
    }
    if (a.id) {
      // Walk up from the new teacher; meeting this adoption on the way would close a loop.
      const chain = await sql<{ id: string }>`
        with recursive up(id, parent, depth) as (
          select id, learned_from_adoption_id, 1 from adoptions where id = ${a.learnedFromAdoptionId}
          union all
          select x.id, x.learned_from_adoption_id, up.depth + 1 from adoptions x join up on x.id = up.parent
          where up.depth < 10000
        )
        select id from up where id = ${a.id}`.execute(trx)
      if (chain.rows.length > 0) {
        throw new ProblemError(409, 'lineage_cycle', 'That would make the lineage a circle', {
          detail:
            'An organisation cannot have learned a pilot from someone who learned it from them',
          errors: [
            bodyFieldError(['learnedFromAdoptionId'], 'cycle', 'Leads back to this adoption'),
          ],
        })
      }
    }
  }
  if (a.localPilotId) {
    const local = await trx
      .selectFrom('pilots')
      .select(['id', 'owner_org_id'])
      .where('id', '=', a.localPilotId)
      .executeTakeFirst()
    if (!local || local.owner_org_id !== a.organisationId || local.id === a.pilotId) {
      throw validationFailed([
        bodyFieldError(
          ['localPilotId'],
          'not_found',
          "Not a pilot of the adopting organisation's own"
        ),
      ])
    }
  }
}

const alreadyAdopted = (detail: string) =>
  new ProblemError(409, 'already_adopted', 'The organisation has already registered this pilot', {
    detail,
  })

/** Records that an organisation adopts (or is interested in) a pilot; one adoption per organisation. */
export async function createAdoption(
  trx: Db,
  pilotId: string,
  input: AdoptionCreate,
  actor: Actor,
  options: { at?: Date; sample?: boolean } = {}
): Promise<string> {
  const at = options.at ?? new Date()
  const organisationId = input.organisationId ?? actor.organisationId
  if (!organisationId) {
    throw validationFailed([
      bodyFieldError(['organisationId'], 'required', 'Required when you act for no organisation'),
    ])
  }
  const pilot = await trx
    .selectFrom('pilots')
    .select(['id', 'owner_org_id', 'visibility', 'title'])
    .where('id', '=', pilotId)
    .executeTakeFirst()
  if (!pilot || (pilot.visibility !== 'published' && !isMemberOf(actor, pilot.owner_org_id)))
    throw notFound('The pilot')
  if (pilot.visibility !== 'published') {
    throw new ProblemError(409, 'origin_not_published', 'The pilot is a draft', {
      detail: 'Only published pilots can be adopted',
    })
  }
  if (pilot.owner_org_id === organisationId) {
    throw new ProblemError(409, 'own_pilot', 'An organisation cannot adopt its own pilot', {
      detail: 'This pilot is already yours; register a new local pilot instead',
    })
  }
  requireMemberOf(actor, organisationId, 'record its adoptions')
  const org = await trx
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', organisationId)
    .executeTakeFirst()
  if (!org)
    throw validationFailed([
      bodyFieldError(['organisationId'], 'not_found', 'No organisation with this id'),
    ])
  const existing = await trx
    .selectFrom('adoptions')
    .select('id')
    .where('pilot_id', '=', pilotId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (existing)
    throw alreadyAdopted(`See /api/v1/adoptions/${existing.id}; change its status there`)
  const dates: Dates = {
    interestedOn: input.interestedOn,
    triallingOn: input.triallingOn,
    adoptedOn: input.adoptedOn,
    droppedOn: input.droppedOn,
  }
  const statusDate = DATE_OF[input.status]
  const camel = {
    interested_on: 'interestedOn',
    trialling_on: 'triallingOn',
    adopted_on: 'adoptedOn',
    dropped_on: 'droppedOn',
  } as const
  dates[camel[statusDate]] ??= norwegianDate(at)
  checkDates(dates)
  await checkReferences(trx, {
    pilotId,
    organisationId,
    learnedFromAdoptionId: input.learnedFromAdoptionId,
    localPilotId: input.localPilotId,
  })
  const { id } = await trx
    .insertInto('adoptions')
    .values({
      pilot_id: pilotId,
      organisation_id: organisationId,
      status: input.status,
      degree: input.degree,
      learned_from_adoption_id: input.learnedFromAdoptionId ?? null,
      local_pilot_id: input.localPilotId ?? null,
      local_outcome: input.localOutcome ?? null,
      notes: input.notes ?? null,
      interested_on: dates.interestedOn ?? null,
      trialling_on: dates.triallingOn ?? null,
      adopted_on: dates.adoptedOn ?? null,
      dropped_on: dates.droppedOn ?? null,
      sample: options.sample ?? false,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((error) => {
      // A request racing this one recorded the organisation's adoption after the check above.
      if (!isUniqueViolation(error, 'adoptions_pilot_id_organisation_id_key')) throw error
      throw alreadyAdopted('Read the adoptions of the pilot again and change its status there')
    })
  await appendEvent(trx, {
    pilotId,
    adoptionId: id,
    version: 1,
    type: 'adoption_recorded',
    actor,
    at,
    diff: diffFields(
      {},
      {
        organisationId,
        status: input.status,
        degree: input.degree,
        learnedFromAdoptionId: input.learnedFromAdoptionId ?? null,
        ...dates,
      }
    ),
  })
  return id
}

/** Changes an adoption (status with its date, degree, lineage, local outcome …); returns the new version. */
export async function updateAdoption(
  trx: Db,
  id: string,
  patch: AdoptionPatch,
  actor: Actor,
  expected: Expected,
  at = new Date()
): Promise<number> {
  const row = await trx
    .selectFrom('adoptions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw notFound('The adoption')
  requireMemberOf(actor, row.organisation_id, 'change its adoptions')
  checkVersion(expected, row.version, 'The adoption')
  const before = {
    status: row.status,
    degree: row.degree,
    learnedFromAdoptionId: row.learned_from_adoption_id,
    localPilotId: row.local_pilot_id,
    localOutcome: row.local_outcome,
    notes: row.notes,
    interestedOn: row.interested_on,
    triallingOn: row.trialling_on,
    adoptedOn: row.adopted_on,
    droppedOn: row.dropped_on,
  }
  const after = { ...before, ...patch }
  if (patch.status && patch.status !== row.status) {
    const key = (
      {
        interested: 'interestedOn',
        trialling: 'triallingOn',
        adopted: 'adoptedOn',
        dropped: 'droppedOn',
      } as const
    )[patch.status]
    after[key] = patch[key] ?? norwegianDate(at)
  }
  for (const [status, key] of [
    ['trialling', 'triallingOn'],
    ['adopted', 'adoptedOn'],
    ['dropped', 'droppedOn'],
  ] as const) {
    if (after.status === status && !after[key])
      throw validationFailed([
        bodyFieldError([key], 'required', `Required while the status is ${status}`),
      ])
  }
  checkDates(after)
  if ('learnedFromAdoptionId' in patch || 'localPilotId' in patch) {
    await checkReferences(trx, {
      id,
      pilotId: row.pilot_id,
      organisationId: row.organisation_id,
      learnedFromAdoptionId: after.learnedFromAdoptionId,
      localPilotId: after.localPilotId,
    })
  }
  const diff = diffFields(before, after)
  if (Object.keys(diff).length === 0) return row.version
  const version = row.version + 1
  await trx
    .updateTable('adoptions')
    .set({
      status: after.status,
      degree: after.degree,
      learned_from_adoption_id: after.learnedFromAdoptionId ?? null,
      local_pilot_id: after.localPilotId ?? null,
      local_outcome: after.localOutcome ?? null,
      notes: after.notes ?? null,
      interested_on: after.interestedOn ?? null,
      trialling_on: after.triallingOn ?? null,
      adopted_on: after.adoptedOn ?? null,
      dropped_on: after.droppedOn ?? null,
      version,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute()
  await appendEvent(trx, {
    pilotId: row.pilot_id,
    adoptionId: id,
    version,
    type: 'adoption_updated',
    actor,
    at,
    diff,
  })
  return version
}

/** Who learned a pilot from whom: every adoption with its depth from the origin. */
export async function lineageOf(db: Db, pilotId: string) {
  const result = await sql<{
    adoption_id: string
    organisation_id: string
    organisation_name: string
    municipality_number: string | null
    learned_from_adoption_id: string | null
    depth: number
    degree: Adoption['degree']
    status: Adoption['status']
    local_outcome: Adoption['localOutcome']
  }>`
    with recursive tree(id, depth) as (
      select id, 1 from adoptions where pilot_id = ${pilotId} and learned_from_adoption_id is null
      union all
      select a.id, tree.depth + 1 from adoptions a join tree on a.learned_from_adoption_id = tree.id
      where tree.depth < 10000
    )
    select a.id as adoption_id, a.organisation_id, o.name as organisation_name,
      o.municipality_number, a.learned_from_adoption_id, tree.depth, a.degree, a.status, a.local_outcome
    from tree join adoptions a on a.id = tree.id join organisations o on o.id = a.organisation_id
    order by tree.depth, a.created_at, a.id`.execute(db)
  return result.rows.map((r) => ({
    adoptionId: r.adoption_id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    municipalityNumber: r.municipality_number,
    learnedFromAdoptionId: r.learned_from_adoption_id,
    depth: Number(r.depth),
    degree: r.degree,
    status: r.status,
    localOutcome: r.local_outcome,
  }))
}
