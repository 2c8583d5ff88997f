import { describe, expect, it } from 'vitest'
import {
  BOM,
  CsvSyntaxError,
  neutraliseFormula,
  parseCsv,
  restoreFormula,
  writeCsv,
} from './csv.ts'

describe('writeCsv', () => {
  it('starts with a BOM, ends every record in CRLF and quotes only where RFC 4180 needs it', () => {
    const csv = writeCsv(
      ['a', 'b', 'c', 'd'],
      [
        ['plain', 'with, comma', 'with "quotes"', 'two\r\nlines'],
        ['lf\nonly', 'cr\ronly', '', null],
      ]
    )
    expect(csv).toBe(
      `${BOM}a,b,c,d\r\nplain,"with, comma","with ""quotes""","two\r\nlines"\r\n"lf\nonly","cr\ronly",,\r\n`
    )
  })

  it('writes Norwegian letters as they are (UTF-8 is the encoder’s job)', () => {
    expect(writeCsv(['navn'], [['Tromsø, Ålesund og Bærum']])).toBe(
      `${BOM}navn\r\n"Tromsø, Ålesund og Bærum"\r\n`
    )
  })

  it('neutralises text cells that a spreadsheet would run as a formula', () => {
    const row = ['=HYPERLINK("http://x","y")', '+47', '-3', '@SUM(A1)', '\tx', '\rx', "'quoted"]
    expect(parseCsv(writeCsv(['h'], [row]))[1]).toEqual([
      `'=HYPERLINK("http://x","y")`,
      "'+47",
      "'-3",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "''quoted",
    ])
  })

  it('writes numbers and booleans bare: a negative number is a number, not a formula', () => {
    expect(writeCsv(['n'], [[-3, 1.5, -0.25, 0, true, false, 'x=1']])).toBe(
      `${BOM}n\r\n-3,1.5,-0.25,0,true,false,x=1\r\n`
    )
  })

  it('refuses numbers that are not finite', () => {
    expect(() => writeCsv(['n'], [[Number.NaN]])).toThrow(RangeError)
    expect(() => writeCsv(['n'], [[Number.POSITIVE_INFINITY]])).toThrow(RangeError)
  })

  it('gives equal bytes for equal input', () => {
    const rows = [['a', 1, null, true]]
    expect(writeCsv(['w', 'x', 'y', 'z'], rows)).toBe(writeCsv(['w', 'x', 'y', 'z'], rows))
  })
})

describe('neutraliseFormula and restoreFormula', () => {
  it('are inverse for every text', () => {
    for (const text of ['', "'", "''", '=1+1', "'=1+1", 'plain', '-', '@', 'a=b', "it's"]) {
      expect(restoreFormula(neutraliseFormula(text))).toBe(text)
    }
  })

  it('leaves ordinary texts alone', () => {
    expect(neutraliseFormula('Hverdagsrehabilitering')).toBe('Hverdagsrehabilitering')
    expect(neutraliseFormula('3 + 4 = 7')).toBe('3 + 4 = 7')
    expect(restoreFormula('Hverdagsrehabilitering')).toBe('Hverdagsrehabilitering')
  })
})

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\r\nbye"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\r\nbye'],
    ])
  })

  it('skips a BOM and accepts LF, CR or no line end after the last record', () => {
    expect(parseCsv(`${BOM}a,b\nc,d`)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(parseCsv('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })

  it('keeps empty fields, empty quoted fields and a blank line as what they are', () => {
    expect(parseCsv('a,,""\r\n\r\n,\r\n')).toEqual([['a', '', ''], [''], ['', '']])
    expect(parseCsv('')).toEqual([])
    expect(parseCsv(BOM)).toEqual([])
  })

  it('names the line of an unterminated quote', () => {
    const text = 'a,b\r\n1,2\r\n3,"open\r\nstill open'
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError)
    try {
      parseCsv(text)
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3)
      expect((error as CsvSyntaxError).message).toMatch(/Line 3: a quoted field is not closed/)
    }
  })

  it('refuses a quote inside an unquoted field and text after a closing quote', () => {
    expect(() => parseCsv('a\r\nab"c\r\n')).toThrow(/Line 2: a quote inside an unquoted field/)
    expect(() => parseCsv('a\r\n"ab"c\r\n')).toThrow(/Line 2: only a comma or a line end/)
  })

  it('counts lines inside quoted fields when naming a later error', () => {
    expect(() => parseCsv('"one\ntwo\r\nthree"\r\nx"y')).toThrow(/Line 4:/)
  })

  it('reads back exactly what writeCsv wrote, for many awkward texts', () => {
    // A fixed pseudo-random sequence: the same cases every run.
    let seed = 42
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const alphabet = [
      'a',
      'Ø',
      'å',
      ' ',
      ',',
      '"',
      "'",
      '\r',
      '\n',
      '\r\n',
      '=',
      '+',
      '-',
      '@',
      '\t',
    ]
    const text = () =>
      Array.from(
        { length: Math.floor(next() * 8) },
        () => alphabet[Math.floor(next() * alphabet.length)]
      ).join('')
    const rows = Array.from({ length: 300 }, () => [text(), text(), text()])
    const parsed = parseCsv(writeCsv(['x', 'y', 'z'], rows))
    expect(parsed[0]).toEqual(['x', 'y', 'z'])
    expect(parsed.slice(1).map((r) => r.map(restoreFormula))).toEqual(rows)
  })
})
