// Enhetsregisteret's organisation number: nine digits, the last a mod-11 check digit over the
// first eight with the weights 3, 2, 7, 6, 5, 4, 3, 2. The database has the same rule as a CHECK.

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const

/** The check digit for eight leading digits, or null where no valid number can end them (r = 1). */
export function orgNumberCheckDigit(firstEight: string): number | null {
  if (!/^\d{8}$/.test(firstEight)) return null
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (WEIGHTS[i] as number)
  const r = sum % 11
  if (r === 0) return 0
  const check = 11 - r
  return check === 10 ? null : check
}

/** True exactly when `value` is nine digits whose last is the mod-11 check digit of the others. */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false
  return orgNumberCheckDigit(value.slice(0, 8)) === Number(value[8])
}
