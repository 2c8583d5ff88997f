import type {
  LegalBasis as LegalBasisKind,
  MetricDirection,
  PartnerRole,
} from '../../schema/enums.ts'
import type { MetricCreate, MetricPatch } from '../../schema/metric.ts'
import type { Pilot, PilotPatch } from '../../schema/pilot.ts'
import { measure } from './measure.ts'

export { measure }

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

/** A partner organisation as the form holds it; '' until chosen. */
export interface PartnerDraft {
  key: number
  organisationId: string
  role: PartnerRole | ''
}

/** A contact person as the form holds it, as typed. */
export interface ContactDraft {
  key: number
  name: string
  email: string
  phone: string
  role: string
  showPublicly: boolean
}

/** Legal basis, partners, contacts, budget and tags as the form holds them. */
export interface MoreDraft {
  legalKind: LegalBasisKind
  legalReference: string
  approvalDate: string
  expiryDate: string
  extendedUntil: string
  budgetNok: string
  fundingSource: string
  tags: string
  availableToAdvise: boolean
  partners: PartnerDraft[]
  contacts: ContactDraft[]
}

/** The fields of `MoreDraft` as the API takes them (checked or not). */
export interface MoreInput {
  legalBasis: {
    kind: LegalBasisKind
    reference?: string | null | undefined
    approvalDate?: string | null | undefined
    expiryDate?: string | null | undefined
    extendedUntil?: string | null | undefined
  }
  budgetNok: number | null
  fundingSource: string | null
  tags: string[]
  availableToAdvise: boolean
  partners: { organisationId: string; role: string }[]
  contacts: {
    name: string
    email: string
    phone?: string | null | undefined
    role?: string | null | undefined
    showPublicly: boolean
  }[]
}

/** The form as the API takes it (checked or not): the pilot's fields and its metrics, in order. */
export type PilotFormInput = { [K in PilotFormField]?: string | null | undefined } & {
  metrics: MetricInput[]
} & Partial<MoreInput>

const orNull = (value: string) => (value.trim() === '' ? null : value.trim())

/** Norwegians write 1 500 000 or 1.500.000 kr; a budget is whole kroner. */
export const kroner = (value: string) => {
  const digits = value
    .replace(/[\s.\u00a0]/g, '')
    .replace(/kr$/i, '')
    .replace(',', '.')
  return digits === '' ? null : Number(digits)
}

/** The more fields as the API takes them; an ordinary legal basis has no dates or approval. */
export function moreInput(d: MoreDraft): MoreInput {
  const ordinary = d.legalKind === 'ordinary'
  return {
    legalBasis: {
      kind: d.legalKind,
      reference: ordinary ? null : orNull(d.legalReference),
      approvalDate: ordinary ? null : orNull(d.approvalDate),
      expiryDate: ordinary ? null : orNull(d.expiryDate),
      extendedUntil: ordinary ? null : orNull(d.extendedUntil),
    },
    budgetNok: kroner(d.budgetNok),
    fundingSource: orNull(d.fundingSource),
    tags: d.tags
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== ''),
    availableToAdvise: d.availableToAdvise,
    partners: d.partners.map((p) => ({ organisationId: p.organisationId, role: p.role })),
    contacts: d.contacts.map((c) => ({
      name: c.name.trim(),
      email: c.email.trim(),
      phone: orNull(c.phone),
      role: orNull(c.role),
      showPublicly: c.showPublicly,
    })),
  }
}

/** The more fields' text for a pilot as the API has it. */
export function moreDraftOf(pilot: Pilot, key: () => number): MoreDraft {
  const lb = pilot.legalBasis
  return {
    legalKind: lb.kind,
    legalReference: lb.reference ?? '',
    approvalDate: lb.approvalDate ?? '',
    expiryDate: lb.expiryDate ?? '',
    extendedUntil: lb.extendedUntil ?? '',
    budgetNok: pilot.budgetNok === null ? '' : String(pilot.budgetNok),
    fundingSource: pilot.fundingSource ?? '',
    tags: pilot.tags.join(', '),
    availableToAdvise: pilot.availableToAdvise,
    partners: pilot.partners.map((p) => ({
      key: key(),
      organisationId: p.organisationId,
      role: p.role,
    })),
    contacts: pilot.contacts.map((c) => ({
      key: key(),
      name: c.name,
      email: c.email,
      phone: c.phone ?? '',
      role: c.role ?? '',
      showPublicly: c.showPublicly,
    })),
  }
}

/** An empty form's more fields. */
export function emptyMoreDraft(): MoreDraft {
  return {
    legalKind: 'ordinary',
    legalReference: '',
    approvalDate: '',
    expiryDate: '',
    extendedUntil: '',
    budgetNok: '',
    fundingSource: '',
    tags: '',
    availableToAdvise: false,
    partners: [],
    contacts: [],
  }
}

// What of a pilot the more fields change, in the shape `MoreInput` has.
function moreOf(pilot: Pilot): MoreInput {
  return moreInput(moreDraftOf(pilot, () => 0))
}

const MORE_KEYS = [
  'legalBasis',
  'budgetNok',
  'fundingSource',
  'tags',
  'availableToAdvise',
  'partners',
  'contacts',
] as const

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

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
  return { fields, metrics, more: moreDraftOf(pilot, key) }
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
  const before = moreOf(original)
  for (const field of MORE_KEYS) {
    const value = input[field]
    if (value !== undefined && !equal(before[field], value)) patch[field] = value
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
  key: () => number,
  more: MoreDraft = moreDraftOf(read, key)
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
  // The more fields go as wholes: the user's where they changed them, else the newest.
  const readMore = moreInput(moreDraftOf(read, key))
  const mine = moreInput(more)
  const newestMore = moreDraftOf(newest, key)
  const rebasedMore: MoreDraft = { ...more }
  const keep = (field: (typeof MORE_KEYS)[number]) => equal(mine[field], readMore[field])
  if (keep('legalBasis')) {
    rebasedMore.legalKind = newestMore.legalKind
    rebasedMore.legalReference = newestMore.legalReference
    rebasedMore.approvalDate = newestMore.approvalDate
    rebasedMore.expiryDate = newestMore.expiryDate
    rebasedMore.extendedUntil = newestMore.extendedUntil
  }
  if (keep('budgetNok')) rebasedMore.budgetNok = newestMore.budgetNok
  if (keep('fundingSource')) rebasedMore.fundingSource = newestMore.fundingSource
  if (keep('tags')) rebasedMore.tags = newestMore.tags
  if (keep('availableToAdvise')) rebasedMore.availableToAdvise = newestMore.availableToAdvise
  if (keep('partners')) rebasedMore.partners = newestMore.partners
  if (keep('contacts')) rebasedMore.contacts = newestMore.contacts
  return { fields: rebasedFields, metrics: [...rebased, ...theirs], more: rebasedMore }
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
