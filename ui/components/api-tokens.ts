import { ContextConsumer } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { TokenCreate } from '../../schema/auth.ts'
import { ApiError, type ApiToken, type CreatedToken } from '../api/client.ts'
import { type Refusals, refusal } from '../api/refusal.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import {
  errorSummary,
  type FieldErrors,
  fieldError,
  invalid,
  serverFieldErrors,
  zodFieldErrors,
} from '../forms/field-errors.ts'
import { taskView } from '../task-view.ts'
import type { ConfirmDialog } from './confirm-dialog.ts'
import './confirm-dialog.ts'

const REFUSALS: Refusals = {
  statuses: { 403: 'account.tokens.error.forbidden', 401: 'account.error.signedOut' },
}

const EXPIRY_DAYS = ['30', '90', '365', '730', 'never'] as const

/**
 * The signed-in user's API tokens: the list, a form to create one (its secret shown once, with a
 * button to copy it), and revoking with a confirmation.
 */
export class ApiTokens extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      .rows {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .rows > li {
        align-items: center;
        border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2) var(--ds-size-4);
        justify-content: space-between;
        padding-block: var(--ds-size-3);
      }
      .rows p {
        margin: 0;
      }
      .name {
        font-weight: var(--ds-font-weight-semibold);
      }
      form > * + *,
      .secret > * + * {
        margin-top: var(--ds-size-5);
      }
      .secret {
        margin-block: var(--ds-size-6);
      }
      .copy-row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2);
      }
      .copy-row input {
        flex: 1 1 16rem;
        font-family: ui-monospace, monospace;
        min-width: 0;
      }
      .ds-fieldset .ds-field + .ds-field {
        margin-top: var(--ds-size-2);
      }
      h3 {
        margin-block: var(--ds-size-8) var(--ds-size-4);
      }
      form {
        max-width: 36rem;
      }
      .secret h3 {
        margin-top: 0;
        overflow-wrap: anywhere;
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #created: CreatedToken | null = null
  #copied = false
  #busy = false
  #status = ''

  readonly #tokens = new Task(this, {
    task: async ([api], { signal }) => (api ? (await api.tokens(signal)).items : []),
    args: () => [this.#api.value] as const,
  })

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`
      <p class="ds-paragraph">${t('account.tokens.intro')}</p>
      ${this.#secret()}
      ${taskView(this.#tokens, (tokens) => this.#list(tokens), { loading: t('account.tokens.loading') })}
      ${this.#form()}
      <p class="ds-sr-only" role="status">${this.#status}</p>
      <confirm-dialog danger .heading=${t('account.tokens.revokeTitle')}
        .confirmLabel=${t('account.tokens.revoke')}></confirm-dialog>
    `
  }

  #list(tokens: readonly ApiToken[]) {
    const t = this.i18n.t.bind(this.i18n)
    if (tokens.length === 0)
      return html`<p class="ds-paragraph muted">${t('account.tokens.none')}</p>`
    return html`<ul class="rows" aria-label=${t('account.tokens.listLabel')} tabindex="-1" data-list>
      ${tokens.map(
        (token) => html`<li>
        <div>
          <p class="ds-paragraph name">${token.name}</p>
          <p class="ds-paragraph muted" data-size="sm">${this.#describe(token)}</p>
        </div>
        ${
          token.revokedAt
            ? html`<span class="ds-tag" data-color="neutral">${t('account.tokens.revoked')}</span>`
            : html`<button class="ds-button" data-variant="secondary" data-color="danger"
                data-size="sm" type="button" @click=${(e: Event) => this.#revoke(e, token)}>
                ${t('account.tokens.revokeNamed', { name: token.name })}
              </button>`
        }
      </li>`
      )}
    </ul>`
  }

  #describe(token: ApiToken): string {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const scopes = token.scopes.map((s) => t(`account.tokens.scope.${s}`)).join(', ')
    const parts = [
      t('account.tokens.scopes', { scopes }),
      t('account.tokens.created', { date: i18n.day(token.createdAt) }),
      token.expiresAt
        ? t('account.tokens.expires', { date: i18n.day(token.expiresAt) })
        : t('account.tokens.neverExpires'),
      token.lastUsedAt
        ? t('account.tokens.lastUsed', { date: i18n.day(token.lastUsedAt) })
        : t('account.tokens.neverUsed'),
    ]
    return parts.join(' · ')
  }

  #secret() {
    const t = this.i18n.t.bind(this.i18n)
    if (!this.#created) return nothing
    return html`<section class="secret ds-alert" data-color="warning" tabindex="-1" data-secret
      aria-labelledby="secret-heading">
      <h3 class="ds-heading" data-size="xs" id="secret-heading">
        ${t('account.tokens.secretTitle', { name: this.#created.token.name })}
      </h3>
      <p class="ds-paragraph">${t('account.tokens.secretWarning')}</p>
      <div class="ds-field">
        <label class="ds-label" for="token-secret">${t('account.tokens.secretLabel')}</label>
        <div class="copy-row">
          <input class="ds-input" id="token-secret" readonly .value=${this.#created.secret}
            spellcheck="false" autocomplete="off" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
          <button class="ds-button" type="button" @click=${this.#copy}>
            ${this.#copied ? t('account.tokens.copied') : t('account.tokens.copy')}
          </button>
        </div>
      </div>
      <p class="ds-paragraph" data-size="sm">${t('account.tokens.secretUse')}</p>
      <button class="ds-button" data-variant="tertiary" type="button" @click=${this.#dismiss}>
        ${t('account.tokens.secretDone')}
      </button>
    </section>`
  }

  #form() {
    const t = this.i18n.t.bind(this.i18n)
    const name = invalid(this.#errors, 'token-name')
    const scopes = invalid(this.#errors, 'token-scopes')
    const label: Record<string, string> = {
      'token-name': t('account.tokens.name'),
      'token-scopes': t('account.tokens.scopesLabel'),
      'token-expiresInDays': t('account.tokens.expiry'),
    }
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({
        id: id === 'token-scopes' ? 'token-scope-read' : id,
        text: `${label[id] ?? id}: ${message}`,
      })),
    ]
    return html`<h3 class="ds-heading" data-size="xs" id="new-token">${t('account.tokens.new')}</h3>
      ${errorSummary(this.renderRoot, t('account.tokens.error'), entries)}
      <form novalidate aria-labelledby="new-token" @submit=${this.#submit}>
        <div class="ds-field">
          <label class="ds-label" for="token-name">${t('account.tokens.name')}</label>
          <div class="ds-field__description" id="token-name-hint">${t('account.tokens.nameHint')}</div>
          <input class="ds-input" id="token-name" name="name" maxlength="100" autocomplete="off"
            aria-invalid=${name.invalid}
            aria-describedby=${invalid(this.#errors, 'token-name', 'token-name-hint').describedBy} />
          ${fieldError(this.#errors, 'token-name')}
        </div>
        <fieldset class="ds-fieldset" aria-describedby=${scopes.describedBy}>
          <legend class="ds-label">${t('account.tokens.scopesLabel')}</legend>
          ${(['read', 'write'] as const).map(
            (scope) => html`<div class="ds-field">
              <input class="ds-input" type="checkbox" id="token-scope-${scope}" name="scopes"
                value=${scope} ?checked=${scope === 'read'} aria-invalid=${scopes.invalid} />
              <label class="ds-label" data-weight="regular" for="token-scope-${scope}">
                ${t(`account.tokens.scopeLong.${scope}`)}
              </label>
            </div>`
          )}
          ${fieldError(this.#errors, 'token-scopes')}
        </fieldset>
        <div class="ds-field">
          <label class="ds-label" for="token-expiresInDays">${t('account.tokens.expiry')}</label>
          <select class="ds-input" id="token-expiresInDays" name="expiresInDays">
            ${EXPIRY_DAYS.map(
              (days) => html`<option value=${days} ?selected=${days === '90'}>
                ${days === 'never' ? t('account.tokens.expiryNever') : t('account.tokens.expiryDays', { days })}
              </option>`
            )}
          </select>
        </div>
        <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
          ${t('account.tokens.create')}
        </button>
      </form>`
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault()
    const api = this.#api.value
    if (this.#busy || !api) return
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    const days = String(data.get('expiresInDays') ?? 'never')
    const input = {
      name: String(data.get('name') ?? '').trim(),
      scopes: data.getAll('scopes').map(String),
      ...(days === 'never' ? {} : { expiresInDays: Number(days) }),
    }
    const parsed = TokenCreate.safeParse(input)
    this.#failure = null
    this.#errors = new Map()
    if (!parsed.success) {
      for (const [id, message] of zodFieldErrors(parsed.error, this.i18n, input))
        this.#errors.set(`token-${id.split('-')[0]}`, message)
      return this.focusAfterRender('[data-error-summary]')
    }
    this.#busy = true
    this.requestUpdate()
    try {
      this.#created = await api.createToken(parsed.data)
      this.#copied = false
      form.reset()
      this.#tokens.run()
      await this.focusAfterRender('[data-secret]')
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null
      for (const [id, message] of serverFieldErrors(problem, this.i18n))
        this.#errors.set(`token-${id.split('-')[0]}`, message)
      if (this.#errors.size === 0) this.#failure = refusal(error, this.i18n, REFUSALS)
      await this.focusAfterRender('[data-error-summary]')
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }

  async #copy() {
    const secret = this.#created?.secret
    if (!secret) return
    try {
      await navigator.clipboard.writeText(secret)
      this.#copied = true
      this.#status = this.i18n.t('account.tokens.copied')
    } catch {
      // No clipboard (an insecure origin, or refused): the field is selected for Ctrl+C instead.
      this.renderRoot.querySelector<HTMLInputElement>('#token-secret')?.select()
      this.#status = this.i18n.t('account.tokens.copyManually')
    }
    this.requestUpdate()
  }

  async #dismiss() {
    this.#created = null
    this.#status = ''
    await this.focusAfterRender('#token-name')
  }

  async #revoke(event: Event, token: ApiToken) {
    const api = this.#api.value
    const dialog = this.renderRoot.querySelector<ConfirmDialog>('confirm-dialog')
    if (!api || !dialog) return
    dialog.message = this.i18n.t('account.tokens.revokeMessage', { name: token.name })
    if (!(await dialog.ask(event.currentTarget as HTMLElement))) return
    try {
      await api.revokeToken(token.id)
      // A secret still on show is worth nothing now: it goes.
      if (this.#created?.token.id === token.id) this.#created = null
      this.#status = this.i18n.t('account.tokens.revokedNamed', { name: token.name })
    } catch (error) {
      this.#status = refusal(error, this.i18n, REFUSALS)
    }
    await this.#tokens.run()
    // The revoke button is gone with the token's new state: the list takes focus instead.
    await this.focusAfterRender('[data-list]')
  }
}
customElements.define('api-tokens', ApiTokens)

declare global {
  interface HTMLElementTagNameMap {
    'api-tokens': ApiTokens
  }
}
