/** Debian's Chromium: Playwright's own browser downloads cannot be fetched on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
