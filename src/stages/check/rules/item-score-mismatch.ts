/** `item-score-mismatch`: an item whose score in a measures table differs from the detail list. */
import { SECTION_EN, label } from '../labels.js'
import { finding, fmt, isReadable, printedValue, samePrinted, type Rule } from '../rule.js'
import { allMeasures, detailItem, subjectIndicator } from '../scoring.js'

export const itemScoreMismatch: Rule = {
  id: 'item-score-mismatch',
  severity: 'error',
  title: {
    en: 'An item score in a measures table differs from the detail list.',
    th: 'คะแนนประเด็นในตารางมาตรการไม่ตรงกับรายการประเด็นการประเมิน',
  },
  check(ctx) {
    return allMeasures(ctx.report).flatMap(({ indicator, measure }) => {
      if (!measure.item || !isReadable(measure.itemScore)) return []
      const detail = detailItem(ctx.report, measure.item)?.score
      if (!isReadable(detail) || samePrinted(detail.value, measure.itemScore.value)) return []
      return [
        finding(
          this,
          this.severity,
          { indicator: subjectIndicator(ctx.catalogue, indicator, measure), item: measure.item },
          {
            en: `Item ${measure.item} scores ${fmt(measure.itemScore.value)} in its ${SECTION_EN.measures} but ${fmt(detail.value)} in the ${SECTION_EN.detail}.`,
            th: `ประเด็น ${measure.item} มีคะแนน ${fmt(measure.itemScore.value)} ในตารางมาตรการ แต่ ${fmt(detail.value)} ในรายการประเด็นการประเมิน`,
          },
          [printedValue(label.section('detail'), detail), printedValue(label.section('measures'), measure.itemScore)],
        ),
      ]
    })
  },
}
