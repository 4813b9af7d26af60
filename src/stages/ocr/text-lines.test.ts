import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GreyImage, PixelBox } from './image.js'
import { splitTextLines, type TextLineBox } from './text-lines.js'

// splitTextLines now counts each row's ink once (visiting only the ink) and labels components with
// typed arrays; it must give exactly the lines (and foreign-ink masks) of the plain version, kept
// here as the reference.

/** Binary "text": lines of glyph blocks with marks above and below, set tight enough to touch. */
const textImage = fc
  .record({
    width: fc.integer({ min: 8, max: 140 }),
    lines: fc.array(
      fc.record({
        gapBefore: fc.integer({ min: -3, max: 8 }),
        height: fc.integer({ min: 4, max: 16 }),
        indent: fc.nat(40),
        glyphs: fc.array(fc.record({ width: fc.integer({ min: 1, max: 9 }), space: fc.nat(4), mark: fc.constantFrom('none', 'above', 'below', 'tall') }), { maxLength: 20 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    specks: fc.array(fc.tuple(fc.nat(140), fc.nat(140)), { maxLength: 20 }),
  })
  .map(({ width, lines, specks }): GreyImage => {
    const height = 6 + lines.reduce((h, l) => h + Math.max(1, l.gapBefore + 6) + l.height, 0)
    const data = new Uint8Array(width * height).fill(255)
    const fill = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) data[y * width + x] = 0
    }
    let top = 3
    for (const line of lines) {
      top += line.gapBefore + 4
      let x = line.indent
      for (const g of line.glyphs) {
        fill(x, top, x + g.width, top + line.height)
        if (g.mark === 'above') fill(x, top - 4, x + 2, top - 2)
        if (g.mark === 'below') fill(x + 1, top + line.height + 1, x + 3, top + line.height + 3)
        if (g.mark === 'tall') fill(x, top - 6, x + 1, top + line.height + 5)
        x += g.width + g.space
      }
      top += line.height
    }
    for (const [x, y] of specks) fill(x % width, y % height, (x % width) + 1, (y % height) + 1)
    return { width, height, data }
  })

const regionIn = (image: GreyImage): fc.Arbitrary<PixelBox> =>
  fc.oneof(
    fc.constant({ x0: 0, y0: 0, x1: image.width, y1: image.height }),
    fc
      .tuple(fc.integer({ min: -2, max: image.width }), fc.integer({ min: 0, max: image.width + 2 }), fc.integer({ min: -2, max: image.height }), fc.integer({ min: 0, max: image.height + 2 }))
      .map(([x0, w, y0, h]) => ({ x0: x0 + 0.5, y0, x1: x0 + w, y1: y0 + h + 0.25 })),
  )

describe('splitTextLines gives exactly the lines of the plain version', () => {
  it('on random tight text, for the whole image and for any region', () => {
    let split = 0
    fc.assert(
      fc.property(
        textImage.chain((image) => fc.tuple(fc.constant(image), regionIn(image))),
        ([image, region]) => {
          const expected = referenceSplitTextLines(image, region)
          if (expected.some((l) => l.foreign)) split++
          expect(splitTextLines(image, region)).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
    // Some bands held several lines whose ink had to be shared out.
    expect(split).toBeGreaterThan(5)
  })
})

function referenceSplitTextLines(binary: GreyImage, box: PixelBox): TextLineBox[] {
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
  return splitTallBands(binary, x0, x1, bands)
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

/**
 * Lines set tight touch: one line's lower vowels reach the next line's tone marks, and no row is
 * empty between them, so one band can hold a whole paragraph. Each printed line has a dense core
 * (the rows through the letters' bodies; marks above and below are sparse). In a band with more
 * than one core, every connected piece of ink goes to the line whose core is nearest, so a mark
 * stays with its own line even where the lines interleave.
 */
function splitTallBands(binary: GreyImage, x0: number, x1: number, bands: Band[]): TextLineBox[] {
  const out: TextLineBox[] = []
  for (const band of bands) {
    // Ink per row over the row's own extent: a short line (a heading, a paragraph's last line)
    // is as dense as a full one through its letters, though it has less ink.
    const density: number[] = []
    const minExtent = Math.max(1, 0.1 * (x1 - x0))
    for (let y = band.top; y < band.bottom; y++) {
      let n = 0, left = -1, right = -1
      for (let x = x0, i = y * binary.width + x0; x < x1; x++, i++) {
        if (binary.data[i] !== 0) continue
        n++
        if (left < 0) left = x
        right = x
      }
      density.push(n === 0 ? 0 : n / Math.max(minExtent, right - left + 1))
    }
    const cores = denseCores(density)
    if (cores.length < 2) {
      const box = horizontalExtent(binary, x0, x1, band.top, band.bottom)
      if (box) out.push(box)
      continue
    }
    out.push(...assignComponents(binary, x0, x1, band, cores))
  }
  return out
}

function assignComponents(binary: GreyImage, x0: number, x1: number, band: Band, cores: { start: number; end: number }[]): TextLineBox[] {
  const w = x1 - x0, h = height(band)
  const labels = new Int32Array(w * h).fill(-1)
  const parent: number[] = []
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  // Two-pass 8-connected labelling: each ink pixel joins its labelled neighbours to the left and
  // in the row above (left, up-left, up, up-right).
  const join = (label: number, other: number): number => {
    if (other < 0) return label
    if (label < 0) return find(other)
    const a = find(label), b = find(other)
    if (a !== b) parent[b] = a
    return a
  }
  for (let y = 0; y < h; y++) {
    const row = (band.top + y) * binary.width + x0
    for (let x = 0; x < w; x++) {
      if (binary.data[row + x] !== 0) continue
      const here = y * w + x
      let label = x > 0 ? join(-1, labels[here - 1]!) : -1
      if (y > 0) {
        if (x > 0) label = join(label, labels[here - w - 1]!)
        label = join(label, labels[here - w]!)
        if (x + 1 < w) label = join(label, labels[here - w + 1]!)
      }
      if (label < 0) {
        label = parent.length
        parent.push(label)
      }
      labels[y * w + x] = label
    }
  }
  // Each component's extent, then the line whose core is nearest its middle.
  const ext = new Map<number, { x0: number; y0: number; x1: number; y1: number }>()
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const l = labels[y * w + x]!
      if (l < 0) continue
      const root = find(l)
      labels[y * w + x] = root
      const e = ext.get(root)
      if (!e) ext.set(root, { x0: x, y0: y, x1: x + 1, y1: y + 1 })
      else {
        if (x < e.x0) e.x0 = x
        if (x + 1 > e.x1) e.x1 = x + 1
        if (y < e.y0) e.y0 = y
        if (y + 1 > e.y1) e.y1 = y + 1
      }
    }
  }
  const lineOf = new Map<number, number>()
  const boxes = cores.map(() => ({ x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }))
  for (const [root, e] of ext) {
    const mid = (e.y0 + e.y1) / 2
    let best = 0, bestDistance = Infinity
    cores.forEach((c, k) => {
      const d = mid < c.start ? c.start - mid : mid > c.end ? mid - c.end : 0
      if (d < bestDistance) {
        bestDistance = d
        best = k
      }
    })
    lineOf.set(root, best)
    const b = boxes[best]!
    b.x0 = Math.min(b.x0, e.x0)
    b.y0 = Math.min(b.y0, e.y0)
    b.x1 = Math.max(b.x1, e.x1)
    b.y1 = Math.max(b.y1, e.y1)
  }
  const out: TextLineBox[] = []
  boxes.forEach((b, k) => {
    if (b.x1 < 0) return
    const mw = b.x1 - b.x0, mh = b.y1 - b.y0
    const data = new Uint8Array(mw * mh)
    let any = false
    for (let y = 0; y < mh; y++) {
      for (let x = 0; x < mw; x++) {
        const l = labels[(b.y0 + y) * w + b.x0 + x]!
        if (l >= 0 && lineOf.get(l) !== k) {
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
