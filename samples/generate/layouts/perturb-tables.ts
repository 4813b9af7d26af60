/**
 * Table-layout perturbations (issue 20): the same tables laid out as other agencies, Word and
 * LibreOffice leave them, with every cell's text kept, so a report still says what its truth says.
 * Each one changes where cells sit (columns reordered, a table split over two, header rows merged
 * or grouped, a header missing, equal cells merged into one spanning rows, a column added that holds
 * no value) and never what a cell says; where a table cannot be changed without losing what a cell
 * means (a transposed table's header holds its data, a span would cross the change), it is left as it is.
 */
import { pageBreak, paragraph, type Block, type Cell, type LayoutDoc, type Row, type TableBlock } from './blocks.js'
import type { Perturbation } from './perturb.js'

/** A small, stable number from a text, as perturb.ts draws its variations. */
function hashOf(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

const tableText = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.lines.join(' ')).join('|')).join('\n')
const span = (c: Cell) => c.colSpan ?? 1
const rowSpanOf = (c: Cell) => c.rowSpan ?? 1
const isHeaderRow = (r: Row) => r.cells.length > 0 && r.cells.every((c) => c.header === true)
const isFullWidth = (t: TableBlock, c: Cell) => span(c) >= t.columns.length

/** The first column each cell of each row starts at, rows spanning down from above taken into account. */
export function originColumns(t: TableBlock): number[][] {
  const taken: boolean[][] = t.rows.map(() => [])
  return t.rows.map((row, r) => {
    let col = 0
    return row.cells.map((c) => {
      while (taken[r]![col]) col++
      for (let dr = 0; dr < rowSpanOf(c) && r + dr < t.rows.length; dr++) for (let dc = 0; dc < span(c); dc++) taken[r + dr]![col + dc] = true
      const at = col
      col += span(c)
      return at
    })
  })
}

/**
 * How many rows at the top are the table's header: the rows it repeats on every page, or where it
 * repeats none, a first row of header cells and the rows its cells span down to. Not the header-cell
 * rows under it (a detail list's indicator rows with their scores).
 */
export function headerRowCount(t: TableBlock): number {
  const first = t.rows[0]
  if (!first || !isHeaderRow(first)) return 0
  const n = t.repeatHeader > 0 ? t.repeatHeader : Math.max(...first.cells.map(rowSpanOf))
  return t.rows.slice(0, n).every(isHeaderRow) ? Math.min(n, t.rows.length) : 1
}

const ROW_NUMBER = /^[0-9๐-๙]{1,3}[.)]?$/

/** The first column numbers the rows (ลำดับ 1, 2, 3) or labels them (a transposed table's header column). */
function firstColumnLabels(t: TableBlock): boolean {
  const origins = originColumns(t)
  const body = t.rows.slice(headerRowCount(t)).flatMap((r, i) => r.cells.filter((c, k) => origins[i + headerRowCount(t)]![k] === 0 && !isFullWidth(t, c) && !(c.header && span(c) > 1)))
  return body.length > 0 && body.every((c) => c.header === true || ROW_NUMBER.test(c.lines.join(' ').trim()))
}

/** A permutation of 0..n-1 drawn from `seed`, never the identity when n > 1. */
function shuffled(n: number, seed: number): number[] {
  const out = [...Array(n).keys()]
  let s = seed
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out.every((v, i) => v === i) ? out.reverse() : out
}

/**
 * Columns joined by a cell spanning some but not all of them move together: the groups of columns
 * that can be reordered without breaking a span, in order.
 */
function columnGroups(t: TableBlock): number[][] {
  const joined = t.columns.map((_, i) => i)
  const root = (i: number): number => (joined[i] === i ? i : root(joined[i]!))
  const origins = originColumns(t)
  t.rows.forEach((row, r) =>
    row.cells.forEach((c, k) => {
      if (span(c) < 2 || isFullWidth(t, c)) return
      for (let dc = 1; dc < span(c); dc++) joined[root(origins[r]![k]! + dc)] = root(origins[r]![k]!)
    }),
  )
  const groups: number[][] = []
  t.columns.forEach((_, i) => (groups.length > 0 && root(groups.at(-1)![0]!) === root(i) ? groups.at(-1)!.push(i) : groups.push([i])))
  return groups
}

/** The table with its columns in the order `order` gives (old column of each new position); spans kept. */
function withColumnOrder(t: TableBlock, order: readonly number[]): TableBlock {
  const newAt = new Map(order.map((old, i) => [old, i]))
  const origins = originColumns(t)
  const rows = t.rows.map((row, r) => ({ ...row, cells: row.cells.map((c, k) => ({ c, at: isFullWidth(t, c) ? 0 : newAt.get(origins[r]![k]!)! })).sort((a, b) => a.at - b.at).map((x) => x.c) }))
  return { ...t, columns: order.map((i) => t.columns[i]!), rows }
}

/**
 * column-order: the columns after the one naming each row (the indicator, the item) in another order;
 * that one stays first, after a column numbering the rows if there is one, as reports almost always
 * print it. Columns a span joins move together.
 */
function reorderColumns(t: TableBlock): TableBlock {
  const groups = columnGroups(t)
  const fixed = (firstColumnLabels(t) && groups[0]!.length === 1 ? 1 : 0) + 1
  const moving = groups.slice(fixed)
  if (moving.length < 2) return t
  const order = shuffled(moving.length, hashOf(tableText(t)))
  return withColumnOrder(t, [...groups.slice(0, fixed), ...order.map((i) => moving[i]!)].flat())
}

/** Rows before which a table may be cut: no cell spans across the cut. */
function cutsAt(t: TableBlock): number[] {
  const crossed = new Set<number>()
  t.rows.forEach((row, r) => row.cells.forEach((c) => { for (let dr = 1; dr < rowSpanOf(c); dr++) crossed.add(r + dr) }))
  const first = headerRowCount(t) + 2
  return [...Array(t.rows.length).keys()].filter((r) => r >= first && r <= t.rows.length - 2 && !crossed.has(r))
}

const HAS_SCORE = /[0-9๐-๙][.,][0-9๐-๙]/

/**
 * split-tables: a table of four or more body rows cut in two at a page break, the second part with the
 * header rows repeated, without them (as Word leaves a table a page break cuts), or after a "(ต่อ)" line.
 */
function splitTable(t: TableBlock, before: string | undefined): Block[] {
  const header = headerRowCount(t)
  const cuts = cutsAt(t)
  if (t.rows.length - header < 4 || cuts.length === 0) return [t]
  const h = hashOf(tableText(t))
  const cut = cuts[h % cuts.length]!
  const style = (['repeat', 'bare', 'continued'] as const)[(h >>> 8) % 3]!
  const rest = t.rows.slice(cut)
  const second: TableBlock = style === 'bare' ? { ...t, repeatHeader: 0, rows: rest } : { ...t, rows: [...t.rows.slice(0, header), ...rest] }
  const title = before !== undefined && !HAS_SCORE.test(before) ? `${before} (ต่อ)` : '(ต่อ)'
  return [{ ...t, rows: t.rows.slice(0, cut) }, pageBreak, ...(style === 'continued' ? [paragraph(title, { bold: true })] : []), second]
}

/** A cell holding `lines`, styled as `like` (a header cell stays one), spanning what it is told. */
const withCell = (lines: readonly string[], like: Cell, colSpan = 1, rowSpan = 1): Cell => {
  const { colSpan: _c, rowSpan: _r, ...style } = like
  return { ...style, lines, ...(colSpan > 1 && { colSpan }), ...(rowSpan > 1 && { rowSpan }) }
}

/** A header of two rows or more with a cell grouping columns, as one row: each column's headings joined. */
function flattenHeader(t: TableBlock, header: number): TableBlock {
  const origins = originColumns(t)
  const titles = t.rows.slice(0, header).filter((r) => r.cells.length === 1 && isFullWidth(t, r.cells[0]!))
  const columnsOf = t.columns.map(() => [] as string[])
  t.rows.slice(0, header).forEach((row, r) =>
    row.cells.forEach((c, k) => {
      if (isFullWidth(t, c)) return
      for (let dc = 0; dc < span(c); dc++) columnsOf[origins[r]![k]! + dc]!.push(...c.lines)
    }),
  )
  const like = t.rows.slice(0, header).flatMap((r) => r.cells).find((c) => !isFullWidth(t, c))!
  const row: Row = { cells: columnsOf.map((lines) => withCell(lines, like)) }
  const rows = [...titles, row, ...t.rows.slice(header)]
  return { ...t, rows, repeatHeader: Math.min(t.repeatHeader, titles.length + 1) }
}

const GROUP_WORDS = ['รายละเอียด', 'ข้อมูลประกอบ', 'ผลการดำเนินงาน']

/** One header row under a group heading spanning some of its columns; the others span both rows. */
function groupHeader(t: TableBlock, header: number, h: number): TableBlock {
  const row = t.rows[header - 1]!
  if (row.cells.length < 3 || row.cells.some((c) => span(c) > 1 || rowSpanOf(c) > 1)) return t
  const start = 1 + (h % (row.cells.length - 2))
  const length = 2 + ((h >>> 4) % (row.cells.length - start - 1))
  const grouped = row.cells.slice(start, start + length)
  const word = grouped.every((c) => /คะแนน/.test(c.lines.join(''))) ? 'ผลคะแนน' : GROUP_WORDS[(h >>> 8) % GROUP_WORDS.length]!
  const top: Row = { cells: [...row.cells.slice(0, start).map((c) => ({ ...c, rowSpan: 2 })), withCell([word], row.cells[start]!, length), ...row.cells.slice(start + length).map((c) => ({ ...c, rowSpan: 2 }))] }
  const rows = [...t.rows.slice(0, header - 1), top, { cells: grouped }, ...t.rows.slice(header)]
  return { ...t, rows, repeatHeader: t.repeatHeader >= header ? t.repeatHeader + 1 : t.repeatHeader }
}

/**
 * A header cell's text cut near its middle where a word processor breaks a line in a narrow column: at a
 * space or after a slash, never before a number ("ตัวชี้วัดที่ 4" keeps its number). One word stays whole.
 */
function halves(text: string): [string, string] {
  const cuts = [...text.matchAll(/(?<=\s|\/)(?=[^\s0-9๐-๙])/g)].map((m) => m.index).filter((i) => i > 0 && i < text.length)
  if (cuts.length === 0) return [text, '']
  const cut = cuts.reduce((best, i) => (Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2) ? i : best))
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()]
}

/** One header row as two, each cell's first half above its second: a two-line header cell read as two rows. */
function twoLineHeader(t: TableBlock, header: number): TableBlock {
  const row = t.rows[header - 1]!
  if (row.cells.some((c) => span(c) > 1 || rowSpanOf(c) > 1)) return t
  const split = row.cells.map((c) => halves(c.lines.join(' ')))
  const rows = [...t.rows.slice(0, header - 1), { cells: row.cells.map((c, i) => withCell([split[i]![0]], c)) }, { cells: row.cells.map((c, i) => withCell(split[i]![1] ? [split[i]![1]] : [], c)) }, ...t.rows.slice(header)]
  // Both rows are the header, repeated on every page as the one row was (or now, where it was not, so that they read as one).
  return { ...t, rows, repeatHeader: header + 1 }
}

/**
 * merged-header: a header of two rows with a group heading as one row (each column's headings joined),
 * and a one-row header as two: under a group heading spanning columns, or each cell's two lines as rows.
 */
function mergeHeader(t: TableBlock): TableBlock {
  const header = headerRowCount(t)
  if (header === 0 || header === t.rows.length) return t
  const titles = t.rows.slice(0, header).filter((r) => r.cells.length === 1 && isFullWidth(t, r.cells[0]!)).length
  if (header - titles >= 2) return flattenHeader(t, header)
  if (header - titles !== 1) return t
  const h = hashOf(tableText(t))
  return h % 2 === 0 ? groupHeader(t, header, h >>> 1) : twoLineHeader(t, header)
}

/** A transposed table: its first column's cells are headings of rows that hold data cells. */
function transposed(t: TableBlock, header: number): boolean {
  const origins = originColumns(t)
  return t.rows.slice(header).some((r, i) => !isHeaderRow(r) && r.cells.some((c, k) => origins[i + header]![k] === 0 && c.header === true))
}

/** A header naming columns, not holding data: no number in it (a title row spanning the table aside), not a transposed table's. */
function headerNamesColumns(t: TableBlock, header: number): boolean {
  return !transposed(t, header) && !t.rows.slice(0, header).some((r) => r.cells.some((c) => !isFullWidth(t, c) && /[0-9๐-๙]/.test(c.lines.join(' '))))
}

/** no-header: a detail or summary table without its header rows; a title row spanning the table stays. */
function dropHeader(t: TableBlock): TableBlock {
  const header = headerRowCount(t)
  if (!['detail', 'summary'].includes(t.role) || header === 0 || header === t.rows.length || !headerNamesColumns(t, header)) return t
  const kept = t.rows.slice(0, header).filter((r) => r.cells.length === 1 && isFullWidth(t, r.cells[0]!))
  if (kept.length === header) return t
  return { ...t, repeatHeader: kept.length, rows: [...kept, ...t.rows.slice(header)] }
}

const NAMES_SOMETHING = /[\u0e01-\u0e2e]|[A-Za-z]{2}/
/** A score, in digits ("100.00 คะแนน") or words ("มี", "ไม่มี"), or a verdict: a value of its row, not a name over several. */
const SCORE_WORD = /^\s*(?:ไม่\s*)?(?:มี|ผ่าน)\s*$|[0-9๐-๙][.,][0-9๐-๙]/

/** spanned-column: a run of equal body cells naming something (not a score, in digits or words) in one column, as one cell spanning its rows. */
function spanEqualCells(t: TableBlock): TableBlock {
  const origins = originColumns(t)
  const first = headerRowCount(t)
  const single = (r: number, col: number) => {
    const k = origins[r]!.indexOf(col)
    const c = t.rows[r]!.cells[k]
    return c && !c.header && span(c) === 1 && rowSpanOf(c) === 1 && NAMES_SOMETHING.test(c.lines.join(' ')) && !SCORE_WORD.test(c.lines.join(' ')) ? c : undefined
  }
  const removed = new Set<string>()
  const spans = new Map<string, number>()
  for (let col = 0; col < t.columns.length; col++) {
    let r = first
    while (r < t.rows.length) {
      const c = single(r, col)
      let end = r + 1
      while (c && end < t.rows.length && single(end, col)?.lines.join('\n') === c.lines.join('\n')) end++
      if (c && end - r >= 2) {
        spans.set(`${r}:${col}`, end - r)
        for (let x = r + 1; x < end; x++) removed.add(`${x}:${col}`)
      }
      r = end
    }
  }
  if (spans.size === 0) return t
  const rows = t.rows.map((row, r) => ({ ...row, cells: row.cells.flatMap((c, k) => { const key = `${r}:${origins[r]![k]}`; return removed.has(key) ? [] : spans.has(key) ? [{ ...c, rowSpan: spans.get(key)!, valign: 'middle' as const }] : [c] }) }))
  return { ...t, rows }
}

/** A column added at `side` whose body cells are `body(i)` (the i-th body row): header rows and title rows extended. */
function withColumn(t: TableBlock, side: 'first' | 'last', head: string, body: (i: number) => string): TableBlock {
  const header = headerRowCount(t)
  const titles = t.rows.slice(0, header).filter((r) => r.cells.length === 1 && isFullWidth(t, r.cells[0]!)).length
  const like = t.rows.slice(titles, header)[0]?.cells[0]
  let n = 0
  const rows = t.rows.map((row, r): Row => {
    const titleOrGroup = row.cells.length === 1 && isFullWidth(t, row.cells[0]!)
    if (titleOrGroup || (r >= header && isHeaderRow(row))) {
      const at = side === 'first' ? 0 : row.cells.length - 1
      return { ...row, cells: row.cells.map((c, k) => (k === at ? { ...c, colSpan: span(c) + 1 } : c)) }
    }
    if (r < header) {
      if (r !== titles) return row
      const added = withCell([head], like!, 1, header - titles)
      return { ...row, cells: side === 'first' ? [added, ...row.cells] : [...row.cells, added] }
    }
    const added: Cell = { lines: [body(n++)], align: 'center' }
    return { ...row, cells: side === 'first' ? [added, ...row.cells] : [...row.cells, added] }
  })
  return { ...t, columns: side === 'first' ? [4, ...t.columns] : [...t.columns, 8], rows }
}

const usesThaiDigits = (t: TableBlock) => /[๐-๙]/.test(tableText(t))
const THAI_ZERO = 0x0e50

/** row-numbers: a ลำดับ column numbering the body rows before a table that has no such column. */
function numberRows(t: TableBlock): TableBlock {
  const header = headerRowCount(t)
  if (header === 0 || header === t.rows.length || firstColumnLabels(t) || transposed(t, header)) return t
  const digits = (i: number) => (usesThaiDigits(t) ? String(i).replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d))) : String(i))
  return withColumn(t, 'first', 'ลำดับ', (i) => digits(i + 1))
}

/** remarks-column: an empty หมายเหตุ column after a table's last one, as many agencies' forms have. */
function addRemarks(t: TableBlock): TableBlock {
  const header = headerRowCount(t)
  if (header === 0 || header === t.rows.length || transposed(t, header)) return t
  return withColumn(t, 'last', 'หมายเหตุ', () => '')
}

/** Every table of the report changed by `f`; the heading or paragraph before a table is given with it. */
const eachTable = (f: (t: TableBlock, before: string | undefined) => Block | Block[]) => (doc: LayoutDoc): LayoutDoc => {
  let before: string | undefined
  const blocks = doc.blocks.flatMap((b) => {
    if (b.kind === 'heading' || b.kind === 'paragraph') before = b.text
    return b.kind === 'table' ? f(b, before) : [b]
  })
  return { ...doc, blocks }
}

const unchanged = (s: string) => s

export const TABLE_PERTURBATIONS: readonly Perturbation[] = [
  {
    name: 'column-order',
    description: "a table's columns after the one naming its rows in another order (columns a span joins move together)",
    text: unchanged,
    doc: eachTable(reorderColumns),
  },
  {
    name: 'split-tables',
    description: 'a table of four or more rows split in two at a page break: header repeated, missing, or after a "(ต่อ)" line',
    text: unchanged,
    doc: eachTable(splitTable),
  },
  {
    name: 'merged-header',
    description: 'a one-row header as two (a group heading spanning columns, or each cell\'s two lines as rows); a two-row header as one',
    text: unchanged,
    doc: eachTable(mergeHeader),
  },
  {
    name: 'no-header',
    description: 'detail and summary tables without their header row (a header holding data stays)',
    text: unchanged,
    doc: eachTable(dropHeader),
  },
  {
    name: 'spanned-column',
    description: 'equal consecutive cells naming something (a tool, a unit, a period) merged into one cell spanning their rows',
    text: unchanged,
    doc: eachTable(spanEqualCells),
  },
  {
    name: 'row-numbers',
    description: 'a ลำดับ column numbering the rows before tables that have none',
    text: unchanged,
    doc: eachTable(numberRows),
  },
  {
    name: 'remarks-column',
    description: 'an empty หมายเหตุ column after every table with a header naming its columns',
    text: unchanged,
    doc: eachTable(addRemarks),
  },
]
