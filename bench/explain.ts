import postgres from 'postgres'
import { captureSql } from './capture.ts'

// EXPLAIN (ANALYZE, BUFFERS) of the SQL our API runs for one request, as the public.
// Usage: tsx bench/explain.ts DATABASE_URL PATH
const [databaseUrl, path] = process.argv.slice(2)
if (!databaseUrl || !path) {
  console.error('Usage: tsx bench/explain.ts DATABASE_URL PATH')
  process.exit(2)
}
const statements = (await captureSql(databaseUrl, [path]))[path] ?? []
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
try {
  for (const statement of statements) {
    const rows = await sql.unsafe(
      `explain (analyze, buffers) ${statement.sql}`,
      statement.parameters as postgres.ParameterOrJSON<never>[]
    )
    console.log(`-- ${statement.sql.replace(/\s+/g, ' ')}`)
    console.log(`-- parameters: ${JSON.stringify(statement.parameters)}`)
    for (const row of rows) console.log(row['QUERY PLAN'])
  }
} finally {
  await sql.end()
}
