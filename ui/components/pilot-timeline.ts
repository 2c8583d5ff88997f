import { ContextConsumer } from '@lit/context'
import { initialState, Task, TaskStatus } from '@lit/task'
import { css, html, nothing, type PropertyValues } from 'lit'
import { OUTCOMES, type Outcome, STAGES, type Stage } from '../../schema/enums.ts'
import type { PilotEvent } from '../../schema/event.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import { taskView } from '../task-view.ts'

const isStage = (value: unknown): value is Stage =>
  typeof value === 'string' && (STAGES as readonly string[]).includes(value)
const isOutcome = (value: unknown): value is Outcome =>
  typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value)

/** A pilot's history from its events, oldest first, a page at a time. */
export class PilotTimeline extends AppElement {
  static override properties = { pilotId: {}, version: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      ol {
        border-inline-start: 2px solid var(--ds-color-neutral-border-subtle);
        list-style: none;
        margin: 0;
        padding: 0 0 0 var(--ds-size-5);
      }
      li {
        position: relative;
      }
      li + li {
        margin-top: var(--ds-size-4);
      }
      li::before {
        background: var(--ds-color-accent-base-default);
        border-radius: 50%;
        content: '';
        height: 0.75rem;
        left: calc(-1 * var(--ds-size-5) - 0.4375rem);
        position: absolute;
        top: 0.45em;
        width: 0.75rem;
      }
      time {
        color: var(--ds-color-neutral-text-subtle);
        display: block;
      }
      p {
        margin: 0;
      }
      .more {
        margin-top: var(--ds-size-5);
      }
    `,
  ]

  /** The pilot whose history this is. */
  declare pilotId: string
  /** The pilot's version as the page shows it: a newer one (a stage change) reads the history again. */
  declare version: number | undefined

  readonly #api = new ContextConsumer(this, { context: apiContext })
  // Pages after the first, fetched when asked for.
  #later: PilotEvent[] = []
  #nextCursor: string | null = null

  readonly #first = new Task(this, {
    task: ([api, id], { signal }) => (api ? api.events(id, null, signal) : initialState),
    args: () => [this.#api.value, this.pilotId, this.version] as const,
    onComplete: (page) => {
      this.#nextCursor = page.nextCursor
    },
  })

  readonly #more = new Task(this, {
    autoRun: false,
    task: async ([cursor]: readonly [string], { signal }) => {
      const api = this.#api.value
      if (!api) return initialState
      const page = await api.events(this.pilotId, cursor, signal)
      this.#later = [...this.#later, ...page.items]
      this.#nextCursor = page.nextCursor
      return page
    },
  })

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('pilotId') || changed.has('version')) {
      this.#later = []
      this.#nextCursor = null
    }
  }

  override render() {
    return taskView(this.#first, (page) => {
      const events = [...page.items, ...this.#later]
      if (!events.length) {
        return html`<p class="ds-paragraph">${this.i18n.t('pilot.timeline.empty')}</p>`
      }
      return html`<ol>
          ${events.map((event) => this.#event(event))}
        </ol>
        ${this.#moreButton()}`
    })
  }

  #moreButton() {
    if (this.#more.status === TaskStatus.ERROR) {
      return html`<error-state .error=${this.#more.error} @retry=${() => this.#more.run()}></error-state>`
    }
    if (!this.#nextCursor) return nothing
    const cursor = this.#nextCursor
    return html`<p class="more">
      <button
        class="ds-button"
        data-variant="secondary"
        type="button"
        aria-busy=${this.#more.status === TaskStatus.PENDING ? 'true' : 'false'}
        @click=${() => this.#more.run([cursor])}
      >
        ${this.i18n.t('pilot.timeline.more')}
      </button>
    </p>`
  }

  #event(event: PilotEvent) {
    const { i18n } = this
    const t = i18n.t.bind(i18n)
    const stage = event.diff.stage
    const from = stage?.from
    const to = stage?.to
    const reason = typeof event.data?.reason === 'string' ? event.data.reason : null
    const outcome = event.diff.outcome?.to
    const who = event.actor.organisationName ?? event.actor.name
    const details = [
      isStage(from) && isStage(to)
        ? t('pilot.timeline.stage', {
            from: i18n.label('stage', from),
            to: i18n.label('stage', to),
          })
        : null,
      isOutcome(outcome) ? `${t('pilot.facts.outcome')}: ${i18n.label('outcome', outcome)}` : null,
      reason ? t('pilot.timeline.reason', { reason }) : null,
    ].filter(Boolean)
    return html`<li>
      <time datetime=${event.at}>${i18n.day(event.at)}</time>
      <p class="ds-paragraph" data-size="sm">
        <strong>${i18n.label('event', event.type)}</strong>${who ? html` · ${who}` : nothing}
      </p>
      ${details.length ? html`<p class="ds-paragraph" data-size="sm">${details.join('. ')}</p>` : nothing}
    </li>`
  }
}
customElements.define('pilot-timeline', PilotTimeline)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-timeline': PilotTimeline
  }
}
