import { sql } from 'kysely'
import type { Scope } from '../actor.ts'
import { hashPassword } from '../auth/passwords.ts'
import { sessionCookieName } from '../auth/resolve.ts'
import { createSession } from '../auth/sessions.ts'
import { createApiToken } from '../auth/tokens.ts'
import { BERGEN, createTestApp, NAV, OSLO, pilotBody, type TestApp } from './harness.ts'

// Real users, memberships, sessions and tokens for the access-control tests: who acts is resolved
// from a cookie or a bearer token exactly as in production, not handed to the app.

export type OrgKey = 'oslo' | 'bergen' | 'nav'
export const ORG_KEYS: OrgKey[] = ['oslo', 'bergen', 'nav']

export interface Account {
  id: string
  email: string
}

export interface UserSpec {
  memberships?: { org: OrgKey; role: 'member' | 'org_admin' }[]
  evaluator?: boolean
  systemAdmin?: boolean
  password?: string
}

/** A request as the tests describe it; `path` is under /api/v1 unless it starts with a slash. */
export interface Call {
  method?: string
  path: string
  json?: unknown
  body?: BodyInit
  headers?: Record<string, string>
}

/** The headers that make a request come from someone; null for the public. */
export type Credentials = Record<string, string> | null

/** A minimal but real PDF document. */
export const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
)

const SESSION_POLICY = { idleMinutes: 30, maxHours: 12 }
const COOKIE = sessionCookieName('test')

export type Fixtures = Awaited<ReturnType<typeof createFixtures>>

/**
 * A registry with three organisations, a member of each who writes the fixtures, and helpers that
 * build pilots, adoptions and their children through the API as their owners would.
 */
export async function createFixtures() {
  const t: TestApp = await createTestApp('pglite', { realAuth: true })
  const nav = await t.db
    .insertInto('organisations')
    .values({ org_number: NAV.orgNumber, name: NAV.name, kind: NAV.kind, language_form: 'nb' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const known = await t.db
    .selectFrom('organisations')
    .select(['id', 'org_number'])
    .where('org_number', 'in', [OSLO.orgNumber, BERGEN.orgNumber])
    .execute()
  const idOf = (n: string) => known.find((o) => o.org_number === n)?.id ?? ''
  const orgs: Record<OrgKey, string> = {
    oslo: idOf(OSLO.orgNumber),
    bergen: idOf(BERGEN.orgNumber),
    nav: nav.id,
  }
  const orgNumbers: Record<OrgKey, string> = {
    oslo: OSLO.orgNumber,
    bergen: BERGEN.orgNumber,
    nav: NAV.orgNumber,
  }
  let serial = 0
  const unique = (stem: string) => `${stem}-${++serial}`

  async function user(spec: UserSpec = {}, name = 'Testbruker'): Promise<Account> {
    const email = `${unique('user')}@test.example`
    const { id } = await t.db
      .insertInto('users')
      .values({
        email,
        name,
        evaluator: spec.evaluator ?? false,
        system_admin: spec.systemAdmin ?? false,
        password_hash: spec.password ? await hashPassword(spec.password) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (spec.memberships?.length) {
      await t.db
        .insertInto('memberships')
        .values(
          spec.memberships.map((m, i) => ({
            user_id: id,
            organisation_id: orgs[m.org],
            role: m.role,
            // The first membership is the one a session acts for by default.
            created_at: new Date(Date.UTC(2025, 0, 1 + i)),
          }))
        )
        .execute()
    }
    return { id, email }
  }

  /** A new session each time, so that a logout or a login in one request spoils no other. */
  async function session(account: Account, organisationId: string | null = null) {
    const token = await createSession(t.db, account.id, organisationId, SESSION_POLICY)
    return { Cookie: `${COOKIE}=${token}` }
  }

  async function apiToken(account: Account, org: OrgKey, scopes: Scope[]) {
    const { secret, token } = await createApiToken(t.db, {
      userId: account.id,
      organisationId: orgs[org],
      name: unique('token'),
      scopes,
      expiresAt: null,
    })
    return { headers: { Authorization: `Bearer ${secret}` }, id: token.id }
  }

  function send(credentials: Credentials, call: Call) {
    const { method = 'GET', path, json, body, headers = {} } = call
    return t.request(path, {
      method,
      headers: { ...headers, ...(credentials ?? {}) },
      ...(json !== undefined ? { json } : {}),
      ...(body !== undefined ? { body } : {}),
    })
  }

  // The member of each organisation who writes its fixtures.
  const writers = {} as Record<OrgKey, Account>
  for (const org of ORG_KEYS) writers[org] = await user({ memberships: [{ org, role: 'member' }] })

  /** Sends as the organisation's writer and insists on the status; returns the JSON body. */
  async function write(org: OrgKey, call: Call, status: number) {
    const res = await send(await session(writers[org], orgs[org]), { method: 'POST', ...call })
    const text = await res.text()
    if (res.status !== status)
      throw new Error(`fixture ${call.method ?? 'POST'} ${call.path}: ${res.status} ${text}`)
    return text ? JSON.parse(text) : undefined
  }

  /** The current strong ETag of a pilot or an adoption, read from the database. */
  async function etag(table: 'pilots' | 'adoptions', id: string) {
    const row = await t.db
      .selectFrom(table)
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    return `"${row.version}"`
  }

  async function assign(pilotId: string, evaluators: Account[]) {
    if (!evaluators.length) return
    await t.db
      .insertInto('pilot_evaluators')
      .values(
        evaluators.map((e) => ({
          pilot_id: pilotId,
          user_id: e.id,
          organisation_id: null,
          assigned_by: null,
          assigned_at: new Date(),
        }))
      )
      .execute()
  }

  /** A pilot of the organisation: published or draft, registered or running, with assigned evaluators. */
  async function pilot(
    owner: OrgKey,
    options: { draft?: boolean; running?: boolean; evaluators?: Account[] } = {}
  ) {
    const created = await write(
      owner,
      {
        path: 'pilots',
        json: pilotBody({
          title: unique('Forsøk'),
          ownerOrgId: orgs[owner],
          visibility: options.draft ? 'draft' : 'published',
        }),
      },
      201
    )
    const id: string = created.id
    if (options.running) {
      await write(
        owner,
        {
          path: `pilots/${id}/transitions`,
          headers: { 'If-Match': '"1"' },
          json: { to: 'planned' },
        },
        200
      )
      await write(
        owner,
        {
          path: `pilots/${id}/transitions`,
          headers: { 'If-Match': '"2"' },
          json: { to: 'running', actualStart: '2026-01-05' },
        },
        200
      )
    }
    await assign(id, options.evaluators ?? [])
    return { id, primaryMetricId: created.metrics[0].id as string }
  }

  const metricBody = () => ({
    name: unique('Brukertilfredshet'),
    unit: 'skår 1–6',
    direction: 'increase',
    primary: false,
  })
  const benefitBody = () => ({
    kind: 'cost_saving_nok',
    description: unique('Spart tid i saksbehandlingen'),
    plannedAnnual: 250_000,
    bearer: 'own_org',
    beneficiary: 'own_org',
  })
  const evaluationBody = () => ({
    kind: 'interim',
    method: 'before_after',
    evidenceLevel: 2,
    summary: 'Foreløpige tall viser færre innleggelser.',
    lessonsLearned: 'Opplæring før oppstart var avgjørende.',
  })

  async function ownerOfPilot(pilotId: string): Promise<OrgKey> {
    const row = await t.db
      .selectFrom('pilots')
      .select('owner_org_id')
      .where('id', '=', pilotId)
      .executeTakeFirstOrThrow()
    return ORG_KEYS.find((k) => orgs[k] === row.owner_org_id) as OrgKey
  }

  async function metric(pilotId: string): Promise<string> {
    const owner = await ownerOfPilot(pilotId)
    return (await write(owner, { path: `pilots/${pilotId}/metrics`, json: metricBody() }, 201)).id
  }

  async function benefit(pilotId: string): Promise<string> {
    const owner = await ownerOfPilot(pilotId)
    return (await write(owner, { path: `pilots/${pilotId}/benefits`, json: benefitBody() }, 201)).id
  }

  async function evaluation(pilotId: string, withReport = false): Promise<string> {
    const owner = await ownerOfPilot(pilotId)
    const { id } = await write(
      owner,
      { path: `pilots/${pilotId}/evaluations`, json: evaluationBody() },
      201
    )
    if (withReport) {
      await write(
        owner,
        {
          method: 'PUT',
          path: `pilots/${pilotId}/evaluations/${id}/report?filename=rapport.pdf`,
          headers: { 'Content-Type': 'application/pdf', 'If-Match': await etag('pilots', pilotId) },
          body: PDF,
        },
        200
      )
    }
    return id
  }

  /** A further evaluator assigned through the API; returns their user id. */
  async function extraEvaluator(pilotId: string): Promise<string> {
    const owner = await ownerOfPilot(pilotId)
    const email = `${unique('evaluator')}@test.example`
    await write(
      owner,
      { path: `pilots/${pilotId}/evaluators`, json: { email, name: 'Eva Evaluering' } },
      201
    )
    const row = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    return row.id
  }

  async function adoption(pilotId: string, by: OrgKey, adoptedOn = '2026-03-01'): Promise<string> {
    return (
      await write(
        by,
        {
          path: `pilots/${pilotId}/adoptions`,
          json: { organisationId: orgs[by], status: 'adopted', adoptedOn },
        },
        201
      )
    ).id
  }

  async function localBenefit(adoptionId: string, by: OrgKey): Promise<string> {
    return (await write(by, { path: `adoptions/${adoptionId}/benefits`, json: benefitBody() }, 201))
      .id
  }

  /** Everything a refused write could have touched, in one value; and the events by one user. */
  async function fingerprint(userId: string) {
    const { rows } = await sql<Record<string, unknown>>`
      select
        (select md5(coalesce(string_agg(concat_ws(':', id, version, visibility, stage, summary), ',' order by id), '')) from pilots) as pilots,
        (select md5(coalesce(string_agg(concat_ws(':', id, version, status, notes), ',' order by id), '')) from adoptions) as adoptions,
        (select md5(coalesce(string_agg(concat_ws(':', id, name, target), ',' order by id), '')) from metrics) as metrics,
        (select md5(coalesce(string_agg(concat_ws(':', id, description, planned_annual, realised_annual), ',' order by id), '')) from benefits) as benefits,
        (select count(*) from events) as events,
        (select count(*) from events where actor_user_id = ${userId}) as own_events,
        (select count(*) from evaluations) as evaluations,
        (select count(*) from evaluation_reports) as reports,
        (select md5(coalesce(string_agg(concat_ws(':', user_id, organisation_id, role), ',' order by user_id, organisation_id), '')) from memberships) as memberships,
        (select count(*) from users) as users,
        (select count(*) from pilot_evaluators) as evaluators`.execute(t.db)
    return rows[0]
  }

  return {
    t,
    fingerprint,
    orgs,
    orgNumbers,
    writers,
    unique,
    user,
    session,
    apiToken,
    send,
    etag,
    assign,
    pilot,
    metric,
    benefit,
    evaluation,
    extraEvaluator,
    adoption,
    localBenefit,
    bodies: { metric: metricBody, benefit: benefitBody, evaluation: evaluationBody },
    destroy: () => t.destroy(),
  }
}
