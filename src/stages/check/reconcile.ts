/**
 * Explanations for score mismatches: for each conflicting value of an indicator, would it
 * reproduce the other numbers of the report (the mean of its items, the printed tool score, the
 * printed total)? A person deciding which copy is right needs exactly these facts.
 */
import type { Section, Tool } from '../../report/schema.js'
import { SECTION_EN, SECTION_TH } from './labels.js'
import { fmt, fmtComputed, isReadable, withinTolerance, type Bilingual, type RuleContext } from './rule.js'
import { indicatorOf, itemsMean, summaryScores, toolMean, toolMeans, toolOfIndicator, weightedTotal } from './scoring.js'

export interface CandidateFacts {
  readonly value: number
  readonly sections: readonly Section[]
  /** Compared with the rounded mean of the indicator's items (IIT/EIT only). */
  readonly items?: { readonly mean: number; readonly matches: boolean }
  /** With this value in the summary table, the tool's mean vs the printed tool score. */
  readonly tool?: { readonly tool: Tool; readonly mean: number; readonly printed: number; readonly matches: boolean }
  /** With this value in the summary table, the weighted total vs the printed total. */
  readonly total?: { readonly computed: number; readonly printed: number; readonly matches: boolean }
}

/** What each candidate value of an indicator score would imply for the rest of the report. */
export function reconcileIndicator(
  ctx: RuleContext,
  indicatorNumber: number,
  candidates: ReadonlyArray<{ value: number; sections: readonly Section[] }>,
): CandidateFacts[] {
  const { report, catalogue, tolerance } = ctx
  const indicator = indicatorOf(report, indicatorNumber)
  const mean = indicator ? itemsMean(catalogue, indicator) : undefined
  const tool = toolOfIndicator(catalogue, indicatorNumber)
  if (tool === undefined) return candidates.map(({ value, sections }) => ({ value, sections }))
  const printedTool = report.tools.find((t) => t.tool === tool)?.score
  const printedTotal = report.totalScore
  const baseline = summaryScores(report)

  return candidates.map(({ value, sections }) => {
    const scores = new Map(baseline).set(indicatorNumber, value)
    const facts: { -readonly [K in keyof CandidateFacts]: CandidateFacts[K] } = { value, sections }
    if (mean !== undefined) facts.items = { mean, matches: withinTolerance(value, mean, tolerance) }
    const withTool = toolMean(catalogue, tool, scores)
    if (withTool !== undefined && isReadable(printedTool)) {
      facts.tool = { tool, mean: withTool, printed: printedTool.value, matches: withinTolerance(printedTool.value, withTool, tolerance) }
    }
    const total = weightedTotal(catalogue, toolMeans(catalogue, scores))
    if (total !== undefined && isReadable(printedTotal)) {
      facts.total = { computed: total, printed: printedTotal.value, matches: withinTolerance(printedTotal.value, total, tolerance) }
    }
    return facts
  })
}

const sectionsEn = (sections: readonly Section[]) => joinWords(sections.map((s) => SECTION_EN[s]), 'and')
const sectionsTh = (sections: readonly Section[]) => joinWords(sections.map((s) => SECTION_TH[s]), 'และ').replace(' และ ', 'และ')

function joinWords(words: string[], and: string): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`
}

/** One sentence per candidate, then a conclusion when the facts single one out. */
export function explainCandidates(facts: readonly CandidateFacts[]): Bilingual | undefined {
  if (facts.length === 0) return undefined
  const toolDiscriminates = facts.some((f) => f.tool?.matches)
  const en: string[] = []
  const th: string[] = []
  for (const f of facts) {
    const partsEn: string[] = []
    const partsTh: string[] = []
    if (f.total) {
      if (f.total.matches) {
        partsEn.push(`reproduces the printed total ${fmt(f.total.printed)} (computed ${fmtComputed(f.total.computed)})`)
        partsTh.push(`ให้คะแนนรวม ${fmtComputed(f.total.computed)} สอดคล้องกับคะแนนรวมที่พิมพ์ ${fmt(f.total.printed)}`)
      } else {
        partsEn.push(`gives a total of ${fmtComputed(f.total.computed)}, not the printed ${fmt(f.total.printed)}`)
        partsTh.push(`ให้คะแนนรวม ${fmtComputed(f.total.computed)} ไม่ตรงกับคะแนนรวมที่พิมพ์ ${fmt(f.total.printed)}`)
      }
    }
    if (f.tool && toolDiscriminates) {
      if (f.tool.matches) {
        partsEn.push(`reproduces the printed ${f.tool.tool} score ${fmt(f.tool.printed)}`)
        partsTh.push(`สอดคล้องกับคะแนน ${f.tool.tool} ที่พิมพ์ ${fmt(f.tool.printed)}`)
      } else {
        partsEn.push(`gives an ${f.tool.tool} mean of ${fmtComputed(f.tool.mean)}, not the printed ${fmt(f.tool.printed)}`)
        partsTh.push(`ให้ค่าเฉลี่ย ${f.tool.tool} ${fmtComputed(f.tool.mean)} ไม่ตรงกับที่พิมพ์ ${fmt(f.tool.printed)}`)
      }
    }
    if (f.items) {
      if (f.items.matches) {
        partsEn.push(`equals the mean of its item scores (${fmt(f.items.mean)})`)
        partsTh.push(`เท่ากับค่าเฉลี่ยคะแนนประเด็น (${fmt(f.items.mean)})`)
      } else {
        partsEn.push(`is not the mean of its item scores (${fmt(f.items.mean)})`)
        partsTh.push(`ไม่เท่ากับค่าเฉลี่ยคะแนนประเด็น (${fmt(f.items.mean)})`)
      }
    }
    if (partsEn.length === 0) continue
    en.push(`${capitalise(sectionsEn(f.sections))} (${fmt(f.value)}): ${partsEn.join('; ')}.`)
    th.push(`${sectionsTh(f.sections)} (${fmt(f.value)}): ${partsTh.join('; ')}`)
  }
  if (en.length === 0) return undefined

  const checks = (f: CandidateFacts) => [f.total?.matches, toolDiscriminates ? f.tool?.matches : undefined, f.items?.matches].filter((m) => m !== undefined)
  const agreesWithAll = facts.filter((f) => checks(f).length > 0 && checks(f).every(Boolean))
  const agreesWithNone = facts.filter((f) => checks(f).length > 0 && checks(f).every((m) => !m))
  if (facts.length > 1 && facts.every((f) => f.total?.matches)) {
    en.push('The printed total cannot tell these values apart: their difference is within rounding.')
    th.push('คะแนนรวมที่พิมพ์ไม่สามารถแยกค่าเหล่านี้ได้ เพราะต่างกันไม่เกินการปัดเศษ')
  }
  if (agreesWithAll.length === 1) {
    const best = agreesWithAll[0]!
    en.push(`Only the ${sectionsEn(best.sections)} value ${fmt(best.value)} is consistent with all the other numbers.`)
    th.push(`มีเพียงค่าใน${sectionsTh(best.sections)} ${fmt(best.value)} ที่สอดคล้องกับตัวเลขอื่นทั้งหมดในรายงาน`)
  } else if (agreesWithNone.length === facts.length) {
    en.push('None of the printed values is consistent with the other numbers.')
    th.push('ไม่มีค่าใดที่สอดคล้องกับตัวเลขอื่นในรายงาน')
  } else if (facts.some((f) => f.total?.matches) && facts.some((f) => f.items?.matches) && !facts.some((f) => f.total?.matches && f.items?.matches)) {
    en.push('The printed total and the item scores point to different values: check the source documents.')
    th.push('คะแนนรวมและคะแนนรายประเด็นชี้ไปคนละค่า ควรตรวจสอบกับเอกสารต้นฉบับ')
  }
  return { en: en.join('\n'), th: th.join('\n') }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
