import { LOST_CONNECTION } from '../db.ts'
import { ProblemError } from '../problem.ts'

interface PgError {
  code: string
  constraint?: string
  constraint_name?: string
  message: string
}

function isPgError(error: unknown): error is PgError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as PgError).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as PgError).code)
  )
}

// The database cannot be reached: a connection lost (as db.ts tells), or none to be had.
const UNAVAILABLE = new Set([...LOST_CONNECTION, 'ECONNREFUSED', 'CONNECT_TIMEOUT', '08001'])

/** Whether `error` is PostgreSQL refusing a duplicate of `constraint` (a race the checks lost). */
export function isUniqueViolation(error: unknown, constraint: string) {
  return (
    isPgError(error) &&
    error.code === '23505' &&
    (error.constraint ?? error.constraint_name) === constraint
  )
}

/**
 * The database's own constraints are the last line of defence: a violation that slipped past
 * validation is still the client's error (4xx), never a 500. Returns null for other errors.
 */
export function problemFromDatabaseError(error: unknown): ProblemError | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && UNAVAILABLE.has(code)) {
    return new ProblemError(503, 'database_unavailable', 'The database is unavailable', {
      detail: 'Try again in a moment',
    })
  }
  if (!isPgError(error)) return null
  const constraint = error.constraint ?? error.constraint_name
  const detail = constraint ? `Constraint ${constraint} was violated` : error.message
  switch (error.code) {
    case '23505':
      return new ProblemError(409, 'conflict', 'The record already exists', { detail })
    case '23503':
      return new ProblemError(422, 'reference_not_found', 'A referenced record does not exist', {
        detail,
      })
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new ProblemError(
        422,
        'constraint_violated',
        'The data breaks a rule of the registry',
        { detail }
      )
    case '40001':
    case '40P01':
      return new ProblemError(503, 'retry', 'The request collided with another; try again', {
        detail,
      })
    default:
      return null
  }
}
