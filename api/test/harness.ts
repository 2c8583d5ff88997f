import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { loadReferenceData } from '../../seeds/reference.ts'
import { type Actor, memberActor } from '../actor.ts'
import { createApp } from '../app.ts'
import { credentialsResolver } from '../auth/resolve.ts'
import { createDb, type Db } from '../db.ts'
import { createLogger } from '../logger.ts'
import { migrateToLatest } from '../migrate.ts'

/** The session rules the tests run under: 30 minutes idle, 12 hours at most. */
const SESSION_POLICY = { idleMinutes: 30, maxHours: 12 }

/** Every API test runs against each of these, as Kysely runs its suite for every dialect. */
export const DIALECTS = (process.env.TEST_DIALECTS ?? 'pglite,postgres')
  .split(',')
  .map((d) => d.trim()) as ('pglite' | 'postgres')[]

/** The PostgreSQL server the tests create their throwaway databases on. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  db: Db
  url: string | undefined
  destroy(): Promise<void>
}

/** A new, empty, unmigrated database: in-memory PGlite, or a fresh database on the PostgreSQL server. */
export async function createEmptyDatabase(dialect: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (dialect === 'pglite') {
    const db = createDb({ dataDir: 'memory://' })
    return { db, url: undefined, destroy: () => db.destroy() }
  }
  const name = `fr_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${name}`)
  const url = new URL(TEST_POSTGRES_URL)
  url.pathname = `/${name}`
  const db = createDb({ databaseUrl: url.toString(), dataDir: 'unused', maxConnections: 20 })
  return {
    db,
    url: url.toString(),
    async destroy() {
      await db.destroy()
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

/** A migrated database with the reference data. */
export async function createTestDatabase(dialect: 'pglite' | 'postgres'): Promise<TestDatabase> {
  const test = await createEmptyDatabase(dialect)
  await migrateToLatest(test.db)
  await loadReferenceData(test.db)
  return test
}

// Real organisation numbers (valid mod-11), for fixtures.
export const OSLO = {
  orgNumber: '958935420',
  name: 'Oslo kommune',
  kind: 'municipality',
  municipalityNumber: '0301',
} as const
export const BERGEN = {
  orgNumber: '964338531',
  name: 'Bergen kommune',
  kind: 'municipality',
  municipalityNumber: '4601',
} as const
export const NAV = {
  orgNumber: '889640782',
  name: 'Arbeids- og velferdsetaten',
  kind: 'state_agency',
} as const

export interface TestApp {
  db: Db
  /** The PostgreSQL URL of the app's database (undefined on PGlite). */
  url: string | undefined
  app: ReturnType<typeof createApp>
  /** The members of two organisations, and who is acting now (null: anonymous). */
  oslo: Actor
  bergen: Actor
  /** A system administrator who belongs to no organisation. */
  admin: Actor
  actAs(actor: Actor | null): void
  /** Fixes the app's clock at an instant (null: the real time again). */
  setNow(now: Date | null): void
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>
  /** Registers an organisation as the system administrator; returns its id. */
  createOrganisation(body: Record<string, unknown>): Promise<string>
  destroy(): Promise<void>
}

/** The app over a fresh database with two municipalities and a member of each; acting as Oslo. */
export async function createTestApp(
  dialect: 'pglite' | 'postgres',
  options: {
    bodyLimit?: number
    realAuth?: boolean
    limits?: { tokenRequestsPerMinute: number; failedTokensPerMinute: number }
  } = {}
): Promise<TestApp> {
  const test = await createTestDatabase(dialect)
  const { db } = test
  const orgs = await db
    .insertInto('organisations')
    .values(
      [OSLO, BERGEN].map((o) => ({
        org_number: o.orgNumber,
        name: o.name,
        kind: o.kind,
        municipality_number: o.municipalityNumber,
        county_number: o.municipalityNumber.slice(0, 2),
        language_form: 'nb' as const,
      }))
    )
    .returning(['id', 'org_number'])
    .execute()
  const users = await db
    .insertInto('users')
    .values([
      { email: 'oslo@test.example', name: 'Olav Oslo' },
      { email: 'bergen@test.example', name: 'Berit Bergen' },
      { email: 'admin@test.example', name: 'Ada Admin', system_admin: true },
    ])
    .returning(['id', 'name'])
    .execute()
  const orgId = (n: string) => orgs.find((o) => o.org_number === n)?.id ?? ''
  const oslo: Actor = memberActor(
    { id: users[0]?.id ?? '', name: 'Olav Oslo' },
    orgId(OSLO.orgNumber)
  )
  const bergen: Actor = memberActor(
    { id: users[1]?.id ?? '', name: 'Berit Bergen' },
    orgId(BERGEN.orgNumber)
  )
  const admin: Actor = {
    ...memberActor({ id: users[2]?.id ?? '', name: 'Ada Admin' }, ''),
    organisationId: null,
    memberships: [],
    systemAdmin: true,
  }
  let current: Actor | null = oslo
  let fixedNow: Date | null = null
  const app = createApp({
    clock: () => fixedNow ?? new Date(),
    db,
    config: {
      bodyLimit: options.bodyLimit ?? 1_000_000,
      env: 'test',
      session: SESSION_POLICY,
    },
    logger: createLogger({ logLevel: (process.env.TEST_LOG_LEVEL as 'silent') ?? 'silent' }),
    // With realAuth, who acts comes from the session cookie or API token, as in production.
    resolveActor: options.realAuth
      ? credentialsResolver({
          db,
          env: 'test',
          policy: SESSION_POLICY,
          clock: () => fixedNow ?? new Date(),
          limits: options.limits,
        })
      : Object.assign(async () => current, {
          // Acting as someone needs no credential here: only the public is the public.
          isPublic: () => current === null,
        }),
  })
  const request: TestApp['request'] = (path, init = {}) => {
    const { json, headers, ...rest } = init
    const h = new Headers(headers)
    if (json !== undefined && !h.has('Content-Type')) h.set('Content-Type', 'application/json')
    // As a browser on the registry's own pages would send it; tests of other origins set their own.
    if (rest.method && rest.method !== 'GET' && !h.has('Origin'))
      h.set('Origin', 'http://localhost')
    return Promise.resolve(
      app.request(path.startsWith('/') ? path : `/api/v1/${path}`, {
        ...rest,
        headers: h,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      })
    )
  }
  return {
    db,
    url: test.url,
    app,
    oslo,
    bergen,
    admin,
    actAs(actor) {
      current = actor
    },
    setNow(now) {
      fixedNow = now
    },
    request,
    async createOrganisation(body) {
      const before = current
      current = admin
      try {
        const res = await request('organisations', { method: 'POST', json: body })
        if (res.status !== 201) throw new Error(`organisation not created: ${await res.text()}`)
        return (await res.json()).id
      } finally {
        current = before
      }
    },
    destroy: test.destroy,
  }
}

/** A pilot body that passes validation, with a primary metric ready for `planned`. */
export function pilotBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Digital hjemmeoppfølging av kronisk syke',
    summary: 'Pasienter måler selv og sykepleier følger opp digitalt.',
    problem: 'Mange innleggelser som kunne vært unngått.',
    hypothesis:
      'Hvis vi følger opp digitalt, så vil færre bli innlagt, målt ved innleggelser per år.',
    innovationType: 'service',
    serviceArea: 'health_care',
    evaluationMethod: 'before_after',
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    visibility: 'published',
    tags: ['velferdsteknologi'],
    metrics: [
      {
        name: 'Innleggelser per år',
        unit: 'antall',
        direction: 'decrease',
        baseline: 120,
        target: 90,
        primary: true,
      },
    ],
    ...overrides,
  }
}
