import { ContextConsumer } from '@lit/context'
import { initialState, Task } from '@lit/task'
import { html, nothing } from 'lit'
import { AdoptionCreate, AdoptionPatch } from '../../schema/adoption.ts'
import { ADOPTION_DEGREES, ADOPTION_STATUSES, OUTCOMES } from '../../schema/enums.ts'
import { type Adoption, type ApiClient, ApiError, type Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, type Session, sessionContext } from '../context.ts'
import { NavigateEvent, UnsavedChangesEvent } from '../events.ts'
import {
  errorSummary,
  type FieldErrors,
  fieldError,
  invalid,
  serverFieldErrors,
  zodFieldErrors,
} from '../forms/field-errors.ts'
import { formStyles } from '../forms/form-styles.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'

const DATES = ['interestedOn', 'triallingOn', 'adoptedOn', 'droppedOn'] as const
type Field = 'status' | 'degree' | 'learnedFrom' | 'localOutcome' | 'notes' | (typeof DATES)[number]

/**
 * Record that the user's organisation takes up a pilot (how far, how much changed, whom it learned
 * from, the outcome there), or update that record later. One record per organisation and pilot.
 * @fires unsaved-changes - when the form gets (or loses) changes that are not saved
 * @fires app-navigate - to the pilot's page, which lists the adoption
 */
export class AdoptionFormPage extends AppElement {
  static override properties = { pilotId: {} }
  static override styles = [...AppElement.styles, formStyles]

  /** The pilot to take up, from the address. */
  declare pilotId: string

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  readonly #data = new Task(this, {
    task: async ([api, id], { signal }) => {
      if (!api) return initialState
      const [pilot, adoptions] = await Promise.all([
        api.pilot(id, signal),
        api.adoptions(id, signal),
      ])
      return { pilot, adoptions: adoptions.items }
    },
    args: () => [this.#api.value, this.pilotId] as const,
  })

  // The fields as the user left them; unset ones show the saved adoption's values.
  #fields: Partial<Record<Field, string>> = {}
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #unsaved = false
  #busy = false

  override updated() {
    this.announcePageTitle(this.i18n.t('adopt.title'))
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    const heading = (key: MessageKey) => html`<h1 class="ds-heading" data-size="lg">${t(key)}</h1>`
    if (session === null) {
      return html`<div class="container form">
        ${heading('adopt.title')}
        <p class="ds-paragraph">${t('adopt.signInFirst')}</p>
        <p><a class="ds-link" href=${paths.login(paths.adopt(this.pilotId))}>${t('auth.login')}</a></p>
      </div>`
    }
    if (session === undefined) return html`<loading-state></loading-state>`
    return html`<div class="container form">
      ${taskView(this.#data, ({ pilot, adoptions }) => {
        const organisation = session.organisation
        const refusal = !organisation
          ? t('adopt.noOrganisation')
          : organisation.id === pilot.owner.id
            ? t('adopt.ownPilot')
            : pilot.visibility !== 'published'
              ? t('adopt.notPublished')
              : null
        if (refusal || !organisation) {
          return html`${heading('adopt.title')}
            <p class="ds-paragraph">${refusal}</p>
            <p><a class="ds-link" href=${paths.pilot(pilot.id)}>${t('evaluate.backToPilot')}</a></p>`
        }
        const own = adoptions.find((a) => a.organisation.id === organisation.id) ?? null
        return html`${heading(own ? 'adopt.titleUpdate' : 'adopt.title')}
          ${this.#form(session, pilot, adoptions, own)}`
      })}
    </div>`
  }

  #value(field: Field, own: Adoption | null): string {
    const set = this.#fields[field]
    if (set !== undefined) return set
    if (!own) return field === 'status' ? 'adopted' : field === 'degree' ? 'copy' : ''
    if (field === 'learnedFrom') return own.learnedFrom?.adoptionId ?? ''
    return own[field] ?? ''
  }

  #form(session: Session, pilot: Pilot, adoptions: readonly Adoption[], own: Adoption | null) {
    const t = this.i18n.t.bind(this.i18n)
    const organisation = session.organisation?.name ?? ''
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({
        id,
        text: `${this.#label(id as Field)}: ${message}`,
      })),
    ]
    const teachers = adoptions.filter((a) => a.id !== own?.id)
    const learnedFrom = this.#value('learnedFrom', own)
    const outcome = this.#value('localOutcome', own)
    return html`<p class="ds-paragraph lead" lang=${CONTENT_LANG}>
        <a class="ds-link" href=${paths.pilot(pilot.id)}>${pilot.title}</a> · ${pilot.owner.name}
      </p>
      <p class="ds-paragraph">
        ${t(own ? 'adopt.introUpdate' : 'adopt.intro', { organisation, pilot: pilot.title })}
      </p>
      ${errorSummary(this.renderRoot, t('form.errorSummary'), entries)}
      <form novalidate @submit=${(e: SubmitEvent) => this.#submit(e, pilot, own)}
        @input=${this.#onInput} @change=${this.#onInput}>
        ${this.#radios('status', ADOPTION_STATUSES, own, (s) => this.i18n.label('adoptionStatus', s))}
        ${this.#radios('degree', ADOPTION_DEGREES, own, (d) => this.i18n.label('adoptionDegree', d))}
        <div class="ds-field">
          <label class="ds-label" for="learnedFrom">${this.#label('learnedFrom')}</label>
          <p class="ds-paragraph" data-size="sm" data-field="description" id="learnedFrom-hint">
            ${t('adopt.field.learnedFrom.hint')}
          </p>
          <select class="ds-input" id="learnedFrom" name="learnedFrom"
            aria-describedby=${invalid(this.#errors, 'learnedFrom', 'learnedFrom-hint').describedBy}
            aria-invalid=${invalid(this.#errors, 'learnedFrom').invalid}>
            <option value="" ?selected=${learnedFrom === ''}>
              ${t('adopt.field.learnedFromOrigin', { organisation: pilot.owner.name })}
            </option>
            ${teachers.map(
              (a) =>
                html`<option value=${a.id} ?selected=${learnedFrom === a.id}>${a.organisation.name}</option>`
            )}
          </select>
          ${fieldError(this.#errors, 'learnedFrom')}
        </div>
        <fieldset class="ds-fieldset" aria-describedby="dates-hint">
          <legend class="ds-label">${t('adopt.field.dates')}</legend>
          <p class="ds-paragraph" data-size="sm" data-field="description" id="dates-hint">
            ${t('adopt.field.dates.hint')}
          </p>
          <div class="pair dates">${DATES.map((d) => this.#date(d, own))}</div>
        </fieldset>
        <div class="ds-field">
          <label class="ds-label" for="localOutcome">${this.#label('localOutcome')}</label>
          <select class="ds-input" id="localOutcome" name="localOutcome"
            aria-invalid=${invalid(this.#errors, 'localOutcome').invalid}
            aria-describedby=${invalid(this.#errors, 'localOutcome').describedBy}>
            <option value="" ?selected=${outcome === ''}>${t('adopt.field.localOutcome.none')}</option>
            ${OUTCOMES.map(
              (o) =>
                html`<option value=${o} ?selected=${outcome === o}>${this.i18n.label('outcome', o)}</option>`
            )}
          </select>
          ${fieldError(this.#errors, 'localOutcome')}
        </div>
        <div class="ds-field">
          <label class="ds-label" for="notes">${this.#label('notes')}</label>
          <p class="ds-paragraph" data-size="sm" data-field="description" id="notes-hint">
            ${t('adopt.field.notes.hint')}
          </p>
          <textarea class="ds-input" id="notes" name="notes" rows="5"
            aria-invalid=${invalid(this.#errors, 'notes').invalid}
            aria-describedby=${invalid(this.#errors, 'notes', 'notes-hint').describedBy}
            .value=${this.#value('notes', own)}></textarea>
          ${fieldError(this.#errors, 'notes')}
        </div>
        <div class="actions">
          <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
            ${this.#busy ? t('adopt.saving') : t(own ? 'adopt.submitUpdate' : 'adopt.submit')}
          </button>
          <a class="ds-link" href=${paths.pilot(pilot.id)}>${t('evaluate.backToPilot')}</a>
        </div>
      </form>`
  }

  #label(field: Field) {
    return this.i18n.t(`adopt.field.${field}` as MessageKey)
  }

  // The first radio carries the field's id, so the error summary can focus it.
  #radios<V extends string>(
    field: Field,
    values: readonly V[],
    own: Adoption | null,
    label: (v: V) => string
  ) {
    const a = invalid(this.#errors, field)
    const current = this.#value(field, own)
    return html`<fieldset class="ds-fieldset" aria-describedby=${a.describedBy}>
      <legend class="ds-label">${this.#label(field)}</legend>
      ${values.map((v, i) => {
        const id = i === 0 ? field : `${field}-${v}`
        return html`<div class="ds-field">
          <input class="ds-input" type="radio" id=${id} name=${field} value=${v}
            aria-invalid=${a.invalid} .checked=${current === v} />
          <label class="ds-label" data-weight="regular" for=${id}>${label(v)}</label>
        </div>`
      })}
      ${fieldError(this.#errors, field)}
    </fieldset>`
  }

  #date(field: (typeof DATES)[number], own: Adoption | null) {
    const a = invalid(this.#errors, field)
    return html`<div class="ds-field">
      <label class="ds-label" for=${field}>${this.#label(field)}</label>
      <input class="ds-input" type="date" id=${field} name=${field} aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy} .value=${this.#value(field, own)} />
      ${fieldError(this.#errors, field)}
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
    if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return
    this.#fields[target.name as Field] = target.value
    if (!this.#unsaved) {
      this.#unsaved = true
      this.dispatchEvent(new UnsavedChangesEvent(true))
    }
    this.requestUpdate()
  }

  /** The form as the API takes it; an empty date or outcome is none. */
  #request(own: Adoption | null) {
    const value = (field: Field) => this.#value(field, own).trim()
    const orNull = (field: Field) => value(field) || null
    return {
      status: value('status'),
      degree: value('degree'),
      learnedFromAdoptionId: orNull('learnedFrom'),
      localOutcome: orNull('localOutcome'),
      notes: orNull('notes'),
      ...Object.fromEntries(DATES.map((d) => [d, orNull(d)])),
    }
  }

  async #submit(event: SubmitEvent, pilot: Pilot, own: Adoption | null) {
    event.preventDefault()
    const api = this.#api.value
    if (this.#busy || !api) return
    const request = this.#request(own)
    const parsed = own ? AdoptionPatch.safeParse(request) : AdoptionCreate.safeParse(request)
    this.#failure = null
    this.#errors = parsed.success
      ? new Map()
      : this.#onForm(zodFieldErrors(parsed.error, this.i18n, request))
    if (!parsed.success) return this.focusAfterRender('[data-error-summary]')
    this.#busy = true
    this.requestUpdate()
    try {
      await this.#save(api, pilot, own, parsed.data)
      this.#unsaved = false
      this.dispatchEvent(new UnsavedChangesEvent(false))
      this.dispatchEvent(new NavigateEvent(paths.pilot(pilot.id)))
    } catch (error) {
      this.#explain(error)
      await this.focusAfterRender('[data-error-summary]')
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }

  #save(api: ApiClient, pilot: Pilot, own: Adoption | null, data: AdoptionCreate | AdoptionPatch) {
    return own
      ? api.updateAdoption(own.id, own.version, data as AdoptionPatch)
      : api.createAdoption(pilot.id, data as AdoptionCreate)
  }

  // The API names the lineage field by its request name; the form calls it learnedFrom.
  #onForm(errors: FieldErrors): FieldErrors {
    return new Map(
      [...errors].map(([id, m]) => [id === 'learnedFromAdoptionId' ? 'learnedFrom' : id, m])
    )
  }

  #explain(error: unknown) {
    const t = this.i18n.t.bind(this.i18n)
    const status = error instanceof ApiError ? error.status : 0
    const problem = error instanceof ApiError ? error.problem : null
    this.#errors = this.#onForm(serverFieldErrors(problem, this.i18n))
    // The dates' own rules, in the words of the form: their order, and the date of the status.
    for (const e of problem?.errors ?? []) {
      const field = DATES.find((d) => d === e.field)
      if (!field) continue
      const earlier = DATES.find((d) => d === /before (\w+)/.exec(e.detail)?.[1])
      if (e.code === 'inconsistent' && earlier)
        this.#errors.set(field, t('adopt.error.dateOrder', { earlier: this.#label(earlier) }))
      if (e.code === 'required') this.#errors.set(field, t('adopt.error.dateRequired'))
    }
    if (this.#errors.size) return
    const organisation = this.#session.value?.organisation?.name ?? ''
    const code = problem?.code
    if (code === 'lineage_cycle') {
      this.#errors = new Map([['learnedFrom', t('adopt.error.cycle')]])
      return
    }
    this.#failure =
      code === 'already_adopted'
        ? t('adopt.error.alreadyAdopted', { organisation })
        : code === 'own_pilot'
          ? t('adopt.ownPilot')
          : code === 'origin_not_published'
            ? t('adopt.notPublished')
            : status === 412
              ? t('adopt.error.changed')
              : status === 403
                ? t('adopt.error.forbidden')
                : status === 401
                  ? t('adopt.error.signedOut')
                  : t('adopt.error.other')
  }
}
customElements.define('adoption-form-page', AdoptionFormPage)

declare global {
  interface HTMLElementTagNameMap {
    'adoption-form-page': AdoptionFormPage
  }
}
