import { z } from 'zod'
import { Timestamp, text, Uuid } from './common.ts'

export const MEMBERSHIP_ROLES = ['member', 'org_admin'] as const

export const Member = z
  .object({
    userId: Uuid,
    name: z.string(),
    email: z.string(),
    role: z.enum(MEMBERSHIP_ROLES),
    since: Timestamp,
  })
  .meta({ id: 'Member' })

export const MemberAdd = z
  .strictObject({
    email: z.email().max(254).toLowerCase(),
    name: text(200, 2),
    role: z.enum(MEMBERSHIP_ROLES).default('member'),
  })
  .meta({
    id: 'MemberAdd',
    description:
      'Adds a member; a person without an account is invited (created without a password)',
  })

export const MemberPatch = z
  .strictObject({ role: z.enum(MEMBERSHIP_ROLES) })
  .meta({ id: 'MemberPatch' })

export const UserPatch = z
  .strictObject({
    systemAdmin: z.boolean().optional(),
    evaluator: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .meta({ id: 'UserPatch' })

export const UserSummary = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    systemAdmin: z.boolean(),
    evaluator: z.boolean(),
    disabled: z.boolean(),
    lastLoginAt: Timestamp.nullable(),
  })
  .meta({ id: 'UserSummary' })

export const PersonalData = z
  .object({
    // A union, not .nullable(): the OpenAPI generator documents a nullable component as allOf
    // [component, object|null], which refuses null; a union documents it as anyOf [component, null].
    user: z.union([UserSummary, z.null()]),
    memberships: z.array(
      z.object({
        organisationId: Uuid,
        organisationName: z.string(),
        role: z.enum(MEMBERSHIP_ROLES),
      })
    ),
    contactOf: z.array(
      z.object({
        pilotId: Uuid,
        pilotTitle: z.string(),
        name: z.string(),
        phone: z.string().nullable(),
        role: z.string().nullable(),
        showPublicly: z.boolean(),
      })
    ),
    evaluationsRecorded: z.number().int(),
    apiTokens: z.number().int(),
  })
  .meta({
    id: 'PersonalData',
    description: 'What the registry holds on one person, by e-mail address',
  })

export const UnpublishRequest = z
  .strictObject({ reason: text(2000, 3) })
  .meta({ id: 'UnpublishRequest' })

/** What erasing a person did. */
export const Erased = z.object({
  contactsRemoved: z.number().int(),
  accountAnonymised: z.boolean(),
})

/** A pilot taken out of public view: its new version. */
export const Unpublished = z.object({ version: z.number().int() })
