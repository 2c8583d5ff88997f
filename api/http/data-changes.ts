import { type Db, listen } from '../db.ts'

/** The channel every write notifies (the `note_data_change` trigger, migration 2026-11-23T0400). */
const DATA_CHANGES_CHANNEL = 'data_changes'

/**
 * Whether the data may have changed since an answer was computed. PostgreSQL notifies every
 * listener when a transaction that wrote to a table a public answer is read from commits (never
 * before: NOTIFY is delivered at commit), so an answer computed from data a write was about to
 * replace is always followed by a notice that makes it stale.
 */
export interface DataChanges {
  /**
   * A number that moves on with every change heard of; `null` until the database first listens,
   * when nothing may be kept.
   */
  readonly generation: number | null
  /** This process committed a write: answers kept before it are stale at once, not at its notice. */
  changed(): void
  /** Resolves once the database listens. */
  readonly ready: Promise<void>
}

const feeds = new WeakMap<Db, DataChanges>()

/** The changes of one database, as this process hears of them (one listener per database). */
export function dataChanges(db: Db): DataChanges {
  const known = feeds.get(db)
  if (known) return known
  let generation = 0
  let listening = false
  let heard: () => void = () => {}
  const ready = new Promise<void>((resolve) => (heard = resolve))
  const feed: DataChanges = {
    get generation() {
      return listening ? generation : null
    },
    changed() {
      generation++
    },
    ready,
  }
  listen(db, DATA_CHANGES_CHANNEL, {
    notified() {
      generation++
    },
    listening() {
      // Also after a lost connection came back: what was notified meanwhile was missed.
      generation++
      listening = true
      heard()
    },
  })
  feeds.set(db, feed)
  return feed
}
