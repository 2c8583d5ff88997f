import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono, type MiddlewareHandler } from 'hono'

export interface WebOptions {
  /** Where `vite build` put the web app (`dist/ui`). */
  distDir: string
}

// Vite names every file under /assets/ by a hash of its content: a new build means new names.
const IMMUTABLE = 'public, max-age=31536000, immutable'
// index.html names the current assets, so browsers must ask again each time (a 304 when unchanged).
const REVALIDATE = 'no-cache'

const NOT_BUILT = `<!doctype html>
<html lang="nb">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Forsøksregisteret – nettløsningen er ikke bygget</title>
  <style>body{font-family:system-ui,sans-serif;line-height:1.5;margin:3rem auto;max-width:40rem;padding:0 1rem}</style>
</head>
<body>
  <h1>Nettløsningen er ikke bygget ennå</h1>
  <p>Serveren og API-et kjører, men filene til nettløsningen finnes ikke i <code>dist/ui</code>.</p>
  <p>Bygg dem med <code>npm run build:ui</code> og last inn siden på nytt.
     Under utvikling starter <code>npm run dev</code> både API-et og nettløsningen.</p>
  <p>API-et: <a href="/api/v1/pilots">/api/v1/pilots</a> ·
     dokumentasjonen: <a href="/api/docs">/api/docs</a></p>
</body>
</html>`

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

/**
 * The web app from `distDir`: hashed assets cached for a year, and `index.html` for every other
 * GET outside `/api/`, so that the app's own addresses (`/sok`, `/forsok/…`) load it and the app
 * shows the page. Under `/api/` it answers nothing, leaving the API's 404 problem to the app.
 * Without a build it explains, in Norwegian, how to make one.
 */
export function webRoutes(options: WebOptions) {
  const web = new Hono()
  const indexFile = join(options.distDir, 'index.html')
  // Made on first use, so a server started before the first build picks the build up.
  let files: MiddlewareHandler | undefined
  const serveFiles = (c: Context, next: Next) => {
    files ??= serveStatic({
      root: options.distDir,
      onFound: (path, c) => {
        c.header(
          'Cache-Control',
          path.startsWith(join(options.distDir, 'assets')) ? IMMUTABLE : REVALIDATE
        )
      },
    })
    return files(c, next)
  }

  web.get('/assets/*', async (c, next) => {
    if (!built()) return next()
    const response = await serveFiles(c, async () => {})
    // A missing asset is a 404, never index.html: a script tag must not receive a web page.
    return response ?? c.text('Not found', 404, { 'Cache-Control': REVALIDATE })
  })

  web.get('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next()
    if (!built()) return c.html(NOT_BUILT, 503, { 'Cache-Control': 'no-store' })
    if (c.req.path !== '/' && c.req.path !== '/index.html') {
      const file = await serveFiles(c, async () => {})
      if (file) return file
    }
    return next()
  })

  web.get('*', etag({ weak: true }), async (c) => {
    const html = await readFile(indexFile, 'utf8')
    return c.html(html, 200, { 'Cache-Control': REVALIDATE })
  })

  return web
}
