/** The summary table and the detail list. */
import type { Catalogue } from '../../catalogue/catalogue.js'
import type { Item, NumberValue, TextValue, Tool } from '../../report/schema.js'
import type { Row } from '../segment/rows.js'
import { isDetailHeader, isSummaryHeader } from '../segment/segment.js'
import { firstRawToken, matchDetailItem, splitPrintedCode } from './items.js'
import { scoredRow } from './scored-rows.js'
import { identifyIndicator, startsWithIndicatorLabel } from './thai-text.js'
import { prov, textValue, withRepair } from './values.js'

export interface IndicatorRow {
  readonly number: number
  readonly name: TextValue | null
  readonly score: NumberValue | null
}

export interface SummaryTable {
  readonly indicators: IndicatorRow[]
  readonly tools: { tool: Tool; score: NumberValue }[]
}

/**
 * A row labelled "ตัวชี้วัดที่ N ...": the number as printed, or from the name after it, or (when both
 * are unreadable) the next number after the previous indicator row. Inferred numbers are said
 * in the score's provenance.
 */
function indicatorRow(
  row: Row,
  section: 'summary' | 'detail',
  catalogue: Catalogue,
  previous: number,
): (IndicatorRow & { extra: NumberValue[] }) | undefined {
  const scored = scoredRow(row, section)
  if (!scored || !startsWithIndicatorLabel(scored.label)) return undefined
  const found = identifyIndicator(scored.label, catalogue.indicators)
  const number = found?.number ?? previous + 1
  if (!catalogue.indicators.some((i) => i.number === number)) return undefined
  const repair = found ? found.repair : `indicator number and name unreadable; taken as ${number}, the next after indicator ${previous}`
  const rest = found?.rest ?? ''
  const name = rest ? textValue(rest, scored.labelCell.origin, section, scored.labelCell.raw) : null
  const score = scored.scores[0] ?? null
  return {
    number,
    name,
    score: score && repair ? withRepair(score, { kind: 'indicator-identified', detail: repair }) : score,
    extra: scored.scores.slice(1),
  }
}

export function extractSummary(rows: readonly Row[], catalogue: Catalogue): SummaryTable {
  const indicators: IndicatorRow[] = []
  const tools: SummaryTable['tools'] = []
  for (const row of rows) {
    if (isSummaryHeader(row)) continue
    const found = indicatorRow(row, 'summary', catalogue, indicators.at(-1)?.number ?? 0)
    if (!found) continue
    if (indicators.some((i) => i.number === found.number)) continue
    indicators.push({ number: found.number, name: found.name, score: found.score })
    const toolScore = found.extra[0]
    const tool = catalogue.toolOf(found.number)
    if (toolScore && !tools.some((t) => t.tool === tool)) tools.push({ tool, score: toolScore })
  }
  return { indicators, tools }
}

export interface DetailList {
  readonly indicators: IndicatorRow[]
  readonly items: Map<number, Item[]>
  /** Item rows that could not be identified, kept for the gaps report. */
  readonly unmatched: { indicator: number; text: string; line?: number; page: number }[]
}

export function extractDetail(rows: readonly Row[], catalogue: Catalogue): DetailList {
  const indicators: IndicatorRow[] = []
  const items = new Map<number, Item[]>()
  const unmatched: DetailList['unmatched'] = []
  let current: number | undefined
  let position = 0
  let pending = ''
  for (const row of rows) {
    if (isDetailHeader(row)) continue
    const indicator = indicatorRow(row, 'detail', catalogue, current ?? 0)
    if (indicator) {
      current = indicator.number
      position = 0
      pending = ''
      if (!indicators.some((i) => i.number === indicator.number)) indicators.push(indicator)
      continue
    }
    if (current === undefined) continue
    const scored = scoredRow(row, 'detail')
    if (!scored) continue
    if (scored.scores.length === 0) {
      // A wrapped title without its score: it opens the next item row.
      pending = `${pending} ${scored.label}`.trim()
      continue
    }
    position++
    const { code, title } = splitPrintedCode(`${pending} ${scored.label}`.trim())
    pending = ''
    const match = matchDetailItem(catalogue, current, position, title, code)
    if (!match) {
      unmatched.push({ indicator: current, text: scored.label, page: row.origin.page, ...(row.origin.line && { line: row.origin.line }) })
      continue
    }
    const list = items.get(match.item.indicator) ?? []
    if (list.some((i) => i.code === match.item.code)) {
      unmatched.push({ indicator: current, text: scored.label, page: row.origin.page, ...(row.origin.line && { line: row.origin.line }) })
      continue
    }
    const origin = scored.labelCell.origin
    const rawCode = code ? firstRawToken(scored.labelCell.raw, code) : undefined
    list.push({
      code: match.item.code,
      title: textValue(title, origin, 'detail', scored.labelCell.raw),
      printedCode: code ? { value: code, prov: prov(origin, 'detail', rawCode ?? code, code === match.item.code ? [] : [{ kind: 'code-resolved', detail: `printed code "${rawCode}" identified as ${match.item.code} by ${match.by.replace('+', ' and ')}` }]) } : null,
      score: scored.scores[0] ?? null,
      match: { by: match.by, similarity: match.similarity },
    })
    items.set(match.item.indicator, list)
  }
  for (const list of items.values()) list.sort((a, b) => Number(a.code.slice(1)) - Number(b.code.slice(1)))
  return { indicators, items, unmatched }
}
