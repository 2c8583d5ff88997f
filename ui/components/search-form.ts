import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'

/** The user searched for `q`. */
export class SearchSubmitEvent extends Event {
  static readonly type = 'search-submit'
  readonly q: string
  constructor(q: string) {
    super(SearchSubmitEvent.type, { bubbles: true, composed: true })
    this.q = q
  }
}

/**
 * The search box: a labelled field with an example and a button.
 * @fires search-submit - the form was sent, with the words typed
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
      .row .ds-input {
        flex: 1 1 auto;
        min-width: 0;
      }
      .row .ds-button {
        flex: none;
      }
    `,
  ]

  /** The words in the box when it is shown. */
  declare value: string

  constructor() {
    super()
    this.value = ''
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`<form role="search" aria-label=${t('search.label')} @submit=${this.#submit}>
      <div class="ds-field">
        <label class="ds-label" for="q">${t('search.label')}</label>
        <p class="ds-paragraph" data-size="sm" data-field="description" id="q-hint">
          ${t('search.description')}
        </p>
        <div class="row">
          <input
            class="ds-input"
            id="q"
            name="q"
            type="search"
            autocomplete="off"
            maxlength="200"
            aria-describedby="q-hint"
            .value=${this.value}
          />
          <button class="ds-button" type="submit">${t('search.submit')}</button>
        </div>
      </div>
    </form>`
  }

  #submit(event: SubmitEvent) {
    event.preventDefault()
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
