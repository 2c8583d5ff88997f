import { type Expression, sql } from 'kysely'

/**
 * A value for a jsonb column, sent as text and cast on the server. The inner cast matters: a
 * parameter typed jsonb would be JSON-encoded a second time by postgres.js.
 */
export const jsonb = <T>(value: T) =>
  sql<string>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`

/** A value for a text[] column. */
export const textArray = (values: readonly string[]) =>
  sql<
    string[]
  >`array(select jsonb_array_elements_text(cast(cast(${JSON.stringify(values)} as text) as jsonb)))`

/** An exact, sortable text form of a timestamp, for cursors (JS dates lose the microseconds). */
export const exactTimestamp = (column: Expression<unknown>) =>
  sql<string>`to_json(${column}) #>> '{}'`
