import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'
import { LocaleChangeEvent } from '../events.ts'
import { LANGUAGE_NAMES, LOCALES } from '../i18n/i18n.ts'

/**
 * Buttons for bokmål, nynorsk and English, each named in its own language.
 * @fires locale-change - the user picked a language other than the current one
 */
export class LanguageSwitcher extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      div {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-1);
      }
    `,
  ]

  override render() {
    const current = this.i18n.locale
    return html`<div role="group" aria-label=${this.i18n.t('lang.label')}>
      ${LOCALES.map(
        (locale) => html`<button
            class="ds-button"
            data-size="sm"
            data-variant=${locale === current ? 'primary' : 'tertiary'}
            type="button"
            lang=${locale}
            aria-pressed=${locale === current ? 'true' : 'false'}
            @click=${() => {
              if (locale !== this.i18n.locale) this.dispatchEvent(new LocaleChangeEvent(locale))
            }}
          >
            ${LANGUAGE_NAMES[locale]}
          </button>`
      )}
    </div>`
  }
}
customElements.define('language-switcher', LanguageSwitcher)

declare global {
  interface HTMLElementTagNameMap {
    'language-switcher': LanguageSwitcher
  }
}
