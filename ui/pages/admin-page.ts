import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import { AppElement } from '../app-element.ts'
import { sessionContext } from '../context.ts'
import { ADMIN_SECTIONS, type AdminSection, paths } from '../router.ts'
import '../components/admin-import.ts'
import '../components/admin-invite.ts'
import '../components/admin-organisations.ts'
import '../components/admin-pilot-tools.ts'
import '../components/admin-users.ts'
import '../components/loading-state.ts'

/**
 * Administration, for system administrators: organisations, users, one pilot's evaluators and
 * unpublishing, and CSV import, each section at its own address. Others see that they have no
 * access (the API refuses them too).
 */
export class AdminPage extends AppElement {
  static override properties = { section: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      h1 {
        margin-block: var(--ds-size-10) var(--ds-size-4);
      }
      .sections ul {
        border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-1) var(--ds-size-6);
        list-style: none;
        margin: 0 0 var(--ds-size-6);
        padding: 0;
      }
      .sections a {
        border-bottom: 3px solid transparent;
        color: var(--ds-color-neutral-text-default);
        display: inline-block;
        padding-block: var(--ds-size-2);
        text-decoration: none;
      }
      .sections a:hover {
        text-decoration: underline;
      }
      .sections a[aria-current='page'] {
        border-bottom-color: var(--ds-color-accent-base-default);
        font-weight: var(--ds-font-weight-semibold);
      }
      h2 {
        margin-bottom: var(--ds-size-4);
      }
      h2.invite {
        margin-top: var(--ds-size-12);
      }
      .page-end {
        margin-bottom: var(--ds-size-12);
      }
    `,
  ]

  /** The section on show. */
  declare section: AdminSection

  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  #usersVersion = 0

  constructor() {
    super()
    this.section = 'organisations'
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    if (session === undefined) return html`<loading-state></loading-state>`
    if (!session?.user.roles.includes('system_admin')) {
      return html`<div class="container page-end">
        <h1 class="ds-heading" data-size="lg">${t('account.admin.title')}</h1>
        <div class="ds-alert" data-color="warning">
          <h2 class="ds-heading" data-size="xs">${t('account.admin.noAccess')}</h2>
          <p class="ds-paragraph">
            ${session ? t('account.admin.noAccessSignedIn') : t('account.admin.noAccessSignedOut')}
          </p>
          ${
            session
              ? nothing
              : html`<p class="ds-paragraph"><a class="ds-link" href=${paths.login(paths.admin(this.section))}>${t('auth.login')}</a></p>`
          }
        </div>
      </div>`
    }
    return html`<div class="container page-end">
      <h1 class="ds-heading" data-size="lg">${t('account.admin.title')}</h1>
      <nav class="sections" aria-label=${t('account.admin.sections')}>
        <ul>
          ${ADMIN_SECTIONS.map(
            (s) => html`<li>
              <a href=${paths.admin(s)} aria-current=${s === this.section ? 'page' : 'false'}>
                ${t(`account.admin.section.${s}`)}
              </a>
            </li>`
          )}
        </ul>
      </nav>
      <h2 class="ds-heading" data-size="md">${t(`account.admin.section.${this.section}`)}</h2>
      ${this.#section()}
    </div>`
  }

  override updated() {
    const t = this.i18n.t.bind(this.i18n)
    this.announcePageTitle(
      `${t(`account.admin.section.${this.section}`)} – ${t('account.admin.title')}`
    )
  }

  #section() {
    const t = this.i18n.t.bind(this.i18n)
    switch (this.section) {
      case 'organisations':
        return html`<admin-organisations></admin-organisations>`
      case 'users':
        return html`<admin-users .refresh=${this.#usersVersion}></admin-users>
          <h2 class="ds-heading invite" data-size="sm">${t('account.admin.invite.title')}</h2>
          <p class="ds-paragraph">${t('account.admin.invite.intro')}</p>
          <admin-invite @user-invited=${this.#invited}></admin-invite>`
      case 'pilots':
        return html`<admin-pilot-tools></admin-pilot-tools>`
      case 'import':
        return html`<admin-import></admin-import>`
      default:
        throw new Error(`Unknown admin section ${this.section satisfies never}`)
    }
  }

  #invited() {
    this.#usersVersion++
    this.requestUpdate()
  }
}
customElements.define('admin-page', AdminPage)

declare global {
  interface HTMLElementTagNameMap {
    'admin-page': AdminPage
  }
}
