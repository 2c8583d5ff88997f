import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { PreregistrationSnapshot } from '../../schema/database.ts'
import type { Outcome } from '../../schema/enums.ts'
import {
  type ExportedPilot,
  type ImportColumn,
  OWNER_COLUMNS,
  type PilotImportRow,
} from '../../schema/export.ts'
import { OrganisationCreate } from '../../schema/organisation.ts'
import type { Actor } from '../actor.ts'
import { forbidden, isMemberOf, requireWriteScope } from '../auth/permissions.ts'
import type { Db } from '../db.ts'
import { diffFields } from '../domain/diff.ts'
import { appendEvent } from './events.ts'
import { createOrganisation } from './organisations.ts'
import { PILOT_COLUMNS } from './pilots.ts'
import { jsonb, textArray } from './sql.ts'
import { succeeded, tried } from './uptake.ts'

const iso = (d: Date) => d.toISOString()
const count = (n: unknown) => Number(n ?? 0)

/**
 * Every published pilot as the exports show it, oldest first, and the time of the latest change
 * to any of them. Drafts never appear. The order is by creation to the millisecond (what an
 * export keeps of a time), then id, so a re-imported copy sorts the same.
 */
export async function exportedPilots(
  db: Db
): Promise<{ pilots: ExportedPilot[]; modified: string | null }> {
  const rows = await db
    .selectFrom('pilots as p')
    .innerJoin('organisations as o', 'o.id', 'p.owner_org_id')
    // A copy names its origin only when the origin is public too: the dump refers only to itself.
    .leftJoin('pilots as origin', (join) =>
      join.onRef('origin.id', '=', 'p.based_on_pilot_id').on('origin.visibility', '=', 'published')
    )
    .select(PILOT_COLUMNS)
    .select([
      'o.org_number as owner_org_number',
      'o.name as owner_name',
      'o.kind as owner_kind',
      'o.municipality_number as owner_municipality_number',
      'o.county_number as owner_county_number',
      'o.language_form as owner_language_form',
      'origin.id as origin_id',
    ])
    .select((eb) => [
      eb
        .selectFrom('evaluations as ev')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ev.pilot_id', '=', 'p.id')
        .as('evaluation_count'),
      eb
        .selectFrom('evaluations as ev')
        .select((e) => e.fn.max('ev.evidence_level').as('best'))
        .whereRef('ev.pilot_id', '=', 'p.id')
        .as('best_evidence_level'),
      eb
        .selectFrom('evaluations as ev')
        .select('ev.outcome')
        .whereRef('ev.pilot_id', '=', 'p.id')
        .where('ev.kind', 'in', ['final', 'external'])
        .orderBy('ev.created_at', 'desc')
        .orderBy('ev.id', 'desc')
        .limit(1)
        .as('latest_outcome'),
      eb
        .selectFrom('evaluations as ev')
        .select((e) => e.fn.max('ev.created_at').as('at'))
        .whereRef('ev.pilot_id', '=', 'p.id')
        .as('last_evaluation_at'),
      eb
        .selectFrom('adoptions as ad')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ad.pilot_id', '=', 'p.id')
        .as('adoptions_total'),
      eb
        .selectFrom('adoptions as ad')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ad.pilot_id', '=', 'p.id')
        .where(tried('ad'))
        .as('adoptions_tried'),
      eb
        .selectFrom('adoptions as ad')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ad.pilot_id', '=', 'p.id')
        .where(tried('ad'))
        .where(succeeded('ad'))
        .as('adoptions_succeeded'),
      eb
        .selectFrom('adoptions as ad')
        .select((e) => e.fn.max('ad.updated_at').as('at'))
        .whereRef('ad.pilot_id', '=', 'p.id')
        .as('last_adoption_at'),
      jsonArrayFrom(
        eb
          .selectFrom('metrics as m')
          .select(['m.name', 'm.unit', 'm.direction', 'm.baseline', 'm.target', 'm.primary'])
          .whereRef('m.pilot_id', '=', 'p.id')
          .orderBy('m.position')
          .orderBy('m.id')
      ).as('metrics'),
    ])
    .where('p.visibility', '=', 'published')
    .orderBy(sql`date_trunc('milliseconds', p.created_at)`)
    .orderBy('p.id')
    .execute()

  let modified: number | null = null
  const pilots = rows.map((r): ExportedPilot => {
    for (const at of [r.updated_at, r.last_evaluation_at, r.last_adoption_at]) {
      const t = at ? new Date(at as Date | string).getTime() : null
      if (t !== null && (modified === null || t > modified)) modified = t
    }
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      problem: r.problem,
      hypothesis: r.hypothesis,
      innovationType: r.innovation_type,
      serviceArea: r.service_area,
      ownerOrgNumber: r.owner_org_number,
      ownerName: r.owner_name,
      ownerKind: r.owner_kind,
      ownerMunicipalityNumber: r.owner_municipality_number,
      ownerCountyNumber: r.owner_county_number,
      ownerLanguageForm: r.owner_language_form,
      stage: r.stage,
      stageChangedAt: iso(r.stage_changed_at),
      outcome: r.outcome,
      plannedStart: r.planned_start,
      plannedEnd: r.planned_end,
      actualStart: r.actual_start,
      actualEnd: r.actual_end,
      budgetNok: r.budget_nok,
      fundingSource: r.funding_source,
      evaluationMethod: r.evaluation_method,
      evaluationPlan: r.evaluation_plan,
      legalBasis: r.legal_basis,
      legalReference: r.legal_reference,
      legalApprovalDate: r.legal_approval_date,
      legalExpiryDate: r.legal_expiry_date,
      legalExtendedUntil: r.legal_extended_until,
      adoptionDecisionReference: r.adoption_decision_reference,
      adoptionDecisionDate: r.adoption_decision_date,
      discontinuedReason: r.discontinued_reason,
      basedOnPilotId: r.origin_id,
      tags: r.tags,
      availableToAdvise: r.available_to_advise,
      metrics: r.metrics,
      sample: r.sample,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      evaluationCount: count(r.evaluation_count),
      bestEvidenceLevel: r.best_evidence_level === null ? null : Number(r.best_evidence_level),
      latestOutcome: (r.latest_outcome ?? null) as Outcome | null,
      adoptionsTotal: count(r.adoptions_total),
      adoptionsTried: count(r.adoptions_tried),
      adoptionsSucceeded: count(r.adoptions_succeeded),
    }
  })
  return { pilots, modified: modified === null ? null : new Date(modified).toISOString() }
}

/** One thing wrong with one row of an import; `row` 1 is the first row after the header. */
export interface RowError {
  row: number
  column: ImportColumn | string
  code: string
  detail: string
}

/** A row of an import file that passed validation, with its row number. */
export interface ImportRow {
  row: number
  pilot: PilotImportRow
}

/** The organisation a row describes as its owner. */
function ownerOf(p: PilotImportRow): OrganisationCreate {
  return {
    orgNumber: p.ownerOrgNumber,
    name: p.ownerName,
    kind: p.ownerKind,
    municipalityNumber: p.ownerMunicipalityNumber ?? undefined,
    countyNumber: p.ownerCountyNumber ?? undefined,
    languageForm: p.ownerLanguageForm,
  }
}

const OWNER_FIELDS = [
  'ownerName',
  'ownerKind',
  'ownerMunicipalityNumber',
  'ownerCountyNumber',
  'ownerLanguageForm',
] as const

/**
 * An import writes only what its rows' owners could write themselves: a member imports the pilots
 * of the organisations they belong to; a system administrator anything, and may register owners.
 */
export async function requireImportRights(trx: Db, actor: Actor, rows: ImportRow[]) {
  requireWriteScope(actor)
  if (actor.systemAdmin || rows.length === 0) return
  const owners = await trx
    .selectFrom('organisations')
    .select(['id', 'org_number'])
    .where(
      'org_number',
      'in',
      rows.map((r) => r.pilot.ownerOrgNumber)
    )
    .execute()
  const idOf = new Map(owners.map((o) => [o.org_number, o.id]))
  const refused = rows.filter((r) => !isMemberOf(actor, idOf.get(r.pilot.ownerOrgNumber) ?? null))
  if (refused.length) {
    throw forbidden(
      `Rows ${refused.map((r) => r.row).join(', ')}: you may import only pilots of organisations you are a member of; only system administrators may register new organisations`
    )
  }
}

/** Which of `values` a key column holds. */
async function present(
  trx: Db,
  table: 'pilots' | 'organisations' | 'municipalities' | 'counties',
  column: 'id' | 'org_number' | 'number',
  values: string[]
): Promise<Set<string>> {
  if (values.length === 0) return new Set()
  const { rows } = await sql<{ v: string }>`select ${sql.ref(column)} as v from ${sql.table(table)}
    where ${sql.ref(column)} in (${sql.join([...new Set(values)])})`.execute(trx)
  return new Set(rows.map((r) => r.v))
}

type Report = (row: number, column: ImportColumn, code: string, detail: string) => void

/** Ids repeated in the file or taken in the registry, and origins found in neither. */
async function checkIds(trx: Db, rows: ImportRow[], byId: Map<string, ImportRow>, error: Report) {
  for (const r of rows) {
    const id = r.pilot.id
    if (!id) continue
    const first = byId.get(id)
    if (!first) byId.set(id, r)
    else error(r.row, 'id', 'duplicate', `The same id as row ${first.row}`)
  }
  const origins = rows.flatMap((r) => (r.pilot.basedOnPilotId ? [r.pilot.basedOnPilotId] : []))
  const existing = await present(trx, 'pilots', 'id', [...byId.keys(), ...origins])
  for (const [id, r] of byId) {
    if (existing.has(id))
      error(r.row, 'id', 'taken', 'A pilot with this id is already in the registry')
  }
  for (const r of rows) {
    const origin = r.pilot.basedOnPilotId
    if (!origin) continue
    if (origin === r.pilot.id) error(r.row, 'basedOnPilotId', 'self', 'A pilot is not its own copy')
    else if (!byId.has(origin) && !existing.has(origin))
      error(r.row, 'basedOnPilotId', 'not_found', 'No pilot with this id in the registry or file')
  }
}

/**
 * Owners the import must register: described fully, the same way in every row that names them,
 * in a known municipality or county. Owners already registered are taken as they are.
 */
async function checkOwners(trx: Db, rows: ImportRow[], error: Report) {
  const known = await present(
    trx,
    'organisations',
    'org_number',
    rows.map((r) => r.pilot.ownerOrgNumber)
  )
  const firstOf = new Map<string, ImportRow>()
  for (const r of rows) {
    const number = r.pilot.ownerOrgNumber
    if (known.has(number)) continue
    const first = firstOf.get(number)
    if (!first) firstOf.set(number, r)
    else
      for (const field of OWNER_FIELDS) {
        if (r.pilot[field] !== first.pilot[field])
          error(r.row, field, 'inconsistent', `Row ${first.row} describes the owner otherwise`)
      }
  }
  const owners = [...firstOf.values()]
  for (const r of owners) {
    for (const issue of OrganisationCreate.safeParse(ownerOf(r.pilot)).error?.issues ?? []) {
      const field = String(issue.path[0]) as keyof typeof OWNER_COLUMNS
      error(r.row, OWNER_COLUMNS[field] ?? 'ownerOrgNumber', 'incomplete', issue.message)
    }
  }
  const municipality = (r: ImportRow) => r.pilot.ownerMunicipalityNumber
  const county = (r: ImportRow) => (municipality(r) ? null : r.pilot.ownerCountyNumber)
  const municipalities = await present(
    trx,
    'municipalities',
    'number',
    owners.flatMap((r) => municipality(r) ?? [])
  )
  const counties = await present(
    trx,
    'counties',
    'number',
    owners.flatMap((r) => county(r) ?? [])
  )
  for (const r of owners) {
    const m = municipality(r)
    const c = county(r)
    if (m && !municipalities.has(m))
      error(
        r.row,
        'ownerMunicipalityNumber',
        'not_found',
        'No municipality with this number in 2024'
      )
    if (c && !counties.has(c))
      error(r.row, 'ownerCountyNumber', 'not_found', 'No county with this number in 2024')
  }
}

/**
 * What the database says against an import: ids taken or repeated, origins that do not exist,
 * owners told two ways or in unknown places, copies that go round in a circle. Returns every
 * problem, and the order to insert the rows in (an origin from the file before its copies).
 */
export async function checkImport(
  trx: Db,
  rows: ImportRow[]
): Promise<{ errors: RowError[]; order: ImportRow[] }> {
  const errors: RowError[] = []
  const error: Report = (row, column, code, detail) => errors.push({ row, column, code, detail })
  const byId = new Map<string, ImportRow>()
  await checkIds(trx, rows, byId, error)
  await checkOwners(trx, rows, error)
  const order = insertionOrder(rows, byId)
  const ordered = new Set(order)
  for (const r of rows) {
    if (!ordered.has(r))
      error(r.row, 'basedOnPilotId', 'cycle', 'The copies in the file lead back to this pilot')
  }
  return { errors: errors.sort((a, b) => a.row - b.row), order }
}

/** The rows with each origin from the file before its copies, otherwise in file order. */
function insertionOrder(rows: ImportRow[], byId: Map<string, ImportRow>): ImportRow[] {
  const order: ImportRow[] = []
  const placed = new Set<ImportRow>()
  let progress = true
  while (progress) {
    progress = false
    for (const r of rows) {
      if (placed.has(r)) continue
      const origin = r.pilot.basedOnPilotId ? byId.get(r.pilot.basedOnPilotId) : undefined
      if (origin && origin !== r && !placed.has(origin)) continue
      order.push(r)
      placed.add(r)
      progress = true
    }
  }
  return order
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b)

/**
 * Writes checked rows as published pilots, keeping their ids, stages, outcomes, timestamps and
 * sample flags; registers the owners not yet known. A pilot past `planned` gets a pre-registration
 * rebuilt from its hypothesis and primary metrics, frozen when the trial started (not before the
 * pilot was registered). Each pilot gets one `pilot_created` event marked as imported. Returns the
 * ids in the order of `rows`.
 */
export async function importPilots(
  trx: Db,
  rows: ImportRow[],
  order: ImportRow[],
  actor: Actor,
  at: Date
): Promise<string[]> {
  const owners = new Map<string, string>()
  for (const { pilot } of rows) {
    const number = pilot.ownerOrgNumber
    if (owners.has(number)) continue
    const found = await trx
      .selectFrom('organisations')
      .select('id')
      .where('org_number', '=', number)
      .executeTakeFirst()
    const id = found?.id ?? (await createOrganisation(trx, ownerOf(pilot))).id
    owners.set(number, id)
  }

  const ids = new Map<ImportRow, string>()
  for (const r of order) {
    const { pilot: p } = r
    const id = p.id ?? randomUUID()
    ids.set(r, id)
    const ownerOrgId = owners.get(p.ownerOrgNumber) as string
    const createdAt = p.createdAt ?? iso(at)
    const metrics = p.metrics.map((m) => ({
      id: randomUUID(),
      name: m.name,
      unit: m.unit ?? null,
      direction: m.direction,
      baseline: m.baseline ?? null,
      target: m.target ?? null,
      primary: m.primary,
    }))
    const started =
      ['running', 'evaluating', 'concluded', 'adopted'].includes(p.stage) ||
      (p.stage === 'discontinued' && p.actualStart !== null)
    const preregistration: PreregistrationSnapshot | null = started
      ? {
          frozenAt: iso(
            new Date(p.actualStart ? later(`${p.actualStart}T00:00:00.000Z`, createdAt) : createdAt)
          ),
          hypothesis: p.hypothesis,
          metrics: metrics.filter((m) => m.primary),
        }
      : null
    await trx
      .insertInto('pilots')
      .values({
        id,
        title: p.title,
        summary: p.summary,
        problem: p.problem,
        hypothesis: p.hypothesis,
        innovation_type: p.innovationType,
        service_area: p.serviceArea,
        owner_org_id: ownerOrgId,
        available_to_advise: p.availableToAdvise,
        planned_start: p.plannedStart,
        planned_end: p.plannedEnd,
        actual_start: p.actualStart,
        actual_end: p.actualEnd,
        budget_nok: p.budgetNok,
        funding_source: p.fundingSource,
        evaluation_method: p.evaluationMethod,
        evaluation_plan: p.evaluationPlan,
        legal_basis: p.legalBasis,
        legal_reference: p.legalReference,
        legal_approval_date: p.legalApprovalDate,
        legal_expiry_date: p.legalExpiryDate,
        legal_extended_until: p.legalExtendedUntil,
        based_on_pilot_id: p.basedOnPilotId,
        tags: textArray(p.tags),
        stage: p.stage,
        stage_changed_at: p.stageChangedAt ?? createdAt,
        outcome: p.outcome,
        visibility: 'published',
        discontinued_reason: p.discontinuedReason,
        adoption_decision_reference: p.adoptionDecisionReference,
        adoption_decision_date: p.adoptionDecisionDate,
        preregistration: preregistration && jsonb(preregistration),
        sample: p.sample,
        created_at: createdAt,
        updated_at: p.updatedAt ?? iso(at),
      })
      .execute()
    if (metrics.length) {
      await trx
        .insertInto('metrics')
        .values(metrics.map((m, position) => ({ ...m, pilot_id: id, position })))
        .execute()
    }
    const { id: _id, ...fields } = p
    await appendEvent(trx, {
      pilotId: id,
      version: 1,
      type: 'pilot_created',
      actor,
      at,
      diff: diffFields({}, { ...fields, ownerOrgId, metrics, preregistration }),
      data: { imported: true },
    })
  }
  return rows.map((r) => ids.get(r) as string)
}
