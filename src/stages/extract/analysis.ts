/** Per-indicator analysis: "ตัวชี้วัดที่ N ชื่อ คะแนน XX.XX" headings and the prose under each. */
import type { NumberValue, Repair, TextValue } from '../../report/schema.js'
import { rowRaw, type Row } from '../segment/rows.js'
import { isAnalysisHeading } from '../segment/segment.js'
import { identifyIndicator, SCORE_WORD, type IndicatorName } from './thai-text.js'
import { numberValue, parseScore, rawOf, textValue, withRepair } from './values.js'

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
const NAME_AND_SCORE = new RegExp(String.raw`^(.*?)\s*${SCORE_WORD}\s*(\S+)`)
const TRAILING_SCORE_WORD = new RegExp(String.raw`${SCORE_WORD}$`)

const PAGE_FURNITURE = /^(?:แสดงการ|-\s*\d+\s*-$|\d+$|หน้า\s*\d+)/

export function extractAnalysis(rows: readonly Row[], indicators: readonly IndicatorName[]): IndicatorAnalysis[] {
  const out: IndicatorAnalysis[] = []
  let current: { heading: Row; prose: Row[] } | undefined
  const flush = () => {
    const analysis = current && toAnalysis(current.heading, current.prose, indicators, out.at(-1)?.number ?? 0)
    if (analysis && !out.some((a) => a.number === analysis.number)) out.push(analysis)
  }
  for (const row of rows) {
    if (isAnalysisHeading(row)) {
      flush()
      current = { heading: row, prose: [] }
    } else if (current && !PAGE_FURNITURE.test(row.text)) {
      current.prose.push(row)
    }
  }
  flush()
  return out
}

function toAnalysis(heading: Row, prose: Row[], indicators: readonly IndicatorName[], previous: number): IndicatorAnalysis | undefined {
  const found = identifyIndicator(heading.text, indicators)
  const number = found?.number ?? previous + 1
  if (!indicators.some((i) => i.number === number)) return undefined
  const repair = found ? found.repair : `indicator number and name unreadable; taken as ${number}, the next after indicator ${previous}`
  const rest = found?.rest ?? heading.text.replace(UP_TO_SCORE_WORD, '')
  const cell = heading.cells.find((c) => c.text) ?? heading.cells[0]!
  const m = NAME_AND_SCORE.exec(rest)
  const nameText = (m?.[1] ?? rest).trim()
  const printed = m?.[2]?.replace(TRAILING_SCORE_WORD, '') ?? ''
  // OCR leaves specks beside a number ("«94.67"); the number itself is kept, and the repair said.
  const token = printed.replace(STRAY, '')
  const stray: Repair[] = token !== printed && parseScore(token) !== undefined ? [{ kind: 'stray-characters-ignored', detail: `read "${printed}"; the characters around ${token} were ignored` }] : []
  const read = printed ? numberValue(parseScore(token) ?? null, cell.origin, 'analysis', rawOf(token, cell.raw), stray) : null
  const score = read && repair ? withRepair(read, { kind: 'indicator-identified', detail: repair }) : read
  const text = prose.map((r) => r.text).join(' ').replace(/^วิเคราะห์ผล\s*/, '').trim()
  const first = prose[0]
  return {
    number,
    name: nameText ? textValue(nameText, cell.origin, 'analysis', cell.raw) : null,
    score,
    prose: first && text ? textValue(text, first.origin, 'analysis', prose.map((r) => rowRaw(r, ' ')).join('\n')) : null,
  }
}
