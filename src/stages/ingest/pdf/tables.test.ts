import { describe, expect, it } from 'vitest'
import type { Rule } from './page-graphics.js'
import { findTables } from './tables.js'
import type { GlyphRun } from './text-runs.js'

const h = (pos: number, from: number, to: number): Rule => ({ orientation: 'h', pos, from, to })
const v = (pos: number, from: number, to: number): Rule => ({ orientation: 'v', pos, from, to })
const run = (text: string, x: number, y: number): GlyphRun => ({ text, bbox: { x0: x, y0: y - 8, x1: x + 6 * text.length, y1: y + 2 }, baseline: y, size: 10 })

/** A 2x2 grid from (0,0) to (200,100) with borders at x=100 and y=50. */
const grid = [h(0, 0, 200), h(50, 0, 200), h(100, 0, 200), v(0, 0, 100), v(100, 0, 100), v(200, 0, 100)]

describe('findTables', () => {
  it('turns a ruled grid into cells and assigns runs by their centre', () => {
    const runs = [run('a', 10, 20), run('b', 110, 20), run('c', 10, 70), run('d', 110, 70), run('outside', 10, 150)]
    const { tables, freeRuns } = findTables(grid, runs)
    expect(tables).toHaveLength(1)
    expect(tables[0]!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 1, 1, 'a'],
      [0, 1, 1, 1, 'b'],
      [1, 0, 1, 1, 'c'],
      [1, 1, 1, 1, 'd'],
    ])
    expect(freeRuns.map((r) => r.text)).toEqual(['outside'])
  })

  it('merges slots with no border between them into spans', () => {
    // no vertical border in the bottom row; the x=100 border only covers the top row
    const rules = [h(0, 0, 200), h(50, 0, 200), h(100, 0, 200), v(0, 0, 100), v(100, 0, 50), v(200, 0, 100)]
    const { tables } = findTables(rules, [run('wide', 80, 70)])
    expect(tables[0]!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 1, 1, ''],
      [0, 1, 1, 1, ''],
      [1, 0, 1, 2, 'wide'],
    ])
  })

  it('joins rule pieces drawn cell by cell, and lines of a cell with spaces', () => {
    const pieces = [h(0, 0, 100), h(0.5, 100, 200), h(100, 0, 200), h(50, 0, 100), h(50, 100, 200), v(0, 0, 50), v(0, 50, 100), v(100, 0, 100), v(200, 0, 100)]
    const { tables } = findTables(pieces, [run('line1', 10, 15), run('line2', 10, 35)])
    expect(tables[0]!.cells[0]!.text).toBe('line1 line2')
  })

  it('closes a table continued from the previous page (no top border)', () => {
    const rules = [h(100, 0, 200), v(0, 0, 100), v(100, 0, 100), v(200, 0, 100)]
    const { tables } = findTables(rules, [run('x', 110, 50)])
    expect(tables).toHaveLength(1)
    expect(tables[0]!.bbox).toEqual({ x0: 0, y0: 0, x1: 200, y1: 100 })
    expect(tables[0]!.cells.map((c) => c.text)).toEqual(['', 'x'])
  })

  it('a single box (a frame) or a lone underline is not a table', () => {
    const frame = [h(0, 0, 200), h(100, 0, 200), v(0, 0, 100), v(200, 0, 100)]
    expect(findTables(frame, [run('boxed', 10, 50)]).tables).toEqual([])
    expect(findTables([h(30, 0, 120)], []).tables).toEqual([])
  })
})
