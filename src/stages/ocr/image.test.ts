import { createCanvas } from '@napi-rs/canvas'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  darkPixels,
  decodeToGrey,
  downscale,
  greyHistogram,
  inkBox,
  otsuSplit,
  otsuThresholdOrZero,
  rgbaToGrey,
  skipWhite,
  toBlackWhite,
  toInkBitmapOrBlank,
  upscale,
  whitenBackground,
  wordsOf,
  type GreyImage,
  type PixelBox,
} from './image.js'

// The rewritten pixel loops must give exactly what the plain loops they replace gave: OCR output
// is compared bit for bit. The plain versions are kept here as the reference.

/** Grey images mostly white (like paper), with runs of ink and noise. */
const greyImage = (maxSide = 40): fc.Arbitrary<GreyImage> =>
  fc.record({ width: fc.integer({ min: 1, max: maxSide }), height: fc.integer({ min: 1, max: maxSide }) }).chain(({ width, height }) =>
    fc
      .array(fc.oneof({ weight: 6, arbitrary: fc.constant(255) }, { weight: 2, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }) }), {
        minLength: width * height,
        maxLength: width * height,
      })
      .map((values) => ({ width, height, data: Uint8Array.from(values) })),
  )

const boxIn = (image: GreyImage): fc.Arbitrary<PixelBox> =>
  fc
    .tuple(fc.integer({ min: -3, max: image.width + 3 }), fc.integer({ min: -3, max: image.width + 3 }), fc.integer({ min: -3, max: image.height + 3 }), fc.integer({ min: -3, max: image.height + 3 }))
    .map(([a, b, c, d]) => ({ x0: Math.min(a, b), x1: Math.max(a, b), y0: Math.min(c, d), y1: Math.max(c, d) }))

function referenceDownscale(image: GreyImage, factor: number): GreyImage {
  const width = Math.max(1, Math.round(image.width * factor))
  const height = Math.max(1, Math.round(image.height * factor))
  const sx = image.width / width
  const sy = image.height / height
  const spans = (count: number, scale: number, limit: number) =>
    Array.from({ length: count }, (_, i) => {
      const from = i * scale
      const to = Math.min(limit, from + scale)
      const index: number[] = [], weight: number[] = []
      for (let p = Math.floor(from); p < to; p++) {
        const w = Math.min(to, p + 1) - Math.max(from, p)
        if (w > 0) {
          index.push(p)
          weight.push(w)
        }
      }
      return { index, weight }
    })
  const cols = spans(width, sx, image.width)
  const rows = spans(height, sy, image.height)
  const data = new Uint8Array(width * height)
  const acc = new Float64Array(width)
  for (let y = 0; y < height; y++) {
    acc.fill(0)
    const row = rows[y]!
    for (let k = 0; k < row.index.length; k++) {
      const src = row.index[k]! * image.width
      for (let x = 0; x < width; x++) {
        const col = cols[x]!
        let sum = 0
        for (let j = 0; j < col.index.length; j++) sum += image.data[src + col.index[j]!]! * col.weight[j]!
        acc[x]! += sum * row.weight[k]!
      }
    }
    for (let x = 0; x < width; x++) data[y * width + x] = Math.round(acc[x]! / (sx * sy))
  }
  return { data, width, height }
}

function referenceWhitenBackground(image: GreyImage): GreyImage {
  const hist = new Uint32Array(256)
  for (const v of image.data) hist[v]!++
  const level = (share: number) => {
    let seen = 0
    for (let v = 0; v < 256; v++) {
      seen += hist[v]!
      if (seen >= share * image.data.length) return v
    }
    return 255
  }
  const paper = level(0.6), ink = level(0.01)
  if (paper >= 245 || paper - ink < 40) return image
  const scale = 255 / (paper - ink)
  for (let i = 0; i < image.data.length; i++) {
    const v = (image.data[i]! - ink) * scale
    image.data[i] = v >= 255 ? 255 : v <= 0 ? 0 : v
  }
  return image
}

function clamped(b: PixelBox, image: GreyImage) {
  const x0 = Math.max(0, Math.min(image.width, b.x0)), y0 = Math.max(0, Math.min(image.height, b.y0))
  return { x0, y0, x1: Math.max(x0, Math.min(image.width, b.x1)), y1: Math.max(y0, Math.min(image.height, b.y1)) }
}

function referenceInkBox(image: GreyImage, box: PixelBox, threshold: number): PixelBox | undefined {
  const b = clamped(box, image)
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1
  for (let y = b.y0; y < b.y1; y++) {
    for (let x = b.x0; x < b.x1; x++) {
      if (image.data[y * image.width + x]! < threshold) {
        x0 = Math.min(x0, x)
        x1 = Math.max(x1, x)
        y0 = Math.min(y0, y)
        y1 = Math.max(y1, y)
      }
    }
  }
  return x1 < 0 ? undefined : { x0, y0, x1: x1 + 1, y1: y1 + 1 }
}

function referenceDarkPixels(image: GreyImage, box: PixelBox, threshold: number): number {
  const b = clamped(box, image)
  let n = 0
  for (let y = b.y0; y < b.y1; y++) for (let x = b.x0; x < b.x1; x++) if (image.data[y * image.width + x]! < threshold) n++
  return n
}

describe('skipWhite', () => {
  it('finds the first pixel that is not white, from any start and in views at any offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 8, arbitrary: fc.constant(255) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 254 }) }), { maxLength: 80 }),
        fc.nat(7),
        fc.nat(90),
        fc.nat(90),
        (values, offset, a, b) => {
          // A view that starts mid-word has no words: the slow path must agree too.
          const data = new Uint8Array(new ArrayBuffer(values.length + 8), offset, values.length)
          data.set(values)
          const end = Math.min(values.length, Math.max(a, b))
          const from = Math.min(a, b, end)
          let expected = from
          while (expected < end && data[expected] === 255) expected++
          expect(skipWhite(data, wordsOf(data), from, end)).toBe(expected)
        },
      ),
      { numRuns: 400 },
    )
  })
})

describe('upscale', () => {
  it('keeps flat areas flat, the ends of a ramp, and shrinks back to about the same image', () => {
    const ramp: GreyImage = { width: 5, height: 2, data: Uint8Array.from([0, 50, 100, 150, 200, 0, 50, 100, 150, 200]) }
    const big = upscale(ramp, 2)
    expect([big.width, big.height]).toEqual([10, 4])
    expect(big.data[0]).toBe(0)
    expect(big.data[9]).toBe(200)
    for (let x = 1; x < 10; x++) expect(big.data[x]!).toBeGreaterThanOrEqual(big.data[x - 1]!)
    const back = downscale(big, 0.5)
    back.data.forEach((v, i) => expect(Math.abs(v - ramp.data[i]!)).toBeLessThanOrEqual(13))
    expect(() => upscale(ramp, 0.5)).toThrow(/>= 1/)
  })
})

describe('pixel loops give exactly what the plain loops gave', () => {
  it('downscale', () => {
    fc.assert(
      fc.property(greyImage(), fc.oneof(fc.constant(2 / 3), fc.constant(0.8), fc.double({ min: 0.05, max: 1, noNaN: true })), (image, factor) => {
        expect(downscale(image, factor)).toEqual(factor === 1 ? image : referenceDownscale(image, factor))
      }),
      { numRuns: 200 },
    )
  })

  it('whitenBackground', () => {
    const shaded = greyImage().map((image) => ({ ...image, data: image.data.map((v) => (v === 255 ? 200 : v)) }))
    fc.assert(
      fc.property(fc.oneof(greyImage(), shaded), (image) => {
        const expected = referenceWhitenBackground({ ...image, data: image.data.slice() })
        expect(whitenBackground({ ...image, data: image.data.slice() })).toEqual(expected)
      }),
      { numRuns: 200 },
    )
  })

  it('inkBox and darkPixels, for any box and threshold (also above white)', () => {
    fc.assert(
      fc.property(
        greyImage().chain((image) => fc.tuple(fc.constant(image), boxIn(image))),
        fc.oneof(fc.constant(128), fc.integer({ min: 0, max: 300 })),
        ([image, box], threshold) => {
          expect(inkBox(image, box, threshold)).toEqual(referenceInkBox(image, box, threshold))
          expect(darkPixels(image, box, threshold)).toBe(referenceDarkPixels(image, box, threshold))
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('decodeToGrey', () => {
  /** The decoding it replaced: the whole image through getImageData. */
  function paint(width: number, height: number, draw: (ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => void) {
    const canvas = createCanvas(width, height)
    const ctx = canvas.getContext('2d')
    draw(ctx)
    return canvas
  }

  it('gives the luma of getImageData for opaque colour and grey images (PNG and JPEG), over several strips', async () => {
    // Taller than a strip of rows, with a height that is not a whole number of strips.
    const canvas = paint(37, 301, (ctx) => {
      ctx.fillStyle = '#f4f1e8'
      ctx.fillRect(0, 0, 37, 301)
      ctx.fillStyle = '#203080'
      ctx.fillRect(3, 5, 20, 150)
      ctx.fillStyle = '#777777'
      ctx.fillRect(10, 200, 25, 90)
    })
    for (const bytes of [canvas.toBuffer('image/png'), canvas.toBuffer('image/jpeg', 80)]) {
      const image = await (await import('@napi-rs/canvas')).loadImage(bytes)
      const reference = paint(image.width, image.height, (ctx) => ctx.drawImage(image, 0, 0))
      const expected = rgbaToGrey(reference.getContext('2d').getImageData(0, 0, image.width, image.height).data, image.width, image.height)
      expect(await decodeToGrey(new Uint8Array(bytes))).toEqual(expected)
    }
  })

  it('falls back to exact unpremultiplied values when the image has transparency', async () => {
    const canvas = paint(5, 300, (ctx) => {
      ctx.fillStyle = '#000000'
      ctx.fillRect(0, 0, 5, 150)
      ctx.fillStyle = 'rgba(40, 90, 200, 0.35)'
      ctx.fillRect(0, 290, 5, 10)
    })
    const bytes = canvas.toBuffer('image/png')
    const grey = await decodeToGrey(new Uint8Array(bytes))
    expect(grey.data[0]).toBe(0)
    // Transparent pixels are paper; the translucent ones are blended with white.
    expect(grey.data[5 * 200]).toBe(255)
    const luma = (19595 * 40 + 38470 * 90 + 7471 * 200 + 32768) >>> 16
    const alpha = Math.round(0.35 * 255)
    expect(Math.abs(grey.data[5 * 295]! - (luma * alpha + 255 * (255 - alpha)) / 255)).toBeLessThanOrEqual(1.5)
  })
})

describe('toBlackWhite', () => {
  it("maps every grey level at or under the threshold (by default Otsu's) to ink (0), the rest to paper (255)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.option(fc.oneof(fc.integer({ min: -1, max: 256 }), fc.double({ min: -1, max: 256, noNaN: true }))), (data, threshold) => {
        const image = { width: data.length, height: 1, data }
        const t = threshold ?? otsuThresholdOrZero(image)
        const out = threshold === null ? toBlackWhite(image) : toBlackWhite(image, threshold)
        expect(Array.from(out.data)).toEqual(Array.from(data, (v) => (v <= t ? 0 : 255)))
      }),
      { numRuns: 200 },
    )
  })
})

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
        expect(toInkBitmapOrBlank({ data, width: data.length, height: 1 })).toEqual(referenceBinarise(data, data.length, 1))
      }),
      { numRuns: 80 },
    )
  })
})
