/** `indicator-score-mismatch`: one indicator printed with different scores in different sections. */
import type { NumberValue, Section } from '../../../report/schema.js'
import { SECTION_EN, SECTION_TH, label } from '../labels.js'
import { explainCandidates, reconcileIndicator } from '../reconcile.js'
import { commonDecimals, computedValue, finding, fmtPrinted, isReadable, printedValue, samePrinted, type FindingValue, type Rule } from '../rule.js'
import { itemsMean } from '../scoring.js'

const SECTIONS = ['summary', 'detail', 'analysis'] as const satisfies readonly Section[]

export const indicatorScoreMismatch: Rule = {
  id: 'indicator-score-mismatch',
  severity: 'error',
  title: {
    en: 'An indicator score is printed differently in different sections.',
    th: 'คะแนนตัวชี้วัดเดียวกันพิมพ์ไม่ตรงกันในแต่ละส่วนของรายงาน',
  },
  check(ctx) {
    return ctx.report.indicators.flatMap((indicator) => {
      const printed = SECTIONS.flatMap((section) => {
        const score = indicator.scores[section]
        return isReadable(score) ? [{ section, score }] : []
      })
      const groups: { value: number; sections: Section[]; first: NumberValue }[] = []
      for (const { section, score } of printed) {
        // A copy printed to one decimal (prose) is compared at one decimal.
        const group = groups.find((g) => samePrinted(g.value, score.value, commonDecimals(g.first, score)))
        if (group) group.sections.push(section)
        else groups.push({ value: score.value, sections: [section], first: score })
      }
      if (groups.length < 2) return []

      const values: FindingValue[] = printed.map(({ section, score }) => printedValue(label.section(section), score))
      const mean = itemsMean(ctx.catalogue, indicator)
      if (mean !== undefined) values.push(computedValue(label.itemsMean(), mean))
      const listEn = printed.map(({ section, score }) => `${SECTION_EN[section]} ${fmtPrinted(score)}`).join(', ')
      const listTh = printed.map(({ section, score }) => `${SECTION_TH[section]} ${fmtPrinted(score)}`).join(', ')
      return [
        finding(
          this,
          this.severity,
          { indicator: indicator.number, tool: indicator.tool },
          {
            en: `Indicator ${indicator.number} is printed with different scores: ${listEn}.`,
            th: `ตัวชี้วัดที่ ${indicator.number} พิมพ์คะแนนไม่ตรงกัน: ${listTh}`,
          },
          values,
          explainCandidates(reconcileIndicator(ctx, indicator.number, groups)),
        ),
      ]
    })
  },
}
