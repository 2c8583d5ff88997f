import { z } from 'zod'
import { Timestamp, Uuid } from './common.ts'
import { EVENT_TYPES } from './enums.ts'

export const PilotEvent = z
  .object({
    id: Uuid,
    version: z.number().int().meta({ description: "The pilot's version after this change" }),
    type: z.enum(EVENT_TYPES),
    at: Timestamp,
    actor: z.object({
      userId: Uuid.nullable(),
      name: z.string().nullable(),
      organisationId: Uuid.nullable(),
      organisationName: z.string().nullable(),
    }),
    diff: z
      .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
      .meta({ description: 'Each changed field with its value before and after' }),
    data: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'E.g. the reason for a transition' }),
  })
  .meta({ id: 'PilotEvent' })
export type PilotEvent = z.infer<typeof PilotEvent>

export const EventQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, 'Not a cursor this API gave out')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})
