import { createContext } from '@lit/context'
import type { ApiClient, Me, Organisation } from './api/client.ts'
import type { I18n } from './i18n/i18n.ts'

/** The API client, provided by `<app-shell>`. */
export const apiContext = createContext<ApiClient>(Symbol('forsoksregisteret.api'))

/** The current language's messages and formats, provided by `<app-shell>`; replaced on a switch. */
export const i18nContext = createContext<I18n>(Symbol('forsoksregisteret.i18n'))

/** Who is signed in and for which organisation. */
export interface Session {
  user: Me
  organisation: Organisation | null
}

/**
 * The session, provided by `<app-shell>` from `GET /auth/me`: `undefined` while it loads, `null`
 * when no one is signed in.
 */
export const sessionContext = createContext<Session | null | undefined>(
  Symbol('forsoksregisteret.session')
)

/** Whether the user may change a pilot of `ownerId`: a member of the owner, or a system admin. */
export function canEditPilot(session: Session | null | undefined, ownerId: string): boolean {
  if (!session) return false
  const { user } = session
  return (
    user.roles.includes('system_admin') ||
    user.memberships.some((m) => m.organisationId === ownerId)
  )
}

/**
 * Whether the user may record an evaluation of a pilot of `ownerId`, as the API decides it: a
 * member of the owner, or an evaluator among the pilot's assigned `evaluatorIds`.
 */
export function canEvaluate(
  session: Session | null | undefined,
  ownerId: string,
  evaluatorIds: readonly string[]
): boolean {
  if (!session) return false
  const { user } = session
  if (user.memberships.some((m) => m.organisationId === ownerId)) return true
  return user.roles.includes('evaluator') && evaluatorIds.includes(user.id)
}
