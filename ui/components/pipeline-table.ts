import { html } from 'lit'
import type { PipelineStats } from '../api/client.ts'
import { AppElement } from '../app-element.ts'

/** Pilots per stage: now, ever, the median stay and how many moved on, as a table. */
export class PipelineTable extends AppElement {
  static override properties = { stats: { attribute: false } }

  declare stats: PipelineStats

  override render() {
    const { i18n, stats } = this
    const t = i18n.t.bind(i18n)
    const conversion = new Map(stats.conversion.map((c) => [c.from, c]))
    return html`<p class="ds-paragraph table-note" data-size="sm">
        ${t('overview.pipeline.caption')}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="pipeline-caption">
      <table class="ds-table stack-narrow" data-border role="table">
        <caption id="pipeline-caption" class="ds-sr-only">${t('overview.pipeline.title')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">${t('overview.pipeline.stage')}</th>
            <th scope="col" role="columnheader" class="number">${t('overview.pipeline.current')}</th>
            <th scope="col" role="columnheader" class="number">${t('overview.pipeline.reached')}</th>
            <th scope="col" role="columnheader" class="number">${t('overview.pipeline.median')}</th>
            <th scope="col" role="columnheader" class="number">${t('overview.pipeline.conversion')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${stats.stages.map((s) => {
            const next = conversion.get(s.stage)
            return html`<tr role="row">
              <th scope="row" role="rowheader">${i18n.label('stage', s.stage)}</th>
              <td role="cell" class="number" data-label=${t('overview.pipeline.current')}>
                ${i18n.number(s.current)}
              </td>
              <td role="cell" class="number" data-label=${t('overview.pipeline.reached')}>
                ${i18n.number(s.reached)}
              </td>
              <td role="cell" class="number" data-label=${t('overview.pipeline.median')}>
                ${s.medianDays === null ? '–' : i18n.plural('common.days', Math.round(s.medianDays))}
              </td>
              <td role="cell" class="number" data-label=${t('overview.pipeline.conversion')}>
                ${next?.rate == null ? '–' : `${i18n.percent(next.rate)} (${i18n.label('stage', next.to)})`}
              </td>
            </tr>`
          })}
        </tbody>
      </table>
    </div>`
  }
}
customElements.define('pipeline-table', PipelineTable)

declare global {
  interface HTMLElementTagNameMap {
    'pipeline-table': PipelineTable
  }
}
