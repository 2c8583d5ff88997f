import type { SampleAdoption } from './sample-types.ts'

// Invented adoptions of the sample pilots by real municipalities: who took what up, when, and from
// whom they learned it. The night supervision pilot spreads along a chain four steps deep.

const NIGHT_SUPERVISION = '5a000000-0000-4000-8000-000000000001'
const DISPENSERS = '5a000000-0000-4000-8000-000000000002'

export const sampleAdoptions: SampleAdoption[] = [
  {
    pilotId: NIGHT_SUPERVISION,
    orgNumber: '964965226', // Stavanger
    status: 'adopted',
    degree: 'copy',
    triallingOn: '2024-06-01',
    adoptedOn: '2025-01-15',
    localOutcome: 'successful',
    notes: 'Brukte Bergens rutiner for samtykke og varsling uten endringer.',
  },
  {
    pilotId: NIGHT_SUPERVISION,
    orgNumber: '935478715', // Bærum
    status: 'adopted',
    degree: 'copy',
    triallingOn: '2024-08-15',
    adoptedOn: '2025-03-01',
    localOutcome: 'successful',
  },
  {
    pilotId: NIGHT_SUPERVISION,
    orgNumber: '964965137', // Sandnes
    learnedFrom: '964965226',
    status: 'adopted',
    degree: 'adapted',
    triallingOn: '2025-02-01',
    adoptedOn: '2025-09-01',
    localOutcome: 'successful',
    notes: 'Delte nattpatrulje med Stavanger i forsøksperioden.',
  },
  {
    pilotId: NIGHT_SUPERVISION,
    orgNumber: '921234554', // Drammen
    learnedFrom: '935478715',
    status: 'adopted',
    degree: 'adapted',
    triallingOn: '2025-04-01',
    adoptedOn: '2025-12-01',
    localOutcome: 'partially_successful',
    notes: 'Færre fysiske tilsyn, men mange falske alarmer de første månedene.',
  },
  {
    pilotId: NIGHT_SUPERVISION,
    orgNumber: '940101808', // Tromsø
    learnedFrom: '964965137',
    status: 'dropped',
    degree: 'copy',
    triallingOn: '2025-06-01',
    droppedOn: '2026-01-10',
    localOutcome: 'unsuccessful',
    notes:
      'Lange avstander gjorde at utrykning tok for lang tid; vurderes på nytt med lokale vakter.',
  },
  {
    pilotId: NIGHT_SUPERVISION,
    orgNumber: '940039541', // Fredrikstad
    learnedFrom: '921234554',
    status: 'trialling',
    degree: 'adapted',
    triallingOn: '2025-10-01',
  },
  {
    pilotId: NIGHT_SUPERVISION,
    orgNumber: '972418013', // Bodø
    learnedFrom: '940039541',
    status: 'interested',
    degree: 'inspired',
    interestedOn: '2026-03-01',
  },
  {
    pilotId: DISPENSERS,
    orgNumber: '942110464', // Trondheim
    status: 'interested',
    degree: 'copy',
    interestedOn: '2025-05-01',
  },
]
