import { scaleLinear } from 'd3-scale'
import { css, html, svg } from 'lit'
import type { Stage } from '../../schema/enums.ts'
import type { PipelineStats } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { chartStyles } from './chart-styles.ts'
import { ChartWidth } from './chart-width.ts'
import { dataTable } from './data-table.ts'

const ROW = 58
const BAR = 24
const LABEL = 20

/**
 * The pipeline as a funnel: for each stage on the way to a lasting solution, how many pilots
 * reached it, how many went on to the next, and the median days a stay lasted; the stopped
 * pilots as a bar of their own. Each bar can be focused and names its numbers.
 */
export class PipelineFunnel extends AppElement {
  static override properties = { stats: { attribute: false }, noTable: { type: Boolean } }
  static override styles = [
    ...AppElement.styles,
    chartStyles,
    css`
      .bar {
        fill: var(--ds-color-accent-base-default);
      }
      .bar.stopped {
        fill: var(--ds-color-neutral-base-default);
      }
      .track {
        fill: var(--ds-color-neutral-background-tinted);
      }
      .count {
        font-weight: var(--ds-font-weight-semibold);
      }
    `,
  ]

  /** The pipeline statistics, as `GET /stats/pipeline` answers. */
  declare stats: PipelineStats
  /** Leave the table out, when the page shows the same numbers in a table of its own. */
  declare noTable: boolean

  readonly #size = new ChartWidth(this)

  override render() {
    const { i18n, stats } = this
    const t = i18n.t.bind(i18n)
    const width = this.#size.width
    const stageOf = (stage: Stage) => stats.stages.find((s) => s.stage === stage)
    const path = [stats.conversion[0]?.from, ...stats.conversion.map((c) => c.to)].filter(
      (s): s is Stage => !!s
    )
    const rows = [...path, 'discontinued' as const]
    const max = Math.max(1, ...stats.stages.map((s) => s.reached))
    // Room on the right for the count, so it never sits on the bar.
    const x = scaleLinear()
      .domain([0, max])
      .range([0, Math.max(40, width - 48)])
    const height = rows.length * ROW
    const label = (stage: Stage) => {
      const s = stageOf(stage)
      const next = stats.conversion.find((c) => c.from === stage)
      const parts = [
        t('charts.funnel.markReached', {
          stage: i18n.label('stage', stage),
          count: i18n.number(s?.reached ?? 0),
          current: i18n.number(s?.current ?? 0),
        }),
      ]
      if (s?.medianDays != null)
        parts.push(
          t('charts.funnel.markMedian', {
            days: i18n.plural('common.days', Math.round(s.medianDays)),
          })
        )
      if (next?.rate != null)
        parts.push(
          t('charts.funnel.markConversion', {
            rate: i18n.percent(next.rate),
            next: i18n.label('stage', next.to),
          })
        )
      return parts.join('. ')
    }
    const first = stageOf(path[0] as Stage)?.reached ?? 0
    const lasting = stageOf('adopted')?.reached ?? 0
    return html`<figure>
      <figcaption class="ds-paragraph summary">
        ${t('charts.funnel.summary', {
          pilots: i18n.number(stats.pilots),
          lasting: i18n.number(lasting),
          share: first ? i18n.percent(lasting / first) : '–',
          stopped: i18n.number(stats.discontinued.count),
        })}
      </figcaption>
      <svg width=${width} height=${height} role="list" aria-label=${t('charts.funnel.title')}>
        ${rows.map((stage, i) => {
          const s = stageOf(stage)
          const reached = s?.reached ?? 0
          const next = stats.conversion.find((c) => c.from === stage)
          const y = i * ROW
          const barWidth = Math.max(reached ? 3 : 0, x(reached))
          const median =
            s?.medianDays != null
              ? ` · ${t('charts.funnel.median', { days: i18n.plural('common.days', Math.round(s.medianDays)) })}`
              : ''
          return svg`<g class="mark" role="listitem" tabindex="0" aria-label=${label(stage)}
              transform="translate(0 ${y})">
            <text y=${LABEL - 6}><tspan class="count">${i18n.label('stage', stage)}</tspan><tspan class="subtle">${median}</tspan></text>
            <rect class="track" y=${LABEL} width=${width} height=${BAR} rx="2"></rect>
            <rect class="bar ${stage === 'discontinued' ? 'stopped' : ''}" y=${LABEL} width=${barWidth} height=${BAR} rx="2"></rect>
            <text class="count" x=${barWidth + 6} y=${LABEL + BAR / 2 + 5}>${i18n.number(reached)}</text>
            ${
              next?.rate != null
                ? svg`<text class="subtle" x=${width} text-anchor="end" y=${LABEL - 6}>${t('charts.funnel.onwards', { rate: i18n.percent(next.rate) })}</text>`
                : ''
            }
            <rect class="focus-ring" x="-2" y=${LABEL - 2} width=${width + 4} height=${BAR + 4} rx="3"></rect>
          </g>`
        })}
      </svg>
      ${this.noTable ? '' : this.#table(path)}
    </figure>`
  }

  #table(path: Stage[]) {
    const { i18n, stats } = this
    const t = i18n.t.bind(i18n)
    const num = (n: number) => ({ value: i18n.number(n), number: true as const })
    return dataTable({
      id: 'funnel',
      toggle: t('charts.showTable'),
      caption: t('charts.funnel.tableCaption'),
      headers: [
        t('overview.pipeline.stage'),
        t('overview.pipeline.reached'),
        t('overview.pipeline.current'),
        t('overview.pipeline.median'),
        t('overview.pipeline.conversion'),
      ],
      rows: [...path, 'discontinued' as const].map((stage) => {
        const s = stats.stages.find((x) => x.stage === stage)
        const next = stats.conversion.find((c) => c.from === stage)
        return [
          i18n.label('stage', stage),
          num(s?.reached ?? 0),
          num(s?.current ?? 0),
          {
            value:
              s?.medianDays == null ? '–' : i18n.plural('common.days', Math.round(s.medianDays)),
            number: true,
          },
          { value: next?.rate == null ? '–' : i18n.percent(next.rate), number: true },
        ]
      }),
    })
  }
}
customElements.define('pipeline-funnel', PipelineFunnel)

declare global {
  interface HTMLElementTagNameMap {
    'pipeline-funnel': PipelineFunnel
  }
}
