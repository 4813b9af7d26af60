/** The rule engine: registry, per-year rule data, ordering, purity, and consistent reports staying silent. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../catalogue/catalogue.js'
import { FindingSchema } from '../../report/schema.js'
import { checkReport } from './check-report.js'
import { rules } from './rules/index.js'
import { buildReport, indicator, setValue, tool } from '../../../test/check-fixtures.js'

describe('rule registry', () => {
  it('has unique kebab-case ids with English and Thai titles', () => {
    const ids = rules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(rule.title.en).not.toBe('')
      expect(rule.title.th).toMatch(/[\u0E00-\u0E7F]/)
    }
  })

  it('contains the public rule ids of issue 3', () => {
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'indicator-score-mismatch',
        'indicator-score-vs-items',
        'tool-score-mismatch',
        'total-score-mismatch',
        'item-score-mismatch',
        'indicator-number-mismatch',
        'period-outside-plan-year',
        'previous-year-label',
        'missing-indicator',
        'missing-item',
        'unreadable-value',
      ]),
    )
  })

  it('the 2568 catalogue lists only rules that exist', () => {
    const known = loadCatalogue(2568).rules ?? []
    expect(known.length).toBeGreaterThan(0)
    for (const id of known) expect(rules.map((r) => r.id)).toContain(id)
  })
})

describe('checkReport', () => {
  it('runs only the rules the fiscal year lists as known', () => {
    const report = buildReport()
    setValue(report.totalScore, 10)
    const catalogue = loadCatalogue(2568)
    expect(checkReport(report).map((f) => f.rule)).toContain('total-score-mismatch')
    const without = { ...catalogue, rules: catalogue.rules!.filter((id) => id !== 'total-score-mismatch') }
    expect(checkReport(report, { catalogue: without }).map((f) => f.rule)).not.toContain('total-score-mismatch')
  })

  it('lists errors, then warnings, then info; findings match the schema; the report is not changed', () => {
    const report = buildReport()
    setValue(indicator(report, 2).scores.analysis, 1) // error
    setValue(report.previous!.fiscalYear, 2568) // warning
    setValue(tool(report, 'OIT').score, 50, { uncertain: true }) // info
    const before = structuredClone(report)
    const found = checkReport(report)
    expect(found.map((f) => f.severity)).toEqual(['error', 'warning', 'info'])
    for (const f of found) expect(FindingSchema.safeParse(f).success).toBe(true)
    expect(report).toEqual(before)
  })

  it('reports a contradiction once even when the extractor read the same measure twice', () => {
    const report = buildReport()
    const measure = indicator(report, 8).measures[0]!
    setValue(measure.printedIndicator, 4)
    indicator(report, 8).measures.push(structuredClone(measure))
    expect(checkReport(report).filter((f) => f.rule === 'indicator-number-mismatch')).toHaveLength(1)
  })

  it('does not crash on an indicator number the fiscal year does not have', () => {
    const report = buildReport()
    const extra = structuredClone(indicator(report, 8))
    extra.number = 11
    setValue(extra.scores.analysis, 1)
    report.indicators.push(extra)
    expect(checkReport(report).map((f) => [f.rule, f.indicator])).toEqual([['indicator-score-mismatch', 11]])
  })

  it('finds nothing in any internally consistent report (random item scores)', () => {
    const code = fc.constantFrom(...loadCatalogue(2568).items.filter((i) => i.tool !== 'OIT').map((i) => i.code))
    const score = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100)
    fc.assert(
      fc.property(fc.dictionary(code, score), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (itemScores, oit9, oit10) => {
        const report = buildReport({ itemScores, oitScores: { 9: oit9, 10: oit10 } })
        expect(checkReport(report)).toEqual([])
      }),
      { seed: 2568, numRuns: 150 },
    )
  })

  it('reports any single damaged copy of an indicator score exactly once, for that indicator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('summary' as const, 'detail' as const, 'analysis' as const),
        fc.integer({ min: 1, max: 2000 }).map((n) => (n % 2 ? n : -n) / 100),
        (n, section, delta) => {
          const report = buildReport()
          const copy = indicator(report, n).scores[section]!
          setValue(copy, Math.round((copy.value! + delta) * 100) / 100)
          const found = checkReport(report).filter((f) => f.rule === 'indicator-score-mismatch')
          expect(found.map((f) => f.indicator)).toEqual([n])
        },
      ),
      { seed: 3, numRuns: 100 },
    )
  })
})
