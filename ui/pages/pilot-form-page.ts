import { ContextConsumer } from '@lit/context'
import { initialState, Task } from '@lit/task'
import { css, html, nothing, type PropertyValues } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import {
  EVALUATION_METHODS,
  INNOVATION_TYPES,
  METRIC_DIRECTIONS,
  type MetricDirection,
  SERVICE_AREAS,
} from '../../schema/enums.ts'
import { PilotCreate, pilotConsistencyIssues } from '../../schema/pilot.ts'
import { ApiError, type Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, canEditPilot, sessionContext } from '../context.ts'
import { NavigateEvent, UnsavedChangesEvent } from '../events.ts'
import {
  customMessage,
  errorSummary,
  type FieldErrors,
  fieldError,
  fieldId,
  invalid,
  serverFieldErrors,
  zodFieldErrors,
} from '../forms/field-errors.ts'
import { formStyles } from '../forms/form-styles.ts'
import {
  draftOf,
  type EditPlan,
  emptyMoreDraft,
  type MetricDraft,
  type MoreDraft,
  measure,
  moreInput,
  noteSaved,
  type PilotFormField,
  type PilotFormInput,
  planEdit,
  rebaseDraft,
} from '../forms/pilot-edit.ts'
import { moreErrors, moreFieldLabel, partnerErrors } from '../forms/pilot-more-fields.ts'
import { EditSaveError, saveEdit } from '../forms/pilot-save.ts'
import type { LabelValues } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'
import '../components/loading-state.ts'

type TextField = PilotFormField

const METRIC_FIELDS = ['name', 'unit', 'direction', 'baseline', 'target', 'primary'] as const

/**
 * Register a pilot, or edit one (`pilotId` set): what it tries, the hypothesis, the plan and its
 * success criteria. Checked in the browser with the same schema as the API; the API's own
 * objections land on their fields. An edit sends only what changed, with the version it read; when
 * someone else saved meanwhile, the form keeps what the user typed and offers to lay it onto the
 * newest version.
 * @fires unsaved-changes - when the form gets (or loses) changes that are not saved
 * @fires app-navigate - to the pilot's page once saved
 */
export class PilotFormPage extends AppElement {
  static override properties = { pilotId: {} }
  static override styles = [
    ...AppElement.styles,
    formStyles,
    css`
      .ds-alert > * + * {
        margin-top: var(--ds-size-3);
      }
      pilot-more-fields {
        display: block;
      }
      pilot-more-fields > * + * {
        margin-top: var(--ds-size-6);
      }
    `,
  ]

  /** The pilot to edit; without it the form registers a new one. */
  declare pilotId: string | undefined

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
  // Legal basis, money, partners, contacts and tags: edited in place by <pilot-more-fields>.
  #more: MoreDraft = emptyMoreDraft()
  #amendmentReason = ''
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #conflict = false
  #notice: string | null = null
  #unsaved = false
  #busy = false
  // The pilot as the form last read it: what an edit is compared with, and its version.
  #original: Pilot | null = null

  readonly #pilot = new Task(this, {
    task: ([api, id], { signal }) => (api && id ? api.pilot(id, signal) : initialState),
    args: () => [this.#api.value, this.pilotId] as const,
    onComplete: (pilot) => {
      // A task that runs again (the context settling) must not wipe what the user typed.
      if (this.#original?.id !== pilot.id) this.#fill(pilot)
    },
  })

  override connectedCallback() {
    super.connectedCallback()
    window.addEventListener('beforeunload', this.#onBeforeUnload)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    window.removeEventListener('beforeunload', this.#onBeforeUnload)
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('pilotId') && changed.get('pilotId') !== undefined) this.#original = null
  }

  override updated() {
    this.announcePageTitle(this.i18n.t(this.pilotId ? 'edit.title' : 'register.title'))
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    const editing = this.pilotId !== undefined
    if (session === undefined) return html`<loading-state></loading-state>`
    if (session === null) {
      const here = this.pilotId ? paths.edit(this.pilotId) : paths.register()
      return html`<div class="container form">
        <h1 class="ds-heading" data-size="lg">${t(editing ? 'edit.title' : 'register.title')}</h1>
        <p class="ds-paragraph">${t(editing ? 'edit.signInFirst' : 'register.signInFirst')}</p>
        <p><a class="ds-link" href=${paths.login(here)}>${t('auth.login')}</a></p>
      </div>`
    }
    if (!editing) {
      return this.#form(
        t('register.title'),
        html`<p class="ds-paragraph">
          ${t('register.intro', { organisation: session.organisation?.name ?? '' })}
        </p>`
      )
    }
    return html`${taskView(this.#pilot, (pilot) => {
      if (!canEditPilot(session, pilot.owner.id)) return this.#refusal(pilot)
      const original = this.#original ?? pilot
      const frozen = original.preregistration
      return this.#form(
        t('edit.title'),
        html`<p class="ds-paragraph">
            ${t('edit.intro', { title: original.title })}
          </p>
          ${
            frozen
              ? html`<div class="ds-alert" data-color="info">
                  <p class="ds-paragraph">${t('edit.frozen', { date: this.i18n.day(frozen.frozenAt) })}</p>
                </div>`
              : nothing
          }`
      )
    })}`
  }

  #refusal(pilot: Pilot) {
    const t = this.i18n.t.bind(this.i18n)
    return html`<div class="container form">
      <h1 class="ds-heading" data-size="lg">${t('edit.forbidden.title')}</h1>
      <p class="ds-paragraph">${t('edit.forbidden.body', { organisation: pilot.owner.name })}</p>
      <p><a class="ds-link" href=${paths.pilot(pilot.id)}>${t('edit.backToPilot')}</a></p>
    </div>`
  }

  #form(title: string, intro: unknown) {
    const t = this.i18n.t.bind(this.i18n)
    const editing = this.#original !== null
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({
        id,
        text: `${this.#labelOf(id)}: ${message}`,
      })),
    ]
    return html`<div class="container form">
      <h1 class="ds-heading" data-size="lg">${title}</h1>
      ${intro}
      ${this.#conflictAlert()}
      <div role="status">
        ${
          this.#notice
            ? html`<div class="ds-alert" data-color="success"><p class="ds-paragraph">${this.#notice}</p></div>`
            : nothing
        }
      </div>
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
        <pilot-more-fields .draft=${this.#more} .errors=${this.#errors}
          .partnerNames=${new Map(this.#original?.partners.map((p) => [p.organisationId, p.name]))}
          .nextKey=${this.#key}
          .ownerId=${this.#original?.owner.id ?? this.#session.value?.organisation?.id}
          .contactsHidden=${this.#contactsHidden()}
          @more-change=${this.#moreChanged}></pilot-more-fields>
        ${this.#amendment()}
        <div class="actions">
          <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
            ${this.#busy ? t('register.saving') : t(editing ? 'edit.submit' : 'register.submit')}
          </button>
          ${
            this.#original
              ? html`<a class="ds-link" href=${paths.pilot(this.#original.id)}>${t('edit.cancel')}</a>`
              : nothing
          }
        </div>
      </form>
    </div>`
  }

  #conflictAlert() {
    if (!this.#conflict) return nothing
    const t = this.i18n.t.bind(this.i18n)
    return html`<div class="ds-alert" data-color="warning" tabindex="-1" data-conflict>
      <h2 class="ds-heading" data-size="xs">${t('edit.conflict.title')}</h2>
      <p class="ds-paragraph">${t('edit.conflict.body')}</p>
      <button class="ds-button" data-variant="secondary" type="button" @click=${this.#rebase}>
        ${t('edit.conflict.rebase')}
      </button>
    </div>`
  }

  /** The reason for an amendment, asked for only when the form changes the pre-registration. */
  #amendment() {
    if (!this.#plan()?.amends) return nothing
    const t = this.i18n.t.bind(this.i18n)
    const id = 'amendmentReason'
    const a = invalid(this.#errors, id, `${id}-hint`)
    return html`<fieldset class="ds-fieldset metric">
      <legend class="ds-label">${t('edit.amendment.legend')}</legend>
      <div class="ds-field">
        <label class="ds-label" for=${id}>${t('edit.field.amendmentReason')}</label>
        <p class="ds-paragraph" data-size="sm" data-field="description" id="${id}-hint">
          ${t('edit.amendmentReason.hint')}
        </p>
        <textarea class="ds-input" id=${id} name=${id} rows="3" required aria-invalid=${a.invalid}
          aria-describedby=${a.describedBy} .value=${this.#amendmentReason}></textarea>
        ${fieldError(this.#errors, id)}
      </div>
    </fieldset>`
  }

  /** What saving would write, for an edit; null when registering. */
  #plan(input: PilotFormInput = this.#input()): EditPlan | null {
    if (!this.#original) return null
    return planEdit(
      this.#original,
      input,
      this.#metrics.map((m) => m.id)
    )
  }

  readonly #key = () => this.#nextKey++

  /** The owner's name when the editor is not its member: contacts may be hidden from them. */
  #contactsHidden(): string | undefined {
    const owner = this.#original?.owner
    const member = this.#session.value?.user.memberships.some((m) => m.organisationId === owner?.id)
    return owner && !member ? owner.name : undefined
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
    const more = moreFieldLabel(id, this.i18n)
    if (more) return more
    if (id === 'amendmentReason') return this.i18n.t('edit.field.amendmentReason')
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
      id: null,
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
    } else if (target.name === 'amendmentReason') {
      this.#amendmentReason = target.value
    }
    this.#notice = null
    this.#changed()
  }

  readonly #moreChanged = () => {
    this.#notice = null
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
      ...moreInput(this.#more),
    }
  }

  /** Fills the form with a pilot as the API has it: nothing typed yet. */
  #fill(pilot: Pilot) {
    const draft = draftOf(pilot, () => this.#nextKey++)
    this.#original = pilot
    this.#fields = draft.fields
    this.#metrics = draft.metrics
    this.#more = draft.more
    this.#amendmentReason = ''
    this.#errors = new Map()
    this.#failure = null
    this.#conflict = false
    this.#unsaved = false
    this.dispatchEvent(new UnsavedChangesEvent(false))
    this.requestUpdate()
  }

  /** After a conflict: reads the newest version and lays what the user changed on top of it. */
  readonly #rebase = async () => {
    const api = this.#api.value
    const read = this.#original
    if (!api || !read) return
    try {
      const newest = await api.pilot(read.id)
      const draft = rebaseDraft(read, newest, this.#fields, this.#metrics, this.#key, this.#more)
      this.#original = newest
      this.#fields = draft.fields
      this.#metrics = draft.metrics
      this.#more = draft.more
      this.#conflict = false
      this.#notice = this.i18n.t('edit.rebased')
      this.requestUpdate()
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('#title')?.focus()
    } catch {
      this.#failure = this.i18n.t('edit.error.other')
      await this.focusAfterRender('[data-error-summary]')
    }
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault()
    if (this.#busy) return
    const input = this.#input()
    const parsed = PilotCreate.safeParse(input)
    this.#failure = null
    this.#notice = null
    this.#conflict = false
    this.#errors = parsed.success
      ? new Map()
      : moreErrors(zodFieldErrors(parsed.error, this.i18n, input), this.i18n, input.tags)
    // The schema checks rules across fields only once every field is right; say them at once.
    if (!parsed.success) {
      for (const issue of pilotConsistencyIssues(input)) {
        const id = fieldId(issue.path)
        if (!this.#errors.has(id))
          this.#errors.set(id, customMessage(issue.path, issue.message, this.i18n))
      }
    }
    const plan = parsed.success ? this.#plan(parsed.data) : null
    const reason = this.#amendmentReason.trim()
    if (plan?.amends && reason.length < 3) {
      this.#errors.set(
        'amendmentReason',
        reason === ''
          ? this.i18n.t('form.error.required')
          : this.i18n.t('form.error.tooShort', { min: 3 })
      )
    }
    const api = this.#api.value
    if (!parsed.success || this.#errors.size > 0 || !api)
      return this.focusAfterRender('[data-error-summary]')
    this.#busy = true
    this.requestUpdate()
    try {
      const id = plan ? await this.#save(plan, reason) : (await api.createPilot(parsed.data)).id
      if (plan) noteSaved(id)
      this.#unsaved = false
      this.dispatchEvent(new UnsavedChangesEvent(false))
      this.dispatchEvent(new NavigateEvent(paths.pilot(id)))
    } catch (error) {
      await this.#explain(error)
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }

  /** Writes an edit; when part of it went through, the form compares with the pilot as it now is. */
  async #save(plan: EditPlan, reason: string): Promise<string> {
    const api = this.#api.value
    const original = this.#original
    if (!api || !original) throw new Error('nothing to save to')
    try {
      await saveEdit(api, original, plan, reason, (index, id) => {
        const draft = this.#metrics[index]
        if (draft) draft.id = id
      })
      return original.id
    } catch (error) {
      if (!(error instanceof EditSaveError)) throw error
      if (error.written > 0) {
        this.#original = await api.pilot(original.id).catch(() => original)
        this.#failure = this.i18n.t('edit.error.partial')
      }
      const op = error.operation
      if (
        op?.kind === 'remove' &&
        error.error instanceof ApiError &&
        error.error.problem?.code === 'metric_has_results'
      ) {
        const { status, problem, message } = error.error
        const title = this.i18n.t('edit.error.metricHasResults', { name: op.name })
        throw new ApiError(status, { ...problem, title }, message)
      }
      throw error.error
    }
  }

  /** A refusal in plain words: on its fields where it names them, else at the top. */
  async #explain(error: unknown) {
    const t = this.i18n.t.bind(this.i18n)
    const editing = this.#original !== null
    const problem = error instanceof ApiError ? error.problem : null
    const status = error instanceof ApiError ? error.status : 0
    if (status === 412 && editing) {
      this.#conflict = true
      this.requestUpdate()
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('[data-conflict]')?.focus()
      return
    }
    this.#errors = partnerErrors(
      problem,
      moreErrors(serverFieldErrors(problem, this.i18n), this.i18n, this.#input().tags),
      this.i18n
    )
    for (const e of problem?.errors ?? []) {
      if (e.code === 'duplicate' && /^metrics\.\d+\.name$/.test(e.field))
        this.#errors.set(e.field.replaceAll('.', '-'), t('edit.error.duplicate'))
    }
    if (this.#errors.size === 0) {
      const partial = this.#failure
      this.#failure =
        problem?.code === 'metric_has_results'
          ? problem.title
          : status === 401
            ? t('register.error.signedOut')
            : status === 403
              ? t(editing ? 'edit.error.forbidden' : 'register.error.forbidden')
              : t(editing ? 'edit.error.other' : 'register.error.other')
      if (partial) this.#failure = `${this.#failure} ${partial}`
    }
    await this.focusAfterRender('[data-error-summary]')
  }
}
customElements.define('pilot-form-page', PilotFormPage)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-form-page': PilotFormPage
  }
}
