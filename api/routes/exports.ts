import { createRoute, z } from '@hono/zod-openapi'
import type { Context, Next } from 'hono'
import {
  COMPUTED_COLUMNS,
  EXPORT_ATTRIBUTION,
  EXPORT_COLUMNS,
  EXPORT_LICENCE,
  type ExportedPilot,
  IMPORT_COLUMNS,
  type ImportError,
  ImportJsonBody,
  ImportProblem,
  ImportResult,
  PilotExport,
  PilotImportRow,
  REQUIRED_IMPORT_COLUMNS,
} from '../../schema/export.ts'
import type { AppDeps } from '../app.ts'
import { createRouter } from '../app.ts'
import { type Cell, CsvSyntaxError, parseCsv, restoreFormula, writeCsv } from '../domain/csv.ts'
import { requireActor } from '../http/actor.ts'
import { idempotentWrite } from '../http/idempotency.ts'
import { IdempotencyHeaders, jsonResponse, problems } from '../http/openapi.ts'
import { ProblemError } from '../problem.ts'
import {
  checkImport,
  exportedPilots,
  type ImportRow,
  importPilots,
  type RowError,
  requireImportRights,
} from '../queries/exports.ts'

const CSV_FORMAT = `CSV as RFC 4180: UTF-8 with a byte order mark (so Excel opens æ, ø and å correctly), comma-separated, CRLF line ends, a header row with these columns in this order: ${EXPORT_COLUMNS.join(', ')}.

Cells: empty means none; dates are YYYY-MM-DD, times RFC 3339 (UTC, milliseconds); booleans true/false; \`tags\` are separated by "; "; \`metrics\` is a JSON array of {name, unit, direction, baseline, target, primary}. Spreadsheet formulas are neutralised: a text cell that starts with = + - @ TAB or CR, or with an apostrophe, gets one apostrophe in front; the importer removes one leading apostrophe from every cell, so texts come back exactly (write two apostrophes to start a text with one). Numbers are never prefixed.

Only published pilots, oldest first; no personal data (no contacts, no evaluators). Partners, the pre-registration snapshot and the history are not in the export. \`basedOnPilotId\` is left empty when the origin is not published. Computed, read-only columns: ${COMPUTED_COLUMNS.join(', ')}.`

const IMPORT_RULES = `Takes the export's CSV format, sent as text/csv (UTF-8) or as JSON {"csv": "…"}; at most 1 MB. Required columns: ${REQUIRED_IMPORT_COLUMNS.join(', ')}; the others may be left out and take their defaults (a new id, stage hypothesis, legal basis ordinary, the time now). The computed columns are ignored. One leading apostrophe is removed from every cell (see the export).

All or nothing: every row is checked by the rules of the API (enums, dates, organisation numbers with the mod-11 check, forsøksloven's limits, what each stage requires, ids not yet taken, origins that exist); if anything is wrong, nothing is imported and the 400 lists every row and column at fault (row 1 is the first row after the header, row 0 the header). Otherwise every row is imported in one transaction as a published pilot that keeps its id, stage, outcome, timestamps and sample flag, with one pilot_created event marked imported. Owners already registered are used as they are; others are registered from the row. A member may import the pilots of organisations they belong to; only a system administrator may import for others or register owners (403).

Limits: an import brings no evaluations, adoptions, partners, contacts or history, so the computed columns of a re-export start at zero; imported into an empty registry, every other column is exported again exactly. A pilot past planned gets its pre-registration rebuilt from the row's hypothesis and primary metrics, frozen when the trial started (not before the pilot was registered).`

const CsvText = z.string().meta({ description: 'The CSV file', example: 'id,title,…\r\n' })

const exportHeaders = {
  ETag: {
    description: 'Hash of the body; send it in If-None-Match',
    schema: { type: 'string' as const },
  },
  'Cache-Control': { schema: { type: 'string' as const } },
}

const CACHE_CONTROL = 'public, max-age=300'

function cellOf(column: keyof ExportedPilot, pilot: ExportedPilot): Cell {
  if (column === 'tags') return pilot.tags.join('; ')
  if (column === 'metrics') return JSON.stringify(pilot.metrics)
  return pilot[column] as Cell
}

/** The CSV export of the pilots, byte for byte the same for the same pilots. */
function pilotsCsv(pilots: ExportedPilot[]): string {
  return writeCsv(
    EXPORT_COLUMNS,
    pilots.map((p) => EXPORT_COLUMNS.map((column) => cellOf(column, p)))
  )
}

function toImportError(e: RowError): ImportError {
  const column = e.column || null
  const where = e.row === 0 ? 'header' : `row ${e.row}`
  return {
    in: 'body',
    pointer: column ? `/${e.row}/${column}` : `/${e.row}`,
    field: column ? `${where}: ${column}` : where,
    code: e.code,
    detail: e.detail,
    row: e.row,
    column,
  }
}

function importFailed(errors: RowError[]) {
  const rows = new Set(errors.map((e) => e.row)).size
  const first = errors[0] ? toImportError(errors[0]) : undefined
  return new ProblemError(400, 'import_failed', 'The file was not imported', {
    detail: `${errors.length} problem(s) in ${rows} row(s); nothing was imported.${first ? ` First: ${first.field}: ${first.detail}` : ''}`,
    errors: errors.map(toImportError),
  })
}

/** The cell a zod issue is about, in words a spreadsheet user can follow. */
function issueDetail(path: PropertyKey[], message: string) {
  const [column, index, key] = path
  if (typeof index !== 'number') return message
  const item = column === 'metrics' ? 'Metric' : column === 'tags' ? 'Tag' : 'Item'
  return `${item} ${index + 1}${typeof key === 'string' ? `, ${key}` : ''}: ${message}`
}

/** The checked rows of a CSV import file; throws a 400 naming every row and column at fault. */
function readImport(text: string): ImportRow[] {
  let records: string[][]
  try {
    records = parseCsv(text)
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    throw new ProblemError(400, 'malformed_csv', 'The file is not valid CSV', {
      detail: `${error.message}; nothing was imported`,
    })
  }
  const [header, ...data] = records
  if (!header)
    throw importFailed([
      {
        row: 0,
        column: '',
        code: 'missing_header',
        detail: 'The file is empty: the first row names the columns',
      },
    ])
  const names = header.map((h) => h.trim())
  const known = new Set<string>(EXPORT_COLUMNS)
  const headerErrors: RowError[] = []
  names.forEach((name, i) => {
    if (!known.has(name))
      headerErrors.push({
        row: 0,
        column: name,
        code: 'unknown_column',
        detail: 'Not a column of the export format',
      })
    else if (names.indexOf(name) !== i)
      headerErrors.push({
        row: 0,
        column: name,
        code: 'duplicate_column',
        detail: 'The column appears twice',
      })
  })
  for (const name of REQUIRED_IMPORT_COLUMNS) {
    if (!names.includes(name))
      headerErrors.push({
        row: 0,
        column: name,
        code: 'missing_column',
        detail: 'A required column is missing',
      })
  }
  if (headerErrors.length) throw importFailed(headerErrors)

  const rows: ImportRow[] = []
  const errors: RowError[] = []
  data.forEach((record, i) => {
    const row = i + 1
    if (record.length === 1 && record[0] === '') return // a blank line
    if (record.length !== names.length) {
      errors.push({
        row,
        column: '',
        code: 'cell_count',
        detail: `The row has ${record.length} cells; the header has ${names.length}`,
      })
      return
    }
    const input = Object.fromEntries(
      IMPORT_COLUMNS.map((column) => {
        const at = names.indexOf(column)
        return [column, at < 0 ? '' : restoreFormula(record[at] ?? '')]
      })
    )
    const parsed = PilotImportRow.safeParse(input)
    if (parsed.success) rows.push({ row, pilot: parsed.data })
    else
      for (const issue of parsed.error.issues) {
        errors.push({
          row,
          column: String(issue.path[0] ?? ''),
          code: issue.code,
          detail: issueDetail(issue.path, issue.message),
        })
      }
  })
  if (errors.length) throw importFailed(errors)
  return rows
}

/** 415 unless the body is CSV in UTF-8 or JSON; zod-openapi's own check would only say "JSON". */
async function csvOrJson(c: Context, next: Next) {
  const type = c.req.header('Content-Type') ?? ''
  const [media = '', ...params] = type.split(';').map((s) => s.trim().toLowerCase())
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replaceAll('"', '')
  const csv = media === 'text/csv' && (!charset || charset === 'utf-8' || charset === 'utf8')
  if (!csv && media !== 'application/json') {
    throw new ProblemError(415, 'unsupported_media_type', 'Send the file as text/csv in UTF-8', {
      detail: `Content-Type was ${type || 'missing'}; send text/csv (UTF-8) or application/json {"csv": "…"}`,
    })
  }
  await next()
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function exportRoutes({ db, clock }: AppDeps) {
  const now = () => clock?.() ?? new Date()
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/export/pilots.csv',
        tags: ['exports'],
        summary: 'Every published pilot as CSV (open data, NLOD 2.0)',
        description: CSV_FORMAT,
        responses: {
          200: {
            description: 'The CSV file, as an attachment named pilots.csv',
            headers: exportHeaders,
            content: { 'text/csv': { schema: CsvText } },
          },
          304: { description: 'Not modified since the ETag in If-None-Match' },
        },
      }),
      async (c) => {
        const { pilots } = await exportedPilots(db)
        return c.body(pilotsCsv(pilots), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="pilots.csv"',
          'Cache-Control': CACHE_CONTROL,
        })
      }
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/export/pilots.json',
        tags: ['exports'],
        summary: 'Every published pilot as JSON (open data, NLOD 2.0)',
        description:
          'The same pilots and fields as the CSV export, with tags and metrics as arrays and texts as they are (no formula neutralisation). `modified` is the latest change to an exported pilot, its evaluations or adoptions, so the same data gives the same bytes.',
        responses: {
          200: { ...jsonResponse(PilotExport, 'The pilots'), headers: exportHeaders },
          304: { description: 'Not modified since the ETag in If-None-Match' },
        },
      }),
      async (c) => {
        const { pilots, modified } = await exportedPilots(db)
        c.header('Content-Disposition', 'attachment; filename="pilots.json"')
        c.header('Cache-Control', CACHE_CONTROL)
        const body: PilotExport = {
          licence: EXPORT_LICENCE,
          attribution: EXPORT_ATTRIBUTION,
          modified,
          pilots,
        }
        return c.json(body, 200)
      }
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/import/pilots.csv',
        tags: ['exports'],
        summary: 'Import pilots from the CSV export format, all rows or none',
        description: IMPORT_RULES,
        middleware: [csvOrJson] as const,
        request: {
          headers: IdempotencyHeaders,
          body: {
            description: 'The CSV file (required)',
            content: {
              'text/csv': { schema: CsvText },
              'application/json': { schema: ImportJsonBody },
            },
          },
        },
        responses: {
          201: jsonResponse(ImportResult, 'Imported: how many, and their ids'),
          400: {
            description: 'Not CSV, or rows that break the rules: nothing was imported',
            content: { 'application/problem+json': { schema: ImportProblem } },
          },
          ...problems(401, 403, 413, 415, 422),
        },
      }),
      async (c) => {
        const actor = requireActor(c)
        let text: string
        if (c.req.header('Content-Type')?.toLowerCase().startsWith('application/json')) {
          const body = c.req.valid('json')
          text = typeof body === 'string' ? body : body.csv
        } else {
          try {
            text = utf8.decode(await c.req.arrayBuffer())
          } catch {
            throw new ProblemError(400, 'malformed_csv', 'The file is not UTF-8', {
              detail: 'Save the file as "CSV UTF-8" and send it again; nothing was imported',
            })
          }
        }
        const rows = readImport(text)
        const result = await idempotentWrite(db, c, actor, { csv: text }, async (trx) => {
          await requireImportRights(trx, actor, rows)
          const { errors, order } = await checkImport(trx, rows)
          if (errors.length) throw importFailed(errors)
          const ids = await importPilots(trx, rows, order, actor, now())
          return { status: 201, body: { imported: ids.length, ids }, headers: {} }
        })
        if (result.replayed) c.header('Idempotent-Replayed', 'true')
        return c.json(result.body as ImportResult, 201)
      }
    )
}
