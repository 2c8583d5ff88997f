import { validationFailed } from '../problem.ts'

/** An opaque cursor: the keyset of the last row of a page, as base64url JSON. */
export const encodeCursor = (keyset: readonly unknown[]) =>
  Buffer.from(JSON.stringify(keyset)).toString('base64url')

/** Reads a cursor back; a cursor this API did not give out is a 400 naming `cursor`. */
export function decodeCursor<T extends unknown[]>(
  cursor: string,
  isValid: (keyset: unknown[]) => keyset is T
): T {
  try {
    const keyset = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(keyset) && isValid(keyset)) return keyset
  } catch {}
  throw invalidCursor('Not a cursor this API gave out')
}

/** A 400 naming the `cursor` parameter. */
export function invalidCursor(detail: string) {
  return validationFailed([
    { in: 'query', pointer: '/cursor', field: 'cursor', code: 'invalid_cursor', detail },
  ])
}
