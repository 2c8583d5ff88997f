import { createHash } from 'node:crypto'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Stage } from '../../schema/enums.ts'
import type { Evaluation, EvaluationCreate } from '../../schema/evaluation.ts'
import type { Actor } from '../actor.ts'
import type { Db } from '../db.ts'
import { diffFields } from '../domain/diff.ts'
import type { Expected } from '../http/etag.ts'
import { bodyFieldError, notFound, ProblemError, validationFailed } from '../problem.ts'
import { appendEvent } from './events.ts'
import { bumpVersion, lockForWrite } from './pilot-writes.ts'

/** Stages in which there is a trial to evaluate. */
const EVALUABLE: ReadonlySet<Stage> = new Set([
  'running',
  'evaluating',
  'concluded',
  'adopted',
  'discontinued',
])

/** True for the stages from which a pilot can be evaluated. */
export const isEvaluable = (stage: Stage) => EVALUABLE.has(stage)

function evaluationQuery(db: Db, pilotId: string) {
  return db
    .selectFrom('evaluations as e')
    .leftJoin('users as u', 'u.id', 'e.evaluator_user_id')
    .leftJoin('organisations as o', 'o.id', 'e.evaluator_org_id')
    .leftJoin('evaluation_reports as r', 'r.evaluation_id', 'e.id')
    .select([
      'e.id',
      'e.pilot_id',
      'e.kind',
      'e.method',
      'e.evidence_level',
      'e.outcome',
      'e.summary',
      'e.lessons_learned',
      'e.evaluator_user_id',
      'u.name as evaluator_name',
      'e.evaluator_org_id',
      'o.name as evaluator_org_name',
      'e.other_factors',
      'e.report_url',
      'r.filename as report_filename',
      'r.size as report_size',
      'r.sha256 as report_sha256',
      'e.published_at',
      'e.created_at',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('evaluation_results as er')
          .innerJoin('metrics as m', 'm.id', 'er.metric_id')
          .select([
            'er.metric_id as metricId',
            'm.name as metricName',
            'm.unit',
            'er.observed',
            'er.ci_low as ciLow',
            'er.ci_high as ciHigh',
            'er.n',
            'er.preregistered',
          ])
          .whereRef('er.evaluation_id', '=', 'e.id')
          .orderBy('m.position')
      ).as('results'),
      jsonArrayFrom(
        eb
          .selectFrom('evaluation_factors as ef')
          .select(['ef.factor', 'ef.effect', 'ef.note'])
          .whereRef('ef.evaluation_id', '=', 'e.id')
          .orderBy('ef.effect')
          .orderBy('ef.factor')
      ).as('factors'),
    ])
    .where('e.pilot_id', '=', pilotId)
}

type EvaluationRow = Awaited<ReturnType<ReturnType<typeof evaluationQuery>['execute']>>[number]

function toEvaluation(row: EvaluationRow): Evaluation {
  return {
    id: row.id,
    pilotId: row.pilot_id,
    kind: row.kind,
    method: row.method,
    evidenceLevel: row.evidence_level,
    outcome: row.outcome,
    summary: row.summary,
    lessonsLearned: row.lessons_learned,
    evaluator: {
      userId: row.evaluator_user_id,
      name: row.evaluator_name,
      organisationId: row.evaluator_org_id,
      organisationName: row.evaluator_org_name,
    },
    results: row.results,
    factors: row.factors,
    otherFactors: row.other_factors,
    report: row.report_filename
      ? {
          kind: 'pdf',
          href: `/api/v1/pilots/${row.pilot_id}/evaluations/${row.id}/report`,
          filename: row.report_filename,
          size: row.report_size ?? 0,
          sha256: row.report_sha256 ?? '',
        }
      : row.report_url
        ? { kind: 'url', url: row.report_url }
        : null,
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  }
}

/** A pilot's evaluations, oldest first; the caller checks the pilot is visible. */
export async function listEvaluations(db: Db, pilotId: string): Promise<Evaluation[]> {
  const rows = await evaluationQuery(db, pilotId).orderBy('e.created_at').orderBy('e.id').execute()
  return rows.map(toEvaluation)
}

export async function findEvaluation(
  db: Db,
  pilotId: string,
  id: string
): Promise<Evaluation | undefined> {
  const row = await evaluationQuery(db, pilotId).where('e.id', '=', id).executeTakeFirst()
  return row && toEvaluation(row)
}

/**
 * Records an evaluation with its results and factors, as a change of the pilot. A result on a
 * metric that was not in the pre-registration snapshot is stored as not pre-registered.
 */
export async function recordEvaluation(
  trx: Db,
  pilotId: string,
  input: EvaluationCreate,
  actor: Actor,
  expected: Expected,
  at = new Date()
): Promise<{ id: string; version: number }> {
  const pilot = await lockForWrite(trx, pilotId, actor, expected, 'evaluate')
  if (!EVALUABLE.has(pilot.stage)) {
    throw new ProblemError(409, 'not_evaluable', 'There is no trial to evaluate yet', {
      detail: `A pilot in stage '${pilot.stage}' has not started; evaluations are recorded from 'running' on`,
    })
  }
  const metrics = await trx
    .selectFrom('metrics')
    .select('id')
    .where('pilot_id', '=', pilotId)
    .execute()
  const own = new Set(metrics.map((m) => m.id))
  const foreign = input.results.flatMap((r, i) =>
    own.has(r.metricId)
      ? []
      : [bodyFieldError(['results', i, 'metricId'], 'not_found', 'Not a metric of this pilot')]
  )
  if (foreign.length) throw validationFailed(foreign)
  const evaluatorOrgId = input.evaluatorOrgId ?? actor.organisationId
  if (input.evaluatorOrgId) {
    const org = await trx
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', input.evaluatorOrgId)
      .executeTakeFirst()
    if (!org)
      throw validationFailed([
        bodyFieldError(['evaluatorOrgId'], 'not_found', 'No organisation with this id'),
      ])
  }
  const preregistered = new Set(pilot.preregistration?.metrics.map((m) => m.id) ?? [])

  const { id } = await trx
    .insertInto('evaluations')
    .values({
      pilot_id: pilotId,
      kind: input.kind,
      method: input.method,
      evidence_level: input.evidenceLevel,
      outcome: input.outcome ?? null,
      summary: input.summary,
      lessons_learned: input.lessonsLearned,
      evaluator_user_id: actor.userId,
      evaluator_org_id: evaluatorOrgId,
      other_factors: input.otherFactors ?? null,
      report_url: input.reportUrl ?? null,
      published_at: at,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (input.results.length) {
    await trx
      .insertInto('evaluation_results')
      .values(
        input.results.map((r) => ({
          evaluation_id: id,
          metric_id: r.metricId,
          observed: r.observed,
          ci_low: r.ciLow ?? null,
          ci_high: r.ciHigh ?? null,
          n: r.n ?? null,
          preregistered: preregistered.has(r.metricId),
        }))
      )
      .execute()
  }
  if (input.factors.length) {
    await trx
      .insertInto('evaluation_factors')
      .values(
        input.factors.map((f) => ({
          evaluation_id: id,
          factor: f.factor,
          effect: f.effect,
          note: f.note ?? null,
        }))
      )
      .execute()
  }
  const version = await bumpVersion(trx, pilot, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'evaluation_recorded',
    actor,
    at,
    diff: diffFields(
      {},
      {
        evaluation: {
          id,
          kind: input.kind,
          outcome: input.outcome ?? null,
          evidenceLevel: input.evidenceLevel,
        },
      }
    ),
    data: { evaluationId: id },
  })
  return { id, version }
}

const PDF_MAGIC = Buffer.from('%PDF-')

/** A file name safe to store and to send back: no paths, no control characters, ends in .pdf. */
export function safeReportFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .trim()
    .slice(0, 150)
  const stem = cleaned.replace(/\.pdf$/i, '') || 'rapport'
  return `${stem}.pdf`
}

/** Stores a PDF report for an evaluation (replacing any URL or earlier PDF), as a change of the pilot. */
export async function attachReport(
  trx: Db,
  pilotId: string,
  evaluationId: string,
  file: { filename: string; bytes: Uint8Array },
  actor: Actor,
  expected: Expected,
  at = new Date()
): Promise<number> {
  const pilot = await lockForWrite(trx, pilotId, actor, expected, 'evaluate')
  const evaluation = await trx
    .selectFrom('evaluations')
    .select(['id', 'report_url'])
    .where('id', '=', evaluationId)
    .where('pilot_id', '=', pilotId)
    .executeTakeFirst()
  if (!evaluation) throw notFound('The evaluation')
  const bytes = Buffer.from(file.bytes)
  if (bytes.length === 0 || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw new ProblemError(415, 'not_a_pdf', 'The file is not a PDF', {
      detail: 'A report must be a PDF document (it must start with %PDF-)',
    })
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  await trx.deleteFrom('evaluation_reports').where('evaluation_id', '=', evaluationId).execute()
  await trx
    .insertInto('evaluation_reports')
    .values({
      evaluation_id: evaluationId,
      filename: file.filename,
      content_type: 'application/pdf',
      size: bytes.length,
      sha256,
      data: bytes,
      created_at: at,
    })
    .execute()
  await trx
    .updateTable('evaluations')
    .set({ report_url: null })
    .where('id', '=', evaluationId)
    .execute()
  const version = await bumpVersion(trx, pilot, at)
  await appendEvent(trx, {
    pilotId,
    version,
    type: 'report_attached',
    actor,
    at,
    diff: diffFields(
      { report: evaluation.report_url },
      { report: { filename: file.filename, size: bytes.length, sha256 } }
    ),
    data: { evaluationId },
  })
  return version
}

/** The stored PDF of an evaluation; the caller checks the pilot is visible. */
export async function findReport(db: Db, pilotId: string, evaluationId: string) {
  return db
    .selectFrom('evaluation_reports as r')
    .innerJoin('evaluations as e', 'e.id', 'r.evaluation_id')
    .select(['r.filename', 'r.size', 'r.sha256', 'r.data'])
    .where('e.pilot_id', '=', pilotId)
    .where('r.evaluation_id', '=', evaluationId)
    .executeTakeFirst()
}
