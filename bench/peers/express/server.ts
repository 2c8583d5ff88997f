import express from 'express'
import pg from 'pg'

// The baseline a competent team writes without care for speed: Express and a `pg` pool, one
// handler per endpoint, a query per piece, results shaped in JavaScript. It serves the same reads
// over the same tables as our API. Usage: DATABASE_URL=… PORT=… tsx bench/peers/express/server.ts
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const app = express()

const SUMMARY_COLUMNS = `p.id, p.title, p.summary, p.innovation_type, p.service_area, p.stage,
  p.outcome, p.visibility, p.tags, p.version, p.updated_at, o.id as owner_id, o.name as owner_name,
  o.kind as owner_kind, o.municipality_number, o.county_number,
  (select count(*) from adoptions a where a.pilot_id = p.id
    and coalesce(a.trialling_on, a.adopted_on) is not null) as adoptions`

app.get('/api/v1/pilots/facets', async (_req, res) => {
  const facets: Record<string, unknown> = {}
  const base = `from pilots p join organisations o on o.id = p.owner_org_id where p.visibility = 'published'`
  const dimensions: Record<string, string> = {
    stage: 'p.stage',
    outcome: 'p.outcome',
    serviceArea: 'p.service_area',
    innovationType: 'p.innovation_type',
    county: 'o.county_number',
    orgKind: 'o.kind',
    evidenceLevel:
      '(select max(ev.evidence_level) from evaluations ev where ev.pilot_id = p.id)::text',
    year: 'extract(year from p.created_at)::text',
  }
  const total = await pool.query(`select count(*)::int as n ${base}`)
  for (const [name, column] of Object.entries(dimensions)) {
    const { rows } = await pool.query(
      `select ${column} as value, count(*)::int as count ${base} group by 1 order by 1`
    )
    facets[name] = rows.filter((r) => r.value !== null)
  }
  res.json({ total: total.rows[0].n, facets })
})

app.get('/api/v1/pilots/:id', async (req, res) => {
  const { rows } = await pool.query(
    `select p.*, o.name as owner_name, o.kind as owner_kind from pilots p
      join organisations o on o.id = p.owner_org_id where p.id = $1 and p.visibility = 'published'`,
    [req.params.id]
  )
  const pilot = rows[0]
  if (!pilot) {
    res.status(404).json({ title: 'Not found' })
    return
  }
  delete pilot.search
  const metrics = await pool.query('select * from metrics where pilot_id = $1 order by position', [
    pilot.id,
  ])
  const partners = await pool.query(
    `select pp.organisation_id, o.name, pp.role from pilot_partners pp
      join organisations o on o.id = pp.organisation_id where pp.pilot_id = $1 order by pp.position`,
    [pilot.id]
  )
  const contacts = await pool.query(
    `select name, email, phone, role from pilot_contacts
      where pilot_id = $1 and public_consent order by position`,
    [pilot.id]
  )
  const evaluations = await pool.query(
    'select count(*)::int as n, max(evidence_level) as best from evaluations where pilot_id = $1',
    [pilot.id]
  )
  const adoptions = await pool.query(
    `select count(*)::int as tried,
      count(*) filter (where status = 'adopted' or local_outcome in ('successful', 'partially_successful'))::int as succeeded
      from adoptions where pilot_id = $1 and coalesce(trialling_on, adopted_on) is not null`,
    [pilot.id]
  )
  res.json({
    ...pilot,
    metrics: metrics.rows,
    partners: partners.rows,
    contacts: contacts.rows,
    evidence: { ...evaluations.rows[0], replication: adoptions.rows[0] },
  })
})

app.get('/api/v1/pilots', async (req, res) => {
  const q = typeof req.query.q === 'string' ? req.query.q.toLowerCase() : ''
  const limit = Math.min(Number(req.query.limit ?? 20), 100)
  const where = [`p.visibility = 'published'`]
  const params: unknown[] = []
  if (typeof req.query.stage === 'string') {
    params.push(req.query.stage)
    where.push(`p.stage = $${params.length}`)
  }
  let order = 'p.updated_at desc, p.id desc'
  if (q) {
    params.push(q)
    const n = params.length
    where.push(`(p.search @@ plainto_tsquery('norwegian', $${n}) or $${n} <% lower(p.title))`)
    order = `ts_rank(p.search, plainto_tsquery('norwegian', $${n})) desc, p.id desc`
  } else if (typeof req.query.cursor === 'string') {
    const [, at, id] = JSON.parse(Buffer.from(req.query.cursor, 'base64url').toString())
    params.push(at, id)
    where.push(
      `(p.updated_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`
    )
  }
  params.push(limit + 1)
  const { rows } = await pool.query(
    `select ${SUMMARY_COLUMNS} from pilots p join organisations o on o.id = p.owner_org_id
      where ${where.join(' and ')} order by ${order} limit $${params.length}`,
    params
  )
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  res.json({
    items,
    nextCursor:
      rows.length > limit && last && !q
        ? Buffer.from(JSON.stringify(['updated', last.updated_at, last.id])).toString('base64url')
        : null,
  })
})

app.get('/api/v1/stats/pipeline', async (_req, res) => {
  const current = await pool.query(
    `select stage, count(*)::int as n from pilots where visibility = 'published' group by stage`
  )
  const moves = await pool.query(
    `select e.pilot_id, e.at, case when e.type = 'pilot_created' then 'hypothesis'
        else e.diff -> 'stage' ->> 'to' end as stage
      from events e join pilots p on p.id = e.pilot_id
      where p.visibility = 'published' and e.adoption_id is null
        and e.type in ('pilot_created', 'stage_changed')
      order by e.pilot_id, e.version`
  )
  const days: Record<string, number[]> = {}
  const reached: Record<string, number> = {}
  for (let i = 0; i < moves.rows.length; i++) {
    const move = moves.rows[i]
    reached[move.stage] = (reached[move.stage] ?? 0) + 1
    const next = moves.rows[i + 1]
    if (next && next.pilot_id === move.pilot_id) {
      const stays = days[move.stage] ?? []
      stays.push((next.at - move.at) / 86_400_000)
      days[move.stage] = stays
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? null
  res.json({
    stages: current.rows.map((r) => ({
      stage: r.stage,
      current: r.n,
      reached: reached[r.stage] ?? 0,
      medianDays: median(days[r.stage] ?? []),
    })),
  })
})

app.get('/api/v1/stats/spread', async (_req, res) => {
  const { rows } = await pool.query(
    `select a.*, o.municipality_number, o.county_number, c.name as county_name
      from adoptions a join pilots p on p.id = a.pilot_id
      join organisations o on o.id = a.organisation_id
      left join counties c on c.number = o.county_number
      where p.visibility = 'published' order by a.created_at, a.id`
  )
  const byCounty: Record<string, number> = {}
  const byMunicipality: Record<string, number> = {}
  let lineageEdges = 0
  for (const a of rows) {
    if (a.county_number) byCounty[a.county_number] = (byCounty[a.county_number] ?? 0) + 1
    if (a.municipality_number) {
      byMunicipality[a.municipality_number] = (byMunicipality[a.municipality_number] ?? 0) + 1
    }
    lineageEdges++
  }
  res.json({ total: rows.length, byCounty, byMunicipality, lineageEdges })
})

app.listen(Number(process.env.PORT ?? 3001), '127.0.0.1')
