/**
 * Cells of scanned layout pages read whole (issue 11), with the real tesseract.js: page 10 of the
 * seeded 200 dpi scan of samples/layouts/train-01-seed (landscape measures table, 6 wrapped steps
 * in one cell). Only the cell is read, not the page.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normaliseText } from '../src/stages/normalise/normalise-thai.js'
import { createOcrEngine, type OcrEngine } from '../src/stages/ocr/index.js'
import { shrink } from '../src/stages/ocr/image.js'
import { preparePage, pageGrids } from '../src/stages/ocr/ocr-page.js'
import { recognizeLines } from '../src/stages/ocr/read-lines.js'
import { pdfPageImages } from '../src/stages/pdf/page-images.js'

const FILE = 'test/ocr-layout-scans/train-01-seed-200dpi-p10.pdf'

let engine: OcrEngine
beforeAll(async () => {
  engine = await createOcrEngine({ kind: 'tesseract', workers: 1 })
})
afterAll(() => engine?.close())

describe('a measures cell of many wrapped lines', () => {
  it('is read whole: every step and every wrapped line (๔. จัดอบรม... / ปฏิบัติงาน was read as "a pre")', async () => {
    const [image] = await pdfPageImages(new Uint8Array(await readFile(FILE)), [1], { file: FILE })
    const { grey, binary } = await preparePage(image!)
    const [grid] = pageGrids(binary, image!.dpi)
    // Row 2 (e8), column 4: ขั้นตอน/วิธีการดำเนินการ, 6 steps over 12 printed lines.
    const cell = grid!.cells.find((c) => c.row === 2 && c.col === 4)!
    const text = await engine.withPage(1, AbortSignal.timeout(120_000), (session) => recognizeLines(session, grey, binary, shrink(cell.box, 6), image!.dpi))
    expect(text.lines).toHaveLength(12)
    const read = normaliseText(text.lines.map((l) => l.text).join(' '))
    for (const words of ['ประชุมคณะ', 'ผลการประเมิน', 'เผยแพร่ผล', 'เว็บไซต์', 'สำรวจความคิดเห็น', 'บริการ', 'จัดอบรมให้ความรู้', 'ปฏิบัติงาน', 'ดำเนินการตามมาตรการ', 'กำหนด', 'ประชาสัมพันธ์', 'บุคลากรและประชาชน']) {
      expect(read).toContain(words)
    }
  }, 120_000)
})
