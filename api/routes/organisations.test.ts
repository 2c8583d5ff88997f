import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DIALECTS, NAV, type TestApp } from '../test/harness.ts'

describe.each(DIALECTS)('organisations and reference data on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
    t.actAs(t.admin)
  })
  afterAll(() => t.destroy())

  it('registers an organisation with a valid org number', async () => {
    const res = await t.request('organisations', { method: 'POST', json: NAV })
    expect(res.status).toBe(201)
    const org = await res.json()
    expect(org).toMatchObject({
      orgNumber: '889640782',
      kind: 'state_agency',
      municipalityNumber: null,
      languageForm: 'nb',
    })
    expect(res.headers.get('Location')).toBe(`/api/v1/organisations/${org.id}`)
    expect(await (await t.request(`organisations/${org.id}`)).json()).toEqual(org)
  })

  it('derives the county of a municipality and refuses one that does not exist', async () => {
    const res = await t.request('organisations', {
      method: 'POST',
      json: {
        orgNumber: '940101808',
        name: 'Tromsø kommune',
        kind: 'municipality',
        municipalityNumber: '5501',
      },
    })
    expect(await res.json()).toMatchObject({ municipalityNumber: '5501', countyNumber: '55' })
    const unknown = await t.request('organisations', {
      method: 'POST',
      json: {
        orgNumber: '942110464',
        name: 'Trondheim kommune',
        kind: 'municipality',
        municipalityNumber: '5099',
      },
    })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).errors[0]).toMatchObject({
      field: 'municipalityNumber',
      code: 'not_found',
    })
  })

  it.each([
    ['a wrong check digit', '958935421', 'orgNumber'],
    ['eight digits', '95893542', 'orgNumber'],
    ['letters', '95893542A', 'orgNumber'],
    ['a number whose check digit would be 10', '100000300', 'orgNumber'],
  ])('refuses an org number with %s', async (_, orgNumber, field) => {
    const res = await t.request('organisations', {
      method: 'POST',
      json: { orgNumber, name: 'Ugyldig AS', kind: 'company' },
    })
    expect(res.status).toBe(400)
    const problem = await res.json()
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([field])
  })

  it('lets only a system administrator register an organisation', async () => {
    t.actAs(t.oslo)
    const member = await t.request('organisations', {
      method: 'POST',
      json: { orgNumber: '974761076', name: 'Skatteetaten', kind: 'state_agency' },
    })
    t.actAs(null)
    const anonymous = await t.request('organisations', {
      method: 'POST',
      json: { orgNumber: '974761076', name: 'Skatteetaten', kind: 'state_agency' },
    })
    t.actAs(t.admin)
    expect(member.status).toBe(403)
    expect((await member.json()).code).toBe('forbidden')
    expect(anonymous.status).toBe(401)
    const list = await (await t.request('organisations?orgNumber=974761076')).json()
    expect(list.items).toEqual([])
  })

  it('refuses a municipality without a municipality number and a duplicate org number', async () => {
    const noNumber = await t.request('organisations', {
      method: 'POST',
      json: { orgNumber: '964965226', name: 'Stavanger kommune', kind: 'municipality' },
    })
    expect((await noNumber.json()).errors[0].field).toBe('municipalityNumber')
    const duplicate = await t.request('organisations', {
      method: 'POST',
      json: { ...NAV, name: 'NAV igjen' },
    })
    expect(duplicate.status).toBe(400)
    expect((await duplicate.json()).errors[0]).toMatchObject({ field: 'orgNumber', code: 'taken' })
  })

  it('lists organisations by name, a page at a time, and filters them', async () => {
    const first = await (await t.request('organisations?limit=2')).json()
    expect(first.items.map((o: { name: string }) => o.name)).toEqual([
      'Arbeids- og velferdsetaten',
      'Bergen kommune',
    ])
    const second = await (
      await t.request(`organisations?limit=2&cursor=${first.nextCursor}`)
    ).json()
    expect(second.items.map((o: { name: string }) => o.name)).toEqual([
      'Oslo kommune',
      'Tromsø kommune',
    ])
    expect(second.nextCursor).toBeNull()
    const inVestland = await (await t.request('organisations?county=46')).json()
    expect(inVestland.items.map((o: { name: string }) => o.name)).toEqual(['Bergen kommune'])
    const byNumber = await (await t.request('organisations?orgNumber=889640782')).json()
    expect(byNumber.items).toHaveLength(1)
  })

  it('serves the 357 municipalities and 15 counties of 2024', async () => {
    const all = await t.request('municipalities')
    expect(all.headers.get('Cache-Control')).toContain('max-age')
    const { items } = await all.json()
    expect(items).toHaveLength(357)
    expect(items.find((m: { number: string }) => m.number === '4601')).toEqual({
      number: '4601',
      name: 'Bergen',
      countyNumber: '46',
      countyName: 'Vestland',
      lon: 5.3887,
      lat: 60.3642,
    })
    const etag = all.headers.get('ETag')
    expect(etag).toMatch(/^W\/"/)
    expect(
      (await t.request('municipalities', { headers: { 'If-None-Match': etag ?? '' } })).status
    ).toBe(304)
    const counties = (await (await t.request('counties')).json()).items
    expect(counties).toHaveLength(15)
    const inTroms = (await (await t.request('municipalities?county=55')).json()).items
    expect(inTroms.length).toBeGreaterThan(10)
    expect(inTroms.every((m: { countyNumber: string }) => m.countyNumber === '55')).toBe(true)
  })
})
