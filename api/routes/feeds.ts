import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'

// Placeholder: being written.
export function feedRoutes(_deps: AppDeps) {
  return createRouter()
}
