import { type Quad, type Term, Writer } from 'n3'
import { PREFIXES } from './rdf.ts'

const RDF_TYPE = `${PREFIXES.rdf}type`
const XSD_STRING = `${PREFIXES.xsd}string`

/** The graph as Turtle, with the profile's prefixes. */
export function toTurtle(quads: Quad[]): Promise<string> {
  const writer = new Writer({ format: 'text/turtle', prefixes: PREFIXES })
  writer.addQuads(quads)
  return new Promise((resolve, reject) =>
    writer.end((error, turtle) => (error ? reject(error) : resolve(turtle)))
  )
}

/** `dcat:Dataset` for an IRI in one of the known vocabularies; other IRIs stay whole. */
function compact(value: string): string {
  for (const [prefix, namespace] of Object.entries(PREFIXES)) {
    const local = value.slice(namespace.length)
    if (value.startsWith(namespace) && /^[A-Za-z_][\w.-]*$/.test(local)) return `${prefix}:${local}`
  }
  return value
}

function toJsonLdValue(object: Term): unknown {
  if (object.termType === 'NamedNode') return { '@id': object.value }
  if (object.termType !== 'Literal')
    throw new Error(`Unexpected ${object.termType} in the catalogue`)
  if (object.language) return { '@value': object.value, '@language': object.language }
  if (object.datatype.value === XSD_STRING) return object.value
  return { '@value': object.value, '@type': compact(object.datatype.value) }
}

/**
 * The graph as a flattened JSON-LD document: one node per subject in `@graph`, properties as
 * compact IRIs, the context inline (a client never has to fetch one). Only IRIs and literals
 * are expected; the catalogue names every node.
 */
export function toJsonLd(quads: Quad[]): Record<string, unknown> {
  const nodes = new Map<string, Record<string, unknown[]>>()
  for (const { subject, predicate, object } of quads) {
    let node = nodes.get(subject.value)
    if (!node) {
      node = {}
      nodes.set(subject.value, node)
    }
    const key = predicate.value === RDF_TYPE ? '@type' : compact(predicate.value)
    const value = key === '@type' ? compact(object.value) : toJsonLdValue(object)
    node[key] = [...(node[key] ?? []), value]
  }
  const graph = [...nodes].map(([id, properties]) => ({
    '@id': id,
    ...Object.fromEntries(
      Object.entries(properties).map(([key, values]) => [
        key,
        values.length === 1 ? values[0] : values,
      ])
    ),
  }))
  return { '@context': PREFIXES, '@graph': graph }
}
