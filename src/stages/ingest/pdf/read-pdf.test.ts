/**
 * The PDF text-layer reader on a born-digital Thai PDF printed by Chromium with Sarabun
 * (test/fixtures/pdf/thai-born-digital.pdf, made from thai-born-digital.html beside it).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../../../_internal/package-root.js'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Doc, Table } from '../../../model/document.js'
import { DocSchema } from '../../../model/document.js'
import { loadRawPdf, markedContentEvents } from './actual-text.js'
import { charErrorRate } from './char-error-rate.js'
import { classifyPage, measureText } from './classify-page.js'
import { withPdfDocument } from './open-pdf.js'
import { readPdf } from './read-pdf.js'
import { readTextRuns } from './text-runs.js'

const fixtures = join(packageRoot(), 'test', 'fixtures', 'pdf')
const pdfPath = join(fixtures, 'thai-born-digital.pdf')
const pdfBytes = readFileSync(pdfPath)

/** The source text of the fixture: the HTML's text in document order. */
function sourceText(): string {
  return readFileSync(join(fixtures, 'thai-born-digital.html'), 'utf8')
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
}

/** Everything the reader produced, in block order (cells row by row). */
function docText(doc: Doc): string {
  return doc.pages
    .flatMap((p) => p.blocks)
    .map((b) => (b.kind === 'line' ? b.raw : b.rows.flatMap((r) => r.cells.map((c) => c.raw)).join(' ')))
    .join('\n')
}

const TONE_MARKS = ['\u0E48', '\u0E49', '\u0E4A', '\u0E4B', '\u0E4C'] as const
const count = (s: string, ch: string): number => [...s].filter((c) => c === ch).length

describe('readPdf on a Chromium-printed Thai PDF', () => {
  let doc: Doc
  beforeAll(async () => {
    doc = (await readPdf(pdfBytes, { file: 'thai-born-digital.pdf' })).doc
  })

  it('produces a valid Doc read from the text layer', () => {
    expect(DocSchema.safeParse(doc).success).toBe(true)
    expect(doc.source).toMatchObject({ kind: 'pdf', pageCount: 2 })
    expect(doc.pages.map((p) => p.readBy)).toEqual(['pdf-text', 'pdf-text'])
    expect(doc.issues.filter((i) => i.severity !== 'info')).toEqual([])
  })

  it('extracts the text at < 1% character error rate, tone marks included', () => {
    const cer = charErrorRate(sourceText(), docText(doc))
    expect(cer).toBeLessThan(0.01)
    const text = docText(doc)
    for (const mark of TONE_MARKS) expect(count(text, mark), `U+${mark.codePointAt(0)!.toString(16)}`).toBe(count(sourceText(), mark))
    expect(count(text, '\u0E33')).toBe(count(sourceText(), '\u0E33')) // sara am kept whole
    expect(text).toContain('ผู้ที่เกี่ยวข้อง')
    expect(text).toContain('น้ำท่วม')
    expect(text).not.toContain('\0')
  })

  it('shows the cause: without /ActualText, pdf.js returns NUL for the shaped marks', async () => {
    const raw = await loadRawPdf(pdfBytes)
    const [withoutActualText, withActualText] = await withPdfDocument(pdfBytes, 'x.pdf', {}, async (pdf) => {
      const page = await pdf.getPage(1)
      return [await readTextRuns(page, undefined), await readTextRuns(page, markedContentEvents(raw, 0))]
    })
    const broken = withoutActualText.runs.map((r) => r.text).join('')
    const fixed = withActualText.runs.map((r) => r.text).join('')
    expect(count(broken, '\0')).toBeGreaterThan(10)
    expect(count(broken, '\u0E48')).toBeLessThan(count(fixed, '\u0E48'))
    expect(withActualText.actualTextAligned).toBe(true)
    expect(withActualText.actualTextRuns).toBeGreaterThan(50)
    // ...and the classifier calls that layer damaged
    const stats = { ...measureText(broken), imageCoverage: 0, paintedPaths: 0 }
    expect(classifyPage(stats, 'auto').readBy).toBe('ocr')
  })

  it('rebuilds the bordered table from its ruling lines, with spans, and does not repeat its text as lines', () => {
    const tables = doc.pages[0]!.blocks.filter((b): b is Table => b.kind === 'table')
    expect(tables).toHaveLength(1)
    const rows = tables[0]!.rows.map((r) => r.cells.map((c) => ({ col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.raw })))
    expect(rows).toHaveLength(5)
    expect(rows[0]!.map((c) => c.text)).toEqual(['ตัวชี้วัด', 'คะแนนราย ตัวชี้วัด', 'คะแนนราย เครื่องมือ'])
    expect(rows[1]).toEqual([
      { col: 0, rowSpan: 1, colSpan: 1, text: 'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่' },
      { col: 1, rowSpan: 1, colSpan: 1, text: '๙๓.๕๕' },
      { col: 2, rowSpan: 2, colSpan: 1, text: '๙๓.๐๒' },
    ])
    expect(rows[2]!.map((c) => c.col)).toEqual([0, 1])
    expect(rows[3]![0]!.text).toBe('ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ ซึ่งผู้ใช้ต้องคืนก่อนสิ้นเดือน')
    expect(rows[4]).toEqual([
      { col: 0, rowSpan: 1, colSpan: 2, text: 'รวมคะแนนทั้งสิ้น' },
      { col: 2, rowSpan: 1, colSpan: 1, text: '๙๐.๔๒' },
    ])
    const lines = doc.pages[0]!.blocks.filter((b) => b.kind === 'line').map((b) => (b.kind === 'line' ? b.raw : ''))
    expect(lines.some((l) => l.includes('๙๓.๐๒') || l.includes('รวมคะแนน'))).toBe(false)
  })

  it('keeps reading order and provenance in top-left PDF points', () => {
    const page = doc.pages[0]!
    const tops = page.blocks.map((b) => b.origin.bbox!.y0)
    expect(tops).toEqual([...tops].sort((a, b) => a - b))
    for (const block of page.blocks) {
      expect(block.origin).toMatchObject({ page: 1, source: 'pdf-text', reader: 'pdfjs' })
      const { x0, y0, x1, y1 } = block.origin.bbox!
      expect(x0).toBeGreaterThanOrEqual(0)
      expect(y1).toBeLessThanOrEqual(page.height!)
      expect(x1).toBeGreaterThan(x0)
      expect(y1).toBeGreaterThan(y0)
    }
    // The title is near the top of an A4 page (2 cm margin = 56.7 pt).
    expect(page.blocks[0]!.origin.bbox!.y0).toBeGreaterThan(50)
    expect(page.blocks[0]!.origin.bbox!.y0).toBeLessThan(80)
  })

  it('--ocr always sends every page to OCR and says why', async () => {
    const result = await readPdf(pdfBytes, { file: 'x.pdf', ocr: 'always' })
    expect(result.needsOcr.map((r) => r.page)).toEqual([1, 2])
    expect(result.doc.pages.every((p) => p.readBy === 'ocr' && p.blocks.length === 0)).toBe(true)
    expect(result.doc.issues.filter((i) => i.code === 'page-ocr')).toHaveLength(2)
  })
})

describe('readPdf on samples/bankum/born-digital.pdf (24 pages, Chromium + Sarabun)', () => {
  const sample = join(packageRoot(), 'samples', 'bankum', 'born-digital.pdf')
  let doc: Doc
  beforeAll(async () => {
    doc = (await readPdf(readFileSync(sample), { file: 'born-digital.pdf' })).doc
  }, 60_000)

  it('reads every page from the text layer with no damaged characters left', () => {
    expect(doc.pages.map((p) => p.readBy)).toEqual(Array(24).fill('pdf-text'))
    const text = docText(doc)
    // The sample prints the seed OCR transcript as it is, damage included (e.g. a doubled tone
    // mark in "พ้่ง"): the PDF text must show exactly the transcript's marks without a base, no more.
    const transcript = readFileSync(join(packageRoot(), 'samples', 'bankum', 'transcript.txt'), 'utf8')
    expect(measureText(text)).toMatchObject({ unreadable: 0, orphanMarks: measureText(transcript).orphanMarks })
    for (const mark of TONE_MARKS.slice(0, 2)) expect(count(text, mark)).toBeGreaterThan(500)
  })

  it('rebuilds the summary table with the tool-score cells spanning their indicators', () => {
    const summary = doc.pages[0]!.blocks.find((b): b is Table => b.kind === 'table')!
    expect(summary.rows).toHaveLength(11)
    const toolCells = summary.rows.flatMap((r) => r.cells.filter((c) => c.col === 2 && c.rowSpan > 1))
    expect(toolCells.map((c) => [c.raw, c.rowSpan])).toEqual([
      ['๙๓.๕๕', 5],
      ['๙๗.๕๖', 3],
      ['๙๙.๕๖', 2],
    ])
    expect(summary.rows[1]!.cells.map((c) => c.raw)).toEqual(['ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', '๙๓.๕๕', '๙๓.๕๕'])
  })

  it('finds the 7-column measures tables on the landscape pages, continuations included', () => {
    const tablePages = doc.pages.filter((p) => p.number >= 10 && p.blocks.some((b) => b.kind === 'table' && b.rows.some((r) => r.cells.length === 7)))
    expect(tablePages.length).toBeGreaterThanOrEqual(9)
  })
})
