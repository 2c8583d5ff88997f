import type { I18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { ApiError } from './client.ts'

/** What to tell the user when the API refuses a request: by the problem's code first, then by status. */
export interface Refusals {
  codes?: Readonly<Record<string, MessageKey>>
  statuses?: Readonly<Partial<Record<number, MessageKey>>>
}

/**
 * A refused request in plain words of the current language. Anything the refusals do not name
 * (a network failure, a 500) gets the general "it failed, try again".
 */
export function refusal(
  error: unknown,
  i18n: I18n,
  refusals: Refusals,
  fallback: MessageKey = 'account.error.failed'
): string {
  if (!(error instanceof ApiError)) return i18n.t(fallback)
  const code = error.problem?.code
  const key = (code && refusals.codes?.[code]) || refusals.statuses?.[error.status] || fallback
  return i18n.t(key)
}
