import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'kysely'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { jsonResponse, problems } from '../http/openapi.ts'
import { ProblemError } from '../problem.ts'

const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' })
const Ready = z
  .object({ status: z.literal('ready'), database: z.literal('ok') })
  .meta({ id: 'Ready' })

const READY_TIMEOUT_MS = 1000

export function healthRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/health',
        tags: ['operations'],
        summary: 'Liveness: the process answers',
        responses: { 200: jsonResponse(Health, 'Alive') },
      }),
      (c) => c.json({ status: 'ok' as const }, 200)
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/ready',
        tags: ['operations'],
        summary: 'Readiness: the database answers within a second',
        responses: { 200: jsonResponse(Ready, 'Ready to serve'), ...problems(503) },
      }),
      async (c) => {
        let timer: NodeJS.Timeout | undefined
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS)
        })
        try {
          await Promise.race([sql`select 1`.execute(db), timeout])
        } catch {
          throw new ProblemError(503, 'database_unavailable', 'The database is unavailable', {
            detail: `The database did not answer within ${READY_TIMEOUT_MS} ms`,
          })
        } finally {
          clearTimeout(timer)
        }
        c.header('Cache-Control', 'no-store')
        return c.json({ status: 'ready' as const, database: 'ok' as const }, 200)
      }
    )
}
