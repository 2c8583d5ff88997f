// The messages of the app's areas, merged into each language. An area keeps its keys in its own
// file so that work on one part of the app does not touch the messages of another.
import * as account from './account.ts'
import * as charts from './charts.ts'
import * as evaluation from './evaluation.ts'
import * as forms from './forms.ts'

export const areasNb = { ...account.nb, ...charts.nb, ...evaluation.nb, ...forms.nb } as const
export const areasNn = { ...account.nn, ...charts.nn, ...evaluation.nn, ...forms.nn }
export const areasEn = { ...account.en, ...charts.en, ...evaluation.en, ...forms.en }
