import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'

// Placeholder: the benefits ledger routes are being written.
export function benefitRoutes(_deps: AppDeps) {
  return createRouter()
}
