/** Score rules: indicator-score-mismatch, indicator-score-vs-items, tool-score-mismatch, total-score-mismatch. */
import { describe, expect, it } from 'vitest'
import type { Report } from '../../../report/schema.js'
import { checkReport } from '../check-report.js'
import { buildReport, indicator, item, setValue, tool, type ReportSpec } from '../../../../test/check-fixtures.js'

const findings = (report: Report, rule: string) => checkReport(report).filter((f) => f.rule === rule)
const serious = (report: Report) => checkReport(report).filter((f) => f.severity !== 'info')

/** Round numbers: IIT items 90 (indicator 5: 91), EIT items 96, OIT 80 / 90 -> IIT 90.2, EIT 96, OIT 85, total 89.86. */
const ROUND: ReportSpec = {
  itemScores: Object.fromEntries([
    ...Array.from({ length: 12 }, (_, i) => [`i${i + 1}`, 90]),
    ['i13', 91], ['i14', 91], ['i15', 91],
    ...Array.from({ length: 9 }, (_, i) => [`e${i + 1}`, 96]),
  ]),
  oitScores: { 9: 80, 10: 90 },
}

describe('the built fixture', () => {
  it('is consistent: no findings at all', () => {
    expect(checkReport(buildReport())).toEqual([])
    expect(checkReport(buildReport(ROUND))).toEqual([])
    expect(buildReport(ROUND).totalScore!.value).toBe(89.86)
  })
})

describe('indicator-score-mismatch', () => {
  it('reports an indicator printed differently in two sections, once, with every copy and where it was read', () => {
    const report = buildReport()
    const six = indicator(report, 6)
    const printed = six.scores.summary!.value!
    setValue(six.scores.analysis, printed - 4)
    const found = findings(report, 'indicator-score-mismatch')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'error', indicator: 6, tool: 'EIT' })
    expect(found[0]!.values.map((v) => [v.label, v.value, v.prov?.section])).toEqual([
      ['summary', printed, 'summary'],
      ['detail', printed, 'detail'],
      ['analysis', printed - 4, 'analysis'],
      ['mean of items', printed, undefined],
    ])
    expect(found[0]!.values[2]!.prov!.line).toBeGreaterThan(0)
    expect(found[0]!.message.th).toContain('ตัวชี้วัดที่ 6')
  })

  it('treats a difference of 0.01 between printed copies as a real difference (copies are exact)', () => {
    const report = buildReport(ROUND)
    setValue(indicator(report, 1).scores.detail, 90.01)
    expect(findings(report, 'indicator-score-mismatch').map((f) => f.indicator)).toEqual([1])
  })

  it('is silent when every readable copy agrees', () => {
    const report = buildReport(ROUND)
    indicator(report, 2).scores.analysis = null
    expect(findings(report, 'indicator-score-mismatch')).toEqual([])
  })

  it.each([
    ['unreadable (value null)', { value: null }],
    ['uncertain', { value: 12.34, uncertain: true }],
  ])('does not use an %s copy as evidence', (_what, damage) => {
    const report = buildReport(ROUND)
    setValue(indicator(report, 3).scores.detail, damage.value, 'uncertain' in damage ? { uncertain: true } : {})
    expect(findings(report, 'indicator-score-mismatch')).toEqual([])
    expect(findings(report, 'unreadable-value').map((f) => f.indicator)).toEqual([3])
  })

  it('explains which copy reconciles: a damaged summary copy loses against detail and analysis', () => {
    const report = buildReport(ROUND)
    setValue(indicator(report, 7).scores.summary, 69.6)
    const [found] = findings(report, 'indicator-score-mismatch')
    expect(found!.explanation!.en).toContain('Summary table (69.60): gives a total of')
    expect(found!.explanation!.en).toContain('Detail list and per-indicator analysis (96.00): reproduces the printed total 89.86')
    expect(found!.explanation!.en).toContain('Only the detail list and per-indicator analysis value 96.00 is consistent with all the other numbers.')
    expect(found!.explanation!.th).toContain('มีเพียงค่าในรายการประเด็นการประเมินและผลการวิเคราะห์รายตัวชี้วัด 96.00')
  })

  it('explains a conflict between the total and the items (the seed pattern: summary fits the total, detail fits the items)', () => {
    const report = buildReport(ROUND)
    // The detail list and its items say 97.00; summary, analysis, tool and total were computed from 96.00.
    for (const code of ['e1', 'e2', 'e3']) setValue(item(report, code).score, 97)
    setValue(indicator(report, 6).scores.detail, 97)
    const found = findings(report, 'indicator-score-mismatch')
    expect(found).toHaveLength(1)
    const { en } = found[0]!.explanation!
    expect(en).toContain('Summary table and per-indicator analysis (96.00): reproduces the printed total 89.86 (computed 89.86); reproduces the printed EIT score 96.00; is not the mean of its item scores (97.00)')
    expect(en).toContain('Detail list (97.00): gives a total of 89.96, not the printed 89.86; gives an EIT mean of 96.333, not the printed 96.00; equals the mean of its item scores (97.00)')
    expect(en).toContain('The printed total and the item scores point to different values')
    expect(findings(report, 'indicator-score-vs-items')).toEqual([])
  })

  it('says when the total cannot tell the copies apart', () => {
    const report = buildReport(ROUND)
    setValue(indicator(report, 5).scores.analysis, 91.04) // 0.04 on one of five IIT indicators moves the total by 0.0024
    const [found] = findings(report, 'indicator-score-mismatch')
    expect(found!.explanation!.en).toContain('The printed total cannot tell these values apart')
    expect(found!.explanation!.en).toContain('Only the summary table and detail list value 91.00')
  })
})

describe('indicator-score-vs-items', () => {
  const withItems = (scores: number[]) => {
    const report = buildReport(ROUND)
    scores.forEach((s, i) => setValue(item(report, `i${i + 1}`).score, s))
    return report
  }

  it('reports an indicator whose every printed copy differs from the mean of its items', () => {
    const report = withItems([90, 90, 90.06]) // mean 90.02 vs printed 90.00
    const found = findings(report, 'indicator-score-vs-items')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'error', indicator: 1, tool: 'IIT' })
    expect(found[0]!.values.find((v) => v.label === 'mean of items')!.value).toBe(90.02)
    expect(found[0]!.values.filter((v) => v.label.startsWith('item ')).map((v) => v.value)).toEqual([90, 90, 90.06])
  })

  it('accepts a mean within the tolerance of 0.01', () => {
    expect(findings(withItems([90, 90, 90.03]), 'indicator-score-vs-items')).toEqual([]) // mean 90.01
    expect(findings(withItems([89.97, 90, 90]), 'indicator-score-vs-items')).toEqual([]) // mean 89.99
    expect(findings(withItems([89.94, 90, 90]), 'indicator-score-vs-items')).toHaveLength(1) // mean 89.98
  })

  it('rounds the mean half up to two decimals before comparing (82.665 -> 82.67)', () => {
    const report = buildReport(ROUND)
    for (const [code, s] of [['i10', 58], ['i11', 99.33], ['i12', 90.665]] as const) setValue(item(report, code).score, s)
    for (const section of ['summary', 'detail', 'analysis'] as const) setValue(indicator(report, 4).scores[section], 82.67)
    expect(findings(report, 'indicator-score-vs-items')).toEqual([])
  })

  it('says nothing for OIT, whose item rule is unknown', () => {
    const report = buildReport(ROUND)
    for (let n = 1; n <= 19; n++) setValue(item(report, `o${n}`).score, 100) // mean 100, indicator 9 printed 80
    expect(findings(report, 'indicator-score-vs-items')).toEqual([])
  })

  it('says nothing when an item score is missing or unreadable (the mean is unknown)', () => {
    const report = withItems([90, 90, 99])
    setValue(item(report, 'i2').score, null)
    expect(findings(report, 'indicator-score-vs-items')).toEqual([])
  })
})

describe('tool-score-mismatch', () => {
  it.each([
    [90.21, 0],
    [90.19, 0],
    [90.22, 1],
    [90.18, 1],
  ])('printed IIT %s against the mean 90.20 -> %i finding(s)', (printed, count) => {
    const report = buildReport(ROUND)
    setValue(tool(report, 'IIT').score, printed)
    const found = findings(report, 'tool-score-mismatch')
    expect(found).toHaveLength(count)
    if (count) {
      expect(found[0]).toMatchObject({ severity: 'error', tool: 'IIT' })
      expect(found[0]!.indicator).toBeUndefined()
      expect(found[0]!.values.slice(0, 2).map((v) => [v.label, v.value])).toEqual([
        ['printed tool score', printed],
        ['mean of indicators', 90.2],
      ])
    }
  })

  it('explains that the indicator scores fit the total and names the indicator whose score was copied', () => {
    const report = buildReport(ROUND)
    setValue(tool(report, 'EIT').score, 90) // equals indicator 1's summary score
    const [found] = findings(report, 'tool-score-mismatch')
    expect(found!.explanation!.en).toContain('The printed value equals the summary score of indicators 1, 2, 3, 4, 10.')
    expect(found!.explanation!.en).toContain('the printed EIT score is the odd one out')
  })

  it('says nothing when an indicator score of the tool is unreadable', () => {
    const report = buildReport(ROUND)
    setValue(tool(report, 'OIT').score, 50)
    setValue(indicator(report, 10).scores.summary, null)
    expect(findings(report, 'tool-score-mismatch')).toEqual([])
  })
})

describe('total-score-mismatch', () => {
  it.each([
    [89.86, 0],
    [89.87, 0],
    [89.85, 0],
    [89.88, 1],
    [89.84, 1],
  ])('printed total %s against 0.3 x 90.2 + 0.3 x 96 + 0.4 x 85 = 89.86 -> %i finding(s)', (printed, count) => {
    const report = buildReport(ROUND)
    setValue(report.totalScore, printed)
    expect(findings(report, 'total-score-mismatch')).toHaveLength(count)
  })

  it('accepts the seed pattern: 90.426 printed as 90.42 (truncated) or 90.43 (rounded)', () => {
    const report = buildReport()
    const computed = 0.3 * 93.024 + 0.3 * 98.397 + 0.4 * 82.5
    for (const [n, s] of [[1, 93.55], [2, 97.56], [3, 99.56], [4, 82.67], [5, 91.78], [6, 98.67], [7, 98.36], [8, 98.16], [9, 75], [10, 90]] as const) {
      setValue(indicator(report, n).scores.summary, s)
    }
    for (const printed of [90.42, 90.43]) {
      setValue(report.totalScore, printed)
      expect(findings(report, 'total-score-mismatch'), `${printed} vs ${computed}`).toEqual([])
    }
  })

  it('reports the values side by side and explains when the printed tool scores fit the total', () => {
    const report = buildReport(ROUND)
    // The tool scores and total were computed with OIT 87.5, but the summary prints indicator 10 as 90.
    setValue(tool(report, 'OIT').score, 87.5)
    setValue(report.totalScore, 90.86)
    setValue(report.previous!.difference, 1.19)
    const [found] = findings(report, 'total-score-mismatch')
    expect(found!.values.map((v) => [v.label, v.value])).toEqual([
      ['printed total', 90.86],
      ['weighted total', 89.86],
      ['IIT mean', 90.2],
      ['EIT mean', 96],
      ['OIT mean', 85],
      ['weighted total from printed tool scores', 90.86],
    ])
    expect(found!.explanation!.en).toContain('matching the printed total: an indicator score in the summary table is the likely error')
    expect(serious(report).map((f) => f.rule).sort()).toEqual(['tool-score-mismatch', 'total-score-mismatch'])
  })

  it('says nothing when the total or an indicator score is unreadable', () => {
    const report = buildReport(ROUND)
    setValue(report.totalScore, 70)
    setValue(indicator(report, 9).scores.summary, null)
    expect(findings(report, 'total-score-mismatch')).toEqual([])
  })
})
