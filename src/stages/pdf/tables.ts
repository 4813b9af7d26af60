/**
 * Tables from ruling lines: rules that touch each other form a grid; grid slots not separated by
 * a drawn border merge into one cell (row/column spans); text runs go to the cell holding their
 * centre. A single box (a frame around a paragraph or the page) is not a table.
 */
import type { BBox } from '../../model/document.js'
import { cellText } from './lines.js'
import type { Rule } from './page-graphics.js'
import type { GlyphRun } from './text-runs.js'

export interface GridCell {
  readonly row: number
  readonly col: number
  readonly rowSpan: number
  readonly colSpan: number
  readonly bbox: BBox
  /** Lines of the cell joined by spaces. */
  readonly text: string
  /** The text runs in the cell. */
  readonly runs: readonly GlyphRun[]
}

export interface GridTable {
  readonly bbox: BBox
  /** Row boundaries (y) and column boundaries (x), top-left points. */
  readonly rowEdges: readonly number[]
  readonly colEdges: readonly number[]
  readonly cells: readonly GridCell[]
}

/** Rules this close (points) are the same line; endpoints this close touch. */
const SNAP = 2
/** A border separates two slots when it covers at least this share of their common edge. */
const EDGE_COVERAGE = 0.6

export function findTables(rules: readonly Rule[], runs: readonly GlyphRun[]): { tables: GridTable[]; freeRuns: GlyphRun[] } {
  const merged = mergeCollinear(rules)
  const components = connectedComponents(merged)
  const tables: GridTable[] = []
  let remaining = [...runs]
  for (const component of components) {
    const grid = buildGrid(component)
    if (!grid) continue
    const inside = (r: GlyphRun): boolean => contains(grid.bbox, centre(r.bbox))
    const table = fillGrid(grid, remaining.filter(inside))
    if (!table) continue
    tables.push(table)
    remaining = remaining.filter((r) => !inside(r))
  }
  tables.sort((p, q) => p.bbox.y0 - q.bbox.y0 || p.bbox.x0 - q.bbox.x0)
  return { tables, freeRuns: remaining }
}

function mergeCollinear(rules: readonly Rule[]): Rule[] {
  const out: Rule[] = []
  for (const orientation of ['h', 'v'] as const) {
    const sorted = rules.filter((r) => r.orientation === orientation).sort((p, q) => p.pos - q.pos || p.from - q.from)
    const lanes: Rule[][] = []
    for (const rule of sorted) {
      const lane = lanes.find((l) => Math.abs(l[0]!.pos - rule.pos) <= SNAP)
      if (lane) lane.push(rule)
      else lanes.push([rule])
    }
    for (const lane of lanes) {
      const pos = lane.reduce((s, r) => s + r.pos, 0) / lane.length
      const spans = lane.map((r) => [r.from, r.to] as [number, number]).sort((p, q) => p[0] - q[0])
      let [from, to] = spans[0]!
      for (const [f, t] of spans.slice(1)) {
        if (f <= to + SNAP) to = Math.max(to, t)
        else {
          out.push({ orientation, pos, from, to })
          ;[from, to] = [f, t]
        }
      }
      out.push({ orientation, pos, from, to })
    }
  }
  return out
}

function touches(h: Rule, v: Rule): boolean {
  return v.pos >= h.from - SNAP && v.pos <= h.to + SNAP && h.pos >= v.from - SNAP && h.pos <= v.to + SNAP
}

function connectedComponents(rules: readonly Rule[]): Rule[][] {
  const parent = rules.map((_, k) => k)
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)))
  for (let a = 0; a < rules.length; a++) {
    for (let b = a + 1; b < rules.length; b++) {
      const [p, q] = [rules[a]!, rules[b]!]
      if (p.orientation !== q.orientation && touches(p.orientation === 'h' ? p : q, p.orientation === 'h' ? q : p)) parent[find(a)] = find(b)
    }
  }
  const groups = new Map<number, Rule[]>()
  rules.forEach((r, k) => groups.set(find(k), [...(groups.get(find(k)) ?? []), r]))
  return [...groups.values()]
}

interface Grid {
  readonly bbox: BBox
  readonly xs: number[]
  readonly ys: number[]
  readonly horizontals: Rule[]
  readonly verticals: Rule[]
}

function buildGrid(component: readonly Rule[]): Grid | undefined {
  const horizontals = component.filter((r) => r.orientation === 'h')
  const verticals = component.filter((r) => r.orientation === 'v')
  if (horizontals.length === 0 || verticals.length === 0 || horizontals.length + verticals.length < 3) return undefined
  // A table split across pages is drawn open: its continuation has no top border (or the part
  // before the break no bottom one). Close it where the column rules end, and likewise at the sides.
  const top = Math.min(...verticals.map((r) => r.from))
  const bottom = Math.max(...verticals.map((r) => r.to))
  const left = Math.min(...horizontals.map((r) => r.from))
  const right = Math.max(...horizontals.map((r) => r.to))
  const ys0 = clusterPositions(horizontals.map((r) => r.pos))
  const xs0 = clusterPositions(verticals.map((r) => r.pos))
  const closing: Rule[] = []
  if (top < ys0[0]! - 2 * SNAP) closing.push({ orientation: 'h', pos: top, from: left, to: right })
  if (bottom > ys0.at(-1)! + 2 * SNAP) closing.push({ orientation: 'h', pos: bottom, from: left, to: right })
  if (left < xs0[0]! - 2 * SNAP) closing.push({ orientation: 'v', pos: left, from: top, to: bottom })
  if (right > xs0.at(-1)! + 2 * SNAP) closing.push({ orientation: 'v', pos: right, from: top, to: bottom })
  const allH = [...horizontals, ...closing.filter((r) => r.orientation === 'h')]
  const allV = [...verticals, ...closing.filter((r) => r.orientation === 'v')]
  const xs = clusterPositions(allV.map((r) => r.pos))
  const ys = clusterPositions(allH.map((r) => r.pos))
  if (xs.length < 2 || ys.length < 2) return undefined
  const bbox = { x0: xs[0]!, y0: ys[0]!, x1: xs.at(-1)!, y1: ys.at(-1)! }
  return { bbox, xs, ys, horizontals: allH, verticals: allV }
}

function clusterPositions(values: readonly number[]): number[] {
  const sorted = [...values].sort((p, q) => p - q)
  const out: number[][] = []
  for (const v of sorted) {
    const last = out.at(-1)
    if (last && v - last.at(-1)! <= SNAP) last.push(v)
    else out.push([v])
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length)
}

/** How much of [from, to] the rules at `pos` cover, 0-1. */
function coverage(rules: readonly Rule[], pos: number, from: number, to: number): number {
  let covered = 0
  for (const r of rules) {
    if (Math.abs(r.pos - pos) > SNAP) continue
    covered += Math.max(0, Math.min(to, r.to) - Math.max(from, r.from))
  }
  return to > from ? Math.min(1, covered / (to - from)) : 0
}

function fillGrid(grid: Grid, runs: readonly GlyphRun[]): GridTable | undefined {
  const { xs, ys } = grid
  const rows = ys.length - 1
  const cols = xs.length - 1
  const slot = (r: number, c: number): number => r * cols + c
  const parent = Array.from({ length: rows * cols }, (_, k) => k)
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)))
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && coverage(grid.verticals, xs[c + 1]!, ys[r]!, ys[r + 1]!) < EDGE_COVERAGE) parent[find(slot(r, c))] = find(slot(r, c + 1))
      if (r + 1 < rows && coverage(grid.horizontals, ys[r + 1]!, xs[c]!, xs[c + 1]!) < EDGE_COVERAGE) parent[find(slot(r, c))] = find(slot(r + 1, c))
    }
  }
  const regions = new Map<number, { r0: number; r1: number; c0: number; c1: number }>()
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(slot(r, c))
      const region = regions.get(root)
      if (!region) regions.set(root, { r0: r, r1: r, c0: c, c1: c })
      else Object.assign(region, { r0: Math.min(region.r0, r), r1: Math.max(region.r1, r), c0: Math.min(region.c0, c), c1: Math.max(region.c1, c) })
    }
  }
  if (regions.size < 2) return undefined // one box: a frame, not a table
  const cells: GridCell[] = []
  for (const { r0, r1, c0, c1 } of regions.values()) {
    const bbox = { x0: xs[c0]!, y0: ys[r0]!, x1: xs[c1 + 1]!, y1: ys[r1 + 1]! }
    const own = runs.filter((run) => contains(bbox, centre(run.bbox)))
    const text = cellText(own)
    cells.push({ row: r0, col: c0, rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1, bbox, text, runs: own })
  }
  cells.sort((p, q) => p.row - q.row || p.col - q.col)
  return { bbox: grid.bbox, rowEdges: ys, colEdges: xs, cells }
}

function centre(b: BBox): [number, number] {
  return [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]
}

function contains(b: BBox, [x, y]: [number, number]): boolean {
  return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1
}
