/**
 * Acceptance test of issue 3 on the seed transcript (อบต.บ้านกุ่ม 2568), through the real
 * transcript pipeline: exactly these errors and warnings, each once.
 */
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { runTranscriptPipeline } from '../pipelines/transcript.js'
import { defaultContext } from '../src/model/stage.js'
import type { Report } from '../src/report/schema.js'
import { checkReport } from '../src/stages/check/check-report.js'
import { repoPath, seedTranscript } from './helpers.js'

describe('check on the seed transcript', () => {
  let report: Report
  beforeAll(async () => {
    report = await runTranscriptPipeline(await readFile(seedTranscript), seedTranscript, defaultContext())
  })

  it('reports exactly the expected errors and warnings, each once', () => {
    const serious = report.findings
      .filter((f) => f.severity !== 'info')
      .map((f) => [f.rule, f.indicator ?? f.tool ?? null].join(' '))
      .sort()
    expect(serious).toEqual(
      [
        'indicator-score-mismatch 5',
        'indicator-score-mismatch 6',
        'indicator-score-mismatch 7',
        'indicator-score-mismatch 8',
        'tool-score-mismatch IIT',
        'tool-score-mismatch EIT',
        'tool-score-mismatch OIT',
        'indicator-number-mismatch 8',
        'period-outside-plan-year 8',
        'previous-year-label ',
      ].sort(),
    )
  })

  it('does not report the total (90.426 vs 90.42 is rounding) or any measures-table item score', () => {
    const rules = report.findings.map((f) => f.rule)
    expect(rules).not.toContain('total-score-mismatch')
    expect(rules).not.toContain('item-score-mismatch')
  })

  it('is what checkReport returns on the extracted report (convert fills findings[])', () => {
    expect(checkReport({ ...report, findings: [] })).toEqual(report.findings)
  })

  it('names subjects in plain fields', () => {
    const numberMismatch = report.findings.find((f) => f.rule === 'indicator-number-mismatch')!
    expect(numberMismatch).toMatchObject({ indicator: 8, item: 'e9', severity: 'error' })
    expect(numberMismatch.values.map((v) => v.value)).toEqual([4, 8])
    expect(report.findings.find((f) => f.rule === 'period-outside-plan-year')).toMatchObject({ indicator: 8, item: 'e9' })
    expect(report.findings.filter((f) => f.rule === 'tool-score-mismatch').map((f) => f.tool)).toEqual(['IIT', 'EIT', 'OIT'])
  })

  it('shows indicator 6 side by side with where each copy was read, and which copy reconciles', () => {
    const six = report.findings.find((f) => f.rule === 'indicator-score-mismatch' && f.indicator === 6)!
    const printed = six.values.filter((v) => v.prov)
    expect(printed.map((v) => [v.label, v.value, v.prov!.section])).toEqual([
      ['summary', 98.67, 'summary'],
      ['detail', 99.67, 'detail'],
      ['analysis', 94.67, 'analysis'],
    ])
    for (const v of printed) expect(v.prov!.line).toBeGreaterThan(0)
    expect(six.values.find((v) => v.label === 'mean of items')?.value).toBe(99.67)
    // The summary's 98.67 reproduces the printed total 90.42; the detail list's 99.67 does not, but it is the mean of the items.
    expect(six.explanation!.en).toMatch(/Summary table \(98\.67\): reproduces the printed total 90\.42/)
    expect(six.explanation!.en).toMatch(/Detail list \(99\.67\): gives a total of 90\.526, not the printed 90\.42; equals the mean of its item scores/)
    expect(six.explanation!.th).toContain('สอดคล้องกับคะแนนรวมที่พิมพ์ 90.42')
  })

  it('labels the previous-year finding with the printed and the expected year', () => {
    const previous = report.findings.find((f) => f.rule === 'previous-year-label')!
    expect(previous.severity).toBe('warning')
    expect(previous.values.slice(0, 2).map((v) => v.value)).toEqual([2568, 2567])
  })
})

describe('check on a differently formatted, internally consistent report', () => {
  it('finds no contradiction in the numbers (nongbua-2568.md)', async () => {
    const file = repoPath('test', 'fixtures', 'transcripts', 'nongbua-2568.md')
    const report = await runTranscriptPipeline(await readFile(file), file, defaultContext())
    // The fixture prints ผ่าน with a total of 82.14, below the 2568 pass mark of 85: pass-level-mismatch is true there.
    expect(report.findings.filter((f) => f.rule !== 'pass-level-mismatch')).toEqual([])
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([])
  })
})
