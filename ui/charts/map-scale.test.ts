import { describe, expect, it } from 'vitest'
import { parsePipelineFilters, paths } from '../router.ts'
import { countSteps, leadingStatus } from './map-scale.ts'

const none = { interested: 0, trialling: 0, adopted: 0, dropped: 0 }

describe('the map', () => {
  it('colours a place by the status that says most: adopted, then trialling, dropped, interested', () => {
    expect(leadingStatus({ ...none, interested: 2, dropped: 1 })).toBe('dropped')
    expect(leadingStatus({ ...none, trialling: 1, dropped: 3 })).toBe('trialling')
    expect(leadingStatus({ ...none, adopted: 1, trialling: 5 })).toBe('adopted')
    expect(leadingStatus(none)).toBeNull()
  })

  it('splits counts into at most five classes that end at the largest count', () => {
    expect(countSteps(1)).toEqual([1])
    expect(countSteps(3)).toEqual([1, 2, 3])
    expect(countSteps(12)).toEqual([3, 6, 9, 12])
    expect(countSteps(50)).toEqual([10, 20, 30, 40, 50])
  })
})

describe('the pipeline filters in the URL', () => {
  it('round-trips through the address and drops values outside the vocabularies', () => {
    const filters = {
      serviceArea: 'health_care',
      county: '46',
      orgKind: 'municipality',
      from: '2025-01-01',
      to: '',
    } as const
    const href = paths.pipeline(filters)
    expect(href).toBe(
      '/forlop?serviceArea=health_care&county=46&orgKind=municipality&from=2025-01-01'
    )
    expect(parsePipelineFilters(new URL(href, 'http://x').searchParams)).toEqual(filters)
    expect(
      parsePipelineFilters(new URLSearchParams('serviceArea=x&county=4&orgKind=king&from=1.1.2025'))
    ).toEqual({ serviceArea: '', county: '', orgKind: '', from: '', to: '' })
  })
})
