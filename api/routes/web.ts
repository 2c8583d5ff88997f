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
  // Made on first use, so that a server started before the first build serves it once it exists.
  let files: MiddlewareHandler | undefined
  const file = async (c: Context) => {
    files ??= serveStatic({ root: options.distDir })
    c.header('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE)
    return (await files(c, async () => {})) ?? undefined
  }

  web.get('*', async (c, next) => {
    const path = c.req.path
    if (isApiPath(path)) return next()
    if (!existsSync(indexFile)) return c.html(NOT_BUILT, 503, { 'Cache-Control': 'no-store' })
    if (path !== '/' && path !== '/index.html') {
      const found = await file(c)
      if (found) return found
      // A missing asset is a 404, never index.html: a script tag must not receive a web page.
      if (path.startsWith('/assets/'))
        return c.text('Not found', 404, { 'Cache-Control': 'no-store' })
    }
    const html = await readFile(indexFile, 'utf8')
    const tag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`
    const headers = { 'Cache-Control': REVALIDATE, ETag: tag }
    if (c.req.header('If-None-Match')?.includes(tag)) return c.body(null, 304, headers)
    return c.html(html, 200, headers)
  })

  return web
}
