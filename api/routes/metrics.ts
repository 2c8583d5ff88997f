import { createRoute, z } from '@hono/zod-openapi'
import { page, Uuid } from '../../schema/common.ts'
import { Metric, MetricCreate, MetricPatch } from '../../schema/metric.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
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
import { addMetric, removeMetric, updateMetric } from '../queries/metrics.ts'
import { findPilot } from '../queries/pilots.ts'

const MetricParams = z.object({ id: Uuid, metricId: Uuid })

export function metricRoutes({ db, clock }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/metrics',
        tags: ['metrics'],
        summary: "A pilot's success metrics",
        request: { params: IdParams },
        responses: {
          200: jsonResponse(page(Metric), 'The metrics, in order'),
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const pilot = await findPilot(db, id, c.get('actor'))
        if (!pilot) throw notFound('The pilot')
        c.header('ETag', etagOf(pilot.version))
        return c.json({ items: pilot.metrics, nextCursor: null as string | null }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots/{id}/metrics',
        tags: ['metrics'],
        summary: 'Add a success metric (If-Match with the pilot ETag is honoured when sent)',
        request: {
          params: IdParams,
          headers: IdempotencyHeaders.extend(IfMatchHeaders.shape),
          body: jsonBody(MetricCreate),
        },
        responses: {
          201: { ...jsonResponse(Metric, 'Added'), headers: ETagHeader },
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = optionalIfMatch(c)
        const { id } = c.req.valid('param')
        const input = c.req.valid('json')
        const result = await idempotentWrite(db, c, actor, input, async (trx) => {
          const { metric, version } = await addMetric(trx, id, input, actor, expected, clock?.())
          return {
            status: 201,
            body: metric,
            headers: {
              ETag: etagOf(version),
              Location: `/api/v1/pilots/${id}/metrics/${metric.id}`,
            },
          }
        })
        applyWriteHeaders(c, result)
        return c.json(result.body as Metric, 201)
      }
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/pilots/{id}/metrics/{metricId}',
        tags: ['metrics'],
        summary: 'Change a metric (If-Match: the pilot ETag)',
        request: { params: MetricParams, headers: IfMatchHeaders, body: jsonBody(MetricPatch) },
        responses: {
          200: { ...jsonResponse(Metric, 'The metric as it now is'), headers: ETagHeader },
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id, metricId } = c.req.valid('param')
        const patch = c.req.valid('json')
        const { metric, version } = await inTransaction(db, (trx) =>
          updateMetric(trx, id, metricId, patch, actor, expected, clock?.())
        )
        c.header('ETag', etagOf(version))
        return c.json(metric, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/pilots/{id}/metrics/{metricId}',
        tags: ['metrics'],
        summary: 'Remove a metric (If-Match: the pilot ETag)',
        request: {
          params: MetricParams,
          headers: IfMatchHeaders,
          query: z.object({
            amendmentReason: z.string().trim().min(3).max(2000).optional().meta({
              description: 'Required when removing a primary metric after the trial started',
            }),
          }),
        },
        responses: {
          204: { description: 'Removed', headers: ETagHeader },
          ...problems(400, 401, 403, 404, 409, 412, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id, metricId } = c.req.valid('param')
        const { amendmentReason } = c.req.valid('query')
        const version = await inTransaction(db, (trx) =>
          removeMetric(trx, id, metricId, amendmentReason, actor, expected, clock?.())
        )
        c.header('ETag', etagOf(version))
        return c.body(null, 204)
      }
    )
}
