import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Actor } from '../actor.ts'
import { createTestApp, DIALECTS, pilotBody, type TestApp } from '../test/harness.ts'
import {
  arbitraryFor,
  deeplyNested,
  deref,
  type JsonSchema,
  nastyString,
  typesOf,
  wrongTypeFor,
} from './schema-arbitrary.ts'

// Requests generated from the OpenAPI document, for every operation it lists: valid ones, hostile
// ones (odd unicode, injection payloads, huge strings) and invalid ones (wrong types, unknown or
// missing fields, bodies that are not the object asked for, broken JSON). Whatever comes in, the
// answer is never a 5xx, its status is one the document lists for the operation, a JSON answer
// matches the schema documented for that status, and invalid input is always refused with a 4xx.
// FUZZ_RUNS sets the requests per operation (default 12 on PGlite, 6 on PostgreSQL).

const RUNS = (dialect: string) => Number(process.env.FUZZ_RUNS ?? (dialect === 'pglite' ? 12 : 6))

type Kind = 'valid' | 'hostile' | 'invalid'
interface Generated {
  kind: Kind
  actor: number
  params: Record<string, string>
  query: Record<string, string>
  headers: Record<string, string>
  /** The body as sent (already text), and its content type. */
  body?: { text: string; type: string }
}

interface Operation {
  method: string
  path: string
  op: JsonSchema
}

/** Tallies per operation, for the report at the end. */
const ran = new Map<string, Record<Kind, number>>()

const GARBAGE_IDS = ['ikke-en-id', '1', "1' or '1'='1", '00000000-0000-0000-0000-00000000000g', 'ø']

describe.each(DIALECTS)('fuzzing every operation of the OpenAPI document on %s', (dialect) => {
  let t: TestApp
  let doc: JsonSchema
  let operations: Operation[] = []
  const ids: string[] = []
  const actors: (Actor | null)[] = []
  const validators = new Map<string, z.ZodType>()

  beforeAll(async () => {
    t = await createTestApp(dialect)
    doc = await (await t.request('openapi.json')).json()
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops as JsonSchema).map(([method, op]) => ({ method, path, op }))
    )
    actors.push(null, t.oslo, t.bergen, t.admin)
    // Records to aim at: a published and a draft pilot of Oslo, their metrics, a benefit, and
    // Bergen's adoption with its own benefit; plus the organisations and users.
    const published = await (
      await t.request('pilots', { method: 'POST', json: pilotBody({ title: 'Fuzz publisert' }) })
    ).json()
    const draft = await (
      await t.request('pilots', {
        method: 'POST',
        json: pilotBody({ title: 'Fuzz utkast', visibility: 'draft' }),
      })
    ).json()
    const benefit = await (
      await t.request(`pilots/${published.id}/benefits`, {
        method: 'POST',
        headers: { 'If-Match': '*' },
        json: {
          kind: 'cost_saving_nok',
          description: 'Færre innleggelser',
          plannedAnnual: 100000,
          bearer: 'own_org',
          beneficiary: 'own_org',
        },
      })
    ).json()
    t.actAs(t.bergen)
    const adoption = await (
      await t.request(`pilots/${published.id}/adoptions`, { method: 'POST', json: {} })
    ).json()
    t.actAs(t.oslo)
    ids.push(
      published.id,
      draft.id,
      ...published.metrics.map((m: { id: string }) => m.id),
      benefit.id,
      adoption.id,
      t.oslo.organisationId ?? '',
      t.bergen.organisationId ?? '',
      t.oslo.userId,
      t.bergen.userId
    )
    expect(ids.every(Boolean)).toBe(true)
  })
  afterAll(() => t?.destroy())

  /** A zod validator for a documented JSON schema (with the document's components inlined). */
  function validatorFor(key: string, schema: JsonSchema) {
    let v = validators.get(key)
    if (!v) {
      const local = (x: unknown) =>
        JSON.parse(JSON.stringify(x).replaceAll('#/components/schemas/', '#/$defs/'))
      v = z.fromJSONSchema({ ...local(schema), $defs: local(doc.components.schemas) })
      validators.set(key, v)
    }
    return v
  }

  function requests({ op }: Operation): fc.Arbitrary<Generated> {
    const pools = { ids }
    const parameters: JsonSchema[] = op.parameters ?? []
    const pathParams = parameters.filter((p) => p.in === 'path')
    const queryParams = parameters.filter((p) => p.in === 'query')
    const header = (name: string) => parameters.find((p) => p.in === 'header' && p.name === name)

    const params = fc.record(
      Object.fromEntries(
        pathParams.map((p) => [
          p.name,
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...ids) },
            { weight: 1, arbitrary: fc.uuid() },
            { weight: 1, arbitrary: fc.constantFrom(...GARBAGE_IDS) }
          ),
        ])
      )
    ) as fc.Arbitrary<Record<string, string>>
    const query = fc.record(
      Object.fromEntries(
        queryParams.map((p) => [
          p.name,
          fc.oneof(
            {
              weight: 3,
              arbitrary: arbitraryFor(doc, p.schema ?? {}, pools).map((v) =>
                Array.isArray(v) ? v.join(',') : String(v)
              ),
            },
            { weight: 1, arbitrary: nastyString }
          ),
        ])
      ),
      { requiredKeys: [] }
    ) as fc.Arbitrary<Record<string, string>>
    const headers = fc.record(
      {
        ...(header('if-match')
          ? {
              'If-Match': fc.constantFrom(
                '"1"',
                '"2"',
                '*',
                '"999999999"',
                'W/"1"',
                'ikke, en "tag'
              ),
            }
          : {}),
        ...(header('idempotency-key')
          ? {
              'Idempotency-Key': fc.oneof(
                fc.stringMatching(/^[a-z0-9-]{1,40}$/),
                fc.constantFrom('', 'å', 'x'.repeat(201), 'mellom rom')
              ),
            }
          : {}),
      },
      { requiredKeys: [] }
    ) as fc.Arbitrary<Record<string, string>>

    const content = op.requestBody?.content ?? {}
    const jsonSchema: JsonSchema | undefined = content['application/json']?.schema
    const otherType = Object.keys(content).find((t) => t !== 'application/json')
    const json = (value: unknown) => ({ text: JSON.stringify(value), type: 'application/json' })

    type Body = { kind: Kind; body?: { text: string; type: string } }
    const bodies: fc.Arbitrary<Body>[] = []
    if (jsonSchema) {
      const schema = deref(doc, jsonSchema)
      const valid = arbitraryFor(doc, schema, pools)
      bodies.push(valid.map((v) => ({ kind: 'valid', body: json(v) })))
      const props = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)
      const stringProps = props.filter(([, p]) => typesOf(doc, p).includes('string'))
      if (stringProps.length) {
        bodies.push(
          fc
            .tuple(valid, fc.constantFrom(...stringProps.map(([n]) => n)), nastyString)
            .map(([v, name, nasty]) => ({
              kind: 'hostile',
              body: json({ ...(v as object), [name]: nasty }),
            }))
        )
      }
      const invalid: fc.Arbitrary<unknown>[] = []
      for (const [name, p] of props) {
        const wrong = wrongTypeFor(doc, p)
        if (wrong)
          invalid.push(fc.tuple(valid, wrong).map(([v, w]) => ({ ...(v as object), [name]: w })))
        if (!typesOf(doc, p).some((t) => t === 'object' || t === 'array' || t === 'any'))
          invalid.push(
            fc.tuple(valid, deeplyNested).map(([v, deep]) => ({ ...(v as object), [name]: deep }))
          )
      }
      if (schema.additionalProperties === false)
        invalid.push(valid.map((v) => ({ ...(v as object), ukjentFelt: 'x' })))
      for (const name of (schema.required ?? []) as string[])
        invalid.push(
          valid.map((v) => {
            const { [name]: _, ...rest } = v as Record<string, unknown>
            return rest
          })
        )
      if (typesOf(doc, schema).every((t) => t === 'object'))
        invalid.push(fc.constantFrom<unknown>([], 'tekst', 42, null, true), deeplyNested)
      if (invalid.length)
        bodies.push(fc.oneof(...invalid).map((v) => ({ kind: 'invalid', body: json(v) })))
      bodies.push(
        fc
          .constantFrom('{"title": ', '{,}', "{'a': 1}", '\u0000', '[1,]', '{"a":1}{"b":2}', '')
          .map((text) => ({ kind: 'invalid', body: { text, type: 'application/json' } })),
        // A JSON body under a content type the operation does not take.
        valid.map((v) => ({
          kind: 'invalid',
          body: { text: JSON.stringify(v), type: otherType ? 'image/png' : 'text/plain' },
        }))
      )
    }
    if (otherType) {
      bodies.push(
        fc
          .oneof(
            nastyString,
            fc.constantFrom('%PDF-1.7\n%%EOF', 'id,title\r\n1,"uavsluttet', 'tittel;kommune\n')
          )
          .map((text) => ({ kind: 'hostile', body: { text, type: otherType } }))
      )
    }
    if (!bodies.length) bodies.push(fc.constant<Body>({ kind: 'valid' }))

    return fc
      .record({
        actor: fc.nat({ max: actors.length - 1 }),
        params,
        query,
        headers,
        body: fc.oneof(...bodies),
      })
      .map(({ body, ...rest }) => ({ ...rest, kind: body.kind, body: body.body }))
  }

  async function send(operation: Operation, g: Generated) {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name) =>
      encodeURIComponent(g.params[name] ?? '')
    )
    const search = new URLSearchParams(g.query).toString()
    t.actAs(actors[g.actor] ?? null)
    try {
      return await t.request(`/api/v1${path}${search ? `?${search}` : ''}`, {
        method: operation.method.toUpperCase(),
        headers: { ...g.headers, ...(g.body ? { 'Content-Type': g.body.type } : {}) },
        ...(g.body ? { body: g.body.text } : {}),
      })
    } finally {
      t.actAs(t.oslo)
    }
  }

  async function check(operation: Operation, g: Generated) {
    const where = `${operation.method.toUpperCase()} ${operation.path}`
    const res = await send(operation, g)
    const text = await res.text()
    const said = `${where} (${g.kind}) answered ${res.status}: ${text.slice(0, 300)}`
    expect(res.status, said).toBeLessThan(500)
    const documented = operation.op.responses[String(res.status)]
    expect(documented, `${said}\nstatus ${res.status} is not documented`).toBeDefined()
    if (g.kind === 'invalid') expect(res.status, said).toBeGreaterThanOrEqual(400)
    const type = res.headers.get('Content-Type') ?? ''
    if (res.status >= 400) {
      expect(type, said).toBe('application/problem+json')
      expect(JSON.parse(text), said).toMatchObject({ status: res.status, code: expect.any(String) })
    }
    const schema = documented.content?.[type.split(';')[0] ?? '']?.schema
    if (schema && /json/.test(type)) {
      const result = validatorFor(`${where} ${res.status}`, schema).safeParse(JSON.parse(text))
      expect(result.error?.issues ?? [], `${said}\ndoes not match the documented schema`).toEqual(
        []
      )
    }
    const tally = ran.get(where) ?? { valid: 0, hostile: 0, invalid: 0 }
    tally[g.kind]++
    ran.set(where, tally)
  }

  it('never answers 5xx, always as documented, and refuses invalid input with 4xx', async () => {
    expect(operations.length).toBeGreaterThan(60)
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(requests(operation), (g) => check(operation, g)),
        {
          numRuns: RUNS(dialect),
          seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
        }
      )
    }
    const total = [...ran.values()].reduce((n, r) => n + r.valid + r.hostile + r.invalid, 0)
    const lines = [...ran.entries()].map(
      ([op, r]) => `  ${op}: ${r.valid} valid, ${r.hostile} hostile, ${r.invalid} invalid`
    )
    if (process.env.FUZZ_REPORT)
      console.info(
        `fuzz on ${dialect}: ${total} requests over ${ran.size} operations\n${lines.join('\n')}`
      )
    expect(ran.size).toBe(operations.length)
    ran.clear()
  }, 600_000)
})
