import { createRoute } from '@hono/zod-openapi'
import {
  BassFitRequest,
  BassFitResult,
  Diffusion,
  DiffusionQuery,
  PipelineQuery,
  PipelineStats,
  SpreadQuery,
  SpreadStats,
} from '../../schema/stats.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { BassFitError, fitBass } from '../domain/bass.ts'
import { norwegianDate } from '../domain/flags.ts'
import { IdParams, jsonBody, jsonResponse, problems } from '../http/openapi.ts'
import { notFound, ProblemError } from '../problem.ts'
import { visiblePilot } from '../queries/pilots.ts'
import {
  bucket,
  periodOf,
  periodRange,
  pipelineStats,
  spreadStats,
  uptakeByDay,
} from '../queries/stats.ts'

const STATS_CACHE = 'public, max-age=60'

/** Fits the Bass model, turning input that cannot support a fit into a 422 that says why. */
function fitOrRefuse(adoptionsPerPeriod: number[], horizon: number) {
  try {
    const { sse: _sse, ...result } = fitBass(adoptionsPerPeriod, { horizon })
    return result
  } catch (error) {
    if (error instanceof BassFitError) {
      throw new ProblemError(422, 'cannot_fit', 'The data cannot support a diffusion fit', {
        detail: error.message,
        errors: [
          {
            in: 'body',
            pointer: '/adoptionsPerPeriod',
            field: 'adoptionsPerPeriod',
            code: error.reason,
            detail: error.message,
          },
        ],
      })
    }
    throw error
  }
}

export function statsRoutes({ db, clock }: AppDeps) {
  const now = () => clock?.() ?? new Date()
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/stats/pipeline',
        tags: ['statistics'],
        summary: 'The pipeline: pilots per stage, conversion, median days in each stage, flags',
        request: { query: PipelineQuery },
        responses: {
          200: jsonResponse(PipelineStats, 'Pipeline statistics over published pilots'),
          ...problems(400),
        },
      }),
      async (c) => {
        c.header('Cache-Control', STATS_CACHE)
        return c.json(await pipelineStats(db, c.req.valid('query'), now()), 200)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/stats/spread',
        tags: ['statistics'],
        summary: 'The spread: uptake over time, by county and municipality, lineage, replication',
        request: { query: SpreadQuery },
        responses: {
          200: jsonResponse(SpreadStats, 'Spread statistics over published pilots'),
          ...problems(400),
        },
      }),
      async (c) => {
        c.header('Cache-Control', STATS_CACHE)
        return c.json(await spreadStats(db, c.req.valid('query')), 200)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/diffusion',
        tags: ['statistics'],
        summary: "A pilot's adoption curve with a Bass fit and forecast",
        request: { params: IdParams, query: DiffusionQuery },
        responses: {
          200: jsonResponse(Diffusion, 'The curve and its fit'),
          ...problems(400, 404, 422),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const { period, horizon } = c.req.valid('query')
        if (!(await visiblePilot(db, id, c.get('actor')))) throw notFound('The pilot')
        const series = bucket(
          await uptakeByDay(db, id),
          period,
          periodOf(norwegianDate(now()), period)
        )
        if (series.length === 0) {
          throw new ProblemError(422, 'cannot_fit', 'The data cannot support a diffusion fit', {
            detail: 'No organisation has taken this pilot up yet',
          })
        }
        const result = fitOrRefuse(
          series.map((s) => s.adoptions),
          horizon
        )
        const last = series.at(-1)?.period as string
        const forecastPeriods = periodRange(last, '9999', period).slice(1, horizon + 1)
        return c.json({ pilotId: id, period, series, forecastPeriods, fit: result }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/analytics/bass-fit',
        tags: ['statistics'],
        summary: 'Fit the Bass diffusion model to adoptions per period (nonlinear least squares)',
        request: { body: jsonBody(BassFitRequest) },
        responses: {
          200: jsonResponse(BassFitResult, 'The fitted model'),
          ...problems(400, 413, 415, 422),
        },
      }),
      (c) => {
        const { adoptionsPerPeriod, horizon } = c.req.valid('json')
        return c.json(fitOrRefuse(adoptionsPerPeriod, horizon), 200)
      }
    )
}
