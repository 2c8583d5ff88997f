import type { Compilable, CompiledQuery } from 'kysely'
import type { Db } from '../db.ts'

/** Where a value goes in a query that is built once; the value is given each time it runs. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A read that Kysely builds and compiles once and then runs with new values: building a large
 * query (a pilot with all its children) costs more CPU than the database spends answering it.
 * `build` gets a slot in place of each value and may only hand them on as query parameters,
 * never look at them. PGlite and PostgreSQL compile to the same SQL, so one compilation serves
 * every database.
 */
export function prepared<V extends object, R>(build: (db: Db, values: V) => Compilable<R>) {
  let compiled: CompiledQuery<R> | undefined
  return async (db: Db, values: V): Promise<R[]> => {
    if (!compiled) {
      const slots = Object.fromEntries(Object.keys(values).map((name) => [name, new Slot(name)]))
      compiled = build(db, slots as V).compile()
    }
    const parameters = compiled.parameters.map((p) =>
      p instanceof Slot ? values[p.name as keyof V] : p
    )
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows
  }
}
