import { ContextConsumer } from '@lit/context'
import { initialState, Task } from '@lit/task'
import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'
import './diffusion-chart.ts'

/** The overview's spread highlights: uptake over time and the pilots copied most, with a link on. */
export class SpreadHighlights extends AppElement {
  static override styles = [
    ...AppElement.styles,
    css`
      .more {
        margin-top: var(--ds-size-6);
      }
      ol {
        margin-top: var(--ds-size-4);
      }
    `,
  ]

  readonly #api = new ContextConsumer(this, { context: apiContext })

  readonly #spread = new Task(this, {
    task: ([api], { signal }) => (api ? api.spread({}, signal) : initialState),
    args: () => [this.#api.value] as const,
  })

  override render() {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    return taskView(this.#spread, (spread) => {
      if (!spread.replication.pilots.length)
        return html`<p class="ds-paragraph">${t('charts.map.empty')}</p>`
      return html`<p class="ds-paragraph">
          ${t('charts.highlights.summary', {
            places: i18n.number(spread.byMunicipality.length),
            succeeded: i18n.number(spread.replication.succeeded),
            tried: i18n.number(spread.replication.tried),
          })}
        </p>
        <diffusion-chart .series=${spread.overTime} national></diffusion-chart>
        <h3 class="ds-heading" data-size="xs">${t('charts.highlights.most')}</h3>
        <ol class="ds-list">
          ${spread.replication.pilots.slice(0, 3).map(
            (p) => html`<li>
              <a class="ds-link" href=${paths.pilot(p.pilotId)}>${p.title}</a>:
              ${t('charts.replication.pilot', {
                succeeded: i18n.number(p.succeeded),
                tried: i18n.number(p.tried),
              })}
            </li>`
          )}
        </ol>
        <p class="more"><a class="ds-link" href=${paths.spread()}>${t('charts.highlights.more')}</a></p>`
    })
  }
}
customElements.define('spread-highlights', SpreadHighlights)

declare global {
  interface HTMLElementTagNameMap {
    'spread-highlights': SpreadHighlights
  }
}
