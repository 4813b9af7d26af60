import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { pdfPageImages } from '../ingest/pdf/page-images.js'
import { growToInk, readNumberAt } from './reread-numbers.js'
import { inkBox, intersect, shrink } from './image.js'
import { digitReader } from './number-reader.js'
import { pageGrids, preparePage } from './ocr-page.js'
import { fullScore, looksNumeric, numberCellBox } from './read-table.js'

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

describe('fullScore', () => {
  const reading = (text: string, confidences: number[], cut?: number[]) => ({ text, value: null, confidence: Math.min(...confidences), uncertain: true, confidences, ...(cut && { cut }) })
  it('reads 100.00 where both readers saw three whole digits, a 1 first, and the sure ones are zeros', () => {
    // A last 0 touching the column's ruling (heldout-08), ๑๐ touching, cut into "11" (heldout-02).
    expect(fullScore(reading('100.0?', [1, 1, 1, 1, 1, 1]), '100.06(')).toMatchObject({ text: '100.00', value: 100, uncertain: false })
    expect(fullScore(reading('110.00', [0.5, 0.5, 1, 1, 1, 1], [0, 1]), '๑๐๐.๐๐')).toMatchObject({ text: '100.00', value: 100 })
  })
  it('reads nothing where a sure digit is no zero, the first is no 1, or the readers saw fewer whole digits', () => {
    expect(fullScore(reading('197.56', [1, 1, 1, 1, 1, 1]), '๓๕๕.๕๒')).toBeUndefined()
    expect(fullScore(reading('?00.00', [1, 1, 1, 1, 1, 1]), '(00.00')).toBeUndefined()
    expect(fullScore(reading('110.00', [0.5, 0.5, 1, 1, 1, 1], [0, 1]), '900.00')).toBeUndefined()
    expect(fullScore(reading('10.0?', [1, 1, 1, 1, 1]), '10.06')).toBeUndefined()
    expect(fullScore(reading('1??.??', [1, 1, 1, 1, 1, 1]), '100.00')).toBeUndefined()
  })
  it("reads 100.00 where the digit reader took touching digits for single glyphs, by the ink's widths", () => {
    // heldout-10 (Trirong, bold): "?.?" for ๑๐๐.๐๐, the whole part 3 digits wide, the decimals 2.
    const wide = (columns: [number, number][], confidence = 1) => ({ text: '?.?', value: null, confidence, uncertain: true, confidences: [confidence, 1, 1], columns })
    expect(fullScore(wide([[4, 40], [42, 46], [48, 72]]), '๑๐๐.๐๐')).toMatchObject({ text: '100.00', value: 100, uncertain: false })
    // Two whole digits (๙๗.๕๒ read as ๑๐๐.๐๐ by tesseract), an unsure reader, or tesseract's first digit no 1.
    expect(fullScore(wide([[4, 28], [30, 34], [36, 60]]), '๑๐๐.๐๐')).toBeUndefined()
    expect(fullScore(wide([[4, 40], [42, 46], [48, 72]], 0.6), '๑๐๐.๐๐')).toBeUndefined()
    expect(fullScore(wide([[4, 40], [42, 46], [48, 72]]), '๕๓๕.๕๒')).toBeUndefined()
  })
})
