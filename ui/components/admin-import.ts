import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import { ApiError } from '../api/client.ts'
import { refusal } from '../api/refusal.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import { paths } from '../router.ts'

const MAX_BYTES = 1_000_000

/**
 * Imports pilots from a CSV file in the export's format: all rows or none. A refused file lists
 * every row and column at fault.
 */
export class AdminImport extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      form > * + * {
        margin-top: var(--ds-size-5);
      }
      .ds-alert {
        margin-top: var(--ds-size-5);
      }
      .ds-alert ul {
        margin-block: var(--ds-size-2) 0;
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })
  #fileError: string | null = null
  #problems: string[] = []
  #imported: string[] | null = null
  #busy = false

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const describedBy = ['import-hint', this.#fileError ? 'import-file-error' : '']
      .filter(Boolean)
      .join(' ')
    return html`
      <p class="ds-paragraph">
        ${t('account.admin.import.intro')}
        <a class="ds-link" href="/api/v1/export/pilots.csv" download>${t('account.admin.import.example')}</a>
      </p>
      <form novalidate @submit=${this.#submit} aria-label=${t('account.admin.import.title')}>
        <div class="ds-field">
          <label class="ds-label" for="import-file">${t('account.admin.import.file')}</label>
          <div class="ds-field__description" id="import-hint">${t('account.admin.import.hint')}</div>
          <input class="ds-input" id="import-file" name="file" type="file" accept=".csv,text/csv"
            aria-invalid=${this.#fileError ? 'true' : 'false'} aria-describedby=${describedBy} />
          ${this.#fileError ? html`<p class="ds-validation-message" data-field="validation" id="import-file-error">${this.#fileError}</p>` : nothing}
        </div>
        <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
          ${this.#busy ? t('account.admin.import.busy') : t('account.admin.import.submit')}
        </button>
      </form>
      ${
        this.#problems.length
          ? html`<div class="ds-alert" data-color="danger" tabindex="-1" data-result>
              <h4 class="ds-heading" data-size="2xs">${t('account.admin.import.refused')}</h4>
              <ul class="ds-list">${this.#problems.map((p) => html`<li>${p}</li>`)}</ul>
            </div>`
          : nothing
      }
      ${
        this.#imported
          ? html`<div class="ds-alert" data-color="success" tabindex="-1" data-result>
              <p class="ds-paragraph">${t('account.admin.import.done', { count: this.i18n.number(this.#imported.length) })}</p>
              ${
                this.#imported.length
                  ? html`<p class="ds-paragraph"><a class="ds-link" href=${paths.pilot(this.#imported[0] ?? '')}>${t('account.admin.import.first')}</a></p>`
                  : nothing
              }
            </div>`
          : nothing
      }`
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault()
    const api = this.#api.value
    if (this.#busy || !api) return
    const t = this.i18n.t.bind(this.i18n)
    const file = new FormData(event.currentTarget as HTMLFormElement).get('file')
    this.#fileError = null
    this.#problems = []
    this.#imported = null
    if (!(file instanceof File) || file.size === 0)
      this.#fileError = t('account.admin.import.choose')
    else if (file.size > MAX_BYTES) this.#fileError = t('account.admin.import.tooBig')
    if (this.#fileError || !(file instanceof File)) return this.focusAfterRender('#import-file')
    this.#busy = true
    this.requestUpdate()
    try {
      const result = await api.importPilots(await file.text())
      this.#imported = result.ids
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null
      this.#problems = problem?.errors?.length
        ? problem.errors.map((e) => this.#rowProblem(e.pointer, e.detail))
        : [
            refusal(error, this.i18n, {
              codes: { malformed_csv: 'account.admin.import.notCsv' },
              statuses: { 403: 'account.admin.forbidden' },
            }),
          ]
    } finally {
      this.#busy = false
    }
    await this.focusAfterRender('[data-result]')
  }

  // The pointer is /{row}/{column}; the detail is the API's own words, which name the rule.
  #rowProblem(pointer: string, detail: string): string {
    const t = this.i18n.t.bind(this.i18n)
    const [, row, column] = pointer.split('/')
    if (!row) return detail
    if (row === '0') return t('account.admin.import.header', { detail })
    return column
      ? t('account.admin.import.cell', { row, column, detail })
      : t('account.admin.import.row', { row, detail })
  }
}
customElements.define('admin-import', AdminImport)

declare global {
  interface HTMLElementTagNameMap {
    'admin-import': AdminImport
  }
}
