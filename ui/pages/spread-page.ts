import { ContextConsumer } from '@lit/context'
import { initialState, Task } from '@lit/task'
import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'
import '../charts/benefit-chart.ts'
import '../charts/diffusion-chart.ts'
import '../charts/spread-explorer.ts'

const HORIZON = 3

/** How success travels: the national map with its time slider, the curve of uptake, and benefits. */
export class SpreadPage extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      h1 {
        margin-block: var(--ds-size-8) var(--ds-size-2);
      }
      .lead {
        max-width: 46rem;
      }
      section {
        margin-top: var(--ds-size-10);
      }
      h2 {
        margin-bottom: var(--ds-size-4);
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })

  // The national curve: uptake per year over all published pilots, with a Bass fit when it holds.
  readonly #curve = new Task(this, {
    task: async ([api], { signal }) => {
      if (!api) return initialState
      const spread = await api.spread({}, signal)
      const fit = spread.overTime.length
        ? await api.bassFit(
            spread.overTime.map((p) => p.adoptions),
            HORIZON
          )
        : null
      const last = Number(spread.overTime.at(-1)?.period ?? 0)
      const forecastPeriods = Array.from({ length: HORIZON }, (_, i) => String(last + i + 1))
      return { spread, fit, forecastPeriods }
    },
    args: () => [this.#api.value] as const,
  })

  readonly #benefits = new Task(this, {
    task: ([api], { signal }) => (api ? api.benefitStats(signal) : initialState),
    args: () => [this.#api.value] as const,
  })

  override updated() {
    this.announcePageTitle(this.i18n.t('charts.spread.title'))
  }

  override render() {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    return html`<div class="container">
      <h1 class="ds-heading" data-size="lg">${t('charts.spread.title')}</h1>
      <p class="ds-paragraph lead">${t('charts.spread.intro')}</p>
      <section aria-labelledby="map-heading">
        <h2 class="ds-heading" data-size="md" id="map-heading">${t('charts.map.title')}</h2>
        <spread-explorer></spread-explorer>
      </section>
      <section aria-labelledby="curve-heading">
        <h2 class="ds-heading" data-size="md" id="curve-heading">${t('charts.diffusion.title')}</h2>
        ${taskView(
          this.#curve,
          ({ spread, fit, forecastPeriods }) => html`<diffusion-chart
            national
            .series=${spread.overTime}
            .fit=${fit}
            .forecastPeriods=${forecastPeriods}
          ></diffusion-chart>`
        )}
      </section>
      <section aria-labelledby="replication-heading">
        <h2 class="ds-heading" data-size="md" id="replication-heading">
          ${t('charts.replication.title')}
        </h2>
        ${taskView(this.#curve, ({ spread }) =>
          spread.replication.pilots.length
            ? html`<p class="ds-paragraph lead">
                  ${t('charts.replication.summary', {
                    succeeded: i18n.number(spread.replication.succeeded),
                    tried: i18n.number(spread.replication.tried),
                  })}
                </p>
                <ol class="ds-list">
                  ${spread.replication.pilots.slice(0, 10).map(
                    (p) => html`<li>
                      <a class="ds-link" href=${paths.pilot(p.pilotId)}>${p.title}</a>:
                      ${t('charts.replication.pilot', {
                        succeeded: i18n.number(p.succeeded),
                        tried: i18n.number(p.tried),
                      })}
                    </li>`
                  )}
                </ol>`
            : html`<p class="ds-paragraph">${t('charts.map.empty')}</p>`
        )}
      </section>
      <section aria-labelledby="benefits-heading">
        <h2 class="ds-heading" data-size="md" id="benefits-heading">${t('charts.benefits.title')}</h2>
        <p class="ds-paragraph lead">${t('charts.benefits.intro')}</p>
        ${taskView(this.#benefits, (totals) => html`<benefit-chart .totals=${totals}></benefit-chart>`)}
      </section>
    </div>`
  }
}
customElements.define('spread-page', SpreadPage)

declare global {
  interface HTMLElementTagNameMap {
    'spread-page': SpreadPage
  }
}
