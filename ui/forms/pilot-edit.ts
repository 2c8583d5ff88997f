import type { MetricDirection } from '../../schema/enums.ts'
import type { MetricCreate, MetricPatch } from '../../schema/metric.ts'
import type { Pilot, PilotPatch } from '../../schema/pilot.ts'

/** A success criterion as the form holds it: text as typed; `id` once the API has it. */
export interface MetricDraft {
  key: number
  id: string | null
  name: string
  unit: string
  direction: MetricDirection
  baseline: string
  target: string
  primary: boolean
}

/** The pilot's own fields that the register and edit forms show, as typed. */
export const PILOT_FORM_FIELDS = [
  'title',
  'summary',
  'problem',
  'hypothesis',
  'innovationType',
  'serviceArea',
  'plannedStart',
  'plannedEnd',
  'evaluationMethod',
] as const
export type PilotFormField = (typeof PILOT_FORM_FIELDS)[number]

/** A metric as the API takes it. */
export interface MetricInput {
  name: string
  unit?: string | null | undefined
  direction: MetricDirection
  baseline?: number | null | undefined
  target?: number | null | undefined
  primary: boolean
}

/** The form as the API takes it (checked or not): the pilot's fields and its metrics, in order. */
export type PilotFormInput = { [K in PilotFormField]?: string | null | undefined } & {
  metrics: MetricInput[]
}

/** One write to a pilot's metrics; `index` is the metric's place in the form. */
export type MetricOperation = { amends: boolean } & (
  | { kind: 'remove'; id: string; name: string }
  | { kind: 'update'; index: number; id: string; patch: Omit<MetricPatch, 'amendmentReason'> }
  | { kind: 'add'; index: number; input: Omit<MetricCreate, 'amendmentReason'> }
)

/** What saving the edit form writes: the pilot's changed fields, then its metrics. */
export interface EditPlan {
  patch: Omit<PilotPatch, 'amendmentReason'>
  /** Whether the patch changes the pre-registered hypothesis. */
  patchAmends: boolean
  metrics: MetricOperation[]
  /** Whether any write changes the pre-registration, and so needs a reason (the API's rule). */
  amends: boolean
}

// '' is not a number; a decimal comma is how Norwegians write one.
export const measure = (value: string) =>
  value.trim() === '' ? null : Number(value.replace(',', '.'))

const written = (value: number | null) => (value === null ? '' : String(value))

/** The form's text for a pilot as the API has it. */
export function draftOf(pilot: Pilot, key: () => number) {
  const fields = Object.fromEntries(PILOT_FORM_FIELDS.map((f) => [f, pilot[f] ?? ''])) as Record<
    PilotFormField,
    string
  >
  const metrics: MetricDraft[] = pilot.metrics.map((m) => ({
    key: key(),
    id: m.id,
    name: m.name,
    unit: m.unit ?? '',
    direction: m.direction,
    baseline: written(m.baseline),
    target: written(m.target),
    primary: m.primary,
  }))
  return { fields, metrics }
}

const same = (a: unknown, b: unknown) =>
  (typeof a === 'string' ? a.trim() : (a ?? null)) ===
  (typeof b === 'string' ? b.trim() : (b ?? null))

const METRIC_KEYS = ['name', 'unit', 'direction', 'baseline', 'target', 'primary'] as const

/**
 * The writes that take `original` to what the form holds: only the fields that differ, so an
 * unchanged form writes nothing and another person's change to other fields is not undone.
 * `ids` are the metric ids of the form's metrics, in order (null for new ones).
 */
export function planEdit(
  original: Pilot,
  input: PilotFormInput,
  ids: readonly (string | null)[]
): EditPlan {
  const patch: Record<string, unknown> = {}
  for (const field of PILOT_FORM_FIELDS) {
    const value = input[field]
    const next = typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : null
    const optionalText = field === 'summary' || field === 'problem' || field === 'hypothesis'
    if (!same(original[field], next ?? (optionalText ? '' : null)))
      patch[field] = next ?? (optionalText ? '' : null)
  }
  // The API's rule: after the start, the hypothesis and primary metrics are pre-registered.
  const frozen = original.preregistration !== null
  const patchAmends = frozen && 'hypothesis' in patch
  const byId = new Map(original.metrics.map((m) => [m.id, m]))
  const kept = new Set(ids.filter((id): id is string => id !== null && byId.has(id)))
  const metrics: MetricOperation[] = original.metrics
    .filter((m) => !kept.has(m.id))
    .map((m) => ({ kind: 'remove', id: m.id, name: m.name, amends: frozen && m.primary }))
  input.metrics.forEach((metric, index) => {
    const normalised = {
      name: metric.name.trim(),
      unit: metric.unit?.trim() ? metric.unit.trim() : null,
      direction: metric.direction,
      baseline: metric.baseline ?? null,
      target: metric.target ?? null,
      primary: metric.primary,
    }
    const id = ids[index] ?? null
    const before = id === null ? undefined : byId.get(id)
    if (id === null || !before) {
      metrics.push({ kind: 'add', index, input: normalised, amends: frozen && normalised.primary })
      return
    }
    const changes: Record<string, unknown> = {}
    for (const k of METRIC_KEYS) if (!same(before[k], normalised[k])) changes[k] = normalised[k]
    if (Object.keys(changes).length === 0) return
    const amends = frozen && (before.primary || normalised.primary)
    metrics.push({ kind: 'update', index, id, patch: changes, amends })
  })
  return { patch, patchAmends, metrics, amends: patchAmends || metrics.some((m) => m.amends) }
}

/**
 * The form moved onto `newest` after someone else saved `read`: what the user changed stays as
 * they typed it, what they left alone takes the newest value, metrics someone else added are
 * added to the form, and a metric someone else removed becomes a new one if the user kept it.
 */
export function rebaseDraft(
  read: Pilot,
  newest: Pilot,
  fields: Record<PilotFormField, string>,
  metrics: readonly MetricDraft[],
  key: () => number
) {
  const readDraft = draftOf(read, key)
  const newestDraft = draftOf(newest, key)
  const rebasedFields = { ...fields }
  for (const f of PILOT_FORM_FIELDS) {
    if (fields[f] === readDraft.fields[f]) rebasedFields[f] = newestDraft.fields[f]
  }
  const readById = new Map(readDraft.metrics.map((m) => [m.id, m]))
  const newestById = new Map(newestDraft.metrics.map((m) => [m.id, m]))
  const rebased: MetricDraft[] = metrics.map((m) => {
    const before = m.id === null ? undefined : readById.get(m.id)
    const now = m.id === null ? undefined : newestById.get(m.id)
    if (!before || !now) return { ...m, id: now ? m.id : null }
    const merged = { ...m }
    for (const k of METRIC_KEYS) if (m[k] === before[k]) Object.assign(merged, { [k]: now[k] })
    return merged
  })
  const theirs = newestDraft.metrics.filter((m) => m.id !== null && !readById.has(m.id))
  return { fields: rebasedFields, metrics: [...rebased, ...theirs] }
}

// Pilots whose edit was just saved, until their page has said so once.
const saved = new Set<string>()

/** Notes that an edit of a pilot was saved, for its page to confirm. */
export function noteSaved(pilotId: string) {
  saved.add(pilotId)
}

/** Whether an edit of the pilot was just saved; true once. */
export function takeSaved(pilotId: string): boolean {
  return saved.delete(pilotId)
}
