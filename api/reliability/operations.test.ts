import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../seeds/demo-accounts.ts'
import { gate } from '../test/gate.ts'
import { createEmptyDatabase, DIALECTS, pilotBody, type TestDatabase } from '../test/harness.ts'
import { type ServerProcess, startServer } from '../test/server-process.ts'

// Two API processes started at once on one empty PostgreSQL database, as two servers behind a load
// balancer would be: one migrates and loads the sample data, both serve; a session begun on one
// is good on the other, and ended on the other is gone on both; an Idempotency-Key used on one is
// honoured by the other. Then one gets SIGTERM with a request in flight: that request finishes and
// is kept, new connections are refused, the other server carries on, and the process exits 0.

const onPostgres = DIALECTS.includes('postgres') ? describe : describe.skip

onPostgres('two API instances on one database', () => {
  let test: TestDatabase
  let a: ServerProcess
  let b: ServerProcess
  let sql: postgres.Sql

  beforeAll(async () => {
    test = await createEmptyDatabase('postgres')
    const env = { DATABASE_URL: test.url as string, SEED_SAMPLE_DATA: 'true' }
    ;[a, b] = await Promise.all([startServer(env), startServer(env)])
    sql = postgres(test.url as string, { max: 2, onnotice: () => {} })
  }, 180_000)
  afterAll(async () => {
    for (const server of [a, b]) if (server?.child.exitCode === null) server.child.kill('SIGKILL')
    await Promise.all([a?.exit, b?.exit])
    await sql?.end()
    await test?.destroy()
  })

  /** Signs in on `server`; returns the session cookie (`name=value`). */
  async function signIn(server: ServerProcess, email: string) {
    const res = await fetch(server.api('auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    })
    expect(res.status).toBe(200)
    return (res.headers.get('Set-Cookie') ?? '').split(';')[0] as string
  }
  /** A request with the session cookie, from the server's own origin (as the web app sends it). */
  const send = (server: ServerProcess, path: string, cookie: string, init: RequestInit = {}) =>
    fetch(server.api(path), {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        Origin: server.base,
        Cookie: cookie,
        ...(init.headers as Record<string, string>),
      },
    })

  it('migrate and load the sample data exactly once between them', async () => {
    const loaded = [a, b].filter((s) => s.logLines().some((l) => l.msg === 'sample data loaded'))
    expect(loaded).toHaveLength(1)
    const [migrations] = await sql`select count(*)::int as n from kysely_migration`
    const [pilots] = await sql`select count(*)::int as n from pilots where sample`
    expect(pilots?.n).toBeGreaterThanOrEqual(68)
    // Both serve the same registry.
    const pages = await Promise.all(
      [a, b].map(async (s) => {
        const { items } = await (await fetch(s.api('pilots?limit=100'))).json()
        return items.map((p: { id: string }) => p.id).sort()
      })
    )
    expect(pages[0].length).toBeGreaterThan(0)
    expect(pages[1]).toEqual(pages[0])
    expect(migrations?.n).toBeGreaterThan(0)
  })

  it('share sessions: signed in on one, known on the other; signed out on the other, gone on both', async () => {
    const cookie = await signIn(a, 'kommune@demo.example')
    const onB = await send(b, 'auth/me', cookie)
    expect(onB.status).toBe(200)
    expect((await onB.json()).name).toBe('Kari Kommune')
    expect((await send(b, 'auth/logout', cookie, { method: 'POST' })).status).toBeLessThan(300)
    expect((await send(a, 'auth/me', cookie)).status).toBe(401)
    expect((await send(b, 'auth/me', cookie)).status).toBe(401)
  })

  it('share idempotency keys: the same key on the other server gives the same pilot, once', async () => {
    const cookie = await signIn(a, 'kommune@demo.example')
    const body = JSON.stringify(pilotBody({ title: 'Én gang på to tjenere' }))
    const headers = { 'Idempotency-Key': 'to-tjenere-1' }
    const first = await send(a, 'pilots', cookie, { method: 'POST', body, headers })
    expect(first.status).toBe(201)
    const again = await send(b, 'pilots', cookie, { method: 'POST', body, headers })
    expect(again.status).toBe(201)
    expect((await again.json()).id).toBe((await first.json()).id)
    // At once on both, with a new key: still one pilot, and both answers name it.
    const raced = await Promise.all(
      [a, b].map((s) =>
        send(s, 'pilots', cookie, {
          method: 'POST',
          body: JSON.stringify(pilotBody({ title: 'Samtidig på to tjenere' })),
          headers: { 'Idempotency-Key': 'to-tjenere-2' },
        })
      )
    )
    expect(raced.map((r) => r.status).every((s) => s === 201 || s === 409)).toBe(true)
    const created = await sql`
      select title, count(*)::int as n from pilots
      where title in ('Én gang på to tjenere', 'Samtidig på to tjenere') group by title`
    expect(Object.fromEntries(created.map((r) => [r.title, r.n]))).toEqual({
      'Én gang på to tjenere': 1,
      'Samtidig på to tjenere': 1,
    })
  })

  it('finish the request in flight on SIGTERM, refuse new ones, and exit 0 while the other serves on', async () => {
    const cookie = await signIn(a, 'kommune@demo.example')
    const created = await send(a, 'pilots', cookie, {
      method: 'POST',
      body: JSON.stringify(pilotBody({ title: 'Endres under nedstengning' })),
    })
    const { id } = await created.json()
    // Hold the pilot's row so that the edit stays in flight until we let go.
    const locked = gate()
    const letGo = gate()
    const holder = sql.begin(async (trx) => {
      await trx`select id from pilots where id = ${id} for update`
      locked.open()
      await letGo.opened
    })
    await locked.opened
    let answered = false
    const edit = send(a, `pilots/${id}`, cookie, {
      method: 'PATCH',
      body: JSON.stringify({ summary: 'Lagret mens tjeneren stengte' }),
      headers: { 'If-Match': '"1"' },
    }).finally(() => {
      answered = true
    })
    await new Promise((r) => setTimeout(r, 500))
    expect(answered).toBe(false)

    a.child.kill('SIGTERM')
    // New connections are refused once it has stopped listening.
    let refused = false
    for (let i = 0; i < 50 && !refused; i++) {
      refused = await fetch(a.api('health')).then(
        () => false,
        () => true
      )
      if (!refused) await new Promise((r) => setTimeout(r, 100))
    }
    expect(refused).toBe(true)
    expect(answered).toBe(false)
    expect((await fetch(b.api('health'))).status).toBe(200)

    letGo.open()
    await holder
    const res = await edit
    expect(res.status).toBe(200)
    expect((await res.json()).version).toBe(2)
    expect(await a.exit).toBe(0)
    const [row] = await sql`select summary, version from pilots where id = ${id}`
    expect(row).toEqual({ summary: 'Lagret mens tjeneren stengte', version: 2 })
    // The other server sees it too.
    expect((await (await fetch(b.api(`pilots/${id}`))).json()).summary).toBe(
      'Lagret mens tjeneren stengte'
    )
  })
})
