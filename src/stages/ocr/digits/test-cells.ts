/**
 * The synthetic test set: score cells rendered with seeds and conditions the model was not
 * trained on (TEST_RANGES), in every training font and in the held-out family. Built on demand
 * by the tests and the benchmark; nothing binary is committed.
 */
import { type FontFile, resolveFontFiles } from './fonts.js'
import type { RasterCrop } from './image.js'
import { TEST_RANGES, type StyleRanges, randomNumberText, randomStyle, registerFonts, renderCell, toThaiDigits } from './render.js'
import { createRng } from './rng.js'

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
}

export function generateTestCells(options: TestCellOptions = {}): TestCell[] {
  const { perFont = 12, seed = 0x7e57, ranges = TEST_RANGES, thaiShare = 0.8 } = options
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
      const img = renderCell(rendered, randomStyle(font.alias, ranges, rng), rng)
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
