import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GreyImage } from './image.js'
import { estimateSkew, inkPointColumns, profileSharpness } from './preprocess.js'

// The rewritten loops must give exactly what the plain loops they replace gave: OCR output is
// compared bit for bit. The plain versions are kept here as the reference.

/** Binary pages: a few text-like lines (runs of ink) sheared by a small angle, plus specks. */
const skewedPage = fc
  .record({
    width: fc.oneof(fc.integer({ min: 20, max: 300 }), fc.integer({ min: 1501, max: 1700 })),
    height: fc.integer({ min: 10, max: 90 }),
    slope: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
    lines: fc.array(fc.record({ y: fc.nat(89), from: fc.nat(1700), length: fc.integer({ min: 1, max: 1700 }), thickness: fc.integer({ min: 1, max: 4 }) }), { maxLength: 8 }),
    specks: fc.array(fc.tuple(fc.nat(1700), fc.nat(89)), { maxLength: 300 }),
  })
  .map(({ width, height, slope, lines, specks }): GreyImage => {
    const data = new Uint8Array(width * height).fill(255)
    const ink = (x: number, y: number) => {
      if (x >= 0 && x < width && y >= 0 && y < height) data[y * width + x] = 0
    }
    for (const l of lines) {
      for (let x = l.from % width; x < Math.min(width, (l.from % width) + l.length); x++) {
        for (let t = 0; t < l.thickness; t++) ink(x, Math.round((l.y % height) + t + (x - width / 2) * slope))
      }
    }
    for (const [x, y] of specks) ink(x % width, y % height)
    return { width, height, data }
  })

describe('estimateSkew gives exactly what the point-by-point search gave', () => {
  it('on random sheared pages, at the default and at small search ranges', () => {
    let skewed = 0
    fc.assert(
      fc.property(skewedPage, fc.constantFrom(undefined, 0, 0.5, 2, 5), (page, maxDegrees) => {
        const options = maxDegrees === undefined ? {} : { maxDegrees }
        const expected = referenceEstimateSkew(page, options)
        if (expected !== 0) skewed++
        expect(estimateSkew(page, options)).toBe(expected)
      }),
      { numRuns: 60 },
    )
    // The pages are not all level: the search had something to find.
    expect(skewed).toBeGreaterThan(10)
  })
})

describe('profileSharpness gives exactly the score of binning point by point', () => {
  it('for every point set and slope, including slopes that put points right on bin edges', () => {
    fc.assert(
      fc.property(
        skewedPage,
        fc.oneof(fc.constantFrom(0, 0.5, -0.5, 0.25, 1 / 3, 1, -1.5, 3), fc.double({ min: -0.1, max: 0.1, noNaN: true })),
        fc.constantFrom(0, 1, 2.5, 40.5),
        (page, t, offset) => {
          const step = page.width > 1500 ? 2 : 1
          // The points as the search used to hold them: in reading order, x relative to the centre.
          const xs: number[] = [], ys: number[] = []
          for (let y = 0; y < page.height; y++) {
            for (let x = 0; x < page.width; x += step) {
              if (page.data[y * page.width + x] === 0) {
                xs.push(x - page.width / 2)
                ys.push(y)
              }
            }
          }
          const bins = new Int32Array(page.height + 20)
          const reference = (stride: number) => {
            const counts = new Float64Array(bins.length)
            for (let i = 0; i < xs.length; i += stride) {
              const b = (ys[i]! - xs[i]! * t + offset) | 0
              if (b >= 0 && b < counts.length) counts[b]! += 1
            }
            let s = 0
            for (let b = 1; b < counts.length; b++) s += (counts[b]! - counts[b - 1]!) ** 2
            return s
          }
          const { all, everyFourth } = inkPointColumns(page, step)
          expect(all.count).toBe(xs.length)
          expect(profileSharpness(all, page.width / 2, t, offset, bins)).toBe(reference(1))
          expect(profileSharpness(everyFourth, page.width / 2, t, offset, bins)).toBe(reference(4))
        },
      ),
      { numRuns: 150 },
    )
  })
})

function referenceEstimateSkew(binary: GreyImage, options: { maxDegrees?: number } = {}): number {
  const maxDegrees = options.maxDegrees ?? 5
  // Ink points, subsampled to keep the search cheap on 300 dpi pages.
  const step = binary.width > 1500 ? 2 : 1
  // Every row (the profile's resolution), every `step`-th column.
  let count = 0
  for (let y = 0; y < binary.height; y++) {
    const row = y * binary.width
    for (let x = 0; x < binary.width; x += step) if (binary.data[row + x] === 0) count++
  }
  if (count < 100) return 0
  const xs = new Float64Array(count)
  const ys = new Float64Array(count)
  const cx = binary.width / 2
  for (let y = 0, n = 0; y < binary.height; y++) {
    const row = y * binary.width
    for (let x = 0; x < binary.width; x += step) {
      if (binary.data[row + x] === 0) {
        xs[n] = x - cx
        ys[n++] = y
      }
    }
  }
  const reach = Math.ceil(binary.width * Math.tan((maxDegrees * Math.PI) / 180))
  const bins = new Float64Array(binary.height + 2 * reach + 4)
  const offset = reach + 2.5
  // The coarse search sees every 4th ink point: the profile's sharpness peaks at the same angle.
  const score = (degrees: number, stride: number) => {
    bins.fill(0)
    const t = Math.tan((degrees * Math.PI) / 180)
    for (let i = 0; i < count; i += stride) {
      const b = (ys[i]! - xs[i]! * t + offset) | 0
      if (b >= 0 && b < bins.length) bins[b]! += 1
    }
    let s = 0
    for (let b = 1; b < bins.length; b++) s += (bins[b]! - bins[b - 1]!) ** 2
    return s
  }
  const search = (from: number, to: number, by: number, stride: number) => {
    let best = 0, bestScore = -1
    for (let a = from; a <= to + 1e-9; a += by) {
      const s = score(a, stride)
      if (s > bestScore) {
        bestScore = s
        best = a
      }
    }
    return best
  }
  const coarse = search(-maxDegrees, maxDegrees, 0.25, 4)
  const fine = search(coarse - 0.25, coarse + 0.25, 0.02, 1)
  return Math.round(fine * 100) / 100
}
