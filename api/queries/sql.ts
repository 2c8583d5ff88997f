import { type Expression, sql } from 'kysely'

/** A value for a jsonb column, sent as text and cast on the server (same on postgres.js and PGlite). */
export const jsonb = <T>(value: T) => sql<string>`cast(${JSON.stringify(value)} as jsonb)`

/** A value for a text[] column. */
export const textArray = (values: readonly string[]) =>
  sql<string[]>`array(select jsonb_array_elements_text(cast(${JSON.stringify(values)} as jsonb)))`

/** An exact, sortable text form of a timestamp, for cursors (JS dates lose the microseconds). */
export const exactTimestamp = (column: Expression<unknown>) =>
  sql<string>`to_json(${column}) #>> '{}'`
