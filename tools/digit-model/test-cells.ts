/**
 * The synthetic test set: score cells rendered with seeds and conditions the model was not
 * trained on (TEST_RANGES), in every training font and in the held-out family. Built on demand
 * by the tests and the benchmark; nothing binary is committed.
 */
import { type FontFile, resolveFontFiles } from './fonts.js'
import type { GreyImage, RasterCrop } from '../../src/stages/ocr/image.js'
import { TEST_RANGES, type StyleRanges, randomNumberText, randomStyle, registerFonts, renderCell, toThaiDigits } from './render.js'
import { createRng } from '../rng.js'

export interface TestCell {
  readonly crop: RasterCrop
  /** Expected reading in ASCII digits, e.g. `89.41`. */
  readonly expected: string
  /** What was rendered (Thai or ASCII digits). */
  readonly rendered: string
  readonly family: string
  readonly weight: string
  readonly heldOut: boolean
}

export interface TestCellOptions {
  /** Cells per font file. @default 12 */
  readonly perFont?: number
  /** @default 0x7e57 — any value but the training seed. */
  readonly seed?: number
  readonly ranges?: StyleRanges
  /** Share of cells in Thai digits. @default 0.8 */
  readonly thaiShare?: number
  readonly fonts?: readonly FontFile[]
  /**
   * `cell`: the whole table cell, ruling lines and all. `tight`: a box around the ink with a
   * margin of 1-6 px and no lines, as the OCR stage cuts numbers out of a line. @default 'cell'
   */
  readonly crop?: 'cell' | 'tight'
}

/** Cut `img` to its ink (grey < 128) plus `margin` pixels. */
function tightCrop(img: GreyImage, margin: number): GreyImage {
  let x0 = img.width
  let y0 = img.height
  let x1 = -1
  let y1 = -1
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x]! >= 128) continue
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
    }
  }
  if (x1 < 0) return img
  x0 = Math.max(0, x0 - margin)
  y0 = Math.max(0, y0 - margin)
  x1 = Math.min(img.width - 1, x1 + margin)
  y1 = Math.min(img.height - 1, y1 + margin)
  const width = x1 - x0 + 1
  const height = y1 - y0 + 1
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + width), y * width)
  return { data, width, height }
}

export function generateTestCells(options: TestCellOptions = {}): TestCell[] {
  const { perFont = 12, seed = 0x7e57, ranges = TEST_RANGES, thaiShare = 0.8, crop = 'cell' } = options
  const fonts = options.fonts ?? resolveFontFiles()
  registerFonts(fonts)
  const cells: TestCell[] = []
  fonts.forEach((font, fi) => {
    const rng = createRng(seed * 7919 + fi)
    for (let i = 0; i < perFont; i++) {
      // Mostly scores (the cells the reader exists for), in the shape `pattern: 'score'` accepts.
      let expected = randomNumberText(rng)
      if (!/^\d{1,3}\.\d{2}$/.test(expected)) expected = (rng.next() < 0.1 ? 100 : rng.uniform(40, 100)).toFixed(2)
      const rendered = rng.next() < thaiShare ? toThaiDigits(expected) : expected
      let style = randomStyle(font.alias, ranges, rng)
      if (crop === 'tight') style = { ...style, ruling: { top: 0, bottom: 0, left: 0, right: 0 }, specks: 0 }
      const rendered_ = renderCell(rendered, style, rng)
      const img = crop === 'tight' ? tightCrop(rendered_, rng.int(1, 6)) : rendered_
      cells.push({
        crop: { data: img.data, width: img.width, height: img.height, channels: 1 },
        expected,
        rendered,
        family: font.family,
        weight: font.weight,
        heldOut: font.use === 'held-out',
      })
    }
  })
  return cells
}
