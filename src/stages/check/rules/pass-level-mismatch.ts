/**
 * `pass-level-mismatch`: the printed level (ผ่าน / ไม่ผ่าน) contradicts the printed total and the
 * year's pass mark. A warning, not an error: levels are worded in many ways and only these two
 * words are checked.
 */
import { label } from '../labels.js'
import { finding, fmt, isReadable, printedValue, textValue, type Rule } from '../rule.js'

const PASS = 'ผ่าน'
const FAIL = 'ไม่ผ่าน'

export const passLevelMismatch: Rule = {
  id: 'pass-level-mismatch',
  severity: 'warning',
  title: {
    en: 'The printed pass level contradicts the total and the pass mark.',
    th: 'ระดับผลการประเมินที่พิมพ์ขัดกับคะแนนรวมและเกณฑ์ผ่าน',
  },
  check(ctx) {
    const { report, catalogue } = ctx
    const total = report.totalScore
    const level = report.level?.value.replace(/\s+/g, '')
    if (!isReadable(total) || (level !== PASS && level !== FAIL)) return []
    const passes = total.value >= catalogue.passMark
    if (passes === (level === PASS)) return []
    return [
      finding(
        this,
        this.severity,
        {},
        {
          en: `The report says "${level}" but the total ${fmt(total.value)} is ${passes ? 'at or above' : 'below'} the pass mark ${fmt(catalogue.passMark)}.`,
          th: `รายงานระบุว่า "${level}" แต่คะแนนรวม ${fmt(total.value)} ${passes ? 'ถึง' : 'ต่ำกว่า'}เกณฑ์ผ่าน ${fmt(catalogue.passMark)}`,
        },
        [textValue(label.printedLevel(), level, report.level!.prov), printedValue(label.printedTotal(), total), textValue(label.passMark(), catalogue.passMark)],
      ),
    ]
  },
}
