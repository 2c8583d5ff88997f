import type { OrganisationKind } from '../schema/enums.ts'

// State agencies, health trusts and a county authority with their real organisation numbers
// (Enhetsregisteret). Each number was checked against more than one public source listing it
// with the same name, and passes the mod-11 check (seeds/sample.test.ts).

export interface NationalOrganisation {
  orgNumber: string
  name: string
  kind: OrganisationKind
  /** Where its head office is (municipality, 2024 number), if it has one that matters here. */
  municipalityNumber?: string
  countyNumber?: string
}

export const NATIONAL_ORGANISATIONS: readonly NationalOrganisation[] = [
  { orgNumber: '889640782', name: 'Arbeids- og velferdsetaten (NAV)', kind: 'state_agency' },
  { orgNumber: '974761076', name: 'Skatteetaten', kind: 'state_agency' },
  { orgNumber: '983544622', name: 'Helsedirektoratet', kind: 'state_agency' },
  { orgNumber: '971032081', name: 'Statens vegvesen', kind: 'state_agency' },
  {
    orgNumber: '983974724',
    name: 'Helse Bergen HF',
    kind: 'health_trust',
    municipalityNumber: '4601',
  },
  {
    orgNumber: '993467049',
    name: 'Oslo universitetssykehus HF',
    kind: 'health_trust',
    municipalityNumber: '0301',
  },
  {
    orgNumber: '883974832',
    name: 'St. Olavs hospital HF',
    kind: 'health_trust',
    municipalityNumber: '5001',
  },
  {
    orgNumber: '983974899',
    name: 'Universitetssykehuset Nord-Norge HF',
    kind: 'health_trust',
    municipalityNumber: '5501',
  },
  {
    orgNumber: '983971709',
    name: 'Sykehuset Innlandet HF',
    kind: 'health_trust',
    countyNumber: '34',
  },
  {
    orgNumber: '983975240',
    name: 'Sørlandet sykehus HF',
    kind: 'health_trust',
    countyNumber: '42',
  },
  {
    orgNumber: '983974910',
    name: 'Nordlandssykehuset HF',
    kind: 'health_trust',
    municipalityNumber: '1804',
  },
  {
    orgNumber: '983974880',
    name: 'Finnmarkssykehuset HF',
    kind: 'health_trust',
    countyNumber: '56',
  },
  { orgNumber: '983974694', name: 'Helse Fonna HF', kind: 'health_trust', countyNumber: '46' },
  { orgNumber: '817920632', name: 'Trøndelag fylkeskommune', kind: 'county', countyNumber: '50' },
]
