import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'
import { paths } from '../router.ts'

/** About the service, the accessibility statement, the API and the map data's attribution. */
export class SiteFooter extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      footer {
        background: var(--ds-color-neutral-background-tinted);
        border-top: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        margin-top: var(--ds-size-18);
        padding-block: var(--ds-size-8);
      }
      .columns {
        display: grid;
        gap: var(--ds-size-6);
      }
      @media (min-width: 48rem) {
        .columns {
          grid-template-columns: 2fr 1fr;
        }
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li + li {
        margin-top: var(--ds-size-2);
      }
      .name {
        font-weight: var(--ds-font-weight-semibold);
        margin: 0 0 var(--ds-size-2);
      }
    `,
  ]

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`<footer>
      <div class="container columns">
        <div>
          <p class="name">${t('app.name')}</p>
          <p class="ds-paragraph" data-size="sm">${t('footer.about')}</p>
          <p class="ds-paragraph muted" data-size="sm">${t('footer.mapAttribution')}</p>
        </div>
        <nav aria-label=${t('footer.label')}>
          <ul>
            <li><a class="ds-link" href=${paths.accessibility()}>${t('footer.accessibility')}</a></li>
            <li><a class="ds-link" href="/api/docs">${t('footer.api')}</a></li>
            <li><a class="ds-link" href="/api/v1/export/pilots.csv">${t('footer.openData')}</a></li>
          </ul>
        </nav>
      </div>
    </footer>`
  }
}
customElements.define('site-footer', SiteFooter)

declare global {
  interface HTMLElementTagNameMap {
    'site-footer': SiteFooter
  }
}
