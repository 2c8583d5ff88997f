import { createRoute } from '@hono/zod-openapi'
import { PageQuery, page, Uuid } from '../../schema/common.ts'
import { Organisation, OrganisationCreate, OrganisationQuery } from '../../schema/organisation.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { requireSystemAdmin } from '../auth/permissions.ts'
import { requireActor } from '../http/actor.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import { applyWriteHeaders, idempotentWrite } from '../http/idempotency.ts'
import { IdempotencyHeaders, IdParams, jsonBody, jsonResponse, problems } from '../http/openapi.ts'
import { notFound } from '../problem.ts'
import {
  createOrganisation,
  findOrganisation,
  listOrganisations,
} from '../queries/organisations.ts'

const isOrganisationKeyset = (k: unknown[]): k is [string, string] =>
  k.length === 2 && typeof k[0] === 'string' && Uuid.safeParse(k[1]).success

export function organisationRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/organisations',
        tags: ['organisations'],
        summary: 'Organisations, by name',
        request: { query: PageQuery.extend(OrganisationQuery.shape) },
        responses: {
          200: jsonResponse(page(Organisation), 'A page of organisations'),
          ...problems(400),
        },
      }),
      async (c) => {
        const { cursor, ...query } = c.req.valid('query')
        const { rows, more } = await listOrganisations(db, {
          ...query,
          after: cursor ? decodeCursor(cursor, isOrganisationKeyset) : undefined,
        })
        const last = rows.at(-1)
        const nextCursor = more && last ? encodeCursor([last.name, last.id]) : null
        return c.json({ items: rows, nextCursor }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/organisations/{id}',
        tags: ['organisations'],
        summary: 'One organisation',
        request: { params: IdParams },
        responses: { 200: jsonResponse(Organisation, 'The organisation'), ...problems(400, 404) },
      }),
      async (c) => {
        const org = await findOrganisation(db, c.req.valid('param').id)
        if (!org) throw notFound('The organisation')
        return c.json(org, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/organisations',
        tags: ['organisations'],
        summary: 'Register an organisation',
        request: { headers: IdempotencyHeaders, body: jsonBody(OrganisationCreate) },
        responses: {
          201: jsonResponse(Organisation, 'Registered'),
          ...problems(400, 401, 403, 413, 415, 422),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        requireSystemAdmin(actor, 'register organisations')
        const input = c.req.valid('json')
        const result = await idempotentWrite(db, c, actor, input, async (trx) => {
          const org = await createOrganisation(trx, input)
          return {
            status: 201,
            body: org,
            headers: { Location: `/api/v1/organisations/${org.id}` },
          }
        })
        applyWriteHeaders(c, result)
        return c.json(result.body as Organisation, 201)
      }
    )
}
