/**
 * Table structure from the page image: ruling lines (long runs of ink after deskew) are grouped
 * into tables, their positions give the grid, and missing rulings inside the grid give row and
 * column spans (e.g. a tool-score cell spanning the rows of its five indicators).
 */
import { skipWhite, wordsOf, type GreyImage, type PixelBox } from './image.js'

/** A ruling: a long thin run of ink. Horizontal ones have `pos` = y, vertical ones `pos` = x. */
export interface Ruling {
  readonly orientation: 'h' | 'v'
  /** Centre across the line. */
  readonly pos: number
  /** Extent along the line. */
  readonly from: number
  readonly to: number
  readonly thickness: number
}

export interface GridCell {
  readonly row: number
  readonly col: number
  readonly rowSpan: number
  readonly colSpan: number
  /** The cell between its rulings (ruling centres), pixels. */
  readonly box: PixelBox
}

export interface TableGrid {
  readonly box: PixelBox
  /** Row boundaries (y), top to bottom; rows = rowLines.length - 1. */
  readonly rowLines: number[]
  /** Column boundaries (x), left to right. */
  readonly colLines: number[]
  readonly cells: GridCell[]
  /** Thickest ruling, pixels: how far to stay away from the lines when cropping cells. */
  readonly lineThickness: number
}

export interface RulingOptions {
  /** Image resolution; lengths below scale with it. @default 300 */
  readonly dpi?: number
  /** Shortest ruling, inches. @default 0.2 */
  readonly minLengthInches?: number
  /** Thickest ruling, inches (thicker runs are filled areas, not lines). @default 0.04 */
  readonly maxThicknessInches?: number
}

/** Finds horizontal and vertical rulings in a binary image (0 = ink). */
export function findRulings(binary: GreyImage, options: RulingOptions = {}): Ruling[] {
  const dpi = options.dpi ?? 300
  const minLength = Math.max(10, Math.round((options.minLengthInches ?? 0.2) * dpi))
  const maxThickness = Math.max(3, Math.round((options.maxThicknessInches ?? 0.04) * dpi))
  // Scanned rulings break up (JPEG, faint toner): bridge gaps this wide.
  const gap = Math.max(1, Math.round(dpi / 100))
  return [
    ...mergeRuns(runs(binary, 'h', minLength, gap), 'h', maxThickness, gap),
    ...mergeRuns(runs(binary, 'v', minLength, gap), 'v', maxThickness, gap),
  ]
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

export interface GridOptions {
  readonly dpi?: number
}

/** Groups rulings that touch into tables and builds each table's grid with spans. */
export function buildTableGrids(rulings: readonly Ruling[], options: GridOptions = {}): TableGrid[] {
  const dpi = options.dpi ?? 300
  const tol = Math.max(3, Math.round(dpi * 0.03))
  const hs = rulings.filter((r) => r.orientation === 'h')
  const vs = rulings.filter((r) => r.orientation === 'v')
  // Union-find over rulings: a horizontal and a vertical ruling that cross or meet are one table.
  const parent = rulings.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const index = new Map(rulings.map((r, i) => [r, i]))
  for (const h of hs) {
    for (const v of vs) {
      if (v.pos >= h.from - tol && v.pos <= h.to + tol && h.pos >= v.from - tol && h.pos <= v.to + tol) {
        parent[find(index.get(h)!)] = find(index.get(v)!)
      }
    }
  }
  const groups = new Map<number, Ruling[]>()
  rulings.forEach((r, i) => {
    const root = find(i)
    groups.set(root, [...(groups.get(root) ?? []), r])
  })
  const grids: TableGrid[] = []
  for (const group of groups.values()) {
    const gh = group.filter((r) => r.orientation === 'h')
    const gv = group.filter((r) => r.orientation === 'v')
    // One horizontal is enough when the verticals share an open end: the top or bottom part of a
    // table that a page break cut.
    if (gh.length < 1 || gv.length < 2) continue
    const grid = gridFromRulings(gh, gv, tol)
    if (grid) grids.push(grid)
  }
  return grids.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0)
}

/** Cluster positions closer than `tol`; returns the weighted centre of each cluster. */
function clusterPositions(rulings: readonly Ruling[], tol: number): number[] {
  const sorted = [...rulings].sort((a, b) => a.pos - b.pos)
  const out: { sum: number; weight: number; last: number }[] = []
  for (const r of sorted) {
    const len = r.to - r.from
    const c = out.at(-1)
    if (c && r.pos - c.last <= tol) {
      c.sum += r.pos * len
      c.weight += len
      c.last = r.pos
    } else out.push({ sum: r.pos * len, weight: len, last: r.pos })
  }
  return out.map((c) => c.sum / c.weight)
}

/** Joins collinear pieces of one ruling broken by faint toner or JPEG (gaps up to `maxGap`). */
function joinCollinear(list: Ruling[], tol: number, maxGap: number): Ruling[] {
  const sorted = [...list].sort((a, b) => a.pos - b.pos || a.from - b.from)
  const out: Ruling[] = []
  for (const r of sorted) {
    const prev = out.findLast((o) => Math.abs(o.pos - r.pos) <= tol && r.from - o.to <= maxGap && r.to >= o.from)
    if (prev) {
      const i = out.indexOf(prev)
      out[i] = { ...prev, from: Math.min(prev.from, r.from), to: Math.max(prev.to, r.to), thickness: Math.max(prev.thickness, r.thickness) }
    } else out.push(r)
  }
  return out
}

/** Rulings whose both ends meet a crossing boundary: table lines do, strokes of letters do not. */
function spansBoundaries(list: Ruling[], boundaries: number[], tol: number): Ruling[] {
  const near = (v: number) => boundaries.some((b) => Math.abs(b - v) <= tol)
  return list.filter((r) => near(r.from) && near(r.to))
}

/** Heights where at least two verticals start or stop together (within `tol`). */
function sharedEnds(vs: Ruling[], tol: number): number[] {
  const ends = vs.flatMap((v) => [v.from, v.to]).sort((a, b) => a - b)
  const out: number[] = []
  for (let i = 0; i < ends.length; ) {
    let j = i
    while (j + 1 < ends.length && ends[j + 1]! - ends[i]! <= tol) j++
    if (j > i) out.push(ends.slice(i, j + 1).reduce((a, b) => a + b, 0) / (j - i + 1))
    i = j + 1
  }
  return out
}

/** Removes (in place) the fainter of two positions closer than `min` (less ruling length on it). */
function dropCrowded(lines: number[], min: number, rulings: readonly Ruling[], tol: number): void {
  const weight = (pos: number) => rulings.filter((r) => Math.abs(r.pos - pos) <= tol).reduce((a, r) => a + (r.to - r.from) * r.thickness, 0)
  for (let i = 1; i < lines.length; ) {
    if (lines[i]! - lines[i - 1]! < min) lines.splice(weight(lines[i]!) > weight(lines[i - 1]!) ? i - 1 : i, 1)
    else i++
  }
}

/** Sorted positions with those closer than `tol` to the previous one dropped. */
function mergeClose(positions: number[], tol: number): number[] {
  const out: number[] = []
  for (const p of [...positions].sort((a, b) => a - b)) if (out.length === 0 || p - out.at(-1)! > tol) out.push(p)
  return out
}

function gridFromRulings(allHs: Ruling[], allVs: Ruling[], tol: number): TableGrid | undefined {
  const hs0 = joinCollinear(allHs, Math.max(2, tol / 3), tol * 2)
  const vs0 = joinCollinear(allVs, Math.max(2, tol / 3), tol * 2)
  // Alternate: verticals must run between horizontal boundaries and horizontals between vertical
  // ones. The outermost lines of each kind define the first boundaries.
  // A table cut by the page break has no closing ruling: its verticals just stop, all at the same
  // height. Such a shared end counts as a row boundary.
  const openEnds = sharedEnds(vs0, tol)
  const rowCandidates = [...clusterPositions(hs0, tol), ...openEnds].sort((a, b) => a - b)
  const hs = spansBoundaries(hs0, clusterPositions(spansBoundaries(vs0, rowCandidates, tol * 2), tol), tol * 2)
  const vs = spansBoundaries(vs0, [...clusterPositions(hs, tol), ...openEnds], tol * 2)
  if (vs.length < 2 || hs.length < 1) return undefined
  const ruled = clusterPositions(hs, tol)
  const rowLines = mergeClose(
    [...ruled, ...openEnds.filter((y) => ruled.every((r) => Math.abs(r - y) > tol) && vs.some((v) => Math.abs(v.to - y) <= tol || Math.abs(v.from - y) <= tol))],
    tol,
  )
  // No row is thinner than a line of text: a second ruling a hair under the first (a double
  // border, a scanner ghost) is not a row of its own.
  dropCrowded(rowLines, 4 * tol, hs, tol)
  if (rowLines.length < 2) return undefined
  // A column line runs through at least one row boundary somewhere; a vertical confined to one
  // row at an x no longer line shares is a stroke of large or bold text (a header's letters).
  // In a table of one row (the end of a table a page break cut) every column line spans it whole.
  const spansTable = (v: Ruling) => Math.abs(v.from - rowLines[0]!) <= 2 * tol && Math.abs(v.to - rowLines.at(-1)!) <= 2 * tol
  const crossesRow = (v: Ruling) => rowLines.some((y) => y > v.from + tol && y < v.to - tol) || (rowLines.length === 2 && spansTable(v))
  const columnRulings = vs.filter((v) => crossesRow(v) || vs.some((o) => o !== v && crossesRow(o) && Math.abs(o.pos - v.pos) <= tol))
  if (columnRulings.length < 2) return undefined
  const colLines = clusterPositions(columnRulings, tol)
  dropCrowded(colLines, 4 * tol, columnRulings, tol)
  if (colLines.length < 2) return undefined
  if (rowLines.length < 2 || colLines.length < 2) return undefined
  const rows = rowLines.length - 1
  const cols = colLines.length - 1
  const nearest = (lines: number[], pos: number) => {
    let best = 0
    for (let i = 1; i < lines.length; i++) if (Math.abs(lines[i]! - pos) < Math.abs(lines[best]! - pos)) best = i
    return best
  }
  /** Share of [from, to] covered by rulings of `list` sitting on boundary `line`. */
  const coverage = (list: Ruling[], lines: number[], line: number, from: number, to: number) => {
    const segs = list
      .filter((r) => nearest(lines, r.pos) === line && Math.abs(r.pos - lines[line]!) <= tol)
      .map((r) => [Math.max(from, r.from), Math.min(to, r.to)] as const)
      .filter(([a, b]) => b > a)
      .sort((a, b) => a[0] - b[0])
    let covered = 0, end = from
    for (const [a, b] of segs) {
      if (b <= end) continue
      covered += b - Math.max(a, end)
      end = b
    }
    return covered / Math.max(1, to - from)
  }
  // Which neighbouring grid positions are separated by a ruling.
  const parent = Array.from({ length: rows * cols }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b)
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && coverage(columnRulings, colLines, c + 1, rowLines[r]!, rowLines[r + 1]!) < 0.5) union(r * cols + c, r * cols + c + 1)
      if (r + 1 < rows && coverage(hs, rowLines, r + 1, colLines[c]!, colLines[c + 1]!) < 0.5) union(r * cols + c, (r + 1) * cols + c)
    }
  }
  const members = new Map<number, number[]>()
  for (let i = 0; i < rows * cols; i++) members.set(find(i), [...(members.get(find(i)) ?? []), i])
  const cells: GridCell[] = []
  for (const list of members.values()) {
    const rs = list.map((i) => Math.floor(i / cols))
    const cs = list.map((i) => i % cols)
    const row = Math.min(...rs), col = Math.min(...cs)
    const rowEnd = Math.max(...rs) + 1, colEnd = Math.max(...cs) + 1
    cells.push({
      row,
      col,
      rowSpan: rowEnd - row,
      colSpan: colEnd - col,
      box: { x0: colLines[col]!, y0: rowLines[row]!, x1: colLines[colEnd]!, y1: rowLines[rowEnd]! },
    })
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col)
  const lineThickness = Math.max(...hs.map((r) => r.thickness), ...columnRulings.map((r) => r.thickness))
  return {
    box: { x0: colLines[0]!, y0: rowLines[0]!, x1: colLines.at(-1)!, y1: rowLines.at(-1)! },
    rowLines,
    colLines,
    cells,
    lineThickness,
  }
}
