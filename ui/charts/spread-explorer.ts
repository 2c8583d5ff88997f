import { ContextConsumer } from '@lit/context'
import { initialState, Task, TaskStatus } from '@lit/task'
import { css, html, nothing } from 'lit'
import { ADOPTION_STATUSES } from '../../schema/enums.ts'
import type { Lineage, SpreadStats } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import { taskView } from '../task-view.ts'
import { chartStyles } from './chart-styles.ts'
import { dataTable } from './data-table.ts'
import { leadingStatus } from './map-scale.ts'
import type { MapPlace } from './spread-map.ts'
import './spread-map.ts'

const REPLAY_STEP_MS = 1200

/**
 * The spread on the map, with a slider that replays it year by year: one pilot's adopters by
 * status, or every pilot's adoptions per municipality. The numbers are in a table beside it.
 */
export class SpreadExplorer extends AppElement {
  static override properties = {
    pilotId: {},
    _year: { state: true },
    _playing: { state: true },
  }
  static override styles = [
    ...AppElement.styles,
    chartStyles,
    css`
      .controls {
        align-items: end;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-4);
        margin-block: var(--ds-size-4);
      }
      .ds-field {
        flex: 1 1 14rem;
        max-width: 28rem;
      }
      input[type='range'] {
        accent-color: var(--ds-color-accent-base-default);
        width: 100%;
      }
      input[type='range']:focus-visible {
        outline: var(--ds-border-width-focus) solid var(--ds-color-focus-outer);
        outline-offset: 4px;
      }
      .ticks {
        display: flex;
        justify-content: space-between;
        font-size: var(--ds-body-sm-font-size);
        color: var(--ds-color-neutral-text-subtle);
      }
    `,
  ]

  /** One pilot's spread; all published pilots when not set. */
  declare pilotId: string | undefined
  declare _year: number | undefined
  declare _playing: boolean

  readonly #api = new ContextConsumer(this, { context: apiContext })
  #timer: ReturnType<typeof setInterval> | undefined

  constructor() {
    super()
    this._playing = false
  }

  // The whole spread, for the range of years and (one pilot) who learned from whom.
  readonly #whole = new Task(this, {
    task: async ([api, pilot], { signal }) => {
      if (!api) return initialState
      const [spread, lineage] = await Promise.all([
        api.spread(pilot ? { pilot } : {}, signal),
        pilot ? api.lineage(pilot, signal) : Promise.resolve(null),
      ])
      return { spread, lineage }
    },
    args: () => [this.#api.value, this.pilotId] as const,
  })

  readonly #snapshot = new Task(this, {
    task: ([api, pilot, year, last], { signal }) => {
      if (!api || year === undefined || last === undefined) return initialState
      const until = year < last ? `${year}-12-31` : undefined
      return api
        .spread({ ...(pilot ? { pilot } : {}), ...(until ? { until } : {}) }, signal)
        .then((spread) => ({ year, spread }))
    },
    args: () => [this.#api.value, this.pilotId, this.#year(), this.#years()?.at(-1)] as const,
  })

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.#stop()
  }

  /** Every year from the first uptake to this one; undefined until the spread is known. */
  #years(): number[] | undefined {
    const whole = this.#whole.value
    if (!whole) return undefined
    const first = whole.spread.overTime[0]?.period.slice(0, 4)
    const now = new Date().getFullYear()
    const start = first ? Math.min(Number(first), now) : now
    return Array.from({ length: now - start + 1 }, (_, i) => start + i)
  }

  #year(): number | undefined {
    return this._year ?? this.#years()?.at(-1)
  }

  override render() {
    return taskView(this.#whole, ({ spread, lineage }) => {
      if (!spread.byMunicipality.length)
        return html`<p class="ds-paragraph">${this.i18n.t('charts.map.empty')}</p>`
      const years = this.#years() ?? []
      const year = this.#year() ?? new Date().getFullYear()
      // While the next year loads, the last one stays on the map, captioned with its own year.
      const snapshot = this.#snapshot.value ?? { year: years.at(-1) ?? year, spread }
      const shown =
        this.#snapshot.status === TaskStatus.ERROR
          ? taskView(this.#snapshot, () => nothing)
          : this.#view(snapshot.spread, lineage, snapshot.year)
      return html`${years.length > 1 ? this.#slider(years, year) : nothing} ${shown}`
    })
  }

  #slider(years: number[], year: number) {
    const t = this.i18n.t.bind(this.i18n)
    const first = years[0] as number
    const last = years.at(-1) as number
    return html`<div class="controls no-print">
      <div class="ds-field">
        <label class="ds-label" for="year">${t('charts.map.year', { year })}</label>
        <input
          id="year"
          type="range"
          min=${first}
          max=${last}
          step="1"
          .value=${String(year)}
          aria-valuetext=${t('charts.map.yearValue', { year })}
          @input=${(e: Event) => {
            this.#stop()
            this._year = Number((e.target as HTMLInputElement).value)
          }}
        />
        <div class="ticks" aria-hidden="true"><span>${first}</span><span>${last}</span></div>
      </div>
      <button
        type="button"
        class="ds-button"
        data-variant="secondary"
        aria-pressed=${this._playing ? 'true' : 'false'}
        @click=${() => (this._playing ? this.#stop() : this.#play(years))}
      >
        ${this._playing ? t('charts.map.pause') : t('charts.map.play')}
      </button>
    </div>`
  }

  #play(years: number[]) {
    const first = years[0] as number
    const last = years.at(-1) as number
    this._year = this.#year() === last ? first : this.#year()
    this._playing = true
    this.#timer = setInterval(() => {
      const next = (this._year ?? first) + 1
      if (next > last) return this.#stop()
      this._year = next
    }, REPLAY_STEP_MS)
  }

  #stop() {
    clearInterval(this.#timer)
    this.#timer = undefined
    this._playing = false
  }

  #view(spread: SpreadStats, lineage: Lineage | null, year: number) {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const mode = this.pilotId ? 'status' : 'count'
    const places: MapPlace[] = spread.byMunicipality.map((m) => ({
      number: m.municipalityNumber,
      name: m.name,
      total: m.total,
      byStatus: m.byStatus,
      learnedFrom: lineage ? learnedFrom(lineage, m.municipalityNumber) : [],
    }))
    places.sort((a, b) => a.name.localeCompare(b.name, 'nb'))
    const total = places.reduce((sum, p) => sum + p.total, 0)
    const took = places.filter((p) => {
      const s = leadingStatus(p.byStatus)
      return s === 'adopted' || s === 'trialling'
    }).length
    return html`<figure>
      <figcaption class="ds-paragraph summary">
        ${
          mode === 'status'
            ? t('charts.map.summaryPilot', {
                year,
                places: i18n.number(places.length),
                took: i18n.number(took),
              })
            : t('charts.map.summaryAll', {
                year,
                count: i18n.number(total),
                places: i18n.number(places.length),
              })
        }
      </figcaption>
      <spread-map .places=${places} .mode=${mode}></spread-map>
      ${dataTable({
        id: 'map',
        toggle: t('charts.showTable'),
        caption: t('charts.map.tableCaption', { year }),
        headers: [
          t('charts.map.municipality'),
          ...(mode === 'count' ? [t('charts.map.total')] : []),
          ...ADOPTION_STATUSES.map((s) => i18n.label('adoptionStatus', s)),
          ...(mode === 'status' ? [t('charts.map.learnedFromHeader')] : []),
        ],
        rows: places.map((p) => [
          p.name,
          ...(mode === 'count' ? [{ value: i18n.number(p.total), number: true as const }] : []),
          ...ADOPTION_STATUSES.map((s) => ({
            value: i18n.number(p.byStatus[s]),
            number: true as const,
          })),
          ...(mode === 'status' ? [p.learnedFrom.join(', ') || '–'] : []),
        ]),
      })}
    </figure>`
  }
}

/** Whom the adopters in a municipality learned the pilot from, by organisation name. */
function learnedFrom(lineage: Lineage, municipality: string): string[] {
  const byId = new Map(lineage.nodes.map((n) => [n.adoptionId, n]))
  return lineage.nodes
    .filter((n) => n.municipalityNumber === municipality)
    .map((n) =>
      n.learnedFromAdoptionId
        ? (byId.get(n.learnedFromAdoptionId)?.organisationName ?? lineage.origin.organisationName)
        : lineage.origin.organisationName
    )
}

customElements.define('spread-explorer', SpreadExplorer)

declare global {
  interface HTMLElementTagNameMap {
    'spread-explorer': SpreadExplorer
  }
}
