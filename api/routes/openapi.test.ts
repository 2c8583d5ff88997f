import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../test/harness.ts'

// The document does not depend on the database; one dialect is enough.
describe('the OpenAPI document', () => {
  let t: TestApp
  // biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked as plain JSON
  let doc: any
  beforeAll(async () => {
    t = await createTestApp('pglite')
    const res = await t.request('openapi.json')
    expect(res.status).toBe(200)
    doc = await res.json()
  })
  afterAll(() => t.destroy())

  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0')
    const validator = new Validator()
    const result = await validator.validate(structuredClone(doc))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('lists every route the API serves, with its request and response schemas', () => {
    const served = t.app.routes
      .filter(
        (r) =>
          r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== '/api/v1/openapi.json'
      )
      .map(
        (r) =>
          `${r.method.toLowerCase()} ${r.path.replace('/api/v1', '').replace(/:(\w+)/g, '{$1}')}`
      )
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m} ${path}`)
    )
    expect(new Set(documented)).toEqual(new Set(served))
    expect(served.length).toBeGreaterThanOrEqual(15)

    for (const [path, ops] of Object.entries(doc.paths)) {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      for (const [method, op] of Object.entries(ops as Record<string, any>)) {
        const where = `${method} ${path}`
        const success = Object.entries(op.responses).filter(([s]) => s.startsWith('2'))
        // Browser sign-in with OpenID Connect answers only with redirects.
        const redirectOnly = ['get /auth/oidc/login', 'get /auth/oidc/callback']
        if (redirectOnly.includes(where))
          expect(op.responses['302']?.headers?.Location, where).toBeDefined()
        else expect(success.length, where).toBeGreaterThan(0)
        for (const [, response] of success.filter(([s]) => s !== '204')) {
          // biome-ignore lint/suspicious/noExplicitAny: see above
          const content = Object.values((response as any).content ?? {}) as { schema?: unknown }[]
          expect(content[0]?.schema, where).toBeDefined()
        }
        if (method === 'put') {
          const content = Object.values(op.requestBody?.content ?? {}) as { schema?: unknown }[]
          expect(content[0]?.schema, where).toBeDefined()
        }
        // Every POST and PATCH takes a JSON body, except these, which act on the session alone.
        const bodyless = ['post /auth/logout']
        if (['post', 'patch'].includes(method) && !bodyless.includes(where)) {
          expect(op.requestBody?.content?.['application/json']?.schema, where).toBeDefined()
          expect(op.responses['400']?.content?.['application/problem+json'], where).toBeDefined()
        }
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          const param = op.parameters?.find(
            (p: { in: string; name: string }) => p.in === 'path' && `{${p.name}}` === name
          )
          expect(param?.schema, `${where} ${name}`).toBeDefined()
        }
      }
    }
  })

  it('names the schemas of the domain as components', () => {
    for (const name of [
      'Pilot',
      'PilotCreate',
      'PilotPatch',
      'PilotSummary',
      'Metric',
      'Organisation',
      'Problem',
      'TransitionRequest',
      'PilotEvent',
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined()
    }
    expect(doc.components.schemas.PilotCreate.additionalProperties).toBe(false)
  })

  it('serves interactive docs without third-party requests', async () => {
    const res = await t.request('/api/docs')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js')
    expect(html).not.toMatch(/https?:\/\//)
    const bundle = await t.request('/api/docs/assets/swagger-ui-bundle.js')
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('Content-Type')).toContain('javascript')
    expect((await t.request('/api/docs/assets/..%2Fpackage.json')).status).toBe(404)
  })
})
