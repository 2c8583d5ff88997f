import { z } from 'zod'
import { Timestamp, text, Uuid } from './common.ts'

export const LoginRequest = z
  .strictObject({ email: z.email().max(254).toLowerCase(), password: z.string().min(1).max(256) })
  .meta({ id: 'LoginRequest' })

export const Me = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(['system_admin', 'evaluator'])),
    organisationId: Uuid.nullable().meta({ description: 'The organisation the user acts for now' }),
    memberships: z.array(z.object({ organisationId: Uuid, role: z.enum(['member', 'org_admin']) })),
  })
  .meta({ id: 'Me' })

export const SwitchOrganisation = z
  .strictObject({ organisationId: Uuid })
  .meta({ id: 'SwitchOrganisation' })

export const TokenCreate = z
  .strictObject({
    name: text(100, 1),
    scopes: z
      .array(z.enum(['read', 'write']))
      .min(1)
      .max(2),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(730)
      .optional()
      .meta({ description: 'Never expires when left out' }),
  })
  .meta({ id: 'TokenCreate' })

export const ApiToken = z
  .object({
    id: Uuid,
    name: z.string(),
    organisationId: Uuid,
    scopes: z.array(z.enum(['read', 'write'])),
    createdAt: Timestamp,
    expiresAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' })

export const CreatedToken = z
  .object({
    token: ApiToken,
    secret: z
      .string()
      .meta({ description: 'Shown only now; send it as `Authorization: Bearer …`' }),
  })
  .meta({ id: 'CreatedToken' })

export const PasswordChange = z
  .strictObject({
    currentPassword: z
      .string()
      .max(256)
      .optional()
      .meta({ description: 'Required when the account has a password' }),
    newPassword: z.string().max(256),
  })
  .meta({ id: 'PasswordChange' })
