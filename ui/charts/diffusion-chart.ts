import { max } from 'd3-array'
import { scaleBand, scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'
import { css, html, nothing, svg, unsafeCSS } from 'lit'
import type { BassFit } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { chartStyles } from './chart-styles.ts'
import { ChartWidth } from './chart-width.ts'
import { dataTable } from './data-table.ts'
import { SERIES } from './palette.ts'

export interface DiffusionPoint {
  period: string
  adoptions: number
  cumulative: number
}

const MARGIN = { top: 12, right: 12, bottom: 28, left: 36 }
const HEIGHT = 260

/** Running totals of a series, starting from `start`. */
function runningTotals(values: number[], start = 0): number[] {
  let sum = start
  return values.map((v) => {
    sum += v
    return sum
  })
}

/**
 * Adoptions over time: new ones per period as bars, the running total as a line, and the fitted
 * Bass curve with its forecast (dashed), with the model's p, q and m said in plain words.
 */
export class DiffusionChart extends AppElement {
  static override properties = {
    series: { attribute: false },
    fit: { attribute: false },
    forecastPeriods: { attribute: false },
    national: { type: Boolean },
  }
  static override styles = [
    ...AppElement.styles,
    chartStyles,
    css`
      .bar {
        fill: ${unsafeCSS(SERIES.perPeriod)};
      }
      .observed {
        fill: none;
        stroke: ${unsafeCSS(SERIES.observed)};
        stroke-width: 3;
      }
      .fitted {
        fill: none;
        stroke: ${unsafeCSS(SERIES.fitted)};
        stroke-width: 2;
      }
      .forecast {
        stroke-dasharray: 6 4;
      }
      .dot {
        fill: ${unsafeCSS(SERIES.observed)};
      }
      .band {
        fill: transparent;
      }
      .mark:focus-visible .band,
      .mark:hover .band {
        fill: var(--ds-color-neutral-background-tinted);
        stroke: var(--ds-color-focus-outer);
        stroke-width: 2;
      }
      .explain {
        margin-top: var(--ds-size-4);
        max-width: 46rem;
      }
    `,
  ]

  /** Adoptions per period, oldest first, with running totals. */
  declare series: DiffusionPoint[]
  /** The Bass fit to the series; null when the data could not support one, undefined when not asked. */
  declare fit: BassFit | null | undefined
  /** The labels of the forecast's periods. */
  declare forecastPeriods: string[]
  /** The curve is of all pilots together, not of one. */
  declare national: boolean

  readonly #size = new ChartWidth(this)

  constructor() {
    super()
    this.series = []
    this.fit = undefined
    this.forecastPeriods = []
  }

  override render() {
    const { i18n, series, fit } = this
    const t = i18n.t.bind(i18n)
    if (!series.length) return html`<p class="ds-paragraph">${t('charts.diffusion.empty')}</p>`
    const width = this.#size.width
    const forecastPeriods = fit ? this.forecastPeriods.slice(0, fit.forecast.length) : []
    const periods = [...series.map((s) => s.period), ...forecastPeriods]
    const fitted = fit ? runningTotals(fit.fitted) : []
    const lastFitted = fitted.at(-1) ?? 0
    const forecast = fit ? runningTotals(fit.forecast, lastFitted) : []
    const top = max([...series.map((s) => s.cumulative), ...fitted, ...forecast]) ?? 1
    const x = scaleBand<string>()
      .domain(periods)
      .range([MARGIN.left, width - MARGIN.right])
      .padding(0.25)
    const y = scaleLinear()
      .domain([0, Math.max(1, top)])
      .nice()
      .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    const mid = (p: string) => (x(p) ?? 0) + x.bandwidth() / 2
    // Few periods would make slabs of bars: keep them slender, centred in their band.
    const barWidth = Math.min(x.bandwidth(), 56)
    const barX = (p: string) => mid(p) - barWidth / 2
    const path = line<[string, number]>()
      .x(([p]) => mid(p))
      .y(([, v]) => y(v))
    const observedLine = path(series.map((s) => [s.period, s.cumulative]))
    const fittedLine = fit ? path(series.map((s, i) => [s.period, fitted[i] ?? 0])) : null
    const last = series.at(-1) as DiffusionPoint
    const forecastLine =
      fit && forecastPeriods.length
        ? path([
            [last.period, lastFitted],
            ...forecastPeriods.map((p, i) => [p, forecast[i] ?? 0] as [string, number]),
          ])
        : null
    // Label every period when they fit, else every n-th, so labels never run into each other.
    const every = Math.max(1, Math.ceil((periods.length * 44) / (width - MARGIN.left)))
    const total = last.cumulative
    return html`<figure>
      <figcaption class="ds-paragraph summary">
        ${t(this.national ? 'charts.diffusion.summaryAll' : 'charts.diffusion.summary', {
          total: i18n.number(total),
          first: series[0]?.period ?? '',
          last: last.period,
        })}
      </figcaption>
      <ul class="legend">
        <li><span class="swatch" style="background:${SERIES.perPeriod}"></span>${t('charts.diffusion.perPeriod')}</li>
        <li><span class="swatch line" style="color:${SERIES.observed}"></span>${t('charts.diffusion.cumulative')}</li>
        ${
          fit
            ? html`<li><span class="swatch line" style="color:${SERIES.fitted}"></span>${t('charts.diffusion.fitted')}</li>
                <li><span class="swatch line dashed" style="color:${SERIES.fitted}"></span>${t('charts.diffusion.forecast')}</li>`
            : nothing
        }
      </ul>
      <svg width=${width} height=${HEIGHT} role="list" aria-label=${t('charts.diffusion.title')}>
        <g class="grid" aria-hidden="true">
          ${y.ticks(5).map(
            (
              v
            ) => svg`<line x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(v)} y2=${y(v)}></line>
              <text class="subtle" x=${MARGIN.left - 6} y=${y(v) + 4} text-anchor="end">${i18n.number(v)}</text>`
          )}
        </g>
        <g aria-hidden="true">
          ${periods.map((p, i) =>
            i % every === 0 || i === periods.length - 1
              ? svg`<text class="subtle" x=${mid(p)} y=${HEIGHT - 8} text-anchor="middle">${p}</text>`
              : ''
          )}
        </g>
        ${series.map(
          (
            s,
            i
          ) => svg`<g class="mark" role="listitem" tabindex="0" aria-label=${this.#describe(s, fitted[i])}>
            <rect class="band" x=${x(s.period) ?? 0} y=${MARGIN.top} width=${x.bandwidth()}
              height=${HEIGHT - MARGIN.top - MARGIN.bottom}></rect>
            <rect class="bar" x=${barX(s.period)} y=${y(s.adoptions)} width=${barWidth}
              height=${y(0) - y(s.adoptions)}></rect>
          </g>`
        )}
        ${forecastPeriods.map(
          (p, i) => svg`<g class="mark" role="listitem" tabindex="0"
              aria-label=${t('charts.diffusion.markForecast', { period: p, value: i18n.number(Math.round(forecast[i] ?? 0)) })}>
            <rect class="band" x=${x(p) ?? 0} y=${MARGIN.top} width=${x.bandwidth()}
              height=${HEIGHT - MARGIN.top - MARGIN.bottom}></rect>
          </g>`
        )}
        <g aria-hidden="true">
          ${fittedLine ? svg`<path class="fitted" d=${fittedLine}></path>` : ''}
          ${forecastLine ? svg`<path class="fitted forecast" d=${forecastLine}></path>` : ''}
          <path class="observed" d=${observedLine ?? ''}></path>
          ${series.map((s) => svg`<circle class="dot" r="4" cx=${mid(s.period)} cy=${y(s.cumulative)}></circle>`)}
        </g>
      </svg>
      ${this.#explain()}
      ${dataTable({
        id: 'diffusion',
        toggle: t('charts.showTable'),
        caption: t('charts.diffusion.tableCaption'),
        headers: [
          t('charts.diffusion.period'),
          t('charts.diffusion.perPeriod'),
          t('charts.diffusion.cumulative'),
          t('charts.diffusion.fitted'),
        ],
        rows: [
          ...series.map((s, i) => [
            s.period,
            { value: i18n.number(s.adoptions), number: true as const },
            { value: i18n.number(s.cumulative), number: true as const },
            { value: fit ? this.#decimal(fitted[i] ?? 0) : '–', number: true as const },
          ]),
          ...forecastPeriods.map((p, i) => [
            `${p} (${t('charts.diffusion.forecastShort')})`,
            { value: '–', number: true as const },
            { value: '–', number: true as const },
            { value: this.#decimal(forecast[i] ?? 0), number: true as const },
          ]),
        ],
      })}
    </figure>`
  }

  #decimal(value: number) {
    return new Intl.NumberFormat(this.i18n.locale === 'en' ? 'en-GB' : 'nb-NO', {
      maximumFractionDigits: 1,
    }).format(value)
  }

  #describe(s: DiffusionPoint, fitted: number | undefined) {
    const t = this.i18n.t.bind(this.i18n)
    const text = t('charts.diffusion.mark', {
      period: s.period,
      adoptions: this.i18n.number(s.adoptions),
      cumulative: this.i18n.number(s.cumulative),
    })
    return fitted === undefined
      ? text
      : `${text}. ${t('charts.diffusion.markFitted', { value: this.#decimal(fitted) })}`
  }

  #explain() {
    const { fit, i18n } = this
    const t = i18n.t.bind(i18n)
    if (fit === undefined) return nothing
    if (!fit) return html`<p class="ds-paragraph explain">${t('charts.diffusion.noFit')}</p>`
    // Two significant digits: a small p stays visible instead of rounding to 0.
    const decimals = (v: number) =>
      new Intl.NumberFormat(i18n.locale === 'en' ? 'en-GB' : 'nb-NO', {
        maximumSignificantDigits: 2,
      }).format(v)
    return html`<div class="explain">
      <p class="ds-paragraph">
        ${t('charts.diffusion.m', { m: i18n.number(Math.round(fit.m)) })}
      </p>
      <ul class="ds-list">
        <li>${t('charts.diffusion.p', { p: decimals(fit.p) })}</li>
        <li>${t('charts.diffusion.q', { q: decimals(fit.q) })}</li>
        <li>
          ${t(fit.q > fit.p ? 'charts.diffusion.imitation' : 'charts.diffusion.innovation')}
          ${t('charts.diffusion.rSquared', { r2: decimals(fit.rSquared) })}
        </li>
      </ul>
    </div>`
  }
}
customElements.define('diffusion-chart', DiffusionChart)

declare global {
  interface HTMLElementTagNameMap {
    'diffusion-chart': DiffusionChart
  }
}
