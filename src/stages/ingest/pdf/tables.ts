/**
 * Tables from ruling lines: rules that touch each other form a grid; grid slots not separated by
 * a drawn border merge into one cell (row/column spans); text runs go to the cell holding their
 * centre. A single box (a frame around a paragraph or the page) is not a table.
 */
import type { BBox } from '../../../model/document.js'
import { buildTableGrids, type Ruling, type TableGrid } from '../../grid/build-grid.js'
import { cellText, paragraphPitch } from './lines.js'
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

export function findTables(rules: readonly Rule[], runs: readonly GlyphRun[]): { tables: GridTable[]; freeRuns: GlyphRun[] } {
  // The grid builder the OCR path uses too (src/stages/grid): vector rules are exact rulings one
  // point thick. A single box (a frame) is no table; a table drawn without side borders is closed
  // where its horizontal rules end.
  const rulings: Ruling[] = rules.map((r) => ({ ...r, thickness: 1 }))
  const grids = buildTableGrids(rulings, { tol: SNAP, minCells: 2, closeSides: true, drawn: true })
  const tables: GridTable[] = []
  let remaining = [...runs]
  for (const grid of grids) {
    const inside = (r: GlyphRun): boolean => contains(grid.box, centre(r.bbox))
    tables.push(fillGrid(grid, remaining.filter(inside)))
    remaining = remaining.filter((r) => !inside(r))
  }
  tables.sort((p, q) => p.bbox.y0 - q.bbox.y0 || p.bbox.x0 - q.bbox.x0)
  return { tables, freeRuns: remaining }
}

/** Each cell gets the text runs whose centre it holds, its lines joined by spaces. */
function fillGrid(grid: TableGrid, runs: readonly GlyphRun[]): GridTable {
  const owned = grid.cells.map(({ box }) => runs.filter((run) => contains(box, centre(run.bbox))))
  const pitch = paragraphPitch(owned)
  const cells: GridCell[] = grid.cells.map(({ row, col, rowSpan, colSpan, box }, k) => {
    const own = owned[k]!
    const text = cellText(own, { box, ...(pitch !== undefined && { pitch }) })
    return { row, col, rowSpan, colSpan, bbox: box, text, runs: own }
  })
  return { bbox: grid.box, rowEdges: grid.rowLines, colEdges: grid.colLines, cells }
}

function centre(b: BBox): [number, number] {
  return [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]
}

function contains(b: BBox, [x, y]: [number, number]): boolean {
  return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1
}
