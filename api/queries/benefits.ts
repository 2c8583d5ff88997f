import { type ExpressionBuilder, sql } from 'kysely'
import {
  type Benefit,
  type BenefitCreate,
  type BenefitPatch,
  type BenefitScope,
  type BenefitTotals,
  type BenefitTotalsGroup,
  benefitIssues,
  FIXED_UNITS,
} from '../../schema/benefit.ts'
import type { Database } from '../../schema/database.ts'
import { BENEFIT_KINDS, BENEFIT_PARTIES, type BenefitParty } from '../../schema/enums.ts'
import type { Actor } from '../actor.ts'
import { requireMemberOf } from '../auth/permissions.ts'
import type { Db } from '../db.ts'
import { diffFields } from '../domain/diff.ts'
import { checkVersion, type Expected } from '../http/etag.ts'
import { bodyFieldError, notFound, validationFailed } from '../problem.ts'
import { findAdoption } from './adoptions.ts'
import { appendEvent } from './events.ts'
import { bumpVersion, lockForWrite } from './pilot-writes.ts'

const BENEFIT_COLUMNS = [
  'id',
  'kind',
  'description',
  'unit',
  'planned_annual as plannedAnnual',
  'realised_annual as realisedAnnual',
  'bearer',
  'beneficiary',
] as const

/**
 * Whose ledger a benefit is in: a pilot's own, or an adoption's (the adopter's local benefits,
 * kept under the adoption's origin pilot). A bare string is a pilot id.
 */
export type BenefitOwner = { pilotId: string } | { adoptionId: string }

const ownerOf = (owner: BenefitOwner | string): BenefitOwner =>
  typeof owner === 'string' ? { pilotId: owner } : owner

/** The benefits of one ledger: a pilot's own never include its adopters' local ones. */
function inLedger(owner: BenefitOwner) {
  return (eb: ExpressionBuilder<Database, 'benefits'>) =>
    'adoptionId' in owner
      ? eb('adoption_id', '=', owner.adoptionId)
      : eb.and([eb('pilot_id', '=', owner.pilotId), eb('adoption_id', 'is', null)])
}

/** A ledger's benefits in the order they were added; the caller checks visibility. */
export async function listBenefits(db: Db, owner: BenefitOwner): Promise<Benefit[]> {
  return db
    .selectFrom('benefits')
    .select(BENEFIT_COLUMNS)
    .where(inLedger(owner))
    .orderBy('position')
    .execute()
}

/** The record a ledger belongs to, locked for a write at an expected version. */
interface LockedLedger {
  owner: BenefitOwner
  /** The pilot the benefits hang on: for an adoption, its origin pilot. */
  pilotId: string
  /** Set when the ledger is an adoption's: its events go on the adoption's stream. */
  adoptionId: string | undefined
  version: number
  /** Bumps the owner's version and touch time; answers the new version. */
  bump(at: Date): Promise<number>
}

/** Locks the owning pilot or adoption (404 unless visible, 412 unless at an expected version). */
async function lockLedger(
  trx: Db,
  owner: BenefitOwner,
  actor: Actor,
  expected: Expected
): Promise<LockedLedger> {
  if ('pilotId' in owner) {
    const row = await lockForWrite(trx, owner.pilotId, actor, expected)
    return {
      owner,
      pilotId: row.id,
      adoptionId: undefined,
      version: row.version,
      bump: (at) => bumpVersion(trx, row, at),
    }
  }
  if (!(await findAdoption(trx, owner.adoptionId, actor))) throw notFound('The adoption')
  const row = await trx
    .selectFrom('adoptions')
    .select(['id', 'pilot_id', 'version', 'organisation_id'])
    .where('id', '=', owner.adoptionId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw notFound('The adoption')
  requireMemberOf(actor, row.organisation_id, 'record its local benefits')
  checkVersion(expected, row.version, 'The adoption')
  return {
    owner,
    pilotId: row.pilot_id,
    adoptionId: row.id,
    version: row.version,
    async bump(at) {
      const version = row.version + 1
      await trx
        .updateTable('adoptions')
        .set({ version, updated_at: at })
        .where('id', '=', row.id)
        .execute()
      return version
    },
  }
}

/** Bumps the owner's version and records the change on its event stream (pilot or adoption). */
async function recordChange(
  trx: Db,
  ledger: LockedLedger,
  change: {
    type: 'benefit_added' | 'benefit_updated' | 'benefit_removed'
    benefitId: string
    diff: Record<string, { from: unknown; to: unknown }>
    actor: Actor
    at: Date
  }
) {
  const version = await ledger.bump(change.at)
  await appendEvent(trx, {
    pilotId: ledger.pilotId,
    adoptionId: ledger.adoptionId,
    version,
    type: change.type,
    actor: change.actor,
    at: change.at,
    diff: change.diff,
    data: { benefitId: change.benefitId },
  })
  return version
}

function checkBenefit(b: Parameters<typeof benefitIssues>[0]) {
  const issues = benefitIssues(b)
  if (issues.length)
    throw validationFailed(issues.map((i) => bodyFieldError(i.path, 'inconsistent', i.message)))
}

/**
 * Adds one benefit to a pilot's or an adoption's ledger, as a change of its owner; the unit
 * follows from a fixed kind. Answers the benefit and the owner's new version.
 */
export async function addBenefit(
  trx: Db,
  owner: BenefitOwner | string,
  input: BenefitCreate,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const ledger = await lockLedger(trx, ownerOf(owner), actor, expected)
  const unit = input.unit ?? FIXED_UNITS[input.kind]
  checkBenefit({ ...input, unit })
  const { max } = await trx
    .selectFrom('benefits')
    .select((eb) => eb.fn.max('position').as('max'))
    .where(inLedger(ledger.owner))
    .executeTakeFirstOrThrow()
  const benefit = await trx
    .insertInto('benefits')
    .values({
      pilot_id: ledger.pilotId,
      adoption_id: ledger.adoptionId ?? null,
      kind: input.kind,
      description: input.description,
      unit: unit ?? '',
      planned_annual: input.plannedAnnual ?? null,
      realised_annual: input.realisedAnnual ?? null,
      bearer: input.bearer,
      beneficiary: input.beneficiary,
      position: (max ?? -1) + 1,
      created_at: at,
    })
    .returning(BENEFIT_COLUMNS)
    .executeTakeFirstOrThrow()
  const version = await recordChange(trx, ledger, {
    type: 'benefit_added',
    benefitId: benefit.id,
    diff: diffFields({}, { benefit }),
    actor,
    at,
  })
  return { benefit, version }
}

/** Locks a benefit of the ledger; 404 for a benefit of another pilot's or adoption's ledger. */
async function lockBenefit(trx: Db, owner: BenefitOwner, benefitId: string): Promise<Benefit> {
  const benefit = await trx
    .selectFrom('benefits')
    .select(BENEFIT_COLUMNS)
    .where(inLedger(owner))
    .where('id', '=', benefitId)
    .forUpdate()
    .executeTakeFirst()
  if (!benefit) throw notFound('The benefit')
  return benefit
}

/**
 * Changes a benefit's fields, as a change of its owner; the rules hold for the benefit as it
 * becomes. A kind with a fixed unit brings its unit; leaving one for quality or other needs a
 * unit of its own. A no-op leaves the version alone.
 */
export async function updateBenefit(
  trx: Db,
  owner: BenefitOwner | string,
  benefitId: string,
  patch: BenefitPatch,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const ledger = await lockLedger(trx, ownerOf(owner), actor, expected)
  const before = await lockBenefit(trx, ledger.owner, benefitId)
  const merged = { ...before, ...patch }
  const unit =
    patch.unit ?? FIXED_UNITS[merged.kind] ?? (FIXED_UNITS[before.kind] ? undefined : before.unit)
  checkBenefit({ ...merged, unit })
  const after: Benefit = {
    ...merged,
    unit: unit ?? '',
    plannedAnnual: merged.plannedAnnual ?? null,
    realisedAnnual: merged.realisedAnnual ?? null,
  }
  const diff = diffFields(before, after)
  if (Object.keys(diff).length === 0) return { benefit: before, version: ledger.version }
  await trx
    .updateTable('benefits')
    .set({
      kind: after.kind,
      description: after.description,
      unit: after.unit,
      planned_annual: after.plannedAnnual,
      realised_annual: after.realisedAnnual,
      bearer: after.bearer,
      beneficiary: after.beneficiary,
    })
    .where('id', '=', benefitId)
    .execute()
  const version = await recordChange(trx, ledger, {
    type: 'benefit_updated',
    benefitId,
    diff,
    actor,
    at,
  })
  return { benefit: after, version }
}

/** Removes a benefit, as a change of its owner; answers the owner's new version. */
export async function removeBenefit(
  trx: Db,
  owner: BenefitOwner | string,
  benefitId: string,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const ledger = await lockLedger(trx, ownerOf(owner), actor, expected)
  const benefit = await lockBenefit(trx, ledger.owner, benefitId)
  await trx.deleteFrom('benefits').where('id', '=', benefitId).execute()
  return recordChange(trx, ledger, {
    type: 'benefit_removed',
    benefitId,
    diff: diffFields({ benefit }, {}),
    actor,
    at,
  })
}

/**
 * Which benefits to total: one ledger's (visibility checked by the caller), or those of published
 * pilots, with `scope` choosing the pilots' own (`origin`), their adopters' local ones (`local`) or
 * both (`all`). `org` and `county` are the accountable organisation's: the owner for a pilot's own
 * benefit, the adopting organisation for a local one.
 */
export type BenefitTotalsOf =
  | BenefitOwner
  | { published: true; scope?: BenefitScope; org?: string; county?: string }

const zeroByParty = () =>
  Object.fromEntries(BENEFIT_PARTIES.map((p) => [p, { planned: 0, realised: 0 }])) as Record<
    BenefitParty,
    { planned: number; realised: number }
  >

/**
 * Sums planned and realised amounts per (kind, unit), and within each per bearer and per
 * beneficiary, in one GROUP BY over grouping sets. Amounts of different kinds or units are never
 * added together; a null amount counts as 0; every party is present. `pilots` counts the pilots
 * whose own benefits contribute, `adoptions` the adoptions whose local benefits do.
 */
export async function benefitTotals(db: Db, of: BenefitTotalsOf): Promise<BenefitTotals> {
  let q = db
    .selectFrom('benefits as b')
    .innerJoin('pilots as p', 'p.id', 'b.pilot_id')
    .leftJoin('adoptions as a', 'a.id', 'b.adoption_id')
    // Whom a benefit counts for: the adopter for a local benefit, else the pilot's owner.
    .innerJoin('organisations as o', (join) =>
      join.on((eb) => eb('o.id', '=', eb.fn.coalesce('a.organisation_id', 'p.owner_org_id')))
    )
  if ('pilotId' in of) q = q.where('b.pilot_id', '=', of.pilotId).where('b.adoption_id', 'is', null)
  else if ('adoptionId' in of) q = q.where('b.adoption_id', '=', of.adoptionId)
  else {
    q = q.where('p.visibility', '=', 'published')
    if (of.scope === 'origin') q = q.where('b.adoption_id', 'is', null)
    if (of.scope === 'local') q = q.where('b.adoption_id', 'is not', null)
    if (of.org) q = q.where('o.id', '=', of.org)
    if (of.county) q = q.where('o.county_number', '=', of.county)
  }
  const rows = await q
    .select([
      'b.kind',
      'b.unit',
      'b.bearer',
      'b.beneficiary',
      // 0 when the row is grouped by the column, 1 when it sums over all its values.
      sql<number>`grouping(b.bearer)`.as('all_bearers'),
      sql<number>`grouping(b.beneficiary)`.as('all_beneficiaries'),
      sql<number>`coalesce(sum(b.planned_annual), 0)`.as('planned'),
      sql<number>`coalesce(sum(b.realised_annual), 0)`.as('realised'),
      sql<number>`count(distinct case when b.adoption_id is null then b.pilot_id end)`.as('pilots'),
      sql<number>`count(distinct b.adoption_id)`.as('adoptions'),
    ])
    .groupBy(
      sql`grouping sets ((b.kind, b.unit), (b.kind, b.unit, b.bearer), (b.kind, b.unit, b.beneficiary))`
    )
    .execute()

  const groups = new Map<string, BenefitTotalsGroup>()
  const groupOf = (kind: BenefitTotalsGroup['kind'], unit: string) => {
    const key = JSON.stringify([kind, unit])
    let group = groups.get(key)
    if (!group) {
      group = {
        kind,
        unit,
        planned: 0,
        realised: 0,
        pilots: 0,
        adoptions: 0,
        byBearer: zeroByParty(),
        byBeneficiary: zeroByParty(),
      }
      groups.set(key, group)
    }
    return group
  }
  for (const r of rows) {
    const group = groupOf(r.kind, r.unit)
    const sums = { planned: Number(r.planned), realised: Number(r.realised) }
    if (Number(r.all_bearers) === 0) group.byBearer[r.bearer] = sums
    else if (Number(r.all_beneficiaries) === 0) group.byBeneficiary[r.beneficiary] = sums
    else Object.assign(group, sums, { pilots: Number(r.pilots), adoptions: Number(r.adoptions) })
  }
  return {
    groups: [...groups.values()].sort(
      (a, b) =>
        BENEFIT_KINDS.indexOf(a.kind) - BENEFIT_KINDS.indexOf(b.kind) ||
        (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)
    ),
  }
}
