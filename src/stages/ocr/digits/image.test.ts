import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { binarise, greyHistogram, otsuSplit } from './image.js'

// Histogram-based versions of per-pixel loops: they must give exactly what the plain loops gave
// (kept here as the reference).

function referenceOtsu(data: Uint8Array): number | undefined {
  const hist = new Uint32Array(256)
  for (const v of data) hist[v]!++
  let sumAll = 0
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!
  let sumB = 0, wB = 0, best = -1
  let threshold: number | undefined
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!
    if (wB === 0) continue
    const wF = data.length - wB
    if (wF === 0) break
    sumB += t * hist[t]!
    const mB = sumB / wB
    const mF = (sumAll - sumB) / wF
    const between = wB * wF * (mB - mF) * (mB - mF)
    if (between > best) {
      best = between
      threshold = t
    }
  }
  return threshold
}

function referenceBinarise(data: Uint8Array, width: number, height: number) {
  const t = referenceOtsu(data) ?? 127
  let inkSum = 0, inkN = 0, paperSum = 0, paperN = 0
  for (const v of data) {
    if (v <= t) {
      inkSum += v
      inkN++
    } else {
      paperSum += v
      paperN++
    }
  }
  const contrast = inkN && paperN ? paperSum / paperN - inkSum / inkN : 0
  const bits = new Uint8Array(width * height)
  if (contrast >= 40) for (let i = 0; i < bits.length; i++) bits[i] = data[i]! <= t ? 1 : 0
  return { bitmap: { data: bits, width, height }, threshold: t, contrast }
}

/** Crops from tiny to past the size where the histogram is counted four ways. */
const greyData = fc.oneof(
  fc.uint8Array({ maxLength: 50 }),
  fc.integer({ min: 4000, max: 9000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.nat()).map(([ink, paper, seed]) => Uint8Array.from({ length: n }, (_, i) => (((i * 7919 + seed) % 13) < 3 ? ink : paper + (((i * 31 + seed) % 5) - 2)) & 255))),
)

describe('grey histogram, Otsu and crop binarisation', () => {
  it('count every pixel once, and split and binarise exactly as the per-pixel loops did', () => {
    fc.assert(
      fc.property(greyData, (data) => {
        const hist = greyHistogram(data)
        const expected = new Uint32Array(256)
        for (const v of data) expected[v]!++
        expect(hist).toEqual(expected)
        expect(otsuSplit(data)).toBe(referenceOtsu(data))
        expect(binarise({ data, width: data.length, height: 1 })).toEqual(referenceBinarise(data, data.length, 1))
      }),
      { numRuns: 80 },
    )
  })
})
