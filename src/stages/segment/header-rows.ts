/**
 * A table's header printed over two rows without spans: each header cell's two lines read as two
 * rows, as a narrow column wraps its heading and a reader without rulings, or a typist, keeps the
 * lines apart ("ตัวชี้วัดที่ 4 | ผลการประเมิน | ๑) มาตรการ/" over " | (คะแนน) | โครงการ/กิจกรรม").
 * The second row is joined into the first, column by column, when together they make a header the
 * segmenter knows and the second holds no number.
 */
import type { Row, RowCell } from '../text/rows.js'
import { isDetailHeader, isMeasuresHeader, isSummaryHeader } from './segment.js'

const isHeader = (row: Row) => isMeasuresHeader(row) || isDetailHeader(row) || isSummaryHeader(row)

/** The rows with each header's second row joined into its first; rows are numbered afresh. */
export function joinSplitHeaders(rows: readonly Row[]): Row[] {
  const out: Row[] = []
  for (let i = 0; i < rows.length; i++) {
    const [row, next] = [rows[i]!, rows[i + 1]]
    const joined = next && secondRowOf(row, next) ? joinRows(row, next) : undefined
    if (joined && isHeader(joined)) {
      out.push(joined)
      i++
    } else out.push(row)
  }
  return out.map((r, index) => (r.index === index ? r : { ...r, index }))
}

const plain = (c: RowCell) => c.rowSpan === 1 && c.colSpan === 1
const SHORT = 40

/** `next` may be the lower half of header `row`: the same table, no spans, short cells under its cells, no number, not the same header repeated. */
function secondRowOf(row: Row, next: Row): boolean {
  if (row.kind !== 'table-row' || next.kind !== 'table-row' || row.table === undefined || row.table !== next.table) return false
  const filled = next.cells.filter((c) => c.text.trim() !== '')
  if (filled.length === 0 || /\d/.test(next.text) || next.text === row.text) return false
  if (!row.cells.every(plain) || !next.cells.every(plain) || [...row.cells, ...next.cells].some((c) => c.text.length >= SHORT)) return false
  return filled.every((c) => row.cells.some((r) => r.col === c.col && r.text.trim() !== ''))
}

/** Each cell of `row` with the text of the cell under it appended. */
function joinRows(row: Row, next: Row): Row {
  const cells = row.cells.map((c) => {
    const under = next.cells.find((n) => n.col === c.col && n.text.trim() !== '')
    return under ? { ...c, text: `${c.text} ${under.text}`, raw: `${c.raw} ${under.raw}` } : c
  })
  return { ...row, cells, text: cells.map((c) => c.text).filter(Boolean).join(' ') }
}
