import type { AdoptionStatus } from '../../schema/enums.ts'

// Okabe and Ito's palette: told apart by people with any common colour-vision deficiency, and
// every status also has its name in the legend, the labels and the table.
export const STATUS_COLOURS: Record<AdoptionStatus, string> = {
  interested: '#56B4E9',
  trialling: '#E69F00',
  adopted: '#009E73',
  dropped: '#CC79A7',
}

/** Five steps of ColorBrewer's "Blues", light to dark, for counts on the map. */
export const COUNT_COLOURS = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const

/** A municipality without data. */
export const EMPTY_FILL = 'var(--ds-color-neutral-background-tinted)'

/** The series of the line charts: observed, fitted and forecast. */
export const SERIES = {
  observed: '#0072B2',
  perPeriod: '#56B4E9',
  fitted: '#D55E00',
  planned: '#56B4E9',
  realised: '#009E73',
} as const
