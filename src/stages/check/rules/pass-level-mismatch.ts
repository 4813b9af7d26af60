/**
 * `pass-level-mismatch`: the printed level contradicts the printed total and tool scores, judged by
 * the report's own fiscal year's level scale (AA-F up to 2565; ผ่านดีเยี่ยม ... ต้องปรับปรุงโดยด่วน
 * from 2566). A level's known conditions are necessary ones, and a level needs at least what
 * every level below it needs. Where the year's thresholds are complete the level the numbers give
 * is named; where they are only partly known, or the year's scale is unknown, the rule says it
 * cannot judge instead of passing silently. A warning: levels are worded in many ways.
 */
import type { Level, Levels } from '../../../catalogue/catalogue.js'
import type { Tool } from '../../../report/schema.js'
import { label } from '../labels.js'
import { finding, fmt, isReadable, notChecked, printedValue, textValue, type Bilingual, type FindingValue, type Rule } from '../rule.js'
import { printedToolScores } from '../scoring.js'

export const passLevelMismatch: Rule = {
  id: 'pass-level-mismatch',
  severity: 'warning',
  title: {
    en: "The printed level contradicts the total and tool scores, by the year's level scale.",
    th: 'ระดับผลการประเมินที่พิมพ์ขัดกับคะแนนรวมและคะแนนรายเครื่องมือตามเกณฑ์ของปีนั้น',
  },
  check(ctx) {
    const { report, catalogue } = ctx
    if (!report.level) return []
    const printed = report.level.value.replace(/\s+/g, '')
    const year = catalogue.fiscalYear
    const what = { en: `whether the level "${printed}" fits the scores`, th: `ระดับ "${printed}" สอดคล้องกับคะแนนหรือไม่` }
    const levels = catalogue.levels
    if (!levels) {
      const reason: Bilingual =
        year === undefined
          ? { en: "the report's fiscal year could not be read, so its level scale is unknown", th: 'อ่านปีงบประมาณของรายงานไม่ได้ จึงไม่ทราบเกณฑ์ระดับผลการประเมิน' }
          : { en: `the level scale of fiscal year ${year} is not known`, th: `ไม่ทราบเกณฑ์ระดับผลการประเมินของปีงบประมาณ พ.ศ. ${year}` }
      return [notChecked(this, {}, what, reason)]
    }
    const at = levels.scale.findIndex((l) => sameLevel(l.name, printed))
    const names = levels.scale.map((l) => l.name).join(', ')
    if (at < 0) return [notChecked(this, {}, what, { en: `"${printed}" is not one of ${year}'s levels (${names})`, th: `"${printed}" ไม่ใช่ระดับของปี พ.ศ. ${year} (${names})` })]
    const total = report.totalScore
    if (!isReadable(total)) return []
    const tools = printedToolScores(report)
    const level = levels.scale[at]!
    const failed = failedCondition(levels.scale.slice(at), total.value, tools)
    const printedValues = [textValue(label.printedLevel(), printed, report.level.prov), printedValue(label.printedTotal(), total)]
    if (failed) {
      return [
        finding(
          this,
          this.severity,
          {},
          {
            en: `The report says "${level.name}", but ${failed.what.en} is below ${fmt(failed.min)}, which "${level.name}" needs in fiscal year ${year}.`,
            th: `รายงานระบุว่า "${level.name}" แต่${failed.what.th}ต่ำกว่า ${fmt(failed.min)} ซึ่งเป็นเกณฑ์ขั้นต่ำของระดับ "${level.name}" ในปีงบประมาณ พ.ศ. ${year}`,
          },
          [...printedValues, ...failed.values],
        ),
      ]
    }
    if (levels.thresholds === 'partial') {
      return [notChecked(this, {}, what, { en: `${year}'s level thresholds are only partly known (${knownConditions(levels).en})`, th: `ทราบเกณฑ์ระดับของปี พ.ศ. ${year} เพียงบางส่วน (${knownConditions(levels).th})` })]
    }
    const due = levels.scale.find((_, i) => failedCondition(levels.scale.slice(i), total.value, tools) === undefined)
    if (!due || due === level) return []
    return [
      finding(
        this,
        this.severity,
        {},
        {
          en: `The report says "${level.name}", but a total of ${fmt(total.value)} is level "${due.name}" in fiscal year ${year} (${range(levels, due)}).`,
          th: `รายงานระบุว่า "${level.name}" แต่คะแนนรวม ${fmt(total.value)} อยู่ในระดับ "${due.name}" ตามเกณฑ์ปีงบประมาณ พ.ศ. ${year} (${range(levels, due)})`,
        },
        [...printedValues, textValue(label.levelByScores(), due.name)],
      ),
    ]
  },
}

/** Level names compared without spaces; grade letters in any case. */
function sameLevel(name: string, printed: string): boolean {
  return name.replace(/\s+/g, '').toLowerCase() === printed.toLowerCase()
}

interface Failed {
  readonly what: Bilingual
  readonly min: number
  readonly values: FindingValue[]
}

/** The first necessary condition of these levels (a level and those below it) that the scores fail. */
function failedCondition(levels: readonly Level[], total: number, tools: ReadonlyMap<Tool, number>): Failed | undefined {
  for (const level of levels) {
    if (level.minTotal !== undefined && total < level.minTotal) {
      return { what: { en: `the total ${fmt(total)}`, th: `คะแนนรวม ${fmt(total)} ` }, min: level.minTotal, values: [textValue(label.levelMinTotal(), level.minTotal)] }
    }
    if (level.minEachTool === undefined) continue
    for (const [tool, score] of tools) {
      if (score < level.minEachTool) {
        return {
          what: { en: `the ${tool} score ${fmt(score)}`, th: `คะแนน ${tool} ${fmt(score)} ` },
          min: level.minEachTool,
          values: [textValue(label.printedToolOf(tool), score), textValue(label.levelMinTool(), level.minEachTool)],
        }
      }
    }
  }
  return undefined
}

/** A level's band on a complete scale: "85.00-94.99", "below 50.00". */
function range(levels: Levels, level: Level): string {
  const above = levels.scale[levels.scale.indexOf(level) - 1]?.minTotal
  const from = level.minTotal ?? 0
  if (above === undefined) return `${fmt(from)} or more`
  return from === 0 ? `below ${fmt(above)}` : `${fmt(from)} to below ${fmt(above)}`
}

/** The conditions a partial scale knows, e.g. "ผ่านดี and above need a total of at least 85.00 and every tool at least 85.00". */
function knownConditions(levels: Levels): Bilingual {
  const known = levels.scale.filter((l) => l.minTotal !== undefined || l.minEachTool !== undefined)
  if (known.length === 0) return { en: 'no threshold is confirmed', th: 'ยังไม่มีเกณฑ์ที่ยืนยันได้' }
  const en = known.map((l) => `"${l.name}" and above need ${[l.minTotal !== undefined && `a total of at least ${fmt(l.minTotal)}`, l.minEachTool !== undefined && `every tool at least ${fmt(l.minEachTool)}`].filter(Boolean).join(' and ')}`)
  const th = known.map((l) => `ระดับ "${l.name}" ขึ้นไปต้องมี${[l.minTotal !== undefined && `คะแนนรวมอย่างน้อย ${fmt(l.minTotal)}`, l.minEachTool !== undefined && `คะแนนทุกเครื่องมืออย่างน้อย ${fmt(l.minEachTool)}`].filter(Boolean).join(' และ')}`)
  return { en: en.join('; '), th: th.join('; ') }
}
