import { scaleLinear } from 'd3-scale'
import { css, html, svg, unsafeCSS } from 'lit'
import { BENEFIT_PARTIES, type BenefitKind, type BenefitParty } from '../../schema/enums.ts'
import type { BenefitTotals } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { chartStyles } from './chart-styles.ts'
import { ChartWidth } from './chart-width.ts'
import { type Cell, dataTable } from './data-table.ts'
import { SERIES } from './palette.ts'

type Group = BenefitTotals['groups'][number]
type Split = 'byBearer' | 'byBeneficiary'

const BAR = 12
const ROW = 50

/**
 * Planned against realised benefits per year, for each kind and unit (amounts of different kinds
 * are never added): in total, by who bears the cost and by who gets the benefit.
 */
export class BenefitChart extends AppElement {
  static override properties = { totals: { attribute: false }, tableId: {} }
  static override styles = [
    ...AppElement.styles,
    chartStyles,
    css`
      .group + .group {
        margin-top: var(--ds-size-8);
      }
      h3 {
        margin-bottom: var(--ds-size-2);
      }
      .planned {
        fill: ${unsafeCSS(SERIES.planned)};
      }
      .realised {
        fill: ${unsafeCSS(SERIES.realised)};
      }
      .split {
        font-weight: var(--ds-font-weight-semibold);
      }
    `,
  ]

  /** Sums per kind and unit, as `/stats/benefits` or a ledger's totals answer. */
  declare totals: BenefitTotals
  /** Makes the table's ids unique when the chart appears twice on a page. */
  declare tableId: string

  readonly #size = new ChartWidth(this)

  constructor() {
    super()
    this.tableId = 'benefits'
  }

  #amount(group: Group, value: number) {
    const { i18n } = this
    const kind: BenefitKind = group.kind
    switch (kind) {
      case 'cost_saving_nok':
        return i18n.nok(value)
      case 'time_saving_hours':
        return i18n.plural('common.hours', value)
      case 'quality':
      case 'other':
        return `${i18n.number(value)} ${group.unit}`
      default:
        throw new Error(`Unknown benefit kind ${kind satisfies never}`)
    }
  }

  /** The group's name: its kind, and its unit where the kind does not say it (quality, other). */
  #title(g: Group) {
    const kind = this.i18n.label('benefitKind', g.kind)
    return g.kind === 'quality' || g.kind === 'other' ? `${kind} (${g.unit})` : kind
  }

  #parties(group: Group, split: Split): BenefitParty[] {
    return BENEFIT_PARTIES.filter((p) => group[split][p].planned || group[split][p].realised)
  }

  override render() {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const groups = this.totals.groups.filter((g) => g.planned || g.realised)
    if (!groups.length) return html`<p class="ds-paragraph">${t('charts.benefits.empty')}</p>`
    const rows: Cell[][] = []
    for (const g of groups) {
      const kind = this.#title(g)
      const num = (v: number) => ({ value: this.#amount(g, v), number: true as const })
      rows.push([kind, t('charts.benefits.total'), num(g.planned), num(g.realised)])
      for (const split of ['byBearer', 'byBeneficiary'] as const)
        for (const p of this.#parties(g, split))
          rows.push([
            kind,
            `${t(`charts.benefits.${split}`)}: ${i18n.label('party', p)}`,
            num(g[split][p].planned),
            num(g[split][p].realised),
          ])
    }
    return html`<figure>
      <ul class="legend">
        <li><span class="swatch" style="background:${SERIES.planned}"></span>${t('charts.benefits.planned')}</li>
        <li><span class="swatch" style="background:${SERIES.realised}"></span>${t('charts.benefits.realised')}</li>
      </ul>
      ${groups.map((g) => this.#group(g))}
      ${dataTable({
        id: this.tableId,
        toggle: t('charts.showTable'),
        caption: t('charts.benefits.tableCaption'),
        headers: [
          t('charts.benefits.kind'),
          t('charts.benefits.who'),
          t('charts.benefits.planned'),
          t('charts.benefits.realised'),
        ],
        rows,
      })}
    </figure>`
  }

  #group(g: Group) {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const width = this.#size.width
    type Row = { label: string; planned: number; realised: number; heading?: boolean }
    const rows: Row[] = [
      { label: t('charts.benefits.total'), planned: g.planned, realised: g.realised },
    ]
    for (const split of ['byBearer', 'byBeneficiary'] as const) {
      const parties = this.#parties(g, split)
      if (!parties.length) continue
      rows.push({ label: t(`charts.benefits.${split}`), planned: 0, realised: 0, heading: true })
      for (const p of parties) rows.push({ label: i18n.label('party', p), ...g[split][p] })
    }
    const x = scaleLinear()
      .domain([0, Math.max(1, g.planned, g.realised)])
      .range([0, Math.max(60, width - 150)])
    let y = 0
    const placed = rows.map((r) => {
      const at = y
      y += r.heading ? 28 : ROW
      return { ...r, at }
    })
    const share = g.planned ? i18n.percent(g.realised / g.planned) : '–'
    return html`<div class="group">
      <h3 class="ds-heading" data-size="2xs">${this.#title(g)}</h3>
      <p class="ds-paragraph summary" data-size="sm">
        ${t('charts.benefits.summary', {
          planned: this.#amount(g, g.planned),
          realised: this.#amount(g, g.realised),
          share,
        })}
      </p>
      <svg width=${width} height=${y} role="list" aria-label=${this.#title(g)}>
        ${placed.map((r) =>
          r.heading
            ? svg`<text class="split" y=${r.at + 20} aria-hidden="true">${r.label}</text>`
            : svg`<g class="mark" role="listitem" tabindex="0" transform="translate(0 ${r.at})"
                aria-label=${t('charts.benefits.mark', { who: r.label, planned: this.#amount(g, r.planned), realised: this.#amount(g, r.realised) })}>
              <text y="14">${r.label}</text>
              <rect class="planned" y="20" width=${x(r.planned)} height=${BAR}></rect>
              <text class="subtle" x=${x(r.planned) + 6} y=${20 + BAR - 1}>${this.#amount(g, r.planned)}</text>
              <rect class="realised" y=${22 + BAR} width=${x(r.realised)} height=${BAR}></rect>
              <text class="subtle" x=${x(r.realised) + 6} y=${22 + 2 * BAR - 1}>${this.#amount(g, r.realised)}</text>
              <rect class="focus-ring" x="-3" y="0" width=${width + 6} height=${ROW - 4} rx="3"></rect>
            </g>`
        )}
      </svg>
    </div>`
  }
}
customElements.define('benefit-chart', BenefitChart)

declare global {
  interface HTMLElementTagNameMap {
    'benefit-chart': BenefitChart
  }
}
