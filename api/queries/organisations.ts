import type { OrganisationRow } from '../../schema/database.ts'
import type { Organisation, OrganisationCreate } from '../../schema/organisation.ts'
import type { Db } from '../db.ts'
import { isUniqueViolation } from '../http/database-errors.ts'
import { bodyFieldError, validationFailed } from '../problem.ts'

const ORG_NUMBER_TAKEN = 'An organisation with this number is already registered'

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    orgNumber: row.org_number,
    name: row.name,
    kind: row.kind,
    municipalityNumber: row.municipality_number,
    countyNumber: row.county_number,
    languageForm: row.language_form,
    sample: row.sample,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

export async function findOrganisation(db: Db, id: string) {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toOrganisation(row)
}

/** Organisations by name, a page at a time; the cursor is the last name and id seen. */
export async function listOrganisations(
  db: Db,
  query: {
    kind?: Organisation['kind']
    county?: string
    orgNumber?: string
    limit: number
    after?: [string, string]
  }
) {
  let q = db.selectFrom('organisations').selectAll()
  if (query.kind) q = q.where('kind', '=', query.kind)
  if (query.county) q = q.where('county_number', '=', query.county)
  if (query.orgNumber) q = q.where('org_number', '=', query.orgNumber)
  if (query.after) {
    const [name, id] = query.after
    q = q.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(name, id)))
  }
  const rows = await q
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute()
  return { rows: rows.slice(0, query.limit).map(toOrganisation), more: rows.length > query.limit }
}

/** Registers an organisation; the org number and municipality must be new and known. */
export async function createOrganisation(
  trx: Db,
  input: OrganisationCreate,
  options: { sample?: boolean; id?: string } = {}
) {
  const errors = []
  const taken = await trx
    .selectFrom('organisations')
    .select('id')
    .where('org_number', '=', input.orgNumber)
    .executeTakeFirst()
  if (taken) errors.push(bodyFieldError(['orgNumber'], 'taken', ORG_NUMBER_TAKEN))
  if (input.municipalityNumber) {
    const known = await trx
      .selectFrom('municipalities')
      .select('number')
      .where('number', '=', input.municipalityNumber)
      .executeTakeFirst()
    if (!known)
      errors.push(
        bodyFieldError(
          ['municipalityNumber'],
          'not_found',
          'No municipality with this number in 2024'
        )
      )
  } else if (input.countyNumber) {
    const known = await trx
      .selectFrom('counties')
      .select('number')
      .where('number', '=', input.countyNumber)
      .executeTakeFirst()
    if (!known)
      errors.push(
        bodyFieldError(['countyNumber'], 'not_found', 'No county with this number in 2024')
      )
  }
  if (errors.length) throw validationFailed(errors)
  const row = await trx
    .insertInto('organisations')
    .values({
      ...(options.id ? { id: options.id } : {}),
      org_number: input.orgNumber,
      name: input.name,
      kind: input.kind,
      municipality_number: input.municipalityNumber ?? null,
      county_number: input.countyNumber ?? input.municipalityNumber?.slice(0, 2) ?? null,
      language_form: input.languageForm,
      sample: options.sample ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error) => {
      // Another request registered the same number between the check above and this insert.
      if (!isUniqueViolation(error, 'organisations_org_number_key')) throw error
      throw validationFailed([bodyFieldError(['orgNumber'], 'taken', ORG_NUMBER_TAKEN)])
    })
  return toOrganisation(row)
}
