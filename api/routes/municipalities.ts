import { createRoute } from '@hono/zod-openapi'
import { page } from '../../schema/common.ts'
import { County, Municipality, MunicipalityQuery } from '../../schema/municipality.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { jsonResponse, problems } from '../http/openapi.ts'
import { listCounties, listMunicipalities } from '../queries/municipalities.ts'

const REFERENCE_CACHE = 'public, max-age=3600'

export function municipalityRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/municipalities',
        tags: ['reference data'],
        summary: 'The 357 municipalities of 2024 (Kartgrunnlag: © Kartverket, CC BY 4.0)',
        request: { query: MunicipalityQuery },
        responses: {
          200: jsonResponse(page(Municipality), 'All municipalities, on one page'),
          ...problems(400),
        },
      }),
      async (c) => {
        const { county } = c.req.valid('query')
        c.header('Cache-Control', REFERENCE_CACHE)
        return c.json({ items: await listMunicipalities(db, county), nextCursor: null }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/counties',
        tags: ['reference data'],
        summary: 'The 15 counties of 2024',
        responses: { 200: jsonResponse(page(County), 'All counties, on one page') },
      }),
      async (c) => {
        c.header('Cache-Control', REFERENCE_CACHE)
        return c.json({ items: await listCounties(db), nextCursor: null as string | null }, 200)
      }
    )
}
