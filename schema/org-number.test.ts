import { describe, expect, it } from 'vitest'
import { isValidOrgNumber, orgNumberCheckDigit } from './org-number.ts'

describe('organisation numbers (mod-11)', () => {
  it.each([
    ['958935420', 'Oslo kommune'],
    ['964338531', 'Bergen kommune'],
    ['889640782', 'Arbeids- og velferdsetaten'],
    ['974761076', 'Skatteetaten'],
    ['983974724', 'Helse Bergen HF'],
  ])('accepts %s (%s)', (number) => {
    expect(isValidOrgNumber(number)).toBe(true)
  })

  it.each([
    ['958935421', 'wrong check digit'],
    ['95893542', 'eight digits'],
    ['9589354200', 'ten digits'],
    ['95893542O', 'a letter O'],
    [' 958935420', 'a space'],
    ['', 'empty'],
  ])('refuses %j (%s)', (number) => {
    expect(isValidOrgNumber(number)).toBe(false)
  })

  it('gives 0 when the remainder is 0 and refuses numbers whose check digit would be 10', () => {
    // 3·1 + 2·0 + 7·0 + 6·0 + 5·0 + 4·0 + 3·0 + 2·4 = 11 → r = 0 → check digit 0
    expect(orgNumberCheckDigit('10000004')).toBe(0)
    expect(isValidOrgNumber('100000040')).toBe(true)
    // 3·1 + 3·3 = 12 → r = 1 → 11 − 1 = 10: no valid number starts this way
    expect(orgNumberCheckDigit('10000030')).toBe(null)
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`10000030${d}`)).toBe(false)
  })

  it('agrees with the check digit for every last digit', () => {
    let valid = 0
    for (let d = 0; d <= 9; d++) if (isValidOrgNumber(`95893542${d}`)) valid++
    expect(valid).toBe(1)
  })
})
