import type { SampleOrganisation } from './sample-types.ts'

// Real organisations with their real names and organisation numbers (Enhetsregisteret). Only the
// pilots, people and figures attached to them in the sample data are invented.
export const sampleOrganisations: SampleOrganisation[] = [
  {
    id: '0a000000-0000-4000-8000-000000000001',
    orgNumber: '958935420',
    name: 'Oslo kommune',
    kind: 'municipality',
    municipalityNumber: '0301',
    languageForm: 'nb',
  },
  {
    id: '0a000000-0000-4000-8000-000000000002',
    orgNumber: '964338531',
    name: 'Bergen kommune',
    kind: 'municipality',
    municipalityNumber: '4601',
    languageForm: 'nb',
  },
  {
    id: '0a000000-0000-4000-8000-000000000003',
    orgNumber: '942110464',
    name: 'Trondheim kommune',
    kind: 'municipality',
    municipalityNumber: '5001',
    languageForm: 'nb',
  },
  {
    id: '0a000000-0000-4000-8000-000000000004',
    orgNumber: '940101808',
    name: 'Tromsø kommune',
    kind: 'municipality',
    municipalityNumber: '5501',
    languageForm: 'nb',
  },
  {
    id: '0a000000-0000-4000-8000-000000000005',
    orgNumber: '964965226',
    name: 'Stavanger kommune',
    kind: 'municipality',
    municipalityNumber: '1103',
    languageForm: 'nb',
  },
  {
    id: '0a000000-0000-4000-8000-000000000006',
    orgNumber: '970540008',
    name: 'Hamar kommune',
    kind: 'municipality',
    municipalityNumber: '3403',
    languageForm: 'nb',
  },
  {
    id: '0a000000-0000-4000-8000-000000000007',
    orgNumber: '889640782',
    name: 'Arbeids- og velferdsetaten (NAV)',
    kind: 'state_agency',
    languageForm: 'nb',
  },
  {
    id: '0a000000-0000-4000-8000-000000000008',
    orgNumber: '974761076',
    name: 'Skatteetaten',
    kind: 'state_agency',
    languageForm: 'nb',
  },
  {
    id: '0a000000-0000-4000-8000-000000000009',
    orgNumber: '983974724',
    name: 'Helse Bergen HF',
    kind: 'health_trust',
    municipalityNumber: '4601',
    languageForm: 'nb',
  },
  {
    id: '0a000000-0000-4000-8000-00000000000a',
    orgNumber: '919303808',
    name: 'SINTEF AS',
    kind: 'research',
    municipalityNumber: '5001',
    languageForm: 'nb',
  },
]
