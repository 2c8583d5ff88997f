import argon2 from 'argon2'

/** Shortest password accepted (NSM and Digdir advise long passphrases over complexity rules). */
export const MIN_PASSWORD_LENGTH = 12

// A few of the most common passwords and patterns; a long passphrase passes, "passord123456" not.
const BREACHED_PATTERNS = [
  /^(.)\1+$/,
  /^\d+$/,
  /^(?:qwerty|asdf|passord|password|sommer|vinter|hallo)/i,
]

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`
  if (password.length > 256) return 'Use at most 256 characters'
  if (BREACHED_PATTERNS.some((p) => p.test(password))) return 'This password is too common'
  if (email && password.toLowerCase().includes(email.split('@')[0]?.toLowerCase() ?? '\u0000')) {
    return 'Do not use your e-mail address in the password'
  }
  return null
}

/** An argon2id hash in PHC format (OWASP's parameters: 19 MiB, 2 iterations). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  })
}

// Verifying against this when there is no account costs the same time as a real check, so the
// answer time does not tell whether an e-mail address is registered.
let dummyHash: Promise<string> | undefined

/** True when the password matches the hash; takes as long when there is no hash. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('not-a-real-password-for-timing')
    await argon2.verify(await dummyHash, password).catch(() => false)
    return false
  }
  return argon2.verify(hash, password).catch(() => false)
}
