import { z } from 'zod'
import { Timestamp, text, Uuid } from './common.ts'
import { LANGUAGE_FORMS, ORGANISATION_KINDS } from './enums.ts'
import { isValidOrgNumber } from './org-number.ts'

export const OrgNumber = z
  .string()
  .regex(/^\d{9}$/, { message: 'Must be nine digits', abort: true })
  .refine(isValidOrgNumber, 'Not a valid organisation number (mod-11 check digit)')
  .meta({ description: 'Enhetsregisteret organisation number', example: '964338531' })

const MunicipalityNumber = z.string().regex(/^\d{4}$/, 'Must be four digits')
const CountyNumber = z.string().regex(/^\d{2}$/, 'Must be two digits')

export const Organisation = z
  .object({
    id: Uuid,
    orgNumber: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    municipalityNumber: z.string().nullable(),
    countyNumber: z.string().nullable(),
    languageForm: z.enum(LANGUAGE_FORMS),
    sample: z.boolean().meta({ description: 'True for sample data that is not real' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Organisation' })
export type Organisation = z.infer<typeof Organisation>

export const OrganisationCreate = z
  .strictObject({
    orgNumber: OrgNumber,
    name: text(200, 2),
    kind: z.enum(ORGANISATION_KINDS),
    municipalityNumber: MunicipalityNumber.optional().meta({
      description: 'Required for municipalities; the first two digits are the county',
    }),
    countyNumber: CountyNumber.optional().meta({ description: 'Required for counties' }),
    languageForm: z.enum(LANGUAGE_FORMS).default('nb'),
  })
  .superRefine((org, ctx) => {
    if (org.kind === 'municipality' && !org.municipalityNumber) {
      ctx.addIssue({
        code: 'custom',
        path: ['municipalityNumber'],
        message: 'Required for a municipality',
      })
    }
    if (org.kind === 'county' && !org.countyNumber) {
      ctx.addIssue({ code: 'custom', path: ['countyNumber'], message: 'Required for a county' })
    }
    if (
      org.municipalityNumber &&
      org.countyNumber &&
      !org.municipalityNumber.startsWith(org.countyNumber)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['countyNumber'],
        message: 'Must be the first two digits of the municipality number',
      })
    }
  })
  .meta({ id: 'OrganisationCreate' })
export type OrganisationCreate = z.infer<typeof OrganisationCreate>

export const OrganisationQuery = z.object({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  county: CountyNumber.optional(),
  orgNumber: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
})
