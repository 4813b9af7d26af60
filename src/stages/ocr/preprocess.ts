/**
 * Page clean-up before OCR, on grey images as typed arrays: scanner border removal, skew
 * estimation (projection profiles) and correction (binarisation: `toBlackWhite` in image.ts).
 */
import { blankImage, skipWhite, wordsOf, type GreyImage } from './image.js'

/**
 * Whitens dark bands along the page edges (scanner lid shadows, black margins of a copied page):
 * from each edge inward, the unbroken run of rows/columns that are mostly dark, within the outer
 * `maxFraction` of the page. Returns a new image and how many pixels were whitened on each side.
 */
export function removeBorders(image: GreyImage, options: { threshold?: number; maxFraction?: number; darkShare?: number } = {}): {
  image: GreyImage
  removed: { top: number; bottom: number; left: number; right: number }
} {
  const { width, height } = image
  const threshold = options.threshold ?? 128
  const maxFraction = options.maxFraction ?? 0.06
  const darkShare = options.darkShare ?? 0.5
  const rowDark = (y: number) => {
    let n = 0
    for (let x = 0, i = y * width; x < width; x++, i++) if (image.data[i]! < threshold) n++
    return n / width
  }
  const colDark = (x: number) => {
    let n = 0
    for (let y = 0, i = x; y < height; y++, i += width) if (image.data[i]! < threshold) n++
    return n / height
  }
  // A band grows inward from the edge without a break (a few light lines allowed: the band's
  // edge is ragged). A table's border ruling near the edge is dark over most of the page too, but
  // paper lies between it and the edge: it is not a band.
  const scan = (limit: number, dark: (k: number) => number, at: (k: number) => number) => {
    const maxBreak = 3
    let last = -1
    for (let k = 0; k < limit && k - last <= maxBreak; k++) if (dark(at(k)) >= darkShare) last = k
    // Whiten a couple of pixels past the last dark line: band edges are blurred.
    return last < 0 ? 0 : last + 1 + 2
  }
  const maxRows = Math.floor(height * maxFraction)
  const maxCols = Math.floor(width * maxFraction)
  const removed = {
    top: scan(maxRows, rowDark, (k) => k),
    bottom: scan(maxRows, rowDark, (k) => height - 1 - k),
    left: scan(maxCols, colDark, (k) => k),
    right: scan(maxCols, colDark, (k) => width - 1 - k),
  }
  if (!removed.top && !removed.bottom && !removed.left && !removed.right) return { image, removed }
  const out = new Uint8Array(image.data)
  for (let y = 0; y < height; y++) {
    const row = y * width
    if (y < removed.top || y >= height - removed.bottom) {
      out.fill(255, row, row + width)
      continue
    }
    if (removed.left) out.fill(255, row, row + Math.min(width, removed.left))
    if (removed.right) out.fill(255, row + Math.max(0, width - removed.right), row + width)
  }
  return { image: { data: out, width, height }, removed }
}

/**
 * Skew in degrees (positive = content rotated clockwise), from the horizontal projection
 * profile: text lines and ruling lines give the sharpest profile when sheared by the right angle.
 * Searches +-`maxDegrees`, coarse then fine.
 */
export function estimateSkew(binary: GreyImage, options: { maxDegrees?: number } = {}): number {
  const maxDegrees = options.maxDegrees ?? 5
  const { width, height } = binary
  // Ink points, subsampled to keep the search cheap on 300 dpi pages.
  const step = width > 1500 ? 2 : 1
  const { all, everyFourth } = inkPointColumns(binary, step)
  if (all.count < 100) return 0
  const reach = Math.ceil(width * Math.tan((maxDegrees * Math.PI) / 180))
  const bins = new Int32Array(height + 2 * reach + 4)
  const offset = reach + 2.5
  const cx = width / 2
  const search = (from: number, to: number, by: number, points: PointColumns) => {
    let best = 0, bestScore = -1
    for (let a = from; a <= to + 1e-9; a += by) {
      const s = profileSharpness(points, cx, Math.tan((a * Math.PI) / 180), offset, bins)
      if (s > bestScore) {
        bestScore = s
        best = a
      }
    }
    return best
  }
  // The coarse search sees every 4th ink point: the profile's sharpness peaks at the same angle.
  const coarse = search(-maxDegrees, maxDegrees, 0.25, everyFourth)
  const fine = search(coarse - 0.25, coarse + 0.25, 0.02, all)
  return Math.round(fine * 100) / 100
}

/** Ink points grouped by column: the rows of column x are ys[start[x]] .. ys[start[x + 1] - 1], top down. */
export interface PointColumns {
  readonly start: Int32Array
  readonly ys: Int32Array
  readonly count: number
}

/**
 * The ink points of every `step`-th column (every row: the profile's resolution), and every 4th
 * of them in reading order.
 */
export function inkPointColumns(binary: GreyImage, step: number): { all: PointColumns; everyFourth: PointColumns } {
  const { data, width, height } = binary
  const words = wordsOf(data)
  // The points in reading order (one pass over the page), then sorted into columns by counting.
  let xs: Int32Array = new Int32Array(4096), ys: Int32Array = new Int32Array(4096)
  let count = 0
  for (let y = 0; y < height; y++) {
    const row = y * width
    const end = row + width
    for (let i = skipWhite(data, words, row, end); i < end; i = skipWhite(data, words, i + 1, end)) {
      const x = i - row
      if (data[i] !== 0 || x % step !== 0) continue
      if (count === xs.length) {
        xs = grow(xs)
        ys = grow(ys)
      }
      xs[count] = x
      ys[count++] = y
    }
  }
  const byColumn = (stride: number): PointColumns => {
    const start = new Int32Array(width + 1)
    for (let i = 0; i < count; i += stride) start[xs[i]! + 1]!++
    for (let x = 0; x < width; x++) start[x + 1]! += start[x]!
    const next = start.slice(0, width)
    const columnYs = new Int32Array(start[width]!)
    // Reading order keeps each column's rows top down.
    for (let i = 0; i < count; i += stride) columnYs[next[xs[i]!]!++] = ys[i]!
    return { start, ys: columnYs, count: start[width]! }
  }
  return { all: byColumn(1), everyFourth: byColumn(4) }
}

function grow(a: Int32Array): Int32Array {
  const grown = new Int32Array(a.length * 2)
  grown.set(a)
  return grown
}

/**
 * How sharp the horizontal projection profile of the points is when they are sheared by slope
 * `t` about column `cx`: the sum of squared differences between neighbouring bins (row counts).
 * A point (x, y) goes to bin floor(y - (x - cx) * t + offset), computed exactly so in floating point.
 */
export function profileSharpness(points: PointColumns, cx: number, t: number, offset: number, bins: Int32Array): number {
  bins.fill(0)
  const binCount = bins.length
  const { start, ys } = points
  for (let x = 0; x + 1 < start.length; x++) {
    const from = start[x]!, to = start[x + 1]!
    if (from === to) continue
    const shift = (x - cx) * t
    // The whole column moves by one whole number of bins unless y + offset - shift falls within
    // rounding error of a bin edge (then each point is binned as computed, edge cases and all).
    const r = offset - shift
    const whole = Math.floor(r)
    const fraction = r - whole
    if (fraction > 1e-9 && fraction < 1 - 1e-9 && ys[from]! + whole >= 0) {
      for (let i = from; i < to; i++) {
        const b = ys[i]! + whole
        if (b < binCount) bins[b]!++
      }
    } else {
      for (let i = from; i < to; i++) {
        const b = (ys[i]! - shift + offset) | 0
        if (b >= 0 && b < binCount) bins[b]!++
      }
    }
  }
  let s = 0
  for (let b = 1; b < binCount; b++) {
    const d = bins[b]! - bins[b - 1]!
    s += d * d
  }
  return s
}

/** Rotate by `degrees` (positive = clockwise) about the centre, bilinear, white outside. */
export function rotate(image: GreyImage, degrees: number): GreyImage {
  if (degrees === 0) return image
  const { width, height, data } = image
  const out = blankImage(width, height)
  const dst = out.data
  const a = (degrees * Math.PI) / 180
  const cos = Math.cos(a), sin = Math.sin(a)
  const cx = width / 2, cy = height / 2
  const maxX = width - 1, maxY = height - 1
  for (let y = 0; y < height; y++) {
    const dy = y - cy
    // Inverse mapping (where in the source each output pixel comes from), stepped along the row.
    let sx = -cx * cos + sin * dy + cx
    let sy = cx * sin + cos * dy + cy
    let o = y * width
    for (let x = 0; x < width; x++, sx += cos, sy -= sin, o++) {
      if (sx < 0 || sy < 0 || sx >= maxX || sy >= maxY) continue
      const x0 = sx | 0, y0 = sy | 0
      const fx = sx - x0, fy = sy - y0
      const i = y0 * width + x0
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx
      const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx
      dst[o] = (top + (bottom - top) * fy + 0.5) | 0
    }
  }
  return out
}

/** Maps a point of the deskewed image back to the original page image. */
export function unrotatePoint(x: number, y: number, degrees: number, width: number, height: number): [number, number] {
  if (degrees === 0) return [x, y]
  const a = (degrees * Math.PI) / 180
  const dx = x - width / 2, dy = y - height / 2
  return [Math.cos(a) * dx + Math.sin(a) * dy + width / 2, -Math.sin(a) * dx + Math.cos(a) * dy + height / 2]
}
