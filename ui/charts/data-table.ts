import { html, type TemplateResult } from 'lit'

/** A cell of a chart's table: a value, and whether it is a number (right-aligned). */
export type Cell = string | { value: string; number: true }

/**
 * A chart's table alternative, behind a disclosure so the chart comes first: the same numbers,
 * in a real table with a caption, for screen readers, for copying and for print.
 */
export function dataTable(options: {
  id: string
  toggle: string
  caption: string
  headers: string[]
  rows: Cell[][]
  open?: boolean
}): TemplateResult {
  const { id, toggle, caption, headers, rows } = options
  const cell = (c: Cell, header: string) =>
    typeof c === 'string'
      ? html`<td role="cell" data-label=${header}>${c}</td>`
      : html`<td role="cell" class="number" data-label=${header}>${c.value}</td>`
  return html`<details class="ds-details chart-table" ?open=${options.open}>
    <summary>${toggle}</summary>
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}-caption">
      <table class="ds-table stack-narrow" data-border role="table">
        <caption id="${id}-caption">${caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            ${headers.map((h) => html`<th scope="col" role="columnheader">${h}</th>`)}
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${rows.map(
            ([first, ...rest]) => html`<tr role="row">
              <th scope="row" role="rowheader">${typeof first === 'string' ? first : first?.value}</th>
              ${rest.map((c, i) => cell(c, headers[i + 1] ?? ''))}
            </tr>`
          )}
        </tbody>
      </table>
    </div>
  </details>`
}
