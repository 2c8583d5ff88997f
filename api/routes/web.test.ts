import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { webRoutes } from './web.ts'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** The web routes mounted as app.ts mounts them: after the API, before its 404 problem. */
function appWith(distDir: string) {
  const app = new Hono()
  app.get('/api/v1/health', (c) => c.json({ ok: true }))
  app.route('/', webRoutes({ distDir }))
  app.notFound((c) =>
    c.body(JSON.stringify({ code: 'not_found' }), 404, {
      'Content-Type': 'application/problem+json',
    })
  )
  return app
}

function build() {
  const dir = mkdtempSync(join(tmpdir(), 'fr-web-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Forsøksregisteret</title>')
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)')
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>')
  return dir
}

describe('the web app routes', () => {
  const app = appWith(build())

  it('serves hashed assets for a year and index.html to be revalidated', async () => {
    const asset = await app.request('/assets/index-Ab12Cd34.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('Content-Type')).toMatch(/javascript/)

    const index = await app.request('/')
    expect(index.status).toBe(200)
    expect(index.headers.get('Cache-Control')).toBe('no-cache')
    expect(await index.text()).toContain('<title>Forsøksregisteret</title>')

    const again = await app.request('/', {
      headers: { 'If-None-Match': index.headers.get('ETag') ?? '' },
    })
    expect(again.status).toBe(304)
  })

  it('answers the app’s own addresses with index.html, and other files as they are', async () => {
    for (const path of ['/sok?q=tilsyn', '/forsok/5a000000-0000-4000-8000-000000000001', '/x/y']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Content-Type'), path).toMatch(/text\/html/)
      expect(res.headers.get('Cache-Control'), path).toBe('no-cache')
    }
    const icon = await app.request('/favicon.svg')
    expect(icon.headers.get('Content-Type')).toMatch(/svg/)
    expect(icon.headers.get('Cache-Control')).toBe('no-cache')
  })

  it('leaves /api/ to the API: its routes and its 404 problem', async () => {
    expect((await app.request('/api/v1/health')).status).toBe(200)
    for (const path of ['/api', '/api/', '/api/v1/nothing-here']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Content-Type'), path).toBe('application/problem+json')
    }
  })

  it('answers a missing asset with 404, not with the page, and keeps out of other folders', async () => {
    const missing = await app.request('/assets/index-gone.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('Content-Type')).not.toMatch(/html/)
    const traversal = await app.request('/assets/..%2F..%2Fpackage.json')
    expect(await traversal.text()).not.toContain('"name"')
  })

  it('explains in Norwegian how to build the app when there is no build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'fr-web-empty-'))
    dirs.push(empty)
    const res = await appWith(join(empty, 'ui')).request('/')
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('npm run build:ui')
    expect((await appWith(join(empty, 'ui')).request('/api/v1/health')).status).toBe(200)
  })
})
