import { describe, expect, it } from 'vitest'
import {
  describeEvent,
  describeFilters,
  feedFilters,
  type PilotFeedEvent,
  xmlAttribute,
  xmlText,
} from './atom.ts'

const names = { counties: new Map([['46', 'Vestland']]), municipality: null, org: null }

describe('XML escaping', () => {
  it('escapes the five special characters and keeps every other character XML allows', () => {
    expect(xmlText(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;'
    )
    expect(xmlText('æøå «» – 🧪\tTab\nLF')).toBe('æøå «» – 🧪\tTab\nLF')
  })

  it('drops what XML 1.0 cannot hold and keeps a CR as a reference', () => {
    expect(xmlText('a\u0000b\u0007c\u001Fd\uFFFEe\uFFFFf\uD800g')).toBe('abcdefg')
    expect(xmlText('one\r\ntwo')).toBe('one&#13;\ntwo')
    expect(xmlAttribute('a\tb\nc')).toBe('a&#9;b&#10;c')
  })
})

describe('feed filters', () => {
  it('sorts keys and values and drops empty ones, so the same search is the same feed', () => {
    expect(
      feedFilters({ stage: ['running', 'planned', 'running'], q: 'hjemme', county: ['46'] })
    ).toEqual([
      ['county', ['46']],
      ['q', ['hjemme']],
      ['stage', ['planned', 'running']],
    ])
    expect(feedFilters({ q: '' })).toEqual([])
  })

  it('describes a search in bokmål, query first', () => {
    expect(
      describeFilters(
        { county: ['46'], stage: ['running'], q: 'hjemmeoppfølging', flag: ['stale'] },
        names
      )
    ).toBe('søk: hjemmeoppfølging; fase: gjennomføres; fylke: Vestland; varsel: ikke oppdatert')
    expect(describeFilters({}, names)).toBe('')
  })
})

describe('event wording', () => {
  const event = (overrides: Partial<PilotFeedEvent>): PilotFeedEvent => ({
    id: '00000000-0000-4000-8000-000000000001',
    type: 'pilot_created',
    at: new Date('2026-03-01T08:00:00Z'),
    diff: {},
    data: null,
    stage: 'hypothesis',
    pilot: { id: '00000000-0000-4000-8000-000000000002', title: 'Tittel', summary: 'Kort' },
    ownerName: 'Oslo kommune',
    evaluationSummary: null,
    ...overrides,
  })

  it('names an interim evaluation without an outcome, and an extension by its reason', () => {
    expect(
      describeEvent(
        event({
          type: 'evaluation_recorded',
          diff: { evaluation: { from: null, to: { kind: 'interim', outcome: null } } },
        })
      )
    ).toEqual({ title: 'Ny midtveisevaluering av «Tittel»', summary: 'Kort' })
    expect(
      describeEvent(
        event({
          type: 'stage_changed',
          diff: { stage: { from: 'evaluating', to: 'running' } },
          data: { reason: 'Trenger flere deltakere' },
        })
      )
    ).toEqual({
      title: '«Tittel» gikk fra evalueres til gjennomføres',
      summary: 'Trenger flere deltakere',
    })
  })

  it('throws on a stage it does not know', () => {
    expect(() =>
      describeEvent(event({ type: 'stage_changed', diff: { stage: { from: 'x', to: 'y' } } }))
    ).toThrow(/Unknown stage/)
  })
})
