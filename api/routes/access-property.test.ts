import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Call,
  type Credentials,
  createFixtures,
  type Fixtures,
  ORG_KEYS,
  type OrgKey,
} from '../test/fixtures.ts'

// Random users with random memberships and roles try random writes on records of three
// organisations. Whatever they try, a write by someone the rules do not allow must be refused and
// leave the database as it was. The rules are restated here (DESIGN.md section 2), not imported.
// One dialect (PGlite): the checks are in the code, and a hundred runs stay fast.

const OPERATIONS = [
  'patchPilot',
  'transition',
  'addMetric',
  'addBenefit',
  'recordEvaluation',
  'recordAdoption',
  'patchAdoption',
  'addLocalBenefit',
  'unpublish',
  'addMember',
] as const
type Operation = (typeof OPERATIONS)[number]

type Role = 'member' | 'org_admin' | null
interface UserDraw {
  roles: Record<OrgKey, Role>
  evaluator: boolean
  systemAdmin: boolean
  /** Indexes into the pilot pool the user is assigned to evaluate. */
  assigned: number[]
  credential: 'session' | 'readToken' | 'writeToken'
}

interface PoolPilot {
  id: string
  owner: OrgKey
  draft: boolean
}
interface PoolAdoption {
  id: string
  org: OrgKey
}

/** Someone acting: what they are, and what their credential lets them do. */
interface Actor {
  userId: string
  memberships: Partial<Record<OrgKey, 'member' | 'org_admin'>>
  evaluator: boolean
  systemAdmin: boolean
  assigned: Set<string>
  canWrite: boolean
  credentials: Credentials
  label: string
}

const isMember = (a: Actor, org: OrgKey) => a.memberships[org] !== undefined

const role = fc.constantFrom<Role>(null, null, 'member', 'org_admin')
const userDraw = (pilots: number) =>
  fc.record<UserDraw>({
    roles: fc.record({ oslo: role, bergen: role, nav: role }),
    evaluator: fc.boolean(),
    systemAdmin: fc.constantFrom(false, false, false, true),
    assigned: fc.subarray([...Array(pilots).keys()]),
    credential: fc.constantFrom('session', 'session', 'readToken', 'writeToken'),
  })
const stepDraw = fc.record({
  user: fc.nat(),
  operation: fc.constantFrom(...OPERATIONS),
  target: fc.nat(),
  org: fc.constantFrom(...ORG_KEYS),
})

describe('no write across organisations (property, PGlite)', () => {
  let f: Fixtures
  const pilots: PoolPilot[] = []
  const adoptions: PoolAdoption[] = []

  beforeAll(async () => {
    f = await createFixtures()
    for (const owner of ORG_KEYS) {
      for (const draft of [false, true]) {
        const { id } = await f.pilot(owner, { draft, running: true })
        pilots.push({ id, owner, draft })
      }
    }
    // Each organisation adopts the next one's published pilot.
    for (const [i, org] of ORG_KEYS.entries()) {
      const origin = pilots.find((p) => p.owner === ORG_KEYS[(i + 1) % 3] && !p.draft)
      if (origin) adoptions.push({ id: await f.adoption(origin.id, org), org })
    }
  })
  afterAll(() => f?.destroy())

  /** A user of the draw, signed in as it says (a token belongs to one of their organisations). */
  async function actorOf(draw: UserDraw, n: number): Promise<Actor> {
    const memberships = Object.fromEntries(
      ORG_KEYS.flatMap((org) => (draw.roles[org] ? [[org, draw.roles[org]]] : []))
    ) as Actor['memberships']
    const account = await f.user({
      memberships: Object.entries(memberships).map(([org, r]) => ({ org: org as OrgKey, role: r })),
      evaluator: draw.evaluator,
      systemAdmin: draw.systemAdmin,
    })
    const assigned = draw.assigned.flatMap((i) => (pilots[i] ? [pilots[i]] : []))
    for (const p of assigned) await f.assign(p.id, [account])
    const first = ORG_KEYS.find((org) => memberships[org])
    const token = first && draw.credential !== 'session' ? draw.credential : 'session'
    const credentials =
      token === 'session'
        ? await f.session(account, first ? f.orgs[first] : null)
        : (
            await f.apiToken(
              account,
              first as OrgKey,
              token === 'readToken' ? ['read'] : ['read', 'write']
            )
          ).headers
    return {
      userId: account.id,
      // A token acts only for the organisation it was made for.
      memberships: token === 'session' || !first ? memberships : { [first]: memberships[first] },
      evaluator: draw.evaluator,
      systemAdmin: draw.systemAdmin,
      assigned: new Set(assigned.map((p) => p.id)),
      canWrite: token !== 'readToken',
      credentials,
      label: `user ${n} ${JSON.stringify({ ...draw, credential: token })}`,
    }
  }

  /** The request, and whether the rules allow this actor to make it. */
  async function attempt(
    actor: Actor,
    operation: Operation,
    target: number,
    org: OrgKey
  ): Promise<{ call: Call; allowed: boolean; what: string }> {
    const pilot = pilots[target % pilots.length] as PoolPilot
    const adoption = adoptions[target % adoptions.length] as PoolAdoption
    const ifMatch = async (table: 'pilots' | 'adoptions', id: string) => ({
      'If-Match': await f.etag(table, id),
    })
    const onPilot = (path: string, json: unknown, allowed: boolean) =>
      ifMatch('pilots', pilot.id).then((headers) => ({
        call: { method: 'POST', path: `pilots/${pilot.id}${path}`, json, headers },
        allowed: actor.canWrite && allowed,
        what: `${operation} on ${pilot.owner}'s ${pilot.draft ? 'draft' : 'published'} pilot ${pilot.id}`,
      }))
    const ownerEdits = isMember(actor, pilot.owner)
    switch (operation) {
      case 'patchPilot': {
        const r = await onPilot('', { summary: f.unique('Ny oppsummering') }, ownerEdits)
        return { ...r, call: { ...r.call, method: 'PATCH' } }
      }
      case 'transition': {
        const { stage } = await f.t.db
          .selectFrom('pilots')
          .select('stage')
          .where('id', '=', pilot.id)
          .executeTakeFirstOrThrow()
        const body =
          stage === 'running'
            ? { to: 'evaluating', actualEnd: '2026-06-30' }
            : { to: 'running', reason: 'Forlenget for å få flere målinger' }
        return onPilot('/transitions', body, ownerEdits)
      }
      case 'addMetric':
        return onPilot('/metrics', f.bodies.metric(), ownerEdits)
      case 'addBenefit':
        return onPilot('/benefits', f.bodies.benefit(), ownerEdits)
      case 'recordEvaluation':
        return onPilot(
          '/evaluations',
          f.bodies.evaluation(),
          ownerEdits || (actor.evaluator && actor.assigned.has(pilot.id))
        )
      case 'unpublish':
        return onPilot('/unpublish', { reason: 'Inneholder feil' }, actor.systemAdmin)
      case 'recordAdoption':
        return {
          call: {
            method: 'POST',
            path: `pilots/${pilot.id}/adoptions`,
            json: { organisationId: f.orgs[org], status: 'interested' },
          },
          allowed: actor.canWrite && isMember(actor, org),
          what: `adoption by ${org} of ${pilot.owner}'s pilot ${pilot.id}`,
        }
      case 'patchAdoption':
      case 'addLocalBenefit':
        return {
          call:
            operation === 'patchAdoption'
              ? {
                  method: 'PATCH',
                  path: `adoptions/${adoption.id}`,
                  json: { notes: f.unique('Notat') },
                  headers: await ifMatch('adoptions', adoption.id),
                }
              : {
                  method: 'POST',
                  path: `adoptions/${adoption.id}/benefits`,
                  json: f.bodies.benefit(),
                  headers: await ifMatch('adoptions', adoption.id),
                },
          allowed: actor.canWrite && isMember(actor, adoption.org),
          what: `${operation} on ${adoption.org}'s adoption ${adoption.id}`,
        }
      case 'addMember':
        return {
          call: {
            method: 'POST',
            path: `organisations/${f.orgs[org]}/members`,
            json: { email: `${f.unique('ny')}@test.example`, name: 'Nina Ny', role: 'member' },
          },
          allowed: actor.canWrite && (actor.systemAdmin || actor.memberships[org] === 'org_admin'),
          what: `member added to ${org}`,
        }
      default:
        throw new Error(`unknown operation ${operation satisfies never}`)
    }
  }

  it('refuses every write the rules do not allow, and changes nothing then', async () => {
    // Unpublishing is allowed to system administrators; each run starts from the pool as built.
    const restore = async () => {
      for (const p of pilots)
        await f.t.db
          .updateTable('pilots')
          .set({ visibility: p.draft ? 'draft' : 'published' })
          .where('id', '=', p.id)
          .execute()
    }
    let refused = 0
    let allowed = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(userDraw(pilots.length), { minLength: 1, maxLength: 4 }),
        fc.array(stepDraw, { minLength: 1, maxLength: 5 }),
        async (users, steps) => {
          await restore()
          const actors: Actor[] = []
          for (const [n, draw] of users.entries()) actors.push(await actorOf(draw, n))
          for (const step of steps) {
            const actor = actors[step.user % actors.length] as Actor
            const {
              call,
              allowed: mayWrite,
              what,
            } = await attempt(actor, step.operation, step.target, step.org)
            const before = await f.fingerprint(actor.userId)
            const res = await f.send(actor.credentials, call)
            const where = `${actor.label} → ${what}: ${res.status} ${await res.text()}`
            if (mayWrite) {
              allowed++
              // Business rules may still refuse (409, 404 for a draft it cannot see), never the role.
              expect([401, 403], where).not.toContain(res.status)
            } else {
              refused++
              expect(res.status >= 200 && res.status < 300, where).toBe(false)
              expect(await f.fingerprint(actor.userId), where).toEqual(before)
            }
          }
        }
      ),
      { seed: 20261122, numRuns: 100, endOnFailure: true }
    )
    // The draw must exercise both sides of the rules.
    expect(refused).toBeGreaterThan(100)
    expect(allowed).toBeGreaterThan(20)
  })
})
