/** `tool-score-mismatch`: a printed tool score that is not the mean of its indicators' summary-table scores. */
import { label } from '../labels.js'
import { computedValue, finding, fmt, fmtComputed, isReadable, printedValue, roundingSlack, samePrinted, withinTolerance, type Bilingual, type Rule, type RuleContext } from '../rule.js'
import { summaryScores, toolMean, toolMeans, weightedTotal } from '../scoring.js'
import type { Tool } from '../../../report/schema.js'

export const toolScoreMismatch: Rule = {
  id: 'tool-score-mismatch',
  severity: 'error',
  title: {
    en: 'A printed tool score is not the mean of its indicator scores in the summary table.',
    th: 'คะแนนรายเครื่องมือที่พิมพ์ไม่เท่ากับค่าเฉลี่ยคะแนนตัวชี้วัดในตารางสรุปผล',
  },
  check(ctx) {
    const { report, catalogue, tolerance } = ctx
    const scores = summaryScores(report)
    return report.tools.flatMap(({ tool, score }) => {
      if (!isReadable(score)) return []
      const mean = toolMean(catalogue, tool, scores)
      if (mean === undefined || withinTolerance(score.value, mean, tolerance + roundingSlack(score))) return []
      const indicators = catalogue.tools.find((t) => t.tool === tool)!.indicators
      const indicatorValues = indicators.map((n) => {
        const summary = report.indicators.find((i) => i.number === n)!.scores.summary!
        return printedValue(label.indicatorIn(n, 'summary'), summary)
      })
      return [
        finding(
          this,
          this.severity,
          { tool },
          {
            en: `The ${tool} score is printed as ${fmt(score.value)}, but the mean of its indicators ${indicators.join(', ')} in the summary table is ${fmtComputed(mean)}.`,
            th: `คะแนน ${tool} พิมพ์เป็น ${fmt(score.value)} แต่ค่าเฉลี่ยของตัวชี้วัดที่ ${indicators.join(', ')} ในตารางสรุปผล คือ ${fmtComputed(mean)}`,
          },
          [printedValue(label.printedTool(), score), computedValue(label.indicatorsMean(), mean), ...indicatorValues],
          explainTool(ctx, tool, score.value, scores),
        ),
      ]
    })
  },
}

/** Which of the two (printed tool score, computed mean) reproduces the printed total. */
function explainTool(ctx: RuleContext, tool: Tool, printed: number, scores: Map<number, number>): Bilingual | undefined {
  const { report, catalogue, tolerance } = ctx
  const en: string[] = []
  const th: string[] = []
  const sameAs = report.indicators.filter((i) => isReadable(i.scores.summary) && samePrinted(i.scores.summary.value, printed)).map((i) => i.number)
  if (sameAs.length > 0) {
    en.push(`The printed value equals the summary score of indicator${sameAs.length > 1 ? 's' : ''} ${sameAs.join(', ')}.`)
    th.push(`ค่าที่พิมพ์เท่ากับคะแนนของตัวชี้วัดที่ ${sameAs.join(', ')} ในตารางสรุปผล`)
  }
  const total = report.totalScore
  const computedTools = toolMeans(catalogue, scores)
  if (isReadable(total) && computedTools) {
    const fromMeans = weightedTotal(catalogue, computedTools)!
    const withPrinted = weightedTotal(catalogue, new Map(computedTools).set(tool, printed))!
    const meansMatch = withinTolerance(total.value, fromMeans, tolerance)
    const printedMatch = withinTolerance(total.value, withPrinted, tolerance)
    en.push(
      `With the computed mean the weighted total is ${fmtComputed(fromMeans)}${meansMatch ? ', matching' : ', not'} the printed total ${fmt(total.value)}; ` +
        `with the printed ${tool} score it is ${fmtComputed(withPrinted)}${printedMatch ? ', matching it' : ', which does not match'}.`,
    )
    th.push(
      `เมื่อใช้ค่าเฉลี่ยที่คำนวณ คะแนนรวมถ่วงน้ำหนักเป็น ${fmtComputed(fromMeans)} ${meansMatch ? 'ตรงกับ' : 'ไม่ตรงกับ'}คะแนนรวมที่พิมพ์ ${fmt(total.value)} ` +
        `เมื่อใช้คะแนน ${tool} ที่พิมพ์ ได้ ${fmtComputed(withPrinted)} ${printedMatch ? 'ตรงกับคะแนนรวมที่พิมพ์' : 'ไม่ตรงกับคะแนนรวมที่พิมพ์'}`,
    )
    if (meansMatch && !printedMatch) {
      en.push(`The indicator scores are consistent with the total; the printed ${tool} score is the odd one out.`)
      th.push(`คะแนนตัวชี้วัดสอดคล้องกับคะแนนรวม คะแนน ${tool} ที่พิมพ์จึงน่าจะผิด`)
    } else if (printedMatch && !meansMatch) {
      en.push(`The printed ${tool} score is consistent with the total; one of its indicator scores may be misprinted.`)
      th.push(`คะแนน ${tool} ที่พิมพ์สอดคล้องกับคะแนนรวม คะแนนตัวชี้วัดบางตัวอาจพิมพ์ผิด`)
    }
  }
  return en.length > 0 ? { en: en.join('\n'), th: th.join('\n') } : undefined
}
