import { describe, expect, it } from 'vitest'
import { buildTableGrids, type Ruling } from './build-grid.js'

const h = (pos: number, from: number, to: number, thickness = 2): Ruling => ({ orientation: 'h', pos, from, to, thickness })
const v = (pos: number, from: number, to: number, thickness = 2): Ruling => ({ orientation: 'v', pos, from, to, thickness })

/** Rows and columns of a scanned detail list at 200 dpi (train-02-issue20, page 4). */
const ROWS = [134, 198, 309, 371, 436, 500, 565, 627, 692, 757, 821, 884, 994]
const COLS = [158, 281, 1281, 1526]
const frame = (verticals: Ruling[]) => [...ROWS.map((y) => h(y, COLS[0]!, COLS.at(-1)!)), ...verticals]
const spans = (rulings: Ruling[]) => buildTableGrids(rulings, { tol: 6 }).map((g) => g.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).length)

describe('buildTableGrids', () => {
  it('gives the plain grid of whole rulings', () => {
    const [grid] = buildTableGrids(frame(COLS.map((x) => v(x, ROWS[0]!, ROWS.at(-1)!))), { tol: 6 })
    expect(grid?.rowLines).toHaveLength(13)
    expect(grid?.colLines).toHaveLength(4)
    expect(grid?.cells).toHaveLength(12 * 3)
  })

  it('bridges a gap in a scanned column ruling whose piece ends inside a row (issue 11: "014 | แผน..." read as one cell)', () => {
    // The code column's ruling broke in the middle of row 10 (JPEG, faint toner): 133-802, then 820 on.
    const broken = [v(158, 134, 994), v(281, 133, 758), v(282, 762, 802, 1), v(281, 820, 994), v(1281, 134, 994), v(1526, 134, 994)]
    expect(spans(frame(broken))).toEqual([0])
  })

  it('keeps a span where the ruling is really missing (a row of a title across the columns)', () => {
    const missing = [v(158, 134, 994), v(281, 198, 994), v(1281, 134, 994), v(1526, 134, 994)]
    const [grid] = buildTableGrids(frame(missing), { tol: 6 })
    expect(grid?.cells[0]).toMatchObject({ row: 0, col: 0, colSpan: 2, rowSpan: 1 })
  })

  it('does not take a short vertical inside one row (a letter stroke) for a column line', () => {
    const withStroke = [...COLS.map((x) => v(x, ROWS[0]!, ROWS.at(-1)!)), v(700, 140, 190)]
    const [grid] = buildTableGrids(frame(withStroke), { tol: 6 })
    expect(grid?.colLines).toHaveLength(4)
  })

  it('keeps border pieces drawn one grid row at a time where no ruling crosses them (Chromium, blind-v9-01 page 7)', () => {
    // A title row across the table, then a header whose two left cells span three rows beside a
    // period cell over two years of months. Chromium draws each border per grid row: the pieces of
    // the left cells' borders between the period's inner rules (y 20-30) meet no horizontal.
    const rows = [0, 10, 20, 30, 40, 90]
    const xs = [0, 60, 120, 160, 200]
    const hs = [h(0, 0, 200), h(10, 0, 200), h(20, 120, 200), h(30, 120, 200), h(40, 0, 200), h(90, 0, 200)]
    const perRow = (x: number, top: number) => rows.slice(0, -1).flatMap((y, k) => (y >= top ? [v(x, y, rows[k + 1]!)] : []))
    const vs = [...perRow(0, 0), ...perRow(60, 10), ...perRow(120, 10), v(160, 20, 30), ...perRow(160, 30), ...perRow(200, 0)]
    const [grid] = buildTableGrids([...hs, ...vs].map((r) => ({ ...r, thickness: 1 })), { tol: 2, minCells: 2, closeSides: true, drawn: true })
    expect(grid?.colLines).toEqual(xs)
    expect(grid?.cells.filter((c) => c.row < 4).map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 4],
      [1, 0, 3, 1],
      [1, 1, 3, 1],
      [1, 2, 1, 2],
      [2, 2, 1, 1],
      [2, 3, 1, 1],
      [3, 2, 1, 1],
      [3, 3, 1, 1],
    ])
  })

  it('with minCells 2, a single ruled box is no table', () => {
    const box = [h(0, 0, 500), h(300, 0, 500), v(0, 0, 300), v(500, 0, 300)]
    expect(buildTableGrids(box, { tol: 2 })).toHaveLength(1)
    expect(buildTableGrids(box, { tol: 2, minCells: 2 })).toHaveLength(0)
  })
})
