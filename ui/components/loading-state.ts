import { css, html } from 'lit'
import { AppElement } from '../app-element.ts'

/** A spinner with a text that says what is loading; announced politely to screen readers. */
export class LoadingState extends AppElement {
  static override properties = { label: {} }
  static override styles = [
    ...AppElement.styles,
    css`
      .loading {
        align-items: center;
        display: flex;
        gap: var(--ds-size-3);
        padding-block: var(--ds-size-4);
      }
    `,
  ]

  /** What is loading; defaults to a general "Loading". */
  declare label: string | undefined

  override render() {
    return html`<div class="loading" role="status">
      <svg class="ds-spinner" data-size="sm" viewBox="0 0 50 50" aria-hidden="true">
        <circle class="ds-spinner__background" cx="25" cy="25" r="20" fill="none" stroke-width="5"></circle>
        <circle class="ds-spinner__circle" cx="25" cy="25" r="20" fill="none" stroke-width="5"></circle>
      </svg>
      <span>${this.label ?? this.i18n.t('state.loading')}</span>
    </div>`
  }
}
customElements.define('loading-state', LoadingState)

declare global {
  interface HTMLElementTagNameMap {
    'loading-state': LoadingState
  }
}
