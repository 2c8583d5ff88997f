import { type HierarchyNode, stratify } from 'd3-hierarchy'
import { css, html, svg } from 'lit'
import type { Lineage } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { chartStyles } from './chart-styles.ts'
import { ChartWidth } from './chart-width.ts'
import { dataTable } from './data-table.ts'
import { STATUS_COLOURS } from './palette.ts'

const ROW = 50
const LINE = 18
const INDENT = 28
const RADIUS = 8

interface Node {
  id: string
  parent: string | null
  name: string
  /** Null for the origin. */
  adoption: Lineage['nodes'][number] | null
}

/**
 * Who learned the pilot from whom, as an indented tree from the origin outwards: each adopter
 * one row below the one it learned from, with its degree, its status and its local outcome.
 * Rows never overlap, so the labels stay readable on a phone.
 */
export class LineageTree extends AppElement {
  static override properties = { lineage: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    chartStyles,
    css`
      .link {
        fill: none;
        stroke: var(--ds-color-neutral-border-default);
        stroke-width: 1.5;
      }
      .origin circle {
        fill: var(--ds-color-accent-base-default);
      }
      .name {
        font-weight: var(--ds-font-weight-medium);
      }
    `,
  ]

  /** The lineage, as `GET /pilots/{id}/lineage` answers. */
  declare lineage: Lineage

  readonly #size = new ChartWidth(this)

  #root(): HierarchyNode<Node> {
    const { origin, nodes } = this.lineage
    const ids = new Set(nodes.map((n) => n.adoptionId))
    const rows: Node[] = [
      { id: 'origin', parent: null, name: origin.organisationName, adoption: null },
      ...nodes.map((n) => ({
        id: n.adoptionId,
        // An adopter that learned from a record we cannot see hangs from the origin.
        parent:
          n.learnedFromAdoptionId && ids.has(n.learnedFromAdoptionId)
            ? n.learnedFromAdoptionId
            : 'origin',
        name: n.organisationName,
        adoption: n,
      })),
    ]
    return stratify<Node>()
      .id((d) => d.id)
      .parentId((d) => d.parent)(rows)
      .sort((a, b) => a.data.name.localeCompare(b.data.name, 'nb'))
  }

  #describe(node: HierarchyNode<Node>): { line1: string; parts: string[]; label: string } {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const a = node.data.adoption
    if (!a) {
      const line2 = t('charts.lineage.origin')
      return { line1: node.data.name, parts: [line2], label: `${node.data.name}: ${line2}` }
    }
    const parts = [
      i18n.label('adoptionDegree', a.degree),
      i18n.label('adoptionStatus', a.status),
      a.localOutcome
        ? t('charts.lineage.outcome', { outcome: i18n.label('outcome', a.localOutcome) })
        : t('charts.lineage.noOutcome'),
    ]
    const line2 = parts.join(' · ')
    const from = node.parent?.data.name ?? ''
    return {
      line1: node.data.name,
      parts,
      label: `${node.data.name}: ${line2}. ${t('charts.map.learnedFrom', { from })}`,
    }
  }

  override render() {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    if (!this.lineage.nodes.length)
      return html`<p class="ds-paragraph">${t('charts.lineage.empty')}</p>`
    const root = this.#root()
    const order: HierarchyNode<Node>[] = []
    root.eachBefore((n) => {
      order.push(n)
    })
    const width = this.#size.width
    // On a narrow screen each fact gets a line of its own, so nothing runs off the edge.
    const narrow = width < 560
    const linesOf = (n: HierarchyNode<Node>) => {
      const { parts } = this.#describe(n)
      const capital = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1)
      return narrow ? parts.map(capital) : [parts.join(' · ')]
    }
    const top = new Map<HierarchyNode<Node>, number>()
    let height = 0
    for (const n of order) {
      top.set(n, height)
      height += ROW + (linesOf(n).length - 1) * LINE
    }
    const x = (n: HierarchyNode<Node>) => RADIUS + 2 + n.depth * INDENT
    const y = (n: HierarchyNode<Node>) => (top.get(n) ?? 0) + ROW / 2 - 8
    const deepest = Math.max(...order.map((n) => n.depth))
    const copies = this.lineage.nodes.filter((n) => n.depth > 1).length
    return html`<figure>
      <figcaption class="ds-paragraph summary">
        ${t('charts.lineage.summary', {
          origin: this.lineage.origin.organisationName,
          count: i18n.number(this.lineage.nodes.length),
          further: i18n.number(copies),
          generations: i18n.number(deepest),
        })}
      </figcaption>
      <svg width=${width} height=${height} role="list" aria-label=${t('charts.lineage.title')}>
        ${order.slice(1).map((n) => {
          const parent = n.parent as HierarchyNode<Node>
          return svg`<path class="link" aria-hidden="true"
            d="M${x(parent)},${y(parent) + RADIUS} V${y(n)} H${x(n) - RADIUS}"></path>`
        })}
        ${order.map((n) => {
          const { line1, label } = this.#describe(n)
          const lines = linesOf(n)
          const a = n.data.adoption
          const fill = a ? STATUS_COLOURS[a.status] : undefined
          return svg`<g class="mark ${a ? '' : 'origin'}" role="listitem" tabindex="0"
              aria-label=${label} transform="translate(${x(n)} ${y(n)})">
            <circle r=${RADIUS} style=${fill ? `fill:${fill}` : ''}
              stroke="var(--ds-color-neutral-border-strong)"></circle>
            ${a?.degree === 'inspired' ? svg`<circle r="3" fill="var(--ds-color-neutral-background-default)"></circle>` : ''}
            <text class="name" x=${RADIUS + 8} y="5">${line1}</text>
            ${lines.map((line, i) => svg`<text class="subtle" x=${RADIUS + 8} y=${23 + i * LINE}>${line}</text>`)}
            <rect class="focus-ring" x=${-RADIUS - 4} y="-14" rx="3"
              height=${44 + (lines.length - 1) * LINE}
              width=${Math.max(40, width - x(n) + RADIUS)}></rect>
          </g>`
        })}
      </svg>
      ${dataTable({
        id: 'lineage',
        toggle: t('charts.showTable'),
        caption: t('charts.lineage.tableCaption'),
        headers: [
          t('charts.lineage.organisation'),
          t('charts.lineage.learnedFrom'),
          t('charts.lineage.step'),
          t('charts.lineage.degree'),
          t('charts.lineage.status'),
          t('charts.lineage.localOutcome'),
        ],
        rows: order.slice(1).map((n) => {
          const a = n.data.adoption as Lineage['nodes'][number]
          return [
            n.data.name,
            n.parent?.data.name ?? '',
            { value: i18n.number(n.depth), number: true as const },
            i18n.label('adoptionDegree', a.degree),
            i18n.label('adoptionStatus', a.status),
            a.localOutcome ? i18n.label('outcome', a.localOutcome) : '–',
          ]
        }),
      })}
    </figure>`
  }
}
customElements.define('lineage-tree', LineageTree)

declare global {
  interface HTMLElementTagNameMap {
    'lineage-tree': LineageTree
  }
}
