/** Per-indicator analysis: "ตัวชี้วัดที่ N ชื่อ คะแนน XX.XX" headings and the prose under each. */
import type { NumberValue, TextValue } from '../../report/schema.js'
import type { Row } from '../segment/rows.js'
import { isAnalysisHeading } from '../segment/segment.js'
import { leadingIndicatorNumber } from './thai-text.js'
import { numberValue, parseScore, rawOf, textValue } from './values.js'

export interface IndicatorAnalysis {
  readonly number: number
  readonly name: TextValue | null
  readonly score: NumberValue | null
  readonly prose: TextValue | null
}

/** Running page headers printed above each analysis page ("แสดงการวิเคราะห์ผลการประเมิน ITA ..."). */
const PAGE_FURNITURE = /^(?:แสดงการ|-\s*\d+\s*-$|\d+$|หน้า\s*\d+)/

export function extractAnalysis(rows: readonly Row[]): IndicatorAnalysis[] {
  const out: IndicatorAnalysis[] = []
  let current: { heading: Row; prose: Row[] } | undefined
  const flush = () => {
    if (current) out.push(toAnalysis(current.heading, current.prose))
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

function toAnalysis(heading: Row, prose: Row[]): IndicatorAnalysis {
  const { number, rest } = leadingIndicatorNumber(heading.text)!
  const cell = heading.cells.find((c) => c.text) ?? heading.cells[0]!
  const m = /^(.*?)\s*คะแนน\s*(\S+)/.exec(rest)
  const nameText = (m?.[1] ?? rest).trim()
  const token = m?.[2]?.replace(/คะแนน$/, '') ?? ''
  const score = token ? numberValue(parseScore(token) ?? null, cell.origin, 'analysis', rawOf(token, cell.raw)) : null
  const text = prose.map((r) => r.text).join(' ').replace(/^วิเคราะห์ผล\s*/, '').trim()
  const first = prose[0]
  return {
    number,
    name: nameText ? textValue(nameText, cell.origin, 'analysis', cell.raw) : null,
    score,
    prose: first && text ? textValue(text, first.origin, 'analysis', prose.map((r) => r.cells.map((c) => c.raw).join(' ')).join('\n')) : null,
  }
}
