import { ContextProvider } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, LitElement, nothing } from 'lit'
import { ApiClient } from './api/client.ts'
import { apiContext, i18nContext, type Session, sessionContext } from './context.ts'
import type {
  LocaleChangeEvent,
  NavigateEvent,
  PageTitleEvent,
  UnsavedChangesEvent,
} from './events.ts'
import { DEFAULT_LOCALE, I18n, type Locale, storedLocale, storeLocale } from './i18n/i18n.ts'
import { nb } from './i18n/nb.ts'
import { matchRoute, type Route } from './router.ts'
import { appStyles, designsystemet } from './styles/designsystemet.ts'
import './components/loading-state.ts'
import './components/page-load-error.ts'
import './components/site-footer.ts'
import './components/site-header.ts'

// Each page is its own chunk, fetched when its address is first shown: the first page loads only
// what it draws, and the charts, forms and admin pages come when someone opens them.
const PAGES: Record<Route['name'], () => Promise<unknown>> = {
  overview: () => import('./pages/overview-page.ts'),
  discover: () => import('./pages/discover-page.ts'),
  pilot: () => import('./pages/pilot-page.ts'),
  accessibility: () => import('./pages/accessibility-page.ts'),
  login: () => import('./pages/login-page.ts'),
  register: () => import('./pages/pilot-form-page.ts'),
  edit: () => import('./pages/pilot-form-page.ts'),
  evaluate: () => import('./pages/evaluation-form-page.ts'),
  adopt: () => import('./pages/adoption-form-page.ts'),
  account: () => import('./pages/account-page.ts'),
  organisation: () => import('./pages/organisation-page.ts'),
  admin: () => import('./pages/admin-page.ts'),
  pipeline: () => import('./pages/pipeline-page.ts'),
  spread: () => import('./pages/spread-page.ts'),
  'not-found': () => import('./pages/not-found-page.ts'),
}

function storage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/**
 * The app: header, footer and the page for the address, with real URLs through the History API.
 * Provides the API client and the current language to every element below it.
 */
export class AppShell extends LitElement {
  static override styles = [
    designsystemet,
    appStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      main {
        flex: 1 0 auto;
      }
      main:focus {
        outline: none;
      }
      .sample {
        margin-top: var(--ds-size-4);
        /* A flex item with auto margins would shrink to its text. */
        width: 100%;
      }
      .ds-skiplink:focus {
        position: absolute;
        z-index: 10;
      }
      /* A page that arrives quickly shows no spinner; a slow one shows it in the page's place. */
      .page-loading {
        animation: appear 0s 300ms both;
      }
      @keyframes appear {
        from {
          visibility: hidden;
        }
      }
    `,
  ]

  #route: Route = matchRoute(new URL(window.location.href))
  // Bokmål until the chosen language has loaded; the shell shows nothing before then (see render).
  #i18n = new I18n(DEFAULT_LOCALE, nb)
  #languageReady = false
  #languageLoad = 0
  // The chosen language's messages could not be fetched (typically: a new version was deployed).
  #languageFailed = false
  readonly #api = new ApiClient()
  readonly #i18nProvider = new ContextProvider(this, {
    context: i18nContext,
    initialValue: this.#i18n,
  })
  readonly #sessionProvider = new ContextProvider(this, {
    context: sessionContext,
    initialValue: undefined,
  })
  #sessionLoad = 0
  // A form on show has changes that are not saved; leaving asks first.
  #unsaved = false
  #href = window.location.href

  // Sample data is marked on every pilot; one look at the newest tells whether this registry is a demo.
  readonly #sample = new Task(this, {
    task: async ([api], { signal }) =>
      (await api.searchPilots({ limit: 1 }, signal)).items.some((p) => p.sample),
    args: () => [this.#api] as const,
  })

  // The code of the page for the address; a new one is fetched when the route changes.
  readonly #pageCode = new Task(this, {
    task: ([name]) => PAGES[name](),
    args: () => [this.#route.name] as const,
  })

  constructor() {
    super()
    new ContextProvider(this, { context: apiContext, initialValue: this.#api })
    // The page's code before any API call: a browser opens only six connections to a host, and
    // the chunks the first paint waits for should not queue behind the session and the banner.
    void this.#pageCode.run()
    void this.#useLocale(storedLocale(storage()))
  }

  override connectedCallback() {
    super.connectedCallback()
    window.addEventListener('popstate', this.#onPopState)
    window.addEventListener('beforeunload', this.#onBeforeUnload)
    this.addEventListener('click', this.#onClick)
    this.addEventListener('session-change', this.#onSessionChange)
    this.addEventListener('unsaved-changes', this.#onUnsavedChanges)
    void this.#loadSession()
    this.addEventListener('app-navigate', this.#onNavigate)
    this.addEventListener('page-title', this.#onPageTitle)
    this.addEventListener('locale-change', this.#onLocaleChange)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    window.removeEventListener('popstate', this.#onPopState)
    window.removeEventListener('beforeunload', this.#onBeforeUnload)
    this.removeEventListener('click', this.#onClick)
    this.removeEventListener('session-change', this.#onSessionChange)
    this.removeEventListener('unsaved-changes', this.#onUnsavedChanges)
    this.removeEventListener('app-navigate', this.#onNavigate)
    this.removeEventListener('page-title', this.#onPageTitle)
    this.removeEventListener('locale-change', this.#onLocaleChange)
  }

  override render() {
    // Nothing rather than a flash of bokmål for someone who reads nynorsk or English.
    if (!this.#languageReady) return nothing
    const t = this.#i18n.t.bind(this.#i18n)
    return html`
      <a class="ds-skiplink" href="#main" @click=${this.#skipToMain}>${t('app.skipToMain')}</a>
      <site-header .current=${this.#route.name}></site-header>
      ${
        this.#sample.value
          ? html`<div class="container sample">
              <div class="ds-alert" data-color="warning" data-size="sm">
                <p class="ds-paragraph">${t('sample.banner')}</p>
              </div>
            </div>`
          : nothing
      }
      <main id="main" tabindex="-1">${this.#main()}</main>
      <site-footer></site-footer>
    `
  }

  #main() {
    if (this.#languageFailed) return html`<page-load-error></page-load-error>`
    const loading = () =>
      html`<div class="container page-loading"><loading-state></loading-state></div>`
    return this.#pageCode.render({
      initial: loading,
      pending: loading,
      complete: () => this.#page(this.#route),
      error: () => html`<page-load-error></page-load-error>`,
    })
  }

  #page(route: Route) {
    switch (route.name) {
      case 'overview':
        return html`<overview-page></overview-page>`
      case 'discover':
        return html`<discover-page .query=${route.query}></discover-page>`
      case 'pilot':
        return html`<pilot-page .pilotId=${route.id}></pilot-page>`
      case 'accessibility':
        return html`<accessibility-page></accessibility-page>`
      case 'login':
        return html`<login-page .next=${route.next}></login-page>`
      case 'register':
        return html`<pilot-form-page></pilot-form-page>`
      case 'edit':
        return html`<pilot-form-page .pilotId=${route.id}></pilot-form-page>`
      case 'evaluate':
        return html`<evaluation-form-page .pilotId=${route.id}></evaluation-form-page>`
      case 'adopt':
        return html`<adoption-form-page .pilotId=${route.id}></adoption-form-page>`
      case 'account':
        return html`<account-page></account-page>`
      case 'organisation':
        return html`<organisation-page .organisationId=${route.id}></organisation-page>`
      case 'admin':
        return html`<admin-page .section=${route.section}></admin-page>`
      case 'pipeline':
        return html`<pipeline-page .filters=${route.filters}></pipeline-page>`
      case 'spread':
        return html`<spread-page></spread-page>`
      case 'not-found':
        return html`<not-found-page></not-found-page>`
      default:
        throw new Error(`Unknown route ${(route satisfies never as Route).name}`)
    }
  }

  /** Loads who is signed in; a newer load wins over one still under way. */
  async #loadSession() {
    const load = ++this.#sessionLoad
    let session: Session | null
    try {
      const user = await this.#api.me()
      const organisation =
        user?.organisationId != null
          ? await this.#api.organisation(user.organisationId).catch(() => null)
          : null
      session = user ? { user, organisation } : null
    } catch {
      // The API is down or odd: the app still works for reading, as someone signed out.
      session = null
    }
    if (load === this.#sessionLoad) this.#sessionProvider.setValue(session)
  }

  /** True when the user agrees to leave a form with unsaved changes (or there are none). */
  #mayLeave(): boolean {
    if (!this.#unsaved) return true
    if (!window.confirm(this.#i18n.t('form.unsaved.confirm'))) return false
    this.#unsaved = false
    return true
  }

  /** Shows the page for the current address; after a move, focus goes to the new content. */
  async #show(options: { moveFocus: boolean; scrollToTop: boolean }) {
    this.#href = window.location.href
    this.#route = matchRoute(new URL(window.location.href))
    this.requestUpdate()
    if (options.scrollToTop) window.scrollTo(0, 0)
    await this.updateComplete
    if (options.moveFocus) this.renderRoot.querySelector('main')?.focus({ preventScroll: true })
  }

  #go(href: string, options: { inPlace: boolean }) {
    const url = new URL(href, window.location.href)
    const current = window.location.pathname + window.location.search
    if (url.pathname + url.search !== current && !this.#mayLeave()) return
    if (url.pathname + url.search !== current) window.history.pushState(null, '', url)
    void this.#show({ moveFocus: !options.inPlace, scrollToTop: !options.inPlace })
  }

  // Links inside every shadow root lead here: same-origin links to the app's pages become
  // History API moves; the API, downloads, new tabs and other sites are left to the browser.
  readonly #onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const anchor = event.composedPath().find((n) => n instanceof HTMLAnchorElement)
    if (!(anchor instanceof HTMLAnchorElement) || !anchor.href) return
    if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return
    const url = new URL(anchor.href)
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return
    if (
      url.hash &&
      url.pathname === window.location.pathname &&
      url.search === window.location.search
    )
      return
    event.preventDefault()
    this.#go(url.href, { inPlace: false })
  }

  readonly #onNavigate = (event: NavigateEvent) => this.#go(event.href, { inPlace: event.inPlace })

  readonly #onPopState = () => {
    if (!this.#mayLeave()) {
      // The browser has already moved: put the form's address back.
      window.history.pushState(null, '', this.#href)
      return
    }
    void this.#show({ moveFocus: true, scrollToTop: false })
  }

  readonly #onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.#unsaved) event.preventDefault()
  }

  readonly #onSessionChange = () => void this.#loadSession()

  readonly #onUnsavedChanges = (event: UnsavedChangesEvent) => {
    this.#unsaved = event.unsaved
  }

  readonly #onPageTitle = (event: PageTitleEvent) => {
    const name = this.#i18n.t('app.name')
    document.title = event.title === name ? name : `${event.title} – ${name}`
  }

  readonly #onLocaleChange = (event: LocaleChangeEvent) => {
    storeLocale(storage(), event.locale)
    void this.#useLocale(event.locale)
  }

  /** Shows the app in `locale` once its messages are here; a later choice wins over one loading. */
  async #useLocale(locale: Locale) {
    const load = ++this.#languageLoad
    try {
      const i18n = locale === this.#i18n.locale ? this.#i18n : await I18n.load(locale)
      if (load !== this.#languageLoad) return
      this.#i18n = i18n
      this.#i18nProvider.setValue(i18n)
      document.documentElement.lang = locale
    } catch {
      if (load === this.#languageLoad) this.#languageFailed = true
    } finally {
      if (load === this.#languageLoad) {
        this.#languageReady = true
        this.requestUpdate()
      }
    }
  }

  #skipToMain(event: Event) {
    // The target is in this shadow root, where a fragment link cannot find it.
    event.preventDefault()
    this.renderRoot.querySelector('main')?.focus()
  }
}
customElements.define('app-shell', AppShell)

declare global {
  interface HTMLElementTagNameMap {
    'app-shell': AppShell
  }
}
