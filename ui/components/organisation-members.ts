import { ContextConsumer } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { MEMBERSHIP_ROLES, MemberAdd } from '../../schema/admin.ts'
import { ApiError, type Member } from '../api/client.ts'
import { type Refusals, refusal } from '../api/refusal.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, sessionContext } from '../context.ts'
import { SessionChangeEvent } from '../events.ts'
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
  codes: { last_admin: 'account.members.lastAdmin' },
  statuses: { 403: 'account.members.forbidden', 401: 'account.error.signedOut' },
}

type Role = (typeof MEMBERSHIP_ROLES)[number]

/**
 * An organisation's members, for its administrators (and system administrators): change a
 * member's role, remove a member (after a confirmation), and add or invite someone by e-mail.
 * @fires session-change - when the user changed their own membership
 */
export class OrganisationMembers extends AppElement {
  static override properties = { organisationId: {}, organisationName: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      .rows {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .rows > li {
        align-items: end;
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
      .who {
        flex: 1 1 14rem;
        min-width: 0;
      }
      .name {
        font-weight: var(--ds-font-weight-semibold);
      }
      .actions {
        align-items: end;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2);
      }
      .actions select {
        width: auto;
      }
      h3 {
        margin-block: var(--ds-size-8) var(--ds-size-4);
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

  /** The organisation whose members are shown. */
  declare organisationId: string
  /** Its name, for the texts. */
  declare organisationName: string

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #status = ''
  #busy = false

  readonly #members = new Task(this, {
    task: async ([api, id], { signal }) => (api && id ? (await api.members(id, signal)).items : []),
    args: () => [this.#api.value, this.organisationId] as const,
  })

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`
      ${taskView(this.#members, (members) => this.#list(members), { loading: t('account.members.loading') })}
      <p class="ds-paragraph" role="status" tabindex="-1" data-status>${this.#status}</p>
      ${this.#form()}
      <confirm-dialog danger .heading=${t('account.members.removeTitle')}
        .confirmLabel=${t('account.members.remove')}></confirm-dialog>
    `
  }

  #list(members: readonly Member[]) {
    const t = this.i18n.t.bind(this.i18n)
    if (members.length === 0) return html`<p class="ds-paragraph">${t('account.members.none')}</p>`
    return html`<ul class="rows" aria-label=${t('account.members.listLabel')}>
      ${members.map(
        (m) => html`<li>
          <div class="who">
            <p class="ds-paragraph name">${m.name}</p>
            <p class="ds-paragraph muted" data-size="sm">
              ${m.email} · ${t('account.members.since', { date: this.i18n.day(m.since) })}
            </p>
          </div>
          <div class="actions">
            <div class="ds-field">
              <label class="ds-label" data-size="sm" for="role-${m.userId}">
                ${t('account.members.roleOf', { name: m.name })}
              </label>
              <select class="ds-input" data-size="sm" id="role-${m.userId}"
                @change=${(e: Event) => this.#changeRole(m, (e.target as HTMLSelectElement).value as Role)}>
                ${MEMBERSHIP_ROLES.map(
                  (role) => html`<option value=${role} ?selected=${role === m.role}>
                    ${t(`account.membership.${role}`)}
                  </option>`
                )}
              </select>
            </div>
            <button class="ds-button" data-variant="secondary" data-color="danger" data-size="sm"
              type="button" @click=${(e: Event) => this.#remove(e, m)}>
              ${t('account.members.removeNamed', { name: m.name })}
            </button>
          </div>
        </li>`
      )}
    </ul>`
  }

  #form() {
    const t = this.i18n.t.bind(this.i18n)
    const label: Record<string, string> = {
      'member-email': t('account.email'),
      'member-name': t('account.name'),
      'member-role': t('account.members.role'),
    }
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({ id, text: `${label[id] ?? id}: ${message}` })),
    ]
    const email = invalid(this.#errors, 'member-email', 'member-email-hint')
    const name = invalid(this.#errors, 'member-name')
    return html`<h3 class="ds-heading" data-size="xs" id="add-member">${t('account.members.add')}</h3>
      ${errorSummary(this.renderRoot, t('account.members.error'), entries)}
      <form novalidate aria-labelledby="add-member" @submit=${this.#add}>
        <div class="ds-field">
          <label class="ds-label" for="member-email">${t('account.email')}</label>
          <div class="ds-field__description" id="member-email-hint">${t('account.members.emailHint')}</div>
          <input class="ds-input" id="member-email" name="email" type="email" autocomplete="off"
            spellcheck="false" aria-invalid=${email.invalid} aria-describedby=${email.describedBy} />
          ${fieldError(this.#errors, 'member-email')}
        </div>
        <div class="ds-field">
          <label class="ds-label" for="member-name">${t('account.name')}</label>
          <input class="ds-input" id="member-name" name="name" autocomplete="off"
            aria-invalid=${name.invalid} aria-describedby=${name.describedBy} />
          ${fieldError(this.#errors, 'member-name')}
        </div>
        <div class="ds-field">
          <label class="ds-label" for="member-role">${t('account.members.role')}</label>
          <select class="ds-input" id="member-role" name="role">
            ${MEMBERSHIP_ROLES.map((role) => html`<option value=${role}>${t(`account.membership.${role}`)}</option>`)}
          </select>
        </div>
        <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
          ${t('account.members.addSubmit')}
        </button>
      </form>`
  }

  async #add(event: SubmitEvent) {
    event.preventDefault()
    const api = this.#api.value
    if (this.#busy || !api) return
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    const input = {
      email: String(data.get('email') ?? '').trim(),
      name: String(data.get('name') ?? '').trim(),
      role: String(data.get('role') ?? 'member'),
    }
    const parsed = MemberAdd.safeParse(input)
    this.#failure = null
    this.#errors = new Map()
    if (!parsed.success) {
      for (const [id, message] of zodFieldErrors(parsed.error, this.i18n, input))
        this.#errors.set(`member-${id}`, message)
      return this.focusAfterRender('[data-error-summary]')
    }
    this.#busy = true
    this.requestUpdate()
    try {
      const members = await api.addMember(this.organisationId, parsed.data)
      this.#members.run()
      form.reset()
      const added = members.items.find((m) => m.email === parsed.data.email)
      this.#status = this.i18n.t('account.members.added', { name: added?.name ?? parsed.data.name })
      await this.focusAfterRender('[data-status]')
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null
      for (const [id, message] of serverFieldErrors(problem, this.i18n))
        this.#errors.set(`member-${id}`, message)
      if (problem?.code === 'already_member')
        this.#errors.set('member-email', this.i18n.t('account.members.already'))
      if (this.#errors.size === 0) this.#failure = refusal(error, this.i18n, REFUSALS)
      await this.focusAfterRender('[data-error-summary]')
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }

  async #changeRole(member: Member, role: Role) {
    const api = this.#api.value
    if (!api) return
    try {
      await api.changeMember(this.organisationId, member.userId, role)
      this.#status = this.i18n.t('account.members.roleChanged', {
        name: member.name,
        role: this.i18n.t(`account.membership.${role}`).toLocaleLowerCase(this.i18n.locale),
      })
      if (member.userId === this.#session.value?.user.id)
        this.dispatchEvent(new SessionChangeEvent())
    } catch (error) {
      this.#status = refusal(error, this.i18n, REFUSALS)
    }
    await this.#members.run()
    this.requestUpdate()
  }

  async #remove(event: Event, member: Member) {
    const api = this.#api.value
    const dialog = this.renderRoot.querySelector<ConfirmDialog>('confirm-dialog')
    if (!api || !dialog) return
    dialog.message = this.i18n.t('account.members.removeMessage', {
      name: member.name,
      organisation: this.organisationName,
    })
    if (!(await dialog.ask(event.currentTarget as HTMLElement))) return
    try {
      await api.removeMember(this.organisationId, member.userId)
      this.#status = this.i18n.t('account.members.removed', { name: member.name })
      if (member.userId === this.#session.value?.user.id)
        this.dispatchEvent(new SessionChangeEvent())
    } catch (error) {
      this.#status = refusal(error, this.i18n, REFUSALS)
    }
    await this.#members.run()
    // The member's row is gone: the status message takes focus and says what happened.
    await this.focusAfterRender('[data-status]')
  }
}
customElements.define('organisation-members', OrganisationMembers)

declare global {
  interface HTMLElementTagNameMap {
    'organisation-members': OrganisationMembers
  }
}
