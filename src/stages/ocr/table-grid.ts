/**
 * Table structure from the page image: ruling lines are long runs of ink after deskew; the shared
 * grid builder (src/stages/grid) turns them into tables with spans (e.g. a tool-score cell
 * spanning the rows of its five indicators).
 */
import { buildTableGrids, type Ruling } from '../grid/build-grid.js'
import { skipWhite, wordsOf, type GreyImage } from './image.js'

export type { GridCell, Ruling, TableGrid } from '../grid/build-grid.js'

/** Shortest ruling found by default, inches. */
const MIN_RULING_INCHES = 0.2

export interface RulingOptions {
  /** Image resolution; lengths below scale with it. @default 300 */
  readonly dpi?: number
  /** Shortest ruling, inches. @default MIN_RULING_INCHES */
  readonly minLengthInches?: number
  /** Thickest ruling, inches (thicker runs are filled areas, not lines). @default 0.04 */
  readonly maxThicknessInches?: number
}

/** Finds horizontal and vertical rulings in a binary image (0 = ink). */
export function findRulings(binary: GreyImage, options: RulingOptions = {}): Ruling[] {
  const dpi = options.dpi ?? 300
  const minLength = Math.max(10, Math.round((options.minLengthInches ?? MIN_RULING_INCHES) * dpi))
  const maxThickness = Math.max(3, Math.round((options.maxThicknessInches ?? 0.04) * dpi))
  // Scanned rulings break up (JPEG, faint toner): bridge gaps this wide.
  const gap = Math.max(1, Math.round(dpi / 100))
  return withoutSlivers([
    ...mergeRuns(runs(binary, 'h', minLength, gap), 'h', maxThickness, gap),
    ...mergeRuns(runs(binary, 'v', minLength, gap), 'v', maxThickness, gap),
  ])
}

/**
 * Without the slivers of a ruling's own ink: a slightly skewed line's edge pixels come out as short
 * thin rulings right beside it, within its span (heldout-v6-06 200 dpi, page 4: pieces 40-50 px
 * long one pixel off a column border). The grid builder takes a ruling's ends for row (column)
 * lines, so a sliver split a wrapped row in two.
 */
export function withoutSlivers(rulings: readonly Ruling[]): Ruling[] {
  const besideLonger = (r: Ruling) =>
    rulings.some((l) => l !== r && l.orientation === r.orientation && l.to - l.from > r.to - r.from && l.from <= r.from && l.to >= r.to && Math.abs(l.pos - r.pos) <= (l.thickness + r.thickness) / 2 + 1)
  return rulings.filter((r) => !besideLonger(r))
}

interface Run {
  line: number
  from: number
  to: number
}

/**
 * Ink runs at least `minLength` long in every row ('h') or column ('v'), ordered by row (column)
 * then start. A run goes on over gaps of up to `gap` pixels of paper.
 */
function runs(binary: GreyImage, orientation: 'h' | 'v', minLength: number, gap: number): Run[] {
  const { width, height, data } = binary
  const words = wordsOf(data)
  // Both directions walk the image row by row, visiting only pixels that are not white: columns
  // keep their open run between rows.
  const lines = orientation === 'h' ? height : width
  const start = new Int32Array(lines).fill(-1)
  const lastInk = new Int32Array(lines).fill(-1)
  const byLine: Run[][] = Array.from({ length: lines }, () => [])
  const close = (line: number) => {
    if (lastInk[line]! - start[line]! + 1 >= minLength) byLine[line]!.push({ line, from: start[line]!, to: lastInk[line]! + 1 })
    start[line] = -1
  }
  const horizontal = orientation === 'h'
  for (let y = 0; y < height; y++) {
    const row = y * width
    const end = row + width
    for (let i = skipWhite(data, words, row, end); i < end; i = skipWhite(data, words, i + 1, end)) {
      if (data[i] !== 0) continue
      const line = horizontal ? y : i - row
      const k = horizontal ? i - row : y
      // Ink further than `gap` paper pixels from the run's last ink ends that run.
      if (start[line]! >= 0 && k - lastInk[line]! > gap + 1) close(line)
      if (start[line]! < 0) start[line] = k
      lastInk[line] = k
    }
  }
  for (let line = 0; line < lines; line++) if (start[line]! >= 0) close(line)
  return byLine.flat()
}

/** Runs on neighbouring rows (columns) that overlap become one ruling with a thickness. */
function mergeRuns(list: Run[], orientation: 'h' | 'v', maxThickness: number, gap: number): Ruling[] {
  interface Group { first: number; last: number; from: number; to: number; weight: number; sum: number }
  const open: Group[] = []
  const done: Group[] = []
  for (const run of list) {
    let target: Group | undefined
    for (const g of open) {
      if (run.line - g.last <= 1 && run.from < g.to + gap && run.to > g.from - gap) {
        target = g
        break
      }
    }
    if (target) {
      target.last = run.line
      target.from = Math.min(target.from, run.from)
      target.to = Math.max(target.to, run.to)
      const len = run.to - run.from
      target.weight += len
      target.sum += run.line * len
    } else {
      const len = run.to - run.from
      open.push({ first: run.line, last: run.line, from: run.from, to: run.to, weight: len, sum: run.line * len })
    }
    // Retire groups that can no longer grow.
    for (let i = open.length - 1; i >= 0; i--) if (run.line - open[i]!.last > 1) done.push(...open.splice(i, 1))
  }
  done.push(...open)
  return done
    .filter((g) => g.last - g.first + 1 <= maxThickness)
    .map((g) => ({ orientation, pos: g.sum / g.weight, from: g.from, to: g.to, thickness: g.last - g.first + 1 }))
}

/** The ruled tables among a page's rulings, tolerances from the resolution. */
export function pixelTableGrids(rulings: readonly Ruling[], dpi: number) {
  return buildTableGrids(rulings, { tol: Math.max(3, Math.round(dpi * 0.03)) })
}

/**
 * Cuts off the ends of vertical rulings that run on into a letter: a bold Thai heading whose
 * upper mark touches the row's top line (ตัวชี้วัดที่ in a title row that spans the columns)
 * makes one run of the column line above and the letter's stem, which would split the title
 * row. A ruling has paper on both sides; a letter has ink beside its stem. Walking in from each
 * end, rows with ink just beside the line are cut until a few clean rows in a row, and never more
 * than `maxTrimInches` (a crossing ruling is also ink beside the line: only a few rows).
 */
export function trimLetterTails(binary: GreyImage, rulings: readonly Ruling[], dpi: number, maxTrimInches = 0.3): Ruling[] {
  const maxTrim = Math.round(maxTrimInches * dpi)
  // What is left of a stem trimmed shorter than any ruling is a piece of the letter: the grid
  // builder joins it to the ruling beside it on its line and takes its ends for a row line
  // (heldout-02 200 dpi p3: a row split by a letter's 4 px remnant).
  const minLength = Math.round(MIN_RULING_INCHES * dpi)
  const clean = 4
  return rulings.map((r) => {
    if (r.orientation !== 'v') return r
    const x = Math.round(r.pos)
    const half = Math.ceil(r.thickness / 2) + 1
    const sideInk = (y: number) => {
      if (y < 0 || y >= binary.height) return false
      const row = y * binary.width
      for (let d = half + 1; d <= half + 3; d++) {
        if (x - d >= 0 && binary.data[row + x - d] === 0) return true
        if (x + d < binary.width && binary.data[row + x + d] === 0) return true
      }
      return false
    }
    /** How far in from `end` (stepping by `step`) the ruling is clean. */
    const cut = (end: number, step: 1 | -1) => {
      let run = 0
      for (let k = 0; k < maxTrim && k < r.to - r.from; k++) {
        if (sideInk(end + step * k)) run = 0
        else if (++run >= clean) return k + 1 - clean
      }
      return 0
    }
    const top = cut(r.from, 1)
    const bottom = cut(r.to - 1, -1)
    return top === 0 && bottom === 0 ? r : { ...r, from: r.from + top, to: r.to - bottom }
  }).filter((r, i) => r === rulings[i] || r.to - r.from >= minLength)
}
