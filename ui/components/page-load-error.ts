import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'

/**
 * In place of a page whose code could not be fetched, usually because a new version was deployed
 * and the old files are gone: says so, and offers to reload, which fetches the new version.
 */
export class PageLoadError extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      .ds-alert {
        margin-block: var(--ds-size-8);
      }
    `,
  ]

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`<div class="container">
      <div class="ds-alert" data-color="danger" role="alert">
        <h1 class="ds-heading" data-size="xs">${t('state.pageLoad.title')}</h1>
        <p class="ds-paragraph">${t('state.pageLoad.body')}</p>
        <p>
          <button class="ds-button" data-variant="primary" type="button" @click=${this.#reload}>
            ${t('state.pageLoad.reload')}
          </button>
        </p>
      </div>
    </div>`
  }

  override updated() {
    this.announcePageTitle(this.i18n.t('state.pageLoad.title'))
  }

  #reload() {
    window.location.reload()
  }
}
customElements.define('page-load-error', PageLoadError)

declare global {
  interface HTMLElementTagNameMap {
    'page-load-error': PageLoadError
  }
}
