/**
 * `unreadable-value`: a printed number that could not be read (`value: null`, warning) or was read
 * but marked uncertain (info). Such values are never used as evidence by the other rules; this
 * rule says which comparisons a person has to make by eye.
 */
import type { Finding, NumberValue, Section, Tool } from '../../../report/schema.js'
import { SECTION_EN, SECTION_TH, label } from '../labels.js'
import { finding, type Bilingual, type Rule } from '../rule.js'

interface Subject {
  indicator?: number
  tool?: Tool
  item?: string
}

export const unreadableValue: Rule = {
  id: 'unreadable-value',
  severity: 'warning',
  title: {
    en: 'A printed number could not be read reliably, so it was not checked.',
    th: 'ตัวเลขบางค่าอ่านไม่ได้หรืออ่านไม่ชัด จึงไม่ได้นำมาตรวจสอบ',
  },
  check(ctx) {
    const { report } = ctx
    const out: Finding[] = []
    const visit = (v: NumberValue | null | undefined, what: Bilingual, subject: Subject) => {
      if (!v || (v.value !== null && v.uncertain !== true)) return
      const unreadable = v.value === null
      out.push(
        finding(
          this,
          unreadable ? 'warning' : 'info',
          subject,
          unreadable
            ? { en: `${what.en} could not be read (read as "${v.prov.raw}"); it was not checked.`, th: `อ่าน${what.th}ไม่ได้ (อ่านได้ว่า "${v.prov.raw}") จึงไม่ได้ตรวจสอบ` }
            : { en: `${what.en} was read as ${v.value} but marked uncertain; it was not used as evidence.`, th: `${what.th}อ่านได้ว่า ${v.value} แต่ไม่แน่ชัด จึงไม่ได้นำมาตรวจสอบ` },
          [{ label: unreadable ? label.unreadable() : label.uncertain(), value: v.value, prov: v.prov }],
        ),
      )
    }
    visit(report.fiscalYear, { en: "The report's fiscal year", th: 'ปีงบประมาณของรายงาน' }, {})
    visit(report.totalScore, { en: 'The total score', th: 'คะแนนรวม' }, {})
    visit(report.previous?.fiscalYear, { en: "The previous year's label", th: 'ปีที่ผ่านมาที่ระบุ' }, {})
    visit(report.previous?.totalScore, { en: "The previous year's total", th: 'คะแนนรวมปีที่ผ่านมา' }, {})
    visit(report.previous?.difference, { en: 'The difference from the previous year', th: 'ผลต่างจากปีที่ผ่านมา' }, {})
    for (const { tool, score } of report.tools) visit(score, { en: `The printed ${tool} score`, th: `คะแนน ${tool} ที่พิมพ์` }, { tool })
    for (const indicator of report.indicators) {
      const n = indicator.number
      for (const section of ['summary', 'detail', 'analysis'] as const satisfies readonly Section[]) {
        visit(indicator.scores[section], { en: `The score of indicator ${n} in the ${SECTION_EN[section]}`, th: `คะแนนตัวชี้วัดที่ ${n} ใน${SECTION_TH[section]}` }, { indicator: n, tool: indicator.tool })
      }
      for (const item of indicator.items) {
        const which = item.code ?? `"${item.printedCode?.value ?? '?'}" (code unresolved)`
        visit(item.score, { en: `The score of item ${which} in the detail list`, th: `คะแนนประเด็น ${which} ในรายการประเด็นการประเมิน` }, { indicator: n, ...(item.code ? { item: item.code } : {}) })
      }
      for (const measure of indicator.measures) {
        const item = measure.item ?? undefined
        const of = item ? { en: `item ${item}`, th: `ประเด็น ${item}` } : { en: `indicator ${n}`, th: `ตัวชี้วัดที่ ${n}` }
        visit(measure.itemScore, { en: `The score in the measures table of ${of.en}`, th: `คะแนนในตารางมาตรการของ${of.th}` }, { indicator: n, ...(item ? { item } : {}) })
        visit(measure.printedIndicator, { en: `The indicator number heading the measures table of ${of.en}`, th: `เลขตัวชี้วัดที่หัวตารางมาตรการของ${of.th}` }, { indicator: n, ...(item ? { item } : {}) })
      }
    }
    return out
  },
}
