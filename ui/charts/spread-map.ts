import { geoArea, geoPath, geoTransverseMercator } from 'd3-geo'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { css, html, nothing, svg } from 'lit'
import type { Topology } from 'topojson-specification'
import { ADOPTION_STATUSES, type AdoptionStatus } from '../../schema/enums.ts'
import { AppElement } from '../app-element.ts'
import { chartStyles } from './chart-styles.ts'
import { ChartWidth } from './chart-width.ts'
import { countSteps, leadingStatus } from './map-scale.ts'
import { COUNT_COLOURS, EMPTY_FILL, STATUS_COLOURS } from './palette.ts'

/** What the map shows for one municipality. */
export interface MapPlace {
  number: string
  name: string
  total: number
  byStatus: Record<AdoptionStatus, number>
  /** Whom they learned it from (one pilot's map only). */
  learnedFrom: string[]
}

type Shape = Feature<Polygon | MultiPolygon, { kommunenummer: string; kommunenavn: string }>

const MAX_WIDTH = 500
const GEOMETRY_URL = '/geo/municipalities-2024-simplified.topojson'
let geometry: Promise<Shape[]> | undefined

// Fetched the first time a map is drawn, so pages without a map never load it.
function loadGeometry(): Promise<Shape[]> {
  geometry ??= Promise.all([
    fetch(GEOMETRY_URL).then((r) => {
      if (!r.ok) throw new Error(`${GEOMETRY_URL} answered ${r.status}`)
      return r.json() as Promise<Topology>
    }),
    import('topojson-client'),
  ]).then(([topology, { feature }]) => {
    const object = topology.objects['Kommuner-S']
    if (!object) throw new Error('The map has no municipalities')
    const collection = feature(topology, object) as unknown as { features: Shape[] }
    // d3-geo reads rings by their winding; the file's may be either way round.
    return collection.features.map((f) => ({ ...f, geometry: rewind(f.geometry) }))
  })
  geometry.catch(() => {
    geometry = undefined
  })
  return geometry
}

// A ring wound the wrong way round covers the rest of the globe: such a polygon is reversed.
function rewind(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const fix = (rings: Polygon['coordinates']) =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI
      ? rings.map((ring) => [...ring].reverse())
      : rings
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: fix(geometry.coordinates) }
  return { ...geometry, coordinates: geometry.coordinates.map(fix) }
}

/**
 * Norway's municipalities, coloured by adoption status (one pilot) or by number of adoptions (all
 * pilots). Municipalities with data are in the tab order; hovering or focusing one shows its name,
 * its status and whom it learned from.
 */
export class SpreadMap extends AppElement {
  static override properties = {
    places: { attribute: false },
    mode: {},
    _shapes: { state: true },
    _active: { state: true },
    _failed: { state: true },
  }
  static override styles = [
    ...AppElement.styles,
    chartStyles,
    css`
      /* The legend and the details sit beside the map when there is room, else below it. */
      .layout {
        align-items: start;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-6);
      }
      .map-column {
        flex: 0 0 auto;
        max-width: 100%;
      }
      .side {
        flex: 1 1 13rem;
      }
      path.place {
        stroke: var(--ds-color-neutral-border-subtle);
        stroke-width: 0.4;
      }
      g.mark path {
        stroke: var(--ds-color-neutral-border-strong);
        stroke-width: 0.8;
      }
      g.mark:focus-visible path,
      g.mark:hover path,
      g.mark.active path {
        stroke: var(--ds-color-focus-outer);
        stroke-width: 2.5;
      }
      .info {
        min-height: 6rem;
      }
      .info h3 {
        margin-bottom: var(--ds-size-2);
      }
      .attribution {
        color: var(--ds-color-neutral-text-subtle);
        font-size: var(--ds-body-xs-font-size, 0.8rem);
        margin-top: var(--ds-size-2);
      }
    `,
  ]

  /** The municipalities with data. */
  declare places: MapPlace[]
  /** `status`: one pilot, coloured by status; `count`: all pilots, coloured by adoptions. */
  declare mode: 'status' | 'count'
  declare _shapes: Shape[] | undefined
  declare _active: string | null
  declare _failed: boolean

  readonly #size = new ChartWidth(this, 320)

  constructor() {
    super()
    this.places = []
    this.mode = 'count'
    this._active = null
    this._failed = false
  }

  override connectedCallback() {
    super.connectedCallback()
    loadGeometry().then(
      (shapes) => {
        this._shapes = shapes
      },
      () => {
        this._failed = true
      }
    )
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    if (this._failed) return html`<p class="ds-paragraph">${t('charts.map.failed')}</p>`
    if (!this._shapes)
      return html`<loading-state .label=${t('charts.map.loading')}></loading-state>`
    return html`<div class="layout">
      <div class="map-column">${this.#map(this._shapes)}</div>
      <div class="side">
        ${this.#legend()}
        <div class="info ds-card" data-color="neutral">${this.#info()}</div>
        <p class="attribution">${t('charts.map.attribution')}</p>
      </div>
    </div>`
  }

  #map(shapes: Shape[]) {
    // Norway is tall: a map wider than this would not fit a screen's height.
    const width = Math.min(this.#size.width, MAX_WIDTH)
    const projection = geoTransverseMercator().rotate([-15, -65])
    const collection = { type: 'FeatureCollection' as const, features: shapes }
    projection.fitWidth(width, collection)
    const path = geoPath(projection)
    const [[, y0], [, y1]] = path.bounds(collection)
    const height = Math.ceil(y1 - y0)
    const byNumber = new Map(this.places.map((p) => [p.number, p]))
    const max = Math.max(0, ...this.places.map((p) => p.total))
    const steps = countSteps(max)
    const fill = (place: MapPlace | undefined) => {
      if (!place || place.total === 0) return EMPTY_FILL
      if (this.mode === 'status') {
        const status = leadingStatus(place.byStatus)
        return status ? STATUS_COLOURS[status] : EMPTY_FILL
      }
      const index = steps.findIndex((upper) => place.total <= upper)
      const scaled = Math.round(
        (index / Math.max(1, steps.length - 1)) * (COUNT_COLOURS.length - 1)
      )
      return COUNT_COLOURS[steps.length === 1 ? 2 : scaled] ?? COUNT_COLOURS[4]
    }
    const quiet = shapes.filter((s) => !byNumber.get(s.properties.kommunenummer)?.total)
    const marked = shapes
      .filter((s) => byNumber.get(s.properties.kommunenummer)?.total)
      .sort((a, b) => {
        const pa = byNumber.get(a.properties.kommunenummer) as MapPlace
        const pb = byNumber.get(b.properties.kommunenummer) as MapPlace
        return pa.name.localeCompare(pb.name, 'nb')
      })
    return svg`<svg width=${width} height=${height} viewBox="0 ${y0} ${width} ${height}"
        role="list" aria-label=${this.i18n.t('charts.map.label')}
        @mouseleave=${() => this.#activate(null)}>
      <g aria-hidden="true">
        ${quiet.map((s) => svg`<path class="place" d=${path(s) ?? ''} fill=${EMPTY_FILL}></path>`)}
      </g>
      ${marked.map((s) => {
        const place = byNumber.get(s.properties.kommunenummer) as MapPlace
        const number = place.number
        return svg`<g class="mark ${this._active === number ? 'active' : ''}" role="listitem"
            tabindex="0" aria-label=${this.#describe(place)} data-municipality=${number}
            @focus=${() => this.#activate(number)} @mouseenter=${() => this.#activate(number)}>
          <path d=${path(s) ?? ''} fill=${fill(place)}></path>
        </g>`
      })}
    </svg>`
  }

  #activate(number: string | null) {
    this._active = number
    this.dispatchEvent(new CustomEvent('place-focus', { detail: number }))
  }

  /** The accessible name of a municipality: where, what and from whom. */
  #describe(place: MapPlace): string {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const statuses = ADOPTION_STATUSES.filter((s) => place.byStatus[s]).map((s) =>
      this.mode === 'status'
        ? i18n.label('adoptionStatus', s)
        : `${i18n.label('adoptionStatus', s)} ${i18n.number(place.byStatus[s])}`
    )
    const parts = [
      this.mode === 'status'
        ? `${place.name}: ${statuses.join(', ')}`
        : `${place.name}: ${t('charts.map.adoptions', { count: i18n.number(place.total) })} (${statuses.join(', ')})`,
    ]
    if (place.learnedFrom.length)
      parts.push(t('charts.map.learnedFrom', { from: place.learnedFrom.join(', ') }))
    return parts.join('. ')
  }

  #legend() {
    const { i18n } = this
    if (this.mode === 'status')
      return html`<ul class="legend" aria-label=${i18n.t('charts.map.legend')}>
        ${ADOPTION_STATUSES.map(
          (s) => html`<li>
            <span class="swatch" style="background:${STATUS_COLOURS[s]}"></span>
            ${i18n.label('adoptionStatus', s)}
          </li>`
        )}
      </ul>`
    const max = Math.max(0, ...this.places.map((p) => p.total))
    const steps = countSteps(max)
    return html`<ul class="legend" aria-label=${i18n.t('charts.map.legend')}>
      ${steps.map((upper, i) => {
        const lower = i === 0 ? 1 : (steps[i - 1] as number) + 1
        const scaled = Math.round((i / Math.max(1, steps.length - 1)) * (COUNT_COLOURS.length - 1))
        const colour = COUNT_COLOURS[steps.length === 1 ? 2 : scaled]
        return html`<li>
          <span class="swatch" style="background:${colour}"></span>
          ${lower === upper ? i18n.number(upper) : `${i18n.number(lower)}–${i18n.number(upper)}`}
        </li>`
      })}
      <li><span class="swatch" style="background:${EMPTY_FILL}"></span>${i18n.t('charts.map.none')}</li>
    </ul>`
  }

  #info() {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const place = this.places.find((p) => p.number === this._active)
    if (!place) return html`<p class="ds-paragraph" data-size="sm">${t('charts.map.hint')}</p>`
    return html`<h3 class="ds-heading" data-size="2xs">${place.name}</h3>
      <ul class="ds-list" data-size="sm">
        ${ADOPTION_STATUSES.filter((s) => place.byStatus[s]).map(
          (s) => html`<li>
            ${i18n.label('adoptionStatus', s)}${this.mode === 'count' ? `: ${i18n.number(place.byStatus[s])}` : nothing}
          </li>`
        )}
      </ul>
      ${
        place.learnedFrom.length
          ? html`<p class="ds-paragraph" data-size="sm">
              ${t('charts.map.learnedFrom', { from: place.learnedFrom.join(', ') })}
            </p>`
          : nothing
      }`
  }
}

customElements.define('spread-map', SpreadMap)

declare global {
  interface HTMLElementTagNameMap {
    'spread-map': SpreadMap
  }
}
