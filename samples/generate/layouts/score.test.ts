import { describe, expect, it } from 'vitest'
import { randomReportSpec } from './spec.js'
import { scoreFindings, scoreValues } from './score.js'
import { truthOf } from './truth.js'
import type { ReportValues } from '../report-values.js'

const truth = truthOf(randomReportSpec(7), { stepsNumbered: true, actionsNumbered: true, stepsPrinted: true }).values
const clone = (): ReportValues => structuredClone(truth)

describe('scoreValues', () => {
  it('counts every field of a perfect reading as exact', () => {
    const score = scoreValues(truth, clone())
    expect(score.counts.exact).toBe(score.counts.total)
    expect(score.counts.total).toBeGreaterThan(52 + 30)
    expect(score.findings.equal).toBe(true)
  })

  it('counts a changed value as wrong and a null as missing', () => {
    const actual = clone()
    actual.totalScore = (truth.totalScore as number) + 1
    actual.indicators[3]!.scores[1] = null
    const score = scoreValues(truth, actual)
    expect(score.counts.wrong).toBe(1)
    expect(score.counts.missing).toBe(1)
    expect(score.fields.find((f) => f.state === 'wrong')).toMatchObject({ path: 'totalScore', expected: truth.totalScore, actual: (truth.totalScore as number) + 1 })
    expect(score.fields.find((f) => f.state === 'missing')?.path).toBe('indicators.4.scores.detail')
  })

  it('counts an item filed under another indicator as missing there and extra elsewhere, a failed conversion as all missing', () => {
    const actual = clone()
    const [moved] = actual.indicators[0]!.items.splice(0, 1)
    actual.indicators[1]!.items.push([`${String(moved![0])}x`, moved![1]])
    const score = scoreValues(truth, actual)
    expect(score.counts.missing).toBe(1)
    expect(score.counts.extra).toBe(1)
    const failed = scoreValues(truth, null)
    expect(failed.counts.missing).toBe(failed.counts.total)
  })

  it('compares list fields (steps, period) as a whole; an empty list or no unit is missing', () => {
    const actual = clone()
    const measured = actual.indicators.find((i) => i.measures.length > 0)!
    measured.measures[0]!.steps = [...measured.measures[0]!.steps, 99]
    measured.measures[0]!.actions = []
    measured.measures[0]!.responsible = 0
    const score = scoreValues(truth, actual)
    expect(score.counts.wrong).toBe(1)
    expect(score.counts.missing).toBe(2)
    expect(scoreValues(truth, clone()).counts.missing).toBe(0)
  })
})

describe('scoreFindings', () => {
  it('gives precision and recall by [severity, rule, subject], as a multiset', () => {
    const expected = [['error', 'tool-score-mismatch', 'IIT'], ['error', 'indicator-score-mismatch', 4], ['warning', 'previous-year-label', null]] as ReportValues['findings']
    const actual = [['error', 'tool-score-mismatch', 'IIT'], ['error', 'indicator-score-mismatch', 5]] as ReportValues['findings']
    const r = scoreFindings(expected, actual)
    expect(r).toMatchObject({ equal: false, matched: 1, precision: 0.5, recall: 1 / 3 })
    expect(r.missed).toEqual(['error indicator-score-mismatch 4', 'warning previous-year-label null'])
    expect(r.spurious).toEqual(['error indicator-score-mismatch 5'])
    expect(scoreFindings(expected, [...expected, expected[0]!]).equal).toBe(false)
    expect(scoreFindings([], [])).toMatchObject({ equal: true, precision: 1, recall: 1 })
  })
})
