import { html, nothing } from 'lit'
import type { z } from 'zod'
import type { Problem } from '../../schema/common.ts'
import { FORSOKSLOVEN_MAX_EXTENSION_YEARS, FORSOKSLOVEN_MAX_YEARS } from '../../schema/pilot.ts'
import type { I18n } from '../i18n/i18n.ts'

/** Messages per field, keyed by the field's element id (`metrics-0-unit` for `metrics.0.unit`). */
export type FieldErrors = Map<string, string>

/** The element id of a field at a path of the request body. */
export const fieldId = (path: readonly PropertyKey[] | string) =>
  (typeof path === 'string' ? path.split('.') : path.map(String)).join('-')

/** The schema's rules across fields (schema/pilot.ts `pilotConsistencyIssues`) in plain words. */
export function customMessage(path: readonly PropertyKey[], message: string, i18n: I18n): string {
  const t = i18n.t.bind(i18n)
  const field = path.at(-1)
  if (field === 'plannedEnd') return t('form.error.endBeforeStart')
  if (message.startsWith('Required')) return t('form.error.required')
  if (field === 'expiryDate')
    return message.startsWith('Must be after')
      ? t('more.error.expiryAfterApproval')
      : t('more.error.maxYears', { years: FORSOKSLOVEN_MAX_YEARS })
  if (field === 'extendedUntil') {
    if (message.startsWith('Needs')) return t('more.error.extendNeedsExpiry')
    return message.startsWith('Must be after')
      ? t('more.error.extendAfterExpiry')
      : t('more.error.maxExtension', { years: FORSOKSLOVEN_MAX_EXTENSION_YEARS })
  }
  return t('form.error.invalid')
}

/** A zod issue in plain words of the current language; zod's own messages are for developers. */
function issueMessage(issue: z.core.$ZodIssue, i18n: I18n): string {
  const t = i18n.t.bind(i18n)
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? t('form.error.required')
          : t('form.error.tooShort', { min: Number(issue.minimum) })
      if (issue.origin === 'array') return t('form.error.required')
      return t('form.error.tooSmall', { min: i18n.number(Number(issue.minimum)) })
    case 'too_big':
      if (issue.origin === 'string') return t('form.error.tooLong', { max: Number(issue.maximum) })
      return t('form.error.tooBig', { max: i18n.number(Number(issue.maximum)) })
    case 'invalid_value':
      return t('form.error.choose')
    case 'invalid_format':
      if (issue.format === 'email') return t('form.error.email')
      if (issue.format === 'date') return t('form.error.date')
      return t('form.error.invalid')
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? t('form.error.number')
        : t('form.error.required')
    case 'custom':
      return customMessage(issue.path, issue.message, i18n)
    default:
      return t('form.error.invalid')
  }
}

// The value at a path of the parsed input, to tell an empty field from a wrong one.
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** The first problem of each field of a failed parse of `input`; an empty field is "fill in". */
export function zodFieldErrors(error: z.ZodError, i18n: I18n, input?: unknown): FieldErrors {
  const errors: FieldErrors = new Map()
  for (const issue of error.issues) {
    const id = fieldId(issue.path)
    if (errors.has(id)) continue
    const value = input === undefined ? 'unknown' : valueAt(input, issue.path)
    const empty = value === undefined || (typeof value === 'string' && value.trim() === '')
    errors.set(
      id,
      empty && issue.code !== 'custom' && issue.code !== 'invalid_value'
        ? i18n.t('form.error.required')
        : issueMessage(issue, i18n)
    )
  }
  return errors
}

/** The fields the server refused (`errors[]` of a problem), in plain words. */
export function serverFieldErrors(problem: Problem | null, i18n: I18n): FieldErrors {
  const t = i18n.t.bind(i18n)
  const errors: FieldErrors = new Map()
  for (const e of problem?.errors ?? []) {
    const id = fieldId(e.field)
    if (errors.has(id)) continue
    const known: Record<string, string> = {
      too_small: t('form.error.tooShortServer'),
      too_big: t('form.error.tooLongServer'),
      invalid_value: t('form.error.choose'),
      invalid_type: t('form.error.required'),
    }
    errors.set(
      id,
      e.code === 'custom' || e.code === 'inconsistent'
        ? customMessage(e.field.split('.'), e.detail, i18n)
        : (known[e.code] ?? t('form.error.invalid'))
    )
  }
  return errors
}

/** The attributes a field with a possible error needs: invalid state and its message's id. */
export function invalid(errors: FieldErrors, id: string, hint?: string) {
  const described = [hint, errors.has(id) ? `${id}-error` : undefined].filter(Boolean).join(' ')
  return { invalid: errors.has(id) ? 'true' : 'false', describedBy: described || nothing }
}

/** A field's error message, tied to it by `aria-describedby` (see `invalid`). */
export function fieldError(errors: FieldErrors, id: string) {
  const message = errors.get(id)
  return message
    ? html`<p class="ds-validation-message" data-field="validation" id="${id}-error">${message}</p>`
    : nothing
}

/**
 * The error summary at the top of a form (Designsystemet's `ds-error-summary`): each error links
 * to its field. Fields are in the form's shadow root, where a fragment link cannot reach them, so
 * a click focuses the field itself.
 */
export function errorSummary(
  root: ParentNode,
  heading: string,
  entries: { id: string | null; text: string }[]
) {
  if (entries.length === 0) return nothing
  const go = (event: Event, id: string) => {
    event.preventDefault()
    const field = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`)
    field?.focus()
    field?.scrollIntoView({ block: 'center' })
  }
  return html`<div class="ds-error-summary" tabindex="-1" data-error-summary>
    <h2 class="ds-heading" data-size="xs">${heading}</h2>
    <ul class="ds-list">
      ${entries.map((e) =>
        e.id === null
          ? html`<li>${e.text}</li>`
          : html`<li><a class="ds-link" href="#${e.id}" @click=${(ev: Event) => go(ev, e.id ?? '')}>${e.text}</a></li>`
      )}
    </ul>
  </div>`
}
