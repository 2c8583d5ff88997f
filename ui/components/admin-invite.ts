import { ContextConsumer } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { MEMBERSHIP_ROLES, MemberAdd } from '../../schema/admin.ts'
import { Uuid } from '../../schema/common.ts'
import { ApiError } from '../api/client.ts'
import { refusal } from '../api/refusal.ts'
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

/**
 * Creates a user by inviting them into an organisation (system administrators): an account
 * without a password, which they set when they first sign in with single sign-on or get one.
 * @fires user-invited - after an invitation, so the list of users can load again
 */
export class AdminInvite extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      form {
        max-width: 32rem;
      }
      form > * + * {
        margin-top: var(--ds-size-5);
      }
      .ds-error-summary,
      .ds-alert {
        margin-bottom: var(--ds-size-5);
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #done: string | null = null
  #busy = false

  readonly #organisations = new Task(this, {
    task: async ([api], { signal }) =>
      api ? (await api.organisations({ limit: 100 }, signal)).items : [],
    args: () => [this.#api.value] as const,
  })

  override render() {
    return taskView(this.#organisations, (orgs) => this.#form(orgs))
  }

  #form(orgs: readonly { id: string; name: string }[]) {
    const t = this.i18n.t.bind(this.i18n)
    const label: Record<string, string> = {
      'invite-organisation': t('account.admin.invite.organisation'),
      'invite-email': t('account.email'),
      'invite-name': t('account.name'),
      'invite-role': t('account.members.role'),
    }
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({ id, text: `${label[id] ?? id}: ${message}` })),
    ]
    const state = (id: string) => invalid(this.#errors, id)
    return html`
      ${this.#done ? html`<div class="ds-alert" data-color="success" tabindex="-1" data-done><p class="ds-paragraph">${this.#done}</p></div>` : nothing}
      ${errorSummary(this.renderRoot, t('account.admin.invite.error'), entries)}
      <form novalidate aria-label=${t('account.admin.invite.title')} @submit=${this.#submit}>
        <div class="ds-field">
          <label class="ds-label" for="invite-organisation">${label['invite-organisation']}</label>
          <select class="ds-input" id="invite-organisation" name="organisation"
            aria-invalid=${state('invite-organisation').invalid}
            aria-describedby=${state('invite-organisation').describedBy}>
            <option value="">${t('account.admin.invite.choose')}</option>
            ${orgs.map((o) => html`<option value=${o.id}>${o.name}</option>`)}
          </select>
          ${fieldError(this.#errors, 'invite-organisation')}
        </div>
        <div class="ds-field">
          <label class="ds-label" for="invite-email">${label['invite-email']}</label>
          <input class="ds-input" id="invite-email" name="email" type="email" autocomplete="off"
            spellcheck="false" aria-invalid=${state('invite-email').invalid}
            aria-describedby=${state('invite-email').describedBy} />
          ${fieldError(this.#errors, 'invite-email')}
        </div>
        <div class="ds-field">
          <label class="ds-label" for="invite-name">${label['invite-name']}</label>
          <input class="ds-input" id="invite-name" name="name" autocomplete="off"
            aria-invalid=${state('invite-name').invalid}
            aria-describedby=${state('invite-name').describedBy} />
          ${fieldError(this.#errors, 'invite-name')}
        </div>
        <div class="ds-field">
          <label class="ds-label" for="invite-role">${label['invite-role']}</label>
          <select class="ds-input" id="invite-role" name="role">
            ${MEMBERSHIP_ROLES.map((role) => html`<option value=${role}>${t(`account.membership.${role}`)}</option>`)}
          </select>
        </div>
        <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
          ${t('account.admin.invite.submit')}
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
    const organisationId = String(data.get('organisation') ?? '')
    const input = {
      email: String(data.get('email') ?? '').trim(),
      name: String(data.get('name') ?? '').trim(),
      role: String(data.get('role') ?? 'member'),
    }
    const parsed = MemberAdd.safeParse(input)
    this.#errors = new Map()
    this.#failure = null
    this.#done = null
    if (!Uuid.safeParse(organisationId).success)
      this.#errors.set('invite-organisation', t('form.error.choose'))
    if (!parsed.success)
      for (const [id, message] of zodFieldErrors(parsed.error, this.i18n, input))
        this.#errors.set(`invite-${id}`, message)
    if (!parsed.success || this.#errors.size) return this.focusAfterRender('[data-error-summary]')
    this.#busy = true
    this.requestUpdate()
    try {
      await api.addMember(organisationId, parsed.data)
      const organisation =
        form.querySelector<HTMLSelectElement>('#invite-organisation')?.selectedOptions[0]?.text
      this.#done = t('account.admin.invite.done', {
        name: parsed.data.name,
        organisation: organisation?.trim() ?? '',
      })
      form.reset()
      this.dispatchEvent(new Event('user-invited', { bubbles: true, composed: true }))
      await this.focusAfterRender('[data-done]')
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null
      for (const [id, message] of serverFieldErrors(problem, this.i18n))
        this.#errors.set(`invite-${id}`, message)
      if (problem?.code === 'already_member')
        this.#errors.set('invite-email', t('account.members.already'))
      if (this.#errors.size === 0)
        this.#failure = refusal(error, this.i18n, {
          statuses: { 403: 'account.admin.forbidden' },
        })
      await this.focusAfterRender('[data-error-summary]')
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }
}
customElements.define('admin-invite', AdminInvite)

declare global {
  interface HTMLElementTagNameMap {
    'admin-invite': AdminInvite
  }
}
