import { sql } from 'kysely'
import {
  type Benefit,
  type BenefitCreate,
  type BenefitPatch,
  type BenefitTotals,
  type BenefitTotalsGroup,
  benefitIssues,
  FIXED_UNITS,
} from '../../schema/benefit.ts'
import { BENEFIT_KINDS, BENEFIT_PARTIES, type BenefitParty } from '../../schema/enums.ts'
import type { Actor } from '../actor.ts'
import type { Db } from '../db.ts'
import { diffFields } from '../domain/diff.ts'
import type { Expected } from '../http/etag.ts'
import { bodyFieldError, notFound, validationFailed } from '../problem.ts'
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

/** A pilot's benefits in the order they were added; the caller checks visibility. */
export async function listBenefits(db: Db, pilotId: string): Promise<Benefit[]> {
  return db
    .selectFrom('benefits')
    .select(BENEFIT_COLUMNS)
    .where('pilot_id', '=', pilotId)
    .orderBy('position')
    .execute()
}

function checkBenefit(b: Parameters<typeof benefitIssues>[0]) {
  const issues = benefitIssues(b)
  if (issues.length)
    throw validationFailed(issues.map((i) => bodyFieldError(i.path, 'inconsistent', i.message)))
}

/** Adds one benefit to a pilot, as a change of the pilot; the unit follows from a fixed kind. */
export async function addBenefit(
  trx: Db,
  pilotId: string,
  input: BenefitCreate,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const row = await lockForWrite(trx, pilotId, actor, expected)
  const unit = input.unit ?? FIXED_UNITS[input.kind]
  checkBenefit({ ...input, unit })
  const { max } = await trx
    .selectFrom('benefits')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('pilot_id', '=', pilotId)
    .executeTakeFirstOrThrow()
  const benefit = await trx
    .insertInto('benefits')
    .values({
      pilot_id: pilotId,
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
  const version = await bumpVersion(trx, row, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'benefit_added',
    actor,
    at,
    diff: diffFields({}, { benefit }),
    data: { benefitId: benefit.id },
  })
  return { benefit, version }
}

async function lockBenefit(trx: Db, pilotId: string, benefitId: string): Promise<Benefit> {
  const benefit = await trx
    .selectFrom('benefits')
    .select(BENEFIT_COLUMNS)
    .where('pilot_id', '=', pilotId)
    .where('id', '=', benefitId)
    .forUpdate()
    .executeTakeFirst()
  if (!benefit) throw notFound('The benefit')
  return benefit
}

/**
 * Changes a benefit's fields, as a change of the pilot; the rules hold for the benefit as it
 * becomes. A kind with a fixed unit brings its unit; leaving one for quality or other needs a
 * unit of its own. A no-op leaves the version alone.
 */
export async function updateBenefit(
  trx: Db,
  pilotId: string,
  benefitId: string,
  patch: BenefitPatch,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const row = await lockForWrite(trx, pilotId, actor, expected)
  const before = await lockBenefit(trx, pilotId, benefitId)
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
  if (Object.keys(diff).length === 0) return { benefit: before, version: row.version }
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
  const version = await bumpVersion(trx, row, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'benefit_updated',
    actor,
    at,
    diff,
    data: { benefitId },
  })
  return { benefit: after, version }
}

/** Removes a benefit, as a change of the pilot. */
export async function removeBenefit(
  trx: Db,
  pilotId: string,
  benefitId: string,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const row = await lockForWrite(trx, pilotId, actor, expected)
  const benefit = await lockBenefit(trx, pilotId, benefitId)
  await trx.deleteFrom('benefits').where('id', '=', benefitId).execute()
  const version = await bumpVersion(trx, row, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'benefit_removed',
    actor,
    at,
    diff: diffFields({ benefit }, {}),
    data: { benefitId },
  })
  return version
}

/** Which benefits to total: one pilot's (visibility checked by the caller), or published pilots'. */
export type BenefitScope = { pilotId: string } | { published: true; org?: string; county?: string }

const zeroByParty = () =>
  Object.fromEntries(BENEFIT_PARTIES.map((p) => [p, { planned: 0, realised: 0 }])) as Record<
    BenefitParty,
    { planned: number; realised: number }
  >

/**
 * Sums planned and realised amounts per (kind, unit), and within each per bearer and per
 * beneficiary, in one GROUP BY over grouping sets. Amounts of different kinds or units are never
 * added together; a null amount counts as 0; every party is present.
 */
export async function benefitTotals(db: Db, scope: BenefitScope): Promise<BenefitTotals> {
  let q = db
    .selectFrom('benefits as b')
    .innerJoin('pilots as p', 'p.id', 'b.pilot_id')
    .innerJoin('organisations as o', 'o.id', 'p.owner_org_id')
  if ('pilotId' in scope) q = q.where('b.pilot_id', '=', scope.pilotId)
  else {
    q = q.where('p.visibility', '=', 'published')
    if (scope.org) q = q.where('p.owner_org_id', '=', scope.org)
    if (scope.county) q = q.where('o.county_number', '=', scope.county)
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
      sql<number>`count(distinct b.pilot_id)`.as('pilots'),
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
    else Object.assign(group, sums, { pilots: Number(r.pilots) })
  }
  return {
    groups: [...groups.values()].sort(
      (a, b) =>
        BENEFIT_KINDS.indexOf(a.kind) - BENEFIT_KINDS.indexOf(b.kind) ||
        (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)
    ),
  }
}
