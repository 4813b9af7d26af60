/** previous-year-label, pass-level-mismatch, missing-indicator, missing-item, unreadable-value. */
import { describe, expect, it } from 'vitest'
import type { Report } from '../src/report/schema.js'
import { checkReport } from '../src/stages/check/check-report.js'
import { buildReport, indicator, item, setValue, tool } from './check-fixtures.js'

const findings = (report: Report, rule: string) => checkReport(report).filter((f) => f.rule === rule)

describe('previous-year-label', () => {
  it('is silent for the previous fiscal year and a difference that adds up', () => {
    expect(findings(buildReport(), 'previous-year-label')).toEqual([])
  })

  it('warns when the previous year is labelled with the current year (the seed: 2568 in a 2568 report)', () => {
    const report = buildReport()
    setValue(report.previous!.fiscalYear, 2568)
    const found = findings(report, 'previous-year-label')
    expect(found).toHaveLength(1)
    expect(found[0]!.severity).toBe('warning')
    expect(found[0]!.message.en).toContain("the report's own year")
    expect(found[0]!.message.th).toContain('พ.ศ. 2567')
    expect(found[0]!.values.map((v) => v.value)).toEqual([2568, 2567, 2568])
  })

  it('warns for any other wrong year too', () => {
    const report = buildReport()
    setValue(report.previous!.fiscalYear, 2565)
    expect(findings(report, 'previous-year-label')[0]!.message.en).not.toContain('own year')
  })

  it.each([
    ['0.01 off (tolerance)', 0.01, 0],
    ['0.02 off', 0.02, 1],
    ['the wrong sign', 'flip', 1],
  ] as const)('checks the printed difference: %s -> %i error(s)', (_what, off, count) => {
    const report = buildReport()
    const diff = report.previous!.difference!
    setValue(diff, off === 'flip' ? -diff.value! : diff.value! + off)
    const found = findings(report, 'previous-year-label')
    expect(found).toHaveLength(count)
    if (count) expect(found[0]!.severity).toBe('error')
  })

  it('is silent without a previous-year comparison or with unreadable numbers', () => {
    const none = buildReport()
    none.previous = null
    expect(findings(none, 'previous-year-label')).toEqual([])
    const unreadable = buildReport()
    setValue(unreadable.previous!.fiscalYear, null)
    setValue(unreadable.previous!.difference, 5, { uncertain: true })
    expect(findings(unreadable, 'previous-year-label')).toEqual([])
  })
})

describe('pass-level-mismatch', () => {
  const withTotal = (total: number, level: string) => {
    const report = buildReport()
    setValue(report.totalScore, total)
    report.level!.value = level
    return findings(report, 'pass-level-mismatch')
  }
  it('is a warning', () => {
    expect(withTotal(80, 'ผ่าน')[0]!.severity).toBe('warning')
  })

  it.each([
    [85, 'ผ่าน', 0],
    [84.99, 'ผ่าน', 1],
    [84.99, 'ไม่ผ่าน', 0],
    [85, 'ไม่ผ่าน', 1],
    [60, 'ระดับ A', 0],
  ])('total %s printed as "%s" -> %i finding(s)', (total, level, count) => {
    expect(withTotal(total, level)).toHaveLength(count)
  })
})

describe('missing-indicator', () => {
  it('is silent for a complete report', () => {
    expect(findings(buildReport(), 'missing-indicator')).toEqual([])
  })

  it('warns about an indicator not found anywhere', () => {
    const report = buildReport()
    report.indicators = report.indicators.filter((i) => i.number !== 7)
    const found = findings(report, 'missing-indicator')
    expect(found.map((f) => [f.indicator, f.tool, f.severity])).toEqual([[7, 'EIT', 'warning']])
    expect(found[0]!.message.th).toContain('ไม่พบตัวชี้วัดที่ 7')
  })

  it('names the sections an indicator is missing from', () => {
    const report = buildReport()
    indicator(report, 3).scores.summary = null
    const found = findings(report, 'missing-indicator')
    expect(found.map((f) => f.indicator)).toEqual([3])
    expect(found[0]!.message.en).toContain('no score in the summary table')
  })

  it('reports a whole missing section once, not once per indicator', () => {
    const report = buildReport()
    for (const i of report.indicators) i.scores.analysis = null
    expect(findings(report, 'missing-indicator').map((f) => f.message.en)).toEqual(['The per-indicator analysis was not found: no indicator scores were read from it.'])
  })

  it('reports an empty report once', () => {
    const report = buildReport()
    report.indicators = []
    expect(findings(report, 'missing-indicator')).toHaveLength(1)
    expect(findings(report, 'missing-item')).toHaveLength(1)
  })
})

describe('missing-item', () => {
  it('is silent for a complete report', () => {
    expect(findings(buildReport(), 'missing-item')).toEqual([])
  })

  it('warns about each catalogue item not found, with its canonical code', () => {
    const report = buildReport()
    indicator(report, 7).items = indicator(report, 7).items.filter((i) => i.code !== 'e5')
    indicator(report, 9).items = indicator(report, 9).items.filter((i) => i.code !== 'o12')
    expect(findings(report, 'missing-item').map((f) => [f.indicator, f.item, f.severity])).toEqual([
      [7, 'e5', 'warning'],
      [9, 'o12', 'warning'],
    ])
  })

  it('reports an indicator without any items once', () => {
    const report = buildReport()
    indicator(report, 9).items = []
    const found = findings(report, 'missing-item')
    expect(found).toHaveLength(1)
    expect(found[0]!.message.en).toContain('None of the 19 items of indicator 9 (o1-o19)')
  })

  it('warns about an item found without its score', () => {
    const report = buildReport()
    item(report, 'i14').score = null
    expect(findings(report, 'missing-item').map((f) => f.message.en)).toEqual(['Item i14 was found in the detail list but its score was not.'])
  })
})

describe('unreadable-value', () => {
  it('warns about an unreadable value and notes an uncertain one, never as a contradiction', () => {
    const report = buildReport()
    setValue(indicator(report, 6).scores.detail, null)
    setValue(tool(report, 'EIT').score, 12.34, { uncertain: true })
    setValue(item(report, 'e2').score, 1, { uncertain: true })
    const all = checkReport(report)
    expect(all.filter((f) => f.rule !== 'unreadable-value')).toEqual([])
    expect(all.map((f) => [f.severity, f.indicator ?? null, f.tool ?? null, f.item ?? null])).toEqual([
      ['warning', 6, 'EIT', null],
      ['info', null, 'EIT', null],
      ['info', 6, null, 'e2'],
    ])
    expect(all[0]!.values[0]).toMatchObject({ label: 'unreadable value', value: null, prov: { section: 'detail' } })
    expect(all[0]!.message.en).toContain('could not be read')
  })
})
