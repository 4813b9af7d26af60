/**
 * Reports typed in a word processor and saved as PDF by LibreOffice (samples/layouts/<template>/
 * libreoffice*.pdf, made from our .docx by samples/generate/layouts/libreoffice-pdf.ts): one mark
 * per /ActualText span, list numbers drawn apart from their text, tables with all, only horizontal
 * or no ruling lines. They must read from their text layer as well as the Chromium PDFs do.
 * Training templates only: the held-out ones are measured by `npm run bench:layouts`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { convertFile } from '../pipelines/convert.js'
import { reportValues } from '../samples/generate/report-values.js'
import { committedSeed, LAYOUTS_DIR, type Expected } from '../samples/generate/layouts/generate-layouts.js'
import { scoreValues } from '../samples/generate/layouts/score.js'
import { randomReportSpec } from '../samples/generate/layouts/spec.js'
import { renderTemplate, TEMPLATES } from '../samples/generate/layouts/templates.js'
import type { Doc } from '../src/model/document.js'
import { charErrorRateWithin } from '../src/stages/ingest/pdf/char-error-rate.js'
import { readPdf } from '../src/stages/ingest/pdf/read-pdf.js'

const expectedOf = (template: string): Expected => JSON.parse(readFileSync(join(LAYOUTS_DIR, template, 'expected.json'), 'utf8')) as Expected
const squash = (s: string): string => s.replace(/\s+/g, '')

async function score(template: string, file: string) {
  const report = await convertFile(join(LAYOUTS_DIR, template, file), { ocr: 'auto' })
  return { report, score: scoreValues(expectedOf(template).values, reportValues(report)) }
}

describe('LibreOffice PDF exports read from their text layer', () => {
  it.each(['libreoffice.pdf', 'libreoffice-hrules.pdf', 'libreoffice-borderless.pdf'])('train-01-seed %s: every field and finding, no page sent to OCR', async (file) => {
    const { report, score: s } = await score('train-01-seed', file)
    expect(report.source.readBy.filter((r) => r !== 'pdf-text')).toEqual([])
    expect(s.fields.filter((f) => f.state !== 'exact')).toEqual([])
    expect(s.findings.equal).toBe(true)
  }, 60_000)

  // Tables without (all) rulings: a score beside a numbered list, units one a paragraph, a heading
  // centred over a short cell; these lost 13-30 fields each before text-tables.ts read them.
  it.each([
    ['train-02-issue20', 'libreoffice-hrules.pdf'],
    ['train-02-issue20', 'libreoffice-borderless.pdf'],
    ['train-10-thai-abbrev', 'libreoffice-hrules.pdf'],
    ['train-10-thai-abbrev', 'libreoffice-borderless.pdf'],
  ])('%s %s: every field and finding, no page sent to OCR', async (template, file) => {
    const { report, score: s } = await score(template, file)
    expect(report.source.readBy.filter((r) => r !== 'pdf-text')).toEqual([])
    expect(s.fields.filter((f) => f.state !== 'exact')).toEqual([])
    expect(s.findings.equal).toBe(true)
  }, 60_000)

  it('train-02-issue20 (portrait measures, rows split across pages): bordered >= 99% of fields, findings equal, no page sent to OCR', async () => {
    const { report, score: s } = await score('train-02-issue20', 'libreoffice.pdf')
    expect(report.source.readBy.filter((r) => r !== 'pdf-text')).toEqual([])
    expect(s.counts.exact / s.counts.total).toBeGreaterThanOrEqual(0.99)
    expect(s.findings.equal).toBe(true)
  }, 60_000)
})

describe('a table row a page break split', () => {
  // train-02-issue20: the measures of O16 run from the foot of page 11 onto page 12, under the
  // table's repeated header; and O21's title in the detail list, from page 3 onto page 4.
  it('is read as one row on the page it starts, with no row of its own on the next', async () => {
    const file = join(LAYOUTS_DIR, 'train-02-issue20', 'libreoffice.pdf')
    const { doc } = await readPdf(readFileSync(file), { file })
    const rows = (n: number) => doc.pages[n - 1]!.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => squash(c.text))) : []))
    const o16 = rows(11).find((r) => r[0]!.startsWith('O16'))!
    expect(o16[2]).toMatch(/^1\..*2\.เผยแพร่รายงานการจัดซื้อจัดจ้างประจำเดือนบนเว็บไซต์3\.ปรับปรุงหน้าเว็บไซต์/)
    expect(rows(3).find((r) => r[0] === 'O21')![1]).toMatch(/NoGiftPolicyจากการปฏิบัติหน้าที่$/)
    // Every body row of the next pages starts with its item, past the repeated headers.
    for (const n of [4, 12]) expect(rows(n).filter((r) => r.length > 1 && r[0] === '')).toEqual([])
    expect(doc.issues.filter((i) => i.code === 'row-continued').map((i) => i.page)).toEqual([4, 12])
  }, 30_000)
})

/** The template's text in block order, and the same read back (a repeated header row counted once). */
function texts(template: string, doc: Doc): { source: string; read: string } {
  const tpl = TEMPLATES.find((t) => t.name === template)!
  const layout = renderTemplate(randomReportSpec(committedSeed(tpl)), tpl)
  const headers = new Set(layout.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.slice(0, b.repeatHeader).map((r) => squash(r.cells.map((c) => c.lines.join('')).join(''))) : [])))
  const source = layout.blocks
    .map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.lines.join(' ')).join(' ')).join('\n') : ''))
    .join('\n')
  const seen = new Set<string>()
  const once = (row: string): boolean => !headers.has(squash(row)) || (!seen.has(squash(row)) && seen.add(squash(row)) !== undefined)
  const read = doc.pages
    .flatMap((p) => p.blocks)
    .map((b) => (b.kind === 'line' ? b.raw : b.rows.map((r) => r.cells.map((c) => c.raw).join(' ')).filter(once).join('\n')))
    .join('\n')
  return { source, read }
}

describe('LibreOffice PDF text', () => {
  // Templates whose rows are never split across pages (a split row interleaves its cells' parts).
  it.each(['train-01-seed', 'train-03-number-column', 'train-04-arabic-flow', 'train-07-issue6-landscape', 'train-08-agency-first', 'train-09-mixed-wording'])(
    '%s: the text layer matches the source at < 1%% character error rate, no Thai mark without a base',
    async (template) => {
      const file = join(LAYOUTS_DIR, template, 'libreoffice.pdf')
      const { doc, stats } = await readPdf(readFileSync(file), { file })
      const { source, read } = texts(template, doc)
      expect(charErrorRateWithin(source, read, 0.01)).toBeLessThan(0.01)
      expect(stats.reduce((n, s) => n + s.orphanMarks, 0)).toBe(0)
    },
    30_000,
  )
})
