import { STAGES } from '../schema/enums.ts'
import { DEMO_PASSWORD } from '../seeds/demo-accounts.ts'
import { type DataContext, pilotToRegister, type WriteContext } from './workloads.ts'

const API = '/api/v1'

async function json<T>(url: string, init?: RequestInit): Promise<{ body: T; res: Response }> {
  const res = await fetch(url, init)
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`)
  return { body: (await res.json()) as T, res }
}

type Page = { items: { id: string; title: string }[]; nextCursor: string | null }

/**
 * Finds, through the API, what the read workloads ask for: published pilots of every stage, a
 * cursor deep into the filtered list, and a rare word, a common word and a misspelt one.
 */
export async function discoverData(base: string, deepPages = 50): Promise<DataContext> {
  const found: Page['items'] = []
  for (const stage of STAGES) {
    const { body } = await json<Page>(`${base}${API}/pilots?stage=${stage}&limit=100`)
    found.push(...body.items)
  }
  const ids = found
    .map((p) => p.id)
    .sort(() => Math.random() - 0.5)
    .slice(0, 200)

  const listFilter = 'stage=running'
  let cursor: string | null = null
  let pages = 0
  for (; pages < deepPages; pages++) {
    const after: string = cursor ? `&cursor=${cursor}` : ''
    const { body } = await json<Page>(`${base}${API}/pilots?${listFilter}&limit=100${after}`)
    if (!body.nextCursor) break
    cursor = body.nextCursor
  }
  if (!cursor) throw new Error('Too few running pilots for a deep page')

  const words = [
    ...new Set(found.flatMap((p) => p.title.toLowerCase().match(/\p{L}{6,}/gu) ?? [])),
  ].slice(0, 20)
  const counted: { word: string; total: number }[] = []
  for (const word of words) {
    const q = encodeURIComponent(word)
    const { body } = await json<{ total: number }>(`${base}${API}/pilots/facets?q=${q}`)
    if (body.total > 0) counted.push({ word, total: body.total })
  }
  counted.sort((a, b) => a.total - b.total)
  const rare = counted[0]?.word
  const common = counted.at(-1)?.word
  if (!rare || !common) throw new Error('No words to search for')
  // Two neighbouring letters swapped, as a hurried typist does; the first such slip (from the
  // word's end) that the search still finds, so the workload measures a search that corrects a
  // typo. (A slip early in a word can leave too few trigrams in common to be found: for
  // "oppfølging", "opfpølging" is 0.47 alike, under pg_trgm's threshold of 0.6, and found nothing.)
  // Of the most common word for which there is one (short words have none).
  const typo = await foundTypo(base, counted.map((c) => c.word).reverse())
  return {
    ids,
    listFilter,
    deepCursor: cursor,
    deepOffset: pages * 100,
    search: { rare, common, typo },
  }
}

async function foundTypo(base: string, words: string[]) {
  for (const word of words) {
    for (let i = word.length - 2; i >= 1; i--) {
      const typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
      if (typo === word) continue
      // Whether it finds anything: one result is enough (the facets would count all of them).
      const q = encodeURIComponent(typo)
      const { body } = await json<Page>(`${base}${API}/pilots?q=${q}&limit=1`)
      if (body.items.length > 0) return typo
    }
  }
  throw new Error(`No typo of ${words.join(', ')} that the search finds`)
}

/**
 * Signs in as Bergen kommune's demo member and registers `count` pilots of its own, moved to
 * running, for the stage-change and evaluation workloads.
 */
export async function prepareWrites(base: string, count: number): Promise<WriteContext> {
  const login = await fetch(`${base}${API}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'kommune@demo.example', password: DEMO_PASSWORD }),
  })
  if (!login.ok) throw new Error(`Sign-in failed: ${login.status} ${await login.text()}`)
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const origin = new URL(base).origin
  const headers = { 'content-type': 'application/json', cookie, origin }
  const pilots: WriteContext['pilots'] = []
  for (let i = 0; i < count; i++) {
    type Written = { id: string; version: number; stage: string }
    let { body: pilot } = await json<Written>(`${base}${API}/pilots`, {
      method: 'POST',
      headers,
      body: JSON.stringify(pilotToRegister()),
    })
    for (const step of [{ to: 'planned' }, { to: 'running', actualStart: '2026-01-01' }]) {
      ;({ body: pilot } = await json<Written>(`${base}${API}/pilots/${pilot.id}/transitions`, {
        method: 'POST',
        headers: { ...headers, 'if-match': `"${pilot.version}"` },
        body: JSON.stringify(step),
      }))
    }
    pilots.push({ id: pilot.id, version: pilot.version, stage: pilot.stage })
  }
  return { cookie, origin, pilots }
}
