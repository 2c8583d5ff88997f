import { html } from 'lit'

/** A piece of a search result's text, and whether it matched the words searched for. */
export type Segment = { text: string; match: boolean }

/** Text split into pieces, the matching ones marked. Every piece is text, never markup. */
export function highlighted(segments: readonly Segment[]) {
  return segments.map((s) => (s.match ? html`<mark>${s.text}</mark>` : s.text))
}
