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
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { requireActor } from '../http/actor.ts'
import { etagOf, optionalIfMatch, requireIfMatch } from '../http/etag.ts'
import { idempotentWrite } from '../http/idempotency.ts'
import {
  ETagHeader,
  IdempotencyHeaders,
  IfMatchHeaders,
  jsonBody,
  jsonResponse,
  problems,
} from '../http/openapi.ts'
import { notFound } from '../problem.ts'
import {
  addBenefit,
  benefitTotals,
  listBenefits,
  removeBenefit,
  updateBenefit,
} from '../queries/benefits.ts'
import { visiblePilot } from '../queries/pilots.ts'

const PilotParams = z.object({ id: Uuid })
const BenefitParams = z.object({ id: Uuid, benefitId: Uuid })

export function benefitRoutes({ db, clock }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/benefits',
        tags: ['benefits'],
        summary: "A pilot's benefits ledger (gevinstrealisering), with totals per kind and unit",
        request: { params: PilotParams },
        responses: {
          200: jsonResponse(BenefitLedger, 'The benefits, in order, and their totals'),
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const pilot = await visiblePilot(db, id, c.get('actor'))
        if (!pilot) throw notFound('The pilot')
        const [items, totals] = await Promise.all([
          listBenefits(db, id),
          benefitTotals(db, { pilotId: id }),
        ])
        c.header('ETag', etagOf(pilot.version))
        return c.json({ items, nextCursor: null as string | null, totals }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots/{id}/benefits',
        tags: ['benefits'],
        summary: 'Add a benefit (If-Match with the pilot ETag is honoured when sent)',
        request: {
          params: PilotParams,
          headers: IdempotencyHeaders.extend(IfMatchHeaders.shape),
          body: jsonBody(BenefitCreate),
        },
        responses: {
          201: { ...jsonResponse(Benefit, 'Added'), headers: ETagHeader },
          ...problems(400, 401, 404, 412, 413, 415, 422),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = optionalIfMatch(c)
        const { id } = c.req.valid('param')
        const input = c.req.valid('json')
        const result = await idempotentWrite(db, c, actor, input, async (trx) => {
          const { benefit, version } = await addBenefit(trx, id, input, actor, expected, clock?.())
          return {
            status: 201,
            body: benefit,
            headers: {
              ETag: etagOf(version),
              Location: `/api/v1/pilots/${id}/benefits/${benefit.id}`,
            },
          }
        })
        for (const [k, v] of Object.entries(result.headers)) c.header(k, v)
        if (result.replayed) c.header('Idempotent-Replayed', 'true')
        return c.json(result.body as Benefit, 201)
      }
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/pilots/{id}/benefits/{benefitId}',
        tags: ['benefits'],
        summary: 'Change a benefit (If-Match: the pilot ETag)',
        request: { params: BenefitParams, headers: IfMatchHeaders, body: jsonBody(BenefitPatch) },
        responses: {
          200: { ...jsonResponse(Benefit, 'The benefit as it now is'), headers: ETagHeader },
          ...problems(400, 401, 404, 412, 413, 415, 422, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id, benefitId } = c.req.valid('param')
        const patch = c.req.valid('json')
        const { benefit, version } = await db
          .transaction()
          .execute((trx) => updateBenefit(trx, id, benefitId, patch, actor, expected, clock?.()))
        c.header('ETag', etagOf(version))
        return c.json(benefit, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/pilots/{id}/benefits/{benefitId}',
        tags: ['benefits'],
        summary: 'Remove a benefit (If-Match: the pilot ETag)',
        request: { params: BenefitParams, headers: IfMatchHeaders },
        responses: {
          204: { description: 'Removed', headers: ETagHeader },
          ...problems(400, 401, 404, 412, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id, benefitId } = c.req.valid('param')
        const version = await db
          .transaction()
          .execute((trx) => removeBenefit(trx, id, benefitId, actor, expected, clock?.()))
        c.header('ETag', etagOf(version))
        return c.body(null, 204)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/stats/benefits',
        tags: ['stats'],
        summary:
          'Benefit totals over published pilots: national, or for an organisation or a county',
        request: { query: BenefitStatsQuery },
        responses: {
          200: jsonResponse(
            BenefitTotals,
            'Sums per kind and unit, split by bearer and beneficiary'
          ),
          ...problems(400),
        },
      }),
      async (c) => {
        const { org, county } = c.req.valid('query')
        return c.json(await benefitTotals(db, { published: true, org, county }), 200)
      }
    )
}
