import { describe, expect, it } from 'vitest'
import type { Reading } from '../../model/document.js'
import { numbersOfOtherLines } from './ocr-page.js'

/**
 * Lines as native tesseract and the digit reader read them on page 2 of the seeded 200 dpi scan
 * of samples/layouts/heldout-v3-01-part-transposed (a detail list ruled only across): item i9's
 * title wraps, the score 89.12 is printed beside its first line, and tesseract's boxes of the two
 * lines overlap, so the same ink was read into both. The second copy became the next item's score.
 */
const number = (raw: string, bbox: Reading['bbox']): Reading[] => [
  { reader: 'tesseract', raw, used: false, bbox },
  { reader: 'digit-reader', raw: '89.12', used: true, bbox },
]
const ink = { x0: 496.5, y0: 445.76, x1: 517.5, y1: 452.99 }
const first = { bbox: { x0: 76.33, y0: 434.96, x1: 517.54, y1: 463.14 }, readings: number('599', ink) }
const second = { bbox: { x0: 107.54, y0: 448.79, x1: 509.71, y1: 467.23 }, readings: number('ปง', ink) }
const next = { bbox: { x0: 62.95, y0: 469.48, x1: 519.82, y1: 488.96 }, readings: number('83.83', { x0: 495.58, y0: 473.07, x1: 520.18, y1: 480.73 }) }

describe('numbersOfOtherLines', () => {
  it('leaves a number read into two overlapping lines to the line whose middle is nearer it', () => {
    expect([...numbersOfOtherLines([first, second, next])]).toEqual([[1, [ink]]])
    expect([...numbersOfOtherLines([second, first])]).toEqual([[0, [ink]]])
  })

  it('leaves numbers read once alone', () => {
    expect(numbersOfOtherLines([first, next]).size).toBe(0)
  })
})
