/** `total-score-mismatch`: the printed total is not the weighted mean of the tools (2568: 0.3 IIT + 0.3 EIT + 0.4 OIT). */
import { label } from '../labels.js'
import { computedValue, finding, fmtComputed, fmtPrinted, isReadable, printedValue, roundingSlack, tidy, withinTolerance, type Rule } from '../rule.js'
import { formula, printedToolScores, summaryScores, toolMeans, weightedTotal } from '../scoring.js'

export const totalScoreMismatch: Rule = {
  id: 'total-score-mismatch',
  severity: 'error',
  title: {
    en: 'The printed total is not the weighted mean of the tool scores computed from the summary table.',
    th: 'คะแนนรวมที่พิมพ์ไม่เท่ากับคะแนนถ่วงน้ำหนักของเครื่องมือที่คำนวณจากตารางสรุปผล',
  },
  check(ctx) {
    const { report, catalogue } = ctx
    const total = report.totalScore
    if (!isReadable(total)) return []
    // A total printed to one decimal is the computed one rounded: allow for that rounding too.
    const tolerance = ctx.tolerance + roundingSlack(total)
    const means = toolMeans(catalogue, summaryScores(report))
    const computed = weightedTotal(catalogue, means)
    if (means === undefined || computed === undefined || withinTolerance(total.value, computed, tolerance)) return []

    const printedTools = printedToolScores(report)
    const fromPrinted = weightedTotal(catalogue, printedTools.size === catalogue.tools.length ? printedTools : undefined)
    const values = [
      printedValue(label.printedTotal(), total),
      computedValue(label.weightedTotal(), computed),
      ...[...means].map(([tool, mean]) => computedValue(label.toolMean(tool), mean)),
    ]
    let explanation
    if (fromPrinted !== undefined) {
      values.push(computedValue(label.weightedTotalFromPrinted(), fromPrinted))
      const matches = withinTolerance(total.value, fromPrinted, tolerance)
      explanation = matches
        ? {
            en: `The printed tool scores give ${fmtComputed(fromPrinted)}, matching the printed total: an indicator score in the summary table is the likely error.`,
            th: `คะแนนรายเครื่องมือที่พิมพ์ให้ผลรวม ${fmtComputed(fromPrinted)} ตรงกับคะแนนรวมที่พิมพ์ จึงน่าจะมีคะแนนตัวชี้วัดในตารางสรุปผลที่พิมพ์ผิด`,
          }
        : {
            en: `The printed tool scores give ${fmtComputed(fromPrinted)}, which does not match the printed total either.`,
            th: `คะแนนรายเครื่องมือที่พิมพ์ให้ผลรวม ${fmtComputed(fromPrinted)} ซึ่งไม่ตรงกับคะแนนรวมที่พิมพ์เช่นกัน`,
          }
    }
    return [
      finding(
        this,
        this.severity,
        {},
        {
          en: `The total is printed as ${fmtPrinted(total)}, but ${formula(catalogue)} from the summary table gives ${fmtComputed(computed)} (tolerance ${tidy(tolerance)}).`,
          th: `คะแนนรวมพิมพ์เป็น ${fmtPrinted(total)} แต่ ${formula(catalogue)} จากตารางสรุปผลคำนวณได้ ${fmtComputed(computed)} (ยอมให้คลาดเคลื่อน ${tidy(tolerance)})`,
        },
        values,
        explanation,
      ),
    ]
  },
}
