import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { pdfPageImages } from '../ingest/pdf/page-images.js'
import { growToInk, readNumberAt } from './reread-numbers.js'
import { inkBox, intersect, shrink } from './image.js'
import { digitReader } from './number-reader.js'
import { pageGrids, preparePage } from './ocr-page.js'
import { looksNumeric, numberCellBox } from './read-table.js'

describe('numberCellBox', () => {
  it('takes in the rising stroke of ๗ that tesseract\'s line box cut off (๘๖.๐๗ read as 86.03 with confidence 1)', async () => {
    // Page 1 of the seeded 200 dpi scan of samples/layouts/heldout-07-scored-titles: the summary
    // table's score of indicator 4. Native tesseract's line box for it stops 4 pixels below the
    // top of ๗; without that stroke the digit reader reads ๓, sure of it.
    const file = 'test/ocr-layout-scans/heldout-07-scored-titles-200dpi-p1.pdf'
    const [image] = await pdfPageImages(new Uint8Array(await readFile(file)), [1], { file })
    const { grey, binary } = await preparePage(image!)
    const grid = pageGrids(binary, image!.dpi).find((g) => g.cells.some((c) => c.box.x0 < 1350 && c.box.x1 > 1350 && c.box.y0 < 870 && c.box.y1 > 870))!
    const cell = grid.cells.find((c) => c.box.x0 < 1350 && c.box.x1 > 1350 && c.box.y0 < 870 && c.box.y1 > 870)!
    const inner = shrink(cell.box, Math.ceil(grid.lineThickness / 2) + 2)
    const ink = inkBox(binary, inner)!
    const textBox = { x0: 1316, y0: 861, x1: 1386, y1: 878 }
    const read = async (box: typeof textBox) => readNumberAt(grey, box, 'score', { readNumber: digitReader, counters: { numbers: 0 } })
    const box = numberCellBox(binary, textBox, ink, inner, 'score')
    expect(box.y0).toBeLessThan(textBox.y0)
    expect((await read(box)).text).toBe('86.07')
    // The line box only grown sideways, as before: the wrong, confident reading.
    const cut = await read(intersect(growToInk(binary, intersect(textBox, ink)), inner))
    expect(cut).toMatchObject({ text: '86.03', uncertain: false })
  }, 60_000)
})

describe('looksNumeric', () => {
  it('takes short text of digits for a number, and a date with its month never', () => {
    for (const t of ['93.55', '๙๓.๕๕', '100.00', '12', 'ฒ5.21']) expect(looksNumeric(t)).toBe(true)
    // More digits than letters, but a month between them: "30 ก.ย. 69" had been read whole as one number.
    for (const t of ['30 ก.ย. 69', '30 กย. 69', '1ต.ค.68', '1 ตุลาคม 2568', 'ข้อ']) expect(looksNumeric(t)).toBe(false)
  })
})
