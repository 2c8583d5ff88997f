import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import { UnpublishRequest } from '../../schema/admin.ts'
import type { Pilot } from '../api/client.ts'
import { type Refusals, refusal } from '../api/refusal.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import {
  errorSummary,
  type FieldErrors,
  fieldError,
  invalid,
  zodFieldErrors,
} from '../forms/field-errors.ts'
import { paths } from '../router.ts'
import type { ConfirmDialog } from './confirm-dialog.ts'
import type { PilotChangedEvent } from './stage-transition.ts'
import './confirm-dialog.ts'
import './pilot-evaluators.ts'

const REFUSALS: Refusals = {
  statuses: {
    412: 'account.admin.pilot.stale',
    409: 'account.admin.pilot.conflict',
    403: 'account.admin.forbidden',
    401: 'account.error.signedOut',
  },
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

/**
 * What system administrators do to one pilot: find it by its address or id, see its evaluators
 * (its own organisation assigns them), and take it out of public view with a logged reason.
 */
export class AdminPilotTools extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      form {
        max-width: 36rem;
      }
      form > * + * {
        margin-top: var(--ds-size-5);
      }
      .find {
        align-items: end;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2);
        max-width: none;
      }
      .find > * + * {
        margin-top: 0;
      }
      .find .ds-field {
        flex: 1 1 20rem;
      }
      h3 {
        margin-block: var(--ds-size-8) var(--ds-size-3);
      }
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
      .ds-error-summary {
        margin-block: var(--ds-size-4);
      }
      .chosen {
        margin-top: var(--ds-size-6);
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })
  #pilot: Pilot | null = null
  #findError: string | null = null
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #status = ''

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const find = invalid(
      this.#findError ? new Map([['pilot-ref', this.#findError]]) : new Map(),
      'pilot-ref',
      'pilot-ref-hint'
    )
    return html`
      <form class="find" novalidate @submit=${this.#find} aria-label=${t('account.admin.pilot.find')}>
        <div class="ds-field">
          <label class="ds-label" for="pilot-ref">${t('account.admin.pilot.ref')}</label>
          <div class="ds-field__description" id="pilot-ref-hint">${t('account.admin.pilot.refHint')}</div>
          <input class="ds-input" id="pilot-ref" name="ref" autocomplete="off" spellcheck="false"
            aria-invalid=${find.invalid} aria-describedby=${find.describedBy} />
          ${this.#findError ? html`<p class="ds-validation-message" data-field="validation" id="pilot-ref-error">${this.#findError}</p>` : nothing}
        </div>
        <button class="ds-button" data-variant="secondary" type="submit">${t('account.admin.pilot.find')}</button>
      </form>
      <p class="ds-paragraph" role="status" tabindex="-1" data-status>${this.#status}</p>
      ${this.#pilot ? this.#chosen(this.#pilot) : nothing}
      <confirm-dialog danger .heading=${t('account.admin.pilot.unpublishTitle')}
        .confirmLabel=${t('account.admin.pilot.unpublishSubmit')}></confirm-dialog>
    `
  }

  #chosen(pilot: Pilot) {
    const t = this.i18n.t.bind(this.i18n)
    const label: Record<string, string> = { 'unpublish-reason': t('account.admin.pilot.reason') }
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({ id, text: `${label[id] ?? id}: ${message}` })),
    ]
    const reason = invalid(this.#errors, 'unpublish-reason')
    return html`<div class="chosen" tabindex="-1" data-chosen>
      <h3 class="ds-heading" data-size="xs">
        <a class="ds-link" href=${paths.pilot(pilot.id)}>${pilot.title}</a>
      </h3>
      <p class="ds-paragraph muted" data-size="sm">
        ${pilot.owner.name} · ${this.i18n.label('stage', pilot.stage)} ·
        ${t(`account.admin.pilot.visibility.${pilot.visibility}`)}
      </p>
      <h3 class="ds-heading" data-size="xs">${t('account.admin.pilot.evaluators')}</h3>
      <pilot-evaluators .pilot=${pilot} @pilot-changed=${this.#reload}></pilot-evaluators>

      ${
        pilot.visibility === 'published'
          ? html`<h3 class="ds-heading" data-size="xs" id="unpublish-heading">${t('account.admin.pilot.unpublish')}</h3>
              <p class="ds-paragraph">${t('account.admin.pilot.unpublishIntro')}</p>
              ${errorSummary(this.renderRoot, t('account.admin.pilot.error'), entries)}
              <form novalidate aria-labelledby="unpublish-heading" @submit=${this.#unpublish}>
                <div class="ds-field">
                  <label class="ds-label" for="unpublish-reason">${label['unpublish-reason']}</label>
                  <textarea class="ds-input" id="unpublish-reason" name="reason" rows="3"
                    aria-invalid=${reason.invalid} aria-describedby=${reason.describedBy}></textarea>
                  ${fieldError(this.#errors, 'unpublish-reason')}
                </div>
                <button class="ds-button" data-color="danger" type="submit">
                  ${t('account.admin.pilot.unpublishSubmit')}
                </button>
              </form>`
          : nothing
      }
    </div>`
  }

  async #find(event: SubmitEvent) {
    event.preventDefault()
    const api = this.#api.value
    if (!api) return
    const t = this.i18n.t.bind(this.i18n)
    const ref = String(new FormData(event.currentTarget as HTMLFormElement).get('ref') ?? '')
    const id = UUID.exec(ref)?.[0]?.toLowerCase()
    this.#findError = null
    this.#pilot = null
    this.#status = ''
    this.#errors = new Map()
    this.#failure = null
    if (!id) {
      this.#findError = ref.trim() ? t('account.admin.pilot.refInvalid') : t('form.error.required')
      return this.focusAfterRender('#pilot-ref')
    }
    try {
      await this.#load(id)
      await this.focusAfterRender('[data-chosen]')
    } catch (error) {
      this.#findError = refusal(error, this.i18n, {
        statuses: { 404: 'account.admin.pilot.notFound' },
      })
      await this.focusAfterRender('#pilot-ref')
    }
  }

  async #load(id: string) {
    const api = this.#api.value
    if (api) this.#pilot = await api.pilot(id)
  }

  #reload(event: PilotChangedEvent) {
    this.#pilot = event.pilot
    this.requestUpdate()
  }

  async #unpublish(event: SubmitEvent) {
    event.preventDefault()
    const api = this.#api.value
    const pilot = this.#pilot
    if (!api || !pilot) return
    const input = {
      reason: String(
        new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? ''
      ).trim(),
    }
    const parsed = UnpublishRequest.safeParse(input)
    this.#errors = new Map()
    this.#failure = null
    if (!parsed.success) {
      for (const [id, message] of zodFieldErrors(parsed.error, this.i18n, input))
        this.#errors.set(`unpublish-${id}`, message)
      return this.focusAfterRender('[data-error-summary]')
    }
    const dialog = this.renderRoot.querySelector<ConfirmDialog>('confirm-dialog')
    const opener = (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>('button')
    if (!dialog) return
    this.requestUpdate()
    dialog.message = this.i18n.t('account.admin.pilot.unpublishMessage', { title: pilot.title })
    if (!(await dialog.ask(opener))) return
    try {
      await api.unpublish(pilot.id, pilot.version, parsed.data.reason)
      await this.#load(pilot.id)
      this.#status = this.i18n.t('account.admin.pilot.unpublished', { title: pilot.title })
      await this.focusAfterRender('[data-status]')
    } catch (error) {
      this.#failure = refusal(error, this.i18n, REFUSALS)
      await this.focusAfterRender('[data-error-summary]')
    }
  }
}
customElements.define('admin-pilot-tools', AdminPilotTools)

declare global {
  interface HTMLElementTagNameMap {
    'admin-pilot-tools': AdminPilotTools
  }
}
