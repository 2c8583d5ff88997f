import type { Context } from 'hono'
import type { Db } from './db.ts'

/** Who is acting: a user, and the organisation they act for (null for users without one). */
export interface Actor {
  userId: string
  name: string
  organisationId: string | null
}

/** Finds the actor of a request; null for an anonymous reader. Accounts (a later issue) swap this. */
export type ActorResolver = (c: Context) => Promise<Actor | null>

/**
 * Until accounts exist, every request acts as one configured development user, a member of the
 * organisation with `orgNumber`. The user is created on first use; the organisation may be absent.
 */
export async function devActorResolver(
  db: Db,
  options: { email: string; orgNumber: string }
): Promise<ActorResolver> {
  const user = await db
    .insertInto('users')
    .values({ email: options.email, name: 'Utvikler (utviklingsmodus)' })
    .onConflict((oc) => oc.column('email').doUpdateSet({ email: options.email }))
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow()
  const org = await db
    .selectFrom('organisations')
    .select('id')
    .where('org_number', '=', options.orgNumber)
    .executeTakeFirst()
  const actor: Actor = { userId: user.id, name: user.name, organisationId: org?.id ?? null }
  return async () => actor
}
