// CSV as RFC 4180 describes it: records end in CRLF, a field holding a comma, a double quote, CR or
// LF is quoted, and a double quote inside a quoted field is doubled. Pure: no I/O.
//
// Spreadsheets run a cell that starts with = + - @ TAB or CR as a formula (OWASP "CSV injection"),
// so the writer puts an apostrophe before such a text cell, and before a text cell that already
// starts with an apostrophe. The reader's `restoreFormula` removes exactly one leading apostrophe,
// so every text survives the round trip exactly. Numbers are written as numbers: -3 is not a formula.

/** One cell to write: text is neutralised against formulas, numbers and booleans are written bare. */
export type Cell = string | number | boolean | null

/**
 * The byte order mark. Excel (a Norwegian one included) reads a CSV file without it in the local
 * 8-bit code page and garbles æ, ø and å; with it, Excel knows the file is UTF-8.
 */
export const BOM = '\uFEFF'

const FORMULA_START = /^[=+\-@\t\r']/
const NEEDS_QUOTES = /[",\r\n]/

/** A text cell that a spreadsheet shows as text: an apostrophe before a formula-like start. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Undoes `neutraliseFormula`: removes one leading apostrophe, if there is one. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell
}

function field(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`Not a finite number: ${cell}`)
    return String(cell)
  }
  const text = typeof cell === 'boolean' ? String(cell) : neutraliseFormula(cell)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The CSV text of a header and rows: BOM first, every record ended by CRLF. Equal input gives
 * equal output, byte for byte.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => `${row.map(field).join(',')}\r\n`)
  return BOM + lines.join('')
}

/** Where and why a text is not CSV; `line` counts physical lines from 1. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string
  ) {
    super(`Line ${line}: ${message}`)
    this.name = 'CsvSyntaxError'
  }
}

/**
 * The records of a CSV text, every field as written (quotes removed, nothing else changed). A BOM
 * is skipped; records may end in CRLF, LF or CR; a last record without a line end is still read.
 * Throws CsvSyntaxError on a quote inside an unquoted field, text after a closing quote, or an
 * unterminated quoted field.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text
  const records: string[][] = []
  let record: string[] = []
  let value = ''
  let line = 1
  let quoted = false // inside a quoted field
  let closed = false // just after the closing quote of a field
  let quoteLine = 1
  let started = false // the current record has at least one character
  const endField = () => {
    record.push(value)
    value = ''
    closed = false
  }
  const endRecord = () => {
    endField()
    records.push(record)
    record = []
    started = false
  }
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          value += '"'
          i++
        } else {
          quoted = false
          closed = true
        }
      } else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++
        value += ch
      }
      continue
    }
    started = true
    if (ch === ',') endField()
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      endRecord()
      line++
    } else if (closed) {
      throw new CsvSyntaxError(line, 'only a comma or a line end may follow a closing quote')
    } else if (ch === '"') {
      if (value !== '') throw new CsvSyntaxError(line, 'a quote inside an unquoted field')
      quoted = true
      quoteLine = line
    } else value += ch
  }
  if (quoted) throw new CsvSyntaxError(quoteLine, 'a quoted field is not closed')
  if (started) endRecord()
  return records
}
