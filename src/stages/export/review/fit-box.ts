/**
 * Fits a value's box to the ink of the printed number, so the box a person sees sits on the
 * digits. Provenance boxes are as close as their reader could make them:
 *
 * - `extent`: OCR boxes (the digit reader's ink box, or the whole table cell a number was read
 *   from) hold the whole number: the box becomes the ink whose centre is inside it.
 * - `seed`: text-layer boxes of a number inside a longer run are estimated from the characters'
 *   share of the run: the digits under the middle of the box are found on the image and the
 *   number grown from them by the OCR stage's number finder (`numberInkBox`).
 */
import { connectedComponents } from '../../ocr/image.js'
import { union, whiten, type GreyImage, type PixelBox } from '../../ocr/image.js'
import { numberInkBox } from '../../ocr/number-box.js'
import { toBlackWhite } from '../../ocr/image.js'
import { findRulings } from '../../ocr/table-grid.js'

export type FitMode = 'extent' | 'seed'

/** How much of each side of an estimated box is left out of the seed, so the seed holds only digits. */
const INSET = 0.2
/** Boxes wider than this many character heights per character hold more than the number (a line). */
const MAX_WIDTH_PER_CHAR = 1.6
/** Ink components smaller than this (pixels) are specks. */
const SPECK = 3

/**
 * The ink box of the number `raw` printed inside `box` of `image` (grey, crop pixels at `dpi`),
 * or undefined when the box holds more than a number or no digits are found there.
 */
export function fitNumberBox(image: GreyImage, box: PixelBox, raw: string, dpi: number, mode: FitMode): PixelBox | undefined {
  const chars = [...raw.trim()].length
  const w = box.x1 - box.x0
  const h = box.y1 - box.y0
  if (chars === 0 || w <= 0 || h <= 0) return undefined
  // A cell may be taller than its number (a spanning cell); only a box much wider than the number is a line.
  if (w > (chars + 2) * MAX_WIDTH_PER_CHAR * Math.min(h, w / chars)) return undefined
  const binary = withoutRulings(toBlackWhite(image), dpi)
  const fitted = mode === 'extent' ? inkInside(binary, box) : grownFromMiddle(binary, box, raw)
  if (!fitted) return undefined
  // The ink found must be the box's own: its centre inside the (slightly grown) box.
  const cx = (fitted.x0 + fitted.x1) / 2
  const cy = (fitted.y0 + fitted.y1) / 2
  const inside = cx >= box.x0 - 0.1 * w && cx <= box.x1 + 0.1 * w && cy >= box.y0 - 0.1 * h && cy <= box.y1 + 0.1 * h
  return inside ? fitted : undefined
}

function grownFromMiddle(binary: GreyImage, box: PixelBox, raw: string): PixelBox | undefined {
  const w = box.x1 - box.x0
  const h = box.y1 - box.y0
  const seed = { x0: Math.round(box.x0 + INSET * w), y0: Math.round(box.y0 + INSET * h), x1: Math.round(box.x1 - INSET * w), y1: Math.round(box.y1 - INSET * h) }
  if (seed.x1 <= seed.x0 || seed.y1 <= seed.y0) return undefined
  return numberInkBox(binary, seed, { decimal: /[.,]/.test(raw) })?.box
}

/** The ink centred inside `box` on the band of its tallest glyphs (points and marks within it kept, specks outside dropped). */
function inkInside(binary: GreyImage, box: PixelBox): PixelBox | undefined {
  const x0 = Math.max(0, Math.floor(box.x0))
  const y0 = Math.max(0, Math.floor(box.y0))
  const x1 = Math.min(binary.width, Math.ceil(box.x1))
  const y1 = Math.min(binary.height, Math.ceil(box.y1))
  if (x1 <= x0 || y1 <= y0) return undefined
  // A margin around the box so glyphs crossing its edge are whole.
  const m = Math.ceil(0.25 * (y1 - y0))
  const region = { x0: Math.max(0, x0 - m), y0: Math.max(0, y0 - m), x1: Math.min(binary.width, x1 + m), y1: Math.min(binary.height, y1 + m) }
  const rw = region.x1 - region.x0
  const rh = region.y1 - region.y0
  const data = new Uint8Array(rw * rh)
  for (let y = 0; y < rh; y++) for (let x = 0; x < rw; x++) data[y * rw + x] = binary.data[(region.y0 + y) * binary.width + region.x0 + x] === 0 ? 1 : 0
  const glyphs = connectedComponents({ data, width: rw, height: rh })
    .components.filter((c) => c.area >= SPECK)
    .map((c) => ({ x0: c.box.x0 + region.x0, y0: c.box.y0 + region.y0, x1: c.box.x1 + region.x0, y1: c.box.y1 + region.y0 }))
    .filter((g) => {
      const cx = (g.x0 + g.x1) / 2
      const cy = (g.y0 + g.y1) / 2
      return cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1
    })
  if (glyphs.length === 0) return undefined
  const tallest = Math.max(...glyphs.map((g) => g.y1 - g.y0))
  const tall = glyphs.filter((g) => g.y1 - g.y0 >= 0.5 * tallest)
  const top = Math.min(...tall.map((g) => g.y0))
  const bottom = Math.max(...tall.map((g) => g.y1))
  const onBand = glyphs.filter((g) => g.y1 > top && g.y0 < bottom)
  return onBand.reduce((a, b) => union(a, b))
}

/** The table rulings whitened: joined to the cell borders, a digit would be one glyph with the whole grid. */
function withoutRulings(binary: GreyImage, dpi: number): GreyImage {
  const out = { ...binary, data: new Uint8Array(binary.data) }
  for (const r of findRulings(binary, { dpi })) {
    const half = Math.ceil(r.thickness / 2) + 1
    whiten(out, r.orientation === 'h' ? { x0: r.from, y0: r.pos - half, x1: r.to + 1, y1: r.pos + half + 1 } : { x0: r.pos - half, y0: r.from, x1: r.pos + half + 1, y1: r.to + 1 })
  }
  return out
}
