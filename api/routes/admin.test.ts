import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memberActor } from '../actor.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'

describe.each(DIALECTS)('members, users, unpublishing and personal data on %s', (dialect) => {
  let t: TestApp
  const osloAdmin = () =>
    memberActor(
      { id: t.oslo.userId, name: 'Olav Oslo' },
      t.oslo.organisationId as string,
      'org_admin'
    )
  const osloOrg = () => t.oslo.organisationId as string

  beforeAll(async () => {
    t = await createTestApp(dialect)
    await t.db
      .insertInto('memberships')
      .values([
        { user_id: t.oslo.userId, organisation_id: osloOrg(), role: 'org_admin' },
        {
          user_id: t.bergen.userId,
          organisation_id: t.bergen.organisationId as string,
          role: 'org_admin',
        },
      ])
      .execute()
  })
  afterAll(() => t.destroy())

  it("lets an organisation's admin manage its members, and nobody else", async () => {
    t.actAs(osloAdmin())
    const added = await t.request(`organisations/${osloOrg()}/members`, {
      method: 'POST',
      json: { email: 'Ny.Ansatt@Oslo.Example', name: 'Ny Ansatt' },
    })
    expect(added.status).toBe(201)
    const members = (await added.json()).items
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      ['ny.ansatt@oslo.example', 'member'],
      ['oslo@test.example', 'org_admin'],
    ])
    const newcomer = members.find(
      (m: { email: string }) => m.email === 'ny.ansatt@oslo.example'
    ).userId
    expect(
      (
        await t.request(`organisations/${osloOrg()}/members`, {
          method: 'POST',
          json: { email: 'ny.ansatt@oslo.example', name: 'Ny Ansatt' },
        })
      ).status
    ).toBe(409)

    // The last administrator cannot step down.
    const stepDown = await t.request(`organisations/${osloOrg()}/members/${t.oslo.userId}`, {
      method: 'PATCH',
      json: { role: 'member' },
    })
    expect(stepDown.status).toBe(409)
    expect((await stepDown.json()).code).toBe('last_admin')

    for (const outsider of [
      t.oslo,
      t.bergen,
      memberActor(
        { id: t.bergen.userId, name: 'B' },
        t.bergen.organisationId as string,
        'org_admin'
      ),
    ]) {
      t.actAs(outsider)
      expect((await t.request(`organisations/${osloOrg()}/members`)).status).toBe(403)
      const res = await t.request(`organisations/${osloOrg()}/members/${newcomer}`, {
        method: 'PATCH',
        json: { role: 'org_admin' },
      })
      expect(res.status).toBe(403)
      expect(
        (await t.request(`organisations/${osloOrg()}/members/${newcomer}`, { method: 'DELETE' }))
          .status
      ).toBe(403)
    }
    t.actAs(null)
    expect((await t.request(`organisations/${osloOrg()}/members`)).status).toBe(401)

    t.actAs(t.admin)
    expect(
      (
        await t.request(`organisations/${osloOrg()}/members/${newcomer}`, {
          method: 'PATCH',
          json: { role: 'org_admin' },
        })
      ).status
    ).toBe(200)
    t.actAs(osloAdmin())
    expect(
      (await t.request(`organisations/${osloOrg()}/members/${newcomer}`, { method: 'DELETE' }))
        .status
    ).toBe(204)
    const after = await (await t.request(`organisations/${osloOrg()}/members`)).json()
    expect(after.items.map((m: { email: string }) => m.email)).toEqual(['oslo@test.example'])
    t.actAs(t.oslo)
  })

  it('lets only a system administrator unpublish, with the reason in the log', async () => {
    const pilot = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title: 'Skal avpubliseres' }) })
    ).json()
    const body = { reason: 'Inneholdt personopplysninger i sammendraget' }
    const asOwner = await t.request(`pilots/${pilot.id}/unpublish`, {
      method: 'POST',
      headers: { 'If-Match': '"1"' },
      json: body,
    })
    expect(asOwner.status).toBe(403)
    t.actAs(t.admin)
    const noReason = await t.request(`pilots/${pilot.id}/unpublish`, {
      method: 'POST',
      headers: { 'If-Match': '"1"' },
      json: {},
    })
    expect(noReason.status).toBe(400)
    const done = await t.request(`pilots/${pilot.id}/unpublish`, {
      method: 'POST',
      headers: { 'If-Match': '"1"' },
      json: body,
    })
    expect(done.status).toBe(200)
    t.actAs(null)
    expect((await t.request(`pilots/${pilot.id}`)).status).toBe(404)
    t.actAs(t.oslo)
    const events = await (await t.request(`pilots/${pilot.id}/events`)).json()
    expect(events.items.at(-1)).toMatchObject({
      type: 'pilot_unpublished',
      data: body,
      actor: { name: 'Ada Admin' },
      diff: { visibility: { from: 'published', to: 'draft' } },
    })
  })

  it('lets a system administrator see and erase what is held on one person', async () => {
    const pilot = await (
      await t.request('pilots', {
        method: 'POST',
        json: pilotBody({
          title: 'Med kontaktperson',
          contacts: [
            {
              name: 'Siri Slett',
              email: 'siri@example.no',
              phone: '+47 11 22 33 44',
              showPublicly: true,
            },
          ],
        }),
      })
    ).json()
    t.actAs(t.oslo)
    expect((await t.request('personal-data?email=siri@example.no')).status).toBe(403)
    t.actAs(t.admin)
    const held = await (await t.request('personal-data?email=siri@example.no')).json()
    expect(held).toMatchObject({
      user: null,
      contactOf: [{ pilotId: pilot.id, name: 'Siri Slett', phone: '+47 11 22 33 44' }],
    })
    const erased = await t.request('personal-data?email=siri@example.no', { method: 'DELETE' })
    expect(await erased.json()).toEqual({ contactsRemoved: 1, accountAnonymised: false })

    const person = await t.request('personal-data?email=oslo@test.example', { method: 'DELETE' })
    expect(await person.json()).toEqual({ contactsRemoved: 0, accountAnonymised: true })
    const gone = await (await t.request('personal-data?email=oslo@test.example')).json()
    expect(gone.user).toBeNull()
    t.actAs(null)
    const read = await (await t.request(`pilots/${pilot.id}`)).json()
    expect(JSON.stringify(read)).not.toContain('siri@example.no')
    const events = await (await t.request(`pilots/${pilot.id}/events`)).json()
    expect(JSON.stringify(events)).not.toContain('Siri')
    t.actAs(t.oslo)
  })
})
