import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GreyImage } from './image.js'
import { findRulings, withoutSlivers, type Ruling, type RulingOptions } from './table-grid.js'

// The run finder now visits only the ink (skipping white four pixels at a time) and walks columns
// row by row; it must find exactly the rulings the plain scan found. The plain version is kept
// here as the reference.

/** Binary images with horizontal and vertical strokes (some broken by small gaps) and specks. */
const ruledImage = fc
  .record({
    width: fc.integer({ min: 1, max: 160 }),
    height: fc.integer({ min: 1, max: 120 }),
    strokes: fc.array(
      fc.record({ vertical: fc.boolean(), at: fc.nat(160), from: fc.nat(160), length: fc.nat(160), thickness: fc.integer({ min: 1, max: 6 }), gapEvery: fc.integer({ min: 0, max: 15 }) }),
      { maxLength: 12 },
    ),
    specks: fc.array(fc.tuple(fc.nat(160), fc.nat(120), fc.constantFrom(0, 128)), { maxLength: 200 }),
  })
  .map(({ width, height, strokes, specks }): GreyImage => {
    const data = new Uint8Array(width * height).fill(255)
    const set = (x: number, y: number, v: number) => {
      if (x >= 0 && x < width && y >= 0 && y < height) data[y * width + x] = v
    }
    for (const s of strokes) {
      for (let k = s.from; k < s.from + s.length; k++) {
        if (s.gapEvery > 0 && k % s.gapEvery === 0) continue
        for (let t = 0; t < s.thickness; t++) (s.vertical ? set(s.at + t, k, 0) : set(k, s.at + t, 0))
      }
    }
    // Grey specks are paper to the run finder (only 0 is ink).
    for (const [x, y, v] of specks) set(x, y, v)
    return { width, height, data }
  })

describe('findRulings gives exactly the rulings of the plain scan', () => {
  it('on random ruled images, at several resolutions', () => {
    fc.assert(
      fc.property(ruledImage, fc.constantFrom<RulingOptions>({}, { dpi: 100 }, { dpi: 200, minLengthInches: 0.1 }, { dpi: 50 }), (image, options) => {
        expect(findRulings(image, options)).toEqual(referenceFindRulings(image, options))
      }),
      { numRuns: 300 },
    )
  })

  it('on the seed that drew a one-pixel line beside a thicker one (a sliver both drop)', () => {
    fc.assert(
      fc.property(ruledImage, fc.constantFrom<RulingOptions>({}, { dpi: 100 }, { dpi: 200, minLengthInches: 0.1 }, { dpi: 50 }), (image, options) => {
        expect(findRulings(image, options)).toEqual(referenceFindRulings(image, options))
      }),
      { numRuns: 300, seed: -1091000030 },
    )
  })
})

/** Finds horizontal and vertical rulings in a binary image (0 = ink). */
function referenceFindRulings(binary: GreyImage, options: RulingOptions = {}): Ruling[] {
  const dpi = options.dpi ?? 300
  const minLength = Math.max(10, Math.round((options.minLengthInches ?? 0.2) * dpi))
  const maxThickness = Math.max(3, Math.round((options.maxThicknessInches ?? 0.04) * dpi))
  // Scanned rulings break up (JPEG, faint toner): bridge gaps this wide.
  const gap = Math.max(1, Math.round(dpi / 100))
  // The slivers beside a longer ruling are dropped after the scan, the same way in both.
  return withoutSlivers([
    ...mergeRuns(runs(binary, 'h', minLength, gap), 'h', maxThickness, gap),
    ...mergeRuns(runs(binary, 'v', minLength, gap), 'v', maxThickness, gap),
  ])
}

interface Run {
  line: number
  from: number
  to: number
}

/** Ink runs at least `minLength` long in every row ('h') or column ('v'). */
function runs(binary: GreyImage, orientation: 'h' | 'v', minLength: number, gap: number): Run[] {
  const { width, height, data } = binary
  const lines = orientation === 'h' ? height : width
  const along = orientation === 'h' ? width : height
  const at = orientation === 'h' ? (line: number, k: number) => data[line * width + k]! : (line: number, k: number) => data[k * width + line]!
  const out: Run[] = []
  for (let line = 0; line < lines; line++) {
    let start = -1
    let lastInk = -1
    for (let k = 0; k <= along; k++) {
      const ink = k < along && at(line, k) === 0
      if (ink) {
        if (start < 0) start = k
        lastInk = k
      } else if (start >= 0 && (k === along || k - lastInk > gap)) {
        if (lastInk - start + 1 >= minLength) out.push({ line, from: start, to: lastInk + 1 })
        start = -1
      }
    }
  }
  return out
}

/** Runs on neighbouring rows (columns) that overlap become one ruling with a thickness. */
function mergeRuns(list: Run[], orientation: 'h' | 'v', maxThickness: number, gap: number): Ruling[] {
  interface Group { first: number; last: number; from: number; to: number; weight: number; sum: number }
  const open: Group[] = []
  const done: Group[] = []
  for (const run of list) {
    let target: Group | undefined
    for (const g of open) {
      if (run.line - g.last <= 1 && run.from < g.to + gap && run.to > g.from - gap) {
        target = g
        break
      }
    }
    if (target) {
      target.last = run.line
      target.from = Math.min(target.from, run.from)
      target.to = Math.max(target.to, run.to)
      const len = run.to - run.from
      target.weight += len
      target.sum += run.line * len
    } else {
      const len = run.to - run.from
      open.push({ first: run.line, last: run.line, from: run.from, to: run.to, weight: len, sum: run.line * len })
    }
    // Retire groups that can no longer grow.
    for (let i = open.length - 1; i >= 0; i--) if (run.line - open[i]!.last > 1) done.push(...open.splice(i, 1))
  }
  done.push(...open)
  return done
    .filter((g) => g.last - g.first + 1 <= maxThickness)
    .map((g) => ({ orientation, pos: g.sum / g.weight, from: g.from, to: g.to, thickness: g.last - g.first + 1 }))
}

