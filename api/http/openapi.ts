import { z } from 'zod'
import { Problem, Uuid } from '../../schema/common.ts'

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: the problem names each field that is wrong',
  401: 'Not signed in, or the credentials are not valid',
  403: 'Signed in, but not allowed to do this',
  404: 'No such record, or not visible to you',
  409: 'Conflicts with the current state (for transitions: names the failed guards)',
  412: 'The record changed since you read it: `If-Match` is stale',
  413: 'The body is larger than allowed',
  415: 'The body is not JSON',
  422: 'The request is well-formed but breaks a rule (e.g. a reused `Idempotency-Key`)',
  428: '`If-Match` is required',
  429: 'Too many attempts; wait and try again',
  503: 'The database is unavailable',
}

/** The problem+json responses a route can give, by status. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: Problem } },
      },
    ])
  )
}

/** A JSON request body that must be present. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    description,
    content: { 'application/json': { schema } },
  }
}

export const ETagHeader = {
  ETag: {
    description: 'Version of the record; send it back in `If-Match` to change it',
    schema: { type: 'string' as const },
  },
}

/** A JSON response; `etag` documents the `ETag` header. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string, etag = false) {
  return {
    description,
    content: { 'application/json': { schema } },
    ...(etag ? { headers: ETagHeader } : {}),
  }
}

export const IfMatchHeaders = z.object({
  'if-match': z.string().optional().meta({
    description: 'The ETag of the version you read (required; 428 without it, 412 when stale)',
  }),
})

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().optional().meta({
    description:
      'Repeat a POST with the same key and it takes effect once; the first response is replayed',
  }),
})

/** The `{id}` path parameter every record route takes. */
export const IdParams = z.object({ id: Uuid })
