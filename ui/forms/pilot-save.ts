import { type ApiClient, ApiError, type Pilot } from '../api/client.ts'
import type { EditPlan, MetricOperation } from './pilot-edit.ts'

/** A write of an edit failed; `written` writes before it went through. */
export class EditSaveError extends Error {
  readonly error: unknown
  readonly written: number
  readonly operation: MetricOperation | null

  constructor(error: unknown, written: number, operation: MetricOperation | null) {
    super('The edit was not (fully) saved', { cause: error })
    this.name = 'EditSaveError'
    this.error = error
    this.written = written
    this.operation = operation
  }
}

// A metric's field errors, named as the form names them (`metrics.2.name`).
function inForm(error: unknown, op: MetricOperation): unknown {
  if (!(error instanceof ApiError) || !error.problem || op.kind === 'remove') return error
  const errors = error.problem.errors?.map((e) => ({
    ...e,
    field: e.field === 'amendmentReason' ? e.field : `metrics.${op.index}.${e.field}`,
  }))
  return new ApiError(error.status, { ...error.problem, errors }, error.message)
}

/**
 * Writes an edit read at `original`: the pilot's fields, then its metrics, each with the version
 * the write before it left. The API has no write for both at once, so a failure may come after
 * some writes went through (`EditSaveError.written`). `added` hears of each new metric's id.
 */
export async function saveEdit(
  api: ApiClient,
  original: Pilot,
  plan: EditPlan,
  reason: string,
  added: (index: number, id: string) => void
): Promise<void> {
  const id = original.id
  const because = (amends: boolean) => (amends ? { amendmentReason: reason } : {})
  let version = original.version
  let written = 0
  if (Object.keys(plan.patch).length > 0) {
    try {
      const pilot = await api.updatePilot(id, version, {
        ...plan.patch,
        ...because(plan.patchAmends),
      })
      version = pilot.version
      written++
    } catch (error) {
      throw new EditSaveError(error, written, null)
    }
  }
  for (const op of plan.metrics) {
    try {
      if (op.kind === 'remove') {
        const next = await api.removeMetric(id, op.id, version, op.amends ? reason : undefined)
        version = next ?? version + 1
      } else if (op.kind === 'update') {
        const result = await api.updateMetric(id, op.id, version, {
          ...op.patch,
          ...because(op.amends),
        })
        version = result.version ?? version + 1
      } else {
        const result = await api.addMetric(id, version, { ...op.input, ...because(op.amends) })
        added(op.index, result.value.id)
        version = result.version ?? version + 1
      }
      written++
    } catch (error) {
      throw new EditSaveError(inForm(error, op), written, op)
    }
  }
}
