import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'
import * as client from 'openid-client'
import type { Db } from '../db.ts'
import { ProblemError } from '../problem.ts'
import type { OidcSettings } from './oidc-config.ts'

/** How long a sign-in may take between leaving for the provider and coming back. */
export const LOGIN_STATE_TTL_MS = 10 * 60_000

/** What a sign-in remembers, sealed in a cookie, while the browser is at the provider. */
export interface LoginState {
  state: string
  nonce: string
  codeVerifier: string
  returnTo: string
  /** Epoch milliseconds. */
  expiresAt: number
}

/** Who the provider says signed in, after the ID token has been verified. */
export interface OidcIdentity {
  issuer: string
  subject: string
  /** Lower-cased; null when the provider gave none or an unusable one. */
  email: string | null
  /** Only a literal `true` from the provider counts. */
  emailVerified: boolean
  name: string | null
}

const STATE_AAD = Buffer.from('forsoksregisteret oidc login state v1')

/**
 * Seals login state with AES-256-GCM under a key derived from the secret: the browser can
 * neither read the PKCE verifier and nonce nor change the state or where it returns to.
 */
export function loginStateBox(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, '', 'forsoksregisteret oidc state key', 32))
  return {
    seal(login: LoginState) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(STATE_AAD)
      const body = Buffer.concat([cipher.update(JSON.stringify(login), 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
    },
    /** The state in a sealed value; undefined when forged, damaged or past its time. */
    open(sealed: string, now: Date): LoginState | undefined {
      const raw = Buffer.from(sealed, 'base64url')
      if (raw.length <= 28) return undefined
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
        decipher.setAAD(STATE_AAD).setAuthTag(raw.subarray(12, 28))
        const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()])
        const login = JSON.parse(text.toString('utf8')) as LoginState
        return login.expiresAt > now.getTime() ? login : undefined
      } catch {
        return undefined
      }
    },
  }
}

const invalidState = () =>
  new ProblemError(400, 'oidc_invalid_state', 'The sign-in could not be completed', {
    detail: 'The answer does not belong to a sign-in started in this browser, or it took too long',
  })

const invalidToken = () =>
  new ProblemError(401, 'oidc_invalid_token', 'The sign-in provider’s answer is not valid', {
    detail: 'The ID token failed verification',
  })

// Codes of openid-client (oauth4webapi) that mean the provider's answer failed verification.
const VERIFICATION_FAILURES = new Set([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_KEY_SELECTION_FAILED',
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_PARSE_ERROR',
])

/** A failed exchange with the provider as the problem the client sees; `cause` is for the log. */
function problemFrom(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err
  let problem: ProblemError
  if (err instanceof client.AuthorizationResponseError) {
    problem = new ProblemError(
      400,
      'oidc_provider_error',
      'The sign-in provider reported an error',
      {
        // The code is one of OAuth's own (access_denied …); the free text is not echoed.
        detail: /^[a-z_]{1,64}$/.test(err.error) ? `The provider answered ${err.error}` : undefined,
      }
    )
  } else if (err instanceof client.ResponseBodyError && err.error === 'invalid_grant') {
    problem = new ProblemError(400, 'oidc_code_rejected', 'The sign-in could not be completed', {
      detail: 'The provider refused the code: it was used before, expired or is not ours',
    })
  } else if (err instanceof client.ClientError && VERIFICATION_FAILURES.has(err.code ?? '')) {
    problem = invalidToken()
  } else {
    problem = new ProblemError(502, 'oidc_unavailable', 'The sign-in provider failed to answer', {
      detail: 'Try again later; the error is logged',
    })
  }
  problem.cause = err
  return problem
}

/** What may be logged about a failure of the provider: names and codes, never tokens. */
export function describeOidcFailure(err: unknown) {
  const cause = err instanceof ProblemError ? err.cause : err
  if (!(cause instanceof Error)) return {}
  const inner = cause.cause instanceof Error ? cause.cause.message : undefined
  return {
    error: cause.name,
    ...('code' in cause && typeof cause.code === 'string' ? { errorCode: cause.code } : {}),
    ...('error' in cause && typeof cause.error === 'string' ? { oauthError: cause.error } : {}),
    message: cause.message,
    ...(inner ? { detail: inner } : {}),
  }
}

async function discover(settings: OidcSettings) {
  const insecure = new URL(settings.issuer).protocol === 'http:'
  return client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    { client_secret: settings.clientSecret },
    client.ClientSecretBasic(settings.clientSecret),
    {
      timeout: 10,
      // Without this, openid-client trusts an ID token from the token endpoint on TLS alone;
      // the registry verifies its signature against the provider's published keys too.
      execute: [
        client.enableNonRepudiationChecks,
        ...(insecure ? [client.allowInsecureRequests] : []),
      ],
      ...(settings.fetch ? { [client.customFetch]: settings.fetch } : {}),
    }
  )
}

const normalEmail = (value: unknown) => {
  if (typeof value !== 'string') return null
  const email = value.trim().toLowerCase()
  return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320 ? email : null
}

const nameOf = (claims: Record<string, unknown>) => {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
  const full = text(claims.name) || [text(claims.given_name), text(claims.family_name)].join(' ')
  return full.trim().slice(0, 200) || null
}

/** The relying party: discovers the provider once, starts sign-ins and verifies their answers. */
export function createOidcClient(settings: OidcSettings) {
  const box = loginStateBox(settings.stateSecret)
  let discovered: Promise<client.Configuration> | undefined
  const configuration = () => {
    // A failed discovery is retried on the next sign-in rather than remembered.
    discovered ??= discover(settings).catch((err) => {
      discovered = undefined
      throw err
    })
    return discovered
  }

  return {
    /** Where to send the browser, and the sealed state to keep in a cookie meanwhile. */
    async begin(returnTo: string, now: Date) {
      const config = await configuration().catch((err) => Promise.reject(problemFrom(err)))
      const login: LoginState = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo,
        expiresAt: now.getTime() + LOGIN_STATE_TTL_MS,
      }
      const url = client.buildAuthorizationUrl(config, {
        response_type: 'code',
        redirect_uri: settings.redirectUri,
        scope: settings.scopes.join(' '),
        state: login.state,
        nonce: login.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
        code_challenge_method: 'S256',
        ...(settings.acrValues[0] ? { acr_values: settings.acrValues[0] } : {}),
      })
      return { url, sealed: box.seal(login) }
    },

    /**
     * Checks the answer against the sealed state, exchanges the code with the PKCE verifier and
     * verifies the ID token (signature, issuer, audience, times, nonce); returns who signed in.
     */
    async finish(query: URLSearchParams, sealed: string | undefined, now: Date) {
      const login = sealed ? box.open(sealed, now) : undefined
      if (!login || query.get('state') !== login.state) throw invalidState()
      try {
        const config = await configuration()
        const answer = new URL(settings.redirectUri)
        for (const [name, value] of query) answer.searchParams.append(name, value)
        const tokens = await client.authorizationCodeGrant(config, answer, {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        })
        const idToken = tokens.claims()
        if (!idToken) throw invalidToken()
        if (settings.acrValues.length > 0 && !settings.acrValues.includes(String(idToken.acr)))
          throw new ProblemError(401, 'oidc_insufficient_level', 'The sign-in level is too low', {
            detail: `Sign in at one of these levels: ${settings.acrValues.join(', ')}`,
          })
        // With the code flow, many providers put e-mail and name in UserInfo only.
        let claims: Record<string, unknown> = idToken
        const userinfo = config.serverMetadata().userinfo_endpoint
        if ((idToken.email === undefined || nameOf(idToken) === null) && userinfo)
          claims = {
            ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)),
            ...idToken,
          }
        const identity: OidcIdentity = {
          issuer: idToken.iss,
          subject: idToken.sub,
          email: normalEmail(claims.email),
          emailVerified: claims.email_verified === true,
          name: nameOf(claims),
        }
        return { identity, returnTo: login.returnTo }
      } catch (err) {
        throw problemFrom(err)
      }
    },
  }
}

/** How a sign-in found its account. */
export type LinkedBy = 'subject' | 'email' | 'created'

const refuseDisabled = (user: { disabled_at: Date | null }) => {
  if (user.disabled_at)
    throw new ProblemError(403, 'account_disabled', 'This account is disabled', {
      detail: 'Ask an administrator of the registry',
    })
}

/** An address that can never receive mail (RFC 2606), for accounts without a verified one. */
function placeholderEmail(identity: OidcIdentity) {
  const hash = createHash('sha256').update(`${identity.issuer}\n${identity.subject}`)
  return `oidc-${hash.digest('hex').slice(0, 32)}@users.invalid`
}

/**
 * The account of a verified identity: the one linked to its issuer and subject; else the one
 * with its e-mail address, only when the provider verified that address (and the account is not
 * linked to another identity); else a new account without memberships. Disabled accounts are
 * refused.
 */
export async function linkAccount(db: Db, identity: OidcIdentity) {
  const { issuer, subject } = identity
  const known = await db
    .selectFrom('users')
    .select(['id', 'disabled_at'])
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst()
  if (known) {
    refuseDisabled(known)
    return { userId: known.id, linkedBy: 'subject' as LinkedBy }
  }
  if (identity.email && identity.emailVerified) {
    const byEmail = await db
      .selectFrom('users')
      .select(['id', 'disabled_at'])
      .where('email', '=', identity.email)
      .executeTakeFirst()
    if (byEmail) {
      refuseDisabled(byEmail)
      const linked = await db
        .updateTable('users')
        .set({ oidc_issuer: issuer, oidc_subject: subject, email_verified: true })
        .where('id', '=', byEmail.id)
        .where('oidc_subject', 'is', null)
        .returning('id')
        .executeTakeFirst()
      if (!linked)
        throw new ProblemError(409, 'oidc_account_conflict', 'The account is linked elsewhere', {
          detail: 'The account with this e-mail address signs in with another identity',
        })
      return { userId: byEmail.id, linkedBy: 'email' as LinkedBy }
    }
  }
  // An unverified address is not kept: it could claim someone else's account later.
  const verified = identity.emailVerified ? identity.email : null
  const created = await db
    .insertInto('users')
    .values({
      email: verified ?? placeholderEmail(identity),
      email_verified: verified !== null,
      name: identity.name ?? 'Ny bruker',
      oidc_issuer: issuer,
      oidc_subject: subject,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { userId: created.id, linkedBy: 'created' as LinkedBy }
}
