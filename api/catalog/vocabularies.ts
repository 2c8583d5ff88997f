import type { Quad } from 'n3'
import { describe, iri, term, text } from './rdf.ts'

const EU = 'http://publications.europa.eu/resource/authority'

/**
 * A term of a controlled vocabulary. The DCAT-AP-NO shapes check a value's vocabulary through
 * its `skos:inScheme`, so the catalogue states it for every such term it uses.
 */
function concept(id: string, scheme: string, nb: string, en: string) {
  return {
    id: iri(id),
    quads: describe(id, {
      'skos:inScheme': iri(scheme),
      'skos:prefLabel': [text(nb, 'nb'), text(en, 'en')],
    }),
  }
}

/** A term of one of the EU's authority tables (publications.europa.eu). */
const eu = (table: string, code: string, nb: string, en: string) =>
  concept(`${EU}/${table}/${code}`, `${EU}/${table}`, nb, en)

/** NLOD 2.0 by its IRI in the EU licence table, which the shapes require for a licence. */
const NLOD_2_0 = `${EU}/licence/NLOD_2_0`

export const TERMS = {
  government: eu(
    'data-theme',
    'GOVE',
    'Forvaltning og offentlig sektor',
    'Government and public sector'
  ),
  continuous: eu('frequency', 'CONT', 'Kontinuerlig', 'Continuous'),
  public: eu('access-right', 'PUBLIC', 'Allmenn tilgang', 'Public'),
  norway: eu('country', 'NOR', 'Norge', 'Norway'),
  bokmal: eu('language', 'NOB', 'Norsk bokmål', 'Norwegian Bokmål'),
  nynorsk: eu('language', 'NNO', 'Norsk nynorsk', 'Norwegian Nynorsk'),
  english: eu('language', 'ENG', 'Engelsk', 'English'),
  csv: eu('file-type', 'CSV', 'CSV', 'CSV'),
  json: eu('file-type', 'JSON', 'JSON', 'JSON'),
  // The shapes expect the publisher types under the scheme's versioned IRI.
  nationalAuthority: concept(
    'http://purl.org/adms/publishertype/NationalAuthority',
    'http://purl.org/adms/publishertype/1.0',
    'Nasjonal myndighet',
    'National authority'
  ),
  nlod: {
    id: iri(NLOD_2_0),
    quads: [
      ...concept(
        NLOD_2_0,
        `${EU}/licence`,
        'Norsk lisens for offentlige data (NLOD) 2.0',
        'Norwegian Licence for Open Government Data (NLOD) 2.0'
      ).quads,
      ...describe(NLOD_2_0, {
        a: term('dct:LicenseDocument'),
        'skos:exactMatch': iri('http://data.norge.no/nlod/no/2.0'),
      }),
    ],
  },
  ccBy: eu(
    'licence',
    'CC_BY_4_0',
    'Creative Commons Navngivelse 4.0 Internasjonal',
    'Creative Commons Attribution 4.0 International'
  ),
} as const

/** What the catalogue says about the controlled terms it uses: scheme and labels. */
export const TERM_QUADS: Quad[] = Object.values(TERMS).flatMap((t) => t.quads)
