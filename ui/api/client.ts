import type { z } from 'zod'
import { Adoption } from '../../schema/adoption.ts'
import { BenefitLedger } from '../../schema/benefit.ts'
import { Problem, page } from '../../schema/common.ts'
import { Evaluation } from '../../schema/evaluation.ts'
import { PilotEvent } from '../../schema/event.ts'
import {
  Pilot,
  PilotFacets as PilotFacetsSchema,
  type PilotFilters,
  type PilotQuery,
  PilotSummary,
} from '../../schema/pilot.ts'
import { PipelineStats as PipelineStatsSchema } from '../../schema/stats.ts'

const PilotPage = page(PilotSummary)
const EvaluationPage = page(Evaluation)
const AdoptionPage = page(Adoption)
const EventPage = page(PilotEvent)

export type PilotPage = z.infer<typeof PilotPage>
export type EvaluationPage = z.infer<typeof EvaluationPage>
export type AdoptionPage = z.infer<typeof AdoptionPage>
export type EventPage = z.infer<typeof EventPage>
export type PilotFacets = z.infer<typeof PilotFacetsSchema>
export type { BenefitLedger, Pilot, PilotSummary }
export type PipelineStats = z.infer<typeof PipelineStatsSchema>

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

  pipeline(signal?: AbortSignal) {
    return this.#get('/stats/pipeline', PipelineStatsSchema, { signal })
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
    if (!response.ok) {
      const problem = Problem.safeParse(body)
      throw new ApiError(
        response.status,
        problem.success ? problem.data : null,
        problem.success ? problem.data.title : `GET ${url} answered ${response.status}`
      )
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      throw new ApiError(response.status, null, `GET ${url} answered in an unexpected shape`, {
        cause: parsed.error,
      })
    }
    return parsed.data
  }
}
