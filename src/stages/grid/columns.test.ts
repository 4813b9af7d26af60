import { describe, expect, it } from 'vitest'
import { columnsByExtent, columnsFromRows } from './columns.js'

const s = (x0: number, x1: number) => ({ x0, x1 })
const slots = (cells: readonly { col: number; colSpan: number }[] | undefined) => cells?.map(({ col, colSpan }) => ({ col, colSpan }))

describe('columnsFromRows', () => {
  it('takes the columns of the rows with the most pieces; a piece over two columns or centred in a gap spans them', () => {
    // A transposed summary (heldout-v3-01 p1): tools over indicators, a group score under two.
    const rows = [
      [s(0, 80), s(210, 230), s(410, 430), s(500, 560)],
      [s(0, 60), s(100, 120), s(200, 220), s(300, 320), s(400, 420), s(480, 500), s(560, 580)],
      [s(0, 90), s(95, 125), s(195, 225), s(295, 325), s(395, 425), s(475, 505), s(555, 585)],
      [s(0, 90), s(290, 330), s(515, 545)],
    ]
    const found = columnsFromRows(rows, { slack: 20 })
    expect(found?.columns).toHaveLength(7)
    expect(slots(found?.cells[0])).toEqual([{ col: 0, colSpan: 1 }, { col: 2, colSpan: 1 }, { col: 4, colSpan: 1 }, { col: 5, colSpan: 2 }])
    expect(slots(found?.cells[3])).toEqual([{ col: 0, colSpan: 1 }, { col: 3, colSpan: 1 }, { col: 5, colSpan: 2 }])
  })

  it('joins a row\'s pieces that share a column (a wide space inside a cell) into one cell', () => {
    const rows = [[s(0, 40), s(60, 300), s(400, 450)], [s(0, 30), s(60, 200), s(400, 440)], [s(0, 30), s(60, 120), s(180, 290), s(405, 445)]]
    const found = columnsFromRows(rows, { slack: 10 })
    expect(slots(found?.cells[2])).toEqual([{ col: 0, colSpan: 1 }, { col: 1, colSpan: 1 }, { col: 2, colSpan: 1 }])
    expect(found?.cells[2]![1]).toMatchObject({ x0: 60, x1: 290 })
  })

  it('gives no columns when only one row has its count, or a piece fits no column', () => {
    expect(columnsFromRows([[s(0, 40), s(60, 300)], [s(0, 300)]], { slack: 10 })).toBeUndefined()
    expect(columnsFromRows([[s(0, 40), s(200, 300)], [s(0, 40), s(200, 300)], [s(50, 70)]], { slack: 10 })).toBeUndefined()
  })

  it('takes a slack per piece (a share of its type size) for a piece centred in a gap', () => {
    const rows = [[s(0, 40), s(100, 140), s(200, 240)], [s(0, 40), s(100, 140), s(200, 240)], [s(0, 40), s(153, 183)]]
    // The gap between columns 1 and 2 is centred at 170; the piece at 168.
    expect(columnsFromRows(rows, { slack: () => 1 })).toBeUndefined()
    expect(slots(columnsFromRows(rows, { slack: (p) => (p.x1 - p.x0) / 10 })?.cells[2])).toEqual([{ col: 0, colSpan: 1 }, { col: 1, colSpan: 2 }])
  })
})

describe('columnsByExtent', () => {
  it('merges overlapping extents (or ones `join` apart); a piece over two of its row makes no column', () => {
    const rows = [[s(0, 50), s(60, 100), s(150, 200)], [s(0, 40), s(52, 90), s(148, 210)], [s(0, 45), s(60, 210)]]
    expect(columnsByExtent(rows, { join: 0, slack: 0 })).toEqual([s(0, 50), s(52, 100), s(148, 210)])
    expect(columnsByExtent(rows, { join: 2, slack: 0 })).toEqual([s(0, 100), s(148, 210)])
  })

  it('makes no column of a piece centred in the gap between two of another row (a group heading)', () => {
    const rows = [[s(0, 40), s(150, 180)], [s(0, 40), s(100, 140), s(190, 230)], [s(0, 30), s(105, 135), s(195, 225)]]
    expect(columnsByExtent(rows, { join: 0, slack: 5 })).toEqual([s(0, 40), s(100, 140), s(190, 230)])
    // One row showing the gap could be chance: the piece makes its own column.
    expect(columnsByExtent(rows.slice(0, 2), { join: 0, slack: 5 })).toHaveLength(4)
  })
})
