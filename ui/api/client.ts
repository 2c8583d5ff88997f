import { z } from 'zod'
import {
  Member as MemberSchema,
  PersonalData as PersonalDataSchema,
  UserSummary as UserSummarySchema,
} from '../../schema/admin.ts'
import {
  Adoption,
  type AdoptionCreate,
  type AdoptionPatch,
  type CopyRequest,
  Lineage as LineageSchema,
} from '../../schema/adoption.ts'
import {
  ApiToken as ApiTokenSchema,
  CreatedToken as CreatedTokenSchema,
  Me as MeSchema,
  type TokenCreate,
} from '../../schema/auth.ts'
import { BenefitLedger, BenefitTotals as BenefitTotalsSchema } from '../../schema/benefit.ts'
import { Problem, page } from '../../schema/common.ts'
import {
  Evaluation,
  type EvaluationCreate,
  Evaluator as EvaluatorSchema,
} from '../../schema/evaluation.ts'
import { PilotEvent } from '../../schema/event.ts'
import { ImportResult } from '../../schema/export.ts'
import { Metric, type MetricCreate, type MetricPatch } from '../../schema/metric.ts'
import { County as CountySchema, Municipality } from '../../schema/municipality.ts'
import { Organisation, type OrganisationCreate } from '../../schema/organisation.ts'
import {
  Pilot,
  PilotFacets as PilotFacetsSchema,
  type PilotFilters,
  type PilotPatch,
  type PilotQuery,
  PilotSummary,
  type TransitionRequest,
} from '../../schema/pilot.ts'
import {
  BassFitResult as BassFitResultSchema,
  Diffusion as DiffusionSchema,
  type PipelineQuery,
  PipelineStats as PipelineStatsSchema,
  type SpreadQuery,
  SpreadStats as SpreadStatsSchema,
} from '../../schema/stats.ts'

const PilotPage = page(PilotSummary)
const EvaluationPage = page(Evaluation)
const AdoptionPage = page(Adoption)
const EventPage = page(PilotEvent)
const TokenPage = page(ApiTokenSchema)
const MemberPage = page(MemberSchema)
const OrganisationPage = page(Organisation)
const EvaluatorPage = page(EvaluatorSchema)
const MunicipalityPage = page(Municipality)
const UserPage = page(UserSummarySchema)
const Erased = z.object({ contactsRemoved: z.number().int(), accountAnonymised: z.boolean() })
const CountyPage = page(CountySchema)
const CopyResult = z.object({
  adoption: Adoption,
  localPilot: Pilot,
  advisor: z
    .object({
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      role: z.string().nullable(),
      organisationName: z.string(),
    })
    .nullable(),
})

export type PilotPage = z.infer<typeof PilotPage>
export type EvaluationPage = z.infer<typeof EvaluationPage>
export type AdoptionPage = z.infer<typeof AdoptionPage>
export type EventPage = z.infer<typeof EventPage>
export type EvaluatorPage = z.infer<typeof EvaluatorPage>
export type { Adoption, Evaluation }
export type CopyResult = z.infer<typeof CopyResult>
export type Advisor = CopyResult['advisor']
export type PilotFacets = z.infer<typeof PilotFacetsSchema>
export type { BenefitLedger, Organisation, Pilot, PilotSummary }
export type Me = z.infer<typeof MeSchema>
export type PipelineStats = z.infer<typeof PipelineStatsSchema>
export type ApiToken = z.infer<typeof ApiTokenSchema>
export type CreatedToken = z.infer<typeof CreatedTokenSchema>
export type Member = z.infer<typeof MemberSchema>
export type UserSummary = z.infer<typeof UserSummarySchema>
export type PersonalData = z.infer<typeof PersonalDataSchema>
export type Evaluator = z.infer<typeof EvaluatorSchema>
export type SpreadStats = z.infer<typeof SpreadStatsSchema>
export type Diffusion = z.infer<typeof DiffusionSchema>
export type BassFit = z.infer<typeof BassFitResultSchema>
export type Lineage = z.infer<typeof LineageSchema>
export type BenefitTotals = z.infer<typeof BenefitTotalsSchema>
export type County = z.infer<typeof CountySchema>

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

function problemError(status: number, body: unknown, request: string): ApiError {
  const problem = Problem.safeParse(body)
  return new ApiError(
    status,
    problem.success ? problem.data : null,
    problem.success ? problem.data.title : `${request} answered ${status}`
  )
}

interface GetOptions {
  query?: URLSearchParams
  signal?: AbortSignal | undefined
}

/**
 * The API over fetch. Every answer is checked against the shared zod schema, so a change in the
 * contract shows up as an error here rather than as a blank somewhere on a page.
 */
export class ApiClient {
  readonly #base: string
  readonly #fetch: typeof fetch

  constructor(options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
    this.#base = options.baseUrl ?? '/api/v1'
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init))
  }

  searchPilots(query: PilotSearch, signal?: AbortSignal) {
    return this.#get('/pilots', PilotPage, { query: searchParams(query), signal })
  }

  pilotFacets(filters: PilotFilters, signal?: AbortSignal) {
    return this.#get('/pilots/facets', PilotFacetsSchema, { query: searchParams(filters), signal })
  }

  pilot(id: string, signal?: AbortSignal) {
    return this.#get(`/pilots/${encodeURIComponent(id)}`, Pilot, { signal })
  }

  evaluations(pilotId: string, signal?: AbortSignal) {
    const query = searchParams({ limit: 100 })
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/evaluations`, EvaluationPage, {
      query,
      signal,
    })
  }

  benefits(pilotId: string, signal?: AbortSignal) {
    const query = searchParams({ limit: 100 })
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/benefits`, BenefitLedger, {
      query,
      signal,
    })
  }

  adoptions(pilotId: string, signal?: AbortSignal) {
    const query = searchParams({ limit: 100 })
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/adoptions`, AdoptionPage, {
      query,
      signal,
    })
  }

  /** What an organisation took up from others: its adoptions the caller may see, oldest first. */
  organisationAdoptions(organisationId: string, signal?: AbortSignal) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/adoptions`
    return this.#get(path, AdoptionPage, { signal })
  }

  events(pilotId: string, cursor: string | null, signal?: AbortSignal) {
    const query = searchParams({ limit: 50, cursor })
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/events`, EventPage, { query, signal })
  }

  pipeline(filters: Partial<PipelineQuery> = {}, signal?: AbortSignal) {
    return this.#get('/stats/pipeline', PipelineStatsSchema, {
      query: searchParams(filters),
      signal,
    })
  }

  spread(query: Partial<SpreadQuery> = {}, signal?: AbortSignal) {
    return this.#get('/stats/spread', SpreadStatsSchema, { query: searchParams(query), signal })
  }

  benefitStats(signal?: AbortSignal) {
    return this.#get('/stats/benefits', BenefitTotalsSchema, { signal })
  }

  lineage(pilotId: string, signal?: AbortSignal) {
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/lineage`, LineageSchema, { signal })
  }

  /** A pilot's curve with its Bass fit; null when there is too little to fit (422). */
  async diffusion(pilotId: string, signal?: AbortSignal): Promise<Diffusion | null> {
    try {
      return await this.#get(`/pilots/${encodeURIComponent(pilotId)}/diffusion`, DiffusionSchema, {
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
      return await this.#send('POST', '/analytics/bass-fit', BassFitResultSchema, {
        adoptionsPerPeriod,
        horizon,
      })
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) return null
      throw error
    }
  }

  counties(signal?: AbortSignal) {
    return this.#get('/counties', CountyPage, { signal })
  }

  /** The signed-in user, or null when no one is. */
  async me(signal?: AbortSignal): Promise<Me | null> {
    try {
      return await this.#get('/auth/me', MeSchema, { signal })
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null
      throw error
    }
  }

  organisation(id: string, signal?: AbortSignal) {
    return this.#get(`/organisations/${encodeURIComponent(id)}`, Organisation, { signal })
  }

  login(email: string, password: string) {
    return this.#send('POST', '/auth/login', MeSchema, { email, password })
  }

  async logout() {
    await this.#send('POST', '/auth/logout', null, undefined)
  }

  /** Registers a pilot; `input` has been checked against `PilotCreate` by the caller. */
  createPilot(input: unknown) {
    return this.#send('POST', '/pilots', Pilot, input)
  }

  /** Changes some fields of a pilot read at `version`; refused with 412 when it changed since. */
  updatePilot(id: string, version: number, patch: PilotPatch) {
    return this.#send('PATCH', `/pilots/${encodeURIComponent(id)}`, Pilot, patch, {
      'If-Match': etagOf(version),
    })
  }

  /** Adds a success metric to a pilot read at `version`; answers the metric and the new version. */
  addMetric(pilotId: string, version: number, input: MetricCreate) {
    return this.#write('POST', `/pilots/${encodeURIComponent(pilotId)}/metrics`, Metric, input, {
      'If-Match': etagOf(version),
    })
  }

  /** Changes a metric of a pilot read at `version`; answers the metric and the new version. */
  updateMetric(pilotId: string, metricId: string, version: number, patch: MetricPatch) {
    const path = `/pilots/${encodeURIComponent(pilotId)}/metrics/${encodeURIComponent(metricId)}`
    return this.#write('PATCH', path, Metric, patch, { 'If-Match': etagOf(version) })
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
    return this.#send('POST', `/pilots/${encodeURIComponent(id)}/transitions`, Pilot, request, {
      'If-Match': etagOf(version),
    })
  }

  /** Copies another organisation's published pilot into a local draft of the caller's organisation. */
  copyPilot(id: string, request: Partial<CopyRequest>) {
    return this.#send('POST', `/pilots/${encodeURIComponent(id)}/copy`, CopyResult, request)
  }

  // Accounts, organisations and administration.

  tokens(signal?: AbortSignal) {
    return this.#get('/tokens', TokenPage, { signal })
  }

  /** Creates an API token; the answer carries its secret, which the API never shows again. */
  createToken(input: z.input<typeof TokenCreate>) {
    return this.#send('POST', '/tokens', CreatedTokenSchema, input)
  }

  revokeToken(id: string) {
    return this.#send('DELETE', `/tokens/${encodeURIComponent(id)}`, null, undefined)
  }

  changePassword(input: { currentPassword?: string; newPassword: string }) {
    return this.#send('POST', '/auth/password', null, input)
  }

  switchOrganisation(organisationId: string) {
    return this.#send('POST', '/auth/organisation', MeSchema, { organisationId })
  }

  organisations(query: { cursor?: string | null; limit?: number }, signal?: AbortSignal) {
    return this.#get('/organisations', OrganisationPage, { query: searchParams(query), signal })
  }

  /** Registers an organisation; `input` has been checked against `OrganisationCreate`. */
  createOrganisation(input: OrganisationCreate) {
    return this.#send('POST', '/organisations', Organisation, input)
  }

  members(organisationId: string, signal?: AbortSignal) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/members`
    return this.#get(path, MemberPage, { signal })
  }

  addMember(organisationId: string, input: { email: string; name: string; role: string }) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/members`
    return this.#send('POST', path, MemberPage, input)
  }

  changeMember(organisationId: string, userId: string, role: string) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(userId)}`
    return this.#send('PATCH', path, MemberPage, { role })
  }

  removeMember(organisationId: string, userId: string) {
    const path = `/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(userId)}`
    return this.#send('DELETE', path, null, undefined)
  }

  /** Users by e-mail address; `q` matches a part of a name or address (system administrators). */
  users(query: { q?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal) {
    return this.#get('/users', UserPage, { query: searchParams(query), signal })
  }

  patchUser(id: string, patch: { systemAdmin?: boolean; evaluator?: boolean; disabled?: boolean }) {
    return this.#send('PATCH', `/users/${encodeURIComponent(id)}`, UserSummarySchema, patch)
  }

  personalData(email: string, signal?: AbortSignal) {
    return this.#get('/personal-data', PersonalDataSchema, {
      query: searchParams({ email }),
      signal,
    })
  }

  erasePersonalData(email: string) {
    return this.#send('DELETE', `/personal-data?${searchParams({ email })}`, Erased, undefined)
  }

  evaluators(pilotId: string, signal?: AbortSignal) {
    return this.#get(`/pilots/${encodeURIComponent(pilotId)}/evaluators`, EvaluatorPage, {
      signal,
    })
  }

  assignEvaluator(pilotId: string, input: { email: string; name: string }) {
    const path = `/pilots/${encodeURIComponent(pilotId)}/evaluators`
    return this.#send('POST', path, EvaluatorPage, input)
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
      z.object({ version: z.number().int() }),
      { reason },
      {
        'If-Match': etagOf(version),
      }
    )
  }

  /** Imports pilots from CSV in the export format: all rows or none. */
  importPilots(csv: string) {
    return this.#send('POST', '/import/pilots.csv', ImportResult, { csv })
  }

  municipalities(signal?: AbortSignal) {
    return this.#get('/municipalities', MunicipalityPage, { signal })
  }

  /**
   * Records an evaluation (`input` checked against `EvaluationCreate` by the caller); `version` is
   * the pilot's version after it, which a report upload needs in `If-Match`.
   */
  async recordEvaluation(pilotId: string, input: EvaluationCreate) {
    const path = `/pilots/${encodeURIComponent(pilotId)}/evaluations`
    const { value, version } = await this.#write('POST', path, Evaluation, input)
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
      Evaluation,
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
    return this.#send('POST', `/pilots/${encodeURIComponent(pilotId)}/adoptions`, Adoption, input)
  }

  /** Changes an adoption; refused with 412 when it changed since `version` was read. */
  updateAdoption(id: string, version: number, patch: AdoptionPatch) {
    return this.#send('PATCH', `/adoptions/${encodeURIComponent(id)}`, Adoption, patch, {
      'If-Match': etagOf(version),
    })
  }

  // Writes carry the session cookie; the browser adds Origin, which the API checks.
  async #send<S extends z.ZodType | null>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    schema: S,
    body: unknown,
    headers: Record<string, string> = {}
  ): Promise<S extends z.ZodType ? z.output<S> : undefined> {
    return (await this.#write(method, path, schema, body, headers)).value
  }

  /** A JSON write; the answer's ETag is the record's new version, for the next write's If-Match. */
  async #write<S extends z.ZodType | null>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    schema: S,
    body: unknown,
    headers: Record<string, string> = {}
  ): Promise<{ value: S extends z.ZodType ? z.output<S> : undefined; version: number | null }> {
    const { data, etag } = await this.#exchange(
      method,
      path,
      schema,
      { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body === undefined ? null : JSON.stringify(body)
    )
    return { value: data, version: versionOf(etag) }
  }

  async #exchange<S extends z.ZodType | null>(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    schema: S,
    headers: Record<string, string>,
    body: BodyInit | null
  ): Promise<{ data: S extends z.ZodType ? z.output<S> : undefined; etag: string | null }> {
    const url = `${this.#base}${path}`
    const response = await this.#fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...headers },
      body,
    })
    const answer: unknown = response.status === 204 ? null : await response.json().catch(() => null)
    if (!response.ok) throw problemError(response.status, answer, `${method} ${url}`)
    const etag = response.headers.get('ETag')
    if (schema === null) return { data: undefined as never, etag }
    const parsed = schema.safeParse(answer)
    if (!parsed.success) {
      throw new ApiError(
        response.status,
        null,
        `${method} ${url} answered in an unexpected shape`,
        {
          cause: parsed.error,
        }
      )
    }
    return { data: parsed.data as never, etag }
  }

  async #get<S extends z.ZodType>(
    path: string,
    schema: S,
    options: GetOptions
  ): Promise<z.output<S>> {
    const query = options.query?.toString()
    const url = `${this.#base}${path}${query ? `?${query}` : ''}`
    const response = await this.#fetch(url, {
      headers: { Accept: 'application/json' },
      signal: options.signal ?? null,
    })
    const body: unknown = await response.json().catch(() => null)
    if (!response.ok) throw problemError(response.status, body, `GET ${url}`)
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      throw new ApiError(response.status, null, `GET ${url} answered in an unexpected shape`, {
        cause: parsed.error,
      })
    }
    return parsed.data
  }
}
