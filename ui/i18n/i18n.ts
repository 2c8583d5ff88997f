import type {
  AdoptionDegree,
  AdoptionStatus,
  BenefitKind,
  BenefitParty,
  EvaluationKind,
  EvaluationMethod,
  EventType,
  EvidenceLevel,
  Factor,
  Flag,
  InnovationType,
  LegalBasis,
  MetricDirection,
  OrganisationKind,
  Outcome,
  PartnerRole,
  ServiceArea,
  Stage,
} from '../../schema/enums.ts'
import { EVIDENCE_LEVEL_TEXTS } from '../../schema/evidence.ts'
import type { MessageKey, Messages, PluralKey } from './messages.ts'
import { nb } from './nb.ts'

export const LOCALES = ['nb', 'nn', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'nb'

// Bokmål is in the app from the start; nynorsk and English are fetched only by those who choose
// them, so no one downloads three languages to read one.
const MESSAGES: Record<Locale, () => Promise<Messages>> = {
  nb: async () => nb,
  nn: async () => (await import('./nn.ts')).nn,
  en: async () => (await import('./en.ts')).en,
}

/**
 * The language of what organisations write (titles, summaries, lessons): Norwegian, whatever the
 * language of the interface. Marked on that text so screen readers pronounce it right.
 */
export const CONTENT_LANG = 'no'

/** Each language's name in that language, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  nb: 'Bokmål',
  nn: 'Nynorsk',
  en: 'English',
}

// Browsers without nynorsk locale data (Chromium among them) fall back to bokmål, whose dates
// and numbers are written the same way.
const INTL_LOCALES: Record<Locale, string[]> = {
  nb: ['nb-NO', 'no'],
  nn: ['nn-NO', 'nb-NO', 'no'],
  en: ['en-GB'],
}

/** The closed vocabularies that have a label per value, keyed by their message prefix. */
export interface LabelValues {
  stage: Stage
  outcome: Outcome
  serviceArea: ServiceArea
  innovationType: InnovationType
  flag: Flag
  orgKind: OrganisationKind
  partnerRole: PartnerRole
  legalBasis: LegalBasis
  evaluationKind: EvaluationKind
  method: EvaluationMethod
  factor: Factor
  benefitKind: BenefitKind
  party: BenefitParty
  adoptionStatus: AdoptionStatus
  adoptionDegree: AdoptionDegree
  event: EventType
  direction: MetricDirection
}
type LabelKey = { [K in keyof LabelValues]: `${K}.${LabelValues[K]}` }[keyof LabelValues]
// Fails to compile when a value of a vocabulary has no message.
type AssertMessageKeys<T extends MessageKey> = T
export type LabelMessageKey = AssertMessageKeys<LabelKey>

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Fills `{name}` placeholders; a placeholder without a value is left as it is. */
export function interpolate(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  )
}

/**
 * Messages and formats of one language. A new instance per language, so that everything that
 * receives it through context sees the change.
 */
export class I18n {
  readonly locale: Locale
  readonly #messages: Messages
  readonly #plural: Intl.PluralRules
  readonly #number: Intl.NumberFormat
  readonly #percent: Intl.NumberFormat
  readonly #nok: Intl.NumberFormat
  readonly #date: Intl.DateTimeFormat
  readonly #instant: Intl.DateTimeFormat

  /** The messages and formats of `locale`, once its messages are loaded. */
  static async load(locale: Locale): Promise<I18n> {
    return new I18n(locale, await MESSAGES[locale]())
  }

  constructor(locale: Locale, messages: Messages) {
    this.locale = locale
    this.#messages = messages
    const intl = INTL_LOCALES[locale]
    this.#plural = new Intl.PluralRules(intl)
    this.#number = new Intl.NumberFormat(intl, { maximumFractionDigits: 2 })
    this.#percent = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 })
    this.#nok = new Intl.NumberFormat(intl, {
      style: 'currency',
      currency: 'NOK',
      maximumFractionDigits: 0,
    })
    // Calendar dates are dates, not instants: format them in UTC so no time zone shifts the day.
    this.#date = new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' })
    this.#instant = new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'Europe/Oslo' })
  }

  /** The message in this language, with its placeholders filled. */
  t(key: MessageKey, params?: Record<string, string | number>): string {
    return interpolate(this.#messages[key], params)
  }

  /** The plural form that fits `count`, with `{count}` formatted as a number. */
  plural(key: PluralKey, count: number, params: Record<string, string | number> = {}): string {
    const form = this.#plural.select(count) === 'one' ? 'one' : 'other'
    return this.t(`${key}.${form}` as MessageKey, { ...params, count: this.number(count) })
  }

  /** The label of a value of one of the domain's vocabularies. */
  label<K extends keyof LabelValues>(kind: K, value: LabelValues[K]): string {
    return this.t(`${kind}.${value}` as LabelKey)
  }

  /** The title and explanation of an evidence level (Nesta's standards), if it is one. */
  evidence(level: number): { title: string; explanation: string } | null {
    const texts = EVIDENCE_LEVEL_TEXTS[level as EvidenceLevel]
    if (!texts) return null
    return { title: texts.title[this.locale], explanation: texts.explanation[this.locale] }
  }

  number(value: number): string {
    return this.#number.format(value)
  }

  /** A share between 0 and 1 as a percentage. */
  percent(share: number): string {
    return this.#percent.format(share)
  }

  nok(value: number): string {
    return this.#nok.format(value)
  }

  /** A calendar date (`YYYY-MM-DD`). */
  date(isoDate: string): string {
    const date = new Date(`${isoDate}T00:00:00Z`)
    return Number.isNaN(date.getTime()) ? isoDate : this.#date.format(date)
  }

  /** The day of an instant (an RFC 3339 timestamp), as it was in Norway. */
  day(timestamp: string): string {
    const date = new Date(timestamp)
    return Number.isNaN(date.getTime()) ? timestamp : this.#instant.format(date)
  }
}

const STORAGE_KEY = 'forsoksregisteret.locale'

/** The language the user chose last time, or bokmål. */
export function storedLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  try {
    const stored = storage?.getItem(STORAGE_KEY)
    return isLocale(stored) ? stored : DEFAULT_LOCALE
  } catch {
    // Storage can be switched off; the default language is then the only memory there is.
    return DEFAULT_LOCALE
  }
}

export function storeLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: Locale) {
  try {
    storage?.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembered, but the switch itself still works.
  }
}
