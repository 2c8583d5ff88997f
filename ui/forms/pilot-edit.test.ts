import { describe, expect, it } from 'vitest'
import type { Pilot } from '../../schema/pilot.ts'
import {
  draftOf,
  kroner,
  measure,
  moreInput,
  type PilotFormInput,
  planEdit,
  rebaseDraft,
} from './pilot-edit.ts'

const A = '00000000-0000-4000-8000-00000000000a'
const B = '00000000-0000-4000-8000-00000000000b'
const ORG = '00000000-0000-4000-8000-0000000000f1'
const OTHER_ORG = '00000000-0000-4000-8000-0000000000f2'

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
    legalBasis: {
      kind: 'ordinary',
      reference: null,
      approvalDate: null,
      expiryDate: null,
      extendedUntil: null,
    },
    budgetNok: 250000,
    fundingSource: null,
    tags: ['nav', 'video'],
    availableToAdvise: true,
    partners: [{ organisationId: ORG, name: 'Universitetet i Bergen', role: 'research' }],
    contacts: [
      {
        name: 'Kari Nordmann',
        email: 'kari@nav.example',
        phone: null,
        role: 'Rådgiver',
        showPublicly: false,
      },
    ],
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
    ...moreInput(draft.more),
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

describe('the legal basis, money, partners, contacts and tags', () => {
  const plan = (p: Pilot, draft: ReturnType<typeof draftOf>) =>
    planEdit(
      p,
      inputOf(draft),
      draft.metrics.map((m) => m.id)
    )

  it('an untouched form writes none of them', () => {
    const p = pilot()
    expect(plan(p, draftOf(p, next)).patch).toEqual({})
  })

  it('sends the whole legal basis when it changes, and only what changed', () => {
    const p = pilot()
    const draft = draftOf(p, next)
    draft.more.legalKind = 'forsoksloven'
    draft.more.legalReference = ' KDD 24/1234 '
    draft.more.approvalDate = '2026-08-01'
    draft.more.expiryDate = '2030-07-31'
    expect(plan(p, draft).patch).toEqual({
      legalBasis: {
        kind: 'forsoksloven',
        reference: 'KDD 24/1234',
        approvalDate: '2026-08-01',
        expiryDate: '2030-07-31',
        extendedUntil: null,
      },
    })
  })

  it('going back to ordinary drops the approval dates the form still holds', () => {
    const p = pilot({
      legalBasis: {
        kind: 'forsoksloven',
        reference: 'KDD 24/1234',
        approvalDate: '2026-08-01',
        expiryDate: '2030-07-31',
        extendedUntil: null,
      },
    })
    const draft = draftOf(p, next)
    draft.more.legalKind = 'ordinary'
    expect(plan(p, draft).patch.legalBasis).toEqual({
      kind: 'ordinary',
      reference: null,
      approvalDate: null,
      expiryDate: null,
      extendedUntil: null,
    })
  })

  it('budget as Norwegians write it, tags by comma; same tags in other spacing are no change', () => {
    expect(kroner('1 500 000')).toBe(1500000)
    expect(kroner('1.500.000 kr')).toBe(1500000)
    expect(kroner(' ')).toBeNull()
    expect(kroner('mye')).toBeNaN()
    const p = pilot()
    const draft = draftOf(p, next)
    draft.more.tags = 'nav ,video,'
    expect(plan(p, draft).patch).toEqual({})
    draft.more.budgetNok = '300 000'
    draft.more.tags = 'nav, video, veiledning'
    expect(plan(p, draft).patch).toEqual({
      budgetNok: 300000,
      tags: ['nav', 'video', 'veiledning'],
    })
  })

  it('a new partner sends the partners, a removed contact the contacts; consent is kept', () => {
    const p = pilot()
    const draft = draftOf(p, next)
    draft.more.partners.push({ key: next(), organisationId: OTHER_ORG, role: 'supplier' })
    expect(plan(p, draft).patch).toEqual({
      partners: [
        { organisationId: ORG, role: 'research' },
        { organisationId: OTHER_ORG, role: 'supplier' },
      ],
    })
    const contact = draft.more.contacts[0]
    if (!contact) throw new Error('no contact')
    contact.showPublicly = true
    expect(plan(p, draft).patch.contacts).toEqual([
      {
        name: 'Kari Nordmann',
        email: 'kari@nav.example',
        phone: null,
        role: 'Rådgiver',
        showPublicly: true,
      },
    ])
    draft.more.contacts = []
    expect(plan(p, draft).patch.contacts).toEqual([])
  })

  it('after a conflict, the user’s contacts stay and their budget change comes in', () => {
    const read = pilot()
    const draft = draftOf(read, next)
    draft.more.contacts.push({
      key: next(),
      name: 'Ola Nordmann',
      email: 'ola@nav.example',
      phone: '+47 22 22 22 22',
      role: '',
      showPublicly: true,
    })
    const newest = pilot({ budgetNok: 400000, tags: ['nav'], version: 4 })
    const rebased = rebaseDraft(read, newest, draft.fields, draft.metrics, next, draft.more)
    expect(rebased.more.budgetNok).toBe('400000')
    expect(rebased.more.tags).toBe('nav')
    expect(rebased.more.contacts.map((c) => c.name)).toEqual(['Kari Nordmann', 'Ola Nordmann'])
    const after = planEdit(
      newest,
      inputOf(rebased),
      rebased.metrics.map((m) => m.id)
    )
    expect(Object.keys(after.patch)).toEqual(['contacts'])
  })
})
