/** Comparing printed numbers at the precision they were printed with. */
import { describe, expect, it } from 'vitest'
import type { NumberValue } from '../../report/schema.js'
import { buildReport, indicator } from '../../../test/check-fixtures.js'
import { checkReport } from './check-report.js'
import { commonDecimals, printedDecimals, roundingSlack, samePrinted } from './rule.js'

const printed = (raw: string, value: number): NumberValue => ({ value, prov: { section: 'analysis', page: 1, raw, source: 'transcript' } })

describe('the precision a number was printed with', () => {
  it.each([
    ['91.3', 1],
    ['๙๑.๓', 1],
    ['91.30', 2],
    ['89,41', 2],
    ['100', 2],
    ['ได้ 91.3 คะแนน', 1],
    ['91.3 และ 92.45', 2],
  ])('"%s" has %i decimal(s) (two when the raw text does not tell)', (raw, decimals) => {
    expect(printedDecimals(printed(raw, 0))).toBe(decimals)
  })

  it('compares two copies at the fewer decimals, and exactly at two', () => {
    expect(samePrinted(91.32, 91.3, commonDecimals(printed('91.32', 91.32), printed('91.3', 91.3)))).toBe(true)
    expect(samePrinted(91.35, 91.4, 1)).toBe(true)
    expect(samePrinted(91.38, 91.3, 1)).toBe(false)
    expect(samePrinted(91.32, 91.33, commonDecimals(printed('91.32', 91.32), printed('91.33', 91.33)))).toBe(false)
  })

  it('widens a tolerance by half a unit of each number printed with one decimal', () => {
    expect(roundingSlack(printed('90.87', 90.87))).toBe(0)
    expect(roundingSlack(printed('90.9', 90.9), printed('5.7', 5.7))).toBeCloseTo(0.1)
  })
})

describe('indicator-score-mismatch on a copy rounded to one decimal', () => {
  it('says nothing of an analysis score that is the table score rounded, and still reports one that is not', () => {
    const report = buildReport()
    const one = indicator(report, 1)
    const table = one.scores.summary!.value!
    const rounded = Math.round(table * 10) / 10
    one.scores.analysis = printed(rounded.toFixed(1), rounded)
    expect(checkReport(report).filter((f) => f.rule === 'indicator-score-mismatch')).toEqual([])
    const off = Math.round((table + 0.3) * 10) / 10
    one.scores.analysis = printed(off.toFixed(1), off)
    const found = checkReport(report).filter((f) => f.rule === 'indicator-score-mismatch')
    expect(found.map((f) => f.indicator)).toEqual([1])
    // The copy is quoted as printed, with its one decimal.
    expect(found[0]!.message.en).toContain(`per-indicator analysis ${off.toFixed(1)}.`)
  })
})
