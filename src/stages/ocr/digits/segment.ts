/**
 * Cuts a binarised number cell into glyph candidates: removes ruling-line remnants near the crop's
 * border, drops specks, merges the pieces of one broken digit, and tells decimal points and
 * commas apart from digits by their size and position on the line.
 */
import {
  type Bitmap,
  type PixelBox,
  type Component,
  boxHeight,
  boxWidth,
  connectedComponents,
  union,
} from '../image.js'

export type SegmentKind = 'glyph' | 'dot' | 'comma'

export interface Segment {
  readonly kind: SegmentKind
  readonly box: PixelBox
  /** Component labels that make this segment (into `labels` of the result). */
  readonly parts: readonly number[]
}

export interface Segmentation {
  readonly segments: Segment[]
  readonly labels: Int32Array
  readonly width: number
  readonly height: number
  /** Typical digit height in pixels (median of the tall components); 0 when nothing was found. */
  readonly digitHeight: number
  /** Top and bottom of the digit band (medians), for position features. */
  readonly bandTop: number
  readonly bandBottom: number
  /** Ink left over that was neither a glyph nor punctuation but is too big to be a speck. */
  readonly strayInk: number
}

/**
 * Erase the table's ruling lines near the crop's edges, and nothing else. The crop may be a whole
 * cell (lines at its borders) or a tight box around the number (no lines, digits near the edges),
 * so a line must be unlike any digit stroke:
 * - horizontal: a row in the top/bottom band with a run of ink longer than 1.5x the crop height
 *   (no digit is that wide; a slightly rotated line still has long runs in each row it crosses);
 * - vertical: a column in the left/right band inked from the very top to the very bottom of the
 *   crop (with a column of slack for rotation); a digit's stem in a tight crop stops short.
 */
export function eraseRulingLines(bm: Bitmap): Bitmap {
  const { width: w, height: h } = bm
  const data = bm.data.slice()
  const bandY = Math.max(3, Math.round(h * 0.2))
  const bandX = Math.max(3, Math.round(w * 0.15))
  const eraseRuns = (count: number, at: (i: number) => number, minRun: number): void => {
    let run = 0
    for (let i = 0; i <= count; i++) {
      if (i < count && bm.data[at(i)]) run++
      else {
        if (run >= minRun) for (let k = i - run; k < i; k++) data[at(k)] = 0
        run = 0
      }
    }
  }
  const minLineRun = Math.max(8, 1.5 * h, 0.2 * w)
  const lineRows: number[] = []
  for (let y = 0; y < h; y++) {
    if (y >= bandY && y < h - bandY) continue
    let run = 0
    let longest = 0
    for (let x = 0; x < w; x++) {
      run = bm.data[y * w + x] ? run + 1 : 0
      if (run > longest) longest = run
    }
    if (longest >= minLineRun) lineRows.push(y)
  }
  // The blurred edge of a line is a row of shorter runs that still joins digits to the line.
  const toErase = new Set(lineRows.flatMap((y) => [y - 1, y, y + 1]).filter((y) => y >= 0 && y < h))
  for (const y of toErase) eraseRuns(w, (x) => y * w + x, Math.max(4, Math.round(minLineRun / 3)))

  // Vertical lines: columns in the side bands inked over most of the height (with a column of
  // slack for rotation). A digit stem at the edge of a tight crop looks the same, so a column
  // is erased only if its ink reaches well above and below the band of the other glyphs.
  const inked = (x: number, y: number): boolean => {
    const row = y * w
    return !!(data[row + x] || (x > 0 && data[row + x - 1]) || (x + 1 < w && data[row + x + 1]))
  }
  const candidates: { x: number; first: number; last: number }[] = []
  for (let x = 0; x < w; x++) {
    if (x >= bandX && x < w - bandX) continue
    let covered = 0
    let first = -1
    let last = -1
    for (let y = 0; y < h; y++) {
      if (!inked(x, y)) continue
      covered++
      if (first < 0) first = y
      last = y
    }
    if (covered >= 0.8 * h) candidates.push({ x, first, last })
  }
  if (candidates.length) {
    const rest = data.slice()
    for (const { x } of candidates) for (let dx = -1; dx <= 1; dx++) {
      const cx = x + dx
      if (cx >= 0 && cx < w) for (let y = 0; y < h; y++) rest[y * w + cx] = 0
    }
    const others = connectedComponents({ data: rest, width: w, height: h }).components.filter((c) => c.area >= 6)
    const maxH = Math.max(0, ...others.map((c) => boxHeight(c.box)))
    const tall = others.filter((c) => boxHeight(c.box) >= 0.55 * maxH)
    if (tall.length) {
      const top = median(tall.map((c) => c.box.y0))
      const bottom = median(tall.map((c) => c.box.y1))
      const reach = 0.2 * (bottom - top)
      for (const { x, first, last } of candidates) {
        if (first > top - reach || last < bottom + reach) continue
        for (let dx = -1; dx <= 1; dx++) {
          const cx = x + dx
          if (cx >= 0 && cx < w) eraseRuns(h, (y) => y * w + cx, Math.max(4, Math.round(h * 0.1)))
        }
      }
    }
  }
  return { data, width: w, height: h }
}

function median(values: number[]): number {
  if (!values.length) return 0
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

function xOverlap(a: PixelBox, b: PixelBox): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0))
}

function touchesBorder(b: PixelBox, w: number, h: number): boolean {
  return b.x0 === 0 || b.y0 === 0 || b.x1 === w || b.y1 === h
}

/** A lookup table: `mask[label] === 1` for the given labels. */
export function labelMask(labels: readonly number[]): Uint8Array {
  const mask = new Uint8Array(Math.max(0, ...labels) + 1)
  for (const l of labels) mask[l] = 1
  return mask
}

/** Stroke thickness of the tall components: ink area over half the boundary length. */
function strokeWidth(bm: Bitmap, labels: Int32Array, tall: readonly Component[]): number {
  const isTall = labelMask(tall.map((c) => c.label))
  const w = bm.width
  let area = 0
  let boundary = 0
  const inkAt = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < bm.height && isTall[labels[y * w + x]!] === 1
  for (const c of tall) {
    for (let y = c.box.y0; y < c.box.y1; y++) {
      for (let x = c.box.x0; x < c.box.x1; x++) {
        if (!inkAt(x, y)) continue
        area++
        if (!inkAt(x - 1, y) || !inkAt(x + 1, y) || !inkAt(x, y - 1) || !inkAt(x, y + 1)) boundary++
      }
    }
  }
  return boundary ? (2 * area) / boundary : 0
}

/**
 * True when no pixel of `parts` lies within a small margin of the component: a decimal point
 * sits apart, while a fragment of a broken digit nearly touches the rest of it. (Tails of ๑ or
 * ๐-like digits can reach over a point, so box overlap alone does not tell them apart.)
 */
function isolated(labels: Int32Array, w: number, h: number, c: Component, parts: readonly number[], digitHeight: number): boolean {
  const margin = Math.max(1, Math.round(0.035 * digitHeight))
  const mask = labelMask(parts)
  for (let y = Math.max(0, c.box.y0 - margin); y < Math.min(h, c.box.y1 + margin); y++) {
    for (let x = Math.max(0, c.box.x0 - margin); x < Math.min(w, c.box.x1 + margin); x++) {
      if (mask[labels[y * w + x]!] === 1) return false
    }
  }
  return true
}

export function segmentCell(input: Bitmap): Segmentation {
  const bm = eraseRulingLines(input)
  const { width: w, height: h } = bm
  const { labels, components } = connectedComponents(bm)

  // Line remnants cut by the crop: thin slivers along an edge.
  let comps = components.filter((c) => {
    if (!touchesBorder(c.box, w, h)) return true
    const cw = boxWidth(c.box)
    const ch = boxHeight(c.box)
    return !(cw <= 3 || ch <= 3 || cw > 6 * ch || ch > 6 * cw)
  })
  const empty: Segmentation = {
    segments: [],
    labels,
    width: w,
    height: h,
    digitHeight: 0,
    bandTop: 0,
    bandBottom: 0,
    strayInk: 0,
  }
  if (!comps.length) return empty

  const maxH = Math.max(...comps.map((c) => boxHeight(c.box)))
  const tall = comps.filter((c) => boxHeight(c.box) >= 0.55 * maxH && c.area >= 6)
  if (!tall.length) return empty
  const digitHeight = median(tall.map((c) => boxHeight(c.box)))
  const bandTop = median(tall.map((c) => c.box.y0))
  const bandBottom = median(tall.map((c) => c.box.y1))

  // Specks: a decimal point is at least about as thick as the digits' strokes.
  const stroke = strokeWidth(bm, labels, tall)
  const minDot = Math.max(2, 0.5 * stroke)
  comps = comps.filter((c) => tall.includes(c) || (boxWidth(c.box) >= minDot && boxHeight(c.box) >= minDot))

  // Group: start from tall components, absorb pieces that overlap them horizontally.
  type Group = { box: PixelBox; parts: number[]; area: number }
  const groups: Group[] = tall
    .filter((c) => comps.includes(c))
    .sort((a, b) => a.box.x0 - b.box.x0)
    .map((c) => ({ box: { ...c.box }, parts: [c.label], area: c.area }))
  // Tall components overlapping each other mostly are one broken digit (e.g. split vertically).
  for (let i = 0; i + 1 < groups.length; ) {
    const a = groups[i]!
    const b = groups[i + 1]!
    // Pieces of one broken digit stack vertically; a neighbour whose box a tail reaches
    // over (๔, ๕) only overlaps at the side, with its centre outside.
    const [narrow, wide] = boxWidth(a.box) <= boxWidth(b.box) ? [a.box, b.box] : [b.box, a.box]
    const centre = (narrow.x0 + narrow.x1) / 2
    const ov = xOverlap(a.box, b.box)
    if (ov >= 0.6 * boxWidth(narrow) && centre >= wide.x0 && centre <= wide.x1) {
      a.box = union(a.box, b.box)
      a.parts.push(...b.parts)
      a.area += b.area
      groups.splice(i + 1, 1)
    } else i++
  }

  const small = comps.filter((c) => !tall.includes(c)).sort((a, b) => a.box.x0 - b.box.x0)
  const punct: Segment[] = []
  let strayInk = 0
  const leftover: Component[] = []
  for (const c of small) {
    const cw = boxWidth(c.box)
    const ch = boxHeight(c.box)
    const cy = (c.box.y0 + c.box.y1) / 2
    let host: Group | undefined
    for (const g of groups) {
      const ov = xOverlap(g.box, c.box)
      if (ov >= 0.5 * cw && (!host || ov > xOverlap(host.box, c.box))) host = g
    }
    const isDotShape = c.area >= 0.6 * minDot * minDot && ch <= 0.4 * digitHeight && cw <= 0.5 * digitHeight && cw <= 2.2 * ch && ch <= 3 * cw
    // A point sits on the baseline of its neighbours (local, as the scan may be rotated).
    const left = groups.filter((g) => g.box.x1 <= c.box.x1).at(-1)
    const right = groups.find((g) => g.box.x0 >= c.box.x0)
    const between = left !== undefined && right !== undefined
    const baseline = between ? (left.box.y1 + right.box.y1) / 2 : bandBottom
    const onBaseline = Math.abs(c.box.y1 - baseline) <= Math.max(2, 0.15 * digitHeight)
    const lowOnLine = cy >= bandTop + 0.55 * digitHeight && (onBaseline || c.box.y0 >= baseline - 0.2 * digitHeight)
    if (isDotShape && lowOnLine && between && (!host || isolated(labels, w, h, c, host.parts, digitHeight))) {
      const below = c.box.y1 - bandBottom
      const kind: SegmentKind = below > 0.15 * digitHeight && ch > 1.3 * cw ? 'comma' : 'dot'
      punct.push({ kind, box: c.box, parts: [c.label] })
    } else if (host && c.box.y0 >= host.box.y0 - 0.3 * digitHeight && c.box.y1 <= host.box.y1 + 0.3 * digitHeight) {
      host.box = union(host.box, c.box)
      host.parts.push(c.label)
      host.area += c.area
    } else leftover.push(c)
  }
  // Pieces between two glyphs that overlap nothing: attach to the nearest glyph if close enough.
  const unplaced: Component[] = []
  for (const c of leftover) {
    const cx = (c.box.x0 + c.box.x1) / 2
    let best: Group | undefined
    let bestDist = Infinity
    for (const g of groups) {
      const d = cx < g.box.x0 ? g.box.x0 - c.box.x1 : cx > g.box.x1 ? c.box.x0 - g.box.x1 : 0
      if (d < bestDist) {
        bestDist = d
        best = g
      }
    }
    const inBand = c.box.y0 >= bandTop - 0.3 * digitHeight && c.box.y1 <= bandBottom + 0.3 * digitHeight
    if (best && bestDist <= 0.08 * digitHeight && inBand) {
      best.box = union(best.box, c.box)
      best.parts.push(c.label)
      best.area += c.area
    } else unplaced.push(c)
  }
  // Ink the reader cannot account for, where digits are: might be a digit it failed to see.
  const first = groups[0]?.box.x0 ?? 0
  const last = groups.at(-1)?.box.x1 ?? w
  for (const c of unplaced) {
    const inBand = c.box.y1 > bandTop && c.box.y0 < bandBottom
    const near = c.box.x1 > first - digitHeight && c.box.x0 < last + digitHeight
    if (inBand && near && c.area >= 0.02 * digitHeight * digitHeight) strayInk += c.area
  }

  const segments: Segment[] = [
    ...groups.map((g): Segment => ({ kind: 'glyph', box: g.box, parts: g.parts })),
    ...punct,
  ].sort((a, b) => a.box.x0 - b.box.x0)
  return { segments, labels, width: w, height: h, digitHeight, bandTop, bandBottom, strayInk }
}
