import { ContextConsumer } from '@lit/context'
import { LitElement } from 'lit'
import { i18nContext } from './context.ts'
import { PageTitleEvent } from './events.ts'
import { I18n } from './i18n/i18n.ts'
import { nb } from './i18n/nb.ts'
import { appStyles, designsystemet } from './styles/designsystemet.ts'

const fallback = new I18n('nb', nb)

/**
 * The base of the app's elements: Designsystemet's styles in the shadow root, and the current
 * language from context (it re-renders when the user switches).
 */
export class AppElement extends LitElement {
  static override styles = [designsystemet, appStyles]

  readonly #i18n = new ContextConsumer(this, { context: i18nContext, subscribe: true })

  /** Messages and formats of the current language. */
  protected get i18n(): I18n {
    return this.#i18n.value ?? fallback
  }

  #pageTitle: string | undefined

  /** Renders what changed, then moves focus to what `selector` finds in this element's tree. */
  protected async focusAfterRender(selector: string) {
    this.requestUpdate()
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus()
  }

  /** For pages: tells the shell the page's title, when it changes. */
  protected announcePageTitle(title: string) {
    if (title === this.#pageTitle) return
    this.#pageTitle = title
    this.dispatchEvent(new PageTitleEvent(title))
  }
}
