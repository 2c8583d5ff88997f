// The messages of the app's areas in bokmål, merged into nb.ts. An area keeps its keys in its own
// file so that work on one part of the app does not touch the messages of another; nynorsk and
// English (`<area>.nn.ts`, `<area>.en.ts`) are merged in nn.ts and en.ts, and load only with them.
import { nb as account } from './account.ts'
import { nb as charts } from './charts.ts'
import { nb as evaluation } from './evaluation.ts'
import { nb as forms } from './forms.ts'

export const areasNb = { ...account, ...charts, ...evaluation, ...forms } as const
