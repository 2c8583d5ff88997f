import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import {
  EVALUATION_METHODS,
  INNOVATION_TYPES,
  METRIC_DIRECTIONS,
  type MetricDirection,
  SERVICE_AREAS,
} from '../../schema/enums.ts'
import { PilotCreate } from '../../schema/pilot.ts'
import { ApiError } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, sessionContext } from '../context.ts'
import { NavigateEvent, UnsavedChangesEvent } from '../events.ts'
import {
  errorSummary,
  type FieldErrors,
  fieldError,
  invalid,
  serverFieldErrors,
  zodFieldErrors,
} from '../forms/field-errors.ts'
import type { LabelValues } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { paths } from '../router.ts'
import '../components/loading-state.ts'

interface MetricDraft {
  key: number
  name: string
  unit: string
  direction: MetricDirection
  baseline: string
  target: string
  primary: boolean
}

type TextField =
  | 'title'
  | 'summary'
  | 'problem'
  | 'hypothesis'
  | 'innovationType'
  | 'serviceArea'
  | 'plannedStart'
  | 'plannedEnd'
  | 'evaluationMethod'

const METRIC_FIELDS = ['name', 'unit', 'direction', 'baseline', 'target', 'primary'] as const

// '' is not a number; a decimal comma is how Norwegians write one.
const measure = (value: string) => (value.trim() === '' ? null : Number(value.replace(',', '.')))

/**
 * Register a pilot: what it tries, the hypothesis, the plan and its success criteria. Checked in
 * the browser with the same schema as the API; the API's own objections land on their fields.
 * @fires unsaved-changes - when the form gets (or loses) changes that are not saved
 * @fires app-navigate - to the new pilot's page
 */
export class PilotFormPage extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      .form {
        max-width: 46rem;
      }
      h1 {
        margin-block: var(--ds-size-10) var(--ds-size-2);
      }
      .ds-error-summary {
        margin-block: var(--ds-size-6);
      }
      form > * + *,
      fieldset > * + * {
        margin-top: var(--ds-size-6);
      }
      form {
        margin-top: var(--ds-size-8);
      }
      fieldset.group {
        border: 0;
        margin-inline: 0;
        padding: 0;
      }
      fieldset.group > legend {
        margin-bottom: var(--ds-size-4);
      }
      .metric {
        border: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        border-radius: var(--ds-border-radius-md);
        padding: var(--ds-size-5);
      }
      .metric legend {
        padding-inline: var(--ds-size-2);
      }
      .pair {
        display: grid;
        gap: var(--ds-size-6) var(--ds-size-4);
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-4);
      }
      textarea {
        min-height: 6rem;
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })

  #fields: Record<TextField, string> = {
    title: '',
    summary: '',
    problem: '',
    hypothesis: '',
    innovationType: '',
    serviceArea: '',
    plannedStart: '',
    plannedEnd: '',
    evaluationMethod: '',
  }
  #nextKey = 1
  #metrics: MetricDraft[] = [this.#newMetric(true)]
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #unsaved = false
  #busy = false

  override connectedCallback() {
    super.connectedCallback()
    window.addEventListener('beforeunload', this.#onBeforeUnload)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    window.removeEventListener('beforeunload', this.#onBeforeUnload)
  }

  override updated() {
    this.announcePageTitle(this.i18n.t('register.title'))
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    if (session === undefined) return html`<loading-state></loading-state>`
    if (session === null) {
      return html`<div class="container form">
        <h1 class="ds-heading" data-size="lg">${t('register.title')}</h1>
        <p class="ds-paragraph">${t('register.signInFirst')}</p>
        <p><a class="ds-link" href=${paths.login(paths.register())}>${t('auth.login')}</a></p>
      </div>`
    }
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({
        id,
        text: `${this.#labelOf(id)}: ${message}`,
      })),
    ]
    return html`<div class="container form">
      <h1 class="ds-heading" data-size="lg">${t('register.title')}</h1>
      <p class="ds-paragraph">
        ${t('register.intro', { organisation: session.organisation?.name ?? '' })}
      </p>
      ${errorSummary(this.renderRoot, t('form.errorSummary'), entries)}
      <form novalidate @submit=${this.#submit} @input=${this.#onInput} @change=${this.#onInput}>
        <fieldset class="group">
          <legend class="ds-heading" data-size="sm">${t('register.about')}</legend>
          ${this.#text('title', { required: true, autocomplete: 'off' })}
          ${this.#textarea('summary', t('register.summary.hint'))}
          ${this.#textarea('problem')}
          ${this.#textarea('hypothesis', t('register.hypothesis.hint'))}
          <div class="pair">
            ${this.#select('innovationType', INNOVATION_TYPES, 'innovationType', true)}
            ${this.#select('serviceArea', SERVICE_AREAS, 'serviceArea', true)}
          </div>
        </fieldset>
        <fieldset class="group">
          <legend class="ds-heading" data-size="sm">${t('register.plan')}</legend>
          <div class="pair">
            ${this.#text('plannedStart', { type: 'date' })}
            ${this.#text('plannedEnd', { type: 'date' })}
          </div>
          ${this.#select('evaluationMethod', EVALUATION_METHODS, 'method', false)}
        </fieldset>
        <fieldset class="group">
          <legend class="ds-heading" data-size="sm">${t('register.metrics')}</legend>
          <p class="ds-paragraph">${t('register.metrics.intro')}</p>
          ${repeat(
            this.#metrics,
            (m) => m.key,
            (m, i) => this.#metric(m, i)
          )}
          <button class="ds-button" data-variant="secondary" type="button" @click=${this.#addMetric}>
            ${t('register.metric.add')}
          </button>
        </fieldset>
        <div class="actions">
          <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
            ${this.#busy ? t('register.saving') : t('register.submit')}
          </button>
        </div>
      </form>
    </div>`
  }

  #label(field: TextField): string {
    return this.i18n.t(`register.field.${field}` as MessageKey)
  }

  #labelOf(id: string): string {
    const metric = /^metrics-(\d+)-(\w+)$/.exec(id)
    if (metric) {
      const field = metric[2] as (typeof METRIC_FIELDS)[number]
      return this.i18n.t('register.metric.fieldOf', {
        number: Number(metric[1]) + 1,
        field: METRIC_FIELDS.includes(field)
          ? this.i18n.t(`register.metric.${field}` as MessageKey)
          : field,
      })
    }
    return id in this.#fields ? this.#label(id as TextField) : id
  }

  #text(field: TextField, options: { type?: string; required?: boolean; autocomplete?: string }) {
    const a = invalid(this.#errors, field)
    return html`<div class="ds-field">
      <label class="ds-label" for=${field}>${this.#label(field)}</label>
      <input class="ds-input" id=${field} name=${field} type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? nothing} ?required=${options.required ?? false}
        aria-invalid=${a.invalid} aria-describedby=${a.describedBy} .value=${this.#fields[field]} />
      ${fieldError(this.#errors, field)}
    </div>`
  }

  #textarea(field: TextField, hint?: string) {
    const a = invalid(this.#errors, field, hint ? `${field}-hint` : undefined)
    return html`<div class="ds-field">
      <label class="ds-label" for=${field}>${this.#label(field)}</label>
      ${
        hint
          ? html`<p class="ds-paragraph" data-size="sm" data-field="description" id="${field}-hint">${hint}</p>`
          : nothing
      }
      <textarea class="ds-input" id=${field} name=${field} rows="4" aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy} .value=${this.#fields[field]}></textarea>
      ${fieldError(this.#errors, field)}
    </div>`
  }

  #select<K extends 'innovationType' | 'serviceArea' | 'method'>(
    field: TextField,
    values: readonly LabelValues[K][],
    kind: K,
    required: boolean
  ) {
    const a = invalid(this.#errors, field)
    const current = this.#fields[field]
    return html`<div class="ds-field">
      <label class="ds-label" for=${field}>${this.#label(field)}</label>
      <select class="ds-input" id=${field} name=${field} ?required=${required}
        aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
        <option value="" ?selected=${current === ''}>${this.i18n.t('form.choose')}</option>
        ${values.map(
          (v) =>
            html`<option value=${v} ?selected=${current === v}>${this.i18n.label(kind, v)}</option>`
        )}
      </select>
      ${fieldError(this.#errors, field)}
    </div>`
  }

  #metric(m: MetricDraft, index: number) {
    const t = this.i18n.t.bind(this.i18n)
    const id = (f: string) => `metrics-${index}-${f}`
    const input = (f: 'name' | 'unit' | 'baseline' | 'target', type: string) => {
      const a = invalid(this.#errors, id(f))
      return html`<div class="ds-field">
        <label class="ds-label" for=${id(f)}>${t(`register.metric.${f}`)}</label>
        <input class="ds-input" id=${id(f)} name=${id(f)} type=${type}
          inputmode=${type === 'text' && (f === 'baseline' || f === 'target') ? 'decimal' : nothing}
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy} .value=${m[f]} />
        ${fieldError(this.#errors, id(f))}
      </div>`
    }
    const direction = invalid(this.#errors, id('direction'))
    return html`<fieldset class="ds-fieldset metric">
      <legend class="ds-label">${t('register.metric.legend', { number: index + 1 })}</legend>
      ${input('name', 'text')}
      <div class="pair">
        ${input('unit', 'text')}
        <div class="ds-field">
          <label class="ds-label" for=${id('direction')}>${t('register.metric.direction')}</label>
          <select class="ds-input" id=${id('direction')} name=${id('direction')}
            aria-invalid=${direction.invalid} aria-describedby=${direction.describedBy}>
            ${METRIC_DIRECTIONS.map(
              (d) =>
                html`<option value=${d} ?selected=${m.direction === d}>${this.i18n.label('direction', d)}</option>`
            )}
          </select>
          ${fieldError(this.#errors, id('direction'))}
        </div>
      </div>
      <div class="pair">${input('baseline', 'text')} ${input('target', 'text')}</div>
      <div class="ds-field">
        <input class="ds-input" type="checkbox" id=${id('primary')} name=${id('primary')}
          .checked=${m.primary} />
        <label class="ds-label" data-weight="regular" for=${id('primary')}>
          ${t('register.metric.primary')}
        </label>
      </div>
      <button class="ds-button" data-variant="tertiary" data-size="sm" type="button"
        @click=${() => this.#removeMetric(m.key)}>
        ${t('register.metric.remove', { number: index + 1 })}
      </button>
    </fieldset>`
  }

  #newMetric(primary: boolean): MetricDraft {
    return {
      key: this.#nextKey++,
      name: '',
      unit: '',
      direction: 'increase',
      baseline: '',
      target: '',
      primary,
    }
  }

  #addMetric() {
    this.#metrics = [...this.#metrics, this.#newMetric(false)]
    this.#changed()
  }

  #removeMetric(key: number) {
    this.#metrics = this.#metrics.filter((m) => m.key !== key)
    this.#changed()
  }

  readonly #onInput = (event: Event) => {
    const target = event.target
    if (
      !(
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement
      )
    )
      return
    const metric = /^metrics-(\d+)-(\w+)$/.exec(target.name)
    if (metric) {
      const m = this.#metrics[Number(metric[1])]
      const field = metric[2]
      if (!m) return
      if (field === 'primary' && target instanceof HTMLInputElement) m.primary = target.checked
      else if (field === 'direction') m.direction = target.value as MetricDirection
      else if (field === 'name' || field === 'unit' || field === 'baseline' || field === 'target')
        m[field] = target.value
    } else if (target.name in this.#fields) {
      this.#fields[target.name as TextField] = target.value
    }
    this.#changed()
  }

  #changed() {
    if (!this.#unsaved) {
      this.#unsaved = true
      this.dispatchEvent(new UnsavedChangesEvent(true))
    }
    this.requestUpdate()
  }

  readonly #onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.#unsaved) event.preventDefault()
  }

  /** The form as the API takes it; empty optional fields are left out or null. */
  #input() {
    const f = this.#fields
    const optional = (v: string) => (v.trim() === '' ? undefined : v)
    return {
      title: f.title,
      summary: f.summary,
      problem: f.problem,
      hypothesis: f.hypothesis,
      innovationType: optional(f.innovationType),
      serviceArea: optional(f.serviceArea),
      plannedStart: optional(f.plannedStart) ?? null,
      plannedEnd: optional(f.plannedEnd) ?? null,
      evaluationMethod: optional(f.evaluationMethod) ?? null,
      metrics: this.#metrics.map((m) => ({
        name: m.name,
        unit: m.unit.trim() === '' ? null : m.unit,
        direction: m.direction,
        baseline: measure(m.baseline),
        target: measure(m.target),
        primary: m.primary,
      })),
    }
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault()
    if (this.#busy) return
    const t = this.i18n.t.bind(this.i18n)
    const input = this.#input()
    const parsed = PilotCreate.safeParse(input)
    this.#failure = null
    this.#errors = parsed.success ? new Map() : zodFieldErrors(parsed.error, this.i18n, input)
    const api = this.#api.value
    if (!parsed.success || !api) return this.#showErrors()
    this.#busy = true
    this.requestUpdate()
    try {
      const pilot = await api.createPilot(parsed.data)
      this.#unsaved = false
      this.dispatchEvent(new UnsavedChangesEvent(false))
      this.dispatchEvent(new NavigateEvent(paths.pilot(pilot.id)))
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null
      this.#errors = serverFieldErrors(problem, this.i18n)
      if (this.#errors.size === 0) {
        const status = error instanceof ApiError ? error.status : 0
        this.#failure =
          status === 401
            ? t('register.error.signedOut')
            : status === 403
              ? t('register.error.forbidden')
              : t('register.error.other')
      }
      await this.#showErrors()
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }

  async #showErrors() {
    this.requestUpdate()
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('[data-error-summary]')?.focus()
  }
}
customElements.define('pilot-form-page', PilotFormPage)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-form-page': PilotFormPage
  }
}
