import { expect, type Page } from '@playwright/test'
import { settled } from './checks.ts'

// Hostile text for the XSS journeys. Each payload, if it ever ran, would set window.__xss and open
// a dialog; each element a payload could make carries data-xss.

export const RUN = 'window.__xss=1;alert(1)'
/** Classic payloads: markup, script URLs, template markers and a right-to-left override. */
export const P = {
  script: `<script>${RUN}</script>`,
  img: `<img src=x data-xss onerror="${RUN}">`,
  svg: `<svg data-xss onload="${RUN}">`,
  iframe: `"><iframe data-xss srcdoc="<script>parent.__xss=1</script>">`,
  link: `<a data-xss href="javascript:${RUN}">lenke</a>`,
  // Template-literal and template-engine markers, and Lit's own comment and attribute markers.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is this very text
  template: '${window.__xss=1}',
  angular: "{{constructor.constructor('window.__xss=1')()}}",
  lit: '<!--?lit$1234$--> lit$1234$',
  // A right-to-left override: shown reversed, but still only text.
  rtl: '\u202Egnp.exe',
}
/** A word to find the text by, then the payloads. */
export const hostile = (word: string, ...payloads: string[]) => [word, ...payloads].join(' ')

/**
 * Everything the payloads could have made, in the document and every shadow root: an element
 * marked data-xss, an event-handler attribute, a frame or plugin, a script that is not one of the
 * app's own files, a srcdoc, and a script URL in a link or source.
 */
function hostileElements(page: Page) {
  return page.evaluate(() => {
    const found: string[] = []
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName
        if (['iframe', 'frame', 'object', 'embed'].includes(tag)) found.push(tag)
        if (tag === 'script' && !/^\/assets\/[\w.-]+\.js$/.test(el.getAttribute('src') ?? ''))
          found.push(`script: ${el.outerHTML.slice(0, 80)}`)
        for (const { name, value } of el.attributes) {
          if (name.startsWith('on') || name === 'data-xss' || name === 'srcdoc')
            found.push(`${tag}[${name}]`)
          if (
            /^(href|src|action|formaction|xlink:href)$/.test(name) &&
            /^\s*(javascript|vbscript|data):/i.test(value)
          )
            found.push(`${tag}[${name}=${value.slice(0, 40)}]`)
        }
        if (el.shadowRoot) visit(el.shadowRoot)
      }
    }
    visit(document)
    return found
  })
}

/**
 * Watches the page: dialogs and blocked scripts (a payload that CSP stopped still reports a
 * violation) are recorded from the first page on.
 */
export async function watch(page: Page) {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(
        `${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`
      )
    )
  })
  /** The page shows each of `texts` as text, and nothing hostile ran or was made. */
  return async function expectInert(where: string, texts: string[]) {
    await settled(page)
    for (const text of texts) {
      await expect(page.getByText(text).first(), `${where} shows ${text}`).toBeVisible()
    }
    expect(await hostileElements(page), `elements from payloads on ${where}`).toEqual([])
    const state = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown; __violations?: string[] }
      return { flag: w.__xss ?? null, violations: w.__violations ?? [] }
    })
    expect(state, `scripts on ${where}`).toEqual({ flag: null, violations: [] })
    expect(dialogs, `dialogs on ${where}`).toEqual([])
  }
}
