import { describe, expect, it } from 'vitest'
import { problemFromDatabaseError } from './database-errors.ts'

describe('database errors as problems', () => {
  it('answers 503 for every way the database can be out of reach, lost or refused', () => {
    // PostgreSQL shutting down (admin, crash, starting up), connection failures, and the names
    // postgres.js and Node give a lost or refused connection.
    for (const code of [
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08001',
      '08003',
      '08006',
      'CONNECTION_CLOSED',
      'CONNECTION_ENDED',
      'CONNECTION_DESTROYED',
      'CONNECT_TIMEOUT',
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
    ]) {
      const problem = problemFromDatabaseError({ code, message: 'gone' })
      expect({ code, status: problem?.status, type: problem?.code }).toEqual({
        code,
        status: 503,
        type: 'database_unavailable',
      })
    }
  })

  it('leaves errors that are not the database’s own to the caller', () => {
    expect(problemFromDatabaseError(new Error('boom'))).toBeNull()
    expect(problemFromDatabaseError({ code: 'XX000', message: 'internal' })).toBeNull()
  })
})
