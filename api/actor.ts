import type { Context } from 'hono'

export type MembershipRole = 'member' | 'org_admin'
export type Scope = 'read' | 'write'

/**
 * Who is acting: a user, the organisations they belong to (and the one they act for now), their
 * global roles, and how they signed in. Every handler receives one (or null for the public).
 */
export interface Actor {
  userId: string
  name: string
  /** The organisation the user acts for now; null for users without one. */
  organisationId: string | null
  memberships: { organisationId: string; role: MembershipRole }[]
  systemAdmin: boolean
  evaluator: boolean
  /** What this credential may do: a read-only API token cannot write. */
  scopes: Scope[]
}

/** Finds the actor of a request; null for an anonymous reader. */
export type ActorResolver = ((c: Context) => Promise<Actor | null>) & {
  /**
   * Whether a request with these headers surely comes from the public: it carries no credential
   * this resolver reads. Kept public answers are served to such requests before routing.
   */
  isPublic?: (headers: Headers) => boolean
}

/** An actor who is a member of one organisation, with full scopes; for seeding and tests. */
export function memberActor(
  user: { id: string; name: string },
  organisationId: string,
  role: MembershipRole = 'member'
): Actor {
  return {
    userId: user.id,
    name: user.name,
    organisationId,
    memberships: [{ organisationId, role }],
    systemAdmin: false,
    evaluator: false,
    scopes: ['read', 'write'],
  }
}
