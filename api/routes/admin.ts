import { createRoute, z } from '@hono/zod-openapi'
import {
  Erased,
  Member,
  MemberAdd,
  MemberPatch,
  PersonalData,
  Unpublished,
  UnpublishRequest,
  UserPatch,
  UserSummary,
} from '../../schema/admin.ts'
import { PageQuery, page, Uuid } from '../../schema/common.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { requireSystemAdmin } from '../auth/permissions.ts'
import { requireActor } from '../http/actor.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import { etagOf, requireIfMatch } from '../http/etag.ts'
import { IdParams, IfMatchHeaders, jsonBody, jsonResponse, problems } from '../http/openapi.ts'
import { notFound } from '../problem.ts'
import {
  addMember,
  changeMember,
  erasePerson,
  listMembers,
  personalData,
  requireMemberManager,
  unpublishPilot,
} from '../queries/admin.ts'
import { findOrganisation } from '../queries/organisations.ts'
import { listUsers, toUserSummary } from '../queries/users.ts'

const MemberParams = z.object({ id: Uuid, userId: Uuid })
const ByEmail = z.object({ email: z.email().max(254).toLowerCase() })
const UserQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: 'Part of a name or e-mail address' }),
})
const isUserKeyset = (k: unknown[]): k is [string] => k.length === 1 && typeof k[0] === 'string'

export function adminRoutes({ db, clock }: AppDeps) {
  const now = () => clock?.() ?? new Date()
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/organisations/{id}/members',
        tags: ['administration'],
        summary: "An organisation's members (its administrators and system administrators)",
        request: { params: IdParams },
        responses: {
          200: jsonResponse(page(Member), 'The members'),
          ...problems(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const { id } = c.req.valid('param')
        if (!(await findOrganisation(db, id))) throw notFound('The organisation')
        requireMemberManager({ ...actor, scopes: ['write'] }, id)
        c.header('Cache-Control', 'private, no-store')
        return c.json({ items: await listMembers(db, id), nextCursor: null as string | null }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/organisations/{id}/members',
        tags: ['administration'],
        summary: 'Add (invite) a member',
        request: { params: IdParams, body: jsonBody(MemberAdd) },
        responses: {
          201: jsonResponse(page(Member), 'The members, with the new one'),
          ...problems(400, 401, 403, 404, 409, 415),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const { id } = c.req.valid('param')
        const input = c.req.valid('json')
        if (!(await findOrganisation(db, id))) throw notFound('The organisation')
        requireMemberManager(actor, id)
        const items = await db.transaction().execute(async (trx) => {
          await addMember(trx, id, input)
          return listMembers(trx, id)
        })
        return c.json({ items, nextCursor: null as string | null }, 201)
      }
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/organisations/{id}/members/{userId}',
        tags: ['administration'],
        summary: "Change a member's role",
        request: { params: MemberParams, body: jsonBody(MemberPatch) },
        responses: {
          200: jsonResponse(page(Member), 'The members'),
          ...problems(400, 401, 403, 404, 409, 415),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        const { id, userId } = c.req.valid('param')
        requireMemberManager(actor, id)
        const items = await db.transaction().execute(async (trx) => {
          await changeMember(trx, id, userId, c.req.valid('json').role)
          return listMembers(trx, id)
        })
        return c.json({ items, nextCursor: null as string | null }, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/organisations/{id}/members/{userId}',
        tags: ['administration'],
        summary: 'Remove a member (their sessions and tokens for the organisation end)',
        request: { params: MemberParams },
        responses: { 204: { description: 'Removed' }, ...problems(400, 401, 403, 404, 409) },
      }),
      async (c) => {
        const actor = requireActor(c)
        const { id, userId } = c.req.valid('param')
        requireMemberManager(actor, id)
        await db.transaction().execute((trx) => changeMember(trx, id, userId, null))
        return c.body(null, 204)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/users',
        tags: ['administration'],
        summary: 'Users, by e-mail address (system administrators)',
        request: { query: UserQuery },
        responses: {
          200: jsonResponse(page(UserSummary), 'A page of users'),
          ...problems(400, 401, 403),
        },
      }),
      async (c) => {
        requireSystemAdmin({ ...requireActor(c), scopes: ['write'] }, 'see users')
        const { cursor, q, limit } = c.req.valid('query')
        const { rows, more } = await listUsers(db, {
          limit,
          ...(q ? { q } : {}),
          ...(cursor ? { after: decodeCursor(cursor, isUserKeyset) } : {}),
        })
        const last = rows.at(-1)
        c.header('Cache-Control', 'private, no-store')
        return c.json(
          { items: rows, nextCursor: more && last ? encodeCursor([last.email]) : null },
          200
        )
      }
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/users/{id}',
        tags: ['administration'],
        summary: "Change a user's global roles, or disable the account (system administrators)",
        request: { params: IdParams, body: jsonBody(UserPatch) },
        responses: {
          200: jsonResponse(UserSummary, 'The user'),
          ...problems(400, 401, 403, 404, 415),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        requireSystemAdmin(actor, 'manage users')
        const { id } = c.req.valid('param')
        const patch = c.req.valid('json')
        const row = await db
          .updateTable('users')
          .set({
            ...(patch.systemAdmin !== undefined ? { system_admin: patch.systemAdmin } : {}),
            ...(patch.evaluator !== undefined ? { evaluator: patch.evaluator } : {}),
            ...(patch.disabled !== undefined ? { disabled_at: patch.disabled ? now() : null } : {}),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst()
        if (!row) throw notFound('The user')
        if (patch.disabled) await db.deleteFrom('sessions').where('user_id', '=', id).execute()
        return c.json(toUserSummary(row), 200)
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/personal-data',
        tags: ['administration'],
        summary: 'Everything held on one person, by e-mail (system administrators)',
        request: { query: ByEmail },
        responses: {
          200: jsonResponse(PersonalData, 'What the registry holds'),
          ...problems(400, 401, 403),
        },
      }),
      async (c) => {
        requireSystemAdmin({ ...requireActor(c), scopes: ['write'] }, 'see personal data')
        c.header('Cache-Control', 'private, no-store')
        return c.json(await personalData(db, c.req.valid('query').email), 200)
      }
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/personal-data',
        tags: ['administration'],
        summary:
          'Erase one person: contact entries deleted, account anonymised (system administrators)',
        request: { query: ByEmail },
        responses: {
          200: jsonResponse(Erased, 'Erased'),
          ...problems(400, 401, 403),
        },
      }),
      async (c) => {
        requireSystemAdmin(requireActor(c), 'erase personal data')
        const { email } = c.req.valid('query')
        const result = await db.transaction().execute((trx) => erasePerson(trx, email))
        c.get('log')?.info({ event: 'person_erased', ...result }, 'personal data erased')
        return c.json(result, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots/{id}/unpublish',
        tags: ['administration'],
        summary: 'Take a pilot out of public view, with a logged reason (system administrators)',
        request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(UnpublishRequest) },
        responses: {
          200: jsonResponse(Unpublished, 'Unpublished', true),
          ...problems(400, 401, 403, 404, 409, 412, 415, 428),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        requireSystemAdmin(actor, 'unpublish pilots')
        const expected = requireIfMatch(c)
        const { id } = c.req.valid('param')
        const { reason } = c.req.valid('json')
        const version = await db
          .transaction()
          .execute((trx) => unpublishPilot(trx, id, reason, actor, expected, now()))
        c.get('log')?.info({ event: 'pilot_unpublished', pilotId: id }, 'pilot unpublished')
        c.header('ETag', etagOf(version))
        return c.json({ version }, 200)
      }
    )
}
