import { describe, expect, it } from 'vitest'
import type { Origin } from '../../model/document.js'
import type { Row } from '../text/rows.js'
import { isMeasuresHeader } from '../segment/segment.js'
import { numberValue } from '../text/values.js'

/** An OCR'd heading line where the digit reader re-read two numbers. */
const line: Origin = {
  page: 7,
  bbox: { x0: 60, y0: 230, x1: 320, y1: 260 },
  source: 'ocr',
  confidence: 0.45, // tesseract's lowest word: the mangled digits
  reader: 'tesseract+digit-reader',
  uncertain: true, // one number on the line was doubtful
  readings: [
    { reader: 'tesseract', raw: '«', confidence: 0.3, bbox: { x0: 105, y0: 240, x1: 112, y1: 252 }, used: true, uncertain: true },
    { reader: 'digit-reader', raw: '4??', confidence: 0.99, bbox: { x0: 105, y0: 240, x1: 112, y1: 252 }, used: false, uncertain: true },
    { reader: 'tesseract', raw: '๕๑.ฒ๕', confidence: 0.45, bbox: { x0: 280, y0: 240, x1: 316, y1: 254 }, used: false },
    { reader: 'digit-reader', raw: '91.74', confidence: 1, bbox: { x0: 280, y0: 240, x1: 316, y1: 254 }, used: true },
  ],
}

describe('numbers read inside a longer OCR line', () => {
  it("take their own reading's box, confidence and reader, not the line's", () => {
    const v = numberValue(91.74, line, 'analysis', '91.74')
    expect(v.uncertain).toBeUndefined()
    expect(v.prov).toMatchObject({ page: 7, bbox: { x0: 280, y0: 240, x1: 316, y1: 254 }, confidence: 1, reader: 'digit-reader', raw: '91.74' })
  })

  it('a number whose only reading was doubted is uncertain, however confident the line', () => {
    const confident = { ...line, confidence: 0.95 }
    expect(numberValue(5, confident, 'analysis', '«').uncertain).toBe(true)
  })

  it("a number with no reading of its own keeps the line's provenance and doubt", () => {
    const v = numberValue(90, line, 'analysis', '90')
    expect(v.prov.bbox).toEqual(line.bbox)
    expect(v.uncertain).toBe(true)
  })

  it('transcript and text-layer values are untouched', () => {
    const v = numberValue(91.74, { page: 1, line: 124, source: 'transcript' }, 'analysis', '๙๑.๗๔')
    expect(v).toEqual({ value: 91.74, prov: { section: 'analysis', page: 1, line: 124, raw: '๙๑.๗๔', source: 'transcript' } })
  })
})

describe('isMeasuresHeader', () => {
  const row = (cells: string[]): Row =>
    ({ kind: 'table-row', text: cells.join(' | '), cells: cells.map((text, col) => ({ col, text, raw: text, origin: { page: 10, source: 'ocr' } })), origin: { page: 10, source: 'ocr' } }) as unknown as Row

  it('knows the header by its column names when OCR garbled the indicator label', () => {
    expect(isMeasuresHeader(row(['ม ซัม A ตวชวดท 2', 'ผลการ ประเมิน (คะแนน)', '๑) มาตรการ/โครงการ/ กิจกรรม', '๒) ผลการวิเคราะห์ตัวชี้วัด', '๓) ขั้นตอน/วิธีการ', '๔) ระยะเวลา ดำเนินการ', '๕) ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง']))).toBe(true)
  })

  it('a measures row that quotes the column words in long text is not a header', () => {
    const long = 'จัดประชุมเพื่อกำหนดมาตรการ ขั้นตอน ระยะเวลา และผู้รับผิดชอบในการดำเนินงานให้ชัดเจนและเป็นไปตามแผน'
    expect(isMeasuresHeader(row(['๒) หน่วยงานของท่าน', '๑๐๐.๐๐', long, long, long, '๑ ตุลาคม ๒๕๖๘', 'ทุกส่วนราชการ']))).toBe(false)
  })
})

describe('measure periods that cannot be trusted are left unread', () => {
  it('a year decades from the report\'s (๒๕๖๘ misread as ๒๕๒๕) gives no period, and says why', async () => {
    const { readFileSync } = await import('node:fs')
    const { convertBytes } = await import('../../../pipelines/convert.js')
    const seed = readFileSync(new URL('../../../samples/bankum/transcript.txt', import.meta.url), 'utf8')
    const damaged = seed.replace('๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙', '๑ ตุลาคม ๒๕๒๕ - ๓๐ กันยายน ๒๕๒๖')
    expect(damaged).not.toBe(seed)
    const report = await convertBytes(new TextEncoder().encode(damaged), 'damaged.txt')
    const measure = report.indicators.find((i) => i.number === 1)!.measures[0]!
    expect(measure.period).toMatchObject({ from: null, to: null })
    expect(measure.period!.prov.repairs).toContainEqual({ kind: 'unreadable', detail: expect.stringMatching(/2525 is 43 years from the report's 2568/) })
    // Not reported as a plan outside the plan year: it is unreadable, not a contradiction.
    expect(report.findings.filter((f) => f.rule === 'period-outside-plan-year' && f.indicator === 1)).toEqual([])
  })
})

describe('a doubtful day in an OCR-read period', () => {
  it('is left out, the first of the month assumed and said; a doubtful year still leaves the period unread', async () => {
    const { readFileSync } = await import('node:fs')
    const { readTranscript } = await import('../ingest/read-transcript.js')
    const { docToReport } = await import('../../../pipelines/structure.js')
    const { defaultContext } = await import('../../model/stage.js')
    const seed = readFileSync(new URL('../../../samples/bankum/transcript.txt', import.meta.url))
    const periodOf = async (raw: string) => {
      const doc = readTranscript(seed, { file: 'seed.txt' })
      // Indicator 1's measure period, as if OCR had read it with one number doubted.
      const cell = doc.pages.flatMap((p) => p.blocks).flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells) : [])).find((c) => c.text === '๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙')!
      Object.assign(cell.origin, { source: 'ocr', readings: [{ reader: 'tesseract', raw, confidence: 0.4, used: true, uncertain: true }] })
      const report = await docToReport(doc, defaultContext(), { pipeline: 'transcript' })
      return report.indicators.find((i) => i.number === 1)!.measures[0]!.period!
    }
    const day = await periodOf('๑')
    expect([day.from, day.to]).toEqual(['2025-10-01', '2026-09-30'])
    expect(day.prov.repairs).toContainEqual({ kind: 'unreadable', detail: 'the day "๑" could not be read with confidence; left out' })
    expect(day.prov.repairs?.map((r) => r.kind)).toContain('day-inferred')
    const year = await periodOf('๒๕๖๘')
    expect([year.from, year.to]).toEqual([null, null])
  })
})

describe('a doubtful fiscal year', () => {
  /** The seed with the years after "งบประมาณ" in `lines` read as OCR misread them (๒๕๖๘ as ๒๕๐๕), doubted by the digit reader. */
  async function withDoubtedYears(every: boolean) {
    const { readFileSync } = await import('node:fs')
    const { readTranscript } = await import('../ingest/read-transcript.js')
    const { docToReport } = await import('../../../pipelines/structure.js')
    const { defaultContext } = await import('../../model/stage.js')
    const seed = readFileSync(new URL('../../../samples/bankum/transcript.txt', import.meta.url), 'utf8')
    const misread = every ? seed.replace(/(งบประมาณ\s*(?:พ\.ศ\.)?\s*)๒๕๖๘/g, '$1๒๕๐๕') : seed.replace('องค์กรงบประมาณ พ.ศ. ๒๕๖๘', 'องค์กรงบประมาณ พ.ศ. ๒๕๐๕')
    const doc = readTranscript(new TextEncoder().encode(misread), { file: 'seed.txt' })
    for (const line of doc.pages.flatMap((p) => p.blocks).filter((b) => b.kind === 'line' && b.text.includes('๒๕๐๕'))) {
      Object.assign(line.origin, { source: 'ocr', readings: [{ reader: 'tesseract', raw: '๒๕๐๕', confidence: 0.9, used: true, uncertain: true }] })
    }
    return docToReport(doc, defaultContext(), { pipeline: 'transcript' })
  }

  it('gives way to a copy of the year read with confidence', async () => {
    const report = await withDoubtedYears(false)
    expect(report.fiscalYear).toMatchObject({ value: 2568, prov: { line: 10 } })
    expect(report.fiscalYear?.uncertain).toBeUndefined()
  })

  it('is no yardstick for the periods, and chooses no catalogue, when every copy is doubtful', async () => {
    const report = await withDoubtedYears(true)
    expect(report.fiscalYear).toMatchObject({ value: 2505, uncertain: true })
    const period = report.indicators.find((i) => i.number === 1)!.measures[0]!.period!
    expect([period.from, period.to]).toEqual(['2025-10-01', '2026-09-30'])
    expect(report.source.catalogue).toBeNull()
    expect(report.gaps.find((g) => g.code === 'catalogue-missing')?.message).toMatch(/^the fiscal year printed as "๒๕๐๕" could not be read with confidence/)
  })
})
