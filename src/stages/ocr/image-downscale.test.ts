import { describe, expect, it } from 'vitest'
import { downscale } from './image.js'

describe('downscale (area average)', () => {
  it('averages the pixels each output pixel covers', () => {
    // 4x2 -> 2x1: each output pixel is the mean of a 2x2 block.
    const image = { width: 4, height: 2, data: Uint8Array.from([0, 255, 255, 255, 0, 255, 255, 255]) }
    expect(downscale(image, 0.5)).toEqual({ width: 2, height: 1, data: Uint8Array.from([128, 255]) })
  })

  it('keeps the mean grey level at a fractional factor (300 -> 200 dpi)', () => {
    const width = 30, height = 30
    const data = new Uint8Array(width * height).map((_, i) => (i % 3 === 0 ? 0 : 255))
    const out = downscale({ width, height, data }, 2 / 3)
    expect([out.width, out.height]).toEqual([20, 20])
    const mean = (a: Uint8Array) => a.reduce((s, v) => s + v, 0) / a.length
    expect(Math.abs(mean(out.data) - mean(data))).toBeLessThan(1)
  })

  it('a thin dark stroke fades but does not vanish', () => {
    const width = 9, height = 9
    const data = new Uint8Array(width * height).fill(255)
    for (let y = 0; y < height; y++) data[y * width + 4] = 0
    const out = downscale({ width, height, data }, 2 / 3)
    for (let y = 0; y < out.height; y++) expect(Math.min(...out.data.subarray(y * out.width, (y + 1) * out.width))).toBeLessThan(180)
  })

  it('returns the same image at factor 1 and refuses factors outside (0, 1]', () => {
    const image = { width: 2, height: 2, data: new Uint8Array(4) }
    expect(downscale(image, 1)).toBe(image)
    expect(() => downscale(image, 0)).toThrow(RangeError)
    expect(() => downscale(image, 1.5)).toThrow(RangeError)
  })
})
