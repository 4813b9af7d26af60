/**
 * Tables ruled only across (a rule under every row, no column lines: heldout-v3-01, v6-05): the
 * rows are the bands between the horizontal rules, the columns come from where the bands' text
 * lies side by side (src/stages/grid/columns.ts), and a rule that stops short of a column leaves
 * that column's cell spanning the rows on both sides (an indicator beside its items). A table
 * whose text does not fall into columns is left to the page's lines: no cell is made up.
 */
import { columnsFromRows, type Placed, type Span } from '../grid/columns.js'
import type { GridCell, Ruling, TableGrid } from '../grid/build-grid.js'
import { wordsOf, skipWhite, type GreyImage, type PixelBox } from './image.js'

/** Shortest rule taken for a table's row border, inches (shorter ones are bold letters' strokes). */
const MIN_RULE_INCHES = 1.5
/** Tallest row between two rules, inches (further apart, the rules are of different tables). */
const MAX_ROW_INCHES = 3
/** Narrowest gap between two columns' text, inches (wider than a word space). */
const MIN_COLUMN_GAP_INCHES = 0.1

export function acrossTableGrids(binary: GreyImage, rulings: readonly Ruling[], ruled: readonly TableGrid[], dpi: number): TableGrid[] {
  const tol = Math.max(3, Math.round(dpi * 0.03))
  const inRuled = (r: Ruling) => ruled.some((g) => r.pos >= g.box.y0 - tol && r.pos <= g.box.y1 + tol && r.to > g.box.x0 && r.from < g.box.x1)
  const rules = rulings.filter((r) => r.orientation === 'h' && r.to - r.from >= MIN_RULE_INCHES * dpi && !inRuled(r))
  return ruleGroups(rules, dpi, tol).flatMap((group) => {
    const grid = gridOfGroup(binary, group, dpi, tol)
    return grid ? [grid] : []
  })
}

/**
 * Rules stacked one under another with no more than a row between them, each of them reaching
 * the right or left end of the longest (a rule under an item stops short of the indicator
 * column beside it, at the table's left).
 */
function ruleGroups(rules: readonly Ruling[], dpi: number, tol: number): Ruling[][] {
  const groups: Ruling[][] = []
  for (const rule of [...rules].sort((a, b) => a.pos - b.pos)) {
    const group = groups.at(-1)
    const last = group?.at(-1)
    const left = group ? Math.min(...group.map((r) => r.from)) : 0
    const right = group ? Math.max(...group.map((r) => r.to)) : 0
    const ends = Math.abs(rule.from - left) <= 2 * tol || Math.abs(rule.to - right) <= 2 * tol
    if (group && last && rule.pos - last.pos <= MAX_ROW_INCHES * dpi && ends && rule.from >= left - 2 * tol && rule.to <= right + 2 * tol) group.push(rule)
    else if (group && last && Math.abs(rule.pos - last.pos) <= tol && ends) group.push(rule)
    else groups.push([rule])
  }
  return groups
}

/** The row lines of a group: its rules' positions, those within `tol` of each other one line. */
function ruleLines(group: readonly Ruling[], tol: number): number[] {
  const out: number[] = []
  for (const p of group.map((r) => r.pos).sort((a, b) => a - b)) if (out.length === 0 || p - out.at(-1)! > tol) out.push(p)
  return out
}

function gridOfGroup(binary: GreyImage, group: readonly Ruling[], dpi: number, tol: number): TableGrid | undefined {
  let lines = ruleLines(group, tol)
  if (lines.length < 3) return undefined
  const thickness = Math.max(...group.map((r) => r.thickness))
  const x0 = Math.min(...group.map((r) => r.from))
  const x1 = Math.max(...group.map((r) => r.to))
  const margin = Math.ceil(thickness / 2) + Math.max(2, Math.round(dpi / 100))
  let bands = lines.slice(0, -1).map((y, k) => textPieces(binary, { x0, x1, y0: Math.round(y + margin), y1: Math.round(lines[k + 1]! - margin) }, dpi))
  // A title above the table (one piece across it) or a note under it is text around the table, as
  // the PDF reader's text tables leave it.
  while (bands.length > 0 && bands[0]!.length <= 1) [bands, lines] = [bands.slice(1), lines.slice(1)]
  while (bands.length > 0 && bands.at(-1)!.length <= 1) [bands, lines] = [bands.slice(0, -1), lines.slice(0, -1)]
  if (bands.length < 2) return undefined
  const found = columnsFromRows(bands, { slack: Math.round(MIN_COLUMN_GAP_INCHES * dpi) })
  if (!found || found.columns.length < 2) return undefined
  const colLines = [x0, ...found.columns.slice(1).map((_, k) => columnLine(found.cells.flat(), k + 1, found.columns)), x1]
  const cells = spannedCells(found.cells, lines, colLines, group, tol)
  if (!cells) return undefined
  return { box: { x0, y0: lines[0]!, x1, y1: lines.at(-1)! }, rowLines: lines, colLines, cells, lineThickness: thickness }
}

/**
 * The line before column `k`: in the middle of the gap between every cell's text that ends left
 * of it and every cell's text that starts right of it (a row's text in a column may reach further
 * than the rows the columns were taken from), or between the two columns when those overlap.
 */
function columnLine(cells: readonly Placed[], k: number, columns: readonly Span[]): number {
  const left = Math.max(columns[k - 1]!.x1, ...cells.filter((c) => c.col + c.colSpan === k).map((c) => c.x1))
  const right = Math.min(columns[k]!.x0, ...cells.filter((c) => c.col === k).map((c) => c.x0))
  return Math.round(left < right ? (left + right) / 2 : (columns[k - 1]!.x1 + columns[k]!.x0) / 2)
}

/**
 * The cells: each band's placed pieces, a cell going on down into the next band where the rule
 * between them covers less than half of its columns. Undefined when the spans do not make
 * rectangles (the text and the rules disagree).
 */
function spannedCells(placed: readonly { col: number; colSpan: number }[][], rowLines: readonly number[], colLines: readonly number[], group: readonly Ruling[], tol: number): GridCell[] | undefined {
  const rows = placed.length
  const cols = colLines.length - 1
  const parent = Array.from({ length: rows * cols }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b)
  }
  const inked = new Set<number>()
  placed.forEach((cells, r) => {
    for (const c of cells) {
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        inked.add(r * cols + k)
        if (k > c.col) join(r * cols + k - 1, r * cols + k)
      }
    }
  })
  for (let r = 0; r + 1 < rows; r++) {
    const rules = group.filter((g) => Math.abs(g.pos - rowLines[r + 1]!) <= tol)
    for (let c = 0; c < cols; c++) {
      const [a, b] = [colLines[c]!, colLines[c + 1]!]
      const covered = rules.reduce((sum, g) => sum + Math.max(0, Math.min(b, g.to) - Math.max(a, g.from)), 0)
      if (covered < 0.5 * (b - a)) join(r * cols + c, (r + 1) * cols + c)
    }
  }
  const members = new Map<number, number[]>()
  for (let i = 0; i < rows * cols; i++) members.set(find(i), [...(members.get(find(i)) ?? []), i])
  const cells: GridCell[] = []
  for (const list of members.values()) {
    if (!list.some((i) => inked.has(i))) continue
    const rs = list.map((i) => Math.floor(i / cols))
    const cs = list.map((i) => i % cols)
    const row = Math.min(...rs), col = Math.min(...cs)
    const rowEnd = Math.max(...rs) + 1, colEnd = Math.max(...cs) + 1
    if ((rowEnd - row) * (colEnd - col) !== list.length) return undefined
    cells.push({ row, col, rowSpan: rowEnd - row, colSpan: colEnd - col, box: { x0: colLines[col]!, y0: rowLines[row]!, x1: colLines[colEnd]!, y1: rowLines[rowEnd]! } })
  }
  return cells.sort((a, b) => a.row - b.row || a.col - b.col)
}

/**
 * A band's pieces of text, left to right: its columns with ink, runs closer than a column gap
 * joined, specks (less ink than a small letter) dropped first.
 */
export function textPieces(binary: GreyImage, box: PixelBox, dpi: number): Span[] {
  const { width, data } = binary
  const x0 = Math.max(0, Math.floor(box.x0)), x1 = Math.min(width, Math.ceil(box.x1))
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(binary.height, Math.ceil(box.y1))
  if (x1 <= x0 || y1 <= y0) return []
  const ink = new Uint32Array(x1 - x0)
  const words = wordsOf(data)
  for (let y = y0; y < y1; y++) {
    const end = y * width + x1
    for (let i = skipWhite(data, words, y * width + x0, end); i < end; i = skipWhite(data, words, i + 1, end)) if (data[i] === 0) ink[i - y * width - x0]! += 1
  }
  const minInk = Math.round((dpi / 40) ** 2)
  // Letters and their parts first (a speck alone is noise, even in a gap between columns), then
  // pieces of text: letters closer than a column gap.
  const letters = runsOf(ink, Math.max(2, Math.round(dpi / 70))).filter((r) => r.ink >= minInk)
  const pieces: { x0: number; x1: number }[] = []
  for (const l of letters) {
    const last = pieces.at(-1)
    if (last && l.x0 - last.x1 < MIN_COLUMN_GAP_INCHES * dpi) last.x1 = l.x1
    else pieces.push({ x0: l.x0, x1: l.x1 })
  }
  return pieces.map((r) => ({ x0: r.x0 + x0, x1: r.x1 + x0 }))
}

/** Runs of columns with ink, over gaps narrower than `gap`, with their ink. */
function runsOf(ink: Uint32Array, gap: number): { x0: number; x1: number; ink: number }[] {
  const runs: { x0: number; x1: number; ink: number }[] = []
  for (let x = 0; x < ink.length; x++) {
    if (ink[x] === 0) continue
    const last = runs.at(-1)
    if (last && x - last.x1 < gap) {
      last.x1 = x + 1
      last.ink += ink[x]!
    } else runs.push({ x0: x, x1: x + 1, ink: ink[x]! })
  }
  return runs
}
