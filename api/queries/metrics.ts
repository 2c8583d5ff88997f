import type { MetricCreate, MetricPatch } from '../../schema/metric.ts'
import type { Actor } from '../actor.ts'
import type { Db } from '../db.ts'
import { diffFields } from '../domain/diff.ts'
import type { Expected } from '../http/etag.ts'
import { bodyFieldError, notFound, ProblemError, validationFailed } from '../problem.ts'
import { appendEvent } from './events.ts'
import {
  amendmentReasonNotApplicable,
  amendmentReasonRequired,
  bumpVersion,
  insertMetrics,
  lockForWrite,
} from './pilot-writes.ts'

/** Checks the reason for a change that does (or does not) touch the pre-registration. */
function checkAmendment(amends: boolean, reason: string | undefined) {
  if (amends && !reason) throw amendmentReasonRequired('A primary metric')
  if (!amends && reason) throw amendmentReasonNotApplicable()
}

const METRIC_COLUMNS = ['id', 'name', 'unit', 'direction', 'baseline', 'target', 'primary'] as const

/** Adds one metric to a pilot, as a change of the pilot. */
export async function addMetric(
  trx: Db,
  pilotId: string,
  input: MetricCreate,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const row = await lockForWrite(trx, pilotId, actor, expected)
  const amends = row.preregistration !== null && input.primary
  checkAmendment(amends, input.amendmentReason)
  const [metric] = await insertMetrics(trx, pilotId, [input], () => [])
  if (!metric) throw new Error('metric insert returned nothing')
  const version = await bumpVersion(trx, row, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'metric_added',
    actor,
    at,
    diff: diffFields({}, { metric }),
    data: { metricId: metric.id, ...(amends ? { amendmentReason: input.amendmentReason } : {}) },
  })
  return { metric, version }
}

async function lockMetric(trx: Db, pilotId: string, metricId: string) {
  const metric = await trx
    .selectFrom('metrics')
    .select(METRIC_COLUMNS)
    .where('pilot_id', '=', pilotId)
    .where('id', '=', metricId)
    .forUpdate()
    .executeTakeFirst()
  if (!metric) throw notFound('The metric')
  return metric
}

/** Changes a metric's fields, as a change of the pilot; a no-op leaves the version alone. */
export async function updateMetric(
  trx: Db,
  pilotId: string,
  metricId: string,
  patch: MetricPatch,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const row = await lockForWrite(trx, pilotId, actor, expected)
  const before = await lockMetric(trx, pilotId, metricId)
  const { amendmentReason, ...changes } = patch
  const after = { ...before, ...changes }
  if (patch.name && patch.name.toLowerCase() !== before.name.toLowerCase()) {
    const clash = await trx
      .selectFrom('metrics')
      .select('id')
      .where('pilot_id', '=', pilotId)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', patch.name?.toLowerCase() ?? ''))
      .executeTakeFirst()
    if (clash)
      throw validationFailed([
        bodyFieldError(['name'], 'duplicate', 'The pilot already has a metric with this name'),
      ])
  }
  const diff = diffFields(before, after)
  const amends =
    row.preregistration !== null &&
    (before.primary || after.primary) &&
    Object.keys(diff).length > 0
  checkAmendment(amends, amendmentReason)
  if (Object.keys(diff).length === 0) return { metric: before, version: row.version }
  await trx
    .updateTable('metrics')
    .set({
      name: after.name,
      unit: after.unit ?? null,
      direction: after.direction,
      baseline: after.baseline ?? null,
      target: after.target ?? null,
      primary: after.primary,
    })
    .where('id', '=', metricId)
    .execute()
  const version = await bumpVersion(trx, row, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'metric_updated',
    actor,
    at,
    diff,
    data: { metricId, ...(amends ? { amendmentReason } : {}) },
  })
  return {
    metric: {
      ...after,
      unit: after.unit ?? null,
      baseline: after.baseline ?? null,
      target: after.target ?? null,
    },
    version,
  }
}

/** Removes a metric, as a change of the pilot. */
export async function removeMetric(
  trx: Db,
  pilotId: string,
  metricId: string,
  amendmentReason: string | undefined,
  actor: Actor,
  expected: Expected,
  at = new Date()
) {
  const row = await lockForWrite(trx, pilotId, actor, expected)
  const metric = await lockMetric(trx, pilotId, metricId)
  const amends = row.preregistration !== null && metric.primary
  checkAmendment(amends, amendmentReason)
  const reported = await trx
    .selectFrom('evaluation_results')
    .select('metric_id')
    .where('metric_id', '=', metricId)
    .executeTakeFirst()
  if (reported) {
    throw new ProblemError(409, 'metric_has_results', 'The metric has reported results', {
      detail:
        'Results have been reported on this metric, so it stays; change it with an amendment instead',
    })
  }
  await trx.deleteFrom('metrics').where('id', '=', metricId).execute()
  const version = await bumpVersion(trx, row, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'metric_removed',
    actor,
    at,
    diff: diffFields({ metric }, {}),
    data: { metricId, ...(amends ? { amendmentReason } : {}) },
  })
  return version
}
