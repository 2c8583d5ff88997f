import type { NamedNode, Quad } from 'n3'
import { dateTime, describe, iri, plain, term, text } from './rdf.ts'
import { TERM_QUADS, TERMS } from './vocabularies.ts'

export interface CatalogFacts {
  /** Scheme and host every IRI is built on, e.g. `https://forsok.example.no`. */
  origin: string
  /** When the first published pilot was registered; null while none is published. */
  issued: Date | null
  /** When a published pilot last changed; null while none is published. */
  modified: Date | null
}

// Placeholder publisher, free of configuration: the product owner has yet to decide who publishes
// the registry. The IRI is the organisation's entry in the Central Coordinating Register.
const PUBLISHER = {
  iri: 'https://data.brreg.no/enhetsregisteret/api/enheter/991825827',
  orgNumber: '991825827',
  name: { nb: 'Digitaliseringsdirektoratet', en: 'Norwegian Digitalisation Agency' },
} as const

const IANA = 'https://www.iana.org/assignments/media-types'
const OPENAPI_3_1 = 'https://spec.openapis.org/oas/v3.1.0'

const KEYWORDS = [
  text('forsøk', 'nb'),
  text('utprøving', 'nb'),
  text('innovasjon', 'nb'),
  text('offentlig sektor', 'nb'),
  text('pilots', 'en'),
  text('trials', 'en'),
  text('public sector innovation', 'en'),
]

const ATTRIBUTION = {
  nb: 'Kommune- og fylkesnummer og -navn: Kartgrunnlag: © Kartverket (CC BY 4.0).',
  en: 'Municipality and county numbers and names: map data © Kartverket (CC BY 4.0).',
}

/** The registry's open data set, described in DCAT-AP-NO 2: catalogue, data set, files, API. */
export function describeCatalog({ origin, issued, modified }: CatalogFacts): Quad[] {
  const api = `${origin}/api/v1`
  const catalog = `${api}/catalog`
  const dataset = `${catalog}#pilots`
  const service = `${catalog}#api`
  const contact = `${catalog}#contact`
  const attribution = `${catalog}#kartverket-attribution`
  const publisher = iri(PUBLISHER.iri)
  const dates = {
    'dct:issued': issued ? dateTime(issued) : undefined,
    'dct:modified': modified ? dateTime(modified) : undefined,
  }

  const distribution = (format: 'csv' | 'json', mediaType: string, fileType: NamedNode) => {
    const id = `${catalog}#pilots-${format}`
    const file = `${api}/export/pilots.${format}`
    const name = format.toUpperCase()
    return {
      id: iri(id),
      quads: describe(id, {
        a: term('dcat:Distribution'),
        'dct:title': [
          text(`Alle publiserte forsøk (${name})`, 'nb'),
          text(`All published pilots (${name})`, 'en'),
        ],
        'dct:description': [
          text(`Alle publiserte forsøk i registeret som én ${name}-fil.`, 'nb'),
          text(`Every published pilot in the registry as one ${name} file.`, 'en'),
        ],
        'dcat:accessURL': iri(file),
        'dcat:downloadURL': iri(file),
        'dcat:mediaType': iri(`${IANA}/${mediaType}`),
        'dct:format': fileType,
        'dct:license': TERMS.nlod.id,
        'dct:rights': iri(attribution),
        'dcat:accessService': iri(service),
      }),
    }
  }
  const csv = distribution('csv', 'text/csv', TERMS.csv.id)
  const json = distribution('json', 'application/json', TERMS.json.id)

  return [
    ...describe(catalog, {
      a: term('dcat:Catalog'),
      'dct:identifier': plain(catalog),
      'dct:title': [
        text('Forsøksregisteret', 'nb'),
        text('Forsøksregisteret (the Norwegian registry of public-sector pilots)', 'en'),
      ],
      'dct:description': [
        text(
          'Datakatalog for Forsøksregisteret, registeret over forsøk og utprøving i offentlig sektor i Norge.',
          'nb'
        ),
        text(
          'Data catalogue of Forsøksregisteret, the registry of pilots and trials in the Norwegian public sector.',
          'en'
        ),
      ],
      'dct:publisher': publisher,
      'foaf:homepage': iri(`${origin}/`),
      'dct:language': [TERMS.bokmal.id, TERMS.english.id],
      'dct:license': TERMS.nlod.id,
      'dct:spatial': TERMS.norway.id,
      ...dates,
      'dcat:dataset': iri(dataset),
      'dcat:service': iri(service),
    }),
    ...describe(dataset, {
      a: term('dcat:Dataset'),
      'dct:identifier': plain(dataset),
      'dct:title': [
        text('Forsøksregisteret — forsøk og utprøving i offentlig sektor', 'nb'),
        text('Forsøksregisteret — pilots and trials in the Norwegian public sector', 'en'),
      ],
      'dct:description': [
        text(
          `Publiserte forsøk og utprøvinger i offentlig sektor i Norge: hva som prøves ut, hvem som står bak, hvor, i hvilken fase, og hva evalueringene viser. ${ATTRIBUTION.nb}`,
          'nb'
        ),
        text(
          `Published pilots and trials in the Norwegian public sector: what is being tried, by whom, where, at which stage, and what the evaluations show. ${ATTRIBUTION.en}`,
          'en'
        ),
      ],
      'dcat:theme': TERMS.government.id,
      'dcat:keyword': KEYWORDS,
      'dct:publisher': publisher,
      'dcat:contactPoint': iri(contact),
      'dct:accessRights': TERMS.public.id,
      'dct:accrualPeriodicity': TERMS.continuous.id,
      'dct:language': [TERMS.bokmal.id, TERMS.nynorsk.id],
      'dct:spatial': TERMS.norway.id,
      ...dates,
      'dcat:landingPage': iri(`${origin}/`),
      'foaf:page': iri(`${origin}/api/docs`),
      'dcat:distribution': [csv.id, json.id],
    }),
    ...csv.quads,
    ...json.quads,
    ...describe(service, {
      a: term('dcat:DataService'),
      'dct:identifier': plain(service),
      'dct:title': [text('Forsøksregisteret API', 'nb'), text('Forsøksregisteret API', 'en')],
      'dct:description': [
        text(
          'Åpent REST-API for å lese forsøkene i registeret; lesing krever ikke innlogging.',
          'nb'
        ),
        text('Open REST API for reading the pilots in the registry; reads need no login.', 'en'),
      ],
      'dcat:endpointURL': iri(api),
      'dcat:endpointDescription': iri(`${api}/openapi.json`),
      'dct:conformsTo': iri(OPENAPI_3_1),
      'dcat:servesDataset': iri(dataset),
      'dcat:mediaType': iri(`${IANA}/application/json`),
      'dct:format': TERMS.json.id,
      'dcat:theme': TERMS.government.id,
      'dcat:keyword': KEYWORDS,
      'dct:publisher': publisher,
      'dcat:contactPoint': iri(contact),
      'dct:accessRights': TERMS.public.id,
      'dct:license': TERMS.nlod.id,
      'dcat:landingPage': iri(`${origin}/api/docs`),
    }),
    ...describe(`${api}/openapi.json`, {
      a: term('foaf:Document'),
      'dct:title': [
        text('OpenAPI-beskrivelse av Forsøksregisteret API', 'nb'),
        text('OpenAPI description of the Forsøksregisteret API', 'en'),
      ],
    }),
    ...describe(OPENAPI_3_1, {
      a: term('dct:Standard'),
      'dct:title': text('OpenAPI Specification 3.1.0', 'en'),
      'owl:versionInfo': plain('3.1.0'),
    }),
    ...describe(PUBLISHER.iri, {
      a: term('foaf:Agent'),
      'foaf:name': [text(PUBLISHER.name.nb, 'nb'), text(PUBLISHER.name.en, 'en')],
      'dct:identifier': plain(PUBLISHER.orgNumber),
      'dct:type': TERMS.nationalAuthority.id,
    }),
    ...describe(contact, {
      a: term('vcard:Organization'),
      'vcard:fn': text('Forsøksregisteret', 'nb'),
      'vcard:hasURL': iri(`${origin}/`),
    }),
    ...describe(attribution, {
      a: term('dct:RightsStatement'),
      'rdfs:label': [text(ATTRIBUTION.nb, 'nb'), text(ATTRIBUTION.en, 'en')],
      'rdfs:seeAlso': TERMS.ccBy.id,
    }),
    ...TERM_QUADS,
  ]
}
