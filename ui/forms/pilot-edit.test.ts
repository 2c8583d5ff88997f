import { describe, expect, it } from 'vitest'
import type { Pilot } from '../../schema/pilot.ts'
import { draftOf, measure, type PilotFormInput, planEdit, rebaseDraft } from './pilot-edit.ts'

const A = '00000000-0000-4000-8000-00000000000a'
const B = '00000000-0000-4000-8000-00000000000b'

function pilot(overrides: Partial<Pilot> = {}): Pilot {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'Videoveiledning',
    summary: 'Kort',
    problem: '',
    hypothesis: 'Hvis vi …, så vil …',
    innovationType: 'service',
    serviceArea: 'social_services',
    plannedStart: '2026-09-01',
    plannedEnd: null,
    evaluationMethod: 'before_after',
    metrics: [
      {
        id: A,
        name: 'Andel forberedt',
        unit: 'prosent',
        direction: 'increase',
        baseline: 35,
        target: 60,
        primary: true,
      },
      {
        id: B,
        name: 'Ventetid',
        unit: null,
        direction: 'decrease',
        baseline: null,
        target: 2.5,
        primary: false,
      },
    ],
    preregistration: null,
    version: 3,
    ...overrides,
  } as Pilot
}

let key = 0
const next = () => key++

/** The form's text as the page turns it into API input. */
function inputOf(draft: ReturnType<typeof draftOf>): PilotFormInput {
  return {
    ...draft.fields,
    metrics: draft.metrics.map((m) => ({
      name: m.name,
      unit: m.unit || null,
      direction: m.direction,
      baseline: measure(m.baseline),
      target: measure(m.target),
      primary: m.primary,
    })),
  }
}

describe('planEdit', () => {
  it('writes nothing for an untouched form', () => {
    const p = pilot()
    const draft = draftOf(p, next)
    const plan = planEdit(
      p,
      inputOf(draft),
      draft.metrics.map((m) => m.id)
    )
    expect(plan).toEqual({ patch: {}, patchAmends: false, metrics: [], amends: false })
  })

  it('sends only changed fields; emptied optional fields become null', () => {
    const p = pilot()
    const draft = draftOf(p, next)
    draft.fields.title = ' Ny tittel '
    draft.fields.plannedStart = ''
    const plan = planEdit(
      p,
      inputOf(draft),
      draft.metrics.map((m) => m.id)
    )
    expect(plan.patch).toEqual({ title: 'Ny tittel', plannedStart: null })
  })

  it('adds, changes and removes metrics, removals first', () => {
    const p = pilot()
    const draft = draftOf(p, next)
    const [first] = draft.metrics
    if (!first) throw new Error('no metric')
    first.target = '65,5'
    draft.metrics = [first, { ...first, key: next(), id: null, name: 'Ny', primary: false }]
    const plan = planEdit(
      p,
      inputOf(draft),
      draft.metrics.map((m) => m.id)
    )
    expect(plan.metrics.map((m) => m.kind)).toEqual(['remove', 'update', 'add'])
    expect(plan.metrics[1]).toMatchObject({ kind: 'update', id: A, patch: { target: 65.5 } })
    expect(plan.amends).toBe(false)
  })

  it('after the start, a new hypothesis or a changed primary metric is an amendment', () => {
    const frozen = pilot({
      preregistration: { frozenAt: '2026-09-03T00:00:00.000Z', hypothesis: 'x', metrics: [] },
    })
    const draft = draftOf(frozen, next)
    draft.fields.hypothesis = 'Hvis vi gjør noe annet …'
    const ids = draft.metrics.map((m) => m.id)
    expect(planEdit(frozen, inputOf(draft), ids)).toMatchObject({ patchAmends: true, amends: true })

    const other = draftOf(frozen, next)
    const secondary = other.metrics[1]
    if (secondary) secondary.name = 'Ventetid i dager'
    const plan = planEdit(
      frozen,
      inputOf(other),
      other.metrics.map((m) => m.id)
    )
    expect(plan.amends).toBe(false)
    expect(plan.metrics).toMatchObject([{ kind: 'update', amends: false }])

    const removed = draftOf(frozen, next)
    removed.metrics = removed.metrics.slice(1)
    expect(
      planEdit(
        frozen,
        inputOf(removed),
        removed.metrics.map((m) => m.id)
      ).metrics
    ).toMatchObject([{ kind: 'remove', id: A, amends: true }])
  })
})

describe('rebaseDraft', () => {
  it('keeps what the user changed and takes the rest from the newest version', () => {
    const read = pilot()
    const draft = draftOf(read, next)
    draft.fields.title = 'Min tittel'
    const newest = pilot({
      summary: 'Deres beskrivelse',
      version: 4,
      metrics: [
        ...(read.metrics.slice(0, 1) ?? []),
        {
          id: '00000000-0000-4000-8000-00000000000c',
          name: 'Deres mål',
          unit: null,
          direction: 'increase',
          baseline: null,
          target: null,
          primary: false,
        },
      ],
    })
    const rebased = rebaseDraft(read, newest, draft.fields, draft.metrics, next)
    expect(rebased.fields.title).toBe('Min tittel')
    expect(rebased.fields.summary).toBe('Deres beskrivelse')
    // B was removed by them but kept by the user: it comes back as a new metric.
    expect(rebased.metrics.map((m) => [m.name, m.id])).toEqual([
      ['Andel forberedt', A],
      ['Ventetid', null],
      ['Deres mål', '00000000-0000-4000-8000-00000000000c'],
    ])
    const plan = planEdit(
      newest,
      inputOf(rebased),
      rebased.metrics.map((m) => m.id)
    )
    expect(plan.patch).toEqual({ title: 'Min tittel' })
    expect(plan.metrics.map((m) => m.kind)).toEqual(['add'])
  })
})
