import type { Context } from 'hono'
import { accepts } from 'hono/accepts'

/** The catalogue's representations, in the order preferred when a client likes several equally. */
export const CATALOG_TYPES = ['application/ld+json', 'text/turtle', 'application/json'] as const
export type CatalogType = (typeof CATALOG_TYPES)[number]

interface AcceptRange {
  type: string
  q: number
}

/** The q a client gives `type`: that of the most specific range matching it (RFC 9110 §12.5.1). */
function qualityOf(type: string, ranges: AcceptRange[]): number {
  const [main] = type.split('/')
  const specificity = (range: string) =>
    range === type ? 3 : range === `${main}/*` ? 2 : range === '*/*' || range === '*' ? 1 : 0
  let best = { specificity: 0, q: 0 }
  for (const range of ranges) {
    const s = specificity(range.type.toLowerCase())
    if (s > best.specificity) best = { specificity: s, q: range.q }
  }
  return best.q
}

/**
 * The representation to send: the one the client rates highest, ties going to JSON-LD; JSON-LD
 * when there is no `Accept`; null when the client accepts none of them.
 */
export function negotiateCatalogType(c: Context): CatalogType | null {
  const chosen = accepts(c, {
    header: 'Accept',
    supports: [...CATALOG_TYPES],
    default: CATALOG_TYPES[0],
    match: (ranges, { supports }) => {
      let best = { type: '', q: 0 }
      for (const type of supports) {
        const q = qualityOf(type, ranges)
        if (q > best.q) best = { type, q }
      }
      return best.type
    },
  })
  return CATALOG_TYPES.find((type) => type === chosen) ?? null
}
