import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { page } from '../../schema/common.ts'
import { EventQuery, PilotEvent } from '../../schema/event.ts'
import {
  Pilot,
  PilotCreate,
  PilotFacets,
  PilotFilters,
  PilotPatch,
  PilotQuery,
  PilotSummary,
  TransitionRequest,
} from '../../schema/pilot.ts'
import type { AppDeps, AppEnv } from '../app.ts'
import { createRouter } from '../app.ts'
import type { Db } from '../db.ts'
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
import { listEvents } from '../queries/events.ts'
import { listPilots, pilotFacets } from '../queries/pilot-search.ts'
import { createPilot, transitionPilot, updatePilot } from '../queries/pilot-writes.ts'
import { findPilot, visiblePilot } from '../queries/pilots.ts'

/** Reads a pilot back inside the write's transaction, so the answer is what was committed. */
async function readBack(trx: Db, c: Context<AppEnv>, id: string, now: Date) {
  const pilot = await findPilot(trx, id, c.get('actor'), now)
  if (!pilot) throw notFound('The pilot')
  return pilot
}

function sendPilot(c: Context<AppEnv>, pilot: Pilot) {
  c.header('ETag', etagOf(pilot.version))
  c.header(
    'Cache-Control',
    pilot.visibility === 'published' ? 'public, max-age=0, must-revalidate' : 'private, no-cache'
  )
}

export function pilotRoutes({ db, clock }: AppDeps) {
  const now = () => clock?.() ?? new Date()
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots',
        tags: ['pilots'],
        summary: 'List and filter pilots, newest change first',
        request: { query: PilotQuery },
        responses: { 200: jsonResponse(page(PilotSummary), 'A page of pilots'), ...problems(400) },
      }),
      async (c) => c.json(await listPilots(db, c.req.valid('query'), c.get('actor'), now()), 200)
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/facets',
        tags: ['pilots'],
        summary: 'Counts per filter value for the same search',
        request: { query: PilotFilters },
        responses: { 200: jsonResponse(PilotFacets, 'The facets'), ...problems(400) },
      }),
      async (c) => c.json(await pilotFacets(db, c.req.valid('query'), c.get('actor'), now()), 200)
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots',
        tags: ['pilots'],
        summary: 'Register a pilot (it starts as a hypothesis)',
        request: { headers: IdempotencyHeaders, body: jsonBody(PilotCreate) },
        responses: {
          201: jsonResponse(Pilot, 'Registered', true),
          ...problems(400, 401, 403, 413, 415, 422),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const input = c.req.valid('json')
        const result = await idempotentWrite(db, c, actor, input, async (trx) => {
          const id = await createPilot(trx, input, actor, { at: now() })
          const pilot = await readBack(trx, c, id, now())
          return {
            status: 201,
            body: pilot,
            headers: { Location: `/api/v1/pilots/${id}`, ETag: etagOf(pilot.version) },
          }
        })
        applyWriteHeaders(c, result)
        return c.json(result.body as Pilot, 201)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}',
        tags: ['pilots'],
        summary: 'One pilot with its metrics, partners and contacts',
        request: { params: IdParams },
        responses: {
          200: jsonResponse(Pilot, 'The pilot', true),
          304: { description: 'Not modified since the ETag in If-None-Match' },
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const pilot = await findPilot(db, c.req.valid('param').id, c.get('actor'), now())
        if (!pilot) throw notFound('The pilot')
        sendPilot(c, pilot)
        if (
          c.req
            .header('If-None-Match')
            ?.split(',')
            .some((t) => t.trim() === etagOf(pilot.version))
        ) {
          return c.body(null, 304)
        }
        return c.json(pilot, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/pilots/{id}',
        tags: ['pilots'],
        summary: 'Change some fields of a pilot',
        request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(PilotPatch) },
        responses: {
          200: jsonResponse(Pilot, 'The pilot as it now is', true),
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id } = c.req.valid('param')
        const patch = c.req.valid('json')
        const pilot = await inTransaction(db, async (trx) => {
          await updatePilot(trx, id, patch, actor, expected, now())
          return readBack(trx, c, id, now())
        })
        sendPilot(c, pilot)
        return c.json(pilot, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots/{id}/transitions',
        tags: ['pilots'],
        summary: 'Move a pilot to another stage of its lifecycle',
        description:
          'Allowed: hypothesis → planned → running → evaluating → concluded → adopted; evaluating → running (extension, with reason); any stage but adopted and discontinued → discontinued (with reason). A refused change answers 409 naming the failed guards.',
        request: {
          params: IdParams,
          headers: IfMatchHeaders,
          body: jsonBody(TransitionRequest),
        },
        responses: {
          200: jsonResponse(Pilot, 'The pilot in its new stage', true),
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const expected = requireIfMatch(c)
        const { id } = c.req.valid('param')
        const request = c.req.valid('json')
        const result = await idempotentWrite(db, c, actor, request, async (trx) => {
          await transitionPilot(trx, id, request, actor, expected, now())
          const pilot = await readBack(trx, c, id, now())
          return { status: 200, body: pilot, headers: {} }
        })
        if (result.replayed) c.header('Idempotent-Replayed', 'true')
        sendPilot(c, result.body as Pilot)
        return c.json(result.body as Pilot, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}/events',
        tags: ['pilots'],
        summary: "A pilot's timeline: every change with its diff, oldest first",
        request: { params: IdParams, query: EventQuery },
        responses: {
          200: jsonResponse(page(PilotEvent), 'A page of events'),
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const { cursor, limit } = c.req.valid('query')
        if (!(await visiblePilot(db, id, c.get('actor')))) throw notFound('The pilot')
        return c.json(await listEvents(db, id, { after: cursor ? Number(cursor) : 0, limit }), 200)
      }
    )
}
