// The thresholds of the health flags (DESIGN.md section 3). The rules themselves are evaluated in
// the database (queries/flags.ts) so that a list can be filtered by them.

/** A running pilot not updated for this long is stale. */
export const STALE_AFTER_MONTHS = 12
/** Results are overdue when no final or external evaluation exists this long after the actual end. */
export const RESULTS_DUE_MONTHS = 12
/** A legal basis that ends within this many months is expiring. */
export const LEGAL_BASIS_WARNING_MONTHS = 6
/** A successful pilot concluded this long ago and neither adopted nor spread is a stuck success. */
export const STUCK_AFTER_MONTHS = 12

// Made once: building a formatter with a time zone costs more than the rest of a pilot's read.
const NORWEGIAN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar date in Norway at `now`, `YYYY-MM-DD`: date rules follow the Norwegian day. */
export function norwegianDate(now: Date): string {
  return NORWEGIAN_DAY.format(now)
}
