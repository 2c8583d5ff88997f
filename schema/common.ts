import { z } from 'zod'

/** A UUID in its canonical text form. */
export const Uuid = z
  .uuid()
  .meta({ description: 'UUID', example: '0c6f2a0e-6d7a-4e7b-9d1e-2f3a4b5c6d7e' })

/** A calendar date, `YYYY-MM-DD`, that exists in the calendar. */
export const IsoDate = z.iso
  .date()
  .meta({ description: 'Calendar date (YYYY-MM-DD)', example: '2026-03-01' })

/** An instant with its offset, as the API returns it. */
export const Timestamp = z.iso
  .datetime({ offset: true })
  .meta({ description: 'RFC 3339 timestamp' })

/** Free text of a bounded length, trimmed; empty strings are allowed only where `min` is 0. */
export const text = (max: number, min = 0) => z.string().trim().min(min).max(max)

/** The shape of every list the API answers: one page of items and the cursor of the next. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })

export const PageQuery = z.object({
  cursor: z.string().max(500).optional().meta({ description: 'Opaque cursor from `nextCursor`' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

/** One field that failed validation. `pointer` is an RFC 6901 JSON Pointer into the request. */
export const FieldError = z
  .object({
    in: z.enum(['body', 'query', 'path', 'header']),
    pointer: z
      .string()
      .meta({ example: '/metrics/0/unit', description: 'RFC 6901 pointer into `in`' }),
    field: z.string().meta({ example: 'metrics.0.unit' }),
    code: z.string().meta({ example: 'too_small' }),
    detail: z.string(),
  })
  .meta({ id: 'FieldError' })

/** RFC 9457 problem details, with a stable machine-readable `code`. */
export const Problem = z
  .object({
    type: z.string().meta({ example: 'https://forsoksregisteret.no/problems/validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable error code', example: 'validation_failed' }),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldError).optional(),
    guards: z
      .array(z.object({ guard: z.string(), detail: z.string() }))
      .optional()
      .meta({ description: 'For refused transitions: the guards that failed' }),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof Problem>

/** One value, a comma-separated list, or the parameter repeated, of an enum's values. */
export const oneOrMany = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string()).max(values.length)])
    .transform((v) =>
      (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim())
    )
    .pipe(z.array(z.enum(values)).min(1).max(values.length))
    .optional()
    .meta({ description: `One or more (comma-separated or repeated) of: ${values.join(', ')}` })
