import type { Outcome, Stage } from '../schema/enums.ts'
import { MUNICIPAL_ORGANISATIONS } from './municipal-organisations.ts'
import { mulberry32, type Random, sCurve, stableUuid } from './prng.ts'
import { SAMPLE_THEMES, type SampleTheme } from './sample-themes.ts'
import type { SampleAdoption, SampleEvaluation, SamplePilot, SampleStep } from './sample-types.ts'

// The larger part of the sample set, built from the themes with a seeded generator: two pilots
// per theme (the one who tried it first, and a later one), and the spread of the first one to
// municipalities across the country. Everything here is invented; only the organisations are real.

/** Nothing in the sample data happens after this day. */
export const SAMPLE_TODAY = '2026-11-01'
const SEED = 2026_11_22

const day = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10)
const TODAY = day(SAMPLE_TODAY)
/** The themes' spread is scaled down to keep the first start quick; the curves keep their shape. */
const SPREAD_SHARE = 0.65

/** The stage and outcome of the later pilots, in turn, so that every combination is there. */
const LATER: [Stage, Outcome | null][] = [
  ['running', null],
  ['concluded', 'unsuccessful'],
  ['evaluating', null],
  ['planned', null],
  ['concluded', 'inconclusive'],
  ['hypothesis', null],
  ['discontinued', null],
  ['adopted', 'partially_successful'],
  ['running', null],
  ['concluded', 'successful'],
]

const PLACE = new Map(
  MUNICIPAL_ORGANISATIONS.map(([org, , name]) => [org, name.replace(/ kommune$/, '')])
)
const FIRST_NAMES = [
  'Ingrid',
  'Ola',
  'Siri',
  'Jonas',
  'Marte',
  'Ali',
  'Hilde',
  'Espen',
  'Nora',
  'Amir',
]
const LAST_NAMES = [
  'Haugen',
  'Berg',
  'Lie',
  'Moen',
  'Strand',
  'Aas',
  'Dahl',
  'Vik',
  'Eide',
  'Lunde',
]

interface Built {
  pilots: SamplePilot[]
  adoptions: SampleAdoption[]
}

/** The generated sample pilots and adoptions (the same every run). */
export function generatedSample(): Built {
  const pilots: SamplePilot[] = []
  const adoptions: SampleAdoption[] = []
  let later = 0
  SAMPLE_THEMES.forEach((theme, t) => {
    theme.owners.forEach((owner, o) => {
      const n = t * 2 + o
      const r = mulberry32(SEED + n)
      const first = o === 0
      const spreads = first && theme.spread > 0
      const [stage, outcome]: [Stage, Outcome | null] = spreads
        ? [
            t % 3 === 0 ? 'adopted' : 'concluded',
            t % 4 === 3 ? 'partially_successful' : 'successful',
          ]
        : (LATER[later++ % LATER.length] as [Stage, Outcome | null])
      const pilot = buildPilot(theme, owner, n, r, stage, outcome, first)
      pilots.push(pilot)
      if (spreads) adoptions.push(...spread(theme, pilot, r))
    })
  })
  return { pilots, adoptions }
}

function buildPilot(
  theme: SampleTheme,
  owner: string,
  n: number,
  r: Random,
  target: Stage,
  outcome: Outcome | null,
  first: boolean
): SamplePilot {
  const place = PLACE.get(owner)
  const title = place ? theme.title.replace('{sted}', place) : theme.title.replace(' i {sted}', '')
  // The stages it passes: the lifecycle up to its stage; a discontinued one stopped while running.
  const path: Stage[] = ['planned', 'running', 'evaluating', 'concluded', 'adopted']
  const upTo: Stage[] =
    target === 'hypothesis'
      ? []
      : target === 'discontinued'
        ? ['planned', 'running', 'discontinued']
        : path.slice(0, path.indexOf(target) + 1)
  const gaps: Record<string, [number, number]> = {
    planned: [30, 90],
    running: [30, 90],
    evaluating: [300, 480],
    concluded: [40, 120],
    adopted: [60, 180],
    discontinued: [90, 200],
  }
  const days = upTo.map((s) => r.int(...(gaps[s] as [number, number])))
  const total = days.reduce((a, b) => a + b, 0)
  // The first tryers started early enough for the idea to spread; later ones started recently.
  const registered = first
    ? day('2019-09-01') + r.int(0, 300)
    : Math.max(day('2021-01-01'), TODAY - total - r.int(20, 500))
  let at = registered
  const on = days.map((d) => {
    at += d
    return at
  })
  const dayOf = (s: Stage) => on[upTo.indexOf(s)]

  const steps = upTo.map((to, k): SampleStep => {
    const date = iso(on[k] as number)
    if (to === 'running') return { to, on: date, actualStart: date }
    if (to === 'evaluating')
      return { to, on: date, actualEnd: iso((on[k] as number) - r.int(0, 14)) }
    if (to === 'adopted') {
      const decided = (on[k] as number) - r.int(3, 14)
      return {
        to,
        on: date,
        decisionReference: `Sak ${r.int(10, 180)}/${iso(decided).slice(2, 4)}`,
        decisionDate: iso(decided),
      }
    }
    if (to === 'discontinued')
      return {
        to,
        on: date,
        reason:
          'Avsluttet før tiden: for få deltakere ble med, og ressursene trengtes i den ordinære driften.',
      }
    return { to, on: date }
  })

  const plannedStart = iso(registered + r.int(45, 120))
  const running = dayOf('running')
  const evaluations: SampleEvaluation[] = []
  const results = (o: Outcome | null, share: number) =>
    theme.metrics.map(([name, , , baseline, target]) => {
      const reached =
        o === 'successful'
          ? 1
          : o === 'partially_successful'
            ? 0.55
            : o === 'unsuccessful'
              ? 0.05
              : 0.4
      const observed = round(baseline + (target - baseline) * reached * share)
      const wide = Math.abs(target - baseline) * (o === 'inconclusive' ? 1.2 : 0.3)
      return {
        metric: name,
        observed,
        ciLow: round(observed - wide),
        ciHigh: round(observed + wide),
        n: r.int(30, 400),
      }
    })
  if (running !== undefined && upTo.includes('evaluating') === false && target !== 'hypothesis') {
    // Still running (or stopped while running): an interim look after a few months.
    const when = running + r.int(60, 120)
    if (when < TODAY && (dayOf('discontinued') ?? TODAY) > when)
      evaluations.push(interim(theme, iso(when), results(null, 0.5)))
  }
  if (upTo.includes('evaluating')) {
    evaluations.push(
      interim(
        theme,
        iso((running as number) + r.int(90, 150)),
        results(outcome ?? 'partially_successful', 0.5)
      )
    )
  }
  const concluded = dayOf('concluded')
  if (concluded !== undefined && outcome) {
    evaluations.push({
      kind: 'final',
      method: theme.method,
      evidenceLevel: theme.evidence,
      outcome,
      on: iso(concluded - r.int(5, 25)),
      summary: `${OUTCOME_SUMMARY[outcome]} ${theme.metrics[0]?.[0]}: fra ${theme.metrics[0]?.[3]} til ${results(outcome, 1)[0]?.observed} (mål ${theme.metrics[0]?.[4]}).`,
      lessonsLearned: theme.lesson,
      results: results(outcome, 1),
      factors: theme.factors,
    })
    if (first && theme.evidence >= 4)
      evaluations.push({
        kind: 'external',
        method: theme.method,
        evidenceLevel: theme.evidence,
        outcome,
        on: iso(concluded - r.int(1, 4)),
        summary: `Følgeevaluering fra forskningspartner. ${OUTCOME_SUMMARY[outcome]}`,
        lessonsLearned: theme.lesson,
        evaluatorOrgNumber: '919303808', // SINTEF
        results: results(outcome, 1),
      })
  }

  const approval = registered + r.int(10, 40)
  const legalBasis =
    theme.legal === 'forsoksloven'
      ? {
          kind: 'forsoksloven' as const,
          reference: `Forsøksloven (lov 26. juni 1992 nr. 87): departementets godkjenning av ${iso(approval)}`,
          approvalDate: iso(approval),
          expiryDate: iso(approval + 4 * 365 - 2),
        }
      : theme.legal === 'sector_pilot_clause'
        ? { kind: 'sector_pilot_clause' as const, reference: 'Forsøkshjemmel i sektorlov' }
        : { kind: 'ordinary' as const }
  const contact = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`
  const realised =
    outcome === 'successful'
      ? 0.9
      : outcome === 'partially_successful'
        ? 0.5
        : outcome
          ? 0
          : undefined
  const benefitDone = concluded !== undefined
  return {
    id: stableUuid('5a000000', 0x100 + n),
    ownerOrgNumber: owner,
    registeredOn: iso(registered),
    pilot: {
      title,
      summary: theme.summary,
      problem: theme.problem,
      hypothesis: theme.hypothesis,
      innovationType: theme.innovationType,
      serviceArea: theme.serviceArea,
      contacts: [
        {
          name: contact,
          email: `${contact.toLowerCase().replace(/[^a-z]+/g, '.')}@example.no`,
          role: 'Prosjektleder',
        },
      ],
      availableToAdvise: first,
      plannedStart,
      plannedEnd: iso(day(plannedStart) + r.int(300, 540)),
      budgetNok: r.int(4, 120) * 50_000,
      fundingSource: r.pick([
        'Egne driftsmidler',
        'Skjønnsmidler fra Statsforvalteren',
        'Tilskudd fra Helsedirektoratet',
        'Regionale forskningsfond',
      ]),
      evaluationMethod: theme.method,
      evaluationPlan: `${METHOD_PLAN[theme.method]} Hovedmålet er: ${theme.metrics[0]?.[0]?.toLowerCase()}.`,
      legalBasis,
      tags: theme.tags,
      visibility: target === 'hypothesis' && n % 4 === 1 ? 'draft' : 'published',
      metrics: theme.metrics.map(([name, unit, direction, baseline, target], k) => ({
        name,
        unit,
        direction,
        baseline,
        target,
        primary: k === 0,
      })),
    },
    evaluations,
    amendments:
      running !== undefined && n % 3 === 0
        ? [
            {
              on: iso(running + r.int(20, 50)),
              hypothesis: `${theme.hypothesis} Målgruppen er avgrenset til dem som samtykket ved oppstart.`,
              reason:
                'Målgruppen ble avgrenset etter at færre enn ventet samtykket; hovedmålet er uendret.',
            },
          ]
        : undefined,
    benefits: benefitDone
      ? [
          {
            ...theme.benefit,
            realisedAnnual:
              realised === undefined || theme.benefit.plannedAnnual == null
                ? undefined
                : round(theme.benefit.plannedAnnual * realised),
          },
        ]
      : [{ ...theme.benefit }],
    steps,
  }
}

/**
 * How the first pilot of a theme spreads: a few early adopters, then imitation (an S curve), each
 * later one often learning from a recent adopter, so the lineage grows chains.
 */
function spread(theme: SampleTheme, pilot: SamplePilot, r: Random): SampleAdoption[] {
  const concludedOn = pilot.steps.find((s) => s.to === 'concluded')?.on
  if (!concludedOn) return []
  const start = day(concludedOn)
  const span = TODAY - start
  const taken = new Set<string>(theme.owners)
  const made: string[] = []
  const times = Array.from({ length: Math.round(theme.spread * SPREAD_SHARE) }, () =>
    Math.floor(start + span * sCurve(r))
  ).sort((a, b) => a - b)
  return times.map((first, k) => {
    let org = r.pick(MUNICIPAL_ORGANISATIONS)[0]
    while (taken.has(org)) org = r.pick(MUNICIPAL_ORGANISATIONS)[0]
    taken.add(org)
    const learnedFrom = k >= 2 && r.chance(0.7) ? r.pick(made.slice(-6)) : undefined
    made.push(org)
    const age = TODAY - first
    const status =
      age < 120
        ? r.weighted({ interested: 60, trialling: 40 })
        : r.weighted({ adopted: 60, trialling: 20, interested: 8, dropped: 12 })
    const trialling = Math.min(first + r.int(0, 45), TODAY)
    const adopted = trialling + r.int(90, 300)
    const finalStatus = status === 'adopted' && adopted > TODAY ? 'trialling' : status
    return {
      pilotId: pilot.id,
      orgNumber: org,
      learnedFrom,
      status: finalStatus,
      degree: r.weighted({ copy: 40, adapted: 45, inspired: 15 }),
      interestedOn: iso(first),
      triallingOn: finalStatus === 'interested' ? undefined : iso(trialling),
      adoptedOn: finalStatus === 'adopted' ? iso(adopted) : undefined,
      droppedOn:
        finalStatus === 'dropped' ? iso(Math.min(trialling + r.int(60, 240), TODAY)) : undefined,
      localOutcome:
        finalStatus === 'adopted'
          ? r.weighted({ successful: 75, partially_successful: 25 })
          : finalStatus === 'dropped'
            ? r.weighted({ unsuccessful: 70, inconclusive: 30 })
            : undefined,
    }
  })
}

function interim(
  theme: SampleTheme,
  on: string,
  results: SampleEvaluation['results']
): SampleEvaluation {
  return {
    kind: 'interim',
    method: theme.method,
    evidenceLevel: Math.max(1, theme.evidence - 2) as SampleEvaluation['evidenceLevel'],
    on,
    summary: 'Midtveisvurdering: foreløpige tall, før alle deltakerne har vært med hele perioden.',
    lessonsLearned: 'Rutinene er på plass, og de ansatte ønsker å fortsette utprøvingen.',
    results,
  }
}

const round = (x: number) => Math.round(x * 10) / 10

const OUTCOME_SUMMARY: Record<Outcome, string> = {
  successful: 'Utprøvingen nådde målene.',
  partially_successful: 'Utprøvingen nådde noen av målene, men ikke alle.',
  unsuccessful: 'Utprøvingen ga ikke den ventede effekten.',
  inconclusive: 'Resultatene er for usikre til å konkludere.',
}

const METHOD_PLAN: Record<SampleTheme['method'], string> = {
  rct: 'Deltakerne trekkes tilfeldig til ny ordning eller vanlig praksis.',
  quasi_experimental: 'Forsøksenhetene sammenlignes med like enheter som fortsetter som før.',
  before_after: 'Målinger før oppstart sammenlignes med målinger ved slutten av perioden.',
  qualitative: 'Intervjuer med brukere og ansatte underveis og ved slutten.',
  cost_benefit:
    'Kostnader og gevinster regnes ut etter Direktoratet for forvaltning og økonomistyrings veileder.',
  other: 'Deltakelse og tilbakemeldinger registreres fortløpende.',
}
