import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'

// Placeholder: being written.
export function catalogRoutes(_deps: AppDeps) {
  return createRouter()
}
