import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { captureSql } from './capture.ts'

// EXPLAIN (ANALYZE, BUFFERS) of the SQL our API runs for one request, as the public.
// Usage: tsx bench/explain.ts [--generic] DATABASE_URL PATH
// --generic shows the generic plan of the prepared statement: what the API (and pgbench -M
// prepared) runs once PostgreSQL stops planning the statement for each set of values.
const { values: options, positionals } = parseArgs({
  options: { generic: { type: 'boolean', default: false } },
  allowPositionals: true,
})
const [databaseUrl, path] = positionals
if (!databaseUrl || !path) {
  console.error('Usage: tsx bench/explain.ts [--generic] DATABASE_URL PATH')
  process.exit(2)
}
const statements = (await captureSql(databaseUrl, [path]))[path] ?? []
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
const literal = (value: unknown) =>
  typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`
try {
  for (const [i, statement] of statements.entries()) {
    console.log(`-- ${statement.sql.replace(/\s+/g, ' ')}`)
    console.log(`-- parameters: ${JSON.stringify(statement.parameters)}`)
    let rows: postgres.Row[]
    if (options.generic) {
      await sql.unsafe('set plan_cache_mode = force_generic_plan')
      await sql.unsafe(`prepare s${i} as ${statement.sql}`)
      const values = statement.parameters.map(literal).join(', ')
      rows = await sql.unsafe(`explain (analyze, buffers) execute s${i}(${values})`)
    } else {
      rows = await sql.unsafe(
        `explain (analyze, buffers) ${statement.sql}`,
        statement.parameters as postgres.ParameterOrJSON<never>[]
      )
    }
    for (const row of rows) console.log(row['QUERY PLAN'])
  }
} finally {
  await sql.end()
}
