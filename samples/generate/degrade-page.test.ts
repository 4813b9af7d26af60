import { createCanvas, loadImage } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { degradePage, mulberry32, pageSeed, rotateAndShift, type GreyImage } from './degrade-page.js'
import { encodeGreyJpeg, quantTable } from './encode-grey-jpeg.js'
import { parsePgm } from './rasterise.js'
import { scanPage } from './scan-pdf.js'

/** A small "page": white, with a black frame and some dark bars standing in for text lines. */
function testPage(width = 241, height = 163): GreyImage {
  const data = new Uint8Array(width * height).fill(255)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const frame = x === 10 || x === width - 11 || y === 10 || y === height - 11
      const bar = y % 14 < 5 && y > 20 && y < height - 20 && x > 25 && x < width - 25 && (x * 7 + y) % 31 > 3
      if (frame || bar) data[y * width + x] = 0
    }
  }
  return { width, height, data }
}

async function decodeGrey(jpeg: Uint8Array): Promise<GreyImage> {
  const img = await loadImage(Buffer.from(jpeg))
  const canvas = createCanvas(img.width, img.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(img, 0, 0)
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data
  return { width: img.width, height: img.height, data: Uint8Array.from({ length: img.width * img.height }, (_, i) => rgba[i * 4]!) }
}

function psnr(a: GreyImage, b: GreyImage): number {
  let se = 0
  for (let i = 0; i < a.data.length; i++) se += (a.data[i]! - b.data[i]!) ** 2
  return 10 * Math.log10((255 * 255) / (se / a.data.length))
}

describe('degradePage', () => {
  it('gives the same bytes for the same image and seed', () => {
    const page = testPage()
    const a = degradePage(page, { seed: 42 })
    const b = degradePage(page, { seed: 42 })
    expect(Buffer.from(a.image.data).equals(Buffer.from(b.image.data))).toBe(true)
    expect(a.params).toEqual(b.params)
  })

  it('differs between seeds, and so between pages', () => {
    const page = testPage()
    const a = degradePage(page, { seed: pageSeed(2568, 300, 0) })
    const b = degradePage(page, { seed: pageSeed(2568, 300, 1) })
    expect(a.params.skewDegrees).not.toBe(b.params.skewDegrees)
    expect(Buffer.from(a.image.data).equals(Buffer.from(b.image.data))).toBe(false)
  })

  it('keeps the size, skews by at most the limit, and leaves paper near the paper tone', () => {
    const page = testPage()
    const skews = Array.from({ length: 40 }, (_, seed) => {
      const { image, params } = degradePage(page, { seed, maxSkewDegrees: 1 })
      expect([image.width, image.height, image.data.length]).toEqual([page.width, page.height, page.data.length])
      return params.skewDegrees
    })
    expect(Math.max(...skews.map(Math.abs))).toBeLessThanOrEqual(1)
    expect(new Set(skews.map((s) => Math.sign(s))).size).toBe(2)
    const blank = degradePage({ width: 64, height: 64, data: new Uint8Array(64 * 64).fill(255) }, { seed: 1 })
    const mean = blank.image.data.reduce((s, v) => s + v, 0) / blank.image.data.length
    expect(mean).toBeGreaterThan(230)
    expect(mean).toBeLessThan(248)
  })

  it('rotates about the centre: a zero skew and shift changes nothing', () => {
    const page = testPage()
    const same = rotateAndShift(page, { skewDegrees: 0, shiftX: 0, shiftY: 0 })
    expect(Buffer.from(same.data).equals(Buffer.from(page.data))).toBe(true)
  })

  it('rejects an image whose buffer does not match its size', () => {
    expect(() => degradePage({ width: 10, height: 10, data: new Uint8Array(99) }, { seed: 1 })).toThrow(TypeError)
  })

  it('mulberry32 is reproducible and in [0, 1)', () => {
    const a = mulberry32(7)
    const b = mulberry32(7)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
  })
})

describe('scanPage', () => {
  it('is deterministic for a seed: same JPEG bytes twice', () => {
    const page = testPage()
    const a = scanPage(page, 99, { quality: 72 })
    const b = scanPage(page, 99, { quality: 72 })
    expect(Buffer.from(a.jpeg).equals(Buffer.from(b.jpeg))).toBe(true)
    expect(Buffer.from(scanPage(page, 100).jpeg).equals(Buffer.from(a.jpeg))).toBe(false)
  })
})

describe('encodeGreyJpeg', () => {
  it('writes a one-component baseline JPEG that decoders read back closely', async () => {
    const page = testPage(203, 157) // not multiples of 8: exercises edge padding
    const jpeg = encodeGreyJpeg(page, 90)
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8])
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9])
    const sof = jpeg.indexOf(0xc0, 2)
    expect(jpeg[sof - 1]).toBe(0xff)
    expect(jpeg[sof + 8]).toBe(1) // number of components
    const decoded = await decodeGrey(jpeg)
    expect([decoded.width, decoded.height]).toEqual([203, 157])
    expect(psnr(page, decoded)).toBeGreaterThan(28)
    expect(psnr(page, await decodeGrey(encodeGreyJpeg(page, 100)))).toBeGreaterThan(45)
  })

  it('scales the quantisation table like libjpeg', () => {
    expect(quantTable(50)[0]).toBe(16)
    expect(quantTable(75)[0]).toBe(8)
    expect(quantTable(100).every((q) => q === 1)).toBe(true)
    expect(() => quantTable(0)).toThrow(/quality/)
  })
})

describe('parsePgm', () => {
  it('reads a binary PGM with a comment', () => {
    const header = new TextEncoder().encode('P5\n# made by a test\n3 2\n255\n')
    const bytes = new Uint8Array([...header, 0, 1, 2, 3, 4, 5])
    expect(parsePgm(bytes)).toEqual({ width: 3, height: 2, data: new Uint8Array([0, 1, 2, 3, 4, 5]) })
    expect(() => parsePgm(new TextEncoder().encode('P6\n1 1\n255\n\0\0\0'))).toThrow(/PGM/)
  })
})
