import type { EvidenceLevel } from './enums.ts'

type Texts = { nb: string; nn: string; en: string }

/**
 * Nesta's Standards of Evidence, the scale `evidenceLevel` uses, explained in the three languages
 * of the UI. Level 1 is a sound account of why it should work; level 5 is proven and replicable.
 */
export const EVIDENCE_LEVEL_TEXTS: Record<EvidenceLevel, { title: Texts; explanation: Texts }> = {
  1: {
    title: { nb: 'Begrunnet', nn: 'Grunngjeve', en: 'Reasoned' },
    explanation: {
      nb: 'Vi kan beskrive hva vi gjør og hvorfor det bør virke, på en logisk og overbevisende måte.',
      nn: 'Vi kan skildre kva vi gjer og kvifor det bør verke, på ein logisk og overtydande måte.',
      en: 'We can describe what we do and why it should matter, logically, coherently and convincingly.',
    },
  },
  2: {
    title: { nb: 'Målt endring', nn: 'Målt endring', en: 'Change measured' },
    explanation: {
      nb: 'Vi har data som viser en positiv endring, men kan ikke slå fast at det var tiltaket som ga den.',
      nn: 'Vi har data som viser ei positiv endring, men kan ikkje slå fast at det var tiltaket som gav henne.',
      en: 'We capture data that shows positive change, but cannot confirm that the pilot caused it.',
    },
  },
  3: {
    title: { nb: 'Årsak vist', nn: 'Årsak vist', en: 'Causality shown' },
    explanation: {
      nb: 'Vi kan vise at tiltaket ga effekten, ved hjelp av en kontroll- eller sammenligningsgruppe.',
      nn: 'Vi kan vise at tiltaket gav effekten, ved hjelp av ei kontroll- eller samanlikningsgruppe.',
      en: 'We can show that the pilot caused the effect, using a control or comparison group.',
    },
  },
  4: {
    title: { nb: 'Uavhengig gjentatt', nn: 'Uavhengig gjenteke', en: 'Independently replicated' },
    explanation: {
      nb: 'Én eller flere uavhengige evalueringer andre steder bekrefter resultatene.',
      nn: 'Éi eller fleire uavhengige evalueringar andre stader stadfestar resultata.',
      en: 'One or more independent evaluations elsewhere confirm the results.',
    },
  },
  5: {
    title: { nb: 'Klar for spredning', nn: 'Klar for spreiing', en: 'Ready to scale' },
    explanation: {
      nb: 'Det finnes veiledere, systemer og rutiner som sikrer at tiltaket gir samme effekt når andre tar det i bruk.',
      nn: 'Det finst rettleiarar, system og rutinar som sikrar at tiltaket gir same effekt når andre tek det i bruk.',
      en: 'Manuals, systems and procedures make sure the pilot has the same effect when others adopt it.',
    },
  },
}
