import type { z } from 'zod'
import type { Adoption, AdoptionCreate, AdoptionPatch, CopyRequest } from '../../schema/adoption.ts'
import type { TokenCreate } from '../../schema/auth.ts'
import type { BenefitLedger } from '../../schema/benefit.ts'
import type { Problem } from '../../schema/common.ts'
import type { Evaluation, EvaluationCreate } from '../../schema/evaluation.ts'
import type { MetricCreate, MetricPatch } from '../../schema/metric.ts'
import type { Organisation, OrganisationCreate } from '../../schema/organisation.ts'
import type {
  Pilot,
  PilotFilters,
  PilotPatch,
  PilotQuery,
  PilotSummary,
  TransitionRequest,
} from '../../schema/pilot.ts'
import type { PipelineQuery, SpreadQuery } from '../../schema/stats.ts'
import type { AnswerName, Answers } from './contract.ts'

export type PilotPage = Answers['pilotPage']
export type EvaluationPage = Answers['evaluationPage']
export type AdoptionPage = Answers['adoptionPage']
export type EventPage = Answers['eventPage']
export type EvaluatorPage = Answers['evaluatorPage']
export type { Adoption, Evaluation }
export type CopyResult = Answers['copyResult']
export type Advisor = CopyResult['advisor']
export type PilotFacets = Answers['pilotFacets']
export type { BenefitLedger, Organisation, Pilot, PilotSummary }
export type Me = Answers['me']
export type PipelineStats = Answers['pipelineStats']
export type ApiToken = Answers['tokenPage']['items'][number]
export type CreatedToken = Answers['createdToken']
export type Member = Answers['memberPage']['items'][number]
export type UserSummary = Answers['userSummary']
export type PersonalData = Answers['personalData']
export type Evaluator = Answers['evaluatorPage']['items'][number]
export type SpreadStats = Answers['spreadStats']
export type Diffusion = Answers['diffusion']
export type BassFit = Answers['bassFit']
export type Lineage = Answers['lineage']
export type BenefitTotals = Answers['benefitTotals']
export type County = Answers['countyPage']['items'][number]

/** A search as the UI asks for it: every filter optional, lists of values where the API takes several. */
export type PilotSearch = Partial<PilotQuery>

/** An answer from the API that was not a success, with its problem details when it sent them. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null

  constructor(status: number, problem: Problem | null, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
}

/** Query parameters of a search; lists are sent comma-separated, as the API accepts them. */
export function searchParams(query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) {
      if (value.length) params.set(name, value.join(','))
    } else {
      params.set(name, String(value))
    }
  }
  return params
}

/** A pilot's ETag, as the API sends it and expects it back in `If-Match`. */
export const etagOf = (version: number) => `"${version}"`

/** The pilot version an ETag names, or null when there is none. */
function versionOf(etag: string | null): number | null {
  const version = Number(/^(?:W\/)?"(\d+)"$/.exec(etag ?? '')?.[1])
  return Number.isInteger(version) ? version : null
}

/**
 * The answer, as the contract names it. In development and in tests it is checked against the
 * shared zod schema, so a change in the contract shows up as an error here rather than as a blank
 * somewhere on a page. A production build trusts the API, whose own tests hold every answer to the
 * same schemas, and so keeps zod (the largest part of the first page's JavaScript) out of the
 * pages that only read. The answer is handed on as it came in both cases, so the two behave alike.
 */
async function checked<K extends AnswerName>(
  name: K,
  answer: unknown,
  status: number,
  request: string
): Promise<Answers[K]> {
  if (import.meta.env.DEV) {
    const { answers } = await import('./contract.ts')
    const parsed = answers[name].safeParse(answer)
    if (!parsed.success) {
      throw new ApiError(status, null, `${request} answered in an unexpected shape`, {
        cause: parsed.error,
      })
    }
  }
  return answer as Answers[K]
}

async function problemError(status: number, body: unknown, request: string): Promise<ApiError> {
  // A proxy's error page or a crashed server's answer is no problem document.
  const problem = await checked('problem', body, status, request).catch(() => null)
  return typeof problem?.title === 'string'
    ? new ApiError(status, problem, problem.title)
    : new ApiError(status, null, `${request} answered ${status}`)
}

interface GetOptions {
  query?: URLSearchParams
  signal?: AbortSignal | undefined
}

/** The API over fetch; each answer is typed, and in development checked, by its zod schema. */
export class ApiClient {
  readonly #base: string
  readonly #fetch: typeof fetch

  constructor(options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
    this.#base = options.baseUrl ?? '/api/v1'
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init))
  }

  searchPilots(query: PilotSearch, signal?: AbortSignal) {
    return this.#get('/pilots', 'pilotPage', { query: searchParams(query), signal })
  }

  pilotFacets(filters: PilotFilters, signal?: AbortSignal) {
    return this.#get('/pilots/facets', 'pilotFacets', { query: searchParams(filters), signal })
  }

  pilot(id: string, signal?: AbortSignal) {
    return this.#get(`/pilots/${encodeURIComponent(id)}`, 'pilot', { signal })
  }

  evaluations(pilotId: string, signal?: AbortSignal) {
    const query = searchParams({ limit: 100 })
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/evaluations`, 'evaluationPage', {
      query,
      signal,
    })
  }

  benefits(pilotId: string, signal?: AbortSignal) {
    const query = searchParams({ limit: 100 })
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/benefits`, 'benefitLedger', {
      query,
      signal,
    })
  }

  adoptions(pilotId: string, signal?: AbortSignal) {
    const query = searchParams({ limit: 100 })
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/adoptions`, 'adoptionPage', {
      query,
      signal,
    })
  }

  /** What an organisation took up from others: its adoptions the caller may see, oldest first. */
  organisationAdoptions(organisationId: string, signal?: AbortSignal) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/adoptions`
    return this.#get(path, 'adoptionPage', { signal })
  }

  events(pilotId: string, cursor: string | null, signal?: AbortSignal) {
    const query = searchParams({ limit: 50, cursor })
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/events`, 'eventPage', {
      query,
      signal,
    })
  }

  pipeline(filters: Partial<PipelineQuery> = {}, signal?: AbortSignal) {
    return this.#get('/stats/pipeline', 'pipelineStats', {
      query: searchParams(filters),
      signal,
    })
  }

  spread(query: Partial<SpreadQuery> = {}, signal?: AbortSignal) {
    return this.#get('/stats/spread', 'spreadStats', { query: searchParams(query), signal })
  }

  benefitStats(signal?: AbortSignal) {
    return this.#get('/stats/benefits', 'benefitTotals', { signal })
  }

  lineage(pilotId: string, signal?: AbortSignal) {
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/lineage`, 'lineage', { signal })
  }

  /** A pilot's curve with its Bass fit; null when there is too little to fit (422). */
  async diffusion(pilotId: string, signal?: AbortSignal): Promise<Diffusion | null> {
    try {
      return await this.#get(`/pilots/${encodeURIComponent(pilotId)}/diffusion`, 'diffusion', {
        signal,
      })
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) return null
      throw error
    }
  }

  /** Fits the Bass model to adoptions per period; null when the data cannot support a fit (422). */
  async bassFit(adoptionsPerPeriod: number[], horizon = 5): Promise<BassFit | null> {
    try {
      return await this.#send('POST', '/analytics/bass-fit', 'bassFit', {
        adoptionsPerPeriod,
        horizon,
      })
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) return null
      throw error
    }
  }

  counties(signal?: AbortSignal) {
    return this.#get('/counties', 'countyPage', { signal })
  }

  /** The signed-in user, or null when no one is. */
  async me(signal?: AbortSignal): Promise<Me | null> {
    try {
      return await this.#get('/auth/me', 'me', { signal })
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null
      throw error
    }
  }

  organisation(id: string, signal?: AbortSignal) {
    return this.#get(`/organisations/${encodeURIComponent(id)}`, 'organisation', { signal })
  }

  login(email: string, password: string) {
    return this.#send('POST', '/auth/login', 'me', { email, password })
  }

  async logout() {
    await this.#send('POST', '/auth/logout', null, undefined)
  }

  /** Registers a pilot; `input` has been checked against `PilotCreate` by the caller. */
  createPilot(input: unknown) {
    return this.#send('POST', '/pilots', 'pilot', input)
  }

  /** Changes some fields of a pilot read at `version`; refused with 412 when it changed since. */
  updatePilot(id: string, version: number, patch: PilotPatch) {
    return this.#send('PATCH', `/pilots/${encodeURIComponent(id)}`, 'pilot', patch, {
      'If-Match': etagOf(version),
    })
  }

  /** Adds a success metric to a pilot read at `version`; answers the metric and the new version. */
  addMetric(pilotId: string, version: number, input: MetricCreate) {
    return this.#write('POST', `/pilots/${encodeURIComponent(pilotId)}/metrics`, 'metric', input, {
      'If-Match': etagOf(version),
    })
  }

  /** Changes a metric of a pilot read at `version`; answers the metric and the new version. */
  updateMetric(pilotId: string, metricId: string, version: number, patch: MetricPatch) {
    const path = `/pilots/${encodeURIComponent(pilotId)}/metrics/${encodeURIComponent(metricId)}`
    return this.#write('PATCH', path, 'metric', patch, { 'If-Match': etagOf(version) })
  }

  /** Removes a metric of a pilot read at `version`; answers the new version. */
  async removeMetric(pilotId: string, metricId: string, version: number, amendmentReason?: string) {
    const query = amendmentReason ? `?${new URLSearchParams({ amendmentReason })}` : ''
    const path = `/pilots/${encodeURIComponent(pilotId)}/metrics/${encodeURIComponent(metricId)}${query}`
    const { version: next } = await this.#write('DELETE', path, null, undefined, {
      'If-Match': etagOf(version),
    })
    return next
  }

  /** Moves a pilot to another stage; refused with 412 when it changed since `version` was read. */
  transition(id: string, version: number, request: TransitionRequest) {
    return this.#send('POST', `/pilots/${encodeURIComponent(id)}/transitions`, 'pilot', request, {
      'If-Match': etagOf(version),
    })
  }

  /** Copies another organisation's published pilot into a local draft of the caller's organisation. */
  copyPilot(id: string, request: Partial<CopyRequest>) {
    return this.#send('POST', `/pilots/${encodeURIComponent(id)}/copy`, 'copyResult', request)
  }

  // Accounts, organisations and administration.

  tokens(signal?: AbortSignal) {
    return this.#get('/tokens', 'tokenPage', { signal })
  }

  /** Creates an API token; the answer carries its secret, which the API never shows again. */
  createToken(input: z.input<typeof TokenCreate>) {
    return this.#send('POST', '/tokens', 'createdToken', input)
  }

  revokeToken(id: string) {
    return this.#send('DELETE', `/tokens/${encodeURIComponent(id)}`, null, undefined)
  }

  changePassword(input: { currentPassword?: string; newPassword: string }) {
    return this.#send('POST', '/auth/password', null, input)
  }

  switchOrganisation(organisationId: string) {
    return this.#send('POST', '/auth/organisation', 'me', { organisationId })
  }

  organisations(query: { cursor?: string | null; limit?: number }, signal?: AbortSignal) {
    return this.#get('/organisations', 'organisationPage', { query: searchParams(query), signal })
  }

  /** Registers an organisation; `input` has been checked against `OrganisationCreate`. */
  createOrganisation(input: OrganisationCreate) {
    return this.#send('POST', '/organisations', 'organisation', input)
  }

  members(organisationId: string, signal?: AbortSignal) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/members`
    return this.#get(path, 'memberPage', { signal })
  }

  addMember(organisationId: string, input: { email: string; name: string; role: string }) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/members`
    return this.#send('POST', path, 'memberPage', input)
  }

  changeMember(organisationId: string, userId: string, role: string) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(userId)}`
    return this.#send('PATCH', path, 'memberPage', { role })
  }

  removeMember(organisationId: string, userId: string) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(userId)}`
    return this.#send('DELETE', path, null, undefined)
  }

  /** Users by e-mail address; `q` matches a part of a name or address (system administrators). */
  users(query: { q?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal) {
    return this.#get('/users', 'userPage', { query: searchParams(query), signal })
  }

  patchUser(id: string, patch: { systemAdmin?: boolean; evaluator?: boolean; disabled?: boolean }) {
    return this.#send('PATCH', `/users/${encodeURIComponent(id)}`, 'userSummary', patch)
  }

  personalData(email: string, signal?: AbortSignal) {
    return this.#get('/personal-data', 'personalData', {
      query: searchParams({ email }),
      signal,
    })
  }

  erasePersonalData(email: string) {
    return this.#send('DELETE', `/personal-data?${searchParams({ email })}`, 'erased', undefined)
  }

  evaluators(pilotId: string, signal?: AbortSignal) {
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/evaluators`, 'evaluatorPage', {
      signal,
    })
  }

  assignEvaluator(pilotId: string, input: { email: string; name: string }) {
    const path = `/pilots/${encodeURIComponent(pilotId)}/evaluators`
    return this.#send('POST', path, 'evaluatorPage', input)
  }

  /** Ends an evaluator's assignment; refused with 412 when the pilot changed since `version`. */
  removeEvaluator(pilotId: string, userId: string, version: number) {
    const path = `/pilots/${encodeURIComponent(pilotId)}/evaluators/${encodeURIComponent(userId)}`
    return this.#send('DELETE', path, null, undefined, { 'If-Match': etagOf(version) })
  }

  /** Takes a pilot out of public view with a logged reason (system administrators). */
  unpublish(pilotId: string, version: number, reason: string) {
    const path = `/pilots/${encodeURIComponent(pilotId)}/unpublish`
    return this.#send(
      'POST',
      path,
      'version',
      { reason },
      {
        'If-Match': etagOf(version),
      }
    )
  }

  /** Imports pilots from CSV in the export format: all rows or none. */
  importPilots(csv: string) {
    return this.#send('POST', '/import/pilots.csv', 'importResult', { csv })
  }

  municipalities(signal?: AbortSignal) {
    return this.#get('/municipalities', 'municipalityPage', { signal })
  }

  /**
   * Records an evaluation (`input` checked against `EvaluationCreate` by the caller); `version` is
   * the pilot's version after it, which a report upload needs in `If-Match`.
   */
  async recordEvaluation(pilotId: string, input: EvaluationCreate) {
    const path = `/pilots/${encodeURIComponent(pilotId)}/evaluations`
    const { value, version } = await this.#write('POST', path, 'evaluation', input)
    return { evaluation: value, version }
  }

  /** Uploads an evaluation's report as a PDF; refused with 412 when the pilot changed since `version`. */
  async uploadReport(
    pilotId: string,
    evaluationId: string,
    version: number | null,
    file: Blob,
    filename: string
  ) {
    const query = searchParams({ filename })
    const { data, etag } = await this.#exchange(
      'PUT',
      `/pilots/${encodeURIComponent(pilotId)}/evaluations/${encodeURIComponent(evaluationId)}/report?${query}`,
      'evaluation',
      {
        'Content-Type': 'application/pdf',
        ...(version === null ? {} : { 'If-Match': etagOf(version) }),
      },
      file
    )
    return { evaluation: data, version: versionOf(etag) }
  }

  /** Records that the caller's organisation has taken up (or looks at) a pilot. */
  createAdoption(pilotId: string, input: AdoptionCreate) {
    return this.#send('POST', `/pilots/${encodeURIComponent(pilotId)}/adoptions`, 'adoption', input)
  }

  /** Changes an adoption; refused with 412 when it changed since `version` was read. */
  updateAdoption(id: string, version: number, patch: AdoptionPatch) {
    return this.#send('PATCH', `/adoptions/${encodeURIComponent(id)}`, 'adoption', patch, {
      'If-Match': etagOf(version),
    })
  }

  // Writes carry the session cookie; the browser adds Origin, which the API checks.
  async #send<K extends AnswerName | null>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    answer: K,
    body: unknown,
    headers: Record<string, string> = {}
  ): Promise<K extends AnswerName ? Answers[K] : undefined> {
    return (await this.#write(method, path, answer, body, headers)).value
  }

  /** A JSON write; the answer's ETag is the record's new version, for the next write's If-Match. */
  async #write<K extends AnswerName | null>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    answer: K,
    body: unknown,
    headers: Record<string, string> = {}
  ): Promise<{ value: K extends AnswerName ? Answers[K] : undefined; version: number | null }> {
    const { data, etag } = await this.#exchange(
      method,
      path,
      answer,
      { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body === undefined ? null : JSON.stringify(body)
    )
    return { value: data, version: versionOf(etag) }
  }

  async #exchange<K extends AnswerName | null>(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    answer: K,
    headers: Record<string, string>,
    body: BodyInit | null
  ): Promise<{ data: K extends AnswerName ? Answers[K] : undefined; etag: string | null }> {
    const url = `${this.#base}${path}`
    const request = `${method} ${url}`
    const response = await this.#fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...headers },
      body,
    })
    const content: unknown =
      response.status === 204 ? null : await response.json().catch(() => null)
    if (!response.ok) throw await problemError(response.status, content, request)
    const etag = response.headers.get('ETag')
    if (answer === null) return { data: undefined as never, etag }
    return { data: (await checked(answer, content, response.status, request)) as never, etag }
  }

  async #get<K extends AnswerName>(
    path: string,
    answer: K,
    options: GetOptions
  ): Promise<Answers[K]> {
    const query = options.query?.toString()
    const url = `${this.#base}${path}${query ? `?${query}` : ''}`
    const response = await this.#fetch(url, {
      headers: { Accept: 'application/json' },
      signal: options.signal ?? null,
    })
    const body: unknown = await response.json().catch(() => null)
    if (!response.ok) throw await problemError(response.status, body, `GET ${url}`)
    return checked(answer, body, response.status, `GET ${url}`)
  }
}
