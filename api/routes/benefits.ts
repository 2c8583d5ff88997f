import { createRoute, z } from '@hono/zod-openapi'
import {
  Benefit,
  BenefitCreate,
  BenefitLedger,
  BenefitPatch,
  BenefitStatsQuery,
  BenefitTotals,
} from '../../schema/benefit.ts'
import { Uuid } from '../../schema/common.ts'
import type { Actor } from '../actor.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import type { Db } from '../db.ts'
import { requireActor } from '../http/actor.ts'
import { etagOf, optionalIfMatch, requireIfMatch } from '../http/etag.ts'
import { applyWriteHeaders, idempotentWrite } from '../http/idempotency.ts'
import {
  ETagHeader,
  IdempotencyHeaders,
  IdParams,
  IfMatchHeaders,
  jsonBody,
  jsonResponse,
  problems,
} from '../http/openapi.ts'
import { inTransaction } from '../http/retry.ts'
import { notFound } from '../problem.ts'
import { findAdoption } from '../queries/adoptions.ts'
import {
  addBenefit,
  type BenefitOwner,
  benefitTotals,
  listBenefits,
  removeBenefit,
  updateBenefit,
} from '../queries/benefits.ts'
import { visiblePilot } from '../queries/pilots.ts'

const BenefitParams = z.object({ id: Uuid, benefitId: Uuid })

/** A record that keeps a benefits ledger: a pilot (its own) or an adoption (the adopter's local one). */
interface LedgerKind {
  /** The owner's path, as `/pilots` in `/pilots/{id}/benefits`. */
  collection: string
  /** The owner as problems and summaries name it. */
  what: string
  ledger: string
  owner(id: string): BenefitOwner
  /** The owner's version if the viewer may see it. */
  find(db: Db, id: string, viewer: Actor | null): Promise<{ version: number } | undefined>
}

const LEDGERS: LedgerKind[] = [
  {
    collection: '/pilots',
    what: 'pilot',
    ledger:
      "A pilot's own benefits ledger (gevinstrealisering); its adopters' local ones are not in it",
    owner: (pilotId) => ({ pilotId }),
    find: visiblePilot,
  },
  {
    collection: '/adoptions',
    what: 'adoption',
    ledger: "An adoption's local benefits: what the adopting organisation planned and realised",
    owner: (adoptionId) => ({ adoptionId }),
    find: findAdoption,
  },
]

/** The four routes of one kind of ledger; every write is a versioned change of the owner. */
function ledgerRoutes({ db, clock }: AppDeps, kind: LedgerKind) {
  const capital = `The ${kind.what}`
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: `${kind.collection}/{id}/benefits`,
        tags: ['benefits'],
        summary: `${kind.ledger}, with totals per kind and unit`,
        request: { params: IdParams },
        responses: {
          200: jsonResponse(BenefitLedger, `The benefits, in order, and their totals`, true),
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const found = await kind.find(db, id, c.get('actor'))
        if (!found) throw notFound(capital)
        const [items, totals] = await Promise.all([
          listBenefits(db, kind.owner(id)),
          benefitTotals(db, kind.owner(id)),
        ])
        c.header('ETag', etagOf(found.version))
        return c.json({ items, nextCursor: null as string | null, totals }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: `${kind.collection}/{id}/benefits`,
        tags: ['benefits'],
        summary: `Add a benefit (If-Match with the ${kind.what} ETag is honoured when sent)`,
        request: {
          params: IdParams,
          headers: IdempotencyHeaders.extend(IfMatchHeaders.shape),
          body: jsonBody(BenefitCreate),
        },
        responses: {
          201: {
            ...jsonResponse(Benefit, `Added; the ETag is the ${kind.what}'s new version`),
            headers: ETagHeader,
          },
          ...problems(400, 401, 403, 404, 412, 413, 415, 422),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = optionalIfMatch(c)
        const { id } = c.req.valid('param')
        const input = c.req.valid('json')
        const result = await idempotentWrite(db, c, actor, input, async (trx) => {
          const { benefit, version } = await addBenefit(
            trx,
            kind.owner(id),
            input,
            actor,
            expected,
            clock?.()
          )
          return {
            status: 201,
            body: benefit,
            headers: {
              ETag: etagOf(version),
              Location: `/api/v1${kind.collection}/${id}/benefits/${benefit.id}`,
            },
          }
        })
        applyWriteHeaders(c, result)
        return c.json(result.body as Benefit, 201)
      }
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: `${kind.collection}/{id}/benefits/{benefitId}`,
        tags: ['benefits'],
        summary: `Change a benefit (If-Match: the ${kind.what} ETag)`,
        request: { params: BenefitParams, headers: IfMatchHeaders, body: jsonBody(BenefitPatch) },
        responses: {
          200: { ...jsonResponse(Benefit, 'The benefit as it now is'), headers: ETagHeader },
          ...problems(400, 401, 403, 404, 412, 413, 415, 422, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id, benefitId } = c.req.valid('param')
        const patch = c.req.valid('json')
        const { benefit, version } = await inTransaction(db, (trx) =>
          updateBenefit(trx, kind.owner(id), benefitId, patch, actor, expected, clock?.())
        )
        c.header('ETag', etagOf(version))
        return c.json(benefit, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: `${kind.collection}/{id}/benefits/{benefitId}`,
        tags: ['benefits'],
        summary: `Remove a benefit (If-Match: the ${kind.what} ETag)`,
        request: { params: BenefitParams, headers: IfMatchHeaders },
        responses: {
          204: { description: 'Removed', headers: ETagHeader },
          ...problems(400, 401, 403, 404, 412, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id, benefitId } = c.req.valid('param')
        const version = await inTransaction(db, (trx) =>
          removeBenefit(trx, kind.owner(id), benefitId, actor, expected, clock?.())
        )
        c.header('ETag', etagOf(version))
        return c.body(null, 204)
      }
    )
}

export function benefitRoutes(deps: AppDeps) {
  const router = createRouter()
  for (const kind of LEDGERS) router.route('/', ledgerRoutes(deps, kind))
  return router.openapi(
    createRoute({
      method: 'get',
      path: '/stats/benefits',
      tags: ['stats'],
      summary:
        "Benefit totals over published pilots, their own and their adopters' local ones: national, or for an organisation or a county",
      request: { query: BenefitStatsQuery },
      responses: {
        200: jsonResponse(BenefitTotals, 'Sums per kind and unit, split by bearer and beneficiary'),
        ...problems(400),
      },
    }),
    async (c) => {
      const { scope, org, county } = c.req.valid('query')
      return c.json(await benefitTotals(deps.db, { published: true, scope, org, county }), 200)
    }
  )
}
