import {
  INNOVATION_TYPES,
  type InnovationType,
  ORGANISATION_KINDS,
  type OrganisationKind,
  OUTCOMES,
  type Outcome,
  SERVICE_AREAS,
  type ServiceArea,
  STAGES,
  type Stage,
} from '../schema/enums.ts'

/** A search on the discover page, as it stands in the URL. */
export interface DiscoverQuery {
  q: string
  stage: Stage[]
  serviceArea: ServiceArea[]
  innovationType: InnovationType[]
  outcome: Outcome[]
  evidenceLevel: string[]
  county: string[]
  cursor: string | null
}

/** The facets the discover page filters on, in the order it shows them. */
export const DISCOVER_FACETS = [
  'stage',
  'serviceArea',
  'innovationType',
  'outcome',
  'evidenceLevel',
  'county',
] as const
export type DiscoverFacet = (typeof DISCOVER_FACETS)[number]

/** The sections of the admin pages, each at its own address. */
export const ADMIN_SECTIONS = ['organisations', 'users', 'pilots', 'import'] as const
export type AdminSection = (typeof ADMIN_SECTIONS)[number]
const ADMIN_SLUGS: Record<AdminSection, string> = {
  organisations: '',
  users: '/brukere',
  pilots: '/forsok',
  import: '/import',
}

/** The filters of the pipeline page, as they stand in the URL; empty means all. */
export interface PipelineFilters {
  serviceArea: ServiceArea | ''
  county: string
  orgKind: OrganisationKind | ''
  from: string
  to: string
}

export const PIPELINE_FILTERS = ['serviceArea', 'county', 'orgKind', 'from', 'to'] as const

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function parsePipelineFilters(params: URLSearchParams): PipelineFilters {
  const one = <T extends string>(name: string, ok: (v: string) => boolean) => {
    const value = params.get(name) ?? ''
    return (ok(value) ? value : '') as T
  }
  return {
    serviceArea: one('serviceArea', (v) => (SERVICE_AREAS as readonly string[]).includes(v)),
    county: one('county', (v) => /^\d{2}$/.test(v)),
    orgKind: one('orgKind', (v) => (ORGANISATION_KINDS as readonly string[]).includes(v)),
    from: one('from', (v) => ISO_DATE.test(v)),
    to: one('to', (v) => ISO_DATE.test(v)),
  }
}

export type Route =
  | { name: 'overview' }
  | { name: 'discover'; query: DiscoverQuery }
  | { name: 'pilot'; id: string }
  | { name: 'accessibility' }
  | { name: 'login'; next: string }
  | { name: 'register' }
  | { name: 'edit'; id: string }
  | { name: 'evaluate'; id: string }
  | { name: 'adopt'; id: string }
  | { name: 'account' }
  | { name: 'organisation'; id: string }
  | { name: 'admin'; section: AdminSection }
  | { name: 'pipeline'; filters: PipelineFilters }
  | { name: 'spread' }
  | { name: 'not-found' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// Values that are not in a vocabulary are dropped: a hand-edited URL gives a search, not an error.
function values<T extends string>(params: URLSearchParams, name: string, allowed?: readonly T[]) {
  const all = params.getAll(name).flatMap((v) => v.split(','))
  const kept = all.map((v) => v.trim()).filter((v) => v && (!allowed || allowed.includes(v as T)))
  return [...new Set(kept)] as T[]
}

export function parseDiscoverQuery(params: URLSearchParams): DiscoverQuery {
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    stage: values(params, 'stage', STAGES),
    serviceArea: values(params, 'serviceArea', SERVICE_AREAS),
    innovationType: values(params, 'innovationType', INNOVATION_TYPES),
    outcome: values(params, 'outcome', OUTCOMES),
    evidenceLevel: values(params, 'evidenceLevel', ['1', '2', '3', '4', '5']),
    county: values(params, 'county').filter((c) => /^\d{2}$/.test(c)),
    cursor: params.get('cursor') || null,
  }
}

export function emptyDiscoverQuery(): DiscoverQuery {
  return parseDiscoverQuery(new URLSearchParams())
}

/** Where to go after signing in: a path of this app, never another site (`//host`, `/\\host`). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (next.startsWith('/logg-inn')) return '/'
  return next
}

/** Which page a path shows. */
export function matchRoute(url: Pick<URL, 'pathname' | 'searchParams'>): Route {
  const path = url.pathname.replace(/\/+$/, '') || '/'
  if (path === '/') return { name: 'overview' }
  if (path === '/sok') return { name: 'discover', query: parseDiscoverQuery(url.searchParams) }
  if (path === '/tilgjengelighet') return { name: 'accessibility' }
  if (path === '/logg-inn') return { name: 'login', next: safeNext(url.searchParams.get('neste')) }
  if (path === '/forsok/ny') return { name: 'register' }
  if (path === '/konto') return { name: 'account' }
  if (path === '/admin' || path.startsWith('/admin/')) {
    const section = ADMIN_SECTIONS.find((s) => `/admin${ADMIN_SLUGS[s]}` === path)
    if (section) return { name: 'admin', section }
  }
  if (path === '/forlop')
    return { name: 'pipeline', filters: parsePipelineFilters(url.searchParams) }
  if (path === '/spredning') return { name: 'spread' }
  const pilot = /^\/forsok\/([^/]+)(\/endre|\/evaluering\/ny|\/ta-i-bruk)?$/.exec(path)
  if (pilot?.[1] && UUID.test(pilot[1])) {
    const id = pilot[1].toLowerCase()
    if (pilot[2] === '/endre') return { name: 'edit', id }
    if (pilot[2] === '/evaluering/ny') return { name: 'evaluate', id }
    if (pilot[2] === '/ta-i-bruk') return { name: 'adopt', id }
    return { name: 'pilot', id }
  }
  const organisation = /^\/virksomhet\/([^/]+)$/.exec(path)
  if (organisation?.[1] && UUID.test(organisation[1]))
    return { name: 'organisation', id: organisation[1].toLowerCase() }
  return { name: 'not-found' }
}

/** The addresses of the app's pages. */
export const paths = {
  overview: () => '/',
  accessibility: () => '/tilgjengelighet',
  login: (next?: string) =>
    next && next !== '/' ? `/logg-inn?${new URLSearchParams({ neste: next })}` : '/logg-inn',
  register: () => '/forsok/ny',
  pilot: (id: string) => `/forsok/${encodeURIComponent(id)}`,
  edit: (id: string) => `/forsok/${encodeURIComponent(id)}/endre`,
  evaluate: (id: string) => `/forsok/${encodeURIComponent(id)}/evaluering/ny`,
  adopt: (id: string) => `/forsok/${encodeURIComponent(id)}/ta-i-bruk`,
  account: () => '/konto',
  organisation: (id: string) => `/virksomhet/${encodeURIComponent(id)}`,
  admin: (section: AdminSection = 'organisations') => `/admin${ADMIN_SLUGS[section]}`,
  pipeline(filters: Partial<PipelineFilters> = {}) {
    const params = new URLSearchParams()
    for (const name of PIPELINE_FILTERS) if (filters[name]) params.set(name, filters[name])
    const search = params.toString()
    return search ? `/forlop?${search}` : '/forlop'
  },
  spread: () => '/spredning',
  discover(query: Partial<DiscoverQuery> = {}) {
    const params = new URLSearchParams()
    if (query.q) params.set('q', query.q)
    for (const facet of DISCOVER_FACETS) {
      for (const value of query[facet] ?? []) params.append(facet, value)
    }
    if (query.cursor) params.set('cursor', query.cursor)
    const search = params.toString()
    return search ? `/sok?${search}` : '/sok'
  },
}
