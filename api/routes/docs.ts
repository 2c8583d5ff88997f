import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { Hono } from 'hono'
import type { AppEnv } from '../app.ts'

const swaggerDir = (
  createRequire(import.meta.url)('swagger-ui-dist') as { getAbsoluteFSPath(): string }
).getAbsoluteFSPath()

// Swagger UI is served from our own origin: no third-party CDN sees who reads the docs.
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Forsøksregisteret API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/assets/init.js"></script>
</body>
</html>`

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui' })`

/** The OpenAPI 3.1 document at /api/v1/openapi.json and interactive docs at /api/docs. */
export function docsRoutes(api: OpenAPIHono<AppEnv>) {
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Forsøksregisteret API',
      version: '1.0.0',
      description:
        'The registry of public-sector pilots in Norway. Reads need no login. Errors are RFC 9457 problem+json with a stable `code`. Writes to existing records need `If-Match`; POSTs honour `Idempotency-Key`.',
    },
    servers: [{ url: '/api/v1' }],
  })
  const docs = new Hono<AppEnv>()
  docs.get('/docs', (c) => c.html(PAGE))
  docs.get('/docs/assets/init.js', (c) =>
    c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
  )
  docs.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file')
    const type = ASSETS[file]
    if (!type) return c.notFound()
    const body = await readFile(join(swaggerDir, file))
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' })
  })
  return docs
}
