import { MAX_REPORT_BYTES } from '../../schema/evaluation.ts'

/** Why a file cannot be a report, or null when it can: the API's own limits, checked first here. */
export type PdfProblem = 'empty' | 'tooLarge' | 'notPdf'

// Every PDF begins with these bytes; a file named .pdf that does not is something else.
const MAGIC = '%PDF-'

/** Checks that a chosen file is a PDF the API will take: not empty, at most 20 MB, PDF inside. */
export async function pdfProblem(file: Blob & { name?: string }): Promise<PdfProblem | null> {
  if (file.size === 0) return 'empty'
  if (file.size > MAX_REPORT_BYTES) return 'tooLarge'
  const named = file.type === 'application/pdf' || /\.pdf$/i.test(file.name ?? '')
  const head = new TextDecoder('latin1').decode(await file.slice(0, MAGIC.length).arrayBuffer())
  return named && head === MAGIC ? null : 'notPdf'
}

/** A size in megabytes with one decimal, for messages. */
export const megabytes = (bytes: number) => Math.ceil((bytes / 1024 / 1024) * 10) / 10
