import fc from 'fast-check'

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema from the OpenAPI document is walked as plain JSON
export type JsonSchema = Record<string, any>

export interface Pools {
  /** Ids of records that exist, so generated references sometimes hit something. */
  ids: string[]
}

const DATE = fc
  .date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

/** Strings a hostile or careless client sends: markup, SQL, templates, paths, odd unicode. */
export const NASTY_STRINGS = [
  "'; DROP TABLE pilots; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  `{{7*7}}\${7*7}<%= 7*7 %>`,
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie:x=1',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil\u202c',
  '\ufeffBOM',
  'Z̷̢̛a̶͓̔l̴̰͊g̸̱̈o̵̳͝',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'ÆØÅ æøå',
  '\t\n\r\v\f',
  ' ',
  '',
  '-1',
  '1e309',
  'NaN',
  'null',
  '[]',
  '{}',
  '\\',
  '%',
  '_',
  '*',
]

export const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('x'.repeat(10_000), 'ø'.repeat(100_001))
)

/** A value nested `depth` levels deep in arrays and objects. */
export const deeplyNested = fc.integer({ min: 50, max: 2000 }).map((depth) => {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
})

/** Resolves a local `$ref` against the document. */
export function deref(doc: JsonSchema, schema: JsonSchema): JsonSchema {
  let s = schema
  while (s?.$ref) {
    const path = (s.$ref as string).replace(/^#\//, '').split('/')
    s = path.reduce((node: JsonSchema, key) => node?.[key], doc)
  }
  return s ?? {}
}

/** The JSON types a schema allows. */
export function typesOf(doc: JsonSchema, schema: JsonSchema): string[] {
  const s = deref(doc, schema)
  if (s.anyOf || s.oneOf)
    return [...new Set([...(s.anyOf ?? s.oneOf)].flatMap((x: JsonSchema) => typesOf(doc, x)))]
  if (s.const !== undefined) return [s.const === null ? 'null' : typeof s.const]
  if (Array.isArray(s.type)) return s.type
  if (s.type) return [s.type]
  if (s.enum)
    return [...new Set<string>(s.enum.map((v: unknown) => (v === null ? 'null' : typeof v)))]
  return ['any']
}

function stringArbitrary(s: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  switch (s.format) {
    case 'uuid':
      return pools.ids.length ? fc.oneof(fc.constantFrom(...pools.ids), fc.uuid()) : fc.uuid()
    case 'date':
      return DATE
    case 'date-time':
      return fc
        .date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString())
    case 'email':
      return fc.emailAddress()
    case 'uri':
      return fc.webUrl()
  }
  const min = s.minLength ?? 0
  const max = Math.min(s.maxLength ?? 60, Math.max(min, 60))
  if (s.pattern) {
    const flagless = (s.pattern as string).replace(/\/u$/, '')
    return fc
      .stringMatching(new RegExp(flagless, 'u'))
      .filter((v) => v.length >= min && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY))
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }),
    }
  )
}

/** Values that satisfy `schema` (as far as JSON Schema says; the API's own rules may still refuse). */
export function arbitraryFor(
  doc: JsonSchema,
  schema: JsonSchema,
  pools: Pools,
  depth = 0
): fc.Arbitrary<unknown> {
  const s = deref(doc, schema)
  if (depth > 6) return fc.constant(null)
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const alternatives = s.anyOf ?? s.oneOf
  if (alternatives)
    return fc.oneof(...alternatives.map((a: JsonSchema) => arbitraryFor(doc, a, pools, depth + 1)))
  if (s.allOf) return arbitraryFor(doc, s.allOf[0], pools, depth + 1)
  if (Array.isArray(s.type))
    return fc.oneof(
      ...s.type.map((type: string) => arbitraryFor(doc, { ...s, type }, pools, depth + 1))
    )
  switch (s.type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e6)
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e6)
      return fc.integer({
        min: Math.max(min, Number.MIN_SAFE_INTEGER),
        max: Math.min(max, Number.MAX_SAFE_INTEGER),
      })
    }
    case 'number':
      return fc.double({
        min: s.minimum ?? s.exclusiveMinimum ?? -1e9,
        max: s.maximum ?? s.exclusiveMaximum ?? 1e9,
        minExcluded: s.exclusiveMinimum !== undefined,
        maxExcluded: s.exclusiveMaximum !== undefined,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'string':
      return stringArbitrary(s, pools)
    case 'array':
      return fc.array(arbitraryFor(doc, s.items ?? {}, pools, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, Math.max(s.minItems ?? 0, 3)),
      })
    case 'object': {
      const props: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, sub] of Object.entries(s.properties ?? {}))
        props[name] = arbitraryFor(doc, sub as JsonSchema, pools, depth + 1)
      return fc.record(props, { requiredKeys: s.required ?? [] })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** A JSON value of a type `schema` does not allow. */
export function wrongTypeFor(doc: JsonSchema, schema: JsonSchema): fc.Arbitrary<unknown> | null {
  const allowed = typesOf(doc, schema)
  if (allowed.includes('any')) return null
  const s = deref(doc, schema)
  const candidates: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.constantFrom('', 'ikke et tall', '12', 'true')],
    ['number', fc.constantFrom(0, -1, 1.5, 1e308)],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.constantFrom([], [1, 'to'])],
    ['object', fc.constantFrom({}, { $gt: '' }, JSON.parse('{"__proto__":{"admin":true}}'))],
  ]
  const wrong = candidates
    .filter(([type]) => {
      if (allowed.includes(type)) return false
      if (type === 'number' && allowed.includes('integer')) return false
      // A whole number is also a number; an enum of strings refuses every other string anyway.
      return true
    })
    .map(([, a]) => a)
  // Strings outside an enum are wrong too.
  if (s.enum && allowed.every((t) => t === 'string' || t === 'null'))
    wrong.push(fc.constantFrom('not-a-member', 'SERVICE', ' service'))
  return wrong.length ? fc.oneof(...wrong) : null
}
