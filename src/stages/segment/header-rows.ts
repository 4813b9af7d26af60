/**
 * A table's header printed over two rows without spans: each header cell's two lines read as two
 * rows, as a narrow column wraps its heading and a reader without rulings, or a typist, keeps the
 * lines apart ("ตัวชี้วัดที่ 4 | ผลการประเมิน | ๑) มาตรการ/" over " | (คะแนน) | โครงการ/กิจกรรม").
 * The second row is joined into the first, column by column, when together they make a header the
 * segmenter knows and the second holds no number.
 * A header whose upper row groups columns under a heading spanning them ("ลำดับ | ข้อมูลประกอบ | ผู้รับผิดชอบ"
 * over "ประเด็นที่ต้องพัฒนา | คะแนน | มาตรการ | ระยะเวลา", the other cells spanning both rows) is one row too:
 * each group's heading replaced by the headings under it, which name its columns (a chart's months, a period's
 * start and end); neither row alone need name enough columns to be read as a header.
 */
import type { Row, RowCell } from '../text/rows.js'
import type { IndicatorName } from '../text/thai-text.js'
import { indicatorIndexRow, isDetailHeader, isMeasuresHeader, isSummaryHeader } from './segment.js'

/** A header the segmenter knows, or the row of indicators heading a summary laid out sideways. */
const isHeader = (row: Row, names: readonly IndicatorName[]) => isMeasuresHeader(row) || isDetailHeader(row) || isSummaryHeader(row) || indicatorIndexRow(row, names) !== undefined

/** The rows with each header's second row joined into its first; rows are numbered afresh. */
export function joinSplitHeaders(rows: readonly Row[], names: readonly IndicatorName[] = []): Row[] {
  const out: Row[] = []
  for (let i = 0; i < rows.length; i++) {
    const [row, next] = [rows[i]!, rows[i + 1]]
    const joined = !next ? undefined : secondRowOf(row, next) ? joinRows(row, next) : groupedBy(row, next) ? withGroupsOpened(row, next) : undefined
    if (joined && isHeader(joined, names)) {
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

/** `next` is the lower row of header `row` grouping columns: no score or year in it (a column's own number may lead its heading), each of its cells under a cell of `row` spanning several columns, every other cell of `row` spanning both rows. */
function groupedBy(row: Row, next: Row): boolean {
  if (row.kind !== 'table-row' || next.kind !== 'table-row' || row.table === undefined || row.table !== next.table) return false
  const groups = row.cells.filter((c) => c.colSpan > 1 && c.text.trim() !== '')
  const filled = next.cells.filter((c) => c.text.trim() !== '')
  if (groups.length === 0 || row.cells.filter((c) => c.text.trim() !== '').length < 2 || filled.length === 0 || /\d[.,]\d|\d{3}/.test(next.text)) return false
  if (!row.cells.every((c) => groups.includes(c) || c.rowSpan > 1 || c.text.trim() === '') || [...row.cells, ...next.cells].some((c) => c.text.length >= SHORT)) return false
  return next.cells.every((c) => c.colSpan === 1 && c.rowSpan === 1 && groups.some((g) => c.col >= g.col && c.col < g.col + g.colSpan))
}

/** The header as one row: `row`'s cells spanning down as one row's, each group's cell replaced by the cells under it. */
function withGroupsOpened(row: Row, next: Row): Row {
  const under = (g: RowCell) => next.cells.filter((c) => c.col >= g.col && c.col < g.col + g.colSpan)
  const cells = row.cells.flatMap((c) => (c.colSpan > 1 && under(c).length > 0 ? under(c) : [{ ...c, rowSpan: 1 }])).sort((a, b) => a.col - b.col)
  return { ...row, cells, text: cells.map((c) => c.text).filter(Boolean).join(' ') }
}
