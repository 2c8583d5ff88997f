import { AxeBuilder } from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const NARROW = { width: 320, height: 800 }

/**
 * Waits until no transition or finite animation is running (a dialog fading in, a button's colour
 * changing), so that axe measures colours as they end, not half-way. `document.getAnimations()`
 * leaves out what runs inside shadow roots (every component's dialog), so each root is asked too.
 */
export async function still(page: Page) {
  await page.waitForFunction(() => {
    const animations = document.getAnimations()
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (!element.shadowRoot) continue
        animations.push(...element.shadowRoot.getAnimations())
        visit(element.shadowRoot)
      }
    }
    visit(document)
    return animations.every(
      (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity
    )
  })
}

/** Axe (WCAG 2.1 A and AA) on the page as it stands, once it is still. */
export async function expectNoAxeViolations(page: Page, where: string) {
  await still(page)
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`
  )
  expect(violations, `axe violations on ${where}`).toEqual([])
}

/** Narrows the window to `width` px and fails if the page then scrolls sideways. */
export async function expectFitsWidth(page: Page, name: string, width: number) {
  await page.setViewportSize({ width, height: NARROW.height })
  await settled(page)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  )
  expect(overflow, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0)
}

/** Waits until no part of the page is still loading. */
export async function settled(page: Page) {
  await expect(page.locator('loading-state')).toHaveCount(0)
}

/**
 * The checks every page gets: axe (WCAG 2.1 A and AA) in light and dark mode and at 320 px, no
 * sideways scrolling at 320 px, and a screenshot of each width kept in test-results/screenshots.
 */
export async function checkPage(page: Page, name: string) {
  await settled(page)
  const wide = page.viewportSize()
  await expectNoAxeViolations(page, `${name} (light)`)
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })

  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page, `${name} (dark)`)
  await page.screenshot({ path: `test-results/screenshots/${name}-dark.png`, fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })

  await expectFitsWidth(page, name, NARROW.width)
  await expectNoAxeViolations(page, `${name} (320 px)`)
  await page.screenshot({ path: `test-results/screenshots/${name}-320.png`, fullPage: true })
  if (wide) await page.setViewportSize(wide)
}
