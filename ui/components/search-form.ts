import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import type { PilotSummary } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import { NavigateEvent } from '../events.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'
import { paths } from '../router.ts'
import { highlighted } from './highlighted.ts'

/** The user searched for `q`. */
export class SearchSubmitEvent extends Event {
  static readonly type = 'search-submit'
  readonly q: string
  constructor(q: string) {
    super(SearchSubmitEvent.type, { bubbles: true, composed: true })
    this.q = q
  }
}

// Few enough to read at a glance; the full search is one Enter away.
const SUGGESTIONS = 6
// Long enough that a word typed at normal speed asks once, short enough to feel immediate.
const DEBOUNCE_MS = 200
const MIN_LENGTH = 2

/**
 * The search box: a labelled field with an example and a button. As the user types it suggests
 * pilots whose titles match (the ARIA combobox pattern: the list is a listbox, arrow keys move
 * through it with `aria-activedescendant`, Enter opens the chosen pilot, Escape closes the list).
 * @fires search-submit - the form was sent, with the words typed
 * @fires app-navigate - a suggested pilot was chosen
 */
export class SearchForm extends AppElement {
  static override properties = { value: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      .row {
        display: flex;
        gap: var(--ds-size-2);
      }
      .combo {
        flex: 1 1 auto;
        min-width: 0;
        position: relative;
      }
      .combo .ds-input {
        width: 100%;
      }
      .row .ds-button {
        flex: none;
      }
      [role='listbox'] {
        background: var(--ds-color-neutral-surface-default);
        border: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        border-radius: var(--ds-border-radius-md);
        box-shadow: var(--ds-shadow-md);
        box-sizing: border-box;
        color: var(--ds-color-neutral-text-default);
        display: grid;
        gap: var(--ds-size-1);
        inset: 100% 0 auto 0;
        list-style: none;
        margin: var(--ds-size-1) 0 0;
        padding: var(--ds-size-2);
        position: absolute;
        z-index: 10;
      }
      [role='option'] {
        border-radius: var(--ds-border-radius-md);
        cursor: pointer;
        line-height: var(--ds-line-height-sm);
        overflow-wrap: anywhere;
        padding: var(--ds-size-3);
      }
      [role='option'] small {
        color: var(--ds-color-neutral-text-subtle);
        display: block;
        font-size: var(--ds-body-sm-font-size);
      }
      [role='option'][aria-selected='true'] small {
        color: inherit;
      }
      [role='option']:hover {
        background: var(--ds-color-neutral-surface-hover);
      }
      [role='option'][aria-selected='true'] {
        background: var(--ds-color-neutral-surface-active);
        box-shadow: var(--dsc-focus-boxShadow-middle, 0 0 0 0.25rem var(--ds-color-focus-inner));
        outline: 0.125rem solid var(--ds-color-focus-outer);
        outline-offset: -0.125rem;
      }
      mark {
        background: none;
        color: inherit;
        padding: 0;
        font-weight: var(--ds-font-weight-semibold);
      }
    `,
  ]

  /** The words in the box when it is shown. */
  declare value: string

  readonly #api = new ContextConsumer(this, { context: apiContext })
  #suggestions: PilotSummary[] = []
  #open = false
  #active = -1
  #timer: ReturnType<typeof setTimeout> | undefined
  #request: AbortController | undefined

  constructor() {
    super()
    this.value = ''
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.#cancel()
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const open = this.#open && this.#suggestions.length > 0
    const active = open && this.#active >= 0 ? `q-option-${this.#active}` : nothing
    return html`<form role="search" aria-label=${t('search.label')} @submit=${this.#submit}>
      <div class="ds-field">
        <label class="ds-label" for="q">${t('search.label')}</label>
        <p class="ds-paragraph" data-size="sm" data-field="description" id="q-hint">
          ${t('search.description')}
        </p>
        <div class="row">
          <div class="combo" @focusout=${this.#onFocusOut}>
            <input
              class="ds-input"
              id="q"
              name="q"
              type="search"
              role="combobox"
              autocomplete="off"
              maxlength="200"
              aria-describedby="q-hint"
              aria-autocomplete="list"
              aria-controls="q-suggestions"
              aria-expanded=${open ? 'true' : 'false'}
              aria-activedescendant=${active}
              .value=${this.value}
              @input=${this.#onInput}
              @keydown=${this.#onKeyDown}
            />
            <ul role="listbox" id="q-suggestions" aria-label=${t('search.suggestions.label')}
              ?hidden=${!open}>
              ${this.#suggestions.map(
                (pilot, i) => html`<li
                  role="option"
                  id="q-option-${i}"
                  aria-selected=${i === this.#active ? 'true' : 'false'}
                  @mousedown=${(e: Event) => e.preventDefault()}
                  @click=${() => this.#choose(pilot)}
                >
                  <span lang=${CONTENT_LANG}>${this.#title(pilot)}</span>
                  <small>${pilot.owner.name}</small>
                </li>`
              )}
            </ul>
          </div>
          <button class="ds-button" type="submit">${t('search.submit')}</button>
        </div>
      </div>
      <div role="status" class="ds-sr-only">
        ${open ? this.i18n.plural('search.suggestions.count', this.#suggestions.length) : ''}
      </div>
    </form>`
  }

  #title(pilot: PilotSummary) {
    const segments = pilot.highlights?.title
    if (!segments?.length) return pilot.title
    return highlighted(segments)
  }

  readonly #onInput = (event: Event) => {
    const q = (event.target as HTMLInputElement).value.trim()
    this.#cancel()
    this.#active = -1
    if (q.length < MIN_LENGTH) {
      this.#close()
      return
    }
    this.#timer = setTimeout(() => void this.#suggest(q), DEBOUNCE_MS)
  }

  async #suggest(q: string) {
    const api = this.#api.value
    if (!api) return
    const request = new AbortController()
    this.#request = request
    try {
      const page = await api.searchPilots({ q, limit: SUGGESTIONS }, request.signal)
      if (request.signal.aborted) return
      this.#suggestions = page.items
      this.#open = this.#input()?.matches(':focus') ?? false
      this.#active = -1
      this.requestUpdate()
    } catch {
      // Suggestions are a help, not a need: a failed one leaves the search as it was.
      if (!request.signal.aborted) this.#close()
    }
  }

  #cancel() {
    clearTimeout(this.#timer)
    this.#request?.abort()
  }

  #close() {
    this.#open = false
    this.#active = -1
    this.requestUpdate()
  }

  #input() {
    return this.renderRoot.querySelector<HTMLInputElement>('#q')
  }

  readonly #onKeyDown = (event: KeyboardEvent) => {
    const count = this.#suggestions.length
    const open = this.#open && count > 0
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return
        event.preventDefault()
        const down = event.key === 'ArrowDown'
        if (!open) {
          this.#open = true
          this.#active = down ? 0 : count - 1
        } else {
          this.#active = down
            ? (this.#active + 1) % count
            : this.#active <= 0
              ? count - 1
              : this.#active - 1
        }
        this.requestUpdate()
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector(`#q-option-${this.#active}`)?.scrollIntoView({
            block: 'nearest',
          })
        )
        return
      }
      case 'Enter': {
        const pilot = open ? this.#suggestions[this.#active] : undefined
        if (!pilot) return
        event.preventDefault()
        this.#choose(pilot)
        return
      }
      case 'Escape':
        // The first Escape closes the list; the next one is the search field's own (it clears).
        if (!open) return
        event.preventDefault()
        this.#close()
        return
      default:
        return
    }
  }

  readonly #onFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget
    if (to instanceof Node && (event.currentTarget as HTMLElement).contains(to)) return
    this.#close()
  }

  #choose(pilot: PilotSummary) {
    this.#cancel()
    this.#close()
    this.dispatchEvent(new NavigateEvent(paths.pilot(pilot.id)))
  }

  #submit(event: SubmitEvent) {
    event.preventDefault()
    this.#cancel()
    this.#close()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    this.dispatchEvent(new SearchSubmitEvent(String(data.get('q') ?? '').trim()))
  }
}
customElements.define('search-form', SearchForm)

declare global {
  interface HTMLElementTagNameMap {
    'search-form': SearchForm
  }
  interface HTMLElementEventMap {
    'search-submit': SearchSubmitEvent
  }
}
