import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'
import { paths } from '../router.ts'

/** For an address the app does not know. */
export class NotFoundPage extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      h1 {
        margin-block: var(--ds-size-10) var(--ds-size-4);
      }
      ul {
        margin-top: var(--ds-size-4);
      }
    `,
  ]

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`<div class="container">
      <h1 class="ds-heading" data-size="lg">${t('notFound.title')}</h1>
      <p class="ds-paragraph">${t('notFound.body')}</p>
      <ul class="ds-list">
        <li><a class="ds-link" href=${paths.overview()}>${t('notFound.home')}</a></li>
        <li><a class="ds-link" href=${paths.discover()}>${t('notFound.search')}</a></li>
      </ul>
    </div>`
  }

  override updated() {
    this.announcePageTitle(this.i18n.t('notFound.title'))
  }
}
customElements.define('not-found-page', NotFoundPage)

declare global {
  interface HTMLElementTagNameMap {
    'not-found-page': NotFoundPage
  }
}
