import type { ReactiveController, ReactiveControllerHost } from 'lit'

/**
 * The width its host has on the page, kept up to date, so a chart draws at its real size: text
 * in the SVG stays the size of the page's text instead of shrinking with a viewBox.
 */
export class ChartWidth implements ReactiveController {
  /** The host's content width in CSS pixels; `fallback` until it has been laid out. */
  width: number
  readonly #host: ReactiveControllerHost & HTMLElement
  readonly #observer: ResizeObserver

  constructor(host: ReactiveControllerHost & HTMLElement, fallback = 640) {
    this.#host = host
    this.width = fallback
    this.#observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0)
      if (width > 0 && width !== this.width) {
        this.width = width
        this.#host.requestUpdate()
      }
    })
    host.addController(this)
  }

  hostConnected() {
    this.#observer.observe(this.#host)
  }

  hostDisconnected() {
    this.#observer.disconnect()
  }
}
