import { createRoute, type z } from '@hono/zod-openapi'
import {
  Adoption,
  AdoptionCreate,
  AdoptionPatch,
  CopyRequest,
  CopyResult,
  Lineage,
} from '../../schema/adoption.ts'
import { page } from '../../schema/common.ts'
import { EventQuery, PilotEvent } from '../../schema/event.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { requireActor } from '../http/actor.ts'
import { etagOf, requireIfMatch } from '../http/etag.ts'
import { applyWriteHeaders, idempotentWrite } from '../http/idempotency.ts'
import {
  IdempotencyHeaders,
  IdParams,
  IfMatchHeaders,
  jsonBody,
  jsonResponse,
  problems,
} from '../http/openapi.ts'
import { inTransaction } from '../http/retry.ts'
import { notFound } from '../problem.ts'
import {
  createAdoption,
  findAdoption,
  lineageOf,
  listAdoptions,
  listAdoptionsBy,
  updateAdoption,
} from '../queries/adoptions.ts'
import { copyPilot } from '../queries/copy.ts'
import { listEvents } from '../queries/events.ts'
import { findOrganisation } from '../queries/organisations.ts'
import { findPilot, visiblePilot } from '../queries/pilots.ts'

export function adoptionRoutes({ db, clock }: AppDeps) {
  const now = () => clock?.() ?? new Date()
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/adoptions',
        tags: ['spread'],
        summary: 'Who adopted (or is trying, or dropped) a pilot',
        request: { params: IdParams },
        responses: {
          200: jsonResponse(page(Adoption), 'The adoptions, oldest first'),
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        if (!(await visiblePilot(db, id, c.get('actor')))) throw notFound('The pilot')
        return c.json(
          { items: await listAdoptions(db, id), nextCursor: null as string | null },
          200
        )
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/organisations/{id}/adoptions',
        tags: ['spread'],
        summary: 'What an organisation took up from others: its adoptions of their pilots',
        request: { params: IdParams },
        responses: {
          200: jsonResponse(page(Adoption), 'The adoptions you may see, oldest first'),
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        if (!(await findOrganisation(db, id))) throw notFound('The organisation')
        return c.json(
          {
            items: await listAdoptionsBy(db, id, c.get('actor')),
            nextCursor: null as string | null,
          },
          200
        )
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots/{id}/adoptions',
        tags: ['spread'],
        summary: 'Record that an organisation adopts a pilot (one adoption per organisation)',
        request: {
          params: IdParams,
          headers: IdempotencyHeaders,
          body: jsonBody(AdoptionCreate),
        },
        responses: {
          201: jsonResponse(Adoption, 'Recorded', true),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const { id } = c.req.valid('param')
        const input = c.req.valid('json')
        const result = await idempotentWrite(db, c, actor, input, async (trx) => {
          const adoptionId = await createAdoption(trx, id, input, actor, { at: now() })
          const adoption = await findAdoption(trx, adoptionId, actor)
          return {
            status: 201,
            body: adoption,
            headers: { Location: `/api/v1/adoptions/${adoptionId}`, ETag: etagOf(1) },
          }
        })
        applyWriteHeaders(c, result)
        return c.json(result.body as Adoption, 201)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots/{id}/copy',
        tags: ['spread'],
        summary:
          'Copy this pilot: an adoption for your organisation and a draft local pilot, prefilled',
        request: { params: IdParams, headers: IdempotencyHeaders, body: jsonBody(CopyRequest) },
        responses: {
          201: jsonResponse(CopyResult, 'The adoption, the local pilot and whom to ask for advice'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const { id } = c.req.valid('param')
        const request = c.req.valid('json')
        const result = await idempotentWrite(db, c, actor, request, async (trx) => {
          const at = now()
          const copy = await copyPilot(trx, id, request, actor, at)
          const [adoption, localPilot] = await Promise.all([
            findAdoption(trx, copy.adoptionId, actor),
            findPilot(trx, copy.localPilotId, actor, at),
          ])
          return {
            status: 201,
            body: { adoption, localPilot, advisor: copy.advisor },
            headers: { Location: `/api/v1/pilots/${copy.localPilotId}` },
          }
        })
        applyWriteHeaders(c, result)
        return c.json(result.body as z.infer<typeof CopyResult>, 201)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/lineage',
        tags: ['spread'],
        summary: 'Who learned the pilot from whom, from the origin outwards',
        request: { params: IdParams },
        responses: { 200: jsonResponse(Lineage, 'The lineage'), ...problems(400, 404) },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const pilot = await findPilot(db, id, c.get('actor'), now())
        if (!pilot) throw notFound('The pilot')
        return c.json(
          {
            origin: {
              pilotId: pilot.id,
              title: pilot.title,
              organisationId: pilot.owner.id,
              organisationName: pilot.owner.name,
            },
            nodes: await lineageOf(db, id),
          },
          200
        )
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/adoptions/{id}',
        tags: ['spread'],
        summary: 'One adoption',
        request: { params: IdParams },
        responses: { 200: jsonResponse(Adoption, 'The adoption', true), ...problems(400, 404) },
      }),
      async (c) => {
        const adoption = await findAdoption(db, c.req.valid('param').id, c.get('actor'))
        if (!adoption) throw notFound('The adoption')
        c.header('ETag', etagOf(adoption.version))
        return c.json(adoption, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/adoptions/{id}',
        tags: ['spread'],
        summary: 'Change an adoption: status (with its date), degree, lineage, local outcome',
        request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(AdoptionPatch) },
        responses: {
          200: jsonResponse(Adoption, 'The adoption as it now is', true),
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id } = c.req.valid('param')
        const patch = c.req.valid('json')
        const adoption = await inTransaction(db, async (trx) => {
          if (!(await findAdoption(trx, id, actor))) throw notFound('The adoption')
          await updateAdoption(trx, id, patch, actor, expected, now())
          return findAdoption(trx, id, actor)
        })
        if (!adoption) throw notFound('The adoption')
        c.header('ETag', etagOf(adoption.version))
        return c.json(adoption, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/adoptions/{id}/events',
        tags: ['spread'],
        summary: "An adoption's history: every change with its diff",
        request: { params: IdParams, query: EventQuery },
        responses: {
          200: jsonResponse(page(PilotEvent), 'A page of events'),
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const { cursor, limit } = c.req.valid('query')
        const adoption = await findAdoption(db, id, c.get('actor'))
        if (!adoption) throw notFound('The adoption')
        return c.json(
          await listEvents(db, adoption.pilotId, { after: cursor ? Number(cursor) : 0, limit }, id),
          200
        )
      }
    )
}
