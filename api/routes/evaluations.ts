import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { page, Uuid } from '../../schema/common.ts'
import {
  Evaluation,
  EvaluationCreate,
  Evaluator,
  EvaluatorAssign,
  MAX_REPORT_BYTES,
} from '../../schema/evaluation.ts'
import type { AppDeps, AppEnv } from '../app.ts'
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
import { notFound, ProblemError } from '../problem.ts'
import {
  attachReport,
  findEvaluation,
  findReport,
  listEvaluations,
  recordEvaluation,
  safeReportFilename,
} from '../queries/evaluations.ts'
import { assignEvaluator, listEvaluators, removeEvaluator } from '../queries/evaluators.ts'
import { visiblePilot } from '../queries/pilots.ts'

const EvaluationParams = z.object({ id: Uuid, evaluationId: Uuid })
const EvaluatorParams = z.object({ id: Uuid, userId: Uuid })
const Pdf = z.custom<Uint8Array>().meta({ type: 'string', format: 'binary' })

async function requireVisiblePilot(c: Context<AppEnv>, deps: AppDeps, id: string) {
  const pilot = await visiblePilot(deps.db, id, c.get('actor'))
  if (!pilot) throw notFound('The pilot')
  return pilot
}

/** RFC 6266: an ASCII fallback and the exact UTF-8 name. */
function contentDisposition(filename: string) {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

export function evaluationRoutes(deps: AppDeps) {
  const { db } = deps
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/evaluations',
        tags: ['evaluations'],
        summary: "A pilot's evaluations with their results per metric",
        request: { params: IdParams },
        responses: {
          200: jsonResponse(page(Evaluation), 'The evaluations, oldest first'),
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        await requireVisiblePilot(c, deps, id)
        return c.json(
          { items: await listEvaluations(db, id), nextCursor: null as string | null },
          200
        )
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots/{id}/evaluations',
        tags: ['evaluations'],
        summary: 'Record an evaluation (from the trial start on); null and negative results count',
        request: {
          params: IdParams,
          headers: IdempotencyHeaders.extend(IfMatchHeaders.shape),
          body: jsonBody(EvaluationCreate),
        },
        responses: {
          201: { ...jsonResponse(Evaluation, 'Recorded'), headers: ETagHeader },
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = optionalIfMatch(c)
        const { id } = c.req.valid('param')
        const input = c.req.valid('json')
        const result = await idempotentWrite(db, c, actor, input, async (trx) => {
          const { id: evaluationId, version } = await recordEvaluation(
            trx,
            id,
            input,
            actor,
            expected,
            deps.clock?.()
          )
          const evaluation = await findEvaluation(trx, id, evaluationId)
          return {
            status: 201,
            body: evaluation,
            headers: {
              ETag: etagOf(version),
              Location: `/api/v1/pilots/${id}/evaluations/${evaluationId}`,
            },
          }
        })
        applyWriteHeaders(c, result)
        return c.json(result.body as Evaluation, 201)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/evaluations/{evaluationId}',
        tags: ['evaluations'],
        summary: 'One evaluation',
        request: { params: EvaluationParams },
        responses: { 200: jsonResponse(Evaluation, 'The evaluation'), ...problems(400, 404) },
      }),
      async (c) => {
        const { id, evaluationId } = c.req.valid('param')
        await requireVisiblePilot(c, deps, id)
        const evaluation = await findEvaluation(db, id, evaluationId)
        if (!evaluation) throw notFound('The evaluation')
        return c.json(evaluation, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/pilots/{id}/evaluations/{evaluationId}/report',
        tags: ['evaluations'],
        summary: `Upload the report as a PDF (at most ${MAX_REPORT_BYTES / 1024 / 1024} MB; If-Match: the pilot ETag)`,
        middleware: [
          bodyLimit({
            maxSize: MAX_REPORT_BYTES,
            onError: () => {
              throw new ProblemError(413, 'body_too_large', 'The report is too large', {
                detail: `A report must not exceed ${MAX_REPORT_BYTES / 1024 / 1024} MB`,
              })
            },
          }),
        ] as const,
        request: {
          params: EvaluationParams,
          query: z.object({
            filename: z.string().max(300).optional().meta({ description: 'The file name to show' }),
          }),
          headers: IfMatchHeaders,
          body: { required: true, content: { 'application/pdf': { schema: Pdf } } },
        },
        responses: {
          200: {
            ...jsonResponse(Evaluation, 'The evaluation with its report'),
            headers: ETagHeader,
          },
          ...problems(400, 401, 403, 404, 412, 413, 415, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id, evaluationId } = c.req.valid('param')
        const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase()
        if (mediaType !== 'application/pdf') {
          throw new ProblemError(
            415,
            'unsupported_media_type',
            'Send the report as application/pdf',
            {
              detail: `Content-Type was ${mediaType ?? 'missing'}; a report is uploaded as application/pdf`,
            }
          )
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer())
        const filename = safeReportFilename(c.req.valid('query').filename)
        const { version, evaluation } = await inTransaction(db, async (trx) => {
          const version = await attachReport(
            trx,
            id,
            evaluationId,
            { filename, bytes },
            actor,
            expected,
            deps.clock?.()
          )
          return { version, evaluation: await findEvaluation(trx, id, evaluationId) }
        })
        if (!evaluation) throw notFound('The evaluation')
        c.header('ETag', etagOf(version))
        return c.json(evaluation, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/evaluations/{evaluationId}/report',
        tags: ['evaluations'],
        summary: 'Download the report PDF',
        request: { params: EvaluationParams },
        responses: {
          200: { description: 'The PDF', content: { 'application/pdf': { schema: Pdf } } },
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id, evaluationId } = c.req.valid('param')
        await requireVisiblePilot(c, deps, id)
        const report = await findReport(db, id, evaluationId)
        if (!report) throw notFound('The report')
        return c.body(new Uint8Array(report.data), 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': contentDisposition(report.filename),
          'Content-Length': String(report.size),
          ETag: `"${report.sha256}"`,
          // Opened in a browser tab, the PDF gets no scripts and no same-origin access.
          'Content-Security-Policy': "sandbox; default-src 'none'",
        })
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/evaluators',
        tags: ['evaluations'],
        summary: 'The evaluators assigned to a pilot',
        request: { params: IdParams },
        responses: { 200: jsonResponse(page(Evaluator), 'The evaluators'), ...problems(400, 404) },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const pilot = await requireVisiblePilot(c, deps, id)
        const items = await listEvaluators(db, id, c.get('actor'), pilot.owner_org_id)
        return c.json({ items, nextCursor: null as string | null }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots/{id}/evaluators',
        tags: ['evaluations'],
        summary: 'Assign (invite) an evaluator to a pilot',
        request: {
          params: IdParams,
          headers: IdempotencyHeaders.extend(IfMatchHeaders.shape),
          body: jsonBody(EvaluatorAssign),
        },
        responses: {
          201: {
            ...jsonResponse(page(Evaluator), 'The evaluators, with the new one'),
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
          const { version } = await assignEvaluator(trx, id, input, actor, expected, deps.clock?.())
          const pilot = await visiblePilot(trx, id, actor)
          const items = await listEvaluators(trx, id, actor, pilot?.owner_org_id ?? '')
          return {
            status: 201,
            body: { items, nextCursor: null },
            headers: { ETag: etagOf(version) },
          }
        })
        applyWriteHeaders(c, result)
        return c.json(result.body as { items: z.infer<typeof Evaluator>[]; nextCursor: null }, 201)
      }
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/pilots/{id}/evaluators/{userId}',
        tags: ['evaluations'],
        summary: "End an evaluator's assignment (If-Match: the pilot ETag)",
        request: { params: EvaluatorParams, headers: IfMatchHeaders },
        responses: {
          204: { description: 'Removed', headers: ETagHeader },
          ...problems(400, 401, 403, 404, 412, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id, userId } = c.req.valid('param')
        const version = await inTransaction(db, (trx) =>
          removeEvaluator(trx, id, userId, actor, expected, deps.clock?.())
        )
        c.header('ETag', etagOf(version))
        return c.body(null, 204)
      }
    )
}
