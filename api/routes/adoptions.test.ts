import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Actor, memberActor } from '../actor.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

describe.each(DIALECTS)('adoptions, lineage and copying on %s', (dialect) => {
  let t: TestApp
  const members: Record<string, Actor> = {}
  let originId: string

  beforeAll(async () => {
    t = await createTestApp(dialect)
    t.setNow(new Date('2026-06-15T10:00:00Z'))
    members.oslo = t.oslo
    members.bergen = t.bergen
    for (const [key, org] of [
      [
        'tromso',
        {
          orgNumber: '940101808',
          name: 'Tromsø kommune',
          kind: 'municipality',
          municipalityNumber: '5501',
        },
      ],
      [
        'trondheim',
        {
          orgNumber: '942110464',
          name: 'Trondheim kommune',
          kind: 'municipality',
          municipalityNumber: '5001',
        },
      ],
      [
        'stavanger',
        {
          orgNumber: '964965226',
          name: 'Stavanger kommune',
          kind: 'municipality',
          municipalityNumber: '1103',
        },
      ],
    ] as const) {
      const created = { id: await t.createOrganisation(org) }
      members[key] = memberActor({ id: t.oslo.userId, name: `Medlem ${org.name}` }, created.id)
    }
    const origin = await t.request('pilots', {
      method: 'POST',
      json: pilotBody({
        title: 'Digitalt tilsyn om natten',
        availableToAdvise: true,
        contacts: [
          {
            name: 'Kari Nordmann',
            email: 'kari@example.no',
            phone: '+47 00 00 00 01',
            role: 'Prosjektleder',
          },
        ],
        evaluationPlan: 'Før-og-etter-måling i to soner',
      }),
    })
    originId = (await origin.json()).id
  })
  afterAll(() => t.destroy())

  /** Runs `act` as `member` (null: anonymous), then acts as Oslo again. */
  async function as<T>(member: Actor | null, act: () => Promise<T>): Promise<T> {
    t.actAs(member)
    try {
      return await act()
    } finally {
      t.actAs(t.oslo)
    }
  }

  async function adopt(member: Actor, body: Record<string, unknown> = {}) {
    t.actAs(member)
    const res = await t.request(`pilots/${originId}/adoptions`, { method: 'POST', json: body })
    t.actAs(t.oslo)
    return res
  }

  it('returns a chain of adoptions A → B → C → D as lineage, and refuses a cycle', async () => {
    const bergen = await (
      await adopt(members.bergen as Actor, { status: 'adopted', adoptedOn: '2025-01-10' })
    ).json()
    const tromso = await (
      await adopt(members.tromso as Actor, {
        status: 'trialling',
        learnedFromAdoptionId: bergen.id,
      })
    ).json()
    const trondheim = await (
      await adopt(members.trondheim as Actor, {
        degree: 'adapted',
        learnedFromAdoptionId: tromso.id,
      })
    ).json()
    const stavanger = await adopt(members.stavanger as Actor, {
      degree: 'inspired',
      learnedFromAdoptionId: trondheim.id,
    })
    expect(stavanger.status).toBe(201)
    const last = await stavanger.json()
    expect(last.learnedFrom).toEqual({
      adoptionId: trondheim.id,
      organisationId: members.trondheim?.organisationId,
      organisationName: 'Trondheim kommune',
    })
    expect(tromso).toMatchObject({
      status: 'trialling',
      triallingOn: '2026-06-15',
      interestedOn: null,
    })

    const lineage = await (await t.request(`pilots/${originId}/lineage`)).json()
    expect(lineage.origin).toMatchObject({ pilotId: originId, organisationName: 'Oslo kommune' })
    expect(
      lineage.nodes.map((n: { organisationName: string; depth: number; degree: string }) => [
        n.organisationName,
        n.depth,
        n.degree,
      ])
    ).toEqual([
      ['Bergen kommune', 1, 'copy'],
      ['Tromsø kommune', 2, 'copy'],
      ['Trondheim kommune', 3, 'adapted'],
      ['Stavanger kommune', 4, 'inspired'],
    ])

    // Bergen learning it from Stavanger would close the circle.
    const cycle = await as(members.bergen as Actor, () =>
      t.request(`adoptions/${bergen.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': '"1"' },
        json: { learnedFromAdoptionId: last.id },
      })
    )
    expect(cycle.status).toBe(409)
    expect(await cycle.json()).toMatchObject({
      code: 'lineage_cycle',
      errors: [{ field: 'learnedFromAdoptionId' }],
    })
    const self = await as(members.bergen as Actor, () =>
      t.request(`adoptions/${bergen.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': '"1"' },
        json: { learnedFromAdoptionId: bergen.id },
      })
    )
    expect(self.status).toBe(409)
    expect((await (await t.request(`adoptions/${bergen.id}`)).json()).learnedFrom).toBeNull()
  })

  it('keeps one adoption per organisation and refuses adopting your own pilot', async () => {
    const twice = await adopt(members.bergen as Actor)
    expect(twice.status).toBe(409)
    expect((await twice.json()).code).toBe('already_adopted')
    const own = await adopt(t.oslo)
    expect(own.status).toBe(409)
    expect((await own.json()).code).toBe('own_pilot')
  })

  it('records status changes as events with their dates, without touching the origin pilot', async () => {
    const originBefore = await (await t.request(`pilots/${originId}`)).json()
    const { items } = await (await t.request(`pilots/${originId}/adoptions`)).json()
    const tromso = items.find(
      (a: { organisation: { name: string } }) => a.organisation.name === 'Tromsø kommune'
    )
    // Tromsø's member changes Tromsø's adoption.
    const asTromso = (json: Record<string, unknown>, headers: Record<string, string> = {}) =>
      as(members.tromso as Actor, () =>
        t.request(`adoptions/${tromso.id}`, { method: 'PATCH', headers, json })
      )
    const missing = await asTromso({ status: 'adopted' })
    expect(missing.status).toBe(428)
    t.setNow(new Date('2026-09-01T10:00:00Z'))
    const adopted = await asTromso(
      { status: 'adopted', localOutcome: 'successful' },
      { 'If-Match': `"${tromso.version}"` }
    )
    expect(adopted.status).toBe(200)
    expect(adopted.headers.get('ETag')).toBe(`"${tromso.version + 1}"`)
    expect(await adopted.json()).toMatchObject({
      status: 'adopted',
      adoptedOn: '2026-09-01',
      triallingOn: '2026-06-15',
    })
    const stale = await asTromso({ notes: 'x' }, { 'If-Match': `"${tromso.version}"` })
    expect(stale.status).toBe(412)
    const backwards = await asTromso(
      { adoptedOn: '2026-01-01' },
      { 'If-Match': `"${tromso.version + 1}"` }
    )
    expect(backwards.status).toBe(400)
    expect((await backwards.json()).errors[0].field).toBe('adoptedOn')

    const events = await (await t.request(`adoptions/${tromso.id}/events`)).json()
    expect(events.items.map((e: { type: string; version: number }) => [e.type, e.version])).toEqual(
      [
        ['adoption_recorded', 1],
        ['adoption_updated', 2],
      ]
    )
    expect(events.items[1].diff).toEqual({
      status: { from: 'trialling', to: 'adopted' },
      adoptedOn: { from: null, to: '2026-09-01' },
      localOutcome: { from: null, to: 'successful' },
    })
    const originAfter = await (await t.request(`pilots/${originId}`)).json()
    expect(originAfter.version).toBe(originBefore.version)
    // Tried: Bergen (adopted) and Tromsø (trialled, now adopted); both worked.
    expect(originAfter.evidence.replication).toEqual({ tried: 2, succeeded: 2 })
    const timeline = await (await t.request(`pilots/${originId}/events`)).json()
    expect(timeline.items.every((e: { type: string }) => !e.type.startsWith('adoption'))).toBe(true)
  })

  it("lets only the adopting organisation's members change or record its adoption: 403 for others, 401 for the anonymous, nothing changed", async () => {
    const { items } = await (await t.request(`pilots/${originId}/adoptions`)).json()
    const { id } = items.find(
      (a: { organisation: { name: string } }) => a.organisation.name === 'Tromsø kommune'
    )
    const path = `adoptions/${id}`
    const read = async () => {
      const res = await t.request(path)
      expect(res.status).toBe(200)
      return { etag: res.headers.get('ETag'), body: await res.json() }
    }
    const events = async () => (await (await t.request(`${path}/events`)).json()).items
    const row = () =>
      t.db.selectFrom('adoptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const originVersion = async () => (await (await t.request(`pilots/${originId}`)).json()).version
    const before = await read()
    const eventsBefore = await events()
    const rowBefore = await row()
    const originBefore = await originVersion()
    expect(before.etag).toBe(`"${before.body.version}"`)

    // The current ETag, so that only who asks stands in the way.
    const change = { status: 'dropped', localOutcome: 'unsuccessful', notes: 'Ikke deres å endre' }
    const strangers: [string, Actor | null, number, string][] = [
      ["Oslo, the origin pilot's owner", t.oslo, 403, 'forbidden'],
      ['Bergen, another adopter', t.bergen, 403, 'forbidden'],
      ['Trondheim, who learned from Tromsø', members.trondheim as Actor, 403, 'forbidden'],
      ['a system administrator of no organisation', t.admin, 403, 'forbidden'],
      [
        "a read-only token of Tromsø's member",
        { ...(members.tromso as Actor), scopes: ['read'] },
        403,
        'forbidden',
      ],
      ['an anonymous caller', null, 401, 'unauthenticated'],
    ]
    for (const [who, actor, status, code] of strangers) {
      const res = await as(actor, () =>
        t.request(path, {
          method: 'PATCH',
          headers: { 'If-Match': before.etag ?? '' },
          json: change,
        })
      )
      expect(res.status, who).toBe(status)
      expect((await res.json()).code, who).toBe(code)
    }
    expect(await read()).toEqual(before)
    expect(await events()).toEqual(eventsBefore)
    expect(await row()).toEqual(rowBefore)
    expect(await originVersion()).toBe(originBefore)

    // Nor may Oslo record an adoption in Tromsø's name, nor anyone anonymously.
    const bergens = await as(t.bergen, async () => {
      const res = await t.request('pilots', {
        method: 'POST',
        json: pilotBody({ title: 'Bergens forsøk som Tromsø ikke har tatt i bruk' }),
      })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()).id as string
    })
    const inTromsosName = await t.request(`pilots/${bergens}/adoptions`, {
      method: 'POST',
      json: { organisationId: members.tromso?.organisationId, status: 'adopted' },
    })
    expect(inTromsosName.status).toBe(403)
    expect((await inTromsosName.json()).code).toBe('forbidden')
    const anonymous = await as(null, () =>
      t.request(`pilots/${bergens}/adoptions`, {
        method: 'POST',
        json: { organisationId: members.tromso?.organisationId },
      })
    )
    expect(anonymous.status).toBe(401)
    expect(
      await t.db.selectFrom('adoptions').select('id').where('pilot_id', '=', bergens).execute()
    ).toEqual([])

    // The very same change, made by Tromsø's member, goes through.
    const own = await as(members.tromso as Actor, () =>
      t.request(path, {
        method: 'PATCH',
        headers: { 'If-Match': before.etag ?? '' },
        json: change,
      })
    )
    expect(own.status, await own.clone().text()).toBe(200)
    expect(own.headers.get('ETag')).toBe(`"${before.body.version + 1}"`)
    expect(await own.json()).toMatchObject(change)
  })

  it('copies a pilot: a draft local pilot and an adoption, with the advisor shown', async () => {
    const another = await (
      await t.request('pilots', {
        method: 'POST',
        json: pilotBody({
          title: 'Medisindispensere',
          availableToAdvise: true,
          contacts: [{ name: 'Ola Nordmann', email: 'ola@example.no', showPublicly: true }],
        }),
      })
    ).json()
    t.actAs(members.stavanger as Actor)
    const res = await t.request(`pilots/${another.id}/copy`, {
      method: 'POST',
      json: { degree: 'adapted' },
    })
    t.actAs(t.oslo)
    expect(res.status).toBe(201)
    const copy = await res.json()
    expect(res.headers.get('Location')).toBe(`/api/v1/pilots/${copy.localPilot.id}`)
    expect(copy.localPilot).toMatchObject({
      title: 'Medisindispensere',
      hypothesis: another.hypothesis,
      visibility: 'draft',
      stage: 'hypothesis',
      basedOnPilotId: another.id,
      owner: { id: members.stavanger?.organisationId },
      evaluationMethod: 'before_after',
      metrics: [
        expect.objectContaining({
          name: 'Innleggelser per år',
          baseline: null,
          target: 90,
          primary: true,
        }),
      ],
    })
    expect(copy.adoption).toMatchObject({
      pilotId: another.id,
      status: 'interested',
      degree: 'adapted',
      localPilotId: copy.localPilot.id,
    })
    expect(copy.advisor).toEqual({
      name: 'Ola Nordmann',
      email: 'ola@example.no',
      phone: null,
      role: null,
      organisationName: 'Oslo kommune',
    })

    t.actAs(members.stavanger as Actor)
    const twice = await t.request(`pilots/${another.id}/copy`, { method: 'POST', json: {} })
    t.actAs(t.oslo)
    expect(twice.status).toBe(409)
    expect((await twice.json()).code).toBe('already_adopted')
    const own = await t.request(`pilots/${another.id}/copy`, { method: 'POST', json: {} })
    expect(own.status).toBe(409)
    expect((await own.json()).code).toBe('own_pilot')

    const draft = await (
      await t.request('pilots', {
        method: 'POST',
        json: pilotBody({ title: 'Hemmelig utkast', visibility: 'draft' }),
      })
    ).json()
    const ownDraft = await t.request(`pilots/${draft.id}/copy`, { method: 'POST', json: {} })
    expect(ownDraft.status).toBe(409)
    expect((await ownDraft.json()).code).toBe('origin_not_published')
    t.actAs(t.bergen)
    expect((await t.request(`pilots/${draft.id}/copy`, { method: 'POST', json: {} })).status).toBe(
      404
    )
    t.actAs(t.oslo)
  })

  it('creates both records of a copy or neither, when it fails half way', async () => {
    const origin = await (
      await t.request('pilots', {
        method: 'POST',
        json: pilotBody({ title: 'Forsøk som kopieres med feil' }),
      })
    ).json()
    const pilotsBefore = await t.db.selectFrom('pilots').select('id').execute()
    // A fault injected in the database: the adoption insert, after the local pilot, fails.
    await sql`create function fail_adoption() returns trigger language plpgsql as $$
      begin raise exception 'injected fault'; end $$`.execute(t.db)
    await sql`create trigger fail_adoption before insert on adoptions for each row execute function fail_adoption()`.execute(
      t.db
    )
    try {
      t.actAs(t.bergen)
      const res = await t.request(`pilots/${origin.id}/copy`, { method: 'POST', json: {} })
      t.actAs(t.oslo)
      expect(res.status).toBe(500)
      expect((await res.json()).code).toBe('internal_error')
    } finally {
      await sql`drop trigger fail_adoption on adoptions`.execute(t.db)
      await sql`drop function fail_adoption()`.execute(t.db)
    }
    expect((await t.db.selectFrom('pilots').select('id').execute()).length).toBe(
      pilotsBefore.length
    )
    expect(
      await t.db.selectFrom('adoptions').select('id').where('pilot_id', '=', origin.id).execute()
    ).toEqual([])

    t.actAs(t.bergen)
    const retry = await t.request(`pilots/${origin.id}/copy`, { method: 'POST', json: {} })
    t.actAs(t.oslo)
    expect(retry.status).toBe(201)
  })

  it("lists what an organisation took up, oldest first, hiding adoptions of a draft from all but the adopter and the pilot's owner", async () => {
    const kristiansand = await t.createOrganisation({
      orgNumber: '820852982',
      name: 'Kristiansand kommune',
      kind: 'municipality',
      municipalityNumber: '4204',
    })
    const member = memberActor({ id: t.oslo.userId, name: 'Medlem Kristiansand' }, kristiansand)
    const publishedPilot = async (title: string) =>
      (await (await t.request('pilots', { method: 'POST', json: pilotBody({ title }) })).json()).id
    const kept = await publishedPilot('Felles innbyggerdialog')
    const drafted = await publishedPilot('Sensorer i sykehjem')
    const recorded: string[] = []
    for (const [pilotId, at] of [
      [drafted, '2026-10-01T10:00:00Z'],
      [kept, '2026-10-02T10:00:00Z'],
    ] as const) {
      t.setNow(new Date(at))
      const res = await as(member, () =>
        t.request(`pilots/${pilotId}/adoptions`, { method: 'POST', json: { status: 'trialling' } })
      )
      expect(res.status, await res.clone().text()).toBe(201)
      recorded.push((await res.json()).id)
    }
    const list = async (viewer: Actor | null) => {
      const res = await as(viewer, () => t.request(`organisations/${kristiansand}/adoptions`))
      expect(res.status, await res.clone().text()).toBe(200)
      const body = await res.json()
      expect(body.nextCursor).toBeNull()
      return body.items.map((a: { pilotTitle: string }) => a.pilotTitle)
    }
    expect(await list(null)).toEqual(['Sensorer i sykehjem', 'Felles innbyggerdialog'])
    const everything = await (
      await as(null, () => t.request(`organisations/${kristiansand}/adoptions`))
    ).json()
    expect(everything.items[0]).toMatchObject({
      id: recorded[0],
      pilotId: drafted,
      status: 'trialling',
      organisation: { id: kristiansand, name: 'Kristiansand kommune' },
    })

    // Oslo takes one of its pilots back to draft: its adoption is hidden from the public and from
    // other organisations, as GET /adoptions/{id} hides it, and still shown to the adopter and Oslo.
    const etag = (await t.request(`pilots/${drafted}`)).headers.get('ETag') ?? ''
    const draft = await t.request(`pilots/${drafted}`, {
      method: 'PATCH',
      headers: { 'If-Match': etag },
      json: { visibility: 'draft' },
    })
    expect(draft.status, await draft.clone().text()).toBe(200)
    for (const outsider of [null, t.bergen]) {
      expect(await list(outsider)).toEqual(['Felles innbyggerdialog'])
      const one = await as(outsider, () => t.request(`adoptions/${recorded[0]}`))
      expect(one.status).toBe(404)
    }
    for (const insider of [member, t.oslo]) {
      expect(await list(insider)).toEqual(['Sensorer i sykehjem', 'Felles innbyggerdialog'])
    }

    // An organisation that took up nothing (Oslo only owns pilots here); one that does not exist;
    // an id that is none.
    const nothing = await t.request(`organisations/${t.oslo.organisationId}/adoptions`)
    expect(await nothing.json()).toEqual({ items: [], nextCursor: null })
    const unknown = await t.request('organisations/00000000-0000-4000-8000-000000000000/adoptions')
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('Content-Type')).toContain('application/problem+json')
    const bad = await t.request('organisations/not-an-id/adoptions')
    expect(bad.status).toBe(400)
  })
})
