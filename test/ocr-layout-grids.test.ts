/**
 * Grids of scanned layout pages (issue 11): pages 2 and 4 of the seeded 200 dpi scan of
 * samples/layouts/train-02-issue20 (`npm run bench:variants -- --layouts --only train-02`, scan
 * seed layoutScanSeed('train-02-issue20', 200)). No tesseract: only the page clean-up and the grid.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { preparePage, pageGrids } from '../src/stages/ocr/ocr-page.js'
import { pdfPageImages } from '../src/stages/ingest/pdf/page-images.js'

const FILE = 'test/ocr-layout-scans/train-02-issue20-200dpi-p2-p4.pdf'

async function gridOf(page: number) {
  const [image] = await pdfPageImages(new Uint8Array(await readFile(FILE)), [page], { file: FILE })
  const { binary } = await preparePage(image!)
  const grids = pageGrids(binary, image!.dpi)
  expect(grids).toHaveLength(1)
  return grids[0]!
}

const spanning = (grid: Awaited<ReturnType<typeof gridOf>>) => grid.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [c.row, c.col, c.rowSpan, c.colSpan])

describe('grids of a scanned detail list', () => {
  it('a title row spanning code and name stays one cell when its bold heading touches the column line (page 2)', async () => {
    const grid = await gridOf(1)
    expect(grid.colLines).toHaveLength(4)
    // The born-digital PDF's page: indicator rows 1, 5, 9, 13, 17 span the code and name columns.
    expect(spanning(grid)).toEqual([1, 5, 9, 13, 17].map((row) => [row, 0, 1, 2]))
  })

  it('a column line joined to a letter of the title row below it is kept above it, not dropped with it (page 4)', async () => {
    // Before: the column line and the stem of ที่ made one ruling that ended inside the title row,
    // so the whole ruling went as a letter stroke and rows 0-8 were read as one cell across the
    // code and name columns, the ruling read as "|" ("O14 | แผนการบริหาร...").
    const grid = await gridOf(2)
    expect(grid.rowLines).toHaveLength(20)
    expect(spanning(grid)).toEqual([[9, 0, 1, 2]])
  })
})
