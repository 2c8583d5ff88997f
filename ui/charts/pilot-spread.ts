import { ContextConsumer } from '@lit/context'
import { initialState, Task } from '@lit/task'
import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import { taskView } from '../task-view.ts'
import './diffusion-chart.ts'
import './lineage-tree.ts'
import './spread-explorer.ts'

/**
 * One pilot's spread on its page: the map of its adopters with the time slider, the lineage of
 * who learned from whom, and its diffusion curve with the Bass fit.
 */
export class PilotSpread extends AppElement {
  static override properties = { pilotId: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      section + section {
        margin-top: var(--ds-size-10);
      }
      h3 {
        margin-bottom: var(--ds-size-3);
      }
    `,
  ]

  /** The pilot whose spread to show. */
  declare pilotId: string

  readonly #api = new ContextConsumer(this, { context: apiContext })

  readonly #lineage = new Task(this, {
    task: ([api, id], { signal }) => (api && id ? api.lineage(id, signal) : initialState),
    args: () => [this.#api.value, this.pilotId] as const,
  })

  // The series comes from the spread statistics; the fit only when the data can support one.
  readonly #curve = new Task(this, {
    task: async ([api, id], { signal }) => {
      if (!api || !id) return initialState
      const [spread, diffusion] = await Promise.all([
        api.spread({ pilot: id }, signal),
        api.diffusion(id, signal),
      ])
      return {
        series: diffusion?.series ?? spread.overTime,
        fit: diffusion?.fit ?? null,
        forecastPeriods: diffusion?.forecastPeriods ?? [],
      }
    },
    args: () => [this.#api.value, this.pilotId] as const,
  })

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`
      <section aria-labelledby="spread-map-heading">
        <h3 class="ds-heading" data-size="sm" id="spread-map-heading">${t('charts.map.pilotTitle')}</h3>
        <spread-explorer .pilotId=${this.pilotId}></spread-explorer>
      </section>
      <section aria-labelledby="lineage-heading">
        <h3 class="ds-heading" data-size="sm" id="lineage-heading">${t('charts.lineage.title')}</h3>
        ${taskView(this.#lineage, (lineage) => html`<lineage-tree .lineage=${lineage}></lineage-tree>`)}
      </section>
      <section aria-labelledby="diffusion-heading">
        <h3 class="ds-heading" data-size="sm" id="diffusion-heading">${t('charts.diffusion.title')}</h3>
        ${taskView(
          this.#curve,
          (curve) => html`<diffusion-chart
            .series=${curve.series}
            .fit=${curve.fit}
            .forecastPeriods=${curve.forecastPeriods}
          ></diffusion-chart>`
        )}
      </section>
    `
  }
}
customElements.define('pilot-spread', PilotSpread)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-spread': PilotSpread
  }
}
