import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { Problem } from '../../schema/common.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { findDatasetDates } from '../catalog/dataset-dates.ts'
import { describeCatalog } from '../catalog/describe-catalog.ts'
import { negotiateCatalogType } from '../catalog/negotiate.ts'
import { toJsonLd, toTurtle } from '../catalog/serialize.ts'
import { ProblemError } from '../problem.ts'

const CATALOG_CACHE = 'public, max-age=300'

const JsonLd = z.record(z.string(), z.unknown()).meta({
  description: 'DCAT-AP-NO as flattened JSON-LD with an inline `@context`',
})
const Turtle = z.string().meta({ description: 'DCAT-AP-NO as Turtle' })

export function catalogRoutes({ db }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/catalog',
      tags: ['open data'],
      summary: 'The open data set, described in DCAT-AP-NO',
      description:
        'Catalogue, data set, CSV and JSON files and this API, for data.norge.no and other harvesters. JSON-LD unless `Accept` prefers `text/turtle`; the data is licensed under NLOD 2.0.',
      responses: {
        200: {
          description: 'The catalogue; the representation follows `Accept` (`Vary: Accept`)',
          headers: {
            Vary: { description: 'Always `Accept`', schema: { type: 'string' as const } },
          },
          content: {
            'application/ld+json': { schema: JsonLd },
            'application/json': { schema: JsonLd },
            'text/turtle': { schema: Turtle },
          },
        },
        406: {
          description: 'The client accepts neither JSON-LD nor Turtle',
          content: { 'application/problem+json': { schema: Problem } },
        },
      },
    }),
    async (c) => {
      c.header('Vary', 'Accept')
      const type = negotiateCatalogType(c)
      if (!type) {
        throw new ProblemError(406, 'not_acceptable', 'No acceptable representation', {
          detail:
            'The catalogue is available as application/ld+json, application/json or text/turtle',
        })
      }
      const quads = describeCatalog({
        origin: new URL(c.req.url).origin,
        ...(await findDatasetDates(db)),
      })
      c.header('Cache-Control', CATALOG_CACHE)
      if (type === 'text/turtle') {
        return c.body(await toTurtle(quads), 200, { 'Content-Type': 'text/turtle; charset=utf-8' })
      }
      return c.body(JSON.stringify(toJsonLd(quads)), 200, { 'Content-Type': type })
    }
  )
}
