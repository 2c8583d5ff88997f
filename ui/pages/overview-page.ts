import { ContextConsumer } from '@lit/context'
import { initialState, Task } from '@lit/task'
import { css, html } from 'lit'
import type { PipelineStats } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import type { SearchSubmitEvent } from '../components/search-form.ts'
import { apiContext } from '../context.ts'
import { NavigateEvent } from '../events.ts'
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'
import '../components/pilot-card.ts'
import '../charts/pipeline-funnel.ts'
import '../charts/spread-highlights.ts'
import '../components/pipeline-table.ts'
import '../components/search-form.ts'

/** The front page: a search, the key figures, pilots per stage and the latest updates. */
export class OverviewPage extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      .hero {
        background: var(--ds-color-accent-background-tinted);
        border-bottom: var(--ds-border-width-default) solid var(--ds-color-accent-border-subtle);
        padding-block: var(--ds-size-10);
      }
      .hero .ds-paragraph {
        max-width: 42rem;
      }
      .hero search-form {
        margin-top: var(--ds-size-6);
        max-width: 40rem;
      }
      section {
        margin-top: var(--ds-size-12);
      }
      h2 {
        margin-bottom: var(--ds-size-4);
      }
      .figures {
        display: grid;
        gap: var(--ds-size-4);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .figures li {
        display: flex;
        flex-direction: column;
      }
      .figure {
        color: var(--ds-color-accent-text-default);
        font-size: var(--ds-heading-lg-font-size);
        font-weight: var(--ds-font-weight-semibold);
        line-height: 1.1;
      }
      .more {
        margin-top: var(--ds-size-6);
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })

  readonly #stats = new Task(this, {
    task: ([api], { signal }) => (api ? api.pipeline({}, signal) : initialState),
    args: () => [this.#api.value] as const,
  })

  readonly #recent = new Task(this, {
    task: ([api], { signal }) =>
      api ? api.searchPilots({ sort: 'updated', limit: 5 }, signal) : initialState,
    args: () => [this.#api.value] as const,
  })

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`
      <div class="hero">
        <div class="container">
          <h1 class="ds-heading" data-size="xl">${t('overview.title')}</h1>
          <p class="ds-paragraph" data-size="lg">${t('overview.intro')}</p>
          <search-form @search-submit=${this.#search}></search-form>
        </div>
      </div>
      <div class="container">
        <section aria-labelledby="figures-heading">
          <h2 class="ds-heading" data-size="md" id="figures-heading">${t('overview.keyFigures')}</h2>
          ${taskView(this.#stats, (stats) => this.#figures(stats))}
        </section>
        <section aria-labelledby="pipeline-heading">
          <h2 class="ds-heading" data-size="md" id="pipeline-heading">
            ${t('overview.pipeline.title')}
          </h2>
          ${taskView(
            this.#stats,
            (stats) => html`<pipeline-funnel .stats=${stats} noTable></pipeline-funnel>
              <pipeline-table .stats=${stats}></pipeline-table>`
          )}
          <p class="more"><a class="ds-link" href=${paths.pipeline()}>${t('charts.pipeline.more')}</a></p>
        </section>
        <section aria-labelledby="spread-heading">
          <h2 class="ds-heading" data-size="md" id="spread-heading">${t('charts.highlights.title')}</h2>
          <spread-highlights></spread-highlights>
        </section>
        <section aria-labelledby="recent-heading">
          <h2 class="ds-heading" data-size="md" id="recent-heading">${t('overview.recent.title')}</h2>
          ${taskView(this.#recent, (page) =>
            page.items.length
              ? html`${page.items.map((pilot) => html`<pilot-card .pilot=${pilot}></pilot-card>`)}
                  <p class="more">
                    <a class="ds-link" href=${paths.discover()}>${t('overview.recent.all')}</a>
                  </p>`
              : html`<p class="ds-paragraph">${t('overview.empty')}</p>`
          )}
        </section>
      </div>
    `
  }

  override updated() {
    this.announcePageTitle(this.i18n.t('overview.title'))
  }

  #figures(stats: PipelineStats) {
    const current = (stage: string) => stats.stages.find((s) => s.stage === stage)?.current ?? 0
    const reached = (stage: string) => stats.stages.find((s) => s.stage === stage)?.reached ?? 0
    const stuck = stats.flags.stuck_success ?? 0
    const figures = [
      [stats.pilots, this.i18n.t('overview.figure.pilots')],
      [current('running') + current('evaluating'), this.i18n.t('overview.figure.ongoing')],
      [reached('adopted'), this.i18n.t('overview.figure.adopted')],
      [stuck, this.i18n.plural('overview.figure.stuck', stuck)],
    ] as const
    return html`<ul class="figures">
      ${figures.map(
        ([value, label]) => html`<li class="ds-card" data-color="accent" data-variant="tinted">
          <span class="figure">${this.i18n.number(value)}</span>
          <span>${label}</span>
        </li>`
      )}
    </ul>`
  }

  #search(event: SearchSubmitEvent) {
    this.dispatchEvent(new NavigateEvent(paths.discover({ q: event.q })))
  }
}
customElements.define('overview-page', OverviewPage)

declare global {
  interface HTMLElementTagNameMap {
    'overview-page': OverviewPage
  }
}
