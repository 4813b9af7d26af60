/**
 * `missing-item`: catalogue items (or their scores) not found in the detail list. Indicators the
 * catalogue has no item list for (no catalogue for the year, or a partial one) are not checked,
 * and the rule says so.
 */
import { ranges } from '../../../catalogue/choose.js'
import type { Finding } from '../../../report/schema.js'
import { finding, notChecked, type Rule } from '../rule.js'
import { detailItem, withoutItemList } from '../scoring.js'

export const missingItem: Rule = {
  id: 'missing-item',
  severity: 'warning',
  title: {
    en: 'An assessment item of the catalogue was not found in the detail list.',
    th: 'ไม่พบประเด็นการประเมินบางข้อในรายการประเด็นการประเมิน',
  },
  check(ctx) {
    const { report, catalogue } = ctx
    if (!report.indicators.some((i) => i.items.length > 0)) {
      return [finding(this, this.severity, {}, { en: 'No assessment items were found in the report.', th: 'ไม่พบรายการประเด็นการประเมินในรายงาน' }, [])]
    }
    const unlisted = withoutItemList(catalogue, report.indicators.map((i) => i.number))
    const skipped: Finding[] = unlisted
      ? [notChecked(this, {}, { en: `whether the detail list holds every item of indicator(s) ${ranges(unlisted.indicators)}`, th: `รายการประเด็นการประเมินของตัวชี้วัดที่ ${ranges(unlisted.indicators)} ครบหรือไม่` }, unlisted.reason)]
      : []
    return skipped.concat(report.indicators.flatMap((indicator) => {
      const expected = catalogue.itemsOf(indicator.number)
      if (expected.length === 0) return []
      const subject = { indicator: indicator.number, tool: indicator.tool }
      if (expected.every((c) => detailItem(report, c.code) === undefined)) {
        return [
          finding(
            this,
            this.severity,
            subject,
            {
              en: `None of the ${expected.length} items of indicator ${indicator.number} (${expected[0]!.code}-${expected.at(-1)!.code}) was found in the detail list.`,
              th: `ไม่พบประเด็นการประเมินของตัวชี้วัดที่ ${indicator.number} ทั้ง ${expected.length} ข้อ (${expected[0]!.code}-${expected.at(-1)!.code}) ในรายการประเด็นการประเมิน`,
            },
            [],
          ),
        ]
      }
      return expected.flatMap((c) => {
        const item = detailItem(report, c.code)
        if (item && item.score !== null) return []
        return [
          finding(
            this,
            this.severity,
            { ...subject, item: c.code },
            item
              ? { en: `Item ${c.code} was found in the detail list but its score was not.`, th: `พบประเด็น ${c.code} ในรายการประเด็นการประเมิน แต่ไม่พบคะแนน` }
              : {
                  en: `Item ${c.code} of indicator ${indicator.number} was not found in the detail list${c.title ? `: "${c.title}"` : ''}.`,
                  th: `ไม่พบประเด็น ${c.code} ของตัวชี้วัดที่ ${indicator.number} ในรายการประเด็นการประเมิน${c.title ? `: "${c.title}"` : ''}`,
                },
            [],
          ),
        ]
      })
    }))
  },
}
