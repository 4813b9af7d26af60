/** `indicator-number-mismatch`: a measures table headed with an indicator number that is not its item's indicator. */
import { label } from '../labels.js'
import { finding, isReadable, printedValue, textValue, type Rule } from '../rule.js'
import { allMeasures } from '../scoring.js'

export const indicatorNumberMismatch: Rule = {
  id: 'indicator-number-mismatch',
  severity: 'error',
  title: {
    en: "A measures table's printed indicator number is not the indicator of the item it holds.",
    th: 'เลขตัวชี้วัดที่หัวตารางมาตรการไม่ตรงกับตัวชี้วัดของประเด็นที่อยู่ในตาราง',
  },
  check(ctx) {
    return allMeasures(ctx.report).flatMap(({ measure }) => {
      if (!measure.item || !isReadable(measure.printedIndicator)) return []
      const belongsTo = ctx.catalogue.item(measure.item)?.indicator
      if (belongsTo === undefined || belongsTo === measure.printedIndicator.value) return []
      const printed = measure.printedIndicator.value
      return [
        finding(
          this,
          this.severity,
          { indicator: belongsTo, item: measure.item },
          {
            en: `The measures table headed "indicator ${printed}" holds item ${measure.item}, which belongs to indicator ${belongsTo}.`,
            th: `ตารางมาตรการที่หัวตารางพิมพ์ว่า "ตัวชี้วัดที่ ${printed}" มีประเด็น ${measure.item} ซึ่งเป็นของตัวชี้วัดที่ ${belongsTo}`,
          },
          [printedValue(label.printedIndicator(), measure.printedIndicator), textValue(label.itemIndicator(), belongsTo)],
          {
            en: `Either the heading should read indicator ${belongsTo}, or the table holds the wrong item.`,
            th: `หัวตารางควรเป็นตัวชี้วัดที่ ${belongsTo} หรือตารางนี้ใส่ประเด็นผิด`,
          },
        ),
      ]
    })
  },
}
