import { html, nothing } from 'lit'
import { ApiError } from '../api/client.ts'
import { AppElement } from '../app-element.ts'

/**
 * What went wrong while loading, in plain words, with a button to try again.
 * @fires retry - the user asked to try again
 */
export class ErrorState extends AppElement {
  static override properties = { error: { attribute: false } }

  /** The error the load failed with. */
  declare error: unknown

  override render() {
    const requestId = this.error instanceof ApiError ? this.error.problem?.requestId : undefined
    return html`<div class="ds-alert" data-color="danger" role="alert">
      <h2 class="ds-heading" data-size="xs">${this.i18n.t('state.error.title')}</h2>
      <p class="ds-paragraph">${this.i18n.t('state.error.body')}</p>
      ${
        requestId
          ? html`<p class="ds-paragraph" data-size="sm">
              ${this.i18n.t('state.error.reference', { id: requestId })}
            </p>`
          : nothing
      }
      <p>
        <button class="ds-button" data-variant="secondary" type="button" @click=${this.#retry}>
          ${this.i18n.t('state.error.retry')}
        </button>
      </p>
    </div>`
  }

  #retry() {
    this.dispatchEvent(new Event('retry', { bubbles: true, composed: true }))
  }
}
customElements.define('error-state', ErrorState)

declare global {
  interface HTMLElementTagNameMap {
    'error-state': ErrorState
  }
}
