import { css, html, nothing } from 'lit'
import type { Evaluation } from '../../schema/evaluation.ts'
import type { Metric } from '../../schema/metric.ts'
import { AppElement } from '../app-element.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'

type Result = Evaluation['results'][number]

/** The most recent result of each metric, across the evaluations (newest published first). */
export function latestResults(evaluations: readonly Evaluation[]): Map<string, Result> {
  const newestFirst = [...evaluations].sort((a, b) =>
    (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt)
  )
  const latest = new Map<string, Result>()
  for (const evaluation of newestFirst) {
    for (const result of evaluation.results) {
      if (!latest.has(result.metricId)) latest.set(result.metricId, result)
    }
  }
  return latest
}

/** Whether a result reached its metric's target, in the metric's direction; null when unknown. */
export function targetMet(metric: Metric, observed: number | undefined): boolean | null {
  if (observed === undefined || metric.target === null) return null
  return metric.direction === 'increase' ? observed >= metric.target : observed <= metric.target
}

/** Each success criterion with its baseline, target and latest result, and whether it was met. */
export class MetricsTable extends AppElement {
  static override properties = {
    metrics: { attribute: false },
    evaluations: { attribute: false },
  }
  static override styles = [
    ...AppElement.styles,
    css`
      .unit {
        color: var(--ds-color-neutral-text-subtle);
        display: block;
        font-weight: var(--ds-font-weight-regular);
      }
      .ds-tag {
        margin-inline-start: var(--ds-size-1);
      }
    `,
  ]

  declare metrics: readonly Metric[]
  /** The pilot's evaluations; the newest result of each metric is shown. */
  declare evaluations: readonly Evaluation[]

  constructor() {
    super()
    this.metrics = []
    this.evaluations = []
  }

  override render() {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    if (!this.metrics.length) return html`<p class="ds-paragraph">${t('pilot.metrics.empty')}</p>`
    const latest = latestResults(this.evaluations)
    const value = (n: number | null | undefined) =>
      n === null || n === undefined ? '–' : i18n.number(n)
    return html`<p class="ds-paragraph table-note" data-size="sm">
        ${t('pilot.metrics.caption')}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="metrics-caption">
      <table class="ds-table stack-narrow" data-border role="table">
        <caption id="metrics-caption" class="ds-sr-only">${t('pilot.metrics.title')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">${t('pilot.metrics.metric')}</th>
            <th scope="col" role="columnheader" class="number">${t('pilot.metrics.baseline')}</th>
            <th scope="col" role="columnheader" class="number">${t('pilot.metrics.target')}</th>
            <th scope="col" role="columnheader" class="number">${t('pilot.metrics.latest')}</th>
            <th scope="col" role="columnheader">${t('pilot.metrics.met')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${this.metrics.map((metric) => {
            const result = latest.get(metric.id)
            const met = targetMet(metric, result?.observed)
            const unit = [metric.unit, i18n.label('direction', metric.direction)]
              .filter(Boolean)
              .join(', ')
            return html`<tr role="row">
              <th scope="row" role="rowheader">
                <span lang=${CONTENT_LANG}>${metric.name}</span>
                ${
                  metric.primary
                    ? html`<span class="ds-tag" data-color="accent" data-size="sm">
                        ${t('pilot.metrics.primary')}
                      </span>`
                    : nothing
                }
                <span class="unit">${unit}</span>
              </th>
              <td role="cell" class="number" data-label=${t('pilot.metrics.baseline')}>
                ${value(metric.baseline)}
              </td>
              <td role="cell" class="number" data-label=${t('pilot.metrics.target')}>
                ${value(metric.target)}
              </td>
              <td role="cell" class="number" data-label=${t('pilot.metrics.latest')}>
                ${result ? value(result.observed) : t('common.notMeasured')}
              </td>
              <td role="cell" data-label=${t('pilot.metrics.met')}>
                ${met === null ? '–' : t(met ? 'common.yes' : 'common.no')}
              </td>
            </tr>`
          })}
        </tbody>
      </table>
    </div>`
  }
}
customElements.define('metrics-table', MetricsTable)

declare global {
  interface HTMLElementTagNameMap {
    'metrics-table': MetricsTable
  }
}
