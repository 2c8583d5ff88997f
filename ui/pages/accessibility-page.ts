import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'

const CONTACT_EMAIL = 'tilgjengelighet@forsoksregisteret.no'
const COMPLAINTS_URL = 'https://www.uutilsynet.no/'
const LAST_UPDATED = '2026-11-22'

/** The accessibility statement (tilgjengelighetserklæring) the Norwegian regulation asks for. */
export class AccessibilityPage extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      article {
        max-width: 46rem;
      }
      h1 {
        margin-block: var(--ds-size-10) var(--ds-size-4);
      }
      h2 {
        margin-block: var(--ds-size-8) var(--ds-size-2);
      }
    `,
  ]

  override render() {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const section = (title: Parameters<typeof t>[0], body: unknown) =>
      html`<h2 class="ds-heading" data-size="sm">${t(title)}</h2>
        <p class="ds-paragraph">${body}</p>`
    const [before, after] = t('a11y.feedback.body').split('{email}')
    return html`<article class="container">
      <h1 class="ds-heading" data-size="lg">${t('a11y.title')}</h1>
      <p class="ds-paragraph" data-size="lg">${t('a11y.intro')}</p>
      ${section('a11y.status.title', t('a11y.status.body'))}
      ${section('a11y.testing.title', t('a11y.testing.body'))}
      ${section('a11y.planned.title', t('a11y.planned.body'))}
      ${section(
        'a11y.feedback.title',
        html`${before}<a class="ds-link" href="mailto:${CONTACT_EMAIL}">${CONTACT_EMAIL}</a>${after}`
      )}
      ${section('a11y.complaint.title', t('a11y.complaint.body'))}
      <p class="ds-paragraph">
        <a class="ds-link" href=${COMPLAINTS_URL} rel="noopener">${t('a11y.complaint.link')}</a>
      </p>
      <p class="ds-paragraph muted" data-size="sm">
        ${t('a11y.updated', { date: i18n.date(LAST_UPDATED) })}
      </p>
    </article>`
  }

  override updated() {
    this.announcePageTitle(this.i18n.t('a11y.title'))
  }
}
customElements.define('accessibility-page', AccessibilityPage)

declare global {
  interface HTMLElementTagNameMap {
    'accessibility-page': AccessibilityPage
  }
}
