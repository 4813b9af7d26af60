import { describe, expect, it } from 'vitest'
import { codeOfReadings } from './item-codes.js'

describe('codeOfReadings', () => {
  it("puts a code together where the digit reader read a letter and tesseract's digits after it", () => {
    expect(codeOfReadings('12.', '?2', 0.99)).toBe('i2.')
    expect(codeOfReadings('il', '?1', 0.96)).toBe('i1')
    expect(codeOfReadings('110', '?10', 1)).toBe('i10')
    expect(codeOfReadings('เ3', '?3', 1)).toBe('i3')
    expect(codeOfReadings('66.', '?6', 1)).toBe('e6.')
    expect(codeOfReadings('03.', '03', 0.99)).toBe('o3.')
    expect(codeOfReadings('ol.', '01', 0.98)).toBe('o1.')
    expect(codeOfReadings('๐4', '04', 0.97)).toBe('o4')
    expect(codeOfReadings('61', '?1', 1)).toBe('e1')
  })

  it('reads nothing where the readings leave the letter or a digit open', () => {
    // Both read a 1: the number 12, or i2 with its letter read as a digit; no telling.
    expect(codeOfReadings('12', '12', 1)).toBeUndefined()
    // tesseract dropped the letter: its "13" may be i3 or i13.
    expect(codeOfReadings('13', '?13', 1)).toBeUndefined()
    // The digit reader unsure, or reading other digits.
    expect(codeOfReadings('02.', '?2', 0.87)).toBeUndefined()
    expect(codeOfReadings('07.', '0?', 1)).toBeUndefined()
    expect(codeOfReadings('14.', '?4', 0.5)).toBeUndefined()
    expect(codeOfReadings('15.', '?6', 1)).toBeUndefined()
    // A 0 is an o's shape, never i's stroke.
    expect(codeOfReadings('12', '02', 1)).toBeUndefined()
    // A letter that is none of i, e, o.
    expect(codeOfReadings('ก4.', '?4', 1)).toBeUndefined()
  })
})
