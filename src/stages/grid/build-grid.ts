/**
 * One grid builder for ruled tables, whatever found the rulings: the OCR path's rulings come from
 * long runs of ink in the page image (pixels), the PDF path's from the drawn paths of the page
 * (points). Rulings that touch are grouped into tables; their positions give the row and column
 * lines; broken pieces of one ruling are joined; strokes of letters (short verticals in one row)
 * are not column lines; and a missing ruling between two grid positions makes a spanning cell.
 * Lengths are in the unit of the rulings, scaled by `tol`.
 */

/** A ruling: a long thin line. Horizontal ones have `pos` = y, vertical ones `pos` = x. */
export interface Ruling {
  readonly orientation: 'h' | 'v'
  /** Centre across the line. */
  readonly pos: number
  /** Extent along the line. */
  readonly from: number
  readonly to: number
  readonly thickness: number
}

export interface Box {
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
}

export interface GridCell {
  readonly row: number
  readonly col: number
  readonly rowSpan: number
  readonly colSpan: number
  /** The cell between its rulings (ruling centres). */
  readonly box: Box
}

export interface TableGrid {
  readonly box: Box
  /** Row boundaries (y), top to bottom; rows = rowLines.length - 1. */
  readonly rowLines: number[]
  /** Column boundaries (x), left to right. */
  readonly colLines: number[]
  readonly cells: GridCell[]
  /** Thickest ruling: how far to stay away from the lines when cropping cells. */
  readonly lineThickness: number
}

export interface GridOptions {
  /**
   * How far apart two rulings may be and still be one line, in the rulings' unit: about 0.03
   * inch (2 points; 6 pixels at 200 dpi). Gaps, row heights and ends scale with it.
   */
  readonly tol: number
  /** Fewest cells a table has; a single ruled box (a frame around text) is no table with 2. @default 1 */
  readonly minCells?: number
  /**
   * Close a table drawn without side borders where its horizontal rules end (exact vector rules;
   * in a scan, a horizontal rule's end is not trusted that far). @default false
   */
  readonly closeSides?: boolean
  /**
   * The rulings are drawn lines (a PDF's vector paths), never strokes of letters: a vertical
   * confined to one row is a column line there. @default false
   */
  readonly drawn?: boolean
}

/** Verticals where the horizontals run past the outermost verticals, from the verticals' top to bottom. */
function closingSides(hs: readonly Ruling[], vs: readonly Ruling[], tol: number): Ruling[] {
  const left = Math.min(...hs.map((r) => r.from))
  const right = Math.max(...hs.map((r) => r.to))
  const top = Math.min(...vs.map((r) => r.from))
  const bottom = Math.max(...vs.map((r) => r.to))
  const xs = vs.map((r) => r.pos)
  const side = (pos: number): Ruling => ({ orientation: 'v', pos, from: top, to: bottom, thickness: 1 })
  return [...(left < Math.min(...xs) - 2 * tol ? [side(left)] : []), ...(right > Math.max(...xs) + 2 * tol ? [side(right)] : [])]
}

/** Groups rulings that touch into tables and builds each table's grid with spans. */
export function buildTableGrids(rulings: readonly Ruling[], options: GridOptions): TableGrid[] {
  const { tol } = options
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
  // A ruling that goes on along the same line from another's end is of its table: a border of a cell
  // spanning rows (columns) is drawn one piece a grid row (Chromium), and a piece between two rows
  // ruled only elsewhere in the table crosses no ruling of its own.
  for (const list of [hs, vs]) {
    for (const a of list) {
      for (const b of list) {
        if (a !== b && Math.abs(a.pos - b.pos) <= tol && b.from <= a.to + tol && b.to >= a.from - tol) parent[find(index.get(a)!)] = find(index.get(b)!)
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
    if (options.closeSides && gh.length > 0 && gv.length > 0) gv.push(...closingSides(gh, gv, tol))
    if (gh.length < 1 || gv.length < 2) continue
    const grid = gridFromRulings(gh, gv, tol, options.drawn === true)
    if (grid && grid.cells.length >= (options.minCells ?? 1)) grids.push(grid)
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

/**
 * Rulings that run between crossing boundaries: both ends meet one, or one end does and the
 * ruling crosses a whole row (column) past it (a scanned ruling that broke off inside a row).
 * Table lines do; strokes of letters do not.
 */
function spansBoundaries(list: Ruling[], boundaries: number[], tol: number): Ruling[] {
  const near = (v: number) => boundaries.some((b) => Math.abs(b - v) <= tol)
  const crossed = (r: Ruling) => boundaries.filter((b) => b > r.from + tol && b < r.to - tol).length
  return list.filter((r) => (near(r.from) && near(r.to)) || ((near(r.from) || near(r.to)) && crossed(r) >= 1))
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

function gridFromRulings(allHs: Ruling[], allVs: Ruling[], tol: number, drawn: boolean): TableGrid | undefined {
  // Scanned rulings break (JPEG, faint toner, noise): pieces on one line join over gaps up to
  // about 0.12 inch, shorter than any character a gap could hide.
  const hs0 = joinCollinear(allHs, Math.max(2, tol / 3), tol * 4)
  const vs0 = joinCollinear(allVs, Math.max(2, tol / 3), tol * 4)
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
  const columnRulings = drawn ? vs : vs.filter((v) => crossesRow(v) || vs.some((o) => o !== v && crossesRow(o) && Math.abs(o.pos - v.pos) <= tol))
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
  /**
   * Whether rulings of `list` on boundary `line` separate the two grid positions along [from, to]:
   * they cover at least half of it and reach both of its ends. A ruling that runs into a row
   * and stops there is a letter stroke its run joined (the ink of ตัวชี้วัดที่ touching the
   * column line above a title row that spans it), not a border; a ruling broken by a scan's gaps
   * still reaches both ends.
   */
  const separates = (list: Ruling[], lines: number[], line: number, from: number, to: number) => {
    const segs = list
      .filter((r) => nearest(lines, r.pos) === line && Math.abs(r.pos - lines[line]!) <= tol)
      .map((r) => [Math.max(from, r.from), Math.min(to, r.to)] as const)
      .filter(([a, b]) => b > a)
      .sort((a, b) => a[0] - b[0])
    if (segs.length === 0) return false
    let covered = 0, end = from
    for (const [a, b] of segs) {
      if (b <= end) continue
      covered += b - Math.max(a, end)
      end = b
    }
    const reach = 2 * tol
    return covered / Math.max(1, to - from) >= 0.5 && segs[0]![0] <= from + reach && end >= to - reach
  }
  // Which neighbouring grid positions are separated by a ruling.
  const parent = Array.from({ length: rows * cols }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b)
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !separates(columnRulings, colLines, c + 1, rowLines[r]!, rowLines[r + 1]!)) union(r * cols + c, r * cols + c + 1)
      if (r + 1 < rows && !separates(hs, rowLines, r + 1, colLines[c]!, colLines[c + 1]!)) union(r * cols + c, (r + 1) * cols + c)
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
