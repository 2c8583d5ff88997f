import { sql } from 'kysely'

// The rules of spread, in one place: when an organisation took a pilot up, whether it tried it,
// and whether it worked for them. Each takes the alias of an `adoptions` row in the query.

/** The date an adopter took the pilot up: when it began to trial it, or adopted it outright. */
export const tookUpOn = (adoption: string) =>
  sql<
    string | null
  >`coalesce(${sql.ref(`${adoption}.trialling_on`)}, ${sql.ref(`${adoption}.adopted_on`)})`

/** An adopter tried the pilot when it trialled or adopted it (a drop after trying still counts). */
export const tried = (adoption: string) => sql<boolean>`(${tookUpOn(adoption)} is not null)`

/** It worked for them when they adopted it for good or report a (partly) successful local outcome. */
export const succeeded = (adoption: string) =>
  sql<boolean>`(${sql.ref(`${adoption}.status`)} = 'adopted'
    or ${sql.ref(`${adoption}.local_outcome`)} in ('successful', 'partially_successful'))`
