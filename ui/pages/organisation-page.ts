import { html } from 'lit'
import { AppElement } from '../app-element.ts'

/** Placeholder: this page is being built. */
export class OrganisationPage extends AppElement {
  static override properties = { pilotId: {}, organisationId: {} }
  declare pilotId: string | undefined
  declare organisationId: string | undefined

  override render() {
    return html`<div class="container"><h1 class="ds-heading">${this.i18n.t('app.name')}</h1></div>`
  }
}
customElements.define('organisation-page', OrganisationPage)

declare global {
  interface HTMLElementTagNameMap {
    'organisation-page': OrganisationPage
  }
}
