import { describe, expect, it } from 'vitest'
import { PilotCreate, PilotQuery, pilotConsistencyIssues } from './pilot.ts'

const fields = (issues: { path: string[] }[]) => issues.map((i) => i.path.join('.'))

describe('pilot consistency', () => {
  it('wants dates in order', () => {
    expect(
      fields(pilotConsistencyIssues({ plannedStart: '2026-02-01', plannedEnd: '2026-01-31' }))
    ).toEqual(['plannedEnd'])
    expect(
      fields(pilotConsistencyIssues({ actualStart: '2026-02-01', actualEnd: '2026-02-01' }))
    ).toEqual([])
  })

  it('holds a forsøksloven approval to four years and an extension to two', () => {
    const lb = {
      kind: 'forsoksloven' as const,
      reference: 'Vedtak 3/26',
      approvalDate: '2024-02-29',
    }
    expect(
      fields(pilotConsistencyIssues({ legalBasis: { ...lb, expiryDate: '2028-02-29' } }))
    ).toEqual([])
    expect(
      fields(pilotConsistencyIssues({ legalBasis: { ...lb, expiryDate: '2028-03-02' } }))
    ).toEqual(['legalBasis.expiryDate'])
    expect(
      fields(
        pilotConsistencyIssues({
          legalBasis: { ...lb, expiryDate: '2028-01-01', extendedUntil: '2030-01-01' },
        })
      )
    ).toEqual([])
    expect(
      fields(
        pilotConsistencyIssues({
          legalBasis: { ...lb, expiryDate: '2028-01-01', extendedUntil: '2030-01-02' },
        })
      )
    ).toEqual(['legalBasis.extendedUntil'])
    expect(fields(pilotConsistencyIssues({ legalBasis: { kind: 'forsoksloven' } }))).toEqual([
      'legalBasis.reference',
      'legalBasis.approvalDate',
      'legalBasis.expiryDate',
    ])
  })

  it('gives an ordinary legal basis no approval dates', () => {
    expect(
      fields(pilotConsistencyIssues({ legalBasis: { kind: 'ordinary', expiryDate: '2027-01-01' } }))
    ).toEqual(['legalBasis.kind'])
  })

  it('fills defaults on registration and rejects unknown fields', () => {
    const parsed = PilotCreate.parse({
      title: 'Kort',
      innovationType: 'service',
      serviceArea: 'other',
    })
    expect(parsed).toMatchObject({
      visibility: 'draft',
      legalBasis: { kind: 'ordinary' },
      metrics: [],
      tags: [],
    })
    expect(
      PilotCreate.safeParse({
        title: 'Kort',
        innovationType: 'service',
        serviceArea: 'other',
        stage: 'adopted',
      }).success
    ).toBe(false)
  })

  it('normalises tags to lower case', () => {
    const parsed = PilotCreate.parse({
      title: 'Kort',
      innovationType: 'service',
      serviceArea: 'other',
      tags: ['  Velferdsteknologi '],
    })
    expect(parsed.tags).toEqual(['velferdsteknologi'])
  })

  it('reads list filters given once, comma-separated or repeated', () => {
    expect(PilotQuery.parse({ stage: 'running' }).stage).toEqual(['running'])
    expect(PilotQuery.parse({ stage: 'running,planned' }).stage).toEqual(['running', 'planned'])
    expect(PilotQuery.parse({ stage: ['running', 'planned'] }).stage).toEqual([
      'running',
      'planned',
    ])
    expect(PilotQuery.safeParse({ stage: 'running,done' }).success).toBe(false)
  })
})
