import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import { LoginRequest } from '../../schema/auth.ts'
import { ApiError } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, sessionContext } from '../context.ts'
import { NavigateEvent, SessionChangeEvent } from '../events.ts'
import {
  errorSummary,
  type FieldErrors,
  fieldError,
  invalid,
  zodFieldErrors,
} from '../forms/field-errors.ts'
import { paths } from '../router.ts'

/**
 * Sign in with e-mail and password; afterwards back to where the user came from.
 * @fires session-change - when signed in
 * @fires app-navigate - to the page the user came from
 */
export class LoginPage extends AppElement {
  static override properties = { next: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      .narrow {
        max-width: 28rem;
      }
      h1 {
        margin-block: var(--ds-size-10) var(--ds-size-4);
      }
      form > * + * {
        margin-top: var(--ds-size-6);
      }
      .ds-error-summary {
        margin-bottom: var(--ds-size-6);
      }
    `,
  ]

  /** Where to go after signing in: a path of this app. */
  declare next: string

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #busy = false

  constructor() {
    super()
    this.next = '/'
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    if (session) {
      return html`<div class="container narrow">
        <h1 class="ds-heading" data-size="lg">${t('auth.title')}</h1>
        <p class="ds-paragraph">${t('auth.signedInAs', { name: session.user.name })}</p>
        <p><a class="ds-link" href=${this.next}>${t('auth.continue')}</a></p>
      </div>`
    }
    const email = invalid(this.#errors, 'email')
    const password = invalid(this.#errors, 'password')
    const label = { email: t('auth.email'), password: t('auth.password') }
    const entries = [
      ...(this.#failure ? [{ id: 'password', text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({
        id,
        text: `${label[id as keyof typeof label] ?? id}: ${message}`,
      })),
    ]
    return html`<div class="container narrow">
      <h1 class="ds-heading" data-size="lg">${t('auth.title')}</h1>
      <p class="ds-paragraph">${t('auth.intro')}</p>
      ${errorSummary(this.renderRoot, t('auth.error.heading'), entries)}
      <form novalidate @submit=${this.#submit}>
        <div class="ds-field">
          <label class="ds-label" for="email">${t('auth.email')}</label>
          <input class="ds-input" id="email" name="email" type="email" autocomplete="username"
            inputmode="email" spellcheck="false" required
            aria-invalid=${email.invalid} aria-describedby=${email.describedBy} />
          ${fieldError(this.#errors, 'email')}
        </div>
        <div class="ds-field">
          <label class="ds-label" for="password">${t('auth.password')}</label>
          <input class="ds-input" id="password" name="password" type="password"
            autocomplete="current-password" required
            aria-invalid=${password.invalid} aria-describedby=${password.describedBy} />
          ${fieldError(this.#errors, 'password')}
        </div>
        <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
          ${this.#busy ? t('auth.signingIn') : t('auth.submit')}
        </button>
      </form>
    </div>`
  }

  override updated() {
    this.announcePageTitle(this.i18n.t('auth.title'))
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault()
    if (this.#busy) return
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const input = {
      email: String(data.get('email') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    }
    const parsed = LoginRequest.safeParse(input)
    this.#failure = null
    this.#errors = parsed.success ? new Map() : zodFieldErrors(parsed.error, this.i18n, input)
    if (!parsed.success) return this.focusAfterRender('[data-error-summary]')
    const api = this.#api.value
    if (!api) return
    this.#busy = true
    this.requestUpdate()
    try {
      await api.login(parsed.data.email, parsed.data.password)
      this.dispatchEvent(new SessionChangeEvent())
      this.dispatchEvent(new NavigateEvent(this.next || paths.overview()))
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0
      const t = this.i18n.t.bind(this.i18n)
      this.#failure =
        status === 401
          ? t('auth.error.invalid')
          : status === 429
            ? t('auth.error.throttled')
            : t('auth.error.other')
      await this.focusAfterRender('[data-error-summary]')
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }
}
customElements.define('login-page', LoginPage)

declare global {
  interface HTMLElementTagNameMap {
    'login-page': LoginPage
  }
}
