import { describe, expect, it } from 'vitest'
import { decodeToGrey, type GreyImage } from './image.js'
import { estimateSkew, rotate } from './preprocess.js'
import { toBlackWhite } from './image.js'
import { findRulings, pixelTableGrids } from './table-grid.js'
import { splitTextLines } from './text-lines.js'
import { renderPage, summaryTable } from '../../../tools/ocr-render-page.js'

async function gridsOf(options: Parameters<typeof renderPage>[0]) {
  const dpi = options?.dpi ?? 150
  let grey = await decodeToGrey(renderPage({ dpi, ...options }).image)
  const skew = estimateSkew(toBlackWhite(grey))
  if (Math.abs(skew) >= 0.1) grey = rotate(grey, -skew)
  const binary = toBlackWhite(grey)
  return { binary, grids: pixelTableGrids(findRulings(binary, { dpi }), dpi) }
}

describe('table grid from ruling lines', () => {
  it.each([0, 1.2, -2])('summary table (skew %s): 6 rows x 3 columns, tool score spanning 5 rows', async (skew) => {
    const { grids } = await gridsOf({ skewDegrees: skew })
    expect(grids).toHaveLength(1)
    const grid = grids[0]!
    expect(grid.rowLines).toHaveLength(7)
    expect(grid.colLines).toHaveLength(4)
    // 3 header cells + 5 rows x 2 cells + the spanning tool-score cell.
    expect(grid.cells).toHaveLength(14)
    const spanning = grid.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1)
    expect(spanning.map(({ row, col, rowSpan, colSpan }) => ({ row, col, rowSpan, colSpan }))).toEqual([{ row: 1, col: 2, rowSpan: 5, colSpan: 1 }])
  })

  it('a table with two spanning groups and a column span', async () => {
    const table = summaryTable(['10.00', '20.00', '30.00', '40.00'], '25.00')
    const cells = table.cells.map((r) => [...r])
    cells[3]![2] = '77.00'
    cells.push(['รวม', 'ทั้งหมด', null])
    const { grids } = await gridsOf({ table: { cells, spans: [[1, 2, 2, 1], [3, 2, 2, 1], [5, 1, 1, 2]] } })
    const spans = grids[0]!.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map(({ row, col, rowSpan, colSpan }) => [row, col, rowSpan, colSpan])
    expect(spans).toEqual([[1, 2, 2, 1], [3, 2, 2, 1], [5, 1, 1, 2]])
  })

  it('finds no table on a page of text only', async () => {
    const { grids } = await gridsOf({ table: { cells: [], spans: [] } })
    expect(grids).toEqual([])
  })

  it('ignores long text strokes that touch no crossing line', () => {
    const width = 400, height = 200
    const data = new Uint8Array(width * height).fill(255)
    for (let x = 20; x < 380; x++) data[50 * width + x] = 0 // a lone underline
    const image: GreyImage = { data, width, height }
    expect(pixelTableGrids(findRulings(image, { dpi: 100 }), 100)).toEqual([])
  })
})

/** A binary image with rulings drawn as 3-px lines: [y, x0, x1] horizontals, [x, y0, y1] verticals. */
function ruled(width: number, height: number, hs: [number, number, number][], vs: [number, number, number][]): GreyImage {
  const data = new Uint8Array(width * height).fill(255)
  for (const [y, x0, x1] of hs) for (let t = 0; t < 3; t++) for (let x = x0; x < x1; x++) data[(y + t) * width + x] = 0
  for (const [x, y0, y1] of vs) for (let t = 0; t < 3; t++) for (let y = y0; y < y1; y++) data[y * width + x + t] = 0
  return { data, width, height }
}

describe('table grid: page breaks', () => {
  it('a table cut by the page break (no closing ruling) keeps its last row', () => {
    // Header row closed, body row open at the bottom: the verticals simply stop at y = 380.
    const image = ruled(400, 400, [[20, 20, 380], [80, 20, 380]], [[20, 20, 380], [200, 20, 380], [377, 20, 380]])
    const [grid] = pixelTableGrids(findRulings(image, { dpi: 100 }), 100)
    expect(grid!.rowLines.map(Math.round)).toEqual([21, 81, 380])
    expect(grid!.cells.map(({ row, col }) => [row, col])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]])
  })

  it('the rest of a table on the next page: no top ruling, verticals start together, one row', () => {
    // A measures table continued: its verticals run from the page top (y = 30) to its last ruling.
    const image = ruled(500, 400, [[300, 20, 480]], [[20, 30, 302], [150, 30, 302], [330, 30, 302], [477, 30, 302]])
    const grids = pixelTableGrids(findRulings(image, { dpi: 100 }), 100)
    expect(grids).toHaveLength(1)
    expect(grids[0]!.rowLines.map(Math.round)).toEqual([30, 301])
    expect(grids[0]!.cells.map(({ row, col }) => [row, col])).toEqual([[0, 0], [0, 1], [0, 2]])
  })

  it('one horizontal ruling with text strokes hanging from it is not a table', () => {
    // Underlined heading: short verticals (letter stems) that end on the line at different heights.
    const image = ruled(500, 400, [[200, 20, 480]], [[40, 150, 202], [90, 170, 202], [130, 160, 202]])
    expect(pixelTableGrids(findRulings(image, { dpi: 100 }), 100)).toEqual([])
  })
})

describe('splitTextLines', () => {
  it('one line per printed line; Thai upper marks stay with their line', async () => {
    const { binary } = await gridsOf({ dpi: 200, table: { cells: [], spans: [] }, lines: ['ตัวชี้วัด คะแนนรายเครื่องมือ ปฏิบัติหน้าที่', 'ผู้รับผิดชอบ ทุกส่วนราชการ', 'ปีงบประมาณ พ.ศ. ๒๕๖๘'] })
    const lines = splitTextLines(binary, { x0: 0, y0: 0, x1: binary.width, y1: binary.height })
    expect(lines).toHaveLength(3)
  })

  it("splits a short line from the full line it touches (a heading under a paragraph's last line)", () => {
    // Two lines with no blank row between them (a descender meets the line below): a full-width
    // line of letter bodies, then a line a quarter as long. Bodies are dense, the join is sparse.
    const width = 1000, height = 120
    const data = new Uint8Array(width * height).fill(255)
    const body = (y0: number, y1: number, x1: number) => {
      for (let y = y0; y < y1; y++) for (let x = 20; x < x1; x++) if (x % 12 < 7) data[y * width + x] = 0
    }
    body(10, 40, 980)
    body(62, 92, 260)
    for (let y = 40; y < 62; y++) data[y * width + 100] = 0
    const lines = splitTextLines({ data, width, height }, { x0: 0, y0: 0, x1: width, y1: height })
    expect(lines.map((l) => [l.y0, l.y1])).toEqual([
      [10, expect.any(Number)],
      [expect.any(Number), 92],
    ])
    expect(lines[0]!.y1).toBeLessThanOrEqual(62)
    expect(lines[1]!.y0).toBeGreaterThanOrEqual(40)
  })
})
