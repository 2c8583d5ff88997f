import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { Recorded } from '../capture.ts'

// The HTTP ceiling: our API's recorded answers served from memory, by bare node:http or by a
// Hono app on @hono/node-server (the framework's own cost on the same bytes).
// Usage: tsx bench/peers/recorded.ts <answers.json> <node|hono> <port>
const [file, mode, port] = process.argv.slice(2)
if (!file || (mode !== 'node' && mode !== 'hono') || !port) {
  throw new Error('Usage: recorded.ts <answers.json> <node|hono> <port>')
}
const answers = new Map(
  Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Recorded>).map(
    ([path, a]) => [path, { ...a, body: Buffer.from(a.body) }]
  )
)

if (mode === 'node') {
  createServer((req, res) => {
    const answer = answers.get(req.url ?? '')
    if (!answer) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(answer.status, { ...answer.headers, 'content-length': answer.body.length })
    res.end(answer.body)
  }).listen(Number(port), '127.0.0.1')
} else {
  const app = new Hono()
  app.get('*', (c) => {
    const url = new URL(c.req.url)
    const answer = answers.get(url.pathname + url.search)
    if (!answer) return c.body(null, 404)
    return c.body(answer.body, answer.status as 200, answer.headers)
  })
  serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' })
}
