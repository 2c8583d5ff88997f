import { createRoute, z } from '@hono/zod-openapi'
import { PilotFilters } from '../../schema/pilot.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { atomFeed, describeFilters, feedFilters, pilotEntry } from '../domain/atom.ts'
import { problems } from '../http/openapi.ts'
import { feedEvents, filterNames, lastPublishedChange } from '../queries/feeds.ts'

const FEED_ENTRIES = 50
const CACHE_CONTROL = 'public, max-age=300'
const ATOM_TYPE = 'application/atom+xml'
const RIGHTS = 'Norsk lisens for offentlige data (NLOD) 2.0: https://data.norge.no/nlod/no/2.0'
const EPOCH = new Date(0)

const FEED_RULES = `An Atom 1.0 feed (RFC 4287) in bokmål of the latest ${FEED_ENTRIES} events of the published pilots that match the same filters as \`GET /pilots\`, so any search can be subscribed to: new pilots, stage changes and new evaluations, newest first. Drafts never appear, whoever asks.

Each entry's id is \`urn:uuid:\` and the event id; it links to the pilot's page (alternate) and to its JSON (related), names the owner as author and the stage the event left the pilot in as category. The feed's id is its own URL with the filters in a canonical order, so the same search in another order is the same feed. The body depends only on the data, so \`If-None-Match\` with the ETag gives 304 until something changes.`

const AtomXml = z.string().meta({
  description: 'The Atom document',
  example: '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">…',
})

/** The filters as a query string in a canonical order ('' for none): the identity of a feed. */
function canonicalQuery(filters: PilotFilters): string {
  const pairs = feedFilters(filters).map(
    ([key, values]) => `${key}=${values.map(encodeURIComponent).join(',')}`
  )
  return pairs.length ? `?${pairs.join('&')}` : ''
}

export function feedRoutes({ db, clock }: AppDeps) {
  const now = () => clock?.() ?? new Date()
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/feeds/pilots.atom',
      tags: ['feeds'],
      summary: 'Subscribe to a search: new pilots, stage changes and evaluations as Atom',
      description: FEED_RULES,
      request: { query: PilotFilters },
      responses: {
        200: {
          description: 'The feed',
          headers: {
            ETag: {
              description: 'Hash of the body; send it in If-None-Match',
              schema: { type: 'string' as const },
            },
            'Cache-Control': { schema: { type: 'string' as const } },
          },
          content: { [ATOM_TYPE]: { schema: AtomXml } },
        },
        304: { description: 'Not modified since the ETag in If-None-Match' },
        ...problems(400),
      },
    }),
    async (c) => {
      const filters = c.req.valid('query')
      const origin = new URL(c.req.url).origin
      const query = canonicalQuery(filters)
      const [events, names] = await Promise.all([
        feedEvents(db, filters, now(), FEED_ENTRIES),
        filterNames(db, filters),
      ])
      const updated = events[0]?.at ?? (await lastPublishedChange(db)) ?? EPOCH
      const description = describeFilters(filters, names)
      const self = `${origin}/api/v1/feeds/pilots.atom${query}`
      const xml = atomFeed({
        id: self,
        title: description ? `Forsøksregisteret – ${description}` : 'Forsøksregisteret',
        subtitle: 'Nye forsøk, faseendringer og evalueringer i offentlig sektor',
        updated,
        links: [
          { rel: 'self', type: ATOM_TYPE, href: self },
          { rel: 'alternate', type: 'text/html', href: `${origin}/sok${query}` },
        ],
        author: 'Forsøksregisteret',
        generator: 'Forsøksregisteret',
        rights: RIGHTS,
        entries: events.map((e) => pilotEntry(e, origin)),
      })
      return c.body(xml, 200, {
        'Content-Type': `${ATOM_TYPE}; charset=utf-8`,
        'Cache-Control': CACHE_CONTROL,
      })
    }
  )
}
