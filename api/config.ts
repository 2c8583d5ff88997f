import { z } from 'zod'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  // An empty value means unset, as `DATABASE_URL=` in an env file does.
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'Must be a postgres:// or postgresql:// URL')
      .optional()
  ),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Largest request body the API reads, in bytes. */
  BODY_LIMIT: z.coerce.number().int().min(1024).default(1_000_000),
  /** Until accounts exist, writes act as this user, a member of the organisation below. */
  DEV_USER_EMAIL: z.email().default('utvikler@forsoksregisteret.example'),
  DEV_ORG_NUMBER: z
    .string()
    .regex(/^\d{9}$/)
    .default('958935420'),
  /** Load the sample data set into an empty embedded database on start. */
  SEED_SAMPLE_DATA: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
})

export type Config = {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  logLevel: (typeof LOG_LEVELS)[number]
  env: 'development' | 'production' | 'test'
  bodyLimit: number
  devUserEmail: string
  devOrgNumber: string
  seedSampleData: boolean
}

/** Reads the configuration once from the environment; throws a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    env: e.NODE_ENV,
    bodyLimit: e.BODY_LIMIT,
    devUserEmail: e.DEV_USER_EMAIL,
    devOrgNumber: e.DEV_ORG_NUMBER,
    // The embedded default starts with sample data so a newcomer sees a registry, not a void.
    seedSampleData: e.SEED_SAMPLE_DATA ?? !e.DATABASE_URL,
  }
}
