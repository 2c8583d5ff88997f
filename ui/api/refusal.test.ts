import { describe, expect, it } from 'vitest'
import { I18n } from '../i18n/i18n.ts'
import { nb } from '../i18n/nb.ts'
import { ApiError } from './client.ts'
import { refusal } from './refusal.ts'

const i18n = new I18n('nb', nb)
const problem = (status: number, code: string) =>
  new ApiError(status, { type: 'about:blank', title: 'Refused', status, code }, 'refused')

describe('a refused request in plain words', () => {
  const refusals = {
    codes: { last_admin: 'account.members.lastAdmin' },
    statuses: { 403: 'account.members.forbidden', 401: 'account.error.signedOut' },
  } as const

  it("names the problem's code before its status", () => {
    expect(refusal(problem(409, 'last_admin'), i18n, refusals)).toBe(
      i18n.t('account.members.lastAdmin')
    )
    expect(refusal(problem(403, 'forbidden'), i18n, refusals)).toBe(
      i18n.t('account.members.forbidden')
    )
  })

  it('says "it failed" for what the refusals do not name, and for a network failure', () => {
    expect(refusal(problem(500, 'internal'), i18n, refusals)).toBe(i18n.t('account.error.failed'))
    expect(refusal(new TypeError('Failed to fetch'), i18n, refusals)).toBe(
      i18n.t('account.error.failed')
    )
  })
})
