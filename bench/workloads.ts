import type autocannon from 'autocannon'
import { pilotBody } from '../api/test/harness.ts'

/** What the workloads need to know about the data: found through the API before the run. */
export interface DataContext {
  /** Published pilots to read one by one. */
  ids: string[]
  /** The filter of the list workloads, and the cursor of a page deep into that list. */
  listFilter: string
  deepCursor: string
  deepOffset: number
  search: { rare: string; common: string; typo: string }
}

/** Signed in as a member of an organisation, with pilots of its own to change. */
export interface WriteContext {
  cookie: string
  origin: string
  /** Running pilots of the signed-in organisation, one per connection. */
  pilots: { id: string; version: number; stage: string }[]
}

export interface Workload {
  name: string
  kind: 'read' | 'write' | 'mix'
  /** Reads: the addresses it asks for (one at random per request); peers serve the same. */
  paths?(data: DataContext): string[]
  /** Directus's nearest equivalent, over the same table; null where it has none. */
  directus?(data: DataContext): string[] | null
  /** Writes and the mix: the requests, in the order each connection repeats them. */
  requests?(data: DataContext, write: WriteContext): autocannon.Request[]
}

const API = '/api/v1'
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)] as T

const DIRECTUS_LIST = (filter: string) =>
  `/items/pilots?${filter
    .split('&')
    .map((kv) => {
      const [k, v] = kv.split('=')
      return `filter[${k === 'serviceArea' ? 'service_area' : k}][_eq]=${v}`
    })
    .join('&')}&filter[visibility][_eq]=published&sort=-updated_at,-id&limit=20`

/** A read of one of `paths`, at random each time (the paced client picks from `paths` itself). */
export type ReadRequest = autocannon.Request & { paths: string[] }

/** A request that asks for one of `paths` at random each time. */
export function randomGet(paths: string[]): ReadRequest {
  return {
    method: 'GET',
    path: paths[0],
    paths,
    setupRequest: (req) => ({ ...req, path: pick(paths) }),
  }
}

function writeHeaders(write: WriteContext, extra: Record<string, string> = {}) {
  return {
    'content-type': 'application/json',
    cookie: write.cookie,
    origin: write.origin,
    ...extra,
  }
}

let registered = 0
/** A pilot as an agency would register it, with one primary metric (the tests' pilot body). */
export function pilotToRegister() {
  registered++
  return pilotBody({
    title: `Digital hjemmeoppfølging, ytelsestest ${registered}`,
    tags: ['ytelsestest'],
  })
}

function register(write: WriteContext): autocannon.Request {
  return {
    method: 'POST',
    path: `${API}/pilots`,
    headers: writeHeaders(write),
    setupRequest: (req) => ({ ...req, body: JSON.stringify(pilotToRegister()) }),
  }
}

const EVALUATION = JSON.stringify({
  kind: 'interim',
  method: 'before_after',
  evidenceLevel: 2,
  summary: 'Halvveis: færre innleggelser enn før, men for tidlig å si hvorfor.',
  lessonsLearned: 'Opplæring av de ansatte tok lengre tid enn planlagt.',
})

type Pilot = WriteContext['pilots'][number]
type Slot = { pilot?: Pilot }

// autocannon gives each connection a context, but starts it afresh after every pass through the
// request list (here: every request), so a pilot cannot stay with a connection. Instead each
// request borrows a pilot no other request is changing and gives it back with its answer.
const idle = new Map<WriteContext, Pilot[]>()
function borrow(write: WriteContext, context: object): Pilot {
  let pool = idle.get(write)
  if (!pool) {
    pool = [...write.pilots]
    idle.set(write, pool)
  }
  // A pilot whose request was cut off at the end of a run never comes back; with none left, the
  // one borrowed longest ago is used again (its answer may say it changed meanwhile).
  let pilot = pool.shift()
  if (!pilot) {
    pilot = write.pilots.shift() as Pilot
    write.pilots.push(pilot)
  }
  ;(context as Slot).pilot = pilot
  return pilot
}
/** The pilot the request of this context borrowed. */
const borrowed = (context: object) => (context as Slot).pilot as Pilot
/** Lends the pilot out again. */
function giveBack(write: WriteContext, pilot: Pilot) {
  idle.get(write)?.push(pilot)
}

function evaluate(write: WriteContext): autocannon.Request {
  return {
    method: 'POST',
    path: `${API}/pilots`,
    headers: writeHeaders(write),
    body: EVALUATION,
    setupRequest: (req, context) => ({
      ...req,
      path: `${API}/pilots/${borrow(write, context).id}/evaluations`,
    }),
    onResponse: (_status, _body, context) => giveBack(write, borrowed(context)),
  }
}

/** Running → evaluating → running (an extension) → …: a stage change that can repeat forever. */
function transition(write: WriteContext): autocannon.Request {
  return {
    method: 'POST',
    path: `${API}/pilots`,
    setupRequest: (req, context) => {
      const pilot = borrow(write, context)
      const body =
        pilot.stage === 'running'
          ? { to: 'evaluating', actualEnd: '2026-06-30' }
          : { to: 'running', reason: 'Forlenget for å få et helt år med målinger.' }
      return {
        ...req,
        path: `${API}/pilots/${pilot.id}/transitions`,
        headers: writeHeaders(write, { 'if-match': `"${pilot.version}"` }),
        body: JSON.stringify(body),
      }
    },
    onResponse: (status, body, context) => {
      const pilot = borrowed(context)
      if (status === 200) {
        const next = JSON.parse(body) as { version: number; stage: string }
        pilot.version = next.version
        pilot.stage = next.stage
        giveBack(write, pilot)
      } else {
        // A change whose answer a previous run never read: read the pilot as it now is (signed
        // in, as its owner reads it: never a kept public answer), then lend it out again.
        void fetch(`${write.origin}${API}/pilots/${pilot.id}`, {
          headers: { cookie: write.cookie },
        })
          .then((res) => res.json() as Promise<{ version: number; stage: string }>)
          .then((now) => {
            pilot.version = now.version
            pilot.stage = now.stage
          })
          .finally(() => giveBack(write, pilot))
      }
    },
  }
}

const detailPaths = (d: DataContext) => d.ids.map((id) => `${API}/pilots/${id}`)
const listFirst = (d: DataContext) => [`${API}/pilots?${d.listFilter}&limit=20`]
const listDeep = (d: DataContext) => [
  `${API}/pilots?${d.listFilter}&limit=20&cursor=${d.deepCursor}`,
]
const searchFor = (term: string) => [`${API}/pilots?q=${encodeURIComponent(term)}&limit=20`]
const directusSearch = (term: string) => [
  `/items/pilots?search=${encodeURIComponent(term)}&filter[visibility][_eq]=published&limit=20`,
]

export const WORKLOADS: Workload[] = [
  {
    name: 'detail',
    kind: 'read',
    paths: detailPaths,
    directus: (d) => d.ids.map((id) => `/items/pilots/${id}`),
  },
  {
    name: 'list-first',
    kind: 'read',
    paths: listFirst,
    directus: (d) => [DIRECTUS_LIST(d.listFilter)],
  },
  {
    name: 'list-deep',
    kind: 'read',
    paths: listDeep,
    directus: (d) => [`${DIRECTUS_LIST(d.listFilter)}&offset=${d.deepOffset}`],
  },
  {
    name: 'search-rare',
    kind: 'read',
    paths: (d) => searchFor(d.search.rare),
    directus: (d) => directusSearch(d.search.rare),
  },
  {
    name: 'search-common',
    kind: 'read',
    paths: (d) => searchFor(d.search.common),
    directus: (d) => directusSearch(d.search.common),
  },
  {
    name: 'search-typo',
    kind: 'read',
    paths: (d) => searchFor(d.search.typo),
    directus: (d) => directusSearch(d.search.typo),
  },
  {
    name: 'facets',
    kind: 'read',
    paths: () => [`${API}/pilots/facets`],
    // Directus groups by one column per request: one of our nine facets, so a lower bound.
    directus: () => [
      '/items/pilots?aggregate[count]=*&groupBy[]=stage&filter[visibility][_eq]=published',
    ],
  },
  { name: 'pipeline', kind: 'read', paths: () => [`${API}/stats/pipeline`], directus: () => null },
  { name: 'spread', kind: 'read', paths: () => [`${API}/stats/spread`], directus: () => null },
  { name: 'register', kind: 'write', requests: (_d, w) => [register(w)] },
  { name: 'transition', kind: 'write', requests: (_d, w) => [transition(w)] },
  { name: 'evaluation', kind: 'write', requests: (_d, w) => [evaluate(w)] },
  {
    name: 'mix-90-10',
    kind: 'mix',
    // Nine reads as the discover and pilot pages make them, then one write.
    requests: (d, w) => [
      randomGet(detailPaths(d)),
      randomGet(listFirst(d)),
      randomGet(detailPaths(d)),
      randomGet(searchFor(d.search.common)),
      randomGet(detailPaths(d)),
      randomGet(listDeep(d)),
      randomGet(detailPaths(d)),
      randomGet(searchFor(d.search.rare)),
      randomGet(detailPaths(d)),
      evaluate(w),
    ],
  },
]
