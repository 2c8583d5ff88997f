import type { CustomFetch } from 'openid-client'
import { z } from 'zod'

/** How the registry signs users in with an OpenID Connect provider (Ansattporten, ID-porten). */
export interface OidcSettings {
  /** The provider's issuer; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string
  clientId: string
  clientSecret: string
  /** Where the provider sends the browser back: this API's `/api/v1/auth/oidc/callback`. */
  redirectUri: string
  scopes: string[]
  /** Accepted levels of assurance (`acr`), lowest first; the first is requested. Empty: any. */
  acrValues: string[]
  /** What the short-lived login-state cookie is sealed with (a key is derived from it). */
  stateSecret: string
  /** For tests: how the client reaches the provider (openid-client's `customFetch`). */
  fetch?: CustomFetch
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** https, or http on the loopback interface (a provider or registry run locally). */
const SecureUrl = z.url().refine((value) => {
  const url = new URL(value)
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
}, 'Must be an https:// URL (http:// only on localhost)')

// An empty value means unset, as `OIDC_ISSUER=` in an env file does.
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

const words = (v: string | undefined) => (v ?? '').split(/\s+/).filter(Boolean)

/** The environment variables of single sign-on; spread into the app's `Env` with `.shape`. */
export const OidcEnv = z.object({
  OIDC_ISSUER: unsetIfEmpty(SecureUrl),
  OIDC_CLIENT_ID: unsetIfEmpty(z.string()),
  OIDC_CLIENT_SECRET: unsetIfEmpty(z.string()),
  OIDC_REDIRECT_URI: unsetIfEmpty(SecureUrl),
  OIDC_SCOPES: unsetIfEmpty(
    z.string().refine((v) => words(v).includes('openid'), 'Must include openid')
  ),
  /** E.g. `idporten-loa-substantial idporten-loa-high`. */
  OIDC_ACR_VALUES: unsetIfEmpty(z.string()),
  OIDC_STATE_SECRET: unsetIfEmpty(z.string().min(32, 'Must be at least 32 characters')),
})

/**
 * The settings of single sign-on, or null when `OIDC_ISSUER` is unset; throws naming what is
 * missing when it is set but incomplete.
 */
export function oidcSettingsFromEnv(e: z.infer<typeof OidcEnv>): OidcSettings | null {
  if (!e.OIDC_ISSUER) return null
  const missing = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const).filter(
    (name) => !e[name]
  )
  if (missing.length > 0) {
    const lines = missing.map((name) => `  ${name}: Required when OIDC_ISSUER is set`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID as string,
    clientSecret: e.OIDC_CLIENT_SECRET as string,
    redirectUri: e.OIDC_REDIRECT_URI as string,
    scopes: words(e.OIDC_SCOPES ?? 'openid email profile'),
    acrValues: words(e.OIDC_ACR_VALUES),
    // Without a secret of its own, the state key is derived from the client secret (see oidc.ts).
    stateSecret: e.OIDC_STATE_SECRET ?? (e.OIDC_CLIENT_SECRET as string),
  }
}
