import { ContextConsumer } from '@lit/context'
import { initialState, Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { ORGANISATION_KINDS, SERVICE_AREAS } from '../../schema/enums.ts'
import type { PipelineStats } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import { NavigateEvent } from '../events.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { PIPELINE_FILTERS, type PipelineFilters, parsePipelineFilters, paths } from '../router.ts'
import { taskView } from '../task-view.ts'
import '../charts/pipeline-funnel.ts'

/**
 * Where pilots stall: the funnel through the stages with conversion and median days, the stopped
 * pilots and why, and the successes nobody has taken up. The filters live in the URL.
 */
export class PipelinePage extends AppElement {
  static override properties = { filters: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      h1 {
        margin-block: var(--ds-size-8) var(--ds-size-2);
      }
      .lead {
        max-width: 46rem;
      }
      form {
        display: grid;
        gap: var(--ds-size-4);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
        margin-block: var(--ds-size-6);
        align-items: end;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-3);
      }
      section {
        margin-top: var(--ds-size-10);
      }
      h2 {
        margin-bottom: var(--ds-size-4);
      }
      .reason {
        color: var(--ds-color-neutral-text-subtle);
        display: block;
      }
      @media print {
        form {
          display: none;
        }
      }
    `,
  ]

  /** The filters, from the URL. */
  declare filters: PipelineFilters

  readonly #api = new ContextConsumer(this, { context: apiContext })

  constructor() {
    super()
    this.filters = parsePipelineFilters(new URLSearchParams())
  }

  readonly #stats = new Task(this, {
    task: ([api, filters], { signal }) => {
      if (!api) return initialState
      const query = Object.fromEntries(
        PIPELINE_FILTERS.filter((f) => filters[f]).map((f) => [f, filters[f]])
      )
      return api.pipeline(query, signal)
    },
    args: () => [this.#api.value, this.filters] as const,
  })

  readonly #counties = new Task(this, {
    task: ([api], { signal }) => (api ? api.counties(signal) : initialState),
    args: () => [this.#api.value] as const,
  })

  override updated() {
    this.announcePageTitle(this.i18n.t('charts.pipeline.title'))
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`<div class="container">
      <h1 class="ds-heading" data-size="lg">${t('charts.pipeline.title')}</h1>
      <p class="ds-paragraph lead">${t('charts.pipeline.intro')}</p>
      ${this.#form()}
      ${taskView(this.#stats, (stats) => this.#content(stats))}
    </div>`
  }

  #form() {
    const { i18n, filters } = this
    const t = i18n.t.bind(i18n)
    const counties = this.#counties.value?.items ?? []
    return html`<form @submit=${this.#apply} aria-label=${t('charts.filters.label')}>
      <div class="ds-field">
        <label class="ds-label" for="serviceArea">${t('charts.filters.serviceArea')}</label>
        <select class="ds-input" id="serviceArea" name="serviceArea">
          <option value="">${t('charts.filters.all')}</option>
          ${SERVICE_AREAS.map(
            (v) =>
              html`<option value=${v} ?selected=${filters.serviceArea === v}>${i18n.label('serviceArea', v)}</option>`
          )}
        </select>
      </div>
      <div class="ds-field">
        <label class="ds-label" for="county">${t('charts.filters.county')}</label>
        <select class="ds-input" id="county" name="county">
          <option value="">${t('charts.filters.all')}</option>
          ${counties.map(
            (c) =>
              html`<option value=${c.number} ?selected=${filters.county === c.number}>${c.name}</option>`
          )}
        </select>
      </div>
      <div class="ds-field">
        <label class="ds-label" for="orgKind">${t('charts.filters.orgKind')}</label>
        <select class="ds-input" id="orgKind" name="orgKind">
          <option value="">${t('charts.filters.all')}</option>
          ${ORGANISATION_KINDS.map(
            (v) =>
              html`<option value=${v} ?selected=${filters.orgKind === v}>${i18n.label('orgKind', v)}</option>`
          )}
        </select>
      </div>
      <div class="ds-field">
        <label class="ds-label" for="from">${t('charts.filters.from')}</label>
        <input class="ds-input" type="date" id="from" name="from" .value=${filters.from} />
      </div>
      <div class="ds-field">
        <label class="ds-label" for="to">${t('charts.filters.to')}</label>
        <input class="ds-input" type="date" id="to" name="to" .value=${filters.to} />
      </div>
      <div class="actions">
        <button class="ds-button" type="submit">${t('charts.filters.apply')}</button>
        <a class="ds-link" href=${paths.pipeline()}>${t('charts.filters.clear')}</a>
      </div>
    </form>`
  }

  #apply(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    const params = new URLSearchParams()
    for (const f of PIPELINE_FILTERS) params.set(f, String(data.get(f) ?? ''))
    this.dispatchEvent(
      new NavigateEvent(paths.pipeline(parsePipelineFilters(params)), { inPlace: true })
    )
  }

  #content(stats: PipelineStats) {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    if (!stats.pilots) return html`<p class="ds-paragraph">${t('charts.pipeline.none')}</p>`
    return html`
      <section aria-labelledby="funnel-heading">
        <h2 class="ds-heading" data-size="md" id="funnel-heading">${t('charts.funnel.title')}</h2>
        <pipeline-funnel .stats=${stats}></pipeline-funnel>
      </section>
      <section aria-labelledby="stopped-heading">
        <h2 class="ds-heading" data-size="md" id="stopped-heading">${t('charts.stopped.title')}</h2>
        ${
          stats.discontinued.pilots.length
            ? html`<ul class="ds-list">
                ${stats.discontinued.pilots.map(
                  (p) => html`<li>
                    <a class="ds-link" href=${paths.pilot(p.pilotId)}>${p.title}</a>
                    ${p.fromStage ? `(${t('charts.stopped.from', { stage: i18n.label('stage', p.fromStage) })})` : ''}
                    <span class="reason">${p.reason ?? t('common.notGiven')}</span>
                  </li>`
                )}
              </ul>
              ${this.#more(stats.discontinued.pilots.length, stats.discontinued.count, 'charts.stopped.shown', this.#allStopped())}`
            : html`<p class="ds-paragraph">${t('charts.stopped.none')}</p>`
        }
      </section>
      <section aria-labelledby="stuck-heading">
        <h2 class="ds-heading" data-size="md" id="stuck-heading">${t('charts.stuck.title')}</h2>
        <p class="ds-paragraph lead">${t('charts.stuck.intro')}</p>
        ${
          stats.stuckSuccesses.length
            ? html`<ul class="ds-list">
                ${stats.stuckSuccesses.map(
                  (p) => html`<li>
                    <a class="ds-link" href=${paths.pilot(p.pilotId)}>${p.title}</a>,
                    ${p.organisationName}
                    <span class="reason">${t('charts.stuck.since', { date: i18n.day(p.concludedAt) })}</span>
                  </li>`
                )}
              </ul>
              ${this.#more(stats.stuckSuccesses.length, stats.flags.stuck_success ?? 0, 'charts.stuck.shown')}`
            : html`<p class="ds-paragraph">${t('charts.stuck.none')}</p>`
        }
      </section>
    `
  }

  /** Under a list that shows only the first of many: how many there are, and where to see all. */
  #more(shown: number, count: number, summary: MessageKey, all: unknown = nothing) {
    if (count <= shown) return nothing
    const { i18n } = this
    return html`<p class="ds-paragraph">
        ${i18n.t(summary, { shown: i18n.number(shown), count: i18n.number(count) })}
      </p>
      ${all}`
  }

  /** A link to every stopped pilot in search, within the filters search has too. */
  #allStopped() {
    const { i18n, filters } = this
    const href = paths.discover({
      stage: ['discontinued'],
      serviceArea: filters.serviceArea ? [filters.serviceArea] : [],
      county: filters.county ? [filters.county] : [],
    })
    return html`<p class="ds-paragraph">
      <a class="ds-link" href=${href}>${i18n.t('charts.stopped.all')}</a>
    </p>`
  }
}
customElements.define('pipeline-page', PipelinePage)

declare global {
  interface HTMLElementTagNameMap {
    'pipeline-page': PipelinePage
  }
}
