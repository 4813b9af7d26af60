/** The summary table and the detail list. */
import type { Catalogue, CatalogueItem } from '../../catalogue/catalogue.js'
import { itemAsPrinted, type ItemAsPrinted } from '../../catalogue/printed-code.js'
import type { Item, NumberValue, Repair, TextValue, Tool } from '../../report/schema.js'
import type { Row } from '../text/rows.js'
import { analysisScoreLine, indicatorIndexRow, isAnalysisHeading, isDetailHeader, isSummaryHeader, toolIndexRow } from '../segment/segment.js'
import { readIndicatorHeading } from './analysis.js'
import { filledCells } from '../text/rows.js'
import { firstRawToken, matchAnyItem, matchDetailItem, positionalItem, splitPrintedCode, type ItemMatch } from './items.js'
import { scoredRow, type ScoredRow } from '../text/scored-rows.js'
import { A_TABLE_SCORE, DECIMAL_SCORE, findIndicator, indicatorLabelOffset, leadingIndicatorNumber, startsWithIndicatorLabel, withoutClauseNumber } from '../text/thai-text.js'
import { BE_YEAR, PREVIOUS_WORDS, SUBTOTAL_WORDS, TABLE_HEADER_WORDS, TOOL_NAMES, toolsNamed, withoutGloss } from '../text/vocabulary.js'
import { cellScore, numberValue, parseScore, prov, rawOf, scoreToken, textValue, TRAILING_DECIMAL_SCORE, withRepair } from '../text/values.js'

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
  const scored = sentenceScore(row, section) ?? scoredRow(row, section)
  if (!scored) return undefined
  const label = findIndicator(scored.label, catalogue.indicators)
  if (!label) return undefined
  const { found } = label
  const number = found?.number ?? previous + 1
  if (!catalogue.indicators.some((i) => i.number === number)) return undefined
  const unread = found ? found.repair : `indicator number and name unreadable; taken as ${number}, the next after indicator ${previous}`
  const repair = [label.ignored && `"${label.ignored}" before the indicator label ignored`, unread].filter(Boolean).join('; ') || undefined
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

/**
 * A summary's indicator written as a sentence of its own: "1. ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้คะแนน
 * 84.88 คะแนน". The label is the text before the score and the words that lead to it.
 */
function sentenceScore(row: Row, section: 'summary' | 'detail'): ScoredRow | undefined {
  if (section !== 'summary' || row.kind !== 'line') return undefined
  const cell = row.cells[0]!
  const text = withoutClauseNumber(cell.text)
  if (text.length > SENTENCE_LENGTH || !startsWithIndicatorLabel(text)) return undefined
  const m = TRAILING_DECIMAL_SCORE.exec(text)
  if (!m || /\d[.,]\d/.test(text.slice(0, m.index))) return undefined
  const label = text.slice(0, m.index).replace(SENTENCE_LEAD, '').trim()
  const score = numberValue(parseScore(m[1]!) ?? null, cell.origin, section, rawOf(m[1]!, cell.raw))
  return { label, labelCell: { ...cell, text: label }, labelCells: [{ ...cell, text: label }], scores: [score] }
}

const SENTENCE_LENGTH = 150
const SENTENCE_LEAD = /(?:\s|ได้|มี|คะแนน|เท่ากับ|คือ|อยู่ที่|[:：(\-–])+$/
/** A tool's score after its name in a sentence: the first score within a few words. */
const SCORE_AFTER_TOOL = new RegExp(String.raw`^[^\d]{0,30}?(${DECIMAL_SCORE})`)

export function extractSummary(rows: readonly Row[], catalogue: Catalogue): SummaryTable {
  const indicators: IndicatorRow[] = []
  const tools: SummaryTable['tools'] = []
  /** The number after each indicator row's score, by the indicator's tool: the tool's score, if the column holds tool scores. */
  const besideScores = new Map<Tool, NumberValue[]>()
  let sideways: { table: string | undefined; index: Map<number, number> } | undefined
  let toolsAcross: { table: string | undefined; index: Map<number, Tool>; scores: Row | undefined } | undefined
  let toolColumn: { table: string | undefined; col: number } | undefined
  for (const [at, raw] of rows.entries()) {
    const named = toolScoreHeaderCol(raw)
    if (named !== undefined) toolColumn = { table: raw.table, col: named }
    const row = toolScoreLast(raw, toolColumn?.table === raw.table ? toolColumn?.col : undefined)
    const index = indicatorIndexRow(row, catalogue.indicators, rows[at + 1])
    if (index) {
      sideways = { table: row.table, index }
      continue
    }
    const toolIndex = toolIndexRow(row)
    if (toolIndex) {
      toolsAcross = { table: row.table, index: toolIndex, scores: toolScoreRow(rows.slice(at + 1).filter((r) => r.table === row.table)) }
      continue
    }
    if (sideways && row.table === sideways.table) {
      // A tool's own row ("แบบวัด... (IIT) | 84.74"), as a table read without rulings merges the tool table into this one.
      const tool = toolRow(row)
      if (!tool) sidewaysRow(row, sideways.index, catalogue, indicators, tools)
      else if (!tools.some((t) => t.tool === tool.tool)) tools.push(tool)
      continue
    }
    if (toolsAcross && row.table === toolsAcross.table) {
      if (row === toolsAcross.scores) toolScoresAcross(row, toolsAcross.index, tools)
      const found = row === toolsAcross.scores ? undefined : matrixRow(row, toolsAcross.index, catalogue, indicators.at(-1)?.number ?? 0)
      if (found && !indicators.some((i) => i.number === found.number)) indicators.push(found)
      continue
    }
    if (isSummaryHeader(row)) continue
    const found = indicatorRow(row, 'summary', catalogue, indicators.at(-1)?.number ?? 0)
    if (!found) {
      const tool = toolRow(row)
      if (tool && !tools.some((t) => t.tool === tool.tool)) tools.push(tool)
      continue
    }
    if (indicators.some((i) => i.number === found.number)) continue
    indicators.push({ number: found.number, name: found.name, score: found.score })
    const beside = found.extra[0]
    const tool = catalogue.toolOf(found.number)
    if (beside) besideScores.set(tool, [...(besideScores.get(tool) ?? []), beside])
  }
  const fromColumn = toolColumnScores(besideScores)
  return { indicators, tools: [...fromColumn, ...tools.filter((t) => !fromColumn.some((c) => c.tool === t.tool))] }
}

/**
 * An indicator's row in a summary printed as a matrix of tools ("ตัวชี้วัดที่ 1 ... | 90.58 | - | -" under
 * "ตัวชี้วัด | IIT | EIT | OIT"): its score is the one in its own tool's column, the other tools' cells
 * holding none (a dash or nothing). A row with a score under another tool, or under two, is left unread.
 */
function matrixRow(row: Row, index: ReadonlyMap<number, Tool>, catalogue: Catalogue, previous: number): IndicatorRow | undefined {
  const labelCells = row.cells.filter((c) => !index.has(c.col))
  const label = indicatorRow({ ...row, cells: labelCells }, 'summary', catalogue, previous)
  if (!label) return undefined
  // A score column of its own beside the tools' (ตัวชี้วัด | IIT | EIT | OIT | คะแนน) is the row's score.
  if (typeof label.score?.value === 'number') return { number: label.number, name: label.name, score: label.score }
  const tool = catalogue.toolOf(label.number)
  const scored = row.cells.filter((c) => index.has(c.col) && typeof cellScore(c, 'summary')?.value === 'number')
  const own = scored[0]
  if (scored.length !== 1 || index.get(own!.col) !== tool) return undefined
  const found = indicatorRow({ ...row, cells: [...labelCells, own!] }, 'summary', catalogue, previous)
  return found && { number: found.number, name: found.name, score: found.score }
}

/** A header cell naming the tools' scores ("คะแนนรายเครื่องมือ", "คะแนนเครื่องมือ"): its column. */
function toolScoreHeaderCol(row: Row): number | undefined {
  if (row.kind !== 'table-row' || A_TABLE_SCORE.test(row.text)) return undefined
  return row.cells.find((c) => TOOL_SCORE_HEADER.test(c.text))?.col
}
const TOOL_SCORE_HEADER = /คะแนน\s*(?:ราย\s*)?เครื่อง\s*มือ|เครื่อง\s*มือ\S*\s*\(?\s*คะแนน/

/**
 * The row with its tool's score cell last, after the indicator's, wherever its column is printed: the
 * column a header names for the tools' scores, or else the score cell spanning rows (a tool's score is
 * printed once for its indicators) beside one that does not. Other rows are returned as they are.
 */
function toolScoreLast(row: Row, namedCol: number | undefined): Row {
  if (row.kind !== 'table-row') return row
  const scores = row.cells.filter((c) => !c.setAside && scoreToken(c.text) !== undefined)
  const tool = namedCol !== undefined ? scores.find((c) => c.col === namedCol) : scores.length === 2 && scores.filter((c) => c.rowSpan > 1).length === 1 ? scores.find((c) => c.rowSpan > 1) : undefined
  if (!tool || scores.at(-1) === tool || scores.length < 2) return row
  return { ...row, cells: [...row.cells.filter((c) => c !== tool), tool] }
}

/**
 * The tool scores in a column beside the indicator scores ("คะแนนรายเครื่องมือ"): a tool's score is printed
 * once for its indicators (on its first row, or spanning them), or the same on each. A column whose
 * numbers differ between one tool's rows holds something else (a target, a mark) and gives no tool score.
 */
function toolColumnScores(beside: ReadonlyMap<Tool, NumberValue[]>): SummaryTable['tools'] {
  const values = [...beside.values()].map((scores) => new Set(scores.map((s) => s.value).filter((v) => v !== null)))
  if (values.some((v) => v.size > 1)) return []
  return [...beside].map(([tool, scores]) => ({ tool, score: scores[0]! }))
}

/**
 * A score row of a summary laid out sideways, under its row of indicator numbers: indicator scores
 * one per column ("คะแนนรายตัวชี้วัด | 89.27 | 82.92 ..."), or tool scores in cells spanning their
 * indicators' columns ("คะแนนรายเครื่องมือ | 85.92 (over 1-5) | 88.08 (over 6-8) ...").
 */
function sidewaysRow(row: Row, index: Map<number, number>, catalogue: Catalogue, indicators: IndicatorRow[], tools: SummaryTable['tools']): void {
  const [label, ...cells] = filledCells(row)
  if (!label) return
  const ofTools = /เครื่อง\s*มือ/.test(label.text)
  if (!ofTools && !/ตัว\s*ชี้\s*วัด/.test(label.text) && !TABLE_HEADER_WORDS.score.test(label.text)) return
  for (const cell of cells) {
    const score = cellScore(cell, 'summary')
    const covered = [...index].filter(([col]) => col >= cell.col && col < cell.col + cell.colSpan).map(([, n]) => n)
    const first = covered[0]
    if (first === undefined || !score || score.value === null) continue
    if (ofTools) {
      const tool = catalogue.toolOf(first)
      if (!tools.some((t) => t.tool === tool)) tools.push({ tool, score })
    } else if (covered.length === 1 && !indicators.some((i) => i.number === first)) {
      indicators.push({ number: first, name: null, score })
    }
  }
}

/**
 * The score row under a row of tools ("คะแนน | 84.36 | 87.46 | 56.14"): a row labelled as scores, not
 * the tools' weights nor last year's. With rows for several years ("ปี 2567", "ปี 2568"), the latest.
 */
function toolScoreRow(rows: readonly Row[]): Row | undefined {
  const scoreRows = rows.filter((row) => {
    const label = filledCells(row)[0]?.text ?? ''
    return (TABLE_HEADER_WORDS.score.test(label) || /score/i.test(label)) && !PREVIOUS_WORDS.test(label)
  })
  const yearOf = (row: Row) => Math.max(0, ...[...(filledCells(row)[0]?.text ?? '').matchAll(BE_YEAR)].map((m) => Number(m[1])))
  return scoreRows.reduce<Row | undefined>((best, row) => (best === undefined || yearOf(row) > yearOf(best) ? row : best), undefined)
}

/** Each tool's score in its column of the score row. */
function toolScoresAcross(row: Row, index: Map<number, Tool>, tools: SummaryTable['tools']): void {
  for (const cell of filledCells(row)) {
    const tool = index.get(cell.col)
    const score = cellScore(cell, 'summary')
    if (!tool || !score || score.value === null || tools.some((t) => t.tool === tool)) continue
    tools.push({ tool, score })
  }
}

/** A row naming one assessment tool ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)") and its score. */
export function toolRow(row: Row): { tool: Tool; score: NumberValue } | undefined {
  const scored = scoredRow(row, 'summary')
  const score = scored?.scores.at(-1)
  if (!scored || !score) return undefined
  const named = toolsNamed(scored.label)
  return named.length === 1 ? { tool: named[0]!, score } : undefined
}

/**
 * Tool scores printed in sentences: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ได้ 90.47 คะแนน
 * ...". Each tool's name is followed closely by its score, before the next tool is named.
 */
export function toolSentences(rows: readonly Row[]): { tool: Tool; score: NumberValue }[] {
  const out: { tool: Tool; score: NumberValue }[] = []
  rows.forEach((row, i) => {
    if (row.kind !== 'line') return
    // A sentence wrapped after the tool's name goes on in the next line: "... ภายใน (IIT) ได้" / "87.87 คะแนน ...".
    const next = rows[i + 1]?.kind === 'line' ? rows[i + 1] : undefined
    for (const tool of Object.keys(TOOL_NAMES) as Tool[]) {
      const named = new RegExp(TOOL_NAMES[tool].source, 'g').exec(row.text)
      if (!named || out.some((t) => t.tool === tool)) continue
      const rest = row.text.slice(named.index + named[0].length)
      const after = next ? `${rest} ${next.text}` : rest
      const m = SCORE_AFTER_TOOL.exec(after)
      const between = m ? after.slice(0, m.index + m[0].length - m[1]!.length) : ''
      const otherTool = toolsNamed(between).some((t) => t !== tool)
      if (!m || otherTool || /ตัวชี้วัด/.test(between)) continue
      const cell = (m.index + m[0].length > rest.length ? next : row)!.cells[0]!
      out.push({ tool, score: numberValue(parseScore(m[1]!) ?? null, cell.origin, 'summary', rawOf(m[1]!, cell.raw)) })
    }
  })
  return out
}

export interface DetailList {
  readonly indicators: IndicatorRow[]
  readonly items: Map<number, Item[]>
  /** Item rows that could not be identified, kept for the gaps report. */
  readonly unmatched: { indicator: number; text: string; line?: number; page: number }[]
}

interface ItemRow {
  readonly indicator: number
  readonly position: number
  readonly row: Row
  readonly scored: ScoredRow
  readonly code: string | undefined
  readonly title: string
}

/**
 * The lower row of a detail header in two rows ("คะแนน" over "ปี 2567 | ปี 2568"), repeated where a table goes on
 * over a page: a row of the header's table under it, no decimal number in it, its cells under the header's
 * cells spanning several columns. Never an item.
 */
function isLowerDetailHeader(row: Row, header: Row | undefined): boolean {
  if (!header || row.kind !== 'table-row' || row.table === undefined || row.table !== header.table || !isDetailHeader(header)) return false
  const filled = filledCells(row)
  const groups = header.cells.filter((c) => c.colSpan > 1)
  return filled.length > 0 && !/\d[.,]\d/.test(row.text) && filled.every((c) => groups.some((g) => c.col >= g.col && c.col < g.col + g.colSpan))
}

export function extractDetail(rows: readonly Row[], catalogue: Catalogue): DetailList {
  const indicators: IndicatorRow[] = []
  const items = new Map<number, Item[]>()
  const unread: ItemRow[] = []
  let current: number | undefined
  let position = 0
  let pending = ''
  /** Where the rows waiting for a score began. */
  let pendingAt: Row['origin'] | undefined
  const taken = (indicator: number, code: string) => (items.get(indicator) ?? []).some((i) => i.code === code)
  const unmatched: DetailList['unmatched'] = []
  const add = (r: ItemRow, item: CatalogueItem, match: Item['match'], repairs: Repair[]) => {
    const list = items.get(item.indicator) ?? []
    list.push(toItem(r, item, match, repairs))
    items.set(item.indicator, list)
  }
  for (const [at, whole] of rows.entries()) {
    if (isDetailHeader(whole) || isLowerDetailHeader(whole, rows[at - 1]) || isHeadingScoreLine(rows, at, catalogue)) continue
    const column = indicatorColumn(whole, catalogue)
    const indicator = detailHeading(rows, at, catalogue, current ?? 0) ?? indicatorRow(column?.heading ?? whole, 'detail', catalogue, current ?? 0)
    const row = column?.item ?? whole
    if (indicator) {
      current = indicator.number
      position = 0
      pending = ''
      if (!indicators.some((i) => i.number === indicator.number)) indicators.push(indicator)
      if (!column) continue
    }
    if (current === undefined) continue
    const scored = scoredRow(row, 'detail')
    if (!scored) continue
    const subtotal = subtotalOf(scored, current)
    if (subtotal !== undefined) {
      const at = indicators.findIndex((i) => i.number === subtotal)
      // The indicator's own row printed no score: its score is the one after its items.
      if (at >= 0 && indicators[at]!.score === null) indicators[at] = { ...indicators[at]!, score: scored.scores[0]! }
      pending = ''
      continue
    }
    if (pending && startsWithItemCode(pending) && startsWithItemCode(scored.label)) {
      // The rows waiting for a score began an item of their own, whose score was not read (a scan's
      // "Sa" for 99.57): reported, not merged with this row, which begins the next item.
      position++
      const at = pendingAt ?? row.origin
      unmatched.push({ indicator: current, text: pending, page: at.page, ...(at.line && { line: at.line }) })
      pending = ''
    }
    if (scored.scores.length === 0) {
      // A wrapped title without its score: it opens the next item row.
      if (!pending) pendingAt = row.origin
      pending = `${pending} ${scored.label}`.trim()
      continue
    }
    position++
    const { code, title } = splitPrintedCode(`${pending} ${scored.label}`.trim())
    pending = ''
    const asPrinted = itemAsPrinted(catalogue, current, code, code ? firstRawToken(scored.labelCell.raw, code) : undefined)
    if (asPrinted) {
      // No list of this indicator's items: the item is kept as printed, in printed order.
      items.set(current, [...(items.get(current) ?? []), toPrintedItem({ indicator: current, position, row, scored, code, title }, asPrinted)])
      continue
    }
    const match = matchDetailItem(catalogue, current, position, title, code)
    const later = match ? undefined : laterIndicatorsItem(catalogue, current, title, code)
    if (later) {
      // The row is an item of a later indicator, whose own row OCR left unrecognisable.
      current = later.item.indicator
      position = later.item.position
    }
    const itemRow: ItemRow = { indicator: current, position, row, scored, code, title }
    const found = match ?? later
    const repairs: Repair[] = later ? [{ kind: 'indicator-row-missing', detail: `indicator ${current}'s row not recognised; ${later.item.code} identified by its text, and the rows after it taken as indicator ${current}'s` }] : []
    if (!found || taken(found.item.indicator, found.item.code)) unread.push(itemRow)
    else add(itemRow, found.item, { by: found.by, similarity: found.similarity }, repairs)
  }
  // A row whose text OCR left unreadable takes the item at its place under its indicator, if no
  // other row claimed that item; the repair says so. Otherwise it is reported, not guessed.
  for (const r of unread) {
    const positional = positionalItem(catalogue, r.indicator, r.position)
    if (positional && !taken(positional.indicator, positional.code)) {
      add(r, positional, { by: 'position', similarity: 0 }, [{ kind: 'item-by-position', detail: `item text unreadable; identified as ${positional.code} by its place (${r.position}) under indicator ${r.indicator}` }])
    } else {
      unmatched.push({ indicator: r.indicator, text: r.scored.label, page: r.row.origin.page, ...(r.row.origin.line && { line: r.row.origin.line }) })
    }
  }
  for (const [indicator, list] of items) if (catalogue.listsItemsOf(indicator)) list.sort((a, b) => Number(a.code?.slice(1)) - Number(b.code?.slice(1)))
  return { indicators, items, unmatched }
}

/**
 * An indicator's heading over its items, printed as a line ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (คะแนนเฉลี่ย
 * 92.75 คะแนน)", or its score on the line under it), read as an analysis heading is.
 */
function detailHeading(rows: readonly Row[], at: number, catalogue: Catalogue, previous: number): IndicatorRow | undefined {
  const row = rows[at]!
  const scoreLine = analysisScoreLine(rows, at, catalogue.indicators)
  if (scoreLine === undefined && !isAnalysisHeading(row, catalogue.indicators)) return undefined
  return readIndicatorHeading(row, scoreLine === undefined ? undefined : rows[scoreLine], catalogue.indicators, previous, 'detail')
}

/** The score line of a heading over two lines, read with the heading above it. */
const isHeadingScoreLine = (rows: readonly Row[], at: number, catalogue: Catalogue) => at > 0 && analysisScoreLine(rows, at - 1, catalogue.indicators) === at

/** A row that starts with an item's code as printed or as OCR mangles it: "i8", "e-12", "o25", "18", "113". */
function startsWithItemCode(text: string): boolean {
  return /^(?:[A-Za-z]{1,2}\s?-?\s?)?\d{1,3}$/.test(splitPrintedCode(text).code ?? '')
}

/**
 * The indicator whose score a row after its items prints ("คะแนนเฉลี่ยตัวชี้วัดที่ 1 | 82.65", "ค่าเฉลี่ย |
 * 82.65"): the one its label names, else the one whose items it follows. Undefined for any other row
 * (an item, a tool's average).
 */
function subtotalOf(scored: ScoredRow, current: number): number | undefined {
  const label = withoutGloss(scored.label)
  const words = SUBTOTAL_WORDS.exec(label)
  if (!words || scored.scores.length !== 1 || label.length > 60 || toolsNamed(scored.label).length > 0) return undefined
  const rest = label.slice(words[0].length)
  const at = indicatorLabelOffset(rest)
  if (at === undefined) return /^\s*(?:คะแนน|ของ|ทั้ง|\s)*$/.test(rest) ? current : undefined
  return leadingIndicatorNumber(rest.slice(at))?.number ?? current
}

/**
 * A detail row whose first cell names the indicator, in a column spanning its items' rows:
 * "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (74.01 คะแนน) | i1 | <item> | 73.61". Split into the indicator's
 * heading (its score is the one inside that cell, if any: never the item's) and the item row.
 */
function indicatorColumn(row: Row, catalogue: Catalogue): { heading: Row; item: Row } | undefined {
  if (row.kind !== 'table-row') return undefined
  const scored = scoredRow(row, 'detail')
  if (!scored?.scores.length || scored.labelCells.length < 2) return undefined
  const [first, ...rest] = scored.labelCells
  const itemText = rest.map((c) => c.text).join(' ')
  if (!findIndicator(first!.text, catalogue.indicators) || itemText.length < 12 || findIndicator(itemText, catalogue.indicators)) return undefined
  const headingText = first!.text.replace(SCORE_IN_PARENTHESES, ' $1').trim()
  const headingCell = { ...first!, text: headingText }
  const itemCells = row.cells.filter((c) => c !== first)
  return {
    heading: { ...row, cells: [headingCell], text: headingText },
    item: { ...row, cells: itemCells, text: itemCells.map((c) => c.text).filter(Boolean).join(' ') },
  }
}

/** A score after an indicator's name in parentheses: "(74.01 คะแนน)", "(ได้ 74.01 คะแนน)", "(74.01)". */
const SCORE_IN_PARENTHESES = new RegExp(String.raw`\(\s*(?:ได้\s*)?(${DECIMAL_SCORE})\s*(?:คะแนน)?\s*\)\s*$`)

/** An item of an indicator after `current`, named clearly by the row's text (and code). */
function laterIndicatorsItem(catalogue: Catalogue, current: number, title: string, code: string | undefined): ItemMatch | undefined {
  const match = matchAnyItem(catalogue, title, code)
  return match && match.item.indicator > current && match.similarity >= LATER_INDICATOR_SIMILARITY ? match : undefined
}

/** Text similarity needed to leave the current indicator for a later one without its row. */
const LATER_INDICATOR_SIMILARITY = 0.7

function toPrintedItem(r: ItemRow, printed: ItemAsPrinted): Item {
  const cell = r.scored.labelCell
  const rawCode = r.code ? firstRawToken(cell.raw, r.code) : undefined
  return {
    code: printed.code,
    title: textValue(r.title, cell.origin, 'detail', cell.raw),
    printedCode: r.code ? { value: r.code, prov: prov(cell.origin, 'detail', rawCode ?? r.code, printed.repair ? [printed.repair] : []) } : null,
    score: r.scored.scores[0] ?? null,
    match: printed.match,
  }
}

function toItem(r: ItemRow, item: CatalogueItem, match: Item['match'], repairs: Repair[]): Item {
  const cell = r.scored.labelCell
  const rawCode = r.code ? firstRawToken(cell.raw, r.code) : undefined
  const codeRepairs: Repair[] = r.code === item.code ? [] : [{ kind: 'code-resolved', detail: `printed code "${rawCode}" identified as ${item.code} by ${match.by.replace('+', ' and ')}` }]
  const score = r.scored.scores[0] ?? null
  return {
    code: item.code,
    title: textValue(r.title, cell.origin, 'detail', cell.raw),
    printedCode: r.code ? { value: r.code, prov: prov(cell.origin, 'detail', rawCode ?? r.code, codeRepairs) } : null,
    score: score && repairs.length ? repairs.reduce(withRepair, score) : score,
    match,
  }
}
