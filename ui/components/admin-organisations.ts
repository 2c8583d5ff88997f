import { ContextConsumer } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { LANGUAGE_FORMS, ORGANISATION_KINDS, type OrganisationKind } from '../../schema/enums.ts'
import { OrganisationCreate } from '../../schema/organisation.ts'
import { ApiError, type Organisation } from '../api/client.ts'
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
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'

/** The registry's organisations, page by page, and a form to register one (system administrators). */
export class AdminOrganisations extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      .rows {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .rows > li {
        border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        padding-block: var(--ds-size-2);
      }
      .rows p {
        margin: 0;
      }
      .more {
        margin-top: var(--ds-size-4);
      }
      h3 {
        margin-block: var(--ds-size-10) var(--ds-size-4);
      }
      form {
        max-width: 32rem;
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
  #loaded: Organisation[] = []
  #cursor: string | null = null
  #kind: OrganisationKind = 'municipality'
  #errors: FieldErrors = new Map()
  #failure: string | null = null
  #created: Organisation | null = null
  #busy = false

  readonly #organisations = new Task(this, {
    task: async ([api, cursor], { signal }) => {
      if (!api) return { items: [], nextCursor: null }
      const page = await api.organisations({ cursor, limit: 50 }, signal)
      this.#loaded = cursor ? [...this.#loaded, ...page.items] : page.items
      return page
    },
    args: () => [this.#api.value, this.#cursor] as const,
  })

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`
      ${this.#form()}
      <h3 class="ds-heading" data-size="xs" id="org-list">${t('account.admin.orgs.list')}</h3>
      ${taskView(this.#organisations, (page) => this.#list(page.nextCursor))}
    `
  }

  #list(nextCursor: string | null) {
    const t = this.i18n.t.bind(this.i18n)
    return html`<ul class="rows" aria-labelledby="org-list">
        ${this.#loaded.map(
          (org) => html`<li>
            <p class="ds-paragraph">
              <a class="ds-link" href=${paths.organisation(org.id)}>${org.name}</a>
            </p>
            <p class="ds-paragraph muted" data-size="sm">
              ${this.i18n.label('orgKind', org.kind)} · ${t('account.admin.orgs.orgNumberShort', { number: org.orgNumber })}
            </p>
          </li>`
        )}
      </ul>
      ${
        nextCursor
          ? html`<button class="ds-button more" data-variant="secondary" type="button"
              @click=${() => {
                this.#cursor = nextCursor
                this.requestUpdate()
              }}>${t('account.admin.orgs.more')}</button>`
          : nothing
      }`
  }

  #form() {
    const t = this.i18n.t.bind(this.i18n)
    const label: Record<string, string> = {
      orgNumber: t('account.organisation.orgNumber'),
      name: t('account.admin.orgs.name'),
      kind: t('account.organisation.kind'),
      municipalityNumber: t('account.admin.orgs.municipalityNumber'),
      countyNumber: t('account.admin.orgs.countyNumber'),
      languageForm: t('account.admin.orgs.languageForm'),
    }
    const entries = [
      ...(this.#failure ? [{ id: null, text: this.#failure }] : []),
      ...[...this.#errors].map(([id, message]) => ({ id, text: `${label[id] ?? id}: ${message}` })),
    ]
    const text = (
      id: string,
      hint?: string,
      attrs: { inputmode?: string; maxlength?: number } = {}
    ) => {
      const state = invalid(this.#errors, id, hint ? `${id}-hint` : undefined)
      return html`<div class="ds-field">
        <label class="ds-label" for=${id}>${label[id]}</label>
        ${hint ? html`<div class="ds-field__description" id="${id}-hint">${hint}</div>` : nothing}
        <input class="ds-input" id=${id} name=${id} autocomplete="off"
          inputmode=${attrs.inputmode ?? nothing} maxlength=${attrs.maxlength ?? nothing}
          aria-invalid=${state.invalid} aria-describedby=${state.describedBy} />
        ${fieldError(this.#errors, id)}
      </div>`
    }
    return html`
      ${
        this.#created
          ? html`<div class="ds-alert" data-color="success" tabindex="-1" data-created>
              <p class="ds-paragraph">
                ${t('account.admin.orgs.created', { name: this.#created.name })}
                <a class="ds-link" href=${paths.organisation(this.#created.id)}>${t('account.admin.orgs.open')}</a>
              </p>
            </div>`
          : nothing
      }
      <h3 class="ds-heading" data-size="xs" id="new-org">${t('account.admin.orgs.new')}</h3>
      ${errorSummary(this.renderRoot, t('account.admin.orgs.error'), entries)}
      <form novalidate aria-labelledby="new-org" @submit=${this.#submit}>
        ${text('orgNumber', t('account.admin.orgs.orgNumberHint'), { inputmode: 'numeric', maxlength: 9 })}
        ${text('name')}
        <div class="ds-field">
          <label class="ds-label" for="kind">${label.kind}</label>
          <select class="ds-input" id="kind" name="kind"
            @change=${(e: Event) => {
              this.#kind = (e.target as HTMLSelectElement).value as OrganisationKind
              this.requestUpdate()
            }}>
            ${ORGANISATION_KINDS.map(
              (kind) => html`<option value=${kind} ?selected=${kind === this.#kind}>
                ${this.i18n.label('orgKind', kind)}
              </option>`
            )}
          </select>
        </div>
        ${
          this.#kind === 'county'
            ? text('countyNumber', t('account.admin.orgs.countyHint'), {
                inputmode: 'numeric',
                maxlength: 2,
              })
            : text(
                'municipalityNumber',
                t(
                  this.#kind === 'municipality'
                    ? 'account.admin.orgs.municipalityHint'
                    : 'account.admin.orgs.municipalityOptional'
                ),
                { inputmode: 'numeric', maxlength: 4 }
              )
        }
        <div class="ds-field">
          <label class="ds-label" for="languageForm">${label.languageForm}</label>
          <select class="ds-input" id="languageForm" name="languageForm">
            ${LANGUAGE_FORMS.map((form) => html`<option value=${form}>${t(`account.admin.orgs.language.${form}`)}</option>`)}
          </select>
        </div>
        <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
          ${t('account.admin.orgs.submit')}
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
    const value = (name: string) => String(data.get(name) ?? '').trim()
    const input = {
      orgNumber: value('orgNumber').replace(/\s/g, ''),
      name: value('name'),
      kind: value('kind'),
      ...(value('municipalityNumber') ? { municipalityNumber: value('municipalityNumber') } : {}),
      ...(value('countyNumber') ? { countyNumber: value('countyNumber') } : {}),
      languageForm: value('languageForm') || 'nb',
    }
    this.#failure = null
    this.#created = null
    const parsed = OrganisationCreate.safeParse(input)
    if (!parsed.success) {
      this.#errors = zodFieldErrors(parsed.error, this.i18n, input)
      // The schema's own rules, in words: the check digit, and what a kind of organisation needs.
      for (const issue of parsed.error.issues) {
        if (issue.code !== 'custom') continue
        const field = String(issue.path[0])
        if (field === 'orgNumber') this.#errors.set(field, t('account.admin.orgs.orgNumberInvalid'))
        else if (field === 'countyNumber' && input.countyNumber)
          this.#errors.set(field, t('account.admin.orgs.countyMismatch'))
        else this.#errors.set(field, t('form.error.required'))
      }
      return this.focusAfterRender('[data-error-summary]')
    }
    this.#errors = new Map()
    this.#busy = true
    this.requestUpdate()
    try {
      this.#created = await api.createOrganisation(parsed.data)
      form.reset()
      this.#kind = 'municipality'
      this.#cursor = null
      this.#organisations.run()
      await this.focusAfterRender('[data-created]')
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null
      this.#errors = serverFieldErrors(problem, this.i18n)
      for (const e of problem?.errors ?? []) {
        if (e.field === 'orgNumber' && e.code === 'taken')
          this.#errors.set('orgNumber', t('account.admin.orgs.taken'))
        else if (e.code === 'unknown' || e.field === 'municipalityNumber')
          this.#errors.set(e.field, t('account.admin.orgs.unknownNumber'))
      }
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
customElements.define('admin-organisations', AdminOrganisations)

declare global {
  interface HTMLElementTagNameMap {
    'admin-organisations': AdminOrganisations
  }
}
