import type { Db } from '../api/db.ts'
import type { OrganisationKind } from '../schema/enums.ts'
import { MUNICIPAL_ORGANISATIONS } from './municipal-organisations.ts'
import { NATIONAL_ORGANISATIONS } from './national-organisations.ts'
import { stableUuid } from './prng.ts'

/** A real organisation as the seeds use it: its number, name and place. */
export interface RealOrganisation {
  /** The id it gets when the seeds register it (stable, so every run gives the same data). */
  id: string
  orgNumber: string
  name: string
  kind: OrganisationKind
  municipalityNumber?: string
  countyNumber?: string
}

/** Every real organisation the seeds know: the municipalities, then agencies and health trusts. */
export const REAL_ORGANISATIONS: readonly RealOrganisation[] = [
  ...MUNICIPAL_ORGANISATIONS.map(([orgNumber, municipalityNumber, name], i) => ({
    id: stableUuid('0b000000', i + 1),
    orgNumber,
    name,
    kind: 'municipality' as const,
    municipalityNumber,
    countyNumber: municipalityNumber.slice(0, 2),
  })),
  ...NATIONAL_ORGANISATIONS.map((o, i) => ({
    ...o,
    id: stableUuid('0c000000', i + 1),
    countyNumber: o.countyNumber ?? o.municipalityNumber?.slice(0, 2),
  })),
]

/** A real organisation by its number; throws for one the seeds do not know. */
export function realOrganisation(orgNumber: string): RealOrganisation {
  const found = REAL_ORGANISATIONS.find((o) => o.orgNumber === orgNumber)
  if (!found) throw new Error(`Not a known real organisation: ${orgNumber}`)
  return found
}

/**
 * Registers the real organisations in one statement; one already registered (by number) keeps
 * its row. Answers every one's id by organisation number.
 */
export async function registerRealOrganisations(db: Db): Promise<Map<string, string>> {
  await db
    .insertInto('organisations')
    .values(
      REAL_ORGANISATIONS.map((o) => ({
        id: o.id,
        org_number: o.orgNumber,
        name: o.name,
        kind: o.kind,
        municipality_number: o.municipalityNumber ?? null,
        county_number: o.countyNumber ?? null,
        language_form: 'nb' as const,
        created_at: new Date('2026-01-01T08:00:00Z'),
        updated_at: new Date('2026-01-01T08:00:00Z'),
      }))
    )
    .onConflict((oc) => oc.column('org_number').doNothing())
    .execute()
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'org_number'])
    .where(
      'org_number',
      'in',
      REAL_ORGANISATIONS.map((o) => o.orgNumber)
    )
    .execute()
  return new Map(rows.map((r) => [r.org_number, r.id]))
}
