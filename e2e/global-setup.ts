import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CHROMIUM } from './chromium.ts'

/** Fails early, and says what to do, when the browser or the built web app is missing. */
export default function globalSetup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH).`
    )
  }
  if (!existsSync(join('dist', 'ui', 'index.html'))) {
    throw new Error('The web app is not built: run npm run build:ui first (npm run test:e2e does).')
  }
}
