/**
 * `previous-year-label`: the comparison with last year labelled with a year other than the
 * previous fiscal year (warning), or a printed difference that is not current minus previous (error).
 */
import { label } from '../labels.js'
import { computedValue, finding, fmt, fmtComputed, isReadable, printedValue, roundingSlack, textValue, withinTolerance, type Rule } from '../rule.js'

export const previousYearLabel: Rule = {
  id: 'previous-year-label',
  severity: 'warning',
  title: {
    en: 'The previous-year comparison is mislabelled or its difference does not add up.',
    th: 'การเปรียบเทียบกับปีที่ผ่านมาระบุปีผิด หรือผลต่างคะแนนไม่ถูกต้อง',
  },
  check(ctx) {
    const { report, tolerance } = ctx
    const previous = report.previous
    if (!previous) return []
    const findings = []
    const fiscalYear = report.fiscalYear
    if (isReadable(fiscalYear) && isReadable(previous.fiscalYear) && previous.fiscalYear.value !== fiscalYear.value - 1) {
      const expected = fiscalYear.value - 1
      const isCurrent = previous.fiscalYear.value === fiscalYear.value
      findings.push(
        finding(
          this,
          'warning',
          {},
          {
            en: `The previous year's result is labelled fiscal year ${previous.fiscalYear.value}${isCurrent ? ', the report\'s own year,' : ''} instead of ${expected}.`,
            th: `ผลการประเมินปีที่ผ่านมาระบุเป็นปีงบประมาณ พ.ศ. ${previous.fiscalYear.value}${isCurrent ? ' ซึ่งเป็นปีเดียวกับรายงาน' : ''} ที่ถูกต้องคือ พ.ศ. ${expected}`,
          },
          [printedValue(label.previousYearPrinted(), previous.fiscalYear), textValue(label.previousYearExpected(), expected), printedValue(label.fiscalYear(), fiscalYear)],
        ),
      )
    }
    const total = report.totalScore
    if (isReadable(total) && isReadable(previous.totalScore) && isReadable(previous.difference)) {
      const difference = total.value - previous.totalScore.value
      if (!withinTolerance(previous.difference.value, difference, tolerance + roundingSlack(previous.difference, total, previous.totalScore))) {
        findings.push(
          finding(
            this,
            'error',
            {},
            {
              en: `The change from last year is printed as ${signed(previous.difference.value)}, but ${fmt(total.value)} - ${fmt(previous.totalScore.value)} = ${signed(difference)}.`,
              th: `ผลต่างจากปีที่ผ่านมาพิมพ์เป็น ${signed(previous.difference.value)} แต่ ${fmt(total.value)} - ${fmt(previous.totalScore.value)} = ${signed(difference)}`,
            },
            [
              printedValue(label.printedDifference(), previous.difference),
              computedValue(label.computedDifference(), difference),
              printedValue(label.currentTotal(), total),
              printedValue(label.previousTotal(), previous.totalScore),
            ],
          ),
        )
      }
    }
    return findings
  },
}

function signed(x: number): string {
  const s = fmtComputed(Math.abs(x))
  return x > 0 ? `+${s}` : x < 0 ? `-${s}` : s
}
