import { ContextConsumer } from '@lit/context'
import { initialState, Task, TaskStatus } from '@lit/task'
import { css, html, nothing } from 'lit'
import {
  INNOVATION_TYPES,
  type InnovationType,
  OUTCOMES,
  type Outcome,
  SERVICE_AREAS,
  type ServiceArea,
  STAGES,
  type Stage,
} from '../../schema/enums.ts'
import type { PilotFacets, PilotPage, PilotSearch } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import type { FacetChangeEvent, FacetOption } from '../components/facet-group.ts'
import type { SearchSubmitEvent } from '../components/search-form.ts'
import { apiContext } from '../context.ts'
import { NavigateEvent } from '../events.ts'
import { DISCOVER_FACETS, type DiscoverFacet, type DiscoverQuery, paths } from '../router.ts'
import '../components/error-state.ts'
import '../components/facet-group.ts'
import '../components/loading-state.ts'
import '../components/pilot-card.ts'
import '../components/search-form.ts'

const PAGE_SIZE = 20

function filtersOf(query: DiscoverQuery) {
  const { q, stage, serviceArea, innovationType, outcome, evidenceLevel, county } = query
  return { q: q || undefined, stage, serviceArea, innovationType, outcome, evidenceLevel, county }
}

const FACET_MESSAGES = {
  stage: 'discover.facet.stage',
  serviceArea: 'discover.facet.serviceArea',
  innovationType: 'discover.facet.innovationType',
  outcome: 'discover.facet.outcome',
  evidenceLevel: 'discover.facet.evidenceLevel',
  county: 'discover.facet.county',
} as const satisfies Record<DiscoverFacet, string>

/** Search and filter the pilots; the whole search lives in the URL, so it can be shared and revisited. */
export class DiscoverPage extends AppElement {
  static override properties = { query: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      .intro {
        max-width: 42rem;
      }
      search-form {
        margin-block: var(--ds-size-6) var(--ds-size-8);
        max-width: 40rem;
      }
      .layout {
        display: grid;
        gap: var(--ds-size-8);
      }
      @media (min-width: 56rem) {
        .layout {
          align-items: start;
          grid-template-columns: minmax(14rem, 18rem) 1fr;
        }
      }
      .filters .ds-details summary h2 {
        font-size: inherit;
        font-weight: inherit;
        margin: 0;
      }
      .facets > * + * {
        margin-top: var(--ds-size-6);
      }
      .results[aria-busy='true'] .list {
        opacity: 0.5;
      }
      .paging {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-4);
        justify-content: space-between;
        margin-top: var(--ds-size-6);
      }
      h1 {
        margin-top: var(--ds-size-10);
      }
    `,
  ]

  /** The search on show, from the URL. */
  declare query: DiscoverQuery

  readonly #api = new ContextConsumer(this, { context: apiContext })
  // On a wide screen the filters start open; on a phone they would push the results far down.
  #filtersOpen = window.matchMedia('(min-width: 56rem)').matches

  readonly #results = new Task(this, {
    task: ([api, query], { signal }) => {
      if (!api) return initialState
      const search: PilotSearch = { ...filtersOf(query), limit: PAGE_SIZE }
      if (query.cursor) search.cursor = query.cursor
      return api.searchPilots(search, signal)
    },
    args: () => [this.#api.value, this.query] as const,
  })

  readonly #facets = new Task(this, {
    task: ([api, query], { signal }) =>
      api ? api.pilotFacets(filtersOf(query), signal) : initialState,
    args: () => [this.#api.value, this.query] as const,
  })

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`<div class="container">
      <h1 class="ds-heading" data-size="lg">${t('discover.title')}</h1>
      <p class="ds-paragraph intro">${t('discover.intro')}</p>
      <search-form .value=${this.query.q} @search-submit=${this.#search}></search-form>
      <div class="layout">
        <section class="filters" aria-labelledby="filters-heading">
          <details
            class="ds-details"
            ?open=${this.#filtersOpen}
            @toggle=${(e: Event) => {
              this.#filtersOpen = (e.currentTarget as HTMLDetailsElement).open
            }}
          >
            <summary><h2 id="filters-heading">${t('discover.filters.title')}</h2></summary>
            <div class="facets">${this.#renderFacets()}</div>
          </details>
        </section>
        <section
          class="results"
          aria-labelledby="results-heading"
          aria-busy=${this.#results.status === TaskStatus.PENDING ? 'true' : 'false'}
        >
          <div role="status">
            <h2 class="ds-heading" data-size="sm" id="results-heading">${this.#countText()}</h2>
          </div>
          ${this.#renderResults()}
        </section>
      </div>
    </div>`
  }

  override updated() {
    const { q } = this.query
    const title = this.i18n.t('discover.title')
    this.announcePageTitle(q ? `«${q}» – ${title}` : title)
  }

  #countText() {
    const facets = this.#facets.value
    if (!facets) return this.i18n.t('discover.results.title')
    const { q } = this.query
    return q
      ? this.i18n.plural('discover.results.countFor', facets.total, { q })
      : this.i18n.plural('discover.results.count', facets.total)
  }

  #renderFacets() {
    const facets = this.#facets
    switch (facets.status) {
      case TaskStatus.INITIAL:
      case TaskStatus.PENDING:
        return facets.value
          ? this.#facetGroups(facets.value)
          : html`<loading-state></loading-state>`
      case TaskStatus.COMPLETE:
        return this.#facetGroups(facets.value as PilotFacets)
      case TaskStatus.ERROR:
        return html`<error-state .error=${facets.error} @retry=${() => facets.run()}></error-state>`
      default:
        throw new Error(`Unknown task status ${facets.status satisfies never}`)
    }
  }

  #facetGroups(result: PilotFacets) {
    const chosen = DISCOVER_FACETS.some((f) => this.query[f].length)
    return html`${DISCOVER_FACETS.map(
      (facet) => html`<facet-group
        name=${facet}
        legend=${this.i18n.t(FACET_MESSAGES[facet])}
        .options=${this.#options(facet, result)}
        .selected=${this.query[facet]}
        @facet-change=${this.#facetChanged}
      ></facet-group>`
    )}
    ${
      chosen
        ? html`<p>
            <a class="ds-link" href=${paths.discover({ q: this.query.q })}>
              ${this.i18n.t('discover.filters.clear')}
            </a>
          </p>`
        : nothing
    }`
  }

  #options(facet: DiscoverFacet, result: PilotFacets): FacetOption[] {
    const { i18n } = this
    if (facet === 'county') return result.facets.county
    const label = (value: string): string => {
      switch (facet) {
        case 'stage':
          return STAGES.includes(value as Stage) ? i18n.label('stage', value as Stage) : value
        case 'serviceArea':
          return SERVICE_AREAS.includes(value as ServiceArea)
            ? i18n.label('serviceArea', value as ServiceArea)
            : value
        case 'innovationType':
          return INNOVATION_TYPES.includes(value as InnovationType)
            ? i18n.label('innovationType', value as InnovationType)
            : value
        case 'outcome':
          return OUTCOMES.includes(value as Outcome)
            ? i18n.label('outcome', value as Outcome)
            : value
        case 'evidenceLevel': {
          const evidence = i18n.evidence(Number(value))
          return evidence ? `${value} – ${evidence.title}` : value
        }
        default:
          throw new Error(`Unknown facet ${facet satisfies never}`)
      }
    }
    return result.facets[facet].map((f) => ({
      value: f.value,
      label: label(f.value),
      count: f.count,
    }))
  }

  #renderResults() {
    const results = this.#results
    switch (results.status) {
      case TaskStatus.INITIAL:
        return html`<loading-state></loading-state>`
      case TaskStatus.PENDING:
        return results.value ? this.#list(results.value) : html`<loading-state></loading-state>`
      case TaskStatus.COMPLETE:
        return this.#list(results.value as PilotPage)
      case TaskStatus.ERROR:
        return html`<error-state .error=${results.error} @retry=${() => results.run()}></error-state>`
      default:
        throw new Error(`Unknown task status ${results.status satisfies never}`)
    }
  }

  #list(page: PilotPage) {
    const t = this.i18n.t.bind(this.i18n)
    if (!page.items.length) {
      return html`<div class="ds-alert" data-color="info">
        <h3 class="ds-heading" data-size="xs">${t('discover.empty.title')}</h3>
        <p class="ds-paragraph">${t('discover.empty.body')}</p>
      </div>`
    }
    const { cursor } = this.query
    const paging = page.nextCursor || cursor
    return html`<div class="list">
        ${page.items.map((pilot) => html`<pilot-card .pilot=${pilot}></pilot-card>`)}
      </div>
      ${
        paging
          ? html`<nav class="paging" aria-label=${t('discover.paging.label')}>
              ${
                cursor
                  ? html`<a class="ds-link" href=${paths.discover({ ...this.query, cursor: null })}>
                      ${t('discover.paging.first')}
                    </a>`
                  : html`<span></span>`
              }
              ${
                page.nextCursor
                  ? html`<a
                      class="ds-link"
                      href=${paths.discover({ ...this.query, cursor: page.nextCursor })}
                    >
                      ${t('discover.paging.next')}
                    </a>`
                  : nothing
              }
            </nav>`
          : nothing
      }`
  }

  #search(event: SearchSubmitEvent) {
    const href = paths.discover({ ...this.query, q: event.q, cursor: null })
    this.dispatchEvent(new NavigateEvent(href, { inPlace: true }))
  }

  #facetChanged(event: FacetChangeEvent) {
    const facet = event.name as DiscoverFacet
    const href = paths.discover({ ...this.query, [facet]: event.values, cursor: null })
    this.dispatchEvent(new NavigateEvent(href, { inPlace: true }))
  }
}
customElements.define('discover-page', DiscoverPage)

declare global {
  interface HTMLElementTagNameMap {
    'discover-page': DiscoverPage
  }
}
