import type { Selectable } from 'kysely'
import type { z } from 'zod'
import type { UserSummary } from '../../schema/admin.ts'
import type { UserTable } from '../../schema/database.ts'
import type { Db } from '../db.ts'

/** A user as administrators see them; never the password hash or sign-in identifiers. */
export function toUserSummary(row: Selectable<UserTable>): z.infer<typeof UserSummary> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    systemAdmin: row.system_admin,
    evaluator: row.evaluator,
    disabled: !!row.disabled_at,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  }
}

/**
 * The id of the user with this e-mail address, registered now if there is none (an invitation:
 * they sign in later with that address). An existing user's name is left as they gave it.
 */
export async function userIdForEmail(trx: Db, input: { email: string; name: string }) {
  const user = await trx
    .insertInto('users')
    .values({ email: input.email, name: input.name })
    .onConflict((oc) => oc.column('email').doUpdateSet({ email: input.email }))
    .returning('id')
    .executeTakeFirstOrThrow()
  return user.id
}

/** Users by e-mail address, a page at a time; `q` matches a part of the name or address. */
export async function listUsers(db: Db, query: { q?: string; limit: number; after?: [string] }) {
  let q = db.selectFrom('users').selectAll()
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['name']), 'like', pattern), eb('email', 'like', pattern)])
    )
  }
  if (query.after) q = q.where('email', '>', query.after[0])
  const rows = await q
    .orderBy('email')
    .limit(query.limit + 1)
    .execute()
  return { rows: rows.slice(0, query.limit).map(toUserSummary), more: rows.length > query.limit }
}
