/**
 * A table row a page break split, read as one row. Word processors and browsers let a tall row
 * break across pages: the next page repeats the table's header and goes on with the rest of the
 * row, whose short cells (the item's code, its score) ended on the first part and are empty in
 * the second. Each page's table is rebuilt on its own (tables.ts, text-tables.ts), so the rest of
 * the row would be a row of its own, with no item, and a heading or score in it would be lost.
 *
 * The rest is joined to the cells of the previous page's last row it continues, column by column.
 * The joined cell keeps its first part's origin; each number read on the next page keeps its own
 * page and box in its reading.
 */
import type { Block, DocIssue, Page, Table, TableCell, TableRow } from '../../../model/document.js'

/** Column edges of the two parts this close (points, or this share of the column's width) are one table's. */
const EDGE_SLACK = 3
const EDGE_SHARE = 0.1
/** Edges this close (points) are one table's when the second part repeats the first's header. */
const HEADER_SLACK = 12
/** Lines around a table part this short are page furniture (a page number), not text between tables. */
const FURNITURE = 12

type TableBlock = Table

/** Pages with each row a page break split joined to its first part; an `info` issue says where. */
export function joinContinuedRows(pages: readonly Page[], stage: string): { pages: Page[]; issues: DocIssue[] } {
  const out = pages.map((p) => ({ ...p, blocks: [...p.blocks] }))
  const issues: DocIssue[] = []
  for (let k = 1; k < out.length; k++) {
    const before = lastTable(out[k - 1]!)
    const after = firstTable(out[k]!, out[k - 1]!)
    // The header repeated word for word says it is one table even where a few rows rebuilt from
    // the text's alignment placed its column edges a little apart.
    if (!before || !after) continue
    // A header row repeated word for word, in as many columns with their middles close, names
    // the same columns however far apart the parts' text put their edges (a part that is the
    // header and one step of a measure has its first column's edge where the header's words lie).
    const sameHeader = headerRepeated(before.table, after.table) && sameMiddles(before.table, after.table)
    if (!sameHeader && !sameColumns(before.table, after.table, HEADER_SLACK)) continue
    // Against the page as read: its own repeated header is taken out of `out` below.
    const repeated = repeatedHeader(lastTable(pages[k - 1]!)!.table, after.table)
    const aligned = sameHeader || sameColumns(before.table, after.table)
    if (repeated === 0 && !aligned) continue
    if (repeated > 0) {
      // The header a page break repeats is the same table's: read as the rows of the first part (a
      // transcript prints it once), not as a header row whose lower part opens the next item's title.
      out[k]!.blocks[after.index] = { ...after.table, rows: after.table.rows.slice(repeated) }
      issues.push({
        code: 'header-repeated',
        severity: 'info',
        message: `page ${out[k]!.number}: the table's first ${repeated === 1 ? 'row repeats' : `${repeated} rows repeat`} the header of the table on page ${out[k - 1]!.number}; read once`,
        stage,
        page: out[k]!.number,
      })
    }
    if (!aligned) continue
    const second = out[k]!.blocks[after.index] as TableBlock
    const joined = joinRow(before.table, second, out[k]!.number)
    const spanning = joined ? undefined : joinSpanningCells(before.table, second, out[k]!.number)
    const done = joined ?? spanning
    if (!done) continue
    out[k - 1]!.blocks[before.index] = done.before
    out[k]!.blocks[after.index] = done.after
    issues.push({
      code: 'row-continued',
      severity: 'info',
      message: joined
        ? `page ${out[k]!.number}: the table's first row continues the last row of the table on page ${out[k - 1]!.number} (a row the page break split); read as one row`
        : `page ${out[k]!.number}: the table's first row starts with the rest of a cell spanning rows on page ${out[k - 1]!.number} (a cell the page break split); read as one cell`,
      stage,
      page: out[k]!.number,
    })
  }
  return { pages: out, issues }
}

function lastTable(page: Page): { table: TableBlock; index: number } | undefined {
  const index = page.blocks.findLastIndex((b) => b.kind === 'table')
  if (index < 0 || page.blocks.slice(index + 1).some((b) => !furniture(b))) return undefined
  return { table: page.blocks[index] as TableBlock, index }
}

/** The page's first table, when only furniture or a running head (a line the previous page also prints) comes before it. */
function firstTable(page: Page, previous: Page): { table: TableBlock; index: number } | undefined {
  const index = page.blocks.findIndex((b) => b.kind === 'table')
  const heads = new Set(previous.blocks.flatMap((b) => (b.kind === 'line' ? [b.text.trim()] : [])))
  if (index < 0 || page.blocks.slice(0, index).some((b) => !furniture(b) && !(b.kind === 'line' && heads.has(b.text.trim())))) return undefined
  return { table: page.blocks[index] as TableBlock, index }
}

const furniture = (b: Block): boolean => b.kind === 'line' && b.text.trim().length <= FURNITURE

/** The parts have the same columns: as many, at the same places. */
function sameColumns(a: TableBlock, b: TableBlock, atLeast = EDGE_SLACK): boolean {
  const ea = columnExtents(a)
  const eb = columnExtents(b)
  if (columnCount(a) !== columnCount(b)) return false
  let compared = 0
  for (const [col, x] of ea) {
    const y = eb.get(col)
    if (!y) continue
    const slack = Math.max(atLeast, EDGE_SHARE * (x.x1 - x.x0))
    if (Math.abs(x.x0 - y.x0) > slack || Math.abs(x.x1 - y.x1) > slack) return false
    compared++
  }
  return compared >= 2
}

/** Each column's middle (columnExtents) this close (HEADER_SLACK) in both parts. */
function sameMiddles(a: TableBlock, b: TableBlock): boolean {
  const eb = columnExtents(b)
  const pairs = [...columnExtents(a)].flatMap(([col, x]) => (eb.has(col) ? [[x, eb.get(col)!] as const] : []))
  return pairs.length >= 2 && pairs.every(([x, y]) => Math.abs(x.x0 + x.x1 - y.x0 - y.x1) / 2 <= HEADER_SLACK)
}

const columnCount = (t: TableBlock): number => Math.max(0, ...t.rows.flatMap((r) => r.cells.map((c) => c.col + c.colSpan)))

/** Each column's x extent, from the cells one column wide. */
function columnExtents(t: TableBlock): Map<number, { x0: number; x1: number }> {
  const out = new Map<number, { x0: number; x1: number }>()
  for (const cell of t.rows.flatMap((r) => r.cells)) {
    const box = cell.origin.bbox
    if (cell.colSpan !== 1 || !box || out.has(cell.col)) continue
    out.set(cell.col, { x0: box.x0, x1: box.x1 })
  }
  return out
}

/** A row's words, without the spaces: where a cell's lines break (and so where a space goes between Thai words) depends on how wide its column was read. */
const rowText = (row: TableRow): string => row.cells.map((c) => c.text).join('').replace(/\s+/g, '')

/** The first row of `after` repeats the first row of `before`, in as many columns. */
function headerRepeated(before: TableBlock, after: TableBlock): boolean {
  const [a, b] = [before.rows[0], after.rows[0]]
  return a !== undefined && b !== undefined && !blank(b) && rowText(a) === rowText(b) && columnCount(before) === columnCount(after) && a.cells.length === b.cells.length
}
const blank = (row: TableRow): boolean => row.cells.every((c) => c.text.trim() === '')

/**
 * How many of the first rows of `after` repeat a header in two rows or more at the top of `before`,
 * when a row follows them. The lower row of a grouped header ("ปี 2567 | ปี 2568" under "คะแนน") reads
 * as the start of the next item; a header in one row is read as a header and left, as the column
 * roles of a part are named by its own header (a part whose scores are printed without decimals
 * has no other way to name them).
 */
function repeatedHeader(before: TableBlock, after: TableBlock): number {
  let n = 0
  while (n < before.rows.length - 1 && n < after.rows.length - 1 && !blank(after.rows[n]!) && rowText(after.rows[n]!) === rowText(before.rows[n]!)) n++
  return n >= 2 ? n : 0
}

/**
 * The first row of `after` past its repeated header rows (and rows with no text), when it
 * continues the last row of `before`: both parts with the row joined into the first and taken out
 * of the second. Otherwise undefined.
 */
function joinRow(before: TableBlock, after: TableBlock, page: number): { before: TableBlock; after: TableBlock } | undefined {
  const { at, header } = firstBodyRow(before, after)
  const rest = after.rows[at]
  const last = before.rows.length - 1
  if (!rest || last < 0 || !continues(before, last, rest, header > 0)) return undefined
  const rows = before.rows.map((row) => ({ ...row, cells: [...row.cells] }))
  for (const cell of rest.cells.filter((c) => c.text.trim() !== '')) {
    const { row, index } = covering(rows, last, cell.col)!
    rows[row]!.cells[index] = joinCells(rows[row]!.cells[index]!, cell, page)
  }
  return { before: { ...before, rows }, after: { ...after, rows: after.rows.filter((_, k) => k !== at) } }
}

/** The first row of `after` past its repeated header rows (`header` of them) and rows with no text. */
function firstBodyRow(before: TableBlock, after: TableBlock): { at: number; header: number } {
  let at = 0
  let header = 0
  while (at < after.rows.length) {
    const row = after.rows[at]!
    if (blank(row)) at++
    else if (header < before.rows.length - 1 && rowText(row) === rowText(before.rows[header]!)) {
      at++
      header++
    } else break
  }
  return { at, header }
}

/**
 * A cell spanning rows (an indicator over its items) that a page break split between two rows: the
 * first part ends with a whole row, the next page's first row is a row of its own (its code is
 * there), and its cell in the spanning column holds the rest of the spanning cell's text. Told by
 * the words every other cell of that column opens with ("ตัวชี้วัดที่"), which the rest does not.
 * Both parts with the rest joined to the cell it continues and taken out of the second; otherwise
 * undefined.
 */
function joinSpanningCells(before: TableBlock, after: TableBlock, page: number): { before: TableBlock; after: TableBlock } | undefined {
  const { at, header } = firstBodyRow(before, after)
  const first = after.rows[at]
  const last = before.rows.length - 1
  if (!first || last < 0) return undefined
  const rests = first.cells.filter((c) => c.colSpan === 1 && c.text.trim() !== '' && spanningColumn(before, c.col) && continuesSpanningCell(before, after, header, at, c))
  if (rests.length === 0) return undefined
  const rows = before.rows.map((row) => ({ ...row, cells: [...row.cells] }))
  for (const cell of rests) {
    const { row, index } = covering(rows, last, cell.col)!
    rows[row]!.cells[index] = joinCells(rows[row]!.cells[index]!, cell, page)
  }
  const rest = { ...first, cells: first.cells.filter((c) => !rests.includes(c)) }
  return { before: { ...before, rows }, after: { ...after, rows: after.rows.map((row, k) => (k === at ? rest : row)) } }
}

/** Cells of a column opening with the same words share at least this many characters. */
const SHARED_OPENING = 3

/**
 * Whether `cell` (in row `at` of `after`) is the rest of the cell covering the last row of `before`
 * in its column: that cell spans rows or ends the part, has text, and every other cell of the column
 * in both parts (past the header) opens with the same words, which `cell` does not.
 */
function continuesSpanningCell(before: TableBlock, after: TableBlock, header: number, at: number, cell: TableCell): boolean {
  const cov = covering(before.rows, before.rows.length - 1, cell.col)
  if (!cov || before.rows[cov.row]!.cells[cov.index]!.text.trim() === '') return false
  const column = (t: TableBlock, from: number): string[] =>
    t.rows.slice(from).flatMap((r) => r.cells.filter((c) => c !== cell && c.col === cell.col && c.colSpan === 1 && c.text.trim() !== '').map((c) => c.text.trim()))
  const others = [...column(before, header), ...column(after, at)]
  if (others.length < 2) return false
  const opening = sharedOpening(others)
  return opening.length >= SHARED_OPENING && !cell.text.trim().startsWith(opening)
}

/**
 * The words the texts all open with, ending where a word or a number ends ("ตัวชี้วัดที่" of
 * "ตัวชี้วัดที่ 7 ..." and "ตัวชี้วัดที่ 10 ..."); Thai writes words without spaces, so letters shared
 * up to a letter that differs ("การ" of "การใช้" and "การเปิด") are no word of their own.
 */
function sharedOpening(texts: readonly string[]): string {
  const [head] = texts
  let n = 0
  while (texts.every((t) => n < t.length && t[n] === head![n])) n++
  const atBoundary = texts.every((t) => n === t.length || WORD_END.test(t[n]!))
  const shared = atBoundary ? head!.slice(0, n) : head!.slice(0, n).replace(/\S*$/u, '')
  return shared.replace(/[\s0-9\u0E50-\u0E59]+$/u, '')
}
const WORD_END = /[\s0-9\u0E50-\u0E59]/u

/**
 * Whether `rest` is the rest of row `last`: its first column that holds one cell per row (not an
 * indicator spanning its items) is empty, as the short cell that starts a row (a code, a number,
 * an item's name) ended on the first part; and every cell with text in it continues a cell of
 * the first part that has text.
 */
function continues(before: TableBlock, last: number, rest: TableRow, afterHeader: boolean): boolean {
  const filled = rest.cells.filter((c) => c.text.trim() !== '')
  if (filled.length === 0) return false
  if (!afterHeader) {
    const key = rest.cells.find((c) => c.colSpan === 1 && !spanningColumn(before, c.col))
    if (!key || key.text.trim() !== '') return false
  } else if (!keySlotEmpty(before, last, rest)) return false
  return filled.every((c) => {
    const cov = covering(before.rows, last, c.col)
    return cov !== undefined && before.rows[cov.row]!.cells[cov.index]!.text.trim() !== ''
  })
}

/**
 * Under a header repeated word for word: the first column the last row fills (not one spanning
 * rows) has no text in `rest`. A table rebuilt from the text has no cell where a row's slot is
 * empty, so the slot may have no cell at all.
 */
function keySlotEmpty(before: TableBlock, last: number, rest: TableRow): boolean {
  const lastFilled = (col: number): boolean => {
    const cov = covering(before.rows, last, col)
    return cov !== undefined && before.rows[cov.row]!.cells[cov.index]!.text.trim() !== ''
  }
  const key = Array.from({ length: columnCount(before) }, (_, col) => col).find((col) => !spanningColumn(before, col) && lastFilled(col))
  const cell = rest.cells.find((c) => key !== undefined && c.col <= key && key < c.col + c.colSpan)
  // A number (a score) is a short cell that ended on the first part: text under it is a new row's.
  const underNumber = rest.cells.some((c) => {
    const cov = c.text.trim() === '' ? undefined : covering(before.rows, last, c.col)
    return cov !== undefined && NUMBER_ONLY.test(before.rows[cov.row]!.cells[cov.index]!.text)
  })
  return key !== undefined && !underNumber && (cell === undefined || (cell.colSpan === 1 && cell.text.trim() === ''))
}

const NUMBER_ONLY = /^\s*[0-9\u0E50-\u0E59][0-9\u0E50-\u0E59.,\s]*$/u

/** A column whose body cells span rows (an indicator over its items). */
function spanningColumn(t: TableBlock, col: number): boolean {
  const cells = t.rows.flatMap((r) => r.cells.filter((c) => c.col === col))
  return cells.some((c) => c.rowSpan > 1)
}

/** The cell of `rows` that covers row `last` at column `col`. */
function covering(rows: readonly TableRow[], last: number, col: number): { row: number; index: number } | undefined {
  for (let r = last; r >= 0; r--) {
    const index = rows[r]!.cells.findIndex((c) => c.col <= col && col < c.col + c.colSpan && r + c.rowSpan > last)
    if (index >= 0) return { row: r, index }
  }
  return undefined
}

function joinCells(first: TableCell, rest: TableCell, page: number): TableCell {
  const readings = [...(first.origin.readings ?? []), ...(rest.origin.readings ?? []).map((r) => ({ ...r, page }))]
  return {
    ...first,
    text: `${first.text} ${rest.text}`.trim(),
    raw: `${first.raw} ${rest.raw}`.trim(),
    origin: { ...first.origin, ...(readings.length > 0 && { readings }) },
  }
}
