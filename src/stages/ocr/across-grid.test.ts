import { describe, expect, it } from 'vitest'
import { renderPage, summaryTable } from '../../../tools/ocr-render-page.js'
import { acrossTableGrids, textPieces } from './across-grid.js'
import { decodeToGrey, toBlackWhite, type GreyImage } from './image.js'
import { pageGrids } from './ocr-page.js'
import { estimateSkew, rotate } from './preprocess.js'
import { findRulings, pixelTableGrids } from './table-grid.js'

async function binaryOf(options: Parameters<typeof renderPage>[0]): Promise<GreyImage> {
  let grey = await decodeToGrey(renderPage(options).image)
  const skew = estimateSkew(toBlackWhite(grey))
  if (Math.abs(skew) >= 0.1) grey = rotate(grey, -skew)
  return toBlackWhite(grey)
}

const shape = (cells: readonly { row: number; col: number; rowSpan: number; colSpan: number }[]) => cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])

describe('tables ruled only across (issue 11: heldout-v3-01, v6-05)', () => {
  it.each([0, 0.8, -1.2])('a summary ruled across (skew %s): rows from the rules, columns from the text, the tool score spanning its rows', async (skew) => {
    const binary = await binaryOf({ dpi: 200, skewDegrees: skew, rules: 'across' })
    // The ruled-grid builder finds no table: there are no column lines.
    expect(pixelTableGrids(findRulings(binary, { dpi: 200 }), 200)).toEqual([])
    const grids = pageGrids(binary, 200)
    expect(grids).toHaveLength(1)
    const [grid] = grids
    expect(grid!.rowLines).toHaveLength(7)
    expect(grid!.colLines).toHaveLength(4)
    expect(shape(grid!.cells)).toEqual([
      [0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1],
      [1, 0, 1, 1], [1, 1, 1, 1], [1, 2, 5, 1],
      [2, 0, 1, 1], [2, 1, 1, 1],
      [3, 0, 1, 1], [3, 1, 1, 1],
      [4, 0, 1, 1], [4, 1, 1, 1],
      [5, 0, 1, 1], [5, 1, 1, 1],
    ])
  })

  it('a heading row whose text runs over the first column line spans both columns', async () => {
    const table = summaryTable(['10.00', '20.00', '30.00', '40.00'], '25.00')
    const cells = table.cells.map((r) => [...r])
    cells[2] = ['ตัวชี้วัดที่ ๒ การใช้งบประมาณและการใช้อำนาจหน้าที่ของรัฐ', null, null]
    const binary = await binaryOf({ dpi: 200, rules: 'across', table: { cells, spans: [[1, 2, 4, 1], [2, 0, 1, 2]] } })
    const [grid] = pageGrids(binary, 200)
    expect(grid!.cells.filter((c) => c.row === 2).map((c) => [c.col, c.colSpan])).toEqual([[0, 2]])
  })

  it("puts a column line past every cell's text, not only the text of the rows the columns came from", async () => {
    // The columns come from the header and the row beside the tool score (three pieces each); the
    // fourth indicator's longer name reaches past the middle between those rows' columns.
    const binary = await binaryOf({ dpi: 200, rules: 'across' })
    const [grid] = pageGrids(binary, 200)
    for (const cell of grid!.cells.filter((c) => c.col === 0)) {
      const [piece] = textPieces(binary, { x0: cell.box.x0, y0: cell.box.y0 + 6, x1: grid!.box.x1, y1: cell.box.y1 - 6 }, 200)
      expect(cell.box.x1).toBeGreaterThan(piece!.x1)
    }
  })

  it('leaves rules with text that falls into no columns to the page lines (no cells made up)', async () => {
    // Paragraphs between rules: one piece of text a band, no two rows that agree on columns.
    const cells = [['ข้อความยาวทั้งแถวของย่อหน้าที่หนึ่งซึ่งไม่ได้เป็นตาราง', null, null], ['ข้อความยาวของย่อหน้าที่สองซึ่งก็ไม่ได้เป็นตารางเช่นกัน', null, null], ['ย่อหน้าที่สาม', null, null]]
    const binary = await binaryOf({ dpi: 200, rules: 'across', table: { cells, spans: [[0, 0, 1, 3], [1, 0, 1, 3], [2, 0, 1, 3]] } })
    expect(acrossTableGrids(binary, findRulings(binary, { dpi: 200 }), [], 200)).toEqual([])
  })

  it('finds a band\'s pieces of text apart by column gaps, specks of noise left out', () => {
    const width = 400, height = 40
    const data = new Uint8Array(width * height).fill(255)
    const ink = (x0: number, x1: number) => {
      for (let y = 10; y < 30; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 0
    }
    ink(20, 60) // a word
    ink(64, 100) // the next word, a word space apart
    for (let y = 18; y < 21; y++) for (let x = 180; x < 183; x++) data[y * width + x] = 0 // a speck in the gap
    ink(300, 340)
    data[5 * width + 250] = 0
    expect(textPieces({ data, width, height }, { x0: 0, y0: 0, x1: width, y1: height }, 200)).toEqual([{ x0: 20, x1: 100 }, { x0: 300, x1: 340 }])
  })
})
