import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import type { Outcome, Stage } from '../../schema/enums.ts'
import type { TransitionRequest } from '../../schema/pilot.ts'
import { ApiError, type Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import type { MessageKey } from '../i18n/messages.ts'

/** The stages a pilot may move to from each stage (the API's lifecycle; it has the last word). */
export function nextStages(from: Stage): Stage[] {
  switch (from) {
    case 'hypothesis':
      return ['planned', 'discontinued']
    case 'planned':
      return ['running', 'discontinued']
    case 'running':
      return ['evaluating', 'discontinued']
    case 'evaluating':
      return ['running', 'concluded', 'discontinued']
    case 'concluded':
      return ['adopted', 'discontinued']
    case 'adopted':
    case 'discontinued':
      return []
    default:
      throw new Error(`Unknown stage ${from satisfies never}`)
  }
}

const KNOWN_GUARDS = [
  'primary_metric',
  'evaluation_method',
  'planned_dates',
  'actual_start',
  'final_evaluation',
  'successful_outcome',
  'decision_reference',
  'decision_date',
  'reason',
] as const

/** Fires when the pilot has moved to another stage; `pilot` is the pilot as it now is. */
export class PilotChangedEvent extends Event {
  static readonly type = 'pilot-changed'
  readonly pilot: Pilot
  constructor(pilot: Pilot) {
    super(PilotChangedEvent.type, { bubbles: true, composed: true })
    this.pilot = pilot
  }
}

/**
 * "Move to the next stage", for members of the owner: the stages the pilot may move to, the
 * fields the chosen step needs, and a refusal explained in plain words.
 * @fires pilot-changed - after a successful move
 */
export class StageTransition extends AppElement {
  static override properties = { pilot: { attribute: false }, concluding: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      .panel {
        border: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        border-radius: var(--ds-border-radius-md);
        padding: var(--ds-size-5);
      }
      form > * + * {
        margin-top: var(--ds-size-5);
      }
      .ds-alert {
        margin-top: var(--ds-size-5);
      }
      .ds-alert ul {
        margin-top: var(--ds-size-2);
      }
    `,
  ]

  /** The pilot as last read; its version goes in `If-Match`. */
  declare pilot: Pilot
  /** The outcome a conclusion would take: that of the latest final evaluation, if there is one. */
  declare concluding: Outcome | null | undefined

  readonly #api = new ContextConsumer(this, { context: apiContext })
  #target: Stage | null = null
  #problem: { title: string; items: string[] } | null = null
  #done: Stage | null = null
  #busy = false

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const targets = nextStages(this.pilot.stage)
    // At a final stage there is nowhere to go: only the news of the move that got it there stays.
    if (targets.length === 0 && !this.#done) return nothing
    const target = this.#target && targets.includes(this.#target) ? this.#target : null
    return html`<section class="panel" aria-labelledby="transition-heading">
      <h2 class="ds-heading" data-size="sm" id="transition-heading" tabindex="-1">
        ${t('transition.title')}
      </h2>
      ${targets.length ? this.#form(targets, target) : nothing}
      <div role="status">
        ${
          this.#done
            ? html`<div class="ds-alert" data-color="success">
                <p class="ds-paragraph">
                  ${t('transition.done', { stage: this.i18n.label('stage', this.#done) })}
                </p>
              </div>`
            : nothing
        }
      </div>
      ${
        this.#problem
          ? html`<div class="ds-alert" data-color="danger" tabindex="-1" data-problem>
              <h3 class="ds-heading" data-size="2xs">${this.#problem.title}</h3>
              ${
                this.#problem.items.length
                  ? html`<ul class="ds-list">${this.#problem.items.map((i) => html`<li>${i}</li>`)}</ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </section>`
  }

  #form(targets: Stage[], target: Stage | null) {
    const t = this.i18n.t.bind(this.i18n)
    return html`<form novalidate @submit=${this.#submit}>
        <fieldset class="ds-fieldset">
          <legend class="ds-label">
            ${t('transition.from', { stage: this.i18n.label('stage', this.pilot.stage) })}
          </legend>
          ${targets.map(
            (stage) => html`<div class="ds-field">
              <input class="ds-input" type="radio" name="to" id="to-${stage}" value=${stage}
                .checked=${target === stage} @change=${() => this.#choose(stage)} />
              <label class="ds-label" data-weight="regular" for="to-${stage}">
                ${this.i18n.label('stage', stage)}
              </label>
            </div>`
          )}
        </fieldset>
        ${target ? this.#fieldsFor(target) : nothing}
        <button class="ds-button" type="submit" aria-disabled=${this.#busy || !target ? 'true' : nothing}>
          ${t('transition.submit')}
        </button>
      </form>`
  }

  /** The fields a step needs, beyond the target itself. */
  #fieldsFor(target: Stage) {
    const t = this.i18n.t.bind(this.i18n)
    const from = this.pilot.stage
    const date = (name: string, label: string, value = '') => html`<div class="ds-field">
      <label class="ds-label" for=${name}>${label}</label>
      <input class="ds-input" type="date" id=${name} name=${name} .value=${value} />
    </div>`
    const text = (name: string, label: string) => html`<div class="ds-field">
      <label class="ds-label" for=${name}>${label}</label>
      <textarea class="ds-input" id=${name} name=${name} rows="3"></textarea>
    </div>`
    if (target === 'running' && from === 'evaluating')
      return text('reason', t('transition.reason.extend'))
    if (target === 'running') return date('actualStart', t('transition.actualStart'))
    if (target === 'evaluating') return date('actualEnd', t('transition.actualEnd'))
    if (target === 'discontinued') return text('reason', t('transition.reason.discontinue'))
    if (target === 'concluded') {
      const outcome = this.concluding
      return html`<p class="ds-paragraph" data-size="sm">
          ${
            outcome
              ? t('transition.concludeHint', { outcome: this.i18n.label('outcome', outcome) })
              : t('transition.concludeNoEvaluation')
          }
        </p>
        ${text('reason', t('transition.reason.conclude'))}`
    }
    if (target === 'adopted')
      return html`<p class="ds-paragraph" data-size="sm">${t('transition.adoptHint')}</p>
        <div class="ds-field">
          <label class="ds-label" for="decisionReference">${t('transition.decisionReference')}</label>
          <input class="ds-input" type="text" id="decisionReference" name="decisionReference" />
        </div>
        ${date('decisionDate', t('transition.decisionDate'))}`
    return nothing
  }

  #choose(stage: Stage) {
    this.#target = stage
    this.#problem = null
    this.#done = null
    this.requestUpdate()
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault()
    const target = this.#target
    const api = this.#api.value
    if (this.#busy || !target || !api) return
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const value = (name: string) => {
      const v = String(data.get(name) ?? '').trim()
      return v === '' ? undefined : v
    }
    const request: TransitionRequest = { to: target }
    for (const name of [
      'reason',
      'actualStart',
      'actualEnd',
      'decisionReference',
      'decisionDate',
    ] as const) {
      const v = value(name)
      if (v !== undefined) request[name] = v
    }
    this.#busy = true
    this.#problem = null
    this.#done = null
    this.requestUpdate()
    try {
      const pilot = await api.transition(this.pilot.id, this.pilot.version, request)
      this.#target = null
      this.#done = pilot.stage
      this.dispatchEvent(new PilotChangedEvent(pilot))
      if (nextStages(pilot.stage).length === 0) {
        // The form is gone with the button that had focus: focus goes to the panel's heading.
        this.pilot = pilot
        await this.updateComplete
        this.renderRoot.querySelector<HTMLElement>('#transition-heading')?.focus()
      }
    } catch (error) {
      this.#problem = this.#explain(error)
      this.requestUpdate()
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('[data-problem]')?.focus()
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }

  /** A refusal in plain words: each failed guard, or what the status means. */
  #explain(error: unknown): { title: string; items: string[] } {
    const t = this.i18n.t.bind(this.i18n)
    const status = error instanceof ApiError ? error.status : 0
    const problem = error instanceof ApiError ? error.problem : null
    if (status === 409 && problem?.code === 'guard_failed') {
      const items = (problem.guards ?? []).map((g) =>
        (KNOWN_GUARDS as readonly string[]).includes(g.guard)
          ? t(`transition.guard.${g.guard}` as MessageKey)
          : g.detail
      )
      return { title: t('transition.refused'), items }
    }
    if (status === 412) return { title: t('transition.changed'), items: [] }
    if (status === 409) return { title: t('transition.notAllowed'), items: [] }
    if (status === 401) return { title: t('transition.signedOut'), items: [] }
    if (status === 403) return { title: t('transition.forbidden'), items: [] }
    if (status === 400 || status === 422) {
      const items = (problem?.errors ?? []).map((e) =>
        t('transition.invalidField', { field: e.field })
      )
      return { title: t('transition.invalid'), items }
    }
    return { title: t('transition.failed'), items: [] }
  }
}
customElements.define('stage-transition', StageTransition)

declare global {
  interface HTMLElementTagNameMap {
    'stage-transition': StageTransition
  }
  interface HTMLElementEventMap {
    'pilot-changed': PilotChangedEvent
  }
}
