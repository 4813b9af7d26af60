/** Measures-table rules: item-score-mismatch, indicator-number-mismatch, period-outside-plan-year. */
import { describe, expect, it } from 'vitest'
import type { Measure, Report } from '../../../report/schema.js'
import { checkReport } from '../check-report.js'
import { planYearRange } from './period-outside-plan-year.js'
import { buildReport, indicator, item, setValue } from '../../../../test/check-fixtures.js'

const findings = (report: Report, rule: string) => checkReport(report).filter((f) => f.rule === rule)
const measureOf = (report: Report, n: number): Measure => indicator(report, n).measures[0]!

describe('item-score-mismatch', () => {
  it('reports a measures-table item score that differs from the detail list, by 0.01 or more', () => {
    const report = buildReport({ itemScores: { i4: 93.33 } })
    setValue(measureOf(report, 2).itemScore, 93.34)
    const found = findings(report, 'item-score-mismatch')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'error', indicator: 2, item: 'i4' })
    expect(found[0]!.values.map((v) => [v.label, v.value, v.prov?.section])).toEqual([
      ['detail', 93.33, 'detail'],
      ['measures', 93.34, 'measures'],
    ])
  })

  it('explains which copy makes the mean of the items equal the printed indicator score', () => {
    const report = buildReport({ itemScores: { i4: 90, i5: 90, i6: 90 } })
    setValue(measureOf(report, 2).itemScore, 95)
    const { en, th } = findings(report, 'item-score-mismatch')[0]!.explanation!
    expect(en).toBe(
      "With the detail list value 90.00 the mean of the items is 90.00, matching indicator 2's score 90.00 (detail list).\n" +
        "With the measures table value 95.00 the mean of the items is 91.67, not indicator 2's score 90.00.",
    )
    expect(th).toContain('ไม่ตรงกับคะแนนตัวชี้วัดที่ 2')
  })

  it('is silent when the scores agree, or when either is unreadable or uncertain', () => {
    const report = buildReport()
    expect(findings(report, 'item-score-mismatch')).toEqual([])
    setValue(measureOf(report, 1).itemScore, 12, { uncertain: true })
    setValue(measureOf(report, 2).itemScore, null)
    setValue(measureOf(report, 3).itemScore, 12)
    setValue(item(report, measureOf(report, 3).item!).score, null)
    expect(findings(report, 'item-score-mismatch')).toEqual([])
  })

  it('finds the detail-list score wherever the item was filed', () => {
    const report = buildReport({ itemScores: { e9: 99.5 } })
    const e9: Measure = { ...structuredClone(measureOf(report, 8)), item: 'e9' }
    setValue(e9.itemScore, 98.5)
    indicator(report, 4).measures.push(e9) // filed under the printed heading, not the item's indicator
    expect(findings(report, 'item-score-mismatch').map((f) => [f.indicator, f.item])).toEqual([[8, 'e9']])
  })
})

describe('indicator-number-mismatch', () => {
  it('reports a table headed with another indicator than its item (the seed: "ตัวชี้วัดที่ ๔" holding e9)', () => {
    const report = buildReport()
    const measure = measureOf(report, 8)
    measure.item = 'e9'
    setValue(measure.printedIndicator, 4)
    const found = findings(report, 'indicator-number-mismatch')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'error', indicator: 8, item: 'e9' })
    expect(found[0]!.values.map((v) => v.value)).toEqual([4, 8])
    expect(found[0]!.message.th).toContain('ตัวชี้วัดที่ 4')
  })

  it('names the item\'s indicator even when the measure was filed under the printed one', () => {
    const report = buildReport()
    const moved = structuredClone(measureOf(report, 8))
    setValue(moved.printedIndicator, 4)
    indicator(report, 8).measures = []
    indicator(report, 4).measures.push(moved)
    expect(findings(report, 'indicator-number-mismatch').map((f) => f.indicator)).toEqual([8])
  })

  it('is silent when the numbers agree, the item is unknown, or the printed number is unreadable', () => {
    const report = buildReport()
    expect(findings(report, 'indicator-number-mismatch')).toEqual([])
    measureOf(report, 1).item = null
    setValue(measureOf(report, 1).printedIndicator, 5)
    setValue(measureOf(report, 2).printedIndicator, null)
    setValue(measureOf(report, 3).printedIndicator, 7, { uncertain: true })
    expect(findings(report, 'indicator-number-mismatch')).toEqual([])
  })
})

describe('period-outside-plan-year', () => {
  it('knows the plan year: a 2568 report plans for fiscal 2569 = 2025-10-01 .. 2026-09-30', () => {
    expect(planYearRange(2568)).toEqual({ from: '2025-10-01', to: '2026-09-30', yearBE: 2569 })
    expect(planYearRange(2567)).toEqual({ from: '2024-10-01', to: '2025-09-30', yearBE: 2568 })
  })

  const withPeriod = (from: string | null, to: string | null, inferred: ('from.year' | 'to.year')[] = [], fiscalYear = 2568) => {
    const report = buildReport({ fiscalYear })
    const period = measureOf(report, 8).period!
    Object.assign(period, { from, to, inferred, text: `${from} - ${to}` })
    return report
  }

  it.each([
    ['the seed\'s 2564-2565 period', '2021-10-01', '2022-09-30', 'error'],
    ['a period one year late', '2026-10-01', '2027-09-30', 'error'],
    ['a period starting a day early', '2025-09-30', '2026-09-30', 'warning'],
    ['a period ending a day late', '2025-10-01', '2026-10-01', 'warning'],
  ])('reports %s', (_what, from, to, severity) => {
    const found = findings(withPeriod(from, to), 'period-outside-plan-year')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity, indicator: 8, item: 'e7' })
    expect(found[0]!.values[0]).toMatchObject({ label: 'period', value: `${from}..${to}` })
    expect(found[0]!.values[0]!.prov?.section).toBe('measures')
  })

  it.each([
    ['exactly the plan year', '2025-10-01', '2026-09-30', []],
    ['a part of the plan year', '2026-01-01', '2026-03-31', []],
    ['a start year that was not printed (inferred wrongly)', '2024-10-01', '2026-09-30', ['from.year']],
    ['an unparsed period', null, null, []],
  ] as const)('is silent for %s', (_what, from, to, inferred) => {
    expect(findings(withPeriod(from, to, [...inferred]), 'period-outside-plan-year')).toEqual([])
  })

  it('follows the report\'s fiscal year, and says nothing when it is unreadable', () => {
    expect(findings(withPeriod('2025-10-01', '2026-09-30', [], 2567), 'period-outside-plan-year')).toHaveLength(1)
    const report = withPeriod('2021-10-01', '2022-09-30')
    setValue(report.fiscalYear, null)
    expect(findings(report, 'period-outside-plan-year')).toEqual([])
  })
})
