import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import { AppElement } from '../app-element.ts'
import { apiContext, type Session, sessionContext } from '../context.ts'
import { NavigateEvent, SessionChangeEvent } from '../events.ts'
import { paths } from '../router.ts'
import './language-switcher.ts'

/**
 * The service name, the main menu, the language switcher, and who is signed in with a button to
 * sign out (or a link to sign in).
 * @fires session-change - after signing out
 */
export class SiteHeader extends AppElement {
  static override properties = { current: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      header {
        background: var(--ds-color-neutral-background-default);
        border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
      }
      .bar {
        align-items: center;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2) var(--ds-size-6);
        padding-block: var(--ds-size-3);
      }
      .brand {
        align-items: center;
        color: var(--ds-color-neutral-text-default);
        display: inline-flex;
        font-size: var(--ds-heading-xs-font-size);
        font-weight: var(--ds-font-weight-semibold);
        gap: var(--ds-size-2);
        margin-inline-end: auto;
        text-decoration: none;
      }
      .brand:hover {
        text-decoration: underline;
      }
      .brand svg {
        color: var(--ds-color-accent-base-default);
        flex-shrink: 0;
        height: 1.6em;
        width: 1.6em;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-1) var(--ds-size-5);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        color: var(--ds-color-neutral-text-default);
        display: inline-block;
        padding-block: var(--ds-size-2);
        text-decoration: none;
        text-underline-offset: 0.3em;
      }
      nav a:hover,
      nav a[aria-current='page'] {
        text-decoration: underline;
        text-decoration-thickness: 0.12em;
      }
      nav a[aria-current='page'] {
        font-weight: var(--ds-font-weight-semibold);
      }
      .account {
        align-items: center;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2) var(--ds-size-4);
      }
      .who {
        display: flex;
        flex-direction: column;
        line-height: 1.3;
      }
      .who .org {
        color: var(--ds-color-neutral-text-subtle);
        font-size: var(--ds-body-sm-font-size);
      }
      @media (max-width: 40rem) {
        .brand {
          flex-basis: 100%;
        }
      }
    `,
  ]

  /** The name of the route on show, to mark its menu item as the current page. */
  declare current: string | undefined

  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  readonly #api = new ContextConsumer(this, { context: apiContext })

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    const item = (route: string, href: string, label: string) =>
      html`<li>
        <a class="nav-link" href=${href} aria-current=${this.current === route ? 'page' : 'false'}
          >${label}</a
        >
      </li>`
    return html`<header>
      <div class="container bar">
        <a class="brand" href=${paths.overview()}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M9 2h6v2h-1v5.2l5.6 9.3A2.3 2.3 0 0 1 17.6 22H6.4a2.3 2.3 0 0 1-2-3.5L10 9.2V4H9V2Zm3 9.1-2.6 4.4h5.2L12 11.1Z"
            />
          </svg>
          <span>${t('app.name')}</span>
        </a>
        <nav aria-label=${t('nav.label')}>
          <ul>
            ${item('overview', paths.overview(), t('nav.overview'))}
            ${item('discover', paths.discover(), t('nav.discover'))}
            ${item('pipeline', paths.pipeline(), t('charts.nav.pipeline'))}
            ${item('spread', paths.spread(), t('charts.nav.spread'))}
            ${session ? item('register', paths.register(), t('nav.register')) : nothing}
            ${session ? item('account', paths.account(), t('account.nav.account')) : nothing}
            ${
              session?.user.roles.includes('system_admin')
                ? item('admin', paths.admin(), t('account.nav.admin'))
                : nothing
            }
          </ul>
        </nav>
        <language-switcher></language-switcher>
        ${this.#account(session)}
      </div>
    </header>`
  }

  #account(session: Session | null | undefined) {
    const t = this.i18n.t.bind(this.i18n)
    if (session === undefined) return nothing
    if (session === null) {
      const here = window.location.pathname + window.location.search
      return html`<a class="ds-link" href=${paths.login(here)}>${t('auth.login')}</a>`
    }
    return html`<div class="account">
      <p class="who ds-paragraph" data-size="sm">
        <span class="name">${session.user.name}</span>
        ${session.organisation ? html`<span class="org">${session.organisation.name}</span>` : nothing}
      </p>
      <button class="ds-button" data-variant="secondary" data-size="sm" type="button" @click=${this.#logout}>
        ${t('auth.logout')}
      </button>
    </div>`
  }

  async #logout() {
    try {
      await this.#api.value?.logout()
    } finally {
      this.dispatchEvent(new SessionChangeEvent())
      if (window.location.pathname === paths.register())
        this.dispatchEvent(new NavigateEvent(paths.overview()))
    }
  }
}
customElements.define('site-header', SiteHeader)

declare global {
  interface HTMLElementTagNameMap {
    'site-header': SiteHeader
  }
}
