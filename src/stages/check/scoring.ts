/**
 * The known scoring arithmetic of a fiscal year (from the catalogue data), applied to printed
 * numbers. Every function returns `undefined` when an input it needs is missing or unreadable:
 * the checker then says nothing rather than guessing.
 */
import type { Catalogue } from '../../catalogue/catalogue.js'
import { ranges } from '../../catalogue/choose.js'
import type { Indicator, Item, Measure, Report, Tool } from '../../report/schema.js'
import { isReadable, round2, type Bilingual } from './rule.js'

export function indicatorOf(report: Report, number: number): Indicator | undefined {
  return report.indicators.find((i) => i.number === number)
}

/**
 * The mean of an indicator's item scores from the detail list, rounded to two decimals, when the
 * year's rule for the tool is `mean` and every catalogue item of the indicator was read.
 */
export function itemsMean(catalogue: Catalogue, indicator: Indicator): number | undefined {
  if (itemScoringOf(catalogue, indicator.number) !== 'mean') return undefined
  const expected = catalogue.itemsOf(indicator.number)
  if (expected.length === 0) return undefined
  const scores: number[] = []
  for (const item of expected) {
    const score = indicator.items.find((i) => i.code === item.code)?.score
    if (!isReadable(score)) return undefined
    scores.push(score.value)
  }
  return round2(scores.reduce((a, b) => a + b, 0) / scores.length)
}

/** The catalogue's tool for an indicator number, or undefined for a number the year does not have. */
export function toolOfIndicator(catalogue: Catalogue, number: number): Tool | undefined {
  return catalogue.indicators.find((i) => i.number === number)?.tool
}

/** How the indicator's score follows from its items this year (`mean` or `unknown`). */
export function itemScoringOf(catalogue: Catalogue, number: number): 'mean' | 'unknown' {
  const tool = toolOfIndicator(catalogue, number)
  return catalogue.tools.find((t) => t.tool === tool)?.itemScoring ?? 'unknown'
}

/** Readable summary-table indicator scores, by indicator number. */
export function summaryScores(report: Report): Map<number, number> {
  const scores = new Map<number, number>()
  for (const indicator of report.indicators) {
    const s = indicator.scores.summary
    if (isReadable(s)) scores.set(indicator.number, s.value)
  }
  return scores
}

/** The mean of a tool's indicator scores (unrounded), when all of them are known. */
export function toolMean(catalogue: Catalogue, tool: Tool, scores: ReadonlyMap<number, number>): number | undefined {
  const indicators = catalogue.tools.find((t) => t.tool === tool)?.indicators ?? []
  if (indicators.length === 0) return undefined
  let sum = 0
  for (const n of indicators) {
    const s = scores.get(n)
    if (s === undefined) return undefined
    sum += s
  }
  return sum / indicators.length
}

/** Every tool's mean, when all are known. */
export function toolMeans(catalogue: Catalogue, scores: ReadonlyMap<number, number>): Map<Tool, number> | undefined {
  const means = new Map<Tool, number>()
  for (const { tool } of catalogue.tools) {
    const mean = toolMean(catalogue, tool, scores)
    if (mean === undefined) return undefined
    means.set(tool, mean)
  }
  return means
}

/** The weighted total (2568: 0.3 IIT + 0.3 EIT + 0.4 OIT) of tool scores, when all are known. */
export function weightedTotal(catalogue: Catalogue, tools: ReadonlyMap<Tool, number> | undefined): number | undefined {
  if (!tools) return undefined
  let total = 0
  for (const { tool, weight } of catalogue.tools) {
    const score = tools.get(tool)
    if (score === undefined) return undefined
    total += weight * score
  }
  return total
}

/** Readable printed tool scores (summary table's tool column), by tool. */
export function printedToolScores(report: Report): Map<Tool, number> {
  const scores = new Map<Tool, number>()
  for (const { tool, score } of report.tools) if (isReadable(score)) scores.set(tool, score.value)
  return scores
}

/** The weighting formula as text, e.g. `0.3 IIT + 0.3 EIT + 0.4 OIT`. */
export function formula(catalogue: Catalogue): string {
  return catalogue.tools.map((t) => `${t.weight} ${t.tool}`).join(' + ')
}

/** Every measure with the indicator it is filed under in the report. */
export function allMeasures(report: Report): { indicator: Indicator; measure: Measure }[] {
  return report.indicators.flatMap((indicator) => indicator.measures.map((measure) => ({ indicator, measure })))
}

/** The indicator a measure is about: its item's indicator when the item is known, else where it is filed. */
export function subjectIndicator(catalogue: Catalogue, filedUnder: Indicator, measure: Measure): number {
  return (measure.item ? catalogue.item(measure.item)?.indicator : undefined) ?? filedUnder.number
}

/** An item as read in the detail list, wherever the extractor filed it. */
export function detailItem(report: Report, code: string): Item | undefined {
  for (const indicator of report.indicators) {
    const item = indicator.items.find((i) => i.code === code)
    if (item) return item
  }
  return undefined
}

/**
 * The indicators among `numbers` (of the year's structure) whose items the catalogue cannot name,
 * and why (no item list for the year, an unreadable year, or a partial list); undefined when none.
 */
export function withoutItemList(catalogue: Catalogue, numbers: readonly number[]): { indicators: number[]; reason: Bilingual } | undefined {
  const indicators = [...new Set(numbers)]
    .filter((n) => catalogue.indicators.some((i) => i.number === n) && !catalogue.listsItemsOf(n))
    .sort((a, b) => a - b)
  if (indicators.length === 0) return undefined
  const list = catalogue.itemList
  if (list) {
    const provisional = list.provisional ? { en: ' (provisional)', th: ' (ฉบับชั่วคราว)' } : { en: '', th: '' }
    const which = ranges(indicators)
    return {
      indicators,
      reason: {
        en: `the ${list.fiscalYear} item catalogue${provisional.en} does not list the items of indicator(s) ${which}`,
        th: `รายการประเด็นการประเมินปี พ.ศ. ${list.fiscalYear}${provisional.th} ไม่มีประเด็นของตัวชี้วัดที่ ${which}`,
      },
    }
  }
  if (catalogue.fiscalYear === undefined) {
    return { indicators, reason: { en: "the report's fiscal year could not be read, so no item catalogue was used", th: 'อ่านปีงบประมาณของรายงานไม่ได้ จึงไม่ได้ใช้รายการประเด็นการประเมินของปีใด' } }
  }
  return { indicators, reason: { en: `there is no item catalogue for fiscal year ${catalogue.fiscalYear}`, th: `ไม่มีรายการประเด็นการประเมินของปีงบประมาณ พ.ศ. ${catalogue.fiscalYear}` } }
}
