import type { Locale } from './i18n/i18n.ts'

/**
 * Asks the shell to go to another address of the app, as a link would. `inPlace` is for a page
 * that changes its own address (a filter ticked): focus and scroll position then stay where they are.
 */
export class NavigateEvent extends Event {
  static readonly type = 'app-navigate'
  readonly href: string
  readonly inPlace: boolean
  constructor(href: string, options: { inPlace?: boolean } = {}) {
    super(NavigateEvent.type, { bubbles: true, composed: true })
    this.href = href
    this.inPlace = options.inPlace ?? false
  }
}

/** Tells the shell the title of the page on show, for the browser tab and history. */
export class PageTitleEvent extends Event {
  static readonly type = 'page-title'
  readonly title: string
  constructor(title: string) {
    super(PageTitleEvent.type, { bubbles: true, composed: true })
    this.title = title
  }
}

/** The user chose another language. */
export class LocaleChangeEvent extends Event {
  static readonly type = 'locale-change'
  readonly locale: Locale
  constructor(locale: Locale) {
    super(LocaleChangeEvent.type, { bubbles: true, composed: true })
    this.locale = locale
  }
}

/** Someone signed in or out: the shell loads the session again. */
export class SessionChangeEvent extends Event {
  static readonly type = 'session-change'
  constructor() {
    super(SessionChangeEvent.type, { bubbles: true, composed: true })
  }
}

/** A form has (or no longer has) changes that are not saved: the shell asks before leaving. */
export class UnsavedChangesEvent extends Event {
  static readonly type = 'unsaved-changes'
  readonly unsaved: boolean
  constructor(unsaved: boolean) {
    super(UnsavedChangesEvent.type, { bubbles: true, composed: true })
    this.unsaved = unsaved
  }
}

declare global {
  interface HTMLElementEventMap {
    'app-navigate': NavigateEvent
    'page-title': PageTitleEvent
    'locale-change': LocaleChangeEvent
    'session-change': SessionChangeEvent
    'unsaved-changes': UnsavedChangesEvent
  }
}
