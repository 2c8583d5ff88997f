import { ContextConsumer } from '@lit/context'
import { initialState, Task } from '@lit/task'
import { html, nothing } from 'lit'
import {
  EVALUATION_KINDS,
  EVALUATION_METHODS,
  EVIDENCE_LEVELS,
  FACTORS,
  type Factor,
  type FactorEffect,
  OUTCOMES,
} from '../../schema/enums.ts'
import type { EvaluationCreate } from '../../schema/evaluation.ts'
import type { Metric } from '../../schema/metric.ts'
import { type ApiClient, ApiError, type Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, canEvaluate, sessionContext } from '../context.ts'
import { NavigateEvent, UnsavedChangesEvent } from '../events.ts'
import {
  checkEvaluation,
  type EvaluationField,
  evaluationRequest,
  formErrors,
  RESULT_FIELDS,
  type ResultDraft,
  type ResultField,
} from '../forms/evaluation-request.ts'
import {
  errorSummary,
  type FieldErrors,
  fieldError,
  invalid,
  serverFieldErrors,
} from '../forms/field-errors.ts'
import { formStyles } from '../forms/form-styles.ts'
import { megabytes, pdfProblem } from '../forms/pdf-file.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'

type Field = EvaluationField
const EVALUABLE = new Set(['running', 'evaluating', 'concluded', 'adopted', 'discontinued'])

/**
 * Record an evaluation of a pilot: kind, method, standard of evidence, results per metric,
 * factors, lessons and the report (a PDF upload or a link). Checked in the browser with the API's
 * schema; the API's objections land on their fields.
 * @fires unsaved-changes - when the form gets (or loses) changes that are not saved
 * @fires app-navigate - to the pilot's page, once the evaluation is published
 */
export class EvaluationFormPage extends AppElement {
  static override properties = { pilotId: {} }
  static override styles = [...AppElement.styles, formStyles]

  /** The pilot to evaluate, from the address. */
  declare pilotId: string

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  readonly #data = new Task(this, {
    task: async ([api, id, session], { signal }) => {
      if (!api || session === undefined) return initialState
      const [pilot, evaluators] = await Promise.all([
        api.pilot(id, signal),
        session ? api.evaluators(id, signal) : { items: [] },
      ])
      // The method planned before the start is the likely one; the evaluator may change it.
      if (!this.#unsaved) this.#fields.method = pilot.evaluationMethod ?? ''
      return { pilot, evaluatorIds: evaluators.items.map((e) => e.userId) }
    },
    args: () => [this.#api.value, this.pilotId, this.#session.value] as const,
  })

  #fields: Record<Field, string> = {
    kind: 'final',
    method: '',
    evidenceLevel: '',
    outcome: '',
    summary: '',
    lessonsLearned: '',
    otherFactors: '',
    reportUrl: '',
  }
  #results = new Map<number, ResultDraft>()
  #factors = new Map<Factor, FactorEffect>()
  #file: File | null = null
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  // An evaluation that is saved while its report is not: a new submit only uploads the report.
  #saved: { id: string; version: number | null } | null = null
  #unsaved = false
  #busy = false

  override updated() {
    this.announcePageTitle(this.i18n.t('evaluate.title'))
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    if (session === null) {
      return this.#message(
        html`<p class="ds-paragraph">${t('evaluate.signInFirst')}</p>
          <p><a class="ds-link" href=${paths.login(paths.evaluate(this.pilotId))}>${t('auth.login')}</a></p>`
      )
    }
    return html`<div class="container form">
      ${taskView(this.#data, ({ pilot, evaluatorIds }) => {
        if (!canEvaluate(session, pilot.owner.id, evaluatorIds))
          return this.#message(this.#back(pilot, t('evaluate.forbidden')), false)
        if (!EVALUABLE.has(pilot.stage))
          return this.#message(this.#back(pilot, t('evaluate.notStarted')), false)
        return this.#form(pilot)
      })}
    </div>`
  }

  #message(content: unknown, container = true) {
    const body = html`<h1 class="ds-heading" data-size="lg">${this.i18n.t('evaluate.title')}</h1>
      ${content}`
    return container ? html`<div class="container form">${body}</div>` : body
  }

  #back(pilot: Pilot, text: string) {
    return html`<p class="ds-paragraph">${text}</p>
      <p><a class="ds-link" href=${paths.pilot(pilot.id)}>${this.i18n.t('evaluate.backToPilot')}</a></p>`
  }

  #form(pilot: Pilot) {
    const t = this.i18n.t.bind(this.i18n)
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({
        id,
        text: `${this.#labelOf(id, pilot.metrics)}: ${message}`,
      })),
    ]
    return html`<h1 class="ds-heading" data-size="lg">${t('evaluate.title')}</h1>
      <p class="ds-paragraph lead" lang=${CONTENT_LANG}>
        <a class="ds-link" href=${paths.pilot(pilot.id)}>${pilot.title}</a> · ${pilot.owner.name}
      </p>
      <p class="ds-paragraph">${t('evaluate.intro')}</p>
      ${errorSummary(this.renderRoot, t('form.errorSummary'), entries)}
      <form novalidate @submit=${(e: SubmitEvent) => this.#submit(e, pilot)}
        @input=${this.#onInput} @change=${this.#onInput}>
        <fieldset class="group">
          <legend class="ds-heading" data-size="sm">${t('evaluate.section.about')}</legend>
          ${this.#radios('kind', EVALUATION_KINDS, (k) => this.i18n.label('evaluationKind', k))}
          ${this.#select('method', EVALUATION_METHODS, (m) => this.i18n.label('method', m))}
          ${this.#evidence()}
          ${this.#select('outcome', OUTCOMES, (o) => this.i18n.label('outcome', o), t('evaluate.field.outcome.hint'))}
          ${this.#textarea('summary')}
          ${this.#textarea('lessonsLearned', t('evaluate.field.lessonsLearned.hint'))}
        </fieldset>
        <fieldset class="group">
          <legend class="ds-heading" data-size="sm">${t('evaluate.section.results')}</legend>
          ${
            pilot.metrics.length
              ? html`<p class="ds-paragraph">${t('evaluate.results.intro')}</p>
                  ${pilot.metrics.map((m, i) => this.#result(m, i))}`
              : html`<p class="ds-paragraph">${t('evaluate.results.none')}</p>`
          }
        </fieldset>
        <fieldset class="group">
          <legend class="ds-heading" data-size="sm">${t('evaluate.section.factors')}</legend>
          <p class="ds-paragraph">${t('evaluate.factors.intro')}</p>
          <div class="pair factors">${FACTORS.map((f) => this.#factor(f))}</div>
          ${this.#textarea('otherFactors')}
        </fieldset>
        <fieldset class="group">
          <legend class="ds-heading" data-size="sm">${t('evaluate.section.report')}</legend>
          ${this.#report()}
          ${this.#input('reportUrl', 'url', t('evaluate.field.reportUrl.hint'))}
        </fieldset>
        <div class="actions">
          <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
            ${
              this.#busy
                ? t('evaluate.saving')
                : this.#saved
                  ? t('evaluate.retryUpload')
                  : t('evaluate.submit')
            }
          </button>
          <a class="ds-link" href=${paths.pilot(pilot.id)}>${t('evaluate.backToPilot')}</a>
        </div>
      </form>`
  }

  #label(field: Field) {
    return this.i18n.t(`evaluate.field.${field}` as MessageKey)
  }

  #labelOf(id: string, metrics: readonly Metric[]): string {
    const result = /^results-(\d+)-(\w+)$/.exec(id)
    if (result) {
      const field = result[2] as ResultField
      return this.i18n.t('evaluate.result.fieldOf', {
        metric: metrics[Number(result[1])]?.name ?? '',
        field: RESULT_FIELDS.includes(field)
          ? this.i18n.t(`evaluate.result.${field}` as MessageKey)
          : field,
      })
    }
    if (id === 'report') return this.i18n.t('evaluate.section.report')
    return id in this.#fields ? this.#label(id as Field) : id
  }

  #hint(id: string, hint: string | undefined) {
    return hint
      ? html`<p class="ds-paragraph" data-size="sm" data-field="description" id="${id}-hint">${hint}</p>`
      : nothing
  }

  #input(field: Field, type: string, hint?: string) {
    const a = invalid(this.#errors, field, hint ? `${field}-hint` : undefined)
    return html`<div class="ds-field">
      <label class="ds-label" for=${field}>${this.#label(field)}</label>
      ${this.#hint(field, hint)}
      <input class="ds-input" id=${field} name=${field} type=${type} aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy} .value=${this.#fields[field]} />
      ${fieldError(this.#errors, field)}
    </div>`
  }

  #textarea(field: Field, hint?: string) {
    const a = invalid(this.#errors, field, hint ? `${field}-hint` : undefined)
    return html`<div class="ds-field">
      <label class="ds-label" for=${field}>${this.#label(field)}</label>
      ${this.#hint(field, hint)}
      <textarea class="ds-input" id=${field} name=${field} rows="4" aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy} .value=${this.#fields[field]}></textarea>
      ${fieldError(this.#errors, field)}
    </div>`
  }

  #select<V extends string>(
    field: Field,
    values: readonly V[],
    label: (v: V) => string,
    hint?: string
  ) {
    const a = invalid(this.#errors, field, hint ? `${field}-hint` : undefined)
    const current = this.#fields[field]
    return html`<div class="ds-field">
      <label class="ds-label" for=${field}>${this.#label(field)}</label>
      ${this.#hint(field, hint)}
      <select class="ds-input" id=${field} name=${field} aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy}>
        <option value="" ?selected=${current === ''}>${this.i18n.t('form.choose')}</option>
        ${values.map((v) => html`<option value=${v} ?selected=${current === v}>${label(v)}</option>`)}
      </select>
      ${fieldError(this.#errors, field)}
    </div>`
  }

  // A radio group; the first radio carries the field's id, so the error summary can focus it.
  #radios<V extends string>(field: Field, values: readonly V[], label: (v: V) => string) {
    const a = invalid(this.#errors, field)
    return html`<fieldset class="ds-fieldset" aria-describedby=${a.describedBy}>
      <legend class="ds-label">${this.#label(field)}</legend>
      ${values.map((v, i) => {
        const id = i === 0 ? field : `${field}-${v}`
        return html`<div class="ds-field">
          <input class="ds-input" type="radio" id=${id} name=${field} value=${v}
            aria-invalid=${a.invalid} .checked=${this.#fields[field] === v} />
          <label class="ds-label" data-weight="regular" for=${id}>${label(v)}</label>
        </div>`
      })}
      ${fieldError(this.#errors, field)}
    </fieldset>`
  }

  #evidence() {
    const a = invalid(this.#errors, 'evidenceLevel', 'evidenceLevel-hint')
    return html`<fieldset class="ds-fieldset" aria-describedby=${a.describedBy}>
      <legend class="ds-label">${this.#label('evidenceLevel')}</legend>
      ${this.#hint('evidenceLevel', this.i18n.t('evaluate.field.evidenceLevel.hint'))}
      ${EVIDENCE_LEVELS.map((level, i) => {
        const id = i === 0 ? 'evidenceLevel' : `evidenceLevel-${level}`
        const texts = this.i18n.evidence(level)
        return html`<div class="ds-field">
          <input class="ds-input" type="radio" id=${id} name="evidenceLevel" value=${level}
            aria-invalid=${a.invalid} aria-describedby="${id}-explained"
            .checked=${this.#fields.evidenceLevel === String(level)} />
          <label class="ds-label" data-weight="regular" for=${id}>
            ${this.i18n.t('evaluate.field.evidenceOption', { level, title: texts?.title ?? '' })}
          </label>
          <p class="ds-paragraph" data-size="sm" data-field="description" id="${id}-explained">
            ${texts?.explanation}
          </p>
        </div>`
      })}
      ${fieldError(this.#errors, 'evidenceLevel')}
    </fieldset>`
  }

  #result(metric: Metric, index: number) {
    const t = this.i18n.t.bind(this.i18n)
    const draft = this.#results.get(index)
    const value = (v: number | null) =>
      v === null ? t('evaluate.results.notGiven') : this.i18n.number(v)
    const planId = `results-${index}-plan`
    return html`<fieldset class="ds-fieldset metric" aria-describedby=${planId}>
      <legend class="ds-label" lang=${CONTENT_LANG}>${metric.name}</legend>
      <p class="ds-paragraph" data-size="sm" id=${planId}>
        ${t('evaluate.results.plan', { baseline: value(metric.baseline), target: value(metric.target) })}${
          metric.unit ? html` · ${t('evaluate.results.unit', { unit: metric.unit })}` : nothing
        }
      </p>
      <div class="quad">
        ${RESULT_FIELDS.map((f) => {
          const id = `results-${index}-${f}`
          const a = invalid(this.#errors, id)
          return html`<div class="ds-field">
            <label class="ds-label" for=${id}>${t(`evaluate.result.${f}`)}</label>
            <input class="ds-input" id=${id} name=${id} type="text"
              inputmode=${f === 'n' ? 'numeric' : 'decimal'} aria-invalid=${a.invalid}
              aria-describedby=${a.describedBy} .value=${draft?.[f] ?? ''} />
            ${fieldError(this.#errors, id)}
          </div>`
        })}
      </div>
    </fieldset>`
  }

  #factor(factor: Factor) {
    const t = this.i18n.t.bind(this.i18n)
    const id = `factor-${factor}`
    const current = this.#factors.get(factor) ?? ''
    return html`<div class="ds-field">
      <label class="ds-label" for=${id}>${this.i18n.label('factor', factor)}</label>
      <select class="ds-input" id=${id} name=${id}>
        <option value="" ?selected=${current === ''}>${t('evaluate.factor.none')}</option>
        <option value="promoted" ?selected=${current === 'promoted'}>${t('evaluate.factor.promoted')}</option>
        <option value="hindered" ?selected=${current === 'hindered'}>${t('evaluate.factor.hindered')}</option>
      </select>
    </div>`
  }

  #report() {
    const a = invalid(this.#errors, 'report', 'report-hint')
    return html`<div class="ds-field">
      <label class="ds-label" for="report">${this.i18n.t('evaluate.field.report')}</label>
      ${this.#hint('report', this.i18n.t('evaluate.field.report.hint'))}
      <input class="ds-input" id="report" name="report" type="file" accept="application/pdf,.pdf"
        aria-invalid=${a.invalid} aria-describedby=${a.describedBy} />
      ${fieldError(this.#errors, 'report')}
    </div>`
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
    const result = /^results-(\d+)-(\w+)$/.exec(target.name)
    const factor = /^factor-(\w+)$/.exec(target.name)
    if (result) {
      const index = Number(result[1])
      const draft = this.#results.get(index) ?? { observed: '', ciLow: '', ciHigh: '', n: '' }
      if (RESULT_FIELDS.includes(result[2] as ResultField))
        draft[result[2] as ResultField] = target.value
      this.#results.set(index, draft)
    } else if (factor) {
      const f = factor[1] as Factor
      if (target.value === '') this.#factors.delete(f)
      else this.#factors.set(f, target.value as FactorEffect)
    } else if (target.name === 'report' && target instanceof HTMLInputElement) {
      if (event.type !== 'change') return
      this.#file = target.files?.[0] ?? null
      void this.#checkFile()
    } else if (target.name in this.#fields) {
      if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return
      this.#fields[target.name as Field] = target.value
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

  /** The report's problem in plain words, on its field; as soon as a file is chosen. */
  async #checkFile(): Promise<boolean> {
    const file = this.#file
    const problem = file ? await pdfProblem(file) : null
    const t = this.i18n.t.bind(this.i18n)
    this.#errors = new Map(this.#errors)
    this.#errors.delete('report')
    if (file && problem === 'empty') this.#errors.set('report', t('evaluate.error.empty'))
    if (file && problem === 'tooLarge')
      this.#errors.set(
        'report',
        t('evaluate.error.tooLarge', { size: this.i18n.number(megabytes(file.size)) })
      )
    if (file && problem === 'notPdf')
      this.#errors.set('report', t('evaluate.error.notPdf', { name: file.name }))
    this.requestUpdate()
    return problem === null
  }

  async #submit(event: SubmitEvent, pilot: Pilot) {
    event.preventDefault()
    const api = this.#api.value
    if (this.#busy || !api) return
    const t = this.i18n.t.bind(this.i18n)
    const request = evaluationRequest(
      { fields: this.#fields, results: this.#results, factors: this.#factors },
      pilot.metrics
    )
    const { input, indexes } = request
    const checked = checkEvaluation(request, this.i18n)
    this.#failure = null
    this.#errors = checked.errors
    const fileOk = await this.#checkFile()
    if (this.#file && input.reportUrl)
      this.#errors.set('reportUrl', t('evaluate.error.reportAndUrl'))
    const data = checked.data
    if (!data || !fileOk || this.#errors.size) return this.#showErrors()
    this.#busy = true
    this.requestUpdate()
    try {
      const saved = this.#saved ?? (await this.#record(api, pilot, data, indexes))
      if (!saved) return
      if (this.#file && !(await this.#upload(api, pilot, saved, this.#file))) return
      this.#unsaved = false
      this.dispatchEvent(new UnsavedChangesEvent(false))
      this.dispatchEvent(new NavigateEvent(paths.pilot(pilot.id)))
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }

  async #record(api: ApiClient, pilot: Pilot, input: EvaluationCreate, indexes: readonly number[]) {
    const t = this.i18n.t.bind(this.i18n)
    try {
      const { evaluation, version } = await api.recordEvaluation(pilot.id, input)
      this.#saved = { id: evaluation.id, version }
      return this.#saved
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null
      const status = error instanceof ApiError ? error.status : 0
      this.#errors = formErrors(serverFieldErrors(problem, this.i18n), indexes)
      if (this.#errors.size === 0)
        this.#failure =
          problem?.code === 'not_evaluable'
            ? t('evaluate.error.notStarted')
            : status === 401
              ? t('evaluate.error.signedOut')
              : status === 403
                ? t('evaluate.error.forbidden')
                : status === 412
                  ? t('evaluate.error.changed')
                  : t('evaluate.error.other')
      await this.#showErrors()
      return null
    }
  }

  async #upload(
    api: ApiClient,
    pilot: Pilot,
    saved: { id: string; version: number | null },
    file: File
  ) {
    const t = this.i18n.t.bind(this.i18n)
    try {
      // Retried after a refusal, the pilot may have moved on: its version is read again.
      const version = saved.version ?? (await api.pilot(pilot.id)).version
      await api.uploadReport(pilot.id, saved.id, version, file, file.name)
      return true
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0
      saved.version = null
      this.#failure = t('evaluate.error.savedWithoutReport')
      this.#errors = new Map([
        [
          'report',
          status === 413
            ? t('evaluate.error.tooLarge', { size: this.i18n.number(megabytes(file.size)) })
            : status === 412
              ? t('evaluate.error.changed')
              : t('evaluate.error.reportRefused'),
        ],
      ])
      await this.#showErrors()
      return false
    }
  }

  async #showErrors() {
    // The summary lists the errors in the order of the form.
    const order = [...this.renderRoot.querySelectorAll('input, select, textarea')].map((e) => e.id)
    const at = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length)
    this.#errors = new Map([...this.#errors].sort(([a], [b]) => at(a) - at(b)))
    await this.focusAfterRender('[data-error-summary]')
  }
}
customElements.define('evaluation-form-page', EvaluationFormPage)

declare global {
  interface HTMLElementTagNameMap {
    'evaluation-form-page': EvaluationFormPage
  }
}
