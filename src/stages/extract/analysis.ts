/** Per-indicator analysis: "ตัวชี้วัดที่ N ชื่อ คะแนน XX.XX" headings and the prose under each. */
import type { NumberValue, Repair, Section, TextValue } from '../../report/schema.js'
import { rowRaw, type Row, type RowCell } from '../text/rows.js'
import { analysisHeadingText, analysisScoreLine, isAnalysisHeading, isAnalysisRow, LABEL_SCORE } from '../segment/segment.js'
import { A_SCORE, findIndicator, identifyIndicator, SCORE_WORD, SCORE_WORDS, startsWithIndicatorLabel, withoutClauseNumber, type IdentifiedIndicator, type IndicatorName } from '../text/thai-text.js'
import { isDecimalScoreCell, numberValue, parseScore, rawOf, scoreToken, textValue, withRepair } from '../text/values.js'

export interface IndicatorAnalysis {
  readonly number: number
  readonly name: TextValue | null
  readonly score: NumberValue | null
  readonly prose: TextValue | null
}

/** Specks OCR leaves beside a number: punctuation only, never letters or digits. */
const STRAY = /^[«»<>'"`|‘’“”:;!*~^]+|[«»<>'"`|‘’“”:;!*~^]+$/g

/** Running page headers printed above each analysis page ("แสดงการวิเคราะห์ผลการประเมิน ITA ..."). */
const UP_TO_SCORE_WORD = new RegExp(String.raw`^.*?(?=${SCORE_WORD})`)
const NAME_AND_SCORE = new RegExp(String.raw`^(.*?)\s*${SCORE_WORDS}\s*(?:[:：=]\s*)?(\S+)`)
const TRAILING_SCORE_WORD = new RegExp(String.raw`${SCORE_WORD}$`)

const PAGE_FURNITURE = /^(?:แสดงการ|-\s*\d+\s*-$|\d+$|หน้า\s*\d+)/

interface Heading {
  readonly heading: Row
  /** The line under a heading that holds its score, when the score is not on the heading's own line. */
  readonly scoreLine?: Row
  readonly prose: Row[]
}

export function extractAnalysis(rows: readonly Row[], indicators: readonly IndicatorName[]): IndicatorAnalysis[] {
  const out: IndicatorAnalysis[] = []
  let current: Heading | undefined
  const flush = () => {
    const analysis = current && toAnalysis(current, indicators, out.at(-1)?.number ?? 0)
    if (analysis && !out.some((a) => a.number === analysis.number)) out.push(analysis)
  }
  let skipTo = -1
  for (const [i, row] of rows.entries()) {
    if (i <= skipTo) continue
    const scoreLine = analysisScoreLine(rows, i, indicators)
    if (scoreLine !== undefined) {
      flush()
      current = { heading: row, scoreLine: rows[scoreLine]!, prose: [] }
      skipTo = scoreLine
    } else if (isAnalysisRow(row, indicators)) {
      flush()
      current = undefined
      const analysis = analysisRow(row, indicators)
      if (analysis && !out.some((a) => a.number === analysis.number)) out.push(analysis)
    } else if (isAnalysisHeading(row, indicators)) {
      flush()
      current = { heading: row, prose: [] }
    } else if (current && !PAGE_FURNITURE.test(row.text)) {
      current.prose.push(row)
    }
  }
  flush()
  return out
}

/**
 * A heading naming one indicator and its score, read as an analysis heading is, for another section:
 * the detail list's heading over an indicator's items. `scoreLine`: the line under it holding its score.
 */
export function readIndicatorHeading(
  heading: Row,
  scoreLine: Row | undefined,
  indicators: readonly IndicatorName[],
  previous: number,
  section: Section,
): Omit<IndicatorAnalysis, 'prose'> | undefined {
  const read = toAnalysis({ heading, ...(scoreLine && { scoreLine }), prose: [] }, indicators, previous, section)
  return read && { number: read.number, name: read.name, score: read.score }
}

function toAnalysis({ heading, scoreLine, prose }: Heading, indicators: readonly IndicatorName[], previous: number, section: Section = 'analysis'): IndicatorAnalysis | undefined {
  const line = withoutClauseNumber(scoreLine ? `${heading.text} ${scoreLine.text}` : heading.text)
  const headText = analysisHeadingText(line) ?? line
  // Prose printed on the heading's own line, after its score.
  const sameLine = line.slice(headText.length).trim()
  const found = headingIndicator(headText, indicators)
  const number = found?.number ?? previous + 1
  if (!indicators.some((i) => i.number === number)) return undefined
  const repair = found ? found.repair : `indicator number and name unreadable; taken as ${number}, the next after indicator ${previous}`
  const rest = found?.rest ?? headText.replace(UP_TO_SCORE_WORD, '')
  const cell = heading.cells.find((c) => c.text) ?? heading.cells[0]!
  const scoreCell = scoreLine ? (scoreLine.cells.find((c) => c.text) ?? cell) : cell
  const { name: nameText, printed } = scoreLine ? splitNameAndScore(heading, scoreLine, indicators) : nameAndScore(rest)
  const read = printed ? printedScore(printed, scoreCell, section) : null
  const score = read && repair ? withRepair(read, { kind: 'indicator-identified', detail: repair }) : read
  const proseRows = sameLine ? [heading, ...prose] : prose
  const text = [sameLine, ...prose.map((r) => r.text)].filter(Boolean).join(' ').replace(/^วิเคราะห์ผล\s*/, '').trim()
  const first = proseRows[0]
  return {
    number,
    name: nameText ? textValue(nameText, cell.origin, section, cell.raw) : null,
    score,
    prose: first && text ? textValue(text, first.origin, section, proseRows.map((r) => rowRaw(r, ' ')).join('\n')) : null,
  }
}

/** The indicator a heading names: after its label, or (without one) before its score. */
function headingIndicator(text: string, indicators: readonly IndicatorName[]): IdentifiedIndicator | undefined {
  if (startsWithIndicatorLabel(text)) return identifyIndicator(text, indicators)
  const number = A_SCORE.exec(text)
  const before = number ? text.slice(0, number.index) : text
  const found = findIndicator(before.replace(BEFORE_SCORE, ''), indicators)?.found
  return found && { ...found, rest: text.replace(/^\s*\d{1,2}\s*[.):]?\s*/, '').trim() }
}

/** What stands between a name and its score: "(ได้", "ได้คะแนน", "มีคะแนนเท่ากับ", "คะแนนร้อยละ", ":", "-". */
const BEFORE_SCORE = new RegExp(String.raw`(?:[\s(:：\-–]|มี|ได้|เท่ากับ|คือ|${SCORE_WORDS})*$`)

/** "การปฏิบัติหน้าที่ คะแนน 93.55", "การปฏิบัติหน้าที่ ได้คะแนนร้อยละ 90.97" or "การปฏิบัติหน้าที่ (ได้ 89.41 คะแนน)" -> name and score token. */
function nameAndScore(rest: string): { name: string; printed: string } {
  const m = NAME_AND_SCORE.exec(rest)
  // A word typed against the number ("เท่ากับ87.88") is the sentence's, not a speck on the score.
  if (m && /\d/.test(m[2]!)) return { name: m[1]!.replace(BEFORE_SCORE, '').trim(), printed: m[2]!.replace(TRAILING_SCORE_WORD, '').replace(/^[ก-๛]+(?=\d)/, '') }
  const n = A_SCORE.exec(rest)
  if (!n) return { name: (m?.[1] ?? rest).trim(), printed: '' }
  return { name: rest.slice(0, n.index).replace(BEFORE_SCORE, '').trim(), printed: n[0] }
}

/** A heading over two lines: the name on the first, the score alone on the second. */
function splitNameAndScore(heading: Row, scoreLine: Row, indicators: readonly IndicatorName[]): { name: string; printed: string } {
  const name = headingIndicator(withoutClauseNumber(heading.text), indicators)?.rest ?? ''
  return { name, printed: A_SCORE.exec(scoreLine.text)?.[0] ?? '' }
}

/** The printed score; specks OCR leaves beside it ("«94.67") are ignored, and the repair said. */
function printedScore(printed: string, cell: RowCell, section: Section = 'analysis'): NumberValue {
  const token = printed.replace(STRAY, '')
  const stray: Repair[] = token !== printed && parseScore(token) !== undefined ? [{ kind: 'stray-characters-ignored', detail: `read "${printed}"; the characters around ${token} were ignored` }] : []
  return numberValue(parseScore(token) ?? null, cell.origin, section, rawOf(token, cell.raw), stray)
}

/** An analysis laid out as a table row: indicator | score | prose (in any order after the indicator). */
function analysisRow(row: Row, indicators: readonly IndicatorName[]): IndicatorAnalysis | undefined {
  const filled = row.cells.filter((c) => c.text.trim() && !c.setAside)
  const label = filled[0]!
  const found = findIndicator(label.text, indicators)?.found
  if (!found) return undefined
  const scoreCell = filled.find((c) => isDecimalScoreCell(c.text))
  const proseCells = filled.slice(1).filter((c) => c !== scoreCell)
  const first = proseCells[0]
  const text = proseCells.map((c) => c.text).join(' ').trim()
  // Without a score column, the score printed under the indicator's name in its own cell.
  const inLabel = !scoreCell && LABEL_SCORE.test(found.rest) ? nameAndScore(found.rest) : undefined
  const name = inLabel ? inLabel.name : found.rest
  const read = scoreCell ? printedScore(scoreToken(scoreCell.text)!, scoreCell) : inLabel?.printed ? printedScore(inLabel.printed, label) : null
  return {
    number: found.number,
    name: name ? textValue(name, label.origin, 'analysis', label.raw) : null,
    score: read ? withRepairIf(read, found.repair) : null,
    prose: first && text ? textValue(text, first.origin, 'analysis', proseCells.map((c) => c.raw).join('\n')) : null,
  }
}

const withRepairIf = (v: NumberValue, detail: string | undefined) => (detail ? withRepair(v, { kind: 'indicator-identified', detail }) : v)
