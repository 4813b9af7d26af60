/**
 * Splits a report's rows into its sections (title, summary, detail, overall, analysis, measures)
 * from the landmarks every ITA report prints: the summary table header, the detail list header
 * ("ประเด็นการประเมิน / คะแนนที่ได้"), the per-indicator analysis headings ("ตัวชี้วัดที่ N ... คะแนน X"),
 * and the measures table header. Missing landmarks leave a section empty; they never shift another.
 */
import type { Section } from '../../report/schema.js'
import { leadingIndicatorNumber, SCORE_WORD, startsWithIndicatorLabel } from '../extract/thai-text.js'
import type { Row } from './rows.js'

export type Sections = Record<Section, Row[]>

const has = (row: Row, ...words: string[]) => words.every((w) => row.text.includes(w))

export const isSummaryHeader = (row: Row) => has(row, 'ตัวชี้วัด', 'คะแนนราย')
export const isDetailHeader = (row: Row) => has(row, 'ประเด็นการประเมิน', 'คะแนน') && row.text.length < 80

/** "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ คะแนน 93.55" printed as a heading line, not inside a table. */
const SCORED = new RegExp(String.raw`${SCORE_WORD}\s*[^\sก-๛]{0,2}\d`)

export function isAnalysisHeading(row: Row): boolean {
  if (row.cells.filter((c) => c.text).length > 1) return false
  return startsWithIndicatorLabel(row.text) && SCORED.test(row.text) && row.text.length < 120
}

/** The measures table's column header: "ตัวชี้วัดที่ N | ผลการประเมิน (คะแนน) | ๑) มาตรการ/โครงการ/กิจกรรม | ...". */
export function isMeasuresHeader(row: Row): boolean {
  const labelled = startsWithIndicatorLabel(row.cells[0]?.text ?? row.text) && /มาตรการ|ระยะเวลา|ผู้รับผิดชอบ/.test(row.text) && /ผลการประเมิน|คะแนน/.test(row.text)
  return labelled || namesMeasureColumns(row)
}

const MEASURE_COLUMN_WORDS = [/ผลการ\s*ประเมิน|คะแนน/, /มาตรการ|โครงการ/, /ขั้นตอน|วิธีการ/, /ระยะเวลา/, /ผู้รับผิดชอบ|ที่เกี่ยวข้อง/]

/** A table row whose cells name most of the measures columns, even when OCR garbled its first cell's indicator label. */
function namesMeasureColumns(row: Row): boolean {
  const filled = row.cells.filter((c) => c.text.trim())
  if (filled.length < 4) return false
  const named = MEASURE_COLUMN_WORDS.filter((word) => filled.some((c) => word.test(c.text) && c.text.length < 60))
  return named.length >= 4
}

const OVERALL_MARKER = /วิเคราะห์ผลการประเมิน|ผลคะแนนเฉลี่?ย|หน่วยงานวิเคราะห์เอง|(?:สูง|ต[ั่]*ำ)กว่า\s*ปี\s*ที่?\s*ผ่าน/

/** A row that starts with an indicator label and carries a score (summary row or detail header row). */
function isScoredIndicatorRow(row: Row): boolean {
  return startsWithIndicatorLabel(row.cells[0]?.text ?? '') && /\d{1,3}[.,]\d{1,2}\s*$/.test(row.text) && !isAnalysisHeading(row)
}

export function segmentRows(rows: readonly Row[]): Sections {
  const find = (from: number, test: (row: Row) => boolean, to = rows.length) => {
    for (let i = Math.max(0, from); i < to; i++) if (test(rows[i]!)) return i
    return undefined
  }
  const measuresStart = find(0, isMeasuresHeader) ?? rows.length
  const summaryStart = find(0, isSummaryHeader, measuresStart) ?? find(0, isScoredIndicatorRow, measuresStart)
  const detailStart = find(summaryStart ?? 0, isDetailHeader, measuresStart) ?? restartOfIndicators(rows, summaryStart, measuresStart)
  const afterTables = detailStart ?? summaryStart ?? 0
  const analysisStart = find(afterTables, isAnalysisHeading, measuresStart) ?? measuresStart
  const overallStart = find(afterTables + 1, (r) => OVERALL_MARKER.test(r.text) && !isScoredIndicatorRow(r), analysisStart) ?? analysisStart

  const slice = (from: number | undefined, to: number | undefined) =>
    from === undefined ? [] : rows.slice(from, Math.max(from, to ?? rows.length))
  const summaryEnd = detailStart ?? overallStart
  return {
    title: rows.slice(0, summaryStart ?? detailStart ?? overallStart),
    summary: slice(summaryStart, summaryEnd),
    detail: slice(detailStart, overallStart),
    overall: slice(overallStart, analysisStart),
    analysis: slice(analysisStart, measuresStart),
    measures: slice(measuresStart, rows.length),
  }
}

/** Without a detail-list header, the detail list starts where indicator numbering starts again. */
function restartOfIndicators(rows: readonly Row[], from: number | undefined, to: number): number | undefined {
  if (from === undefined) return undefined
  let last = 0
  for (let i = from; i < to; i++) {
    const row = rows[i]!
    if (!isScoredIndicatorRow(row)) continue
    const n = leadingIndicatorNumber(row.cells[0]!.text)?.number
    if (n === undefined) continue
    if (n <= last) return i
    last = n
  }
  return undefined
}
