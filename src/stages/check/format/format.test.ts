/** The three `check` report formats. */
import { describe, expect, it } from 'vitest'
import { checkReport } from '../check-report.js'
import { formatJson } from './json.js'
import { formatMarkdown } from './markdown.js'
import type { CheckResult } from './result.js'
import { formatTerminal } from './terminal.js'
import { thaiLabel, whereEn, whereTh } from '../labels.js'
import { fmtComputed, round2 } from '../rule.js'
import { showValue } from './result.js'
import { buildReport, indicator, setValue } from '../../../../test/check-fixtures.js'

function damaged(): CheckResult {
  const report = buildReport()
  setValue(indicator(report, 6).scores.analysis, 94.67)
  setValue(report.previous!.fiscalYear, 2568)
  report.organization.name = { value: 'องค์การบริหารส่วนตำบลตัวอย่าง', prov: indicator(report, 1).scores.summary!.prov }
  return { file: 'a|b.txt', report, findings: checkReport(report) }
}
const clean = (): CheckResult => {
  const report = buildReport()
  return { file: 'clean.txt', report, findings: checkReport(report) }
}
const unreadable: CheckResult = { file: 'missing.txt', findings: [], error: { code: 'E_INPUT_FILE', message: 'cannot read the file (no such file or folder)' } }

describe('terminal format', () => {
  it('groups by severity, puts values side by side with where they were read, no colour unless asked', () => {
    const result = damaged()
    const text = formatTerminal([result])
    expect(text).toContain('1 error, 1 warning, 0 info')
    expect(text.indexOf('ERRORS (1)')).toBeLessThan(text.indexOf('WARNINGS (1)'))
    const six = indicator(result.report!, 6)
    expect(text).toMatch(new RegExp(`analysis +94\\.67 +per-indicator analysis, page \\d+, line ${six.scores.analysis!.prov.line}`))
    expect(text).toContain('indicator-score-mismatch  indicator 6')
    expect(text).not.toContain('\x1b[')
    expect(formatTerminal([damaged()], { colour: true })).toContain('\x1b[31m')
  })

  it('says when a file is clean and when it could not be read', () => {
    expect(formatTerminal([clean()])).toContain('no contradictions found')
    expect(formatTerminal([unreadable])).toContain('missing.txt: could not be read: cannot read the file (no such file or folder)')
  })
})

describe('markdown format', () => {
  it('reads in Thai: Thai headings, labels and messages, values side by side, the page and line to open', () => {
    const result = damaged()
    const md = formatMarkdown([result])
    const six = indicator(result.report!, 6)
    expect(md).toContain('# ผลการตรวจสอบความสอดคล้องของรายงาน ITA')
    expect(md).toContain('**หน่วยงาน:** องค์การบริหารส่วนตำบลตัวอย่าง')
    expect(md).toContain('## ข้อผิดพลาด (ต้องแก้ไขก่อนส่ง)')
    expect(md).toContain('## คำเตือน (ควรตรวจสอบ)')
    expect(md).toContain('### 1. ตัวชี้วัดที่ 6: คะแนนตัวชี้วัดเดียวกันพิมพ์ไม่ตรงกันในแต่ละส่วนของรายงาน')
    expect(md).toContain('| รายการ | ค่า | ตำแหน่งที่พิมพ์ (หน้า/บรรทัด) | ข้อความที่อ่านได้ |')
    expect(md).toContain(`| ผลการวิเคราะห์รายตัวชี้วัด | 94.67 | ผลการวิเคราะห์รายตัวชี้วัด หน้า ${six.scores.analysis!.prov.page} บรรทัด ${six.scores.analysis!.prov.line} | 94.67 |`)
    expect(md).toContain('**คำอธิบาย:**')
    expect(md).toContain('รายงาน ITA: `a|b.txt`')
    const withPipe = damaged()
    indicator(withPipe.report!, 6).scores.analysis!.prov.raw = '๙๔|๖๗'
    expect(formatMarkdown([{ ...withPipe, findings: checkReport(withPipe.report!) }])).toContain('| ๙๔\\|๖๗ |')
  })

  it('has a Thai form for every label the rules produce', () => {
    const labels = [damaged(), clean()].flatMap((r) => r.findings.flatMap((f) => f.values.map((v) => v.label)))
    for (const label of [...labels, 'indicator 3 (summary)', 'IIT mean', 'item e4', 'weighted total', 'plan year']) {
      expect(thaiLabel(label), label).toMatch(/[\u0E00-\u0E7F]/)
    }
  })

  it('says a clean report is clean, and an unreadable file could not be read', () => {
    expect(formatMarkdown([clean()])).toContain('ไม่พบตัวเลขที่ขัดแย้งกันในรายงาน')
    expect(formatMarkdown([unreadable])).toContain('**อ่านไฟล์ไม่ได้:**')
  })
})

describe('json format', () => {
  it('is one object with a summary and one entry per file, findings as in the report schema', () => {
    const json = JSON.parse(formatJson([damaged(), clean(), unreadable]))
    expect(json.summary).toEqual({ files: 3, unreadable: 1, error: 1, warning: 1, info: 0 })
    expect(json.files.map((f: { file: string; ok: boolean }) => [f.file, f.ok])).toEqual([
      ['a|b.txt', false],
      ['clean.txt', true],
      ['missing.txt', false],
    ])
    expect(json.files[0].findings[0]).toMatchObject({ rule: 'indicator-score-mismatch', indicator: 6, severity: 'error' })
    expect(json.files[2].error.code).toBe('E_INPUT_FILE')
  })
})

describe('number display', () => {
  it.each([
    [90.43, '90.43'],
    [90.4263, '90.426'],
    [82.5, '82.50'],
    [93.024, '93.024'],
    [0.1 + 0.2, '0.30'],
  ])('fmtComputed(%s) = %s', (x, shown) => expect(fmtComputed(x)).toBe(shown))

  it.each([
    [98.67, 'summary', '98.67'],
    [100, 'detail', '100.00'],
    [2568, 'report fiscal year', '2568'],
    [4, 'printed indicator number', '4'],
    ['2025-10-01..2026-09-30', 'period', '2025-10-01..2026-09-30'],
    [null, 'unreadable value', '—'],
  ] as const)('showValue(%s, %s) = %s', (value, label, shown) => expect(showValue(value, label)).toBe(shown))

  it.each([
    [82.665, 82.67],
    [93.5533, 93.55],
    [99.665, 99.67],
    [1.005, 1.01],
  ])('round2(%s) = %s (half up, no binary noise)', (x, rounded) => expect(round2(x)).toBe(rounded))
})

describe('where a value was read', () => {
  it('names section, page and line; adds the OCR confidence for OCR\'d values', () => {
    const transcript = { section: 'summary' as const, page: 1, line: 20, raw: '๙๘.๖๗', source: 'transcript' as const }
    const ocr = { section: 'detail' as const, page: 3, raw: '๙๙.๖๗', source: 'ocr' as const, confidence: 0.834 }
    expect(whereEn(transcript)).toBe('summary table, page 1, line 20')
    expect(whereTh(transcript)).toBe('ตารางสรุปผลรายตัวชี้วัด หน้า 1 บรรทัด 20')
    expect(whereEn(ocr)).toBe('detail list, page 3, OCR confidence 83%')
    expect(whereTh(ocr)).toBe('รายการประเด็นการประเมิน หน้า 3 (ความมั่นใจ OCR 83%)')
    expect(whereEn(undefined)).toBe('computed')
  })
})
