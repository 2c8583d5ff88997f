import { z } from 'zod'
import { IsoDate, Timestamp, text, Uuid } from './common.ts'
import { ADOPTION_DEGREES, ADOPTION_STATUSES, ORGANISATION_KINDS, OUTCOMES } from './enums.ts'
import { Pilot } from './pilot.ts'

const dates = {
  interestedOn: IsoDate.nullable().optional(),
  triallingOn: IsoDate.nullable().optional(),
  adoptedOn: IsoDate.nullable().optional(),
  droppedOn: IsoDate.nullable().optional(),
}

const fields = {
  status: z.enum(ADOPTION_STATUSES),
  degree: z
    .enum(ADOPTION_DEGREES)
    .meta({ description: 'copy: as it was; adapted: changed to fit; inspired: the idea only' }),
  learnedFromAdoptionId: Uuid.nullable().meta({
    description:
      'The adoption of the same pilot this organisation learned it from; null: from the origin',
  }),
  localPilotId: Uuid.nullable().meta({ description: "The adopter's own pilot record, if any" }),
  localOutcome: z.enum(OUTCOMES).nullable(),
  notes: text(5000).nullable(),
}

export const AdoptionCreate = z
  .strictObject({
    organisationId: Uuid.optional().meta({
      description: "The adopting organisation; defaults to the caller's",
    }),
    status: fields.status.default('interested'),
    degree: fields.degree.default('copy'),
    learnedFromAdoptionId: fields.learnedFromAdoptionId.optional(),
    localPilotId: fields.localPilotId.optional(),
    localOutcome: fields.localOutcome.optional(),
    notes: fields.notes.optional(),
    ...dates,
  })
  .meta({
    id: 'AdoptionCreate',
    description: "The date of the status defaults to today's date in Norway",
  })
export type AdoptionCreate = z.infer<typeof AdoptionCreate>

export const AdoptionPatch = z
  .strictObject({
    status: fields.status.optional(),
    degree: fields.degree.optional(),
    learnedFromAdoptionId: fields.learnedFromAdoptionId.optional(),
    localPilotId: fields.localPilotId.optional(),
    localOutcome: fields.localOutcome.optional(),
    notes: fields.notes.optional(),
    ...dates,
  })
  .meta({ id: 'AdoptionPatch' })
export type AdoptionPatch = z.infer<typeof AdoptionPatch>

export const Adoption = z
  .object({
    id: Uuid,
    pilotId: Uuid,
    pilotTitle: z.string(),
    organisation: z.object({
      id: Uuid,
      name: z.string(),
      kind: z.enum(ORGANISATION_KINDS),
      municipalityNumber: z.string().nullable(),
      countyNumber: z.string().nullable(),
    }),
    status: z.enum(ADOPTION_STATUSES),
    degree: z.enum(ADOPTION_DEGREES),
    learnedFrom: z
      .object({ adoptionId: Uuid, organisationId: Uuid, organisationName: z.string() })
      .nullable()
      .meta({ description: 'Null: learned from the origin pilot itself' }),
    localPilotId: Uuid.nullable(),
    localOutcome: z.enum(OUTCOMES).nullable(),
    notes: z.string().nullable(),
    interestedOn: IsoDate.nullable(),
    triallingOn: IsoDate.nullable(),
    adoptedOn: IsoDate.nullable(),
    droppedOn: IsoDate.nullable(),
    sample: z.boolean(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Adoption' })
export type Adoption = z.infer<typeof Adoption>

export const LineageNode = z
  .object({
    adoptionId: Uuid,
    organisationId: Uuid,
    organisationName: z.string(),
    municipalityNumber: z.string().nullable(),
    learnedFromAdoptionId: Uuid.nullable(),
    depth: z
      .number()
      .int()
      .meta({ description: '1: learned from the origin; 2: from someone who did; …' }),
    degree: z.enum(ADOPTION_DEGREES),
    status: z.enum(ADOPTION_STATUSES),
    localOutcome: z.enum(OUTCOMES).nullable(),
  })
  .meta({ id: 'LineageNode' })

export const Lineage = z
  .object({
    origin: z.object({
      pilotId: Uuid,
      title: z.string(),
      organisationId: Uuid,
      organisationName: z.string(),
    }),
    nodes: z.array(LineageNode),
  })
  .meta({ id: 'Lineage', description: 'Who learned the pilot from whom, from the origin outwards' })

export const CopyRequest = z
  .strictObject({
    degree: fields.degree.default('copy'),
    learnedFromAdoptionId: fields.learnedFromAdoptionId.optional(),
    notes: fields.notes.optional(),
  })
  .meta({ id: 'CopyRequest' })
export type CopyRequest = z.infer<typeof CopyRequest>

export const Advisor = z
  .object({
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    role: z.string().nullable(),
    organisationName: z.string(),
  })
  .nullable()
  .meta({ description: "The origin's contact, when it offers advice" })

/** What copying a pilot gives: the adoption, the local draft, and whom to ask for advice. */
export const CopyResult = z
  .object({ adoption: Adoption, localPilot: Pilot, advisor: Advisor })
  .meta({ id: 'CopyResult' })
export type CopyResult = z.infer<typeof CopyResult>
