/**
 * Columns that hold something other than this year's scores, found from a table's header: full
 * marks ("คะแนนเต็ม"), an earlier year's scores ("ปีงบประมาณ พ.ศ. ๒๕๖๗" beside "... ๒๕๖๘", or
 * "ปีที่ผ่านมา"), the change between years ("เพิ่มขึ้น/ลดลง", "ผลต่าง"), and a tool's weight and the score
 * after it ("น้ำหนัก (ร้อยละ)", "คะแนนถ่วงน้ำหนัก": 0.3 x 85.50, not a score), a target or pass mark
 * ("ค่าเป้าหมาย": 95, what the agency aimed at); and from what the cells
 * hold: a verdict per row ("ผ่าน", "ไม่ผ่าน", a grade), full marks (100 on every row beside scores that
 * are not); and a column numbering the rows ("ลำดับ": 1, 2, 3). Their cells are marked
 * `setAside` so a row's scores are read from the other columns, in whatever order the columns come.
 * A checklist's answer columns ("มี | ไม่มี") are marked with the answer a mark in them gives.
 */
import { ANSWER_MARK, BE_YEAR, PREVIOUS_WORDS, PUBLISHED_NO, PUBLISHED_YES, TABLE_HEADER_WORDS, TARGET_WORDS, VERDICT } from '../text/vocabulary.js'
import type { Answer, Row, RowCell, SetAside } from '../text/rows.js'
import { A_TABLE_SCORE } from '../text/thai-text.js'
import { parseScore, scoreToken } from '../text/values.js'

/** "คะแนนเต็ม" as a column of its own; "คะแนน (เต็ม 100)" is a score out of 100, not full marks. */
const FULL_MARKS = /^\s*คะแนน\s*เต็ม/
const CHANGE = /เพิ่ม\s*ขึ้น|ลด\s*ลง|ผล\s*ต่าง|ส่วน\s*ต่าง|เปลี่ยน\s*แปลง|\+\s*\/\s*-|±/
/** A weight ("น้ำหนัก", "ร้อยละของน้ำหนัก") or a weighted score ("คะแนนถ่วงน้ำหนัก", "คะแนนที่ถ่วงน้ำหนักแล้ว"). */
const WEIGHT = /น้ำ\s*หนัก|weight/i

/**
 * The rows with the cells of set-aside columns marked, and those of a checklist's answer columns (มี | ไม่มี);
 * other rows are returned as they are. A table printed without its header (continued over a page) takes
 * the header of the table before it when both are as wide.
 */
export function markSetAsideColumns(rows: readonly Row[]): Row[] {
  const out = [...rows]
  let carried: { named: ColumnsNamed; width: number } | undefined
  for (const table of tablesOf(rows)) {
    const header = headerRows(table)
    const width = widthOf(table)
    const named = header.length > 0 ? { roles: columnRoles(header), answers: answerColumns(header) } : carried?.width === width ? carried.named : undefined
    carried = named && { named, width }
    const body = table.slice(header.length)
    const roles = new Map([...resultColumns(body), ...(named ? [] : fullMarksColumns(body)), ...(named?.roles ?? []), ...rowNumberColumns(header, body)])
    const answers = named?.answers ?? new Map<number, Answer>()
    if (roles.size === 0 && answers.size === 0) continue
    for (const row of body) out[row.index] = markRow(row, roles, answers)
  }
  return out
}

/** What a table's header says of its columns. */
interface ColumnsNamed {
  readonly roles: Map<number, SetAside>
  readonly answers: Map<number, Answer>
}

/** Consecutive rows of each table, in document order. */
function tablesOf(rows: readonly Row[]): Row[][] {
  const tables: Row[][] = []
  for (const row of rows) {
    if (row.kind !== 'table-row') continue
    const last = tables.at(-1)
    if (last && last[0]!.table === row.table) last.push(row)
    else tables.push([row])
  }
  return tables
}

/**
 * The rows before the first that holds a score or a checklist's mark: the table's header (one row, or a
 * grouped two). A checklist's page may hold marks and no score.
 */
function headerRows(table: readonly Row[]): Row[] {
  const first = table.findIndex((r) => A_TABLE_SCORE.test(r.text) || r.cells.some((c) => ANSWER_MARK.test(c.text)))
  const header = table.slice(0, first < 0 ? 0 : first)
  return header.length <= 3 && header.every((r) => /[ก-๛]{2}/.test(r.text)) ? header : []
}

const widthOf = (table: readonly Row[]) => Math.max(...table.flatMap((r) => r.cells.map((c) => c.col + c.colSpan)))

/** Each column's role, read from every header cell above it (a grouped cell spans the ones below). */
function columnRoles(header: readonly Row[]): Map<number, SetAside> {
  const texts = new Map<number, string>()
  const pieces = new Map<number, string[]>()
  for (const row of header) {
    for (const cell of row.cells) {
      for (let col = cell.col; col < cell.col + cell.colSpan; col++) {
        texts.set(col, `${texts.get(col) ?? ''} ${cell.text}`)
        pieces.set(col, [...(pieces.get(col) ?? []), cell.text])
      }
    }
  }
  // Years printed in full (BE_YEAR); two-digit ones ("ก.ย. 68") are dates in notes.
  const years = new Map([...texts].map(([col, text]) => [col, Math.max(0, ...[...text.matchAll(BE_YEAR)].map((m) => Number(m[0])))]))
  const latest = Math.max(0, ...years.values())
  // Two columns printing this year (last year's mislabelled): years run left to right, so the last is this year's.
  const thisYearCol = Math.max(...[...years].filter(([, y]) => y === latest).map(([col]) => col))
  const roles = new Map<number, SetAside>()
  for (const [col, text] of texts) {
    const year = years.get(col) ?? 0
    // Under a group heading ("ผลการดำเนินงาน" over "คะแนนเต็ม"), the column's own cell says it.
    if ((pieces.get(col) ?? []).some((p) => FULL_MARKS.test(p)) && !/ที่\s*ได้/.test(text)) roles.set(col, 'full-marks')
    else if (CHANGE.test(text)) roles.set(col, 'change')
    else if (WEIGHT.test(text)) roles.set(col, 'weight')
    // "คะแนน (เกณฑ์ 85)", "คะแนนที่ได้ / เป้าหมาย": the score, its pass mark said beside it.
    else if (TARGET_WORDS.test(text.replace(/\([^()]*\)/g, '')) && !/ที่\s*ได้/.test(text)) roles.set(col, 'target')
    else if ((year > 0 && (year < latest || col < thisYearCol)) || (year === 0 && PREVIOUS_WORDS.test(text))) roles.set(col, 'previous-year')
  }
  return roles
}

/**
 * A checklist's pair of columns headed by the answers, "มี" and "ไม่มี" (whether an OIT item's information
 * is published): a tick is put in one of them, so the column it stands in, not the mark, is the answer.
 */
function answerColumns(header: readonly Row[]): Map<number, Answer> {
  const answers = new Map<number, Answer>()
  for (const cell of header.flatMap((r) => r.cells)) {
    if (cell.colSpan !== 1) continue
    if (PUBLISHED_NO.test(cell.text)) answers.set(cell.col, 'no')
    else if (PUBLISHED_YES.test(cell.text)) answers.set(cell.col, 'yes')
  }
  const both = new Set(answers.values()).size === 2
  return both ? answers : new Map()
}

/** Columns whose every filled cell is a verdict (two at least): they hold no score, whatever their header says. */
function resultColumns(data: readonly Row[]): Map<number, SetAside> {
  const cells = new Map<number, string[]>()
  for (const row of data) for (const cell of row.cells) if (cell.text.trim() && cell.colSpan === 1) cells.set(cell.col, [...(cells.get(cell.col) ?? []), cell.text])
  return new Map([...cells].filter(([, texts]) => texts.length >= 2 && texts.every((t) => VERDICT.test(t))).map(([col]) => [col, 'result']))
}

/**
 * A column holding 100 on every row (three at least) beside a column of scores that are not all 100:
 * full marks printed without a header to say so ("100.00 | 71.90"). Only where no header names the
 * columns (a header saying which column is this year's decides); a column of 100s alone is a list of
 * full scores, and stays one.
 */
function fullMarksColumns(data: readonly Row[]): Map<number, SetAside> {
  const scores = new Map<number, (number | undefined)[]>()
  for (const row of data) {
    for (const cell of row.cells) {
      if (cell.colSpan !== 1 || !cell.text.trim()) continue
      const token = scoreToken(cell.text)
      scores.set(cell.col, [...(scores.get(cell.col) ?? []), token === undefined ? undefined : parseScore(token)])
    }
  }
  const scoreColumns = [...scores].filter(([, v]) => v.length >= 3 && v.every((x) => x !== undefined))
  const full = scoreColumns.filter(([, v]) => v.every((x) => x === 100)).map(([col]) => col)
  const varied = scoreColumns.some(([, v]) => v.some((x) => x !== 100))
  return new Map(varied ? full.map((col) => [col, 'full-marks' as const]) : [])
}

/**
 * A column numbering the rows: headed by an ordinal word ("ลำดับ", "ที่", "ข้อ"), each of its cells a row's
 * number ("1", "๒.", "1.1"). It names neither an indicator nor an item, and its numbers are no scores,
 * in a summary, a detail list or a measures table alike. A "ข้อ" column of item codes ("i1") is not one.
 */
function rowNumberColumns(header: readonly Row[], body: readonly Row[]): Map<number, SetAside> {
  const headed = header.flatMap((r) => r.cells.filter((c) => c.colSpan === 1 && TABLE_HEADER_WORDS.ordinal.test(c.text.trim())).map((c) => c.col))
  const numbering = headed.filter((col) => {
    const cells = body.flatMap((r) => r.cells.filter((c) => c.col === col && c.colSpan === 1 && c.text.trim() !== ''))
    return cells.length > 0 && cells.every((c) => ROW_NUMBER.test(c.text))
  })
  return new Map(numbering.map((col) => [col, 'row-number' as const]))
}
const ROW_NUMBER = /^\s*\d{1,3}(?:\.\d{1,2})*\.?\s*$/

function markRow(row: Row, roles: ReadonlyMap<number, SetAside>, answers: ReadonlyMap<number, Answer>): Row {
  const cells = row.cells.map((cell): RowCell => {
    if (cell.colSpan !== 1) return cell
    const role = roles.get(cell.col)
    const answer = answers.get(cell.col)
    return role || answer ? { ...cell, ...(role && { setAside: role }), ...(answer && { answers: answer }) } : cell
  })
  return { ...row, cells }
}
