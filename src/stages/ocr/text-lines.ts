/**
 * Splits the ink in a box (a table cell) into text lines by horizontal projection. Thai stacks
 * marks above and below the base line (tone marks, sara i/ii/u/uu); those thin bands join the
 * nearest full-height band instead of becoming lines of their own. tesseract reads each line with
 * its single-line mode, which keeps the marks that its block mode loses. Measured on Sarabun at
 * 300 dpi: marks sit 2-6 px (under a fifth of the base band) from their base; lines are further apart.
 */
import type { GreyImage, PixelBox } from './image.js'

export interface SplitLinesOptions {
  /** Typical height of one text line (marks included), pixels; bands much taller are split. */
  readonly lineHeight?: number
}

export function splitTextLines(binary: GreyImage, box: PixelBox, options: SplitLinesOptions = {}): PixelBox[] {
  const x0 = Math.max(0, Math.floor(box.x0)), x1 = Math.min(binary.width, Math.ceil(box.x1))
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(binary.height, Math.ceil(box.y1))
  // A stray speck or two in a row is noise, not text.
  const noise = x1 - x0 > 600 ? 1 : 0
  const bands: Band[] = []
  let current: Band | undefined
  for (let y = y0; y <= y1; y++) {
    let ink = 0
    if (y < y1) {
      const row = y * binary.width
      for (let x = x0; x < x1; x++) if (binary.data[row + x] === 0) ink++
    }
    if (ink > noise) {
      if (!current) current = { top: y, bottom: y + 1, ink: 0 }
      current.bottom = y + 1
      current.ink += ink
    } else if (current) {
      bands.push(current)
      current = undefined
    }
  }
  mergeMarks(bands)
  const lines = splitTallBands(binary, x0, x1, bands, options.lineHeight)
  return lines.map((b) => horizontalExtent(binary, x0, x1, b.top, b.bottom)).filter((b): b is PixelBox => b !== undefined)
}

interface Band {
  top: number
  bottom: number
  /** Ink pixels in the band. */
  ink: number
}

const height = (b: Band) => b.bottom - b.top
const density = (b: Band) => b.ink / height(b)

/**
 * A band much lower than the text line next to it and close to it is marks (tone marks, upper or
 * lower vowels): merge it into that line, nearest first. Only clear cases are merged here; bands
 * that might be either a line or marks (stacked marks in bold faces are nearly as tall as the
 * letters) are left for the caller, who can ask the recogniser (see `recognizeLines`).
 */
function mergeMarks(bands: Band[]): void {
  // Judge by the heights as found: a line that has taken in its marks must not then swallow the
  // next line as if it were marks.
  const found = new Map(bands.map((b) => [b, height(b)]))
  const isMinorTo = (minor: Band, major: Band, gap: number) => {
    const h = found.get(major) ?? height(major)
    return gap <= 0.5 * h && (found.get(minor) ?? height(minor)) < 0.5 * h
  }
  for (;;) {
    let best: { i: number; j: number; gap: number } | undefined
    for (let i = 0; i < bands.length; i++) {
      if (!found.has(bands[i]!)) continue
      for (const j of [i - 1, i + 1]) {
        const a = bands[i]!, b = bands[j]
        if (!b) continue
        const gap = j < i ? a.top - b.bottom : b.top - a.bottom
        if (isMinorTo(a, b, gap) && (!best || gap < best.gap)) best = { i, j, gap }
      }
    }
    if (!best) return
    const minor = bands[best.i]!, major = bands[best.j]!
    major.top = Math.min(major.top, minor.top)
    major.bottom = Math.max(major.bottom, minor.bottom)
    major.ink += minor.ink
    bands.splice(best.i, 1)
  }
}

/** Index of the line `i` may be the marks of (lower than it and close), or -1. */
export function markCandidateFor(lines: readonly PixelBox[], i: number): number {
  const h = (b: PixelBox) => b.y1 - b.y0
  const a = lines[i]!
  const fits = (j: number) => {
    const b = lines[j]
    if (!b) return undefined
    const gap = j < i ? a.y0 - b.y1 : b.y0 - a.y1
    return h(a) < 0.95 * h(b) && gap <= 0.35 * h(b) ? gap : undefined
  }
  const above = fits(i - 1)
  const below = fits(i + 1)
  // Thai has far more marks above the letters than below, and the low ones hang close to their
  // line: prefer the line below unless the one above is clearly closer.
  if (below !== undefined && (above === undefined || below <= 2 * above + 3)) return i + 1
  return above !== undefined ? i - 1 : -1
}

/**
 * Lines set tight touch: one line's lower vowels reach the next line's tone marks, and no row is
 * empty between them. A band more than 1.6 lines tall is cut at its lightest row, if that row is
 * much lighter than the band, and again until the pieces are line-sized.
 */
function splitTallBands(binary: GreyImage, x0: number, x1: number, bands: Band[], lineHeight: number | undefined): Band[] {
  const heights = bands.map(height).sort((a, b) => a - b)
  const typical = lineHeight ?? heights[Math.floor(heights.length / 2)] ?? 0
  if (typical <= 0) return bands
  const out: Band[] = []
  const rowInk = (y: number) => {
    let n = 0
    for (let x = x0, i = y * binary.width + x0; x < x1; x++, i++) if (binary.data[i] === 0) n++
    return n
  }
  const split = (band: Band) => {
    if (height(band) <= 1.6 * typical) return void out.push(band)
    const from = band.top + Math.round(0.5 * typical)
    const to = band.bottom - Math.round(0.5 * typical)
    let cut = -1, least = Infinity
    for (let y = from; y < to; y++) {
      const ink = rowInk(y - 1) + rowInk(y) + rowInk(y + 1)
      if (ink < least) {
        least = ink
        cut = y
      }
    }
    if (cut < 0 || least / 3 > 0.2 * density(band)) return void out.push(band)
    let upperInk = 0
    for (let y = band.top; y < cut; y++) upperInk += rowInk(y)
    split({ top: band.top, bottom: cut, ink: upperInk })
    split({ top: cut, bottom: band.bottom, ink: band.ink - upperInk })
  }
  for (const band of bands) split(band)
  return out
}

function horizontalExtent(binary: GreyImage, x0: number, x1: number, top: number, bottom: number): PixelBox | undefined {
  let left = Infinity, right = -1
  for (let y = top; y < bottom; y++) {
    const row = y * binary.width
    for (let x = x0; x < x1; x++) {
      if (binary.data[row + x] === 0) {
        if (x < left) left = x
        if (x > right) right = x
      }
    }
  }
  return right < 0 ? undefined : { x0: left, y0: top, x1: right + 1, y1: bottom }
}
