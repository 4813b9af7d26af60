/**
 * Splits the ink in a box (a table cell) into text lines by horizontal projection. Thai stacks
 * marks above and below the base line (tone marks, sara i/ii/u/uu); those thin bands join the
 * nearest full-height band instead of becoming lines of their own. tesseract reads each line with
 * its single-line mode, which keeps the marks that its block mode loses. Measured on Sarabun at
 * 300 dpi: marks sit 2-6 px (under a fifth of the base band) from their base; lines are further apart.
 */
import { connectedComponents, skipWhite, wordsOf, type GreyImage, type PixelBox } from './image.js'

export function splitTextLines(binary: GreyImage, box: PixelBox): TextLineBox[] {
  const x0 = Math.max(0, Math.floor(box.x0)), x1 = Math.min(binary.width, Math.ceil(box.x1))
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(binary.height, Math.ceil(box.y1))
  const rows = rowInk(binary, x0, x1, y0, y1)
  // A stray speck or two in a row is noise, not text.
  const noise = x1 - x0 > 600 ? 1 : 0
  const bands: Band[] = []
  let current: Band | undefined
  for (let y = y0; y <= y1; y++) {
    const ink = y < y1 ? rows.count[y - y0]! : 0
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
  return splitTallBands(binary, x0, x1, rows, bands)
}

/** Ink (0) per row of [x0, x1) x [y0, y1), and each row's leftmost and rightmost ink x (-1 when none). */
interface RowInk {
  readonly y0: number
  readonly count: Int32Array
  readonly left: Int32Array
  readonly right: Int32Array
}

function rowInk(binary: GreyImage, x0: number, x1: number, y0: number, y1: number): RowInk {
  const { data, width } = binary
  const words = wordsOf(data)
  const rows = Math.max(0, y1 - y0)
  const count = new Int32Array(rows)
  const left = new Int32Array(rows).fill(-1)
  const right = new Int32Array(rows).fill(-1)
  for (let r = 0; r < rows; r++) {
    const row = (y0 + r) * width
    const end = row + x1
    let n = 0, first = -1, last = -1
    for (let i = skipWhite(data, words, row + x0, end); i < end; i = skipWhite(data, words, i + 1, end)) {
      if (data[i] !== 0) continue
      n++
      if (first < 0) first = i
      last = i
    }
    count[r] = n
    if (n > 0) {
      left[r] = first - row
      right[r] = last - row
    }
  }
  return { y0, count, left, right }
}

interface Band {
  top: number
  bottom: number
  /** Ink pixels in the band. */
  ink: number
}

const height = (b: Band) => b.bottom - b.top

/**
 * A band much lower than the text line next to it and close to it is marks (tone marks, upper or
 * lower vowels): merge it into that line, nearest first. Only clear cases are merged here; bands
 * that might be either a line or marks (stacked marks in bold faces are nearly as tall as the
 * letters) are left for the caller, who can ask the recogniser (see `recogniseLines`).
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

/** A text line's box, and the ink inside it that belongs to the lines above or below. */
export interface TextLineBox extends PixelBox {
  /** 1 where the pixel is ink of another line (whiten it before reading this one). */
  readonly foreign?: { readonly x0: number; readonly y0: number; readonly width: number; readonly height: number; readonly data: Uint8Array }
}

/**
 * Lines set tight touch: one line's lower vowels reach the next line's tone marks, and no row is
 * empty between them, so one band can hold a whole paragraph. Each printed line has a dense core
 * (the rows through the letters' bodies; marks above and below are sparse). In a band with more
 * than one core, every connected piece of ink goes to the line whose core is nearest, so a mark
 * stays with its own line even where the lines interleave.
 */
function splitTallBands(binary: GreyImage, x0: number, x1: number, rows: RowInk, bands: Band[]): TextLineBox[] {
  const out: TextLineBox[] = []
  for (const band of bands) {
    // Ink per row over the row's own extent: a short line (a heading, a paragraph's last line)
    // is as dense as a full one through its letters, though it has less ink.
    const density: number[] = []
    const minExtent = Math.max(1, 0.1 * (x1 - x0))
    for (let y = band.top; y < band.bottom; y++) {
      const r = y - rows.y0
      const n = rows.count[r]!
      density.push(n === 0 ? 0 : n / Math.max(minExtent, rows.right[r]! - rows.left[r]! + 1))
    }
    const cores = denseCores(density)
    if (cores.length < 2) {
      const box = horizontalExtent(rows, band.top, band.bottom)
      if (box) out.push(box)
      continue
    }
    out.push(...assignComponents(binary, x0, x1, band, cores))
  }
  return out
}

function assignComponents(binary: GreyImage, x0: number, x1: number, band: Band, cores: { start: number; end: number }[]): TextLineBox[] {
  const { data, width } = binary
  const words = wordsOf(data)
  const w = x1 - x0, h = height(band)
  const ink = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    const rowStart = (band.top + y) * width + x0
    const end = rowStart + w
    for (let i = skipWhite(data, words, rowStart, end); i < end; i = skipWhite(data, words, i + 1, end)) {
      if (data[i] === 0) ink[y * w + i - rowStart] = 1
    }
  }
  // Each 8-connected component goes to the line whose core is nearest its middle.
  const { labels, components } = connectedComponents({ data: ink, width: w, height: h })
  const lineOf = new Int32Array(components.length + 1).fill(-1)
  const boxes = cores.map(() => ({ x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }))
  for (const { label, box: c } of components) {
    const mid = (c.y0 + c.y1) / 2
    let best = 0, bestDistance = Infinity
    cores.forEach((core, k) => {
      const d = mid < core.start ? core.start - mid : mid > core.end ? mid - core.end : 0
      if (d < bestDistance) {
        bestDistance = d
        best = k
      }
    })
    lineOf[label] = best
    const b = boxes[best]!
    b.x0 = Math.min(b.x0, c.x0)
    b.y0 = Math.min(b.y0, c.y0)
    b.x1 = Math.max(b.x1, c.x1)
    b.y1 = Math.max(b.y1, c.y1)
  }
  const out: TextLineBox[] = []
  boxes.forEach((b, k) => {
    if (b.x1 < 0) return
    const mw = b.x1 - b.x0, mh = b.y1 - b.y0
    const data = new Uint8Array(mw * mh)
    let any = false
    for (let y = 0; y < mh; y++) {
      const rowStart = (band.top + b.y0 + y) * width + x0 + b.x0
      const end = rowStart + mw
      for (let i = skipWhite(binary.data, words, rowStart, end); i < end; i = skipWhite(binary.data, words, i + 1, end)) {
        const x = i - rowStart
        const l = labels[(b.y0 + y) * w + b.x0 + x]!
        if (l > 0 && lineOf[l] !== k) {
          data[y * mw + x] = 1
          any = true
        }
      }
    }
    const box = { x0: x0 + b.x0, y0: band.top + b.y0, x1: x0 + b.x1, y1: band.top + b.y1 }
    out.push(any ? { ...box, foreign: { x0: box.x0, y0: box.y0, width: mw, height: mh, data } } : box)
  })
  return out
}

/**
 * Runs of rows much darker than the rows around them: at least half as dark as the band's dark
 * rows. Runs shorter than a third of the longest are strokes or marks, not letter bodies.
 */
function denseCores(ink: number[]): { start: number; end: number }[] {
  const sorted = [...ink].sort((a, b) => a - b)
  const dark = sorted[Math.floor(sorted.length * 0.9)] ?? 0
  if (dark === 0) return []
  const threshold = 0.5 * dark
  const runs: { start: number; end: number }[] = []
  let start = -1
  for (let y = 0; y <= ink.length; y++) {
    const dense = y < ink.length && ink[y]! >= threshold
    if (dense && start < 0) start = y
    if (!dense && start >= 0) {
      runs.push({ start, end: y })
      start = -1
    }
  }
  // Bridge small dips: thin horizontal strokes inside a letter body, and the hair gap between a
  // row of dense marks (ตัวชี้วัด) and the letters under it. Between two lines' bodies lie the
  // lower vowels, the leading and the upper marks: a wider gap.
  const longestRun = Math.max(0, ...runs.map((r) => r.end - r.start))
  const merged: { start: number; end: number }[] = []
  for (const r of runs) {
    const last = merged.at(-1)
    if (last && r.start - last.end <= Math.max(2, 0.35 * longestRun)) last.end = r.end
    else merged.push({ ...r })
  }
  const longest = Math.max(0, ...merged.map((r) => r.end - r.start))
  return merged.filter((r) => r.end - r.start >= longest / 3)
}

function horizontalExtent(rows: RowInk, top: number, bottom: number): PixelBox | undefined {
  let left = Infinity, right = -1
  for (let r = top - rows.y0; r < bottom - rows.y0; r++) {
    if (rows.count[r] === 0) continue
    if (rows.left[r]! < left) left = rows.left[r]!
    if (rows.right[r]! > right) right = rows.right[r]!
  }
  return right < 0 ? undefined : { x0: left, y0: top, x1: right + 1, y1: bottom }
}
