import { describe, expect, it } from 'vitest'
import { MAX_REPORT_BYTES } from '../../schema/evaluation.ts'
import { megabytes, pdfProblem } from './pdf-file.ts'

const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
const file = (parts: BlobPart[], name: string, type: string) => new File(parts, name, { type })

describe('pdfProblem', () => {
  it('accepts a PDF, by its type or its name', async () => {
    expect(await pdfProblem(file([pdf], 'rapport.pdf', 'application/pdf'))).toBeNull()
    expect(await pdfProblem(file([pdf], 'RAPPORT.PDF', ''))).toBeNull()
  })

  it('refuses other files, also one that only pretends to be a PDF', async () => {
    expect(await pdfProblem(file(['Hei'], 'rapport.txt', 'text/plain'))).toBe('notPdf')
    expect(await pdfProblem(file(['<html>'], 'rapport.pdf', 'application/pdf'))).toBe('notPdf')
    expect(await pdfProblem(file([pdf], 'rapport.docx', 'application/msword'))).toBe('notPdf')
  })

  it('refuses an empty file and one over 20 MB', async () => {
    expect(await pdfProblem(file([], 'rapport.pdf', 'application/pdf'))).toBe('empty')
    const big = file([pdf, new Uint8Array(MAX_REPORT_BYTES)], 'stor.pdf', 'application/pdf')
    expect(await pdfProblem(big)).toBe('tooLarge')
    expect(megabytes(big.size)).toBe(20.1)
  })
})
