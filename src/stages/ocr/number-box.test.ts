import { describe, expect, it } from 'vitest'
import type { GreyImage, PixelBox } from './image.js'
import { dotAboveFirstGlyph, numberInkBox } from './number-box.js'

/** A binarised strip (0 = ink) with solid boxes for glyphs. */
function strip(glyphs: PixelBox[], width = 400, height = 110): GreyImage {
  const data = new Uint8Array(width * height).fill(255)
  for (const g of glyphs) for (let y = g.y0; y < g.y1; y++) for (let x = g.x0; x < g.x1; x++) data[y * width + x] = 0
  return { data, width, height }
}

// Digits 30 px tall on the band y 40-70, 18 px wide, 4 px apart (a tenth of the height or so).
const digit = (x: number): PixelBox => ({ x0: x, y0: 40, x1: x + 18, y1: 70 })
const point = (x: number): PixelBox => ({ x0: x, y0: 64, x1: x + 5, y1: 70 })

describe('numberInkBox', () => {
  // "๙๓.๕๕" with the first digit left out of tesseract's word box.
  const score = [digit(100), digit(122), point(144), digit(153), digit(175)]

  it('takes in a digit that the word box missed, and the decimal point', () => {
    const found = numberInkBox(strip(score), { x0: 122, y0: 45, x1: 193, y1: 66 }, { decimal: true })
    expect(found?.box).toEqual({ x0: 100, y0: 40, x1: 193, y1: 70 })
    expect(found?.core).toEqual({ x0: 122, y0: 40, x1: 193, y1: 70 })
  })

  it('takes the whole height of the digits when the word box holds only part of them', () => {
    // tesseract's box for ๑ sometimes covers only its lower half.
    const found = numberInkBox(strip([digit(100)]), { x0: 100, y0: 58, x1: 118, y1: 70 }, { decimal: false, lineHeight: 60 })
    expect(found?.box).toEqual({ x0: 100, y0: 40, x1: 118, y1: 70 })
  })

  it("keeps a digit's stroke rising above the band (๗) and ignores marks of the line above", () => {
    const rising = { x0: 180, y0: 24, x1: 186, y1: 40 }
    const markAbove = { x0: 125, y0: 2, x1: 135, y1: 8 }
    const found = numberInkBox(strip([...score, rising, markAbove]), { x0: 100, y0: 40, x1: 193, y1: 70 }, { decimal: true })
    expect(found?.box).toEqual({ x0: 100, y0: 24, x1: 193, y1: 70 })
  })

  it('is not misled by the rulings of the cell, joined at its corner into one component around the number', () => {
    // A period's year "68" in the top right corner of its cell: the cell's top ruling and its
    // right column line are one component whose box covers the number; it had been taken for the
    // digits' height, and the number was lost (train-02 200 dpi, p8).
    const rulings = [{ x0: 20, y0: 10, x1: 260, y1: 12 }, { x0: 258, y0: 10, x1: 260, y1: 108 }]
    const found = numberInkBox(strip([digit(200), digit(222), ...rulings]), { x0: 200, y0: 40, x1: 240, y1: 70 }, { decimal: false, lineHeight: 32 })
    expect(found?.box).toEqual({ x0: 200, y0: 40, x1: 240, y1: 70 })
  })

  it('stops at a word space', () => {
    const word = [digit(210), digit(232)] // 17 px after the number: more than half a digit height
    const found = numberInkBox(strip([...score, ...word]), { x0: 100, y0: 40, x1: 193, y1: 70 }, { decimal: true })
    expect(found?.box.x1).toBe(193)
  })

  it('a year never crosses a point into the letter before it (พ.ศ.๒๕๖๘); a score crosses one', () => {
    const letter = { x0: 60, y0: 40, x1: 80, y1: 70 }
    const glyphs = [letter, point(85), digit(96), digit(118), digit(140), digit(162)]
    const seed = { x0: 96, y0: 40, x1: 180, y1: 70 }
    expect(numberInkBox(strip(glyphs), seed, { decimal: false })?.box.x0).toBe(96)
    expect(numberInkBox(strip(glyphs), seed, { decimal: true })?.box.x0).toBe(60)
  })

  it('reaches a whole score from a seed holding only its last digit', () => {
    // tesseract read "ฒฒ.ฒ" as letters and only the last digit as a digit, with a box half its height.
    const found = numberInkBox(strip(score), { x0: 175, y0: 50, x1: 193, y1: 62 }, { decimal: true })
    expect(found?.box).toEqual({ x0: 100, y0: 40, x1: 193, y1: 70 })
    expect(found?.crossedPoint).toBe(true)
  })

  it('finds nothing where there is no ink', () => {
    expect(numberInkBox(strip([]), { x0: 10, y0: 10, x1: 50, y1: 40 }, { decimal: true })).toBeUndefined()
  })
})

describe('dotAboveFirstGlyph', () => {
  // Pridi's "i2" at 200 dpi: a dot 4x3 px, 2 px above a stem 8x14 px (its serif foot), then a 2 20 px tall.
  const stem = { x0: 167, y0: 56, x1: 175, y1: 70 }
  const two = { x0: 176, y0: 50, x1: 190, y1: 70 }
  const dot = { x0: 169, y0: 51, x1: 173, y1: 54 }

  it("sees an i's dot above the first stroke", () => {
    expect(dotAboveFirstGlyph(strip([dot, stem, two]), { x0: 167, y0: 50, x1: 190, y1: 70 })).toBe(true)
  })

  it('sees none over a 1, a wide first digit, or a mark far above', () => {
    expect(dotAboveFirstGlyph(strip([stem, two]), { x0: 167, y0: 50, x1: 190, y1: 70 })).toBe(false)
    expect(dotAboveFirstGlyph(strip([dot, { ...stem, x1: 181 }, { ...two, x0: 183, x1: 197 }]), { x0: 167, y0: 50, x1: 197, y1: 70 })).toBe(false)
    expect(dotAboveFirstGlyph(strip([{ ...dot, y0: 36, y1: 39 }, stem, two]), { x0: 167, y0: 50, x1: 190, y1: 70 })).toBe(false)
  })
})
