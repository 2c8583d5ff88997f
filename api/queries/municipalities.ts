import type { County, Municipality } from '../../schema/municipality.ts'
import type { Db } from '../db.ts'

/** The municipalities of 2024, by number, optionally of one county. */
export async function listMunicipalities(db: Db, county?: string): Promise<Municipality[]> {
  let q = db
    .selectFrom('municipalities as m')
    .innerJoin('counties as c', 'c.number', 'm.county_number')
    .select([
      'm.number',
      'm.name',
      'm.county_number as countyNumber',
      'c.name as countyName',
      'm.lon',
      'm.lat',
    ])
  if (county) q = q.where('m.county_number', '=', county)
  return q.orderBy('m.number').execute()
}

/** The counties of 2024, by number. */
export async function listCounties(db: Db): Promise<County[]> {
  return db.selectFrom('counties').select(['number', 'name']).orderBy('number').execute()
}
