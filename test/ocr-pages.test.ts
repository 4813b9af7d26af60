/**
 * End to end with the real tesseract.js engine and the real Thai data: synthetic scanned pages
 * (Sarabun text + a ruled summary table, skewed, with a scanner border) -> document-model pages.
 * Kept to three pages of OCR in all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DocSchema, type Page, type Table } from '../src/model/document.js'
import { defaultContext } from '../src/model/stage.js'
import type { PageImage } from '../src/model/page-image.js'
import { createOcrEngine, ocrPageImages, type OcrEngine } from '../src/stages/ocr/index.js'
import { renderPage } from '../tools/ocr-render-page.js'

const scores = ['93.55', '97.56', '99.56', '82.67', '91.78']
const rendered = renderPage({ dpi: 200, skewDegrees: 1, border: true })
const image = (page: number, bytes = rendered.image): PageImage => ({ page, width: rendered.width, height: rendered.height, dpi: rendered.dpi, image: bytes, mime: rendered.mime })
const THAI = '๐๑๒๓๔๕๖๗๘๙'
const ascii = (s: string) => s.replace(/[๐-๙]/g, (d) => String(THAI.indexOf(d)))

let engine: OcrEngine
// One engine for the file; recycled after every page so recycling is exercised too.
beforeAll(async () => {
  engine = await createOcrEngine({ kind: 'tesseract', workers: 2, recycleAfterPages: 1 })
}, 60_000)
afterAll(() => engine?.close())

describe('ocrPageImages (real tesseract.js, Thai + English)', () => {
  let page: Page
  let table: Table
  const logs: string[] = []

  beforeAll(async () => {
    // Page 2 is not an image: it must fail alone, and page 1 must still come back.
    const result = await ocrPageImages([image(1), image(2, new Uint8Array([1, 2, 3, 4]))], defaultContext({ log: (e) => logs.push(e.msg) }), { engine })
    expect(result.pages.map((p) => p.number)).toEqual([1])
    expect(result.issues).toEqual([expect.objectContaining({ code: 'page-failed', page: 2, severity: 'error', stage: 'ocr' })])
    page = result.pages[0]!
    table = page.blocks.find((b): b is Table => b.kind === 'table')!
  }, 180_000)

  it('produces a valid document-model page', () => {
    const doc = { source: { file: 'x.pdf', kind: 'pdf' as const, sha256: '0', pageCount: 1 }, pages: [page], issues: [], timings: {} }
    expect(DocSchema.safeParse(doc).success).toBe(true)
    expect(page.readBy).toBe('ocr')
  })

  it('reads the text outside the table as lines, in reading order, before the table', () => {
    const kinds = page.blocks.map((b) => b.kind)
    expect(kinds.indexOf('table')).toBeGreaterThan(kinds.indexOf('line'))
    const lines = page.blocks.filter((b) => b.kind === 'line').map((b) => b.raw)
    expect(lines[0]).toContain('การประเมิน')
    expect(lines.join('\n')).toContain('ระดับ')
  })

  it('rebuilds the table grid with the tool-score cell spanning five rows', () => {
    expect(table.rows).toHaveLength(6)
    expect(table.rows[0]!.cells.map((c) => c.raw)).toEqual(['ตัวชี้วัด', 'คะแนนรายตัวชี้วัด', 'คะแนนรายเครื่องมือ'])
    expect(table.rows[1]!.cells.map((c) => [c.col, c.rowSpan])).toEqual([[0, 1], [1, 1], [2, 5]])
    for (const row of table.rows.slice(2)) expect(row.cells.map((c) => c.col)).toEqual([0, 1])
    for (const row of table.rows.slice(1)) expect(row.cells[0]!.raw).toMatch(/^ตัวชี้วัดที่ /)
  })

  it('keeps provenance on every cell: page, bbox in points inside the page, confidence, reader', () => {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const { origin } = cell
        expect(origin).toMatchObject({ page: 1, source: 'ocr' })
        expect(origin.bbox!.x0).toBeGreaterThanOrEqual(0)
        expect(origin.bbox!.x1).toBeLessThanOrEqual(rendered.width)
        expect(origin.bbox!.y1).toBeLessThanOrEqual(rendered.height)
        expect(origin.confidence).toBeGreaterThanOrEqual(0)
        expect(origin.confidence).toBeLessThanOrEqual(1)
        expect(['tesseract', 'digit-reader', 'tesseract+digit-reader']).toContain(origin.reader)
      }
    }
    // The table sits where it was drawn: below the two text lines, within the page margins.
    expect(table.origin.bbox!.y0).toBeGreaterThan(100)
    expect(table.origin.bbox!.x0).toBeGreaterThan(40)
  })

  it('score cells go through the digit reader; a clean score spares tesseract the cell; none is confidently wrong', async () => {
    const scoreCells = table.rows.slice(1).map((r) => r.cells[1]!)
    let alone = 0
    for (const [i, cell] of scoreCells.entries()) {
      const readers = cell.origin.readings?.map((r) => r.reader)
      // Read by the digit reader alone (a clean score), or by both when the digit reader hesitated first.
      expect([['digit-reader'], ['tesseract', 'digit-reader']]).toContainEqual(readers)
      if (readers!.length === 1) alone++
      expect(cell.origin.readings!.filter((r) => r.used)).toHaveLength(1)
      if (cell.origin.reader === 'digit-reader' && !cell.origin.uncertain) expect(ascii(cell.raw)).toBe(scores[i])
    }
    expect(alone, 'clean scores read without tesseract').toBeGreaterThan(0)
  })

  it('numbers in lines are re-read by the digit reader, both readings kept side by side', async () => {
    const line = page.blocks.find((b) => b.kind === 'line' && b.raw.includes('คะแนน'))
    expect(line?.kind).toBe('line')
    if (line?.kind !== 'line') return
    const readings = line.origin.readings ?? []
    expect(readings.length).toBeGreaterThanOrEqual(2)
    for (let i = 0; i < readings.length; i += 2) {
      const [tess, digit] = [readings[i]!, readings[i + 1]!]
      expect([tess.reader, digit.reader]).toEqual(['tesseract', 'digit-reader'])
      expect(tess.bbox).toEqual(digit.bbox)
      expect(Number(tess.used) + Number(digit.used)).toBe(1)
      if (digit.used && !line.origin.uncertain && /\./.test(digit.raw)) expect(digit.raw).toBe('90.42')
    }
  })

  it('recycled the workers between pages', () => {
    expect(engine.generations).toBeGreaterThanOrEqual(2)
  })
})

describe('ocrPageImages: order, cancellation', () => {
  it('keeps the input page order', async () => {
    const small = renderPage({ dpi: 150, table: { cells: [], spans: [] }, lines: ['หน้าแรก'] })
    const other = renderPage({ dpi: 150, table: { cells: [], spans: [] }, lines: ['ITA 2568'] })
    const pages = [small, other].map((r, i) => ({ page: 7 - i, width: r.width, height: r.height, dpi: r.dpi, image: r.image, mime: r.mime }))
    const result = await ocrPageImages(pages, defaultContext(), { engine, numberReader: false })
    expect(result.pages.map((p) => p.number)).toEqual([7, 6])
    const firstLine = (p: Page) => (p.blocks[0]?.kind === 'line' ? p.blocks[0].raw : '')
    expect(firstLine(result.pages[1]!)).toContain('ITA')
  }, 120_000)

  it('rejects with an AbortError when cancelled, and reports no page as failed', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(ocrPageImages([image(1)], defaultContext({ signal: controller.signal }), { engine })).rejects.toMatchObject({ name: 'AbortError' })
  })
})
