import { readFileSync } from 'node:fs'
import type { Kysely } from 'kysely'
import type { Database } from '../schema/database.ts'

/** Attribution for the municipality and county facts (CC BY 4.0), to show wherever they are. */
export const GEO_ATTRIBUTION = 'Kartgrunnlag: © Kartverket (CC BY 4.0)'

interface MunicipalityFact {
  number: string
  name: string
  countyNumber: string
  countyName: string
  lon: number
  lat: number
}

/** The 357 municipalities of 2024 from `municipalities-2024.csv` (Kartverket, CC BY 4.0). */
export function readMunicipalities(): MunicipalityFact[] {
  const text = readFileSync(new URL('./municipalities-2024.csv', import.meta.url), 'utf8')
  const [header, ...lines] = text.trim().split(/\r?\n/)
  if (header !== 'municipality_number,name,county_number,county_name,lon,lat') {
    throw new Error(`Unexpected header in municipalities-2024.csv: ${header}`)
  }
  return lines.map((line) => {
    const cells = line.split(',')
    if (cells.length !== 6) throw new Error(`Unexpected row in municipalities-2024.csv: ${line}`)
    const [number, name, countyNumber, countyName, lon, lat] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    return { number, name, countyNumber, countyName, lon: Number(lon), lat: Number(lat) }
  })
}

/**
 * Loads the counties and municipalities. Idempotent and safe to run from several processes at
 * once (inserts that find a row already there leave it).
 */
export async function loadReferenceData(db: Kysely<Database>) {
  const municipalities = readMunicipalities()
  const counties = new Map(municipalities.map((m) => [m.countyNumber, m.countyName]))
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('counties')
      .values([...counties].map(([number, name]) => ({ number, name })))
      .onConflict((oc) => oc.column('number').doNothing())
      .execute()
    await trx
      .insertInto('municipalities')
      .values(
        municipalities.map((m) => ({
          number: m.number,
          name: m.name,
          county_number: m.countyNumber,
          lon: m.lon,
          lat: m.lat,
        }))
      )
      .onConflict((oc) => oc.column('number').doNothing())
      .execute()
  })
  return { counties: counties.size, municipalities: municipalities.length }
}
