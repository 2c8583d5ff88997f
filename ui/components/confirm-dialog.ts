import { css, html, nothing } from 'lit'
import { AppElement } from '../app-element.ts'

/**
 * A modal question before something that cannot be undone (revoke a token, remove a member).
 * `ask(opener)` opens it and answers whether the user confirmed; while open, focus stays inside
 * (a modal `<dialog>` makes the rest of the page inert), and on close it goes back to `opener`.
 */
export class ConfirmDialog extends AppElement {
  static override properties = {
    heading: {},
    message: {},
    confirmLabel: {},
    danger: { type: Boolean },
  }
  static override styles = [
    ...AppElement.styles,
    css`
      dialog {
        max-width: min(32rem, calc(100vw - 2rem));
      }
      dialog > * + * {
        margin-top: var(--ds-size-4);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-3);
      }
    `,
  ]

  /** The question, as the dialog's title. */
  declare heading: string
  /** What will happen, in plain words. */
  declare message: string
  /** The label of the button that goes ahead. */
  declare confirmLabel: string
  /** Marks the go-ahead button as destructive. */
  declare danger: boolean

  #opener: HTMLElement | null = null
  #answer: ((confirmed: boolean) => void) | null = null
  #confirmed = false

  constructor() {
    super()
    this.heading = ''
    this.message = ''
    this.confirmLabel = ''
    this.danger = false
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    return html`<dialog class="ds-dialog" aria-labelledby="confirm-heading"
      aria-describedby="confirm-message" @close=${this.#closed} @keydown=${this.#keepFocus}>
      <h2 class="ds-heading" data-size="xs" id="confirm-heading">${this.heading}</h2>
      <p class="ds-paragraph" id="confirm-message">${this.message}</p>
      <div class="actions">
        <button class="ds-button" type="button" data-color=${this.danger ? 'danger' : nothing}
          @click=${this.#confirm}>${this.confirmLabel}</button>
        <button class="ds-button" data-variant="secondary" type="button" autofocus
          @click=${this.#cancel}>${t('account.confirm.cancel')}</button>
      </div>
    </dialog>`
  }

  /** Opens the dialog; resolves true when the user goes ahead, false on cancel or Escape. */
  async ask(opener: HTMLElement | null): Promise<boolean> {
    await this.updateComplete
    this.#opener = opener
    this.#confirmed = false
    const dialog = this.renderRoot.querySelector('dialog')
    if (!dialog) return false
    return new Promise((resolve) => {
      this.#answer = resolve
      dialog.showModal()
    })
  }

  // A modal dialog makes the page inert, but Tab from its last button would still go to the
  // browser's own controls: it goes round to the first button instead, and Shift+Tab the other way.
  #keepFocus(event: KeyboardEvent) {
    if (event.key !== 'Tab') return
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('dialog button')]
    const at = buttons.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement)
    const next = (at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length
    event.preventDefault()
    buttons[next]?.focus()
  }

  #confirm() {
    this.#confirmed = true
    this.renderRoot.querySelector('dialog')?.close()
  }

  #cancel() {
    this.renderRoot.querySelector('dialog')?.close()
  }

  #closed() {
    this.#answer?.(this.#confirmed)
    this.#answer = null
    // The opener may have gone from the page with what it opened for: then the page keeps focus.
    if (this.#opener?.isConnected) this.#opener.focus()
    this.#opener = null
  }
}
customElements.define('confirm-dialog', ConfirmDialog)

declare global {
  interface HTMLElementTagNameMap {
    'confirm-dialog': ConfirmDialog
  }
}
