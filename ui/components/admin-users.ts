import { ContextConsumer } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import type { UserSummary } from '../api/client.ts'
import { type Refusals, refusal } from '../api/refusal.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, sessionContext } from '../context.ts'
import { taskView } from '../task-view.ts'
import type { ConfirmDialog } from './confirm-dialog.ts'
import './confirm-dialog.ts'

const REFUSALS: Refusals = {
  statuses: { 403: 'account.admin.forbidden', 401: 'account.error.signedOut' },
}

/**
 * The registry's users, for system administrators: search, make or unmake an evaluator,
 * deactivate or reactivate an account, and download or erase what the registry holds on a person.
 */
export class AdminUsers extends AppElement {
  static override properties = { refresh: { type: Number } }
  static override styles = [
    ...AppElement.styles,
    css`
      .search {
        align-items: end;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2);
        margin-block: var(--ds-size-5) var(--ds-size-4);
      }
      .search .ds-field {
        flex: 1 1 16rem;
      }
      .rows {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .rows > li {
        border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        padding-block: var(--ds-size-3);
      }
      .rows > li > * + * {
        margin-top: var(--ds-size-2);
      }
      .rows p {
        margin: 0;
      }
      .name {
        font-weight: var(--ds-font-weight-semibold);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2);
      }
      .more {
        margin-top: var(--ds-size-4);
      }
    `,
  ]

  /** Raise it to load the list again (after a user was invited elsewhere on the page). */
  declare refresh: number

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  #q = ''
  #cursor: string | null = null
  #loaded: UserSummary[] = []
  #status = ''

  readonly #users = new Task(this, {
    task: async ([api, q, cursor, _refresh], { signal }) => {
      if (!api) return { items: [], nextCursor: null }
      const page = await api.users({ q, cursor, limit: 50 }, signal)
      this.#loaded = cursor ? [...this.#loaded, ...page.items] : page.items
      return page
    },
    args: () => [this.#api.value, this.#q, this.#cursor, this.refresh] as const,
  })

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`
      <p class="ds-paragraph">${t('account.admin.users.intro')}</p>
      <form class="search" role="search" @submit=${this.#search}>
        <div class="ds-field">
          <label class="ds-label" for="user-q">${t('account.admin.users.search')}</label>
          <input class="ds-input" id="user-q" name="q" type="search" autocomplete="off" .value=${this.#q} />
        </div>
        <button class="ds-button" data-variant="secondary" type="submit">${t('account.admin.users.find')}</button>
      </form>
      <p class="ds-paragraph" role="status" tabindex="-1" data-status>${this.#status}</p>
      ${taskView(this.#users, (page) => this.#list(page.nextCursor))}
      <confirm-dialog danger></confirm-dialog>
    `
  }

  #list(nextCursor: string | null) {
    const t = this.i18n.t.bind(this.i18n)
    if (this.#loaded.length === 0)
      return html`<p class="ds-paragraph">${t('account.admin.users.none')}</p>`
    const me = this.#session.value?.user.id
    return html`<ul class="rows" aria-label=${t('account.admin.users.listLabel')}>
        ${this.#loaded.map(
          (user) => html`<li>
            <p class="ds-paragraph name">${user.name}</p>
            <p class="ds-paragraph muted" data-size="sm">
              ${user.email} ·
              ${
                user.lastLoginAt
                  ? t('account.admin.users.lastLogin', { date: this.i18n.day(user.lastLoginAt) })
                  : t('account.admin.users.neverLoggedIn')
              }
            </p>
            <ul class="tags" aria-label=${t('account.roles')}>
              ${user.systemAdmin ? html`<li class="ds-tag" data-color="accent">${t('account.role.system_admin')}</li>` : nothing}
              ${user.evaluator ? html`<li class="ds-tag" data-color="info">${t('account.role.evaluator')}</li>` : nothing}
              ${user.disabled ? html`<li class="ds-tag" data-color="danger">${t('account.admin.users.disabled')}</li>` : nothing}
            </ul>
            <div class="actions">
              <button class="ds-button" data-variant="secondary" data-size="sm" type="button"
                @click=${() => this.#patch(user, { evaluator: !user.evaluator })}>
                ${t(user.evaluator ? 'account.admin.users.unmakeEvaluator' : 'account.admin.users.makeEvaluator', { name: user.name })}
              </button>
              ${
                user.id === me
                  ? nothing
                  : html`<button class="ds-button" data-variant="secondary" data-size="sm"
                      data-color=${user.disabled ? nothing : 'danger'} type="button"
                      @click=${(e: Event) => this.#toggleDisabled(e, user)}>
                      ${t(user.disabled ? 'account.admin.users.enable' : 'account.admin.users.disable', { name: user.name })}
                    </button>`
              }
              <button class="ds-button" data-variant="tertiary" data-size="sm" type="button"
                @click=${() => this.#download(user)}>
                ${t('account.admin.users.export', { name: user.name })}
              </button>
              ${
                user.id === me
                  ? nothing
                  : html`<button class="ds-button" data-variant="tertiary" data-size="sm" data-color="danger"
                      type="button" @click=${(e: Event) => this.#erase(e, user)}>
                      ${t('account.admin.users.erase', { name: user.name })}
                    </button>`
              }
            </div>
          </li>`
        )}
      </ul>
      ${
        nextCursor
          ? html`<button class="ds-button more" data-variant="secondary" type="button"
              @click=${() => {
                this.#cursor = nextCursor
                this.requestUpdate()
              }}>${t('account.admin.users.more')}</button>`
          : nothing
      }`
  }

  #search(event: SubmitEvent) {
    event.preventDefault()
    this.#q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim()
    this.#cursor = null
    this.#status = ''
    this.requestUpdate()
  }

  async #patch(user: UserSummary, patch: { evaluator?: boolean; disabled?: boolean }) {
    const api = this.#api.value
    if (!api) return
    const t = this.i18n.t.bind(this.i18n)
    try {
      const changed = await api.patchUser(user.id, patch)
      this.#loaded = this.#loaded.map((u) => (u.id === changed.id ? changed : u))
      this.#status =
        patch.evaluator !== undefined
          ? t(
              changed.evaluator
                ? 'account.admin.users.isEvaluator'
                : 'account.admin.users.isNotEvaluator',
              { name: changed.name }
            )
          : t(
              changed.disabled ? 'account.admin.users.isDisabled' : 'account.admin.users.isEnabled',
              { name: changed.name }
            )
    } catch (error) {
      this.#status = refusal(error, this.i18n, REFUSALS)
    }
    this.requestUpdate()
  }

  async #toggleDisabled(event: Event, user: UserSummary) {
    if (!user.disabled) {
      const t = this.i18n.t.bind(this.i18n)
      const confirmed = await this.#confirm(event, {
        heading: t('account.admin.users.disableTitle'),
        message: t('account.admin.users.disableMessage', { name: user.name }),
        confirmLabel: t('account.admin.users.disableConfirm'),
      })
      if (!confirmed) return
    }
    await this.#patch(user, { disabled: !user.disabled })
  }

  async #download(user: UserSummary) {
    const api = this.#api.value
    if (!api) return
    try {
      const data = await api.personalData(user.email)
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = `personopplysninger-${user.email}.json`
      link.click()
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
      this.#status = this.i18n.t('account.admin.users.exported', { name: user.name })
    } catch (error) {
      this.#status = refusal(error, this.i18n, REFUSALS)
    }
    this.requestUpdate()
  }

  async #erase(event: Event, user: UserSummary) {
    const api = this.#api.value
    if (!api) return
    const t = this.i18n.t.bind(this.i18n)
    const confirmed = await this.#confirm(event, {
      heading: t('account.admin.users.eraseTitle'),
      message: t('account.admin.users.eraseMessage', { name: user.name, email: user.email }),
      confirmLabel: t('account.admin.users.eraseConfirm'),
    })
    if (!confirmed) return
    try {
      const result = await api.erasePersonalData(user.email)
      this.#status = t('account.admin.users.erased', {
        name: user.name,
        count: this.i18n.number(result.contactsRemoved),
      })
      this.#users.run()
    } catch (error) {
      this.#status = refusal(error, this.i18n, REFUSALS)
    }
    // The person's row has changed or gone: the status says what happened.
    await this.focusAfterRender('[data-status]')
  }

  async #confirm(event: Event, texts: { heading: string; message: string; confirmLabel: string }) {
    const dialog = this.renderRoot.querySelector<ConfirmDialog>('confirm-dialog')
    if (!dialog) return false
    Object.assign(dialog, texts)
    return dialog.ask(event.currentTarget as HTMLElement)
  }
}
customElements.define('admin-users', AdminUsers)

declare global {
  interface HTMLElementTagNameMap {
    'admin-users': AdminUsers
  }
}
