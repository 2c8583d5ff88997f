import { isDeepStrictEqual } from 'node:util'

/** What changed in each field between two states; fields equal in both are left out. */
export function diffFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>
): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {}
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  for (const key of keys) {
    const from = before[key] ?? null
    const to = after[key] ?? null
    if (!isDeepStrictEqual(from, to)) diff[key] = { from, to }
  }
  return diff
}
