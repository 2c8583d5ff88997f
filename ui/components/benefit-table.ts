import { css, html, nothing } from 'lit'
import type { Benefit, BenefitLedger } from '../../schema/benefit.ts'
import type { BenefitKind } from '../../schema/enums.ts'
import { AppElement } from '../app-element.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'

/** The benefits ledger: planned and realised per year, who pays and who gains, with totals. */
export class BenefitTable extends AppElement {
  static override properties = { ledger: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      /* The description needs the room; amounts wrap under their own column. */
      table {
        table-layout: fixed;
      }
      thead th:first-child {
        width: 50%;
      }
      .ds-table :is(th, td).number {
        white-space: normal;
      }
      tbody th {
        font-weight: var(--ds-font-weight-regular);
      }
      .description {
        display: block;
        font-weight: var(--ds-font-weight-medium);
      }
      .detail {
        color: var(--ds-color-neutral-text-subtle);
        display: block;
        font-size: var(--ds-body-sm-font-size);
      }
      td.number {
        vertical-align: top;
      }
      tfoot th {
        font-weight: var(--ds-font-weight-semibold);
      }
    `,
  ]

  declare ledger: BenefitLedger

  override render() {
    const { i18n, ledger } = this
    const t = i18n.t.bind(i18n)
    if (!ledger.items.length) return html`<p class="ds-paragraph">${t('pilot.benefits.empty')}</p>`
    const totals = ledger.totals.groups.filter(
      (g) => g.kind === 'cost_saving_nok' || g.kind === 'time_saving_hours'
    )
    return html`<p class="ds-paragraph table-note" data-size="sm">${t('pilot.benefits.explain')}</p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="benefits-caption">
        <table class="ds-table stack-narrow" data-border role="table">
          <caption id="benefits-caption" class="ds-sr-only">${t('pilot.benefits.caption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">${t('pilot.benefits.benefit')}</th>
              <th scope="col" role="columnheader" class="number">${t('pilot.benefits.planned')}</th>
              <th scope="col" role="columnheader" class="number">${t('pilot.benefits.realised')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${ledger.items.map(
              (b) => html`<tr role="row">
                <th scope="row" role="rowheader">
                  <span class="description" lang=${CONTENT_LANG}>${b.description}</span>
                  <span class="detail">
                    ${i18n.label('benefitKind', b.kind)}.
                    ${t('pilot.benefits.bearer')}: ${i18n.label('party', b.bearer)}.
                    ${t('pilot.benefits.beneficiary')}: ${i18n.label('party', b.beneficiary)}.
                  </span>
                </th>
                <td role="cell" class="number" data-label=${t('pilot.benefits.planned')}>
                  ${this.#amount(b.kind, b.unit, b.plannedAnnual)}
                </td>
                <td role="cell" class="number" data-label=${t('pilot.benefits.realised')}>
                  ${this.#amount(b.kind, b.unit, b.realisedAnnual)}
                </td>
              </tr>`
            )}
          </tbody>
          ${
            totals.length
              ? html`<tfoot role="rowgroup">
                  ${totals.map(
                    (g) => html`<tr role="row">
                      <th scope="row" role="rowheader">
                        ${t('pilot.benefits.total', { kind: i18n.label('benefitKind', g.kind) })}
                      </th>
                      <td role="cell" class="number" data-label=${t('pilot.benefits.planned')}>
                        ${this.#amount(g.kind, g.unit, g.planned)}
                      </td>
                      <td role="cell" class="number" data-label=${t('pilot.benefits.realised')}>
                        ${this.#amount(g.kind, g.unit, g.realised)}
                      </td>
                    </tr>`
                  )}
                </tfoot>`
              : nothing
          }
        </table>
      </div>`
  }

  #amount(kind: BenefitKind, unit: Benefit['unit'], value: number | null) {
    const { i18n } = this
    if (value === null) return '–'
    switch (kind) {
      case 'cost_saving_nok':
        return i18n.nok(value)
      case 'time_saving_hours':
        return i18n.plural('common.hours', value)
      case 'quality':
      case 'other':
        return `${i18n.number(value)} ${unit}`
      default:
        throw new Error(`Unknown benefit kind ${kind satisfies never}`)
    }
  }
}
customElements.define('benefit-table', BenefitTable)

declare global {
  interface HTMLElementTagNameMap {
    'benefit-table': BenefitTable
  }
}
