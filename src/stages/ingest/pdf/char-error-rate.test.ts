import { describe, expect, it } from 'vitest'
import { charErrorRate, charErrorRateWithin, levenshtein } from './char-error-rate.js'

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

describe('charErrorRateWithin', () => {
  it('equals charErrorRate whenever that is within the limit', () => {
    const ref = 'ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน'.repeat(20)
    const hyp = ref.slice(0, 300) + 'x' + ref.slice(301, 600) + ref.slice(605)
    expect(charErrorRateWithin(ref, hyp, 0.05)).toBeCloseTo(charErrorRate(ref, hyp))
    expect(charErrorRateWithin('kitten', 'sitting', 0.6)).toBeCloseTo(0.5)
  })

  it('says only "over the limit" when it is', () => {
    expect(charErrorRateWithin('abcdefghij', 'jihgfedcba', 0.1)).toBeGreaterThan(0.1)
    expect(charErrorRateWithin('abc', 'abcdefgh', 0.1)).toBeGreaterThan(0.1)
  })
})
