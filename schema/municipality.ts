import { z } from 'zod'

export const County = z
  .object({
    number: z.string().regex(/^\d{2}$/),
    name: z.string(),
  })
  .meta({ id: 'County' })
export type County = z.infer<typeof County>

export const Municipality = z
  .object({
    number: z
      .string()
      .regex(/^\d{4}$/)
      .meta({ example: '4601' }),
    name: z.string().meta({ example: 'Bergen' }),
    countyNumber: z
      .string()
      .regex(/^\d{2}$/)
      .meta({ example: '46' }),
    countyName: z.string().meta({ example: 'Vestland' }),
    lon: z.number(),
    lat: z.number(),
  })
  .meta({
    id: 'Municipality',
    description: 'A municipality of 2024. Kartgrunnlag: © Kartverket (CC BY 4.0)',
  })
export type Municipality = z.infer<typeof Municipality>

export const MunicipalityQuery = z.object({
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .meta({ description: 'County number' }),
})
