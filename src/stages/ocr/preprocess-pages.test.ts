import { describe, expect, it } from 'vitest'
import { decodeToGrey, type GreyImage } from './image.js'
import { estimateSkew, removeBorders, rotate, unrotatePoint } from './preprocess.js'
import { otsuThresholdOrZero, toBlackWhite } from './image.js'
import { renderPage } from '../../../tools/ocr-render-page.js'

const page = async (options: Parameters<typeof renderPage>[0]) => decodeToGrey(renderPage({ dpi: 100, ...options }).image)

describe('otsuThreshold / binarise', () => {
  it('separates two grey levels', () => {
    const data = new Uint8Array(100).map((_, i) => (i < 30 ? 40 : 220))
    const image: GreyImage = { data, width: 10, height: 10 }
    const t = otsuThresholdOrZero(image)
    expect(t).toBeGreaterThanOrEqual(40)
    expect(t).toBeLessThan(220)
    const b = toBlackWhite(image)
    expect(b.data.filter((v) => v === 0).length).toBe(30)
  })
})

describe('estimateSkew', () => {
  it.each([-2.5, -0.8, 0, 0.5, 1.5, 3])('finds a %s degree skew within 0.1 degree', async (skew) => {
    const grey = await page({ skewDegrees: skew })
    expect(Math.abs(estimateSkew(toBlackWhite(grey)) - skew)).toBeLessThanOrEqual(0.1)
  })

  it('a blank page has no skew', () => {
    expect(estimateSkew({ data: new Uint8Array(400 * 400).fill(255), width: 400, height: 400 })).toBe(0)
  })
})

describe('rotate', () => {
  it('straightens a skewed page (skew re-estimated near 0)', async () => {
    const grey = await page({ skewDegrees: 2 })
    const straight = rotate(grey, -estimateSkew(toBlackWhite(grey)))
    expect(Math.abs(estimateSkew(toBlackWhite(straight)))).toBeLessThanOrEqual(0.1)
  })

  it('unrotatePoint inverts the rotation of a point', () => {
    const width = 200, height = 100
    // A single dark pixel moves under rotation; unrotatePoint maps its new place back.
    const data = new Uint8Array(width * height).fill(255)
    data[30 * width + 150] = 0
    const rotated = rotate({ data, width, height }, 10)
    let best = { v: 256, x: 0, y: 0 }
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (rotated.data[y * width + x]! < best.v) best = { v: rotated.data[y * width + x]!, x, y }
    const [x, y] = unrotatePoint(best.x, best.y, 10, width, height)
    expect(Math.abs(x - 150)).toBeLessThanOrEqual(1.5)
    expect(Math.abs(y - 30)).toBeLessThanOrEqual(1.5)
  })
})

describe('removeBorders', () => {
  it('whitens a dark scanner band and leaves the text', async () => {
    const grey = await page({ border: true })
    const { image, removed } = removeBorders(grey)
    expect(removed.left).toBeGreaterThan(0)
    expect(removed.top).toBeGreaterThan(0)
    expect(removed.right).toBe(0)
    // The band is gone...
    for (let y = 0; y < image.height; y += 50) expect(image.data[y * image.width + 2]).toBe(255)
    // ...and the text is still there.
    expect(toBlackWhite(image).data.some((v) => v === 0)).toBe(true)
  })

  it("keeps a table's border ruling near the page edge (paper between it and the edge)", () => {
    const width = 1000, height = 700
    const grey = { width, height, data: new Uint8Array(width * height).fill(240) }
    // A landscape measures table whose left and right borders sit 4% in and run 70% of the height.
    for (let y = 150; y < 640; y++) for (const x0 of [40, 955]) for (let x = x0; x < x0 + 4; x++) grey.data[y * width + x] = 20
    const { image, removed } = removeBorders(grey)
    expect(removed).toEqual({ top: 0, bottom: 0, left: 0, right: 0 })
    expect(image.data[400 * width + 41]).toBe(20)
    expect(image.data[400 * width + 956]).toBe(20)
  })

  it('whitens a band that starts at the edge but not a ruling beyond the paper next to it', () => {
    const width = 1000, height = 700
    const grey = { width, height, data: new Uint8Array(width * height).fill(240) }
    for (let y = 0; y < height; y++) for (let x = 0; x < 12; x++) grey.data[y * width + x] = 10
    for (let y = 150; y < 640; y++) for (let x = 40; x < 44; x++) grey.data[y * width + x] = 20
    const { image, removed } = removeBorders(grey)
    expect(removed.left).toBeGreaterThanOrEqual(12)
    expect(removed.left).toBeLessThan(40)
    expect(image.data[400 * width + 41]).toBe(20)
  })

  it('leaves a clean page unchanged', async () => {
    const grey = await page({})
    expect(removeBorders(grey).image).toBe(grey)
  })
})
