import {
  ADOPTION_DEGREES,
  EVALUATION_METHODS,
  FACTORS,
  INNOVATION_TYPES,
  type Outcome,
  SERVICE_AREAS,
  type Stage,
} from '../schema/enums.ts'
import { mulberry32, type Random, stableUuid } from './prng.ts'
import { paragraph, personName, sentence, term, title } from './scale-text.ts'

// The scale generator's data: N pilots with proportional children, every row computed from the
// seed and the pilot's number alone, so any batch can be made on its own and every run (and every
// batch size) gives the same rows. The rows obey what the API relies on: the stage is the last
// stage moved to, the version is the number of the record's events, a pilot past 'planned' has a
// pre-registration, lineage stays within a pilot, and an adopter is never the owner.

/** A row as the database stores it, by column name. */
export type Row = Record<string, unknown>

/** The tables the generator fills, in the order they must be loaded (foreign keys). */
export const SCALE_TABLES = [
  'pilots',
  'pilot_contacts',
  'metrics',
  'evaluations',
  'evaluation_results',
  'evaluation_factors',
  'adoptions',
  'benefits',
  'events',
] as const
export type ScaleTable = (typeof SCALE_TABLES)[number]

export type Batch = Record<ScaleTable, Row[]>

/** Who the generated pilots belong to and who writes them: real organisations and one user. */
export interface ScaleContext {
  seed: number
  /** Municipal organisations' ids (adopters and most owners), in a stable order. */
  municipalities: readonly string[]
  /** State agencies' and health trusts' ids, in a stable order. */
  agencies: readonly string[]
  /** The user every generated write is attributed to. */
  userId: string
}

/** The fixed clock of the generated data: nothing happens after this day. */
export const SCALE_TODAY = dayNumber('2026-11-01')
const FIRST_DAY = dayNumber('2018-01-01')

function dayNumber(date: string) {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
}
const isoDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)
/** 09:00 Norwegian winter time on the day, plus a minute per earlier write that day. */
const instant = (day: number, minute = 0) =>
  new Date(day * 86_400_000 + 8 * 3_600_000 + minute * 60_000)

/** The id of the generated pilot number `index` (0-based) under `seed`. */
export function scalePilotId(seed: number, index: number) {
  return stableUuid(idPrefix('5b', seed), index)
}

function idPrefix(tag: string, seed: number) {
  return `${tag}${((seed >>> 0) % 0x1000000).toString(16).padStart(6, '0')}`
}

const STAGE_WEIGHTS: Record<Stage, number> = {
  hypothesis: 12,
  planned: 13,
  running: 20,
  evaluating: 10,
  concluded: 22,
  adopted: 13,
  discontinued: 10,
}
const PATH: Stage[] = ['hypothesis', 'planned', 'running', 'evaluating', 'concluded', 'adopted']
/** How many days each step takes at least and at most. */
const STEP_DAYS: Record<Stage, [number, number]> = {
  hypothesis: [0, 0],
  planned: [20, 120],
  running: [30, 150],
  evaluating: [120, 540],
  concluded: [20, 120],
  adopted: [30, 240],
  discontinued: [30, 300],
}
const OUTCOME_WEIGHTS: Record<Outcome, number> = {
  successful: 45,
  partially_successful: 30,
  unsuccessful: 12,
  inconclusive: 13,
}

const METRICS = [
  ['Andel brukere som mestrer hverdagen uten hjelp', '%', 'increase'],
  ['Ventetid fra søknad til vedtak', 'dager', 'decrease'],
  ['Antall fysiske tilsyn per natt', 'tilsyn', 'decrease'],
  ['Brukertilfredshet', 'skala 1–6', 'increase'],
  ['Sykefravær i tjenesten', '%', 'decrease'],
  ['Andel elever med bekymringsfullt fravær', '%', 'decrease'],
  ['Timer brukt på saksbehandling per sak', 'timer', 'decrease'],
  ['Andel heltidsstillinger', '%', 'increase'],
  ['Antall henvendelser besvart digitalt', 'henvendelser per uke', 'increase'],
  ['Reinnleggelser innen 30 dager', 'per 1000', 'decrease'],
] as const

const FUNDING = [
  'Egne midler',
  'Skjønnsmidler fra Statsforvalteren',
  'Regionale forskningsfond',
  'Helsedirektoratets tilskuddsordning',
  'Stimulab',
]

/** A generator for one pilot's rows; `index` is the pilot's number. */
function pilotRandom(seed: number, index: number): Random {
  return mulberry32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0)
}

/** Adds the rows of pilots `from` .. `to - 1` to a batch. */
export function generateBatch(context: ScaleContext, from: number, to: number): Batch {
  const batch = Object.fromEntries(SCALE_TABLES.map((t) => [t, []])) as unknown as Batch
  for (let index = from; index < to; index++) generatePilot(context, index, batch)
  return batch
}

interface PendingEvent {
  day: number
  /** Minutes after 09:00 that day: steps first, then evaluations, benefits, adoptions. */
  minute: number
  actorOrgId: string
  type: string
  adoptionId?: string
  diff: Record<string, { from: unknown; to: unknown }>
  data?: Record<string, unknown>
}

function generatePilot(context: ScaleContext, index: number, batch: Batch) {
  const { seed } = context
  const r = pilotRandom(seed, index)
  const id = scalePilotId(seed, index)
  const childId = (tag: string, k: number) => stableUuid(idPrefix(tag, seed), index * 128 + k)

  const ownedByAgency = context.agencies.length > 0 && r.chance(0.12)
  const owner = ownedByAgency ? r.pick(context.agencies) : r.pick(context.municipalities)
  const target = r.weighted(STAGE_WEIGHTS)
  // The stages it passes through, then (if it was stopped) 'discontinued'.
  const stages: Stage[] =
    target === 'discontinued'
      ? [...PATH.slice(0, r.int(1, 4)), 'discontinued']
      : PATH.slice(0, PATH.indexOf(target) + 1)
  const steps = stages.slice(1).map((s) => r.int(...STEP_DAYS[s]))
  const total = steps.reduce((a, b) => a + b, 0)
  const room = Math.max(0, SCALE_TODAY - FIRST_DAY - total)
  const registered = SCALE_TODAY - total - r.int(0, Math.min(room, stages.length <= 2 ? 700 : 2800))
  const stepDays: number[] = []
  let day = registered
  for (const d of steps) {
    day += d
    stepDays.push(day)
  }
  const dayOf = (stage: Stage) => stepDays[stages.indexOf(stage) - 1]

  const reached = (stage: Stage) => stages.includes(stage)
  const outcome = reached('concluded') ? r.weighted(OUTCOME_WEIGHTS) : null
  const published = stages.length > 1 ? r.chance(0.95) : r.chance(0.6)
  const pilotTitle = title(r)
  const hypothesis = `Hvis vi tar i bruk ${term(r)}, vil ${sentence(r, 5, 9).toLowerCase()}`
  const method = r.pick(EVALUATION_METHODS)
  const plannedStart = reached('planned') ? isoDate(registered + r.int(30, 120)) : null
  const plannedEnd = plannedStart ? isoDate(dayNumber(plannedStart) + r.int(180, 720)) : null
  const legal = r.weighted({ ordinary: 85, forsoksloven: 8, sector_pilot_clause: 7 })
  const approval = registered + r.int(10, 60)

  // Metrics: one to four, the first primary; frozen at the start of the trial.
  const metrics = Array.from({ length: r.int(1, 4) }, (_, k) => {
    const [name, unit, direction] = METRICS[
      (index + k * 3) % METRICS.length
    ] as (typeof METRICS)[number]
    const baseline = r.int(10, 80)
    const change = r.int(5, 30)
    return {
      id: childId('5c', k),
      pilot_id: id,
      name,
      unit,
      direction,
      baseline,
      target: direction === 'increase' ? baseline + change : Math.max(0, baseline - change),
      primary: k === 0,
      position: k,
      created_at: instant(registered),
    }
  })
  batch.metrics.push(...metrics)
  const snapshotMetrics = metrics
    .filter((m) => m.primary)
    .map(({ id: mid, name, unit, direction, baseline, target, primary }) => ({
      id: mid,
      name,
      unit,
      direction,
      baseline,
      target,
      primary,
    }))

  const events: PendingEvent[] = [
    {
      day: registered,
      minute: 0,
      actorOrgId: owner,
      type: 'pilot_created',
      diff: {
        title: { from: null, to: pilotTitle },
        ownerOrgId: { from: null, to: owner },
        stage: { from: null, to: 'hypothesis' },
        visibility: { from: null, to: published ? 'published' : 'draft' },
        metrics: { from: null, to: snapshotMetrics },
      },
    },
  ]
  const pilot: Row = {
    id,
    title: pilotTitle,
    summary: paragraph(r, 2),
    problem: paragraph(r, 2),
    hypothesis,
    innovation_type: r.pick(INNOVATION_TYPES),
    service_area: r.pick(SERVICE_AREAS),
    owner_org_id: owner,
    available_to_advise: r.chance(0.3),
    planned_start: plannedStart,
    planned_end: plannedEnd,
    actual_start: null,
    actual_end: null,
    budget_nok: r.int(2, 400) * 25_000,
    funding_source: r.pick(FUNDING),
    evaluation_method: method,
    evaluation_plan: sentence(r),
    legal_basis: legal,
    legal_reference:
      legal === 'forsoksloven'
        ? `Kommunal- og distriktsdepartementet, vedtak ${isoDate(approval).slice(0, 4)}/${r.int(100, 9999)}`
        : legal === 'sector_pilot_clause'
          ? 'Forsøkshjemmel i sektorlov'
          : null,
    legal_approval_date: legal === 'forsoksloven' ? isoDate(approval) : null,
    legal_expiry_date: legal === 'forsoksloven' ? isoDate(approval + 365 * r.int(2, 3)) : null,
    legal_extended_until: null,
    based_on_pilot_id: null,
    tags: [...new Set([term(r), term(r), term(r)].slice(0, r.int(1, 3)))],
    stage: stages.at(-1),
    stage_changed_at: instant(stepDays.at(-1) ?? registered),
    outcome,
    visibility: published ? 'published' : 'draft',
    discontinued_reason: null,
    adoption_decision_reference: null,
    adoption_decision_date: null,
    preregistration: null,
    sample: true,
    version: 0,
    created_at: instant(registered),
    updated_at: instant(registered),
  }

  stages.slice(1).forEach((stage, k) => {
    const on = stepDays[k] as number
    const before: Record<string, unknown> = { stage: stages[k] }
    const after: Record<string, unknown> = { stage }
    const set = (column: string, field: string, value: unknown) => {
      pilot[column] = value
      before[field] = null
      after[field] = value
    }
    if (stage === 'running') {
      set('actual_start', 'actualStart', isoDate(on))
      set('preregistration', 'preregistration', {
        frozenAt: instant(on).toISOString(),
        hypothesis,
        metrics: snapshotMetrics,
      })
    }
    if (stage === 'evaluating') set('actual_end', 'actualEnd', isoDate(on))
    if (stage === 'concluded') set('outcome', 'outcome', outcome)
    if (stage === 'adopted') {
      set(
        'adoption_decision_reference',
        'adoptionDecisionReference',
        `PS ${isoDate(on).slice(0, 4)}/${r.int(1, 200)}`
      )
      set('adoption_decision_date', 'adoptionDecisionDate', isoDate(on))
    }
    const reason = stage === 'discontinued' ? `Avsluttet: ${sentence(r, 5, 10)}` : undefined
    if (reason) set('discontinued_reason', 'discontinuedReason', reason)
    events.push({
      day: on,
      minute: 0,
      actorOrgId: owner,
      type: 'stage_changed',
      diff: Object.fromEntries(
        Object.keys(after).map((f) => [f, { from: before[f] ?? null, to: after[f] }])
      ),
      data: reason ? { reason } : undefined,
    })
  })
  // Outcome is set only by the step to 'concluded'; a pilot that never got there has none.
  if (!reached('concluded')) pilot.outcome = null

  // Evaluations: an interim one during the trial, a final one before concluding, sometimes external.
  const evaluations: { kind: string; day: number; outcome: Outcome | null }[] = []
  if (reached('running') && r.chance(0.5)) {
    const start = dayOf('running') as number
    const next = stepDays[stages.indexOf('running')] ?? SCALE_TODAY
    if (next - start >= 2)
      evaluations.push({ kind: 'interim', day: start + r.int(1, next - start - 1), outcome: null })
  }
  if (reached('concluded')) {
    const concluded = dayOf('concluded') as number
    evaluations.push({ kind: 'final', day: concluded - r.int(1, 15), outcome })
    if (r.chance(0.15))
      evaluations.push({ kind: 'external', day: concluded - r.int(1, 15), outcome })
  }
  evaluations.forEach((e, k) => {
    const evaluationId = childId('5d', k)
    const evidence =
      method === 'rct' ? r.int(4, 5) : method === 'quasi_experimental' ? r.int(3, 4) : r.int(1, 3)
    batch.evaluations.push({
      id: evaluationId,
      pilot_id: id,
      kind: e.kind,
      evaluator_user_id: context.userId,
      evaluator_org_id: owner,
      method,
      evidence_level: evidence,
      outcome: e.outcome,
      summary: paragraph(r, 2),
      lessons_learned: paragraph(r, 1),
      published_at: instant(e.day, 30),
      created_at: instant(e.day, 30),
      other_factors: null,
      report_url: null,
    })
    for (const m of metrics) {
      const spread = Math.abs(m.target - m.baseline) / 2
      const observed = m.baseline + (m.target - m.baseline) * r.next() * 1.2
      const withCi = r.chance(0.5)
      batch.evaluation_results.push({
        evaluation_id: evaluationId,
        metric_id: m.id,
        observed,
        ci_low: withCi ? observed - spread : null,
        ci_high: withCi ? observed + spread : null,
        n: r.int(12, 900),
        preregistered: m.primary,
      })
    }
    const factors = new Set<string>()
    for (let f = r.int(1, 3); f > 0; f--)
      factors.add(`${r.pick(FACTORS)}:${r.chance(0.6) ? 'promoted' : 'hindered'}`)
    for (const key of factors) {
      const [factor, effect] = key.split(':')
      batch.evaluation_factors.push({ evaluation_id: evaluationId, factor, effect, note: null })
    }
    events.push({
      day: e.day,
      minute: 30 + k,
      actorOrgId: owner,
      type: 'evaluation_recorded',
      diff: {
        evaluation: {
          from: null,
          to: { id: evaluationId, kind: e.kind, outcome: e.outcome, evidenceLevel: evidence },
        },
      },
      data: { evaluationId },
    })
  })

  // Benefits, once the pilot has concluded: what it saved and who carried the cost.
  if (reached('concluded')) {
    const ledgerDay = stepDays.at(-1) as number
    for (let k = 0, n = r.int(1, 3); k < n; k++) {
      const kind = r.weighted({ cost_saving_nok: 40, time_saving_hours: 35, quality: 25 })
      const unit =
        kind === 'cost_saving_nok' ? 'NOK' : kind === 'time_saving_hours' ? 'hours' : 'poeng'
      const planned = kind === 'cost_saving_nok' ? r.int(1, 200) * 10_000 : r.int(10, 4000)
      const benefit = {
        id: childId('5e', k),
        pilot_id: id,
        adoption_id: null,
        kind,
        description: sentence(r, 4, 9),
        unit,
        planned_annual: planned,
        realised_annual: outcome === 'unsuccessful' ? 0 : Math.round(planned * (0.4 + r.next())),
        bearer: r.weighted({ own_org: 60, state: 15, health_trust: 10, other_org: 15 }),
        beneficiary: r.weighted({
          own_org: 30,
          citizens: 45,
          health_trust: 10,
          state: 10,
          other_org: 5,
        }),
        position: k,
        created_at: instant(ledgerDay, 40 + k),
      }
      batch.benefits.push(benefit)
      const { pilot_id: _p, adoption_id: _a, created_at: _c, ...shown } = benefit
      events.push({
        day: ledgerDay,
        minute: 40 + k,
        actorOrgId: owner,
        type: 'benefit_added',
        diff: { benefit: { from: null, to: shown } },
        data: { benefitId: benefit.id },
      })
    }
  }

  // Adoptions: only of published pilots that concluded; a slow start, then imitation (an S curve).
  const concludedOn = dayOf('concluded')
  if (published && concludedOn !== undefined && outcome !== 'unsuccessful') {
    const pareto = Math.floor(1.6 / (1 - r.next()) ** 0.7) - 1
    const count = Math.min(
      pareto * (outcome === 'successful' ? 2 : 1),
      60,
      context.municipalities.length - 1
    )
    const span = SCALE_TODAY - concludedOn
    const days = Array.from({ length: count }, () => r.next())
      .sort((a, b) => a - b)
      .map((u) => {
        const x = Math.min(0.999, Math.max(0.001, u))
        const s = Math.min(1, Math.max(0, 0.5 + Math.log(x / (1 - x)) / 10))
        return concludedOn + Math.floor(span * s)
      })
    const adopters = new Set<string>([owner])
    const made: string[] = []
    days.forEach((first, k) => {
      let organisation = r.pick(context.municipalities)
      while (adopters.has(organisation)) organisation = r.pick(context.municipalities)
      adopters.add(organisation)
      const adoptionId = childId('5f', k)
      const learnedFrom = made.length > 0 && r.chance(0.65) ? r.pick(made.slice(-5)) : null
      made.push(adoptionId)
      const age = SCALE_TODAY - first
      let status =
        age < 90
          ? r.weighted({ interested: 60, trialling: 40 })
          : r.weighted({ adopted: 55, trialling: 20, interested: 10, dropped: 15 })
      const trialling = status === 'interested' ? null : Math.min(first + r.int(0, 60), SCALE_TODAY)
      let adopted: number | null = null
      let dropped: number | null = null
      if (status === 'adopted' && trialling !== null) {
        adopted = trialling + r.int(60, 365)
        if (adopted > SCALE_TODAY) {
          adopted = null
          status = 'trialling'
        }
      }
      if (status === 'dropped' && trialling !== null)
        dropped = Math.min(trialling + r.int(30, 300), SCALE_TODAY)
      const row = {
        id: adoptionId,
        pilot_id: id,
        organisation_id: organisation,
        status,
        degree: r.pick(ADOPTION_DEGREES),
        learned_from_adoption_id: learnedFrom,
        local_pilot_id: null,
        local_outcome:
          status === 'adopted'
            ? r.weighted({ successful: 70, partially_successful: 30 })
            : status === 'dropped'
              ? r.weighted({ unsuccessful: 60, inconclusive: 40 })
              : null,
        notes: r.chance(0.3) ? sentence(r) : null,
        interested_on: status === 'interested' || r.chance(0.4) ? isoDate(first) : null,
        trialling_on: trialling === null ? null : isoDate(trialling),
        adopted_on: adopted === null ? null : isoDate(adopted),
        dropped_on: dropped === null ? null : isoDate(dropped),
        sample: true,
        version: 1,
        created_at: instant(first, 50),
        updated_at: instant(first, 50),
      }
      batch.adoptions.push(row)
      events.push({
        day: first,
        minute: 50,
        actorOrgId: organisation,
        type: 'adoption_recorded',
        adoptionId,
        diff: {
          organisationId: { from: null, to: organisation },
          status: { from: null, to: row.status },
          degree: { from: null, to: row.degree },
          ...(learnedFrom ? { learnedFromAdoptionId: { from: null, to: learnedFrom } } : {}),
        },
      })
    })
  }

  // Contacts: one invented person; shown publicly only where the pilot offers advice.
  const contact = personName(r)
  batch.pilot_contacts.push({
    pilot_id: id,
    position: 0,
    name: contact,
    email: `${contact.toLowerCase().replace(/[^a-z]+/g, '.')}@eksempel.no`,
    phone: null,
    role: 'Prosjektleder',
    public_consent: pilot.available_to_advise,
  })

  // The event log, in the order things happened: the pilot's own events numbered 1..n, and each
  // adoption's first event numbered 1 on its own stream.
  events.sort((a, b) => a.day - b.day || a.minute - b.minute)
  let version = 0
  events.forEach((e, k) => {
    const ownStream = e.adoptionId === undefined
    if (ownStream) version++
    const at = instant(e.day, e.minute)
    batch.events.push({
      id: childId('60', k),
      pilot_id: id,
      adoption_id: e.adoptionId ?? null,
      version: ownStream ? version : 1,
      type: e.type,
      actor_user_id: context.userId,
      actor_org_id: e.actorOrgId,
      at,
      diff: e.diff,
      data: e.data ?? null,
    })
    if (ownStream) pilot.updated_at = at
    if (e.type === 'stage_changed') pilot.stage_changed_at = at
  })
  pilot.version = version
  batch.pilots.push(pilot)
}
