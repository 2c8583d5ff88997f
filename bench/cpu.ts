import pino from 'pino'
import postgres from 'postgres'
import { createApp } from '../api/app.ts'
import { createDb } from '../api/db.ts'

// CPU time of the API per request, in this process (app.fetch: no sockets, no HTTP parsing), on
// a real database: steadier than throughput on a machine shared with other work, and enough to
// compare two versions of the code. `{id}` in a path stands for a random published pilot.
// Usage: tsx bench/cpu.ts DATABASE_URL [REQUESTS] PATH...
const [databaseUrl, count, ...paths] = process.argv.slice(2)
if (!databaseUrl || !paths.length) {
  console.error('Usage: tsx bench/cpu.ts DATABASE_URL REQUESTS PATH...')
  process.exit(2)
}
const requests = Number(count)
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
const ids = (
  await sql`select id from pilots where visibility = 'published' order by random() limit 200`
).map((r) => String(r.id))
await sql.end()

const db = createDb({ databaseUrl, dataDir: 'memory://' })
const app = createApp({
  db,
  config: { bodyLimit: 1_000_000, env: 'production', session: { idleMinutes: 30, maxHours: 12 } },
  logger: pino({ level: 'warn' }),
  resolveActor: async () => null,
})
const CONCURRENT = 8
async function run(path: string, n: number) {
  for (let i = 0; i < n; i += CONCURRENT) {
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        const id = ids[Math.floor(Math.random() * ids.length)] ?? ''
        const res = await app.fetch(new Request(`http://localhost${path.replace('{id}', id)}`))
        if (!res.ok) throw new Error(`${path}: ${res.status}`)
        await res.arrayBuffer()
      })
    )
  }
}
try {
  for (const path of paths) {
    await run(path, Math.max(CONCURRENT, Math.round(requests / 10)))
    const before = process.cpuUsage()
    const started = performance.now()
    await run(path, requests)
    const used = process.cpuUsage(before)
    const cpu = (used.user + used.system) / requests
    const wall = (performance.now() - started) / requests
    console.log(`${path}: ${cpu.toFixed(0)} µs CPU per request, ${wall.toFixed(2)} ms wall`)
  }
} finally {
  await db.destroy()
}
