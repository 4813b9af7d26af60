/** `item-score-mismatch`: an item whose score in a measures table differs from the detail list. */
import type { Catalogue } from '../../../catalogue/catalogue.js'
import type { Indicator, Report } from '../../../report/schema.js'
import { SECTION_EN, SECTION_TH, label } from '../labels.js'
import { commonDecimals, finding, fmt, isReadable, notChecked, printedValue, round2, samePrinted, withinTolerance, type Bilingual, type Rule } from '../rule.js'
import { allMeasures, detailItem, indicatorOf, itemScoringOf, withoutItemList, subjectIndicator } from '../scoring.js'

export const itemScoreMismatch: Rule = {
  id: 'item-score-mismatch',
  severity: 'error',
  title: {
    en: 'An item score in a measures table differs from the detail list.',
    th: 'คะแนนประเด็นในตารางมาตรการไม่ตรงกับรายการประเด็นการประเมิน',
  },
  check(ctx) {
    // A measure whose item could not be identified (no catalogue, code unreadable) has nothing to be compared with.
    const unknown = allMeasures(ctx.report).filter(({ measure }) => measure.item === null && measure.match?.by === 'no-catalogue' && isReadable(measure.itemScore))
    const unlisted = withoutItemList(ctx.catalogue, unknown.map(({ indicator }) => indicator.number))
    const skipped = unlisted
      ? [notChecked(this, {}, { en: `the item scores of ${unknown.length} measures table row(s) whose printed item codes do not read as codes`, th: `คะแนนประเด็นในตารางมาตรการ ${unknown.length} แถวที่อ่านรหัสประเด็นไม่ได้` }, unlisted.reason)]
      : []
    return skipped.concat(allMeasures(ctx.report).flatMap(({ indicator, measure }) => {
      if (!measure.item || !isReadable(measure.itemScore)) return []
      const detail = detailItem(ctx.report, measure.item)?.score
      if (!isReadable(detail) || samePrinted(detail.value, measure.itemScore.value, commonDecimals(detail, measure.itemScore))) return []
      const n = subjectIndicator(ctx.catalogue, indicator, measure)
      return [
        finding(
          this,
          this.severity,
          { indicator: n, item: measure.item },
          {
            en: `Item ${measure.item} scores ${fmt(measure.itemScore.value)} in its ${SECTION_EN.measures} but ${fmt(detail.value)} in the ${SECTION_EN.detail}.`,
            th: `ประเด็น ${measure.item} มีคะแนน ${fmt(measure.itemScore.value)} ในตารางมาตรการ แต่ ${fmt(detail.value)} ในรายการประเด็นการประเมิน`,
          },
          [printedValue(label.section('detail'), detail), printedValue(label.section('measures'), measure.itemScore)],
          explainItem(ctx.catalogue, ctx.report, n, measure.item, { detail: detail.value, measures: measure.itemScore.value }, ctx.tolerance),
        ),
      ]
    }))
  },
}

/** Which of the two item scores makes the indicator's item mean equal its printed score (IIT/EIT only). */
function explainItem(
  catalogue: Catalogue,
  report: Report,
  indicatorNumber: number,
  code: string,
  candidates: { detail: number; measures: number },
  tolerance: number,
): Bilingual | undefined {
  const indicator: Indicator | undefined = indicatorOf(report, indicatorNumber)
  if (!indicator || itemScoringOf(catalogue, indicatorNumber) !== 'mean') return undefined
  const printed = (['detail', 'summary', 'analysis'] as const).map((s) => indicator.scores[s]).find(isReadable)
  const others = catalogue.itemsOf(indicatorNumber).filter((c) => c.code !== code).map((c) => detailItem(report, c.code)?.score)
  if (!printed || !others.every(isReadable)) return undefined
  const sumOthers = others.reduce((sum, s) => sum + s!.value!, 0)
  const meanWith = (x: number) => round2((sumOthers + x) / (others.length + 1))
  const fits = (x: number) => withinTolerance(printed.value, meanWith(x), tolerance)
  const where = { en: SECTION_EN[printed.prov.section], th: SECTION_TH[printed.prov.section] }
  const sentence = (name: { en: string; th: string }, x: number): Bilingual =>
    fits(x)
      ? { en: `With the ${name.en} value ${fmt(x)} the mean of the items is ${fmt(meanWith(x))}, matching indicator ${indicatorNumber}'s score ${fmt(printed.value)} (${where.en}).`, th: `ถ้าใช้ค่าใน${name.th} ${fmt(x)} ค่าเฉลี่ยคะแนนประเด็นเป็น ${fmt(meanWith(x))} ตรงกับคะแนนตัวชี้วัดที่ ${indicatorNumber} (${fmt(printed.value)})` }
      : { en: `With the ${name.en} value ${fmt(x)} the mean of the items is ${fmt(meanWith(x))}, not indicator ${indicatorNumber}'s score ${fmt(printed.value)}.`, th: `ถ้าใช้ค่าใน${name.th} ${fmt(x)} ค่าเฉลี่ยคะแนนประเด็นเป็น ${fmt(meanWith(x))} ไม่ตรงกับคะแนนตัวชี้วัดที่ ${indicatorNumber} (${fmt(printed.value)})` }
  const detail = sentence({ en: SECTION_EN.detail, th: SECTION_TH.detail }, candidates.detail)
  const measures = sentence({ en: SECTION_EN.measures, th: SECTION_TH.measures }, candidates.measures)
  return { en: `${detail.en}\n${measures.en}`, th: `${detail.th}\n${measures.th}` }
}
