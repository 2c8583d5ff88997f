import { createHash } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { ProblemError } from '../problem.ts'

/** The strong ETag of a record version. */
export const etagOf = (version: number) => `"${version}"`

/** The weak ETag of a JSON answer: the SHA-1 of its text, as the etag middleware makes it. */
const contentTagOf = (body: unknown) =>
  `W/"${createHash('sha1').update(JSON.stringify(body)).digest('hex')}"`

/**
 * On a read, tags a JSON answer with the ETag the etag middleware would give it, made from the
 * object as `c.json` writes it, on the response `c.json` makes: the middleware then need not
 * clone every answer into a stream to hash it, and what is inside (the kept answers of
 * computed-cache.ts) sees the tag already. An answer that carries its own ETag (a record's
 * version) keeps it. Goes inside the etag middleware.
 */
export const tagJsonReads: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
  const json = c.json as (...args: unknown[]) => Response
  c.json = ((object: unknown, ...rest: unknown[]) => {
    const response = json(object, ...rest)
    if (!response.headers.has('ETag')) response.headers.set('ETag', contentTagOf(object))
    return response
  }) as typeof c.json
  await next()
}

/** The versions an `If-Match` header accepts: `any` for `*`. */
export type Expected = { any: true } | { any: false; versions: number[] }

/**
 * Reads `If-Match` as RFC 9110 says: a list of strong tags, or `*`. Weak tags never match.
 * Throws 428 when the header is missing: every change to an existing record must say what it read.
 */
export function requireIfMatch(c: Context): Expected {
  const header = c.req.header('If-Match')
  if (!header?.trim()) {
    throw new ProblemError(428, 'precondition_required', 'If-Match is required', {
      detail: 'Send the ETag of the version you read in If-Match so no one else’s change is lost',
    })
  }
  if (header.trim() === '*') return { any: true }
  const versions = header
    .split(',')
    .map((t) => t.trim())
    .map((t) => /^"(\d{1,9})"$/.exec(t)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
  return { any: false, versions }
}

/** Optional `If-Match`: where a header is sent it is honoured, where not anything goes. */
export function optionalIfMatch(c: Context): Expected {
  return c.req.header('If-Match') ? requireIfMatch(c) : { any: true }
}

/** Throws 412 unless `current` is a version the client expected. */
export function checkVersion(expected: Expected, current: number, what: string) {
  if (expected.any || expected.versions.includes(current)) return
  throw new ProblemError(412, 'version_mismatch', 'The record has changed since you read it', {
    detail: `${what} is now at version ${current}; read it again and reapply your change`,
  })
}
