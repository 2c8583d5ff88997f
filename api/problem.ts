import type { z } from 'zod'
import type { FieldError, Problem } from '../schema/common.ts'

type FieldErrorT = z.infer<typeof FieldError>
type Extras = Pick<Problem, 'detail' | 'errors' | 'guards'>

const TYPE_BASE = 'https://forsoksregisteret.no/problems/'

/**
 * The one error type of the API. Anything that should reach the client as an RFC 9457 problem
 * is thrown as a ProblemError; `app.onError` turns it into the response.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly extras: Extras = {}
  ) {
    super(extras.detail ?? title)
    this.name = 'ProblemError'
  }

  toProblem(instance?: string, requestId?: string): Problem {
    return {
      type: `${TYPE_BASE}${this.code}`,
      title: this.title,
      status: this.status,
      code: this.code,
      ...this.extras,
      ...(instance ? { instance } : {}),
      ...(requestId ? { requestId } : {}),
    }
  }
}

export const notFound = (what: string) =>
  new ProblemError(404, 'not_found', 'Not found', {
    detail: `${what} does not exist or is not visible to you`,
  })

/** A 400 naming each field that is wrong. */
export const validationFailed = (errors: FieldErrorT[], detail?: string) =>
  new ProblemError(400, 'validation_failed', 'The request is not valid', {
    detail: detail ?? errors.map((e) => `${e.field}: ${e.detail}`).join('; '),
    errors,
  })

/** One field error for a field path in the body. */
export function bodyFieldError(
  path: (string | number)[],
  code: string,
  detail: string
): FieldErrorT {
  return {
    in: 'body',
    pointer: `/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
    field: path.join('.'),
    code,
    detail,
  }
}

const TARGETS: Record<string, FieldErrorT['in']> = {
  json: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
}

/** Turns zod issues into field errors; unknown keys become one error per key, naming it. */
export function fieldErrorsFromZod(issues: z.core.$ZodIssue[], target: string): FieldErrorT[] {
  const where = TARGETS[target] ?? 'body'
  const out: FieldErrorT[] = []
  for (const issue of issues) {
    const full = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))
    // A parameter outside the body is named as the client sent it, not by its parsed parts.
    const path = where === 'body' ? full : full.slice(0, 1)
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ ...bodyFieldError([...path, key], 'unknown_field', 'Unknown field'), in: where })
      }
      continue
    }
    out.push({ ...bodyFieldError(path, issue.code ?? 'invalid', issue.message), in: where })
  }
  return out
}
