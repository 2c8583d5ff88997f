import { ContextConsumer } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import type { Adoption } from '../../schema/adoption.ts'
import { ApiError, type Organisation, type PilotSummary } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, type Session, sessionContext } from '../context.ts'
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'
import '../components/organisation-members.ts'
import '../components/pilot-card.ts'

/** Whether the user may manage the organisation's members: its administrators, system admins. */
function managesMembers(session: Session | null | undefined, organisationId: string) {
  if (!session) return false
  return (
    session.user.roles.includes('system_admin') ||
    session.user.memberships.some(
      (m) => m.organisationId === organisationId && m.role === 'org_admin'
    )
  )
}

/**
 * An organisation: its facts, its pilots, what it took up from others, and for its administrators
 * its members.
 */
export class OrganisationPage extends AppElement {
  static override properties = { organisationId: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      h1 {
        margin-block: var(--ds-size-10) var(--ds-size-4);
      }
      section {
        margin-top: var(--ds-size-10);
      }
      section > h2 {
        margin-bottom: var(--ds-size-4);
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
      .cards {
        display: grid;
        gap: var(--ds-size-4);
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .adoptions {
        margin: 0;
        padding-inline-start: var(--ds-size-5);
      }
      .adoptions li + li {
        margin-top: var(--ds-size-2);
      }
      .page-end {
        margin-bottom: var(--ds-size-12);
      }
    `,
  ]

  /** The organisation's id. */
  declare organisationId: string

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })

  readonly #organisation = new Task(this, {
    task: async ([api, id], { signal }) => {
      if (!api || !id) return null
      const [organisation, municipalities] = await Promise.all([
        api.organisation(id, signal),
        api.municipalities(signal),
      ])
      const place = municipalities.items.find(
        (m) =>
          m.number === organisation.municipalityNumber ||
          (!organisation.municipalityNumber && m.countyNumber === organisation.countyNumber)
      )
      return { organisation, place }
    },
    args: () => [this.#api.value, this.organisationId] as const,
  })

  readonly #pilots = new Task(this, {
    task: async ([api, id], { signal }) =>
      api && id
        ? (await api.searchPilots({ org: id, sort: 'updated', limit: 100 }, signal)).items
        : [],
    args: () => [this.#api.value, this.organisationId] as const,
  })

  readonly #adoptions = new Task(this, {
    task: async ([api, id], { signal }) =>
      api && id ? (await api.organisationAdoptions(id, signal)).items : [],
    args: () => [this.#api.value, this.organisationId] as const,
  })

  override render() {
    return html`<div class="container page-end">
      ${taskView(this.#organisation, (found) => (found ? this.#page(found.organisation, found.place) : nothing))}
    </div>`
  }

  override updated() {
    const name = this.#organisation.value?.organisation.name
    const t = this.i18n.t.bind(this.i18n)
    if (name) this.announcePageTitle(name)
    else if (
      this.#organisation.error instanceof ApiError &&
      this.#organisation.error.status === 404
    )
      this.announcePageTitle(t('account.organisation.notFound'))
  }

  #page(org: Organisation, place: { name: string; countyName: string } | undefined) {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    return html`
      <h1 class="ds-heading" data-size="lg">${org.name}</h1>
      <dl>
        <dt>${t('account.organisation.orgNumber')}</dt>
        <dd>${org.orgNumber}</dd>
        <dt>${t('account.organisation.kind')}</dt>
        <dd>${this.i18n.label('orgKind', org.kind)}</dd>
        ${
          place && org.municipalityNumber
            ? html`<dt>${t('account.organisation.municipality')}</dt>
                <dd>${place.name} (${org.municipalityNumber})</dd>`
            : nothing
        }
        ${
          place && org.countyNumber
            ? html`<dt>${t('account.organisation.county')}</dt>
                <dd>${place.countyName} (${org.countyNumber})</dd>`
            : nothing
        }
      </dl>

      <section aria-labelledby="pilots-heading">
        <h2 class="ds-heading" data-size="md" id="pilots-heading">${t('account.organisation.pilots')}</h2>
        ${taskView(this.#pilots, (pilots) => this.#pilotList(pilots))}
      </section>

      <section aria-labelledby="adoptions-heading">
        <h2 class="ds-heading" data-size="md" id="adoptions-heading">${t('account.organisation.adoptions')}</h2>
        ${taskView(this.#adoptions, (adoptions) => this.#adoptionList(adoptions))}
      </section>

      ${
        managesMembers(session, org.id)
          ? html`<section aria-labelledby="members-heading">
              <h2 class="ds-heading" data-size="md" id="members-heading">${t('account.members.title')}</h2>
              <organisation-members .organisationId=${org.id} .organisationName=${org.name}></organisation-members>
            </section>`
          : nothing
      }
    `
  }

  #pilotList(pilots: readonly PilotSummary[]) {
    const t = this.i18n.t.bind(this.i18n)
    if (pilots.length === 0)
      return html`<p class="ds-paragraph">${t('account.organisation.noPilots')}</p>`
    return html`<ul class="cards">
      ${pilots.map((p) => html`<li><pilot-card .pilot=${p}></pilot-card></li>`)}
    </ul>`
  }

  #adoptionList(adoptions: readonly Adoption[]) {
    const t = this.i18n.t.bind(this.i18n)
    if (adoptions.length === 0)
      return html`<p class="ds-paragraph">${t('account.organisation.noAdoptions')}</p>`
    return html`<ul class="adoptions">
      ${adoptions.map(
        (a) => html`<li>
          <a class="ds-link" href=${paths.pilot(a.pilotId)}>${a.pilotTitle}</a>
          – ${this.i18n.label('adoptionStatus', a.status)},
          ${this.i18n.label('adoptionDegree', a.degree).toLocaleLowerCase(this.i18n.locale)}
          ${a.localPilotId ? html`(<a class="ds-link" href=${paths.pilot(a.localPilotId)}>${t('account.organisation.localPilot')}</a>)` : nothing}
        </li>`
      )}
    </ul>`
  }
}
customElements.define('organisation-page', OrganisationPage)

declare global {
  interface HTMLElementTagNameMap {
    'organisation-page': OrganisationPage
  }
}
