import { z } from 'zod'
import { Adoption, type CopyRequest, Lineage as LineageSchema } from '../../schema/adoption.ts'
import { Me as MeSchema } from '../../schema/auth.ts'
import { BenefitLedger, BenefitTotals as BenefitTotalsSchema } from '../../schema/benefit.ts'
import { Problem, page } from '../../schema/common.ts'
import { Evaluation } from '../../schema/evaluation.ts'
import { PilotEvent } from '../../schema/event.ts'
import { County as CountySchema } from '../../schema/municipality.ts'
import { Organisation } from '../../schema/organisation.ts'
import {
  Pilot,
  PilotFacets as PilotFacetsSchema,
  type PilotFilters,
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
export type CopyResult = z.infer<typeof CopyResult>
export type Advisor = CopyResult['advisor']
export type PilotFacets = z.infer<typeof PilotFacetsSchema>
export type { BenefitLedger, Organisation, Pilot, PilotSummary }
export type Me = z.infer<typeof MeSchema>
export type PipelineStats = z.infer<typeof PipelineStatsSchema>
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

  // Writes carry the session cookie; the browser adds Origin, which the API checks.
  async #send<S extends z.ZodType | null>(
    method: 'POST' | 'PATCH',
    path: string,
    schema: S,
    body: unknown,
    headers: Record<string, string> = {}
  ): Promise<S extends z.ZodType ? z.output<S> : undefined> {
    const url = `${this.#base}${path}`
    const response = await this.#fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    })
    const answer: unknown = await response.json().catch(() => null)
    if (!response.ok) throw problemError(response.status, answer, `${method} ${url}`)
    if (schema === null) return undefined as never
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
    return parsed.data as never
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
