import { ContextConsumer } from '@lit/context'
import { initialState, Task, TaskStatus } from '@lit/task'
import { css, html, nothing, type PropertyValues } from 'lit'
import { ApiError, type Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, canEditPilot, canEvaluate, sessionContext } from '../context.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'
import { paths } from '../router.ts'
import { taskView } from '../task-view.ts'
import '../charts/benefit-chart.ts'
import '../charts/pilot-spread.ts'
import '../components/adoption-list.ts'
import '../components/benefit-table.ts'
import '../components/error-state.ts'
import '../components/evaluation-article.ts'
import '../components/loading-state.ts'
import '../components/metrics-table.ts'
import '../components/pilot-contact.ts'
import '../components/pilot-copy.ts'
import { type CopyNotice, takeCopyNotice } from '../components/pilot-copy.ts'
import '../components/pilot-facts.ts'
import '../components/pilot-hypothesis.ts'
import '../components/pilot-status.ts'
import '../components/pilot-timeline.ts'
import type { PilotChangedEvent } from '../components/stage-transition.ts'
import { takeSaved } from '../forms/pilot-edit.ts'

// The owner's tools (stage changes, evaluators), with their forms and checks, are fetched only for
// those who may use them: a reader of the pilot downloads none of it. The elements show once their
// code has arrived.
function loadOwnerTools() {
  void import('../components/stage-transition.ts')
  void import('../components/pilot-evaluators.ts')
}

/** Everything about one pilot: what it tried, how it was measured, what it showed and who copied it. */
export class PilotPage extends AppElement {
  static override properties = { pilotId: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      .ds-breadcrumbs {
        margin-block: var(--ds-size-6) var(--ds-size-4);
      }
      .lead {
        color: var(--ds-color-neutral-text-subtle);
        margin-top: var(--ds-size-2);
      }
      header > * + * {
        margin-top: var(--ds-size-3);
      }
      .summary {
        max-width: 46rem;
      }
      .evidence {
        font-weight: var(--ds-font-weight-medium);
      }
      .layout {
        display: grid;
        gap: var(--ds-size-10);
        margin-top: var(--ds-size-10);
      }
      @media (min-width: 64rem) {
        .layout {
          align-items: start;
          grid-template-columns: minmax(0, 1fr) 20rem;
        }
      }
      .main {
        min-width: 0;
      }
      .main > section + section {
        margin-top: var(--ds-size-12);
      }
      h2 {
        margin-bottom: var(--ds-size-4);
      }
      .side > * + * {
        margin-top: var(--ds-size-6);
      }
      .evaluate {
        margin-bottom: var(--ds-size-6);
      }
      .evaluations > * + * {
        margin-top: var(--ds-size-6);
      }
      .copied {
        margin-top: var(--ds-size-6);
      }
      .not-found h1 {
        margin-top: var(--ds-size-10);
      }
    `,
  ]

  /** The pilot's id, from the address. */
  declare pilotId: string

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  // What a copy that made this pilot left to say, shown once.
  #notice: CopyNotice | null = null
  // Whether the user just saved an edit of this pilot, confirmed once.
  #saved = false
  // The pilot as a stage change left it, newer than what the task read.
  #changed: Pilot | null = null
  readonly #pilot = new Task(this, {
    task: ([api, id], { signal }) => (api ? api.pilot(id, signal) : initialState),
    args: () => [this.#api.value, this.pilotId] as const,
  })
  readonly #evaluations = new Task(this, {
    task: ([api, id], { signal }) => (api ? api.evaluations(id, signal) : initialState),
    args: () => [this.#api.value, this.pilotId] as const,
  })
  readonly #benefits = new Task(this, {
    task: ([api, id], { signal }) => (api ? api.benefits(id, signal) : initialState),
    args: () => [this.#api.value, this.pilotId] as const,
  })
  // Who is assigned to evaluate, asked only by a signed-in evaluator: to offer "record an evaluation".
  readonly #evaluators = new Task(this, {
    task: async ([api, id, session], { signal }): Promise<string[]> =>
      api && session?.user.roles.includes('evaluator')
        ? (await api.evaluators(id, signal)).items.map((e) => e.userId)
        : [],
    args: () => [this.#api.value, this.pilotId, this.#session.value] as const,
  })
  readonly #adoptions = new Task(this, {
    task: ([api, id], { signal }) => (api ? api.adoptions(id, signal) : initialState),
    args: () => [this.#api.value, this.pilotId] as const,
  })

  override render() {
    const task = this.#pilot
    if (
      task.status === TaskStatus.ERROR &&
      task.error instanceof ApiError &&
      task.error.status === 404
    ) {
      return this.#notFound()
    }
    return html`<div class="container">${taskView(task, (pilot) =>
      this.#page(
        this.#changed?.id === pilot.id && this.#changed.version > pilot.version
          ? this.#changed
          : pilot
      )
    )}</div>`
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('pilotId')) {
      this.#notice = takeCopyNotice(this.pilotId)
      this.#saved = takeSaved(this.pilotId)
    }
    const owner = this.#pilot.value?.owner.id
    if (owner && canEditPilot(this.#session.value, owner)) loadOwnerTools()
  }

  override updated() {
    const task = this.#pilot
    if (task.status === TaskStatus.COMPLETE && task.value) this.announcePageTitle(task.value.title)
    if (task.status === TaskStatus.ERROR)
      this.announcePageTitle(this.i18n.t('pilot.notFound.title'))
  }

  readonly #onPilotChanged = (event: PilotChangedEvent) => {
    this.#changed = event.pilot
    this.requestUpdate()
  }

  #notFound() {
    const t = this.i18n.t.bind(this.i18n)
    return html`<div class="container not-found">
      <h1 class="ds-heading" data-size="lg">${t('pilot.notFound.title')}</h1>
      <p class="ds-paragraph">${t('pilot.notFound.body')}</p>
      <p><a class="ds-link" href=${paths.discover()}>${t('pilot.notFound.search')}</a></p>
    </div>`
  }

  #page(pilot: Pilot) {
    const t = this.i18n.t.bind(this.i18n)
    return html`
      <nav class="ds-breadcrumbs" aria-label=${t('pilot.breadcrumbs')}>
        <a class="ds-link" href=${paths.discover()}>${t('nav.discover')}</a>
        <ol>
          <li><a class="ds-link" href=${paths.overview()}>${t('pilot.home')}</a></li>
          <li><a class="ds-link" href=${paths.discover()}>${t('nav.discover')}</a></li>
          <li>
            <a class="ds-link" href=${paths.pilot(pilot.id)} aria-current="page" lang=${CONTENT_LANG}>
              ${pilot.title}
            </a>
          </li>
        </ol>
      </nav>
      ${this.#header(pilot)}
      <div role="status">
        ${this.#copied()}
        ${
          this.#saved
            ? html`<div class="ds-alert copied" data-color="success">
                <p class="ds-paragraph">${this.i18n.t('edit.saved')}</p>
              </div>`
            : nothing
        }
      </div>
      <div class="layout">
        <div class="main">${this.#sections(pilot)}</div>
        <aside class="side">
          ${
            canEditPilot(this.#session.value, pilot.owner.id)
              ? html`<p>
                    <a class="ds-button" data-variant="secondary" href=${paths.edit(pilot.id)}>
                      ${this.i18n.t('edit.link')}
                    </a>
                  </p>
                  <stage-transition .pilot=${pilot} .concluding=${this.#concluding()}
                    @pilot-changed=${this.#onPilotChanged}></stage-transition>`
              : nothing
          }
          <pilot-copy .pilot=${pilot} .adoption=${this.#ownAdoption()}></pilot-copy>
          ${this.#evaluatorPanel(pilot)}
          <pilot-facts .pilot=${pilot}></pilot-facts>
          <pilot-contact .pilot=${pilot}></pilot-contact>
        </aside>
      </div>
    `
  }

  // The pilot's own organisation assigns its evaluators.
  #evaluatorPanel(pilot: Pilot) {
    const own = this.#session.value?.user.memberships.some(
      (m) => m.organisationId === pilot.owner.id
    )
    if (!own) return nothing
    return html`<section class="evaluators" aria-labelledby="evaluators-heading">
      <h2 class="ds-heading" data-size="xs" id="evaluators-heading">
        ${this.i18n.t('account.admin.pilot.evaluators')}
      </h2>
      <pilot-evaluators .pilot=${pilot} @pilot-changed=${this.#onPilotChanged}></pilot-evaluators>
    </section>`
  }

  #copied() {
    const notice = this.#notice
    if (!notice) return nothing
    const t = this.i18n.t.bind(this.i18n)
    const advisor = notice.advisor
    return html`<div class="ds-alert copied" data-color="success">
      <h2 class="ds-heading" data-size="2xs">${t('copy.done', { organisation: notice.organisationName })}</h2>
      ${
        advisor
          ? html`<p class="ds-paragraph">
              ${t('copy.advisor', { name: advisor.name, organisation: advisor.organisationName })}
              <a class="ds-link" href="mailto:${advisor.email}">${advisor.email}</a>${
                advisor.phone
                  ? html`, <a class="ds-link" href="tel:${advisor.phone.replace(/\s+/g, '')}">${advisor.phone}</a>`
                  : nothing
              }
            </p>`
          : html`<p class="ds-paragraph">${t('copy.noAdvisor')}</p>`
      }
    </div>`
  }

  #header(pilot: Pilot) {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const level = pilot.evidence.bestLevel
    const best = level === null ? null : i18n.evidence(level)
    const replication = pilot.evidence.replication
    return html`<header>
      ${pilot.sample ? html`<span class="ds-tag" data-color="warning">${t('sample.tag')}</span>` : nothing}
      <h1 class="ds-heading" data-size="lg" lang=${CONTENT_LANG}>${pilot.title}</h1>
      <p class="ds-paragraph lead">
        <a class="ds-link" href=${paths.organisation(pilot.owner.id)}>${pilot.owner.name}</a> ·
        ${i18n.label('serviceArea', pilot.serviceArea)}
      </p>
      <pilot-status .stage=${pilot.stage} .outcome=${pilot.outcome} .flags=${pilot.flags}></pilot-status>
      ${
        pilot.summary
          ? html`<p class="ds-paragraph summary" data-size="lg" lang=${CONTENT_LANG}>
              ${pilot.summary}
            </p>`
          : nothing
      }
      ${
        best && level !== null
          ? html`<p class="ds-paragraph evidence">
              ${t('pilot.evidence.summary', { level, title: best.title })}
              ${
                replication?.tried
                  ? t('pilot.adoptions.replication', {
                      succeeded: i18n.number(replication.succeeded),
                      tried: i18n.number(replication.tried),
                    })
                  : nothing
              }
            </p>`
          : nothing
      }
    </header>`
  }

  #sections(pilot: Pilot) {
    const t = this.i18n.t.bind(this.i18n)
    const text = (value: string) =>
      value
        ? html`<p class="ds-paragraph" lang=${CONTENT_LANG}>${value}</p>`
        : html`<p class="ds-paragraph">${t('common.notGiven')}</p>`
    return html`
      ${this.#section('problem', t('pilot.section.problem'), text(pilot.problem))}
      ${this.#section(
        'hypothesis',
        t('pilot.section.hypothesis'),
        html`<pilot-hypothesis .pilot=${pilot}></pilot-hypothesis>`
      )}
      ${this.#section(
        'metrics',
        t('pilot.metrics.title'),
        taskView(
          this.#evaluations,
          (page) =>
            html`<metrics-table .metrics=${pilot.metrics} .evaluations=${page.items}></metrics-table>`
        )
      )}
      ${this.#section(
        'evaluations',
        t('pilot.evaluations.title'),
        html`${this.#evaluateAction(pilot)}
        ${taskView(this.#evaluations, (page) =>
          page.items.length
            ? html`<div class="evaluations">
                ${page.items.map((e) => html`<evaluation-article .evaluation=${e}></evaluation-article>`)}
              </div>`
            : html`<p class="ds-paragraph">${t('pilot.evaluations.empty')}</p>`
        )}`
      )}
      ${this.#section(
        'benefits',
        t('pilot.benefits.title'),
        taskView(
          this.#benefits,
          (ledger) =>
            html`<benefit-table .ledger=${ledger}></benefit-table>
              ${ledger.items.length ? html`<benefit-chart .totals=${ledger.totals}></benefit-chart>` : nothing}`
        )
      )}
      ${this.#section(
        'adoptions',
        t('pilot.adoptions.title'),
        taskView(
          this.#adoptions,
          (page) => html`<adoption-list .adoptions=${page.items} .pilot=${pilot}></adoption-list>`
        )
      )}
      ${this.#section(
        'spread',
        t('charts.pilot.spreadTitle'),
        html`<pilot-spread .pilotId=${pilot.id}></pilot-spread>`
      )}
      ${this.#section(
        'timeline',
        t('pilot.timeline.title'),
        html`<pilot-timeline .pilotId=${pilot.id} .version=${pilot.version}></pilot-timeline>`
      )}
    `
  }

  /** "Record an evaluation", for those the API lets record one, once the trial has started. */
  #evaluateAction(pilot: Pilot) {
    const evaluatorIds = this.#evaluators.value ?? []
    if (!canEvaluate(this.#session.value, pilot.owner.id, evaluatorIds)) return nothing
    if (pilot.stage === 'hypothesis' || pilot.stage === 'planned') return nothing
    return html`<p class="evaluate">
      <a class="ds-button" data-variant="secondary" href=${paths.evaluate(pilot.id)}>
        ${this.i18n.t('evaluate.action')}
      </a>
    </p>`
  }

  /** The outcome of the latest final or external evaluation that has one (the API's rule). */
  #concluding() {
    const final = (this.#evaluations.value?.items ?? []).filter(
      (e) => e.kind !== 'interim' && e.outcome !== null
    )
    return final.at(-1)?.outcome ?? null
  }

  /** The adoption of the signed-in user's organisation, if it has one. */
  #ownAdoption() {
    const organisationId = this.#session.value?.organisation?.id
    return this.#adoptions.value?.items.find((a) => a.organisation.id === organisationId) ?? null
  }

  #section(id: string, title: string, content: unknown) {
    return html`<section aria-labelledby="${id}-heading">
      <h2 class="ds-heading" data-size="md" id="${id}-heading">${title}</h2>
      ${content}
    </section>`
  }
}
customElements.define('pilot-page', PilotPage)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-page': PilotPage
  }
}
