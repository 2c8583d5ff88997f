import { ContextConsumer } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import type { Me } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, type Session, sessionContext } from '../context.ts'
import { SessionChangeEvent } from '../events.ts'
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'
import '../components/api-tokens.ts'
import '../components/loading-state.ts'
import '../components/password-change.ts'

/**
 * "My account": who I am, my organisations and roles (and which one I act for), my password and
 * my API tokens. Signed out, a link to sign in.
 * @fires session-change - after switching organisation
 */
export class AccountPage extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      h1 {
        margin-block: var(--ds-size-10) var(--ds-size-2);
      }
      section {
        border-top: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        margin-top: var(--ds-size-8);
        padding-top: var(--ds-size-6);
      }
      section > h2 {
        margin-bottom: var(--ds-size-4);
      }
      section > p + * {
        margin-top: var(--ds-size-5);
      }
      dl {
        display: grid;
        gap: var(--ds-size-2) var(--ds-size-6);
        grid-template-columns: minmax(8rem, max-content) 1fr;
        margin: 0;
      }
      dt {
        font-weight: var(--ds-font-weight-semibold);
      }
      dd {
        margin: 0;
      }
      @media (max-width: 30rem) {
        dl {
          grid-template-columns: 1fr;
        }
        dd + dt {
          margin-top: var(--ds-size-2);
        }
      }
      .orgs {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .orgs > li {
        align-items: center;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-2) var(--ds-size-4);
        padding-block: var(--ds-size-2);
      }
      .page-end {
        margin-bottom: var(--ds-size-12);
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })

  // The names of the user's organisations: memberships carry only their ids.
  readonly #organisations = new Task(this, {
    task: async ([api, user], { signal }) => {
      if (!api || !user) return []
      return Promise.all(
        user.memberships.map(async (m) => ({
          ...m,
          organisation: await api.organisation(m.organisationId, signal),
        }))
      )
    },
    args: () => [this.#api.value, this.#session.value?.user] as const,
  })

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    if (session === undefined) return html`<loading-state></loading-state>`
    if (session === null) {
      return html`<div class="container page-end">
        <h1 class="ds-heading" data-size="lg">${t('account.title')}</h1>
        <p class="ds-paragraph">${t('account.signedOut')}</p>
        <p><a class="ds-link" href=${paths.login(paths.account())}>${t('auth.login')}</a></p>
      </div>`
    }
    const { user } = session
    return html`<div class="container page-end">
      <h1 class="ds-heading" data-size="lg">${t('account.title')}</h1>
      <p class="ds-paragraph muted">${t('account.intro')}</p>

      <section aria-labelledby="me-heading">
        <h2 class="ds-heading" data-size="sm" id="me-heading">${t('account.me')}</h2>
        <dl>
          <dt>${t('account.name')}</dt>
          <dd>${user.name}</dd>
          <dt>${t('account.email')}</dt>
          <dd>${user.email}</dd>
          <dt>${t('account.roles')}</dt>
          <dd>${this.#roles(user)}</dd>
        </dl>
      </section>

      <section aria-labelledby="orgs-heading">
        <h2 class="ds-heading" data-size="sm" id="orgs-heading">${t('account.organisations')}</h2>
        ${taskView(this.#organisations, (orgs) => this.#organisationList(session, orgs))}
      </section>

      <section aria-labelledby="password-heading">
        <h2 class="ds-heading" data-size="sm" id="password-heading">${t('account.password.title')}</h2>
        <p class="ds-paragraph">${t('account.password.intro')}</p>
        <password-change></password-change>
      </section>

      <section aria-labelledby="tokens-heading">
        <h2 class="ds-heading" data-size="sm" id="tokens-heading">${t('account.tokens.title')}</h2>
        <api-tokens></api-tokens>
      </section>
    </div>`
  }

  override updated() {
    this.announcePageTitle(this.i18n.t('account.title'))
  }

  #roles(user: Me) {
    const t = this.i18n.t.bind(this.i18n)
    const roles = user.roles.map((role) => t(`account.role.${role}`))
    return roles.length ? roles.join(', ') : t('account.role.none')
  }

  #organisationList(
    session: Session,
    orgs: readonly {
      organisationId: string
      role: 'member' | 'org_admin'
      organisation: { name: string }
    }[]
  ) {
    const t = this.i18n.t.bind(this.i18n)
    if (orgs.length === 0) return html`<p class="ds-paragraph">${t('account.noOrganisations')}</p>`
    const actingFor = session.user.organisationId
    return html`<ul class="orgs">
      ${orgs.map(
        (m) => html`<li>
          <a class="ds-link" href=${paths.organisation(m.organisationId)}>${m.organisation.name}</a>
          <span>${t(`account.membership.${m.role}`)}</span>
          ${
            m.organisationId === actingFor
              ? html`<span class="ds-tag" data-color="accent">${t('account.actingFor')}</span>`
              : html`<button class="ds-button" data-variant="secondary" data-size="sm" type="button"
                  @click=${() => this.#switch(m.organisationId)}>
                  ${t('account.actFor', { name: m.organisation.name })}
                </button>`
          }
        </li>`
      )}
    </ul>
    ${orgs.length > 1 ? html`<p class="ds-paragraph muted" data-size="sm">${t('account.actForHint')}</p>` : nothing}`
  }

  async #switch(organisationId: string) {
    await this.#api.value?.switchOrganisation(organisationId)
    this.dispatchEvent(new SessionChangeEvent())
  }
}
customElements.define('account-page', AccountPage)

declare global {
  interface HTMLElementTagNameMap {
    'account-page': AccountPage
  }
}
