import { describe, expect, it } from 'vitest'
import {
  ADOPTION_DEGREES,
  ADOPTION_STATUSES,
  BENEFIT_KINDS,
  BENEFIT_PARTIES,
  EVALUATION_KINDS,
  EVALUATION_METHODS,
  EVENT_TYPES,
  EVIDENCE_LEVELS,
  FACTORS,
  FLAGS,
  INNOVATION_TYPES,
  LEGAL_BASES,
  METRIC_DIRECTIONS,
  ORGANISATION_KINDS,
  OUTCOMES,
  PARTNER_ROLES,
  SERVICE_AREAS,
  STAGES,
} from '../../schema/enums.ts'
import { en } from './en.ts'
import { I18n, interpolate, type LabelValues, LOCALES, storedLocale } from './i18n.ts'
import { nb as nbMessages } from './nb.ts'
import { nn } from './nn.ts'

const MESSAGES = { nb: nbMessages, nn, en }

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const allKeys = [...new Set(LOCALES.flatMap((locale) => Object.keys(MESSAGES[locale])))].sort()

describe('the messages', () => {
  it.each(LOCALES)('%s has every key, none of them empty', (locale) => {
    const messages: Record<string, unknown> = MESSAGES[locale]
    const missing = allKeys.filter((key) => !(key in messages))
    const empty = allKeys.filter(
      (key) =>
        key in messages && (typeof messages[key] !== 'string' || !String(messages[key]).trim())
    )
    expect(missing, `keys missing in ${locale}`).toEqual([])
    expect(empty, `keys empty in ${locale}`).toEqual([])
  })

  it.each(LOCALES)('%s uses the same placeholders as bokmål', (locale) => {
    const nb: Record<string, string> = MESSAGES.nb
    const messages: Record<string, string> = MESSAGES[locale]
    const differing = Object.keys(nb).filter(
      (key) =>
        key in messages &&
        placeholders(messages[key] ?? '').join() !== placeholders(nb[key] ?? '').join()
    )
    expect(differing).toEqual([])
  })

  it('has the other form of every message with a singular form', () => {
    // `.other` alone is also a vocabulary value (serviceArea.other); `.one` marks a plural.
    const bases = allKeys.filter((k) => k.endsWith('.one')).map((k) => k.slice(0, -'.one'.length))
    expect(bases.length).toBeGreaterThan(0)
    for (const base of bases) expect(allKeys, base).toContain(`${base}.other`)
  })

  const vocabularies: { [K in keyof LabelValues]: readonly LabelValues[K][] } = {
    stage: STAGES,
    outcome: OUTCOMES,
    serviceArea: SERVICE_AREAS,
    innovationType: INNOVATION_TYPES,
    flag: FLAGS,
    orgKind: ORGANISATION_KINDS,
    partnerRole: PARTNER_ROLES,
    legalBasis: LEGAL_BASES,
    evaluationKind: EVALUATION_KINDS,
    method: EVALUATION_METHODS,
    factor: FACTORS,
    benefitKind: BENEFIT_KINDS,
    party: BENEFIT_PARTIES,
    adoptionStatus: ADOPTION_STATUSES,
    adoptionDegree: ADOPTION_DEGREES,
    event: EVENT_TYPES,
    direction: METRIC_DIRECTIONS,
  }

  it.each(LOCALES)(
    '%s labels every value of every vocabulary, and every evidence level',
    (locale) => {
      const messages: Record<string, string> = MESSAGES[locale]
      const missing = Object.entries(vocabularies).flatMap(([kind, values]) =>
        values.map((v) => `${kind}.${v}`).filter((key) => !messages[key]?.trim())
      )
      expect(missing).toEqual([])
      const i18n = new I18n(locale, MESSAGES[locale])
      for (const level of EVIDENCE_LEVELS) {
        expect(i18n.evidence(level)?.title.trim()).toBeTruthy()
        expect(i18n.evidence(level)?.explanation.trim()).toBeTruthy()
      }
    }
  )
})

describe('I18n', () => {
  it('fills placeholders and picks the plural form', () => {
    expect(interpolate('{a} og {b}', { a: 1 })).toBe('1 og {b}')
    const nb = new I18n('nb', nbMessages)
    expect(nb.plural('common.days', 1)).toBe('1 dag')
    expect(nb.plural('common.days', 66)).toBe('66 dager')
    expect(new I18n('nn', nn).plural('common.days', 66)).toBe('66 dagar')
    expect(new I18n('en', en).plural('common.days', 1)).toBe('1 day')
    // The overview's figure: one successful pilot is singular in all three languages.
    expect(nb.plural('overview.figure.stuck', 1)).toBe('vellykket forsøk er ikke tatt videre')
    expect(nb.plural('overview.figure.stuck', 2)).toBe('vellykkede forsøk er ikke tatt videre')
    expect(new I18n('nn', nn).plural('overview.figure.stuck', 1)).toBe(
      'vellukka forsøk er ikkje teke vidare'
    )
    expect(new I18n('en', en).plural('overview.figure.stuck', 1)).toBe(
      'successful pilot not taken further'
    )
  })

  it('formats calendar dates without shifting the day', () => {
    expect(new I18n('nb', nbMessages).date('2024-09-18')).toBe('18. september 2024')
    expect(new I18n('en', en).date('2024-09-18')).toBe('18 September 2024')
    expect(new I18n('nb', nbMessages).day('2023-12-31T23:30:00Z')).toBe('1. januar 2024')
  })

  it('loads the messages of the language chosen', async () => {
    expect((await I18n.load('nn')).t('common.yes')).toBe(nn['common.yes'])
    expect((await I18n.load('en')).t('common.yes')).toBe('Yes')
  })

  it('remembers only a known language', () => {
    expect(storedLocale({ getItem: () => 'nn' })).toBe('nn')
    expect(storedLocale({ getItem: () => 'sv' })).toBe('nb')
    expect(
      storedLocale({
        getItem: () => {
          throw new Error('storage off')
        },
      })
    ).toBe('nb')
  })
})
