import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import { ApiError } from '../api/client.ts'
import { refusal } from '../api/refusal.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import { errorSummary, type FieldErrors, fieldError, invalid } from '../forms/field-errors.ts'

// The server's rule (api/auth/passwords.ts); checked here too so the user hears it at once.
const MIN_LENGTH = 12

/** Set or change the signed-in user's password; the user's other sessions end on the server. */
export class PasswordChange extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      form {
        max-width: 28rem;
      }
      form > * + * {
        margin-top: var(--ds-size-5);
      }
      .ds-error-summary {
        margin-bottom: var(--ds-size-5);
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #done = false
  #busy = false

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const label: Record<string, string> = {
      'current-password': t('account.password.current'),
      'new-password': t('account.password.new'),
      'repeat-password': t('account.password.repeat'),
    }
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({ id, text: `${label[id] ?? id}: ${message}` })),
    ]
    const field = (id: string, autocomplete: string, hintText?: string) => {
      const hint = hintText ? `${id}-hint` : undefined
      const state = invalid(this.#errors, id, hint)
      return html`<div class="ds-field">
        <label class="ds-label" for=${id}>${label[id]}</label>
        ${hint ? html`<div class="ds-field__description" id=${hint}>${hintText}</div>` : nothing}
        <input class="ds-input" id=${id} name=${id} type="password" autocomplete=${autocomplete}
          aria-invalid=${state.invalid} aria-describedby=${state.describedBy} />
        ${fieldError(this.#errors, id)}
      </div>`
    }
    return html`
      ${
        this.#done
          ? html`<div class="ds-alert" data-color="success" tabindex="-1" data-done>
              <p class="ds-paragraph">${t('account.password.changed')}</p>
            </div>`
          : nothing
      }
      ${errorSummary(this.renderRoot, t('account.password.error'), entries)}
      <form novalidate aria-label=${t('account.password.title')} @submit=${this.#submit}>
        ${field('current-password', 'current-password', t('account.password.currentHint'))}
        ${field('new-password', 'new-password', t('account.password.newHint', { min: MIN_LENGTH }))}
        ${field('repeat-password', 'new-password')}
        <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
          ${t('account.password.submit')}
        </button>
      </form>`
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault()
    const api = this.#api.value
    if (this.#busy || !api) return
    const t = this.i18n.t.bind(this.i18n)
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    const current = String(data.get('current-password') ?? '')
    const next = String(data.get('new-password') ?? '')
    const repeat = String(data.get('repeat-password') ?? '')
    this.#errors = new Map()
    this.#failure = null
    this.#done = false
    if (!next) this.#errors.set('new-password', t('form.error.required'))
    else if (next.length < MIN_LENGTH)
      this.#errors.set('new-password', t('account.password.tooShort', { min: MIN_LENGTH }))
    if (next && repeat !== next) this.#errors.set('repeat-password', t('account.password.mismatch'))
    if (this.#errors.size) return this.focusAfterRender('[data-error-summary]')
    this.#busy = true
    this.requestUpdate()
    try {
      await api.changePassword({
        ...(current ? { currentPassword: current } : {}),
        newPassword: next,
      })
      form.reset()
      this.#done = true
      await this.focusAfterRender('[data-done]')
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null
      for (const e of problem?.errors ?? []) {
        if (e.field === 'currentPassword')
          this.#errors.set('current-password', t('account.password.wrong'))
        if (e.field === 'newPassword') this.#errors.set('new-password', t('account.password.weak'))
      }
      if (this.#errors.size === 0)
        this.#failure = refusal(error, this.i18n, {
          statuses: { 401: 'account.error.signedOut' },
        })
      await this.focusAfterRender('[data-error-summary]')
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }
}
customElements.define('password-change', PasswordChange)

declare global {
  interface HTMLElementTagNameMap {
    'password-change': PasswordChange
  }
}
