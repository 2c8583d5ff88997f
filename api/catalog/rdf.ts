import { DataFactory, type Literal, type NamedNode, type Quad } from 'n3'

const { literal, namedNode, quad } = DataFactory

/** The vocabularies of DCAT-AP-NO, by the prefixes both serialisations use. */
export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  owl: 'http://www.w3.org/2002/07/owl#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const

type Prefix = keyof typeof PREFIXES
/** A compact IRI such as `dcat:Dataset`; the prefix must be one of PREFIXES. */
export type Curie = `${Prefix}:${string}`

/** The full IRI of a compact one. */
export function expand(curie: Curie): string {
  const [prefix, local] = curie.split(/:(.*)/s) as [Prefix, string]
  return PREFIXES[prefix] + local
}

export const iri = (value: string): NamedNode => namedNode(value)
export const term = (curie: Curie): NamedNode => namedNode(expand(curie))
export const text = (value: string, language: 'nb' | 'nn' | 'en'): Literal =>
  literal(value, language)
export const plain = (value: string): Literal => literal(value)
export const dateTime = (value: Date): Literal =>
  literal(value.toISOString(), namedNode(expand('xsd:dateTime')))

type Value = NamedNode | Literal
/** A predicate's values; absent ones (`undefined`) are left out. */
type Values = Value | undefined | readonly (Value | undefined)[]

/**
 * The triples saying `properties` about `subject`, in the order given; `a` is `rdf:type`.
 * Reads like a Turtle block, so the catalogue can be checked against the profile by eye.
 */
export function describe(
  subject: string,
  properties: Partial<Record<Curie | 'a', Values>>
): Quad[] {
  return Object.entries(properties).flatMap(([key, values]) => {
    const predicate = term(key === 'a' ? 'rdf:type' : (key as Curie))
    return [values]
      .flat()
      .filter((value): value is Value => value !== undefined)
      .map((value) => quad(iri(subject), predicate, value))
  })
}
