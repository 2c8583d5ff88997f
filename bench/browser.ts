import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

export interface PageTiming {
  page: string
  lcpMs: number
  tbtMs: number
}

export interface BrowserResult {
  firstPageJsGzipBytes: number
  firstPageJsFiles: number
  pages: PageTiming[]
}

// Collected in the page from its first script on: the last largest-contentful-paint candidate
// and every long task (over 50 ms) after the first contentful paint.
const OBSERVE = `
  window.__perf = { lcp: 0, longtasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.lcp = e.renderTime || e.loadTime || e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

/**
 * What a visitor's browser gets: the gzipped JavaScript the first page loads (the files Chromium
 * asked for, gzipped as the built files), and LCP and TBT of each page, median of `runs` cold loads.
 */
export async function measureBrowser(
  base: string,
  distDir: string,
  pages: { name: string; path: string }[],
  runs = 3
): Promise<BrowserResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  })
  try {
    const scripts = new Set<string>()
    {
      const context = await browser.newContext()
      const page = await context.newPage()
      page.on('response', (res) => {
        if (res.request().resourceType() === 'script') scripts.add(new URL(res.url()).pathname)
      })
      await page.goto(`${base}/`, { waitUntil: 'networkidle' })
      await context.close()
    }
    const firstPageJsGzipBytes = [...scripts].reduce(
      (sum, path) => sum + gzipSync(readFileSync(join(distDir, path))).length,
      0
    )
    const timings: PageTiming[] = []
    for (const { name, path } of pages) {
      const lcp: number[] = []
      const tbt: number[] = []
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
        await context.addInitScript(OBSERVE)
        const page = await context.newPage()
        await page.goto(base + path, { waitUntil: 'networkidle' })
        const perf = await page.evaluate(() => {
          const w = window as unknown as { __perf: { lcp: number; longtasks: number[][] } }
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0
          const blocking = w.__perf.longtasks
            .filter(([start]) => (start ?? 0) >= fcp)
            .reduce((sum, [, duration]) => sum + Math.max(0, (duration ?? 0) - 50), 0)
          return { lcp: w.__perf.lcp, tbt: blocking }
        })
        lcp.push(perf.lcp)
        tbt.push(perf.tbt)
        await context.close()
      }
      timings.push({ page: name, lcpMs: median(lcp), tbtMs: median(tbt) })
    }
    return { firstPageJsGzipBytes, firstPageJsFiles: scripts.size, pages: timings }
  } finally {
    await browser.close()
  }
}
