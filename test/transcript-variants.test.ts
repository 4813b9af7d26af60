import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { convertBytes, convertFile } from '../pipelines/convert.js'
import { repoPath, value } from './helpers.js'

const fixture = repoPath('test', 'fixtures', 'transcripts', 'nongbua-2568.md')
const expected = JSON.parse(readFileSync(repoPath('test', 'fixtures', 'transcripts', 'nongbua-2568.expected-scores.json'), 'utf8')) as {
  items: Record<string, number>
  indicators: Record<string, number>
  tools: Record<string, number>
  total: number
}

describe('a differently formatted report (Markdown + HTML tables, other agency)', async () => {
  const report = await convertFile(fixture, { check: false })

  it('reads the title facts and the lower-than-last-year comparison', () => {
    expect(value(report.organization.name)).toBe('เทศบาลตำบลหนองบัว')
    expect(value(report.organization.district)).toBe('เมืองอุดรธานี')
    expect(value(report.organization.province)).toBe('อุดรธานี')
    expect(value(report.totalScore)).toBe(expected.total)
    expect(value(report.level)).toBe('ไม่ผ่าน') // 82.14 is below the pass mark of 85
    expect(value(report.previous?.fiscalYear)).toBe(2567)
    expect(value(report.previous?.difference)).toBe(-1.25)
    expect(report.gaps).toEqual([])
  })

  it('reads every indicator score in every section and every tool score', () => {
    for (const indicator of report.indicators) {
      const want = expected.indicators[String(indicator.number)]
      expect([value(indicator.scores.summary), value(indicator.scores.detail), value(indicator.scores.analysis)]).toEqual([want, want, want])
    }
    expect(Object.fromEntries(report.tools.map((t) => [t.tool, t.score.value]))).toEqual(expected.tools)
  })

  it('identifies all 52 items despite differently mangled codes', () => {
    const items = Object.fromEntries(report.indicators.flatMap((i) => i.items).map((i) => [i.code, i.score?.value]))
    expect(items).toEqual(expected.items)
  })

  it('reads HTML measures tables, two measures in one table, and abbreviated or fiscal-year periods', () => {
    const measures = report.indicators.flatMap((i) => i.measures.map((m) => [i.number, m.item, m.period?.from, m.period?.to]))
    expect(measures).toEqual([
      [4, 'i10', '2025-10-01', '2026-09-30'],
      [9, 'o7', '2025-10-01', '2026-09-30'],
      [9, 'o12', '2025-10-01', '2026-09-30'],
    ])
    const i10 = report.indicators.find((i) => i.number === 4)!.measures[0]!
    expect(i10.steps.map((s) => s.number)).toEqual([1, 2, 3])
    expect(i10.responsible.map((r) => r.value)).toEqual(['กองคลัง', 'สำนักปลัดเทศบาล'])
  })
})

describe('an item row whose text OCR left unreadable', () => {
  it('takes the item at its place under its indicator, and says so', async () => {
    const seed = readFileSync(repoPath('samples', 'bankum', 'transcript.txt'), 'utf8')
    const damaged = seed.replace(/^e๗ [^\t]+/m, "' 'า 1ฝฒฝฬฬ็็9")
    expect(damaged).not.toBe(seed)
    const report = await convertBytes(new TextEncoder().encode(damaged), 'damaged.txt', { check: false })
    const e7 = report.indicators.find((i) => i.number === 8)!.items.find((i) => i.code === 'e7')!
    expect(e7.score?.value).toBe(99.5)
    expect(e7.match.by).toBe('position')
    expect(e7.score?.prov.repairs?.map((r) => r.kind)).toEqual(['item-by-position'])
    expect(report.gaps).toEqual([])
  })
})

describe('indicator labels OCR prefixed with specks (upper marks read as a line of their own)', () => {
  it('still gives the indicator a measures table is printed under, and its detail-list row', async () => {
    const seed = readFileSync(repoPath('samples', 'bankum', 'transcript.txt'), 'utf8')
    const damaged = seed
      // The table of item e9, printed under indicator 4 (the document's own error, a finding).
      .replace(/^ตัวชี้วัดที่ ๔(\tผลการประเมิน \(คะแนน\)\t๑\) มาตรการ\/โครงการ\/ กิจกรรม\t๒\) ผลการวิเคราะห์ที่ชี้วัด)/m, 'ow Jo ข่ ตวชวดท๔$1')
      // Indicator 6's row of the detail list (one score; the summary's row has two).
      .replace(/^ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน(\t[^\t\n]+)$/m, '1 ซัย จ่ 0 a ตวขวดท ๖ คุณภาพการดำเนินงาน$1')
    expect(damaged).not.toBe(seed)
    const report = await convertBytes(new TextEncoder().encode(damaged), 'damaged.txt')
    const e9 = report.indicators.flatMap((i) => i.measures).find((m) => m.item === 'e9')
    expect(value(e9?.printedIndicator)).toBe(4)
    expect(report.findings.map((f) => f.rule)).toContain('indicator-number-mismatch')
    expect(report.indicators.find((i) => i.number === 6)?.items.map((i) => i.code)).toEqual(['e1', 'e2', 'e3'])
    expect(report.gaps).toEqual([])
  })
})

describe('a measures row whose score OCR could not read', () => {
  it('still opens a measure of its own (it is not a continuation of the row above)', async () => {
    const md = readFileSync(fixture, 'utf8')
    const damaged = md.replace(/(<tr><td>๑๒ รายงานการจัดซื้อ[^<]*<\/td><td>)๑๐๐\.๐๐</, '$1๙๐๐.๐๐<')
    expect(damaged).not.toBe(md)
    const report = await convertBytes(new TextEncoder().encode(damaged), 'nongbua.md')
    const measures = report.indicators.find((i) => i.number === 9)!.measures
    expect(measures.map((m) => [m.item, m.itemScore?.value ?? null])).toEqual([
      ['o7', 100],
      ['o12', null],
    ])
  })
})
