/**
 * `indicator-score-vs-items`: an IIT/EIT indicator score that is not the mean of its item scores.
 * Reported only when no printed copy of the score matches the mean; when some copies do and
 * others do not, `indicator-score-mismatch` reports the conflict and says which copy matches.
 */
import { ranges } from '../../../catalogue/choose.js'
import type { Section } from '../../../report/schema.js'
import { SECTION_EN, SECTION_TH, label } from '../labels.js'
import { computedValue, finding, fmt, isReadable, notChecked, printedValue, roundingSlack, withinTolerance, type Rule } from '../rule.js'
import { itemsMean, withoutItemList } from '../scoring.js'

const SECTIONS = ['detail', 'summary', 'analysis'] as const satisfies readonly Section[]

export const indicatorScoreVsItems: Rule = {
  id: 'indicator-score-vs-items',
  severity: 'error',
  title: {
    en: 'An IIT/EIT indicator score is not the mean of its item scores.',
    th: 'คะแนนตัวชี้วัด (IIT/EIT) ไม่เท่ากับค่าเฉลี่ยของคะแนนประเด็นการประเมิน',
  },
  check(ctx) {
    const withItems = ctx.report.indicators.filter((i) => i.tool !== 'OIT' && i.items.length > 0).map((i) => i.number)
    const unlisted = withoutItemList(ctx.catalogue, withItems)
    const which = unlisted && ranges(unlisted.indicators)
    const skipped = unlisted
      ? [notChecked(this, {}, { en: `whether indicator(s) ${which} are the means of their items (which items they have is unknown)`, th: `คะแนนตัวชี้วัดที่ ${which} เท่ากับค่าเฉลี่ยคะแนนประเด็นหรือไม่` }, unlisted.reason)]
      : []
    return skipped.concat(ctx.report.indicators.flatMap((indicator) => {
      const mean = itemsMean(ctx.catalogue, indicator)
      if (mean === undefined) return []
      const printed = SECTIONS.flatMap((section) => {
        const score = indicator.scores[section]
        return isReadable(score) ? [{ section, score }] : []
      })
      if (printed.length === 0 || printed.some(({ score }) => withinTolerance(score.value, mean, ctx.tolerance + roundingSlack(score)))) return []
      const items = ctx.catalogue.itemsOf(indicator.number).map((c) => ({ code: c.code, score: indicator.items.find((i) => i.code === c.code)!.score }))
      const itemValues = items.flatMap((item) => (item.score ? [printedValue(label.item(item.code), item.score)] : []))
      const scoresText = (where: Record<Section, string>) => printed.map(({ section, score }) => `${where[section]} ${fmt(score.value)}`).join(', ')
      return [
        finding(
          this,
          this.severity,
          { indicator: indicator.number, tool: indicator.tool },
          {
            en: `Indicator ${indicator.number} is printed as ${scoresText(SECTION_EN)}, but the mean of its ${items.length} item scores is ${fmt(mean)}.`,
            th: `ตัวชี้วัดที่ ${indicator.number} พิมพ์คะแนน ${scoresText(SECTION_TH)} แต่ค่าเฉลี่ยคะแนนประเด็นทั้ง ${items.length} ข้อ คือ ${fmt(mean)}`,
          },
          [...printed.map(({ section, score }) => printedValue(label.section(section), score)), computedValue(label.itemsMean(), mean), ...itemValues],
        ),
      ]
    }))
  },
}
