import type { AdoptionStatus } from '../../schema/enums.ts'

/** The status that says most about a place: a lasting adoption over a trial over a drop. */
export function leadingStatus(byStatus: Record<AdoptionStatus, number>): AdoptionStatus | null {
  for (const status of ['adopted', 'trialling', 'dropped', 'interested'] as const)
    if (byStatus[status]) return status
  return null
}

/** The count classes of the map's legend: the upper bounds of at most five equal steps. */
export function countSteps(max: number): number[] {
  if (max <= 5) return Array.from({ length: Math.max(1, max) }, (_, i) => i + 1)
  const step = Math.ceil(max / 5)
  return [...new Set([1, 2, 3, 4, 5].map((i) => Math.min(max, i * step)))]
}
