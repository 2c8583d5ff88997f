import type { EventType } from '../../schema/enums.ts'
import type { PilotEvent } from '../../schema/event.ts'
import type { Actor } from '../actor.ts'
import type { Db } from '../db.ts'
import { jsonb } from './sql.ts'

/**
 * The event log is public and can never be changed, so it must hold no personal data that a
 * person may ask to have deleted: contact persons are recorded only as how many there were.
 */
function withoutPersonalData(diff: Record<string, { from: unknown; to: unknown }>) {
  if (!('contacts' in diff)) return diff
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0)
  const contacts = diff.contacts as { from: unknown; to: unknown }
  return {
    ...diff,
    contacts: { from: { count: count(contacts.from) }, to: { count: count(contacts.to) } },
  }
}

/**
 * Appends one event to a pilot's log, or with `adoptionId` to that adoption's log (kept under its
 * origin pilot); `version` is the record's version after the change.
 */
export async function appendEvent(
  trx: Db,
  event: {
    pilotId: string
    adoptionId?: string
    version: number
    type: EventType
    actor: Actor
    at: Date
    diff: Record<string, { from: unknown; to: unknown }>
    data?: Record<string, unknown>
  }
) {
  await trx
    .insertInto('events')
    .values({
      pilot_id: event.pilotId,
      adoption_id: event.adoptionId ?? null,
      version: event.version,
      type: event.type,
      actor_user_id: event.actor.userId,
      actor_org_id: event.actor.organisationId,
      at: event.at,
      diff: jsonb(withoutPersonalData(event.diff)),
      data: event.data ? jsonb(event.data) : null,
    })
    .execute()
}

/**
 * A pilot's events (or, with `adoptionId`, one adoption's) in order, from version `after`
 * (exclusive); the caller checks visibility.
 */
export async function listEvents(
  db: Db,
  pilotId: string,
  page: { after: number; limit: number },
  adoptionId: string | null = null
): Promise<{ items: PilotEvent[]; nextCursor: string | null }> {
  const rows = await db
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('organisations as o', 'o.id', 'e.actor_org_id')
    .select([
      'e.id',
      'e.version',
      'e.type',
      'e.at',
      'e.diff',
      'e.data',
      'e.actor_user_id',
      'u.name as actor_name',
      'e.actor_org_id',
      'o.name as actor_org_name',
    ])
    .where('e.pilot_id', '=', pilotId)
    .where('e.adoption_id', adoptionId === null ? 'is' : '=', adoptionId)
    .where('e.version', '>', page.after)
    .orderBy('e.version')
    .limit(page.limit + 1)
    .execute()
  const items = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    version: r.version,
    type: r.type,
    at: r.at.toISOString(),
    actor: {
      userId: r.actor_user_id,
      name: r.actor_name,
      organisationId: r.actor_org_id,
      organisationName: r.actor_org_name,
    },
    diff: r.diff,
    data: r.data,
  }))
  const last = items.at(-1)
  return { items, nextCursor: rows.length > page.limit && last ? String(last.version) : null }
}
