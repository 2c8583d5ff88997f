// The Atom 1.0 feed of pilot events (RFC 4287), written by hand: a small, fixed vocabulary needs
// no XML library, only correct escaping. The output depends on its input alone (never on the time
// now), so the same data gives the same bytes and the ETag holds.
import type { FieldDiff } from '../../schema/database.ts'
import type {
  EvaluationKind,
  Flag,
  InnovationType,
  OrganisationKind,
  Outcome,
  ServiceArea,
  Stage,
} from '../../schema/enums.ts'
import type { PilotFilters } from '../../schema/pilot.ts'

// Characters XML 1.0 does not allow: control characters other than tab, LF and CR, lone
// surrogates, U+FFFE and U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
}

/** Text that reads back exactly inside an XML 1.0 element, less the characters XML cannot hold. */
export function xmlText(text: string): string {
  // A raw CR would be read back as LF, so it becomes a character reference.
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c] as string)
}

/** Text that reads back exactly inside a quoted XML attribute (whitespace is not normalised away). */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r\n\t]/g, (c) => ENTITIES[c] as string)
}

export interface AtomLink {
  rel: 'self' | 'alternate' | 'related'
  href: string
  type: string
}

export interface AtomEntry {
  id: string
  title: string
  updated: Date
  published: Date
  links: AtomLink[]
  author: string
  category: { term: string; label: string }
  summary: string
}

export interface AtomFeed {
  id: string
  title: string
  subtitle: string
  updated: Date
  links: AtomLink[]
  author: string
  generator: string
  rights: string
  entries: AtomEntry[]
}

const element = (indent: string, name: string, text: string) =>
  `${indent}<${name}>${xmlText(text)}</${name}>`
const link = (indent: string, l: AtomLink) =>
  `${indent}<link rel="${l.rel}" type="${xmlAttribute(l.type)}" href="${xmlAttribute(l.href)}"/>`
const author = (indent: string, name: string) =>
  `${indent}<author>\n${element(`${indent}  `, 'name', name)}\n${indent}</author>`

function entryXml(e: AtomEntry): string {
  const i = '    '
  return [
    '  <entry>',
    element(i, 'id', e.id),
    `${i}<title type="text">${xmlText(e.title)}</title>`,
    element(i, 'updated', e.updated.toISOString()),
    element(i, 'published', e.published.toISOString()),
    ...e.links.map((l) => link(i, l)),
    author(i, e.author),
    `${i}<category term="${xmlAttribute(e.category.term)}" label="${xmlAttribute(e.category.label)}"/>`,
    ...(e.summary ? [`${i}<summary type="text">${xmlText(e.summary)}</summary>`] : []),
    '  </entry>',
  ].join('\n')
}

/** An Atom 1.0 document in UTF-8, the same bytes for the same feed; entries keep their order. */
export function atomFeed(feed: AtomFeed): string {
  const i = '  '
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb">',
    element(i, 'id', feed.id),
    `${i}<title type="text">${xmlText(feed.title)}</title>`,
    `${i}<subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`,
    element(i, 'updated', feed.updated.toISOString()),
    ...feed.links.map((l) => link(i, l)),
    // Every entry names its owner; the feed's own author covers a feed with no entries.
    author(i, feed.author),
    element(i, 'generator', feed.generator),
    `${i}<rights type="text">${xmlText(feed.rights)}</rights>`,
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n')
}

// Bokmål words for the vocabularies, as a reader of the feed sees them.
export const STAGE_WORDS: Record<Stage, string> = {
  hypothesis: 'hypotese',
  planned: 'planlagt',
  running: 'gjennomføres',
  evaluating: 'evalueres',
  concluded: 'avsluttet',
  adopted: 'innført',
  discontinued: 'avbrutt',
}
export const OUTCOME_WORDS: Record<Outcome, string> = {
  successful: 'vellykket',
  partially_successful: 'delvis vellykket',
  unsuccessful: 'ikke vellykket',
  inconclusive: 'uten klart resultat',
}
const EVALUATION_WORDS: Record<EvaluationKind, string> = {
  interim: 'midtveisevaluering',
  final: 'sluttevaluering',
  external: 'ekstern evaluering',
}
const SERVICE_AREA_WORDS: Record<ServiceArea, string> = {
  health_care: 'helse og omsorg',
  education: 'skole og opplæring',
  kindergarten: 'barnehage',
  child_welfare: 'barnevern',
  social_services: 'sosiale tjenester',
  culture: 'kultur',
  technical_services: 'tekniske tjenester',
  administration: 'administrasjon',
  other: 'annet',
}
const INNOVATION_WORDS: Record<InnovationType, string> = {
  service: 'tjeneste',
  product: 'produkt',
  process: 'prosess',
  organisation: 'organisering',
  communication: 'kommunikasjon',
}
const ORGANISATION_WORDS: Record<OrganisationKind, string> = {
  municipality: 'kommune',
  county: 'fylkeskommune',
  state_agency: 'statlig virksomhet',
  health_trust: 'helseforetak',
  research: 'forskning',
  company: 'selskap',
  other: 'annen',
}
const FLAG_WORDS: Record<Flag, string> = {
  stale: 'ikke oppdatert',
  results_overdue: 'resultater på etterskudd',
  legal_basis_expiring: 'hjemmel utløper snart',
  stuck_success: 'vellykket, men ikke tatt i bruk',
}

/** The word for a value of a vocabulary; throws on a value the vocabulary does not have. */
function word<T extends string>(words: Record<T, string>, value: unknown, what: string): string {
  if (typeof value === 'string' && Object.hasOwn(words, value)) return words[value as T]
  throw new Error(`Unknown ${what}: ${String(value)}`)
}

/** The filters that make the feed, each with its values sorted and once, in a fixed key order. */
export function feedFilters(filters: PilotFilters): [keyof PilotFilters, string[]][] {
  const out: [keyof PilotFilters, string[]][] = []
  for (const key of Object.keys(filters).sort() as (keyof PilotFilters)[]) {
    const value = filters[key]
    const values = (Array.isArray(value) ? [...new Set(value)].sort() : [value ?? '']).filter(
      (v) => v !== ''
    )
    if (values.length) out.push([key, values])
  }
  return out
}

/** Names the database knows for filter values that are numbers or ids. */
export interface FilterNames {
  counties: ReadonlyMap<string, string>
  municipality: string | null
  org: string | null
}

const FILTER_ORDER = [
  'q',
  'stage',
  'outcome',
  'serviceArea',
  'innovationType',
  'orgKind',
  'org',
  'county',
  'municipality',
  'year',
  'evidenceLevel',
  'flag',
] as const satisfies readonly (keyof PilotFilters)[]

/** What a search is, in short bokmål ("søk: hjemmeoppfølging; fase: gjennomføres"); '' for all. */
export function describeFilters(filters: PilotFilters, names: FilterNames): string {
  const chosen = new Map(feedFilters(filters))
  const words = (key: (typeof FILTER_ORDER)[number], values: string[]) => {
    switch (key) {
      case 'q':
        return `søk: ${values.join(' ')}`
      case 'stage':
        return `fase: ${values.map((v) => word(STAGE_WORDS, v, 'stage')).join(', ')}`
      case 'outcome':
        return `resultat: ${values.map((v) => word(OUTCOME_WORDS, v, 'outcome')).join(', ')}`
      case 'serviceArea':
        return `tjenesteområde: ${values.map((v) => word(SERVICE_AREA_WORDS, v, 'service area')).join(', ')}`
      case 'innovationType':
        return `innovasjonstype: ${values.map((v) => word(INNOVATION_WORDS, v, 'innovation type')).join(', ')}`
      case 'orgKind':
        return `eier: ${values.map((v) => word(ORGANISATION_WORDS, v, 'organisation kind')).join(', ')}`
      case 'org':
        return `eier: ${names.org ?? values.join(', ')}`
      case 'county':
        return `fylke: ${values.map((v) => names.counties.get(v) ?? v).join(', ')}`
      case 'municipality':
        return `kommune: ${names.municipality ?? values.join(', ')}`
      case 'year':
        return `registrert: ${values.join(', ')}`
      case 'evidenceLevel':
        return `evidensnivå: ${values.join(', ')}`
      case 'flag':
        return `varsel: ${values.map((v) => word(FLAG_WORDS, v, 'flag')).join(', ')}`
      default:
        throw new Error(`Unknown filter: ${key satisfies never}`)
    }
  }
  return FILTER_ORDER.flatMap((key) => {
    const values = chosen.get(key)
    return values ? [words(key, values)] : []
  }).join('; ')
}

/** An event in a pilot's own log that the feed tells about. */
export interface PilotFeedEvent {
  id: string
  type: 'pilot_created' | 'stage_changed' | 'evaluation_recorded'
  at: Date
  diff: FieldDiff
  data: Record<string, unknown> | null
  /** The pilot's stage once the event had happened. */
  stage: Stage
  pilot: { id: string; title: string; summary: string }
  ownerName: string
  /** For a recorded evaluation, its summary. */
  evaluationSummary: string | null
}

/** The title and summary of an event, in bokmål; throws on a stage, outcome or kind it does not know. */
export function describeEvent(e: PilotFeedEvent): { title: string; summary: string } {
  const quoted = `«${e.pilot.title}»`
  switch (e.type) {
    case 'pilot_created':
      return { title: `Nytt forsøk: ${e.pilot.title}`, summary: e.pilot.summary }
    case 'stage_changed': {
      const { from, to } = e.diff.stage ?? {}
      const reason = typeof e.data?.reason === 'string' ? e.data.reason : ''
      return {
        title: `${quoted} gikk fra ${word(STAGE_WORDS, from, 'stage')} til ${word(STAGE_WORDS, to, 'stage')}`,
        summary: reason || e.pilot.summary,
      }
    }
    case 'evaluation_recorded': {
      const evaluation = (e.diff.evaluation?.to ?? {}) as { kind?: unknown; outcome?: unknown }
      const kind = word(EVALUATION_WORDS, evaluation.kind, 'evaluation kind')
      const outcome =
        evaluation.outcome == null ? '' : `: ${word(OUTCOME_WORDS, evaluation.outcome, 'outcome')}`
      return {
        title: `Ny ${kind} av ${quoted}${outcome}`,
        summary: e.evaluationSummary || e.pilot.summary,
      }
    }
    default:
      throw new Error(`Unknown feed event: ${e.type satisfies never}`)
  }
}

/** The entry of an event, linking to the pilot's page and its JSON on `origin`. */
export function pilotEntry(e: PilotFeedEvent, origin: string): AtomEntry {
  return {
    id: `urn:uuid:${e.id}`,
    ...describeEvent(e),
    updated: e.at,
    published: e.at,
    links: [
      { rel: 'alternate', type: 'text/html', href: `${origin}/pilots/${e.pilot.id}` },
      { rel: 'related', type: 'application/json', href: `${origin}/api/v1/pilots/${e.pilot.id}` },
    ],
    author: e.ownerName,
    category: { term: e.stage, label: word(STAGE_WORDS, e.stage, 'stage') },
  }
}
