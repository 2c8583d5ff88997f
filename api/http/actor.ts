import type { Context } from 'hono'
import type { Actor } from '../actor.ts'
import type { AppEnv } from '../app.ts'
import { ProblemError } from '../problem.ts'

/** The actor of a write; 401 for an anonymous caller. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor')
  if (!actor) throw new ProblemError(401, 'unauthenticated', 'Sign in to make changes')
  return actor
}
