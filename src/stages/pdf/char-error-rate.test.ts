import { describe, expect, it } from 'vitest'
import { charErrorRate, levenshtein } from './char-error-rate.js'

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ที่', 'ที', 1],
    ['น้ำ', 'น\u0E49\u0E4D\u0E32', 2],
  ])('%j vs %j = %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d)
    expect(levenshtein(b, a)).toBe(d)
  })
})

describe('charErrorRate', () => {
  it('ignores white space and divides by the reference length', () => {
    expect(charErrorRate('ผู้ ที่', 'ผู้ที')).toBeCloseTo(1 / 6)
    expect(charErrorRate('abc', 'abc')).toBe(0)
  })
})
