import { createRequire } from 'node:module'
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { rgbaToGrey, type GreyImage, type PixelBox } from '../../ocr/image.js'
import { fitNumberBox } from './fit-box.js'

GlobalFonts.registerFromPath(createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf'), 'SarabunTest')

/** A 200 dpi image of `draw`'s output (text in Sarabun 11 pt, rulings 2 px). */
function page(draw: (g: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => void): GreyImage {
  const canvas = createCanvas(900, 300)
  const g = canvas.getContext('2d')
  g.fillStyle = '#fff'
  g.fillRect(0, 0, 900, 300)
  g.fillStyle = '#000'
  g.font = '31px SarabunTest'
  draw(g)
  return rgbaToGrey(g.getImageData(0, 0, 900, 300).data, 900, 300)
}

const inside = (inner: PixelBox, outer: PixelBox) => inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 && inner.y1 <= outer.y1

describe('fitNumberBox', () => {
  it('extent: a ruled table cell becomes the ink of its number, not the cell and its borders', () => {
    const image = page((g) => {
      g.fillRect(100, 50, 400, 2) // rulings of a row of two cells
      g.fillRect(100, 130, 400, 2)
      for (const x of [100, 300, 498]) g.fillRect(x, 50, 2, 82)
      g.fillText('๙๓.๕๕', 360, 102)
    })
    const cell = { x0: 300, y0: 50, x1: 500, y1: 132 }
    const box = fitNumberBox(image, cell, '๙๓.๕๕', 200, 'extent')!
    expect(box).toBeDefined()
    // Drawn at x 360, 93 px wide, baseline 102: the whole number, point and both sides, nothing else.
    expect(inside(box, { x0: 356, y0: 78, x1: 458, y1: 106 })).toBe(true)
    expect(box.x1 - box.x0).toBeGreaterThan(85)
  })

  it('seed: a number whose box was estimated a little off is found by its own digits, not the word before it', () => {
    const image = page((g) => g.fillText('คะแนน ๙๑.๗๔', 100, 100))
    const word = 'คะแนน '
    // Where the number really is, and an estimate 8 px to the right of it.
    const g = createCanvas(10, 10).getContext('2d')
    g.font = '31px SarabunTest'
    const x0 = 100 + g.measureText(word).width
    const x1 = 100 + g.measureText(`${word}๙๑.๗๔`).width
    const estimate = { x0: x0 + 8, y0: 72, x1: x1 + 8, y1: 108 }
    const box = fitNumberBox(image, estimate, '๙๑.๗๔', 200, 'seed')!
    expect(box.x0).toBeGreaterThan(x0 - 4)
    expect(box.x0).toBeLessThan(x0 + 4)
    expect(box.x1).toBeGreaterThan(x1 - 4)
    expect(box.x1).toBeLessThan(x1 + 4)
  })

  it('a box much wider than its number (a whole line) is left as it is', () => {
    const image = page((g) => g.fillText('ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต คะแนน ๙๑.๗๔', 20, 100))
    expect(fitNumberBox(image, { x0: 20, y0: 70, x1: 880, y1: 110 }, '๙๑.๗๔', 200, 'extent')).toBeUndefined()
  })

  it('no digits where the box says: nothing fitted', () => {
    const image = page(() => {})
    expect(fitNumberBox(image, { x0: 300, y0: 50, x1: 400, y1: 100 }, '๙๓.๕๕', 200, 'extent')).toBeUndefined()
    expect(fitNumberBox(image, { x0: 300, y0: 50, x1: 400, y1: 100 }, '๙๓.๕๕', 200, 'seed')).toBeUndefined()
  })
})
