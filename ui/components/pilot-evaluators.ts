import { ContextConsumer } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { EvaluatorAssign } from '../../schema/evaluation.ts'
import type { Evaluator, Pilot } from '../api/client.ts'
import { type Refusals, refusal } from '../api/refusal.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, sessionContext } from '../context.ts'
import {
  errorSummary,
  type FieldErrors,
  fieldError,
  invalid,
  zodFieldErrors,
} from '../forms/field-errors.ts'
import { taskView } from '../task-view.ts'
import type { ConfirmDialog } from './confirm-dialog.ts'
import { PilotChangedEvent } from './stage-transition.ts'
import './confirm-dialog.ts'

const REFUSALS: Refusals = {
  statuses: {
    412: 'account.admin.pilot.stale',
    403: 'account.evaluators.forbidden',
    401: 'account.error.signedOut',
  },
}

/**
 * A pilot's evaluators. Members of the pilot's organisation assign one by e-mail (a person
 * without an account is invited) and end an assignment after a confirmation; others only see them.
 * @fires pilot-changed - after an assignment changed the pilot's version
 */
export class PilotEvaluators extends AppElement {
  static override properties = { pilot: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      .rows {
        list-style: none;
        margin: 0 0 var(--ds-size-4);
        padding: 0;
      }
      .rows > li {
        align-items: center;
        border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2) var(--ds-size-4);
        justify-content: space-between;
        padding-block: var(--ds-size-2);
      }
      .rows p {
        margin: 0;
      }
      form {
        max-width: 32rem;
      }
      form > * + * {
        margin-top: var(--ds-size-5);
      }
      .ds-error-summary {
        margin-block: var(--ds-size-4);
      }
    `,
  ]

  /** The pilot whose evaluators are shown. */
  declare pilot: Pilot

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #status = ''
  #busy = false

  readonly #evaluators = new Task(this, {
    task: async ([api, pilot], { signal }) =>
      api && pilot ? (await api.evaluators(pilot.id, signal)).items : [],
    args: () => [this.#api.value, this.pilot] as const,
  })

  /** Only the owner's members may assign: the API refuses everyone else, system admins too. */
  get #mayAssign() {
    const memberships = this.#session.value?.user.memberships ?? []
    return memberships.some((m) => m.organisationId === this.pilot?.owner.id)
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`
      ${taskView(this.#evaluators, (evaluators) => this.#list(evaluators))}
      <p class="ds-paragraph" role="status" tabindex="-1" data-status>${this.#status}</p>
      ${
        this.#mayAssign
          ? this.#form()
          : html`<p class="ds-paragraph muted" data-size="sm">
              ${t('account.evaluators.byOwner', { org: this.pilot.owner.name })}
            </p>`
      }
      <confirm-dialog danger .heading=${t('account.admin.pilot.removeTitle')}
        .confirmLabel=${t('account.admin.pilot.removeConfirm')}></confirm-dialog>
    `
  }

  #list(evaluators: readonly Evaluator[]) {
    const t = this.i18n.t.bind(this.i18n)
    if (evaluators.length === 0)
      return html`<p class="ds-paragraph">${t('account.admin.pilot.noEvaluators')}</p>`
    return html`<ul class="rows" aria-label=${t('account.admin.pilot.evaluators')}>
      ${evaluators.map(
        (e) => html`<li>
          <div>
            <p class="ds-paragraph">${e.name}</p>
            <p class="ds-paragraph muted" data-size="sm">
              ${[
                e.email,
                e.organisationName,
                t('account.admin.pilot.assigned', { date: this.i18n.day(e.assignedAt) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </div>
          ${
            this.#mayAssign
              ? html`<button class="ds-button" data-variant="secondary" data-color="danger"
                  data-size="sm" type="button" @click=${(ev: Event) => this.#remove(ev, e)}>
                  ${t('account.admin.pilot.removeEvaluator', { name: e.name })}
                </button>`
              : nothing
          }
        </li>`
      )}
    </ul>`
  }

  #form() {
    const t = this.i18n.t.bind(this.i18n)
    const label: Record<string, string> = {
      'evaluator-email': t('account.email'),
      'evaluator-name': t('account.name'),
    }
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({ id, text: `${label[id] ?? id}: ${message}` })),
    ]
    const field = (id: string, name: string, type = 'text') => {
      const state = invalid(this.#errors, id)
      return html`<div class="ds-field">
        <label class="ds-label" for=${id}>${label[id]}</label>
        <input class="ds-input" id=${id} name=${name} type=${type} autocomplete="off"
          aria-invalid=${state.invalid} aria-describedby=${state.describedBy} />
        ${fieldError(this.#errors, id)}
      </div>`
    }
    return html`${errorSummary(this.renderRoot, t('account.evaluators.error'), entries)}
      <form novalidate aria-label=${t('account.admin.pilot.assign')} @submit=${this.#assign}>
        ${field('evaluator-email', 'email', 'email')} ${field('evaluator-name', 'name')}
        <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
          ${t('account.admin.pilot.assign')}
        </button>
      </form>`
  }

  async #assign(event: SubmitEvent) {
    event.preventDefault()
    const api = this.#api.value
    if (this.#busy || !api) return
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    const input = {
      email: String(data.get('email') ?? '').trim(),
      name: String(data.get('name') ?? '').trim(),
    }
    const parsed = EvaluatorAssign.safeParse(input)
    this.#errors = new Map()
    this.#failure = null
    if (!parsed.success) {
      for (const [id, message] of zodFieldErrors(parsed.error, this.i18n, input))
        this.#errors.set(`evaluator-${id}`, message)
      return this.focusAfterRender('[data-error-summary]')
    }
    this.#busy = true
    try {
      await api.assignEvaluator(this.pilot.id, parsed.data)
      form.reset()
      this.#status = this.i18n.t('account.admin.pilot.assignedNamed', { name: parsed.data.name })
      await this.#changed()
      await this.#evaluators.run()
      await this.focusAfterRender('[data-status]')
    } catch (error) {
      this.#failure = refusal(error, this.i18n, REFUSALS)
      await this.focusAfterRender('[data-error-summary]')
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }

  async #remove(event: Event, evaluator: Evaluator) {
    const api = this.#api.value
    const dialog = this.renderRoot.querySelector<ConfirmDialog>('confirm-dialog')
    if (!api || !dialog) return
    const t = this.i18n.t.bind(this.i18n)
    dialog.message = t('account.admin.pilot.removeMessage', {
      name: evaluator.name,
      pilot: this.pilot.title,
    })
    if (!(await dialog.ask(event.currentTarget as HTMLElement))) return
    try {
      // The pilot's version may have moved since it was read (an assignment bumps it).
      const current = await api.pilot(this.pilot.id)
      await api.removeEvaluator(this.pilot.id, evaluator.userId, current.version)
      this.#status = t('account.admin.pilot.removed', { name: evaluator.name })
      await this.#changed()
    } catch (error) {
      this.#status = refusal(error, this.i18n, REFUSALS)
    }
    await this.#evaluators.run()
    // The evaluator's row is gone: the status message takes focus and says what happened.
    await this.focusAfterRender('[data-status]')
  }

  // An assignment is part of the pilot's record: its version moved, and the page shows the new one.
  async #changed() {
    const pilot = await this.#api.value?.pilot(this.pilot.id).catch(() => null)
    if (pilot) this.dispatchEvent(new PilotChangedEvent(pilot))
  }
}
customElements.define('pilot-evaluators', PilotEvaluators)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-evaluators': PilotEvaluators
  }
}
