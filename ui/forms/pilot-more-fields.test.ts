import { describe, expect, it } from 'vitest'
import { PilotCreate } from '../../schema/pilot.ts'
import { I18n } from '../i18n/i18n.ts'
import { nb } from '../i18n/nb.ts'
import { serverFieldErrors, zodFieldErrors } from './field-errors.ts'
import { emptyMoreDraft, type MoreDraft, moreInput } from './pilot-edit.ts'
import { moreErrors, moreFieldLabel, partnerErrors } from './pilot-more-fields.ts'

const i18n = new I18n('nb', nb)

/** The errors the form shows for these more fields, checked as the form checks them. */
function errorsOf(change: Partial<MoreDraft>) {
  const input = {
    title: 'Videoveiledning',
    innovationType: 'service',
    serviceArea: 'social_services',
    metrics: [],
    ...moreInput({ ...emptyMoreDraft(), ...change }),
  }
  const parsed = PilotCreate.safeParse(input)
  if (parsed.success) return new Map<string, string>()
  return moreErrors(zodFieldErrors(parsed.error, i18n, input), i18n, input.tags)
}

describe('the more fields in the browser', () => {
  it('forsøksloven needs a reference and approval dates, each on its field', () => {
    const errors = errorsOf({ legalKind: 'forsoksloven' })
    expect(errors.get('legalBasis-reference')).toBe('Fyll ut feltet')
    expect(errors.get('legalBasis-approvalDate')).toBe('Fyll ut feltet')
    expect(errors.get('legalBasis-expiryDate')).toBe('Fyll ut feltet')
    expect(moreFieldLabel('legalBasis-reference', i18n)).toBe('Vedtak eller hjemmel')
  })

  it('an approval beyond four years, or extended by more than two, is refused in words', () => {
    const base = {
      legalKind: 'forsoksloven' as const,
      legalReference: 'KDD 26/1',
      approvalDate: '2026-01-01',
    }
    expect(errorsOf({ ...base, expiryDate: '2031-01-02' }).get('legalBasis-expiryDate')).toBe(
      'Et forsøk etter forsøksloven kan godkjennes for høyst 4 år'
    )
    expect(
      errorsOf({ ...base, expiryDate: '2029-12-31', extendedUntil: '2032-06-01' }).get(
        'legalBasis-extendedUntil'
      )
    ).toBe('En godkjenning etter forsøksloven kan forlenges med høyst 2 år')
    expect(errorsOf({ ...base, expiryDate: '2029-12-31' }).size).toBe(0)
  })

  it('an ordinary legal basis leaves out dates the form still holds', () => {
    expect(errorsOf({ legalKind: 'ordinary', approvalDate: '2026-01-01' }).size).toBe(0)
  })

  it('rows: an unchosen partner, a contact without e-mail; a bad tag and budget', () => {
    const errors = errorsOf({
      partners: [{ key: 1, organisationId: '', role: '' }],
      contacts: [
        { key: 2, name: 'Kari', email: 'kari', phone: '22', role: '', showPublicly: false },
      ],
      tags: 'eldre, #video',
      budgetNok: 'mye',
    })
    expect(errors.get('partners-0-organisationId')).toBe('Fyll ut feltet')
    expect(errors.get('partners-0-role')).toBe(i18n.t('form.error.choose'))
    expect(errors.get('contacts-0-email')).toBe(i18n.t('form.error.email'))
    expect(errors.has('contacts-0-phone')).toBe(true)
    expect(errors.get('tags')).toMatch(/^Emneordet «#video»/)
    expect(errors.get('budgetNok')).toBe(i18n.t('form.error.number'))
    expect(moreFieldLabel('contacts-0-email', i18n)).toBe('Kontaktperson 1, E-postadresse')
    expect(moreFieldLabel('partners-1-role', i18n)).toBe('Samarbeidspartner 2, Rolle')
  })

  it("the server's objections land on their fields", () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid',
      status: 422,
      code: 'validation_failed',
      errors: [
        {
          in: 'body' as const,
          pointer: '/partners/1/organisationId',
          field: 'partners.1.organisationId',
          code: 'duplicate',
          detail: 'Listed more than once',
        },
        {
          in: 'body' as const,
          pointer: '/legalBasis/expiryDate',
          field: 'legalBasis.expiryDate',
          code: 'inconsistent',
          detail: 'Must be after approvalDate',
        },
      ],
    }
    const errors = partnerErrors(problem, serverFieldErrors(problem, i18n), i18n)
    expect(errors.get('partners-1-organisationId')).toBe(
      'Virksomheten står allerede på listen over samarbeidspartnere'
    )
    expect(errors.get('legalBasis-expiryDate')).toBe('Må være etter datoen forsøket ble godkjent')
  })
})
