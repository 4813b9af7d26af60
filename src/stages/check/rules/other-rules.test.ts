/** previous-year-label, pass-level-mismatch, missing-indicator, missing-item, unreadable-value. */
import { describe, expect, it } from 'vitest'
import type { Report, Tool } from '../../../report/schema.js'
import { checkReport } from '../check-report.js'
import { buildReport, indicator, item, setValue, tool } from '../../../../test/check-fixtures.js'

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
  /** A consistent report of `fiscalYear` whose total is `total`, printed with `level`. */
  const judged = (fiscalYear: number, total: number, level: string, tools: Record<string, number> = {}) => {
    const report = buildReport({ fiscalYear, level })
    setValue(report.totalScore, total)
    for (const [name, score] of Object.entries(tools)) setValue(tool(report, name as Tool).score, score)
    return findings(report, 'pass-level-mismatch')
  }

  it.each([
    [2564, 88.37, 'A', []],
    [2564, 96.87, 'AA', []],
    [2564, 72.4, 'C', []],
    [2564, 65.38, 'C', []],
    [2565, 49.99, 'F', []],
    [2564, 88.37, 'B', ['warning']],
    [2564, 84.99, 'A', ['warning']],
    [2563, 95, 'a', ['warning']],
  ])('judges a %i report by the AA-F grades of its year: %s printed as "%s"', (year, total, level, severities) => {
    expect(judged(year, total, level).map((f) => f.severity)).toEqual(severities)
  })

  it('names the grade the total gives, with its band', () => {
    const [found] = judged(2564, 88.37, 'B')
    expect(found!.message.en).toBe('The report says "B", but a total of 88.37 is level "A" in fiscal year 2564 (85.00 to below 95.00).')
    expect(found!.values.map((v) => [v.label, v.value])).toEqual([['printed level', 'B'], ['printed total', 88.37], ['level by the scores', 'A']])
  })

  it('from 2566 judges only the confirmed condition: ผ่านดี and above need every tool at 85 or more', () => {
    const [found] = judged(2568, 94.64, 'ผ่านดี', { EIT: 84.5 })
    expect(found).toMatchObject({ severity: 'warning' })
    expect(found!.message.en).toBe('The report says "ผ่านดี", but the EIT score 84.50 is below 85.00, which "ผ่านดี" needs in fiscal year 2568.')
    expect(judged(2567, 84, 'ผ่านดีเยี่ยม').map((f) => f.severity)).toEqual(['warning'])
  })

  it('says it cannot judge where the thresholds are not confirmed, never passing silently', () => {
    const high = { IIT: 96, EIT: 96, OIT: 96 }
    for (const [total, level, tools] of [[90.42, 'ผ่าน', {}], [82.14, 'ต้องปรับปรุง', {}], [96, 'ผ่านดี', high]] as const) {
      const found = judged(2568, total, level, tools)
      expect(found.map((f) => f.severity)).toEqual(['info'])
      expect(found[0]!.message.en).toMatch(/^Not checked: whether the level ".+" fits the scores: 2568's level thresholds are only partly known/)
    }
  })

  it('says so for a level that is not one of the year\'s, and for a year whose scale is unknown', () => {
    expect(judged(2568, 82.14, 'ไม่ผ่าน')[0]!.message.en).toContain('"ไม่ผ่าน" is not one of 2568\'s levels')
    expect(judged(2564, 90, 'ผ่าน')[0]!.message.en).toContain("is not one of 2564's levels (AA, A, B, C, D, E, F)")
    const unknownYear = judged(2571, 90, 'ผ่าน')
    expect(unknownYear.map((f) => [f.severity, f.message.en])).toEqual([['info', 'Not checked: whether the level "ผ่าน" fits the scores: the level scale of fiscal year 2571 is not known.']])
  })

  it('is silent when no level is printed', () => {
    expect(findings(buildReport(), 'pass-level-mismatch')).toEqual([])
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
