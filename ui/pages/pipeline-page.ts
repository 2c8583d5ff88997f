import { html } from 'lit'
import { AppElement } from '../app-element.ts'

/** Placeholder: this page is being built. */
export class PipelinePage extends AppElement {
  static override properties = { pilotId: {}, organisationId: {} }
  declare pilotId: string | undefined
  declare organisationId: string | undefined

  override render() {
    return html`<div class="container"><h1 class="ds-heading">${this.i18n.t('app.name')}</h1></div>`
  }
}
customElements.define('pipeline-page', PipelinePage)

declare global {
  interface HTMLElementTagNameMap {
    'pipeline-page': PipelinePage
  }
}
