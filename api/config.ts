import { z } from 'zod'
import { OidcEnv, type OidcSettings, oidcSettingsFromEnv } from './auth/oidc-config.ts'

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
  /** Other sites' origins allowed to call the API from a browser (comma-separated); none by default. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
    )
    .pipe(z.array(z.url())),
  /** Minutes a session survives without use, and hours it lives at most. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** The first system administrator, created on a database that has none. */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12).max(256).optional(),
  /** Load the sample data set into an empty embedded database on start. */
  SEED_SAMPLE_DATA: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  /** Server processes sharing the port (node:cluster); one per core is the usual choice. */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Single sign-on with OpenID Connect; off unless OIDC_ISSUER is set (see auth/oidc-config.ts). */
  ...OidcEnv.shape,
})

export type Config = {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  logLevel: (typeof LOG_LEVELS)[number]
  env: 'development' | 'production' | 'test'
  bodyLimit: number
  session: { idleMinutes: number; maxHours: number }
  corsOrigins: string[]
  oidc: OidcSettings | null
  admin: { email: string; password: string } | null
  seedSampleData: boolean
  workers: number
}

/** Reads the configuration once from the environment; throws a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  // PGlite lives inside one process: more than one needs a PostgreSQL server.
  if (e.WORKERS > 1 && !e.DATABASE_URL) {
    throw new Error(
      'Invalid configuration:\n  WORKERS: above 1 needs DATABASE_URL (PGlite serves one process)'
    )
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    env: e.NODE_ENV,
    bodyLimit: e.BODY_LIMIT,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    corsOrigins: e.CORS_ORIGINS,
    oidc: oidcSettingsFromEnv(e),
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD }
        : null,
    // The embedded default starts with sample data so a newcomer sees a registry, not a void.
    seedSampleData: e.SEED_SAMPLE_DATA ?? !e.DATABASE_URL,
    workers: e.WORKERS,
  }
}
