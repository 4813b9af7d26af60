/**
 * Tables drawn without (all) ruling lines, rebuilt from the text: word processors write a table
 * cell by cell, row by row, so in content order a cell's text runs down its column, the next cell
 * of the row starts to its right (back up at the row's top, or lower when it is centred), and a
 * new row starts back at the left. Blocks of text in content order become cells; blocks to the
 * right of the previous one form a row; consecutive rows of two or more cells, close together,
 * form a table whose columns are the gaps no cell crosses. A cell is everything in its block,
 * however it is aligned, so a vertically centred score stays in its row.
 *
 * Only runs no ruled table took are looked at (tables.ts runs first).
 */
import type { BBox } from '../../../model/document.js'
import type { Rule } from './page-graphics.js'
import type { GridCell, GridTable } from './tables.js'
import { columnsByExtent, columnsFromRows, type Span } from '../../grid/columns.js'
import { cellText, paragraphPitch, type CellLayout } from './lines.js'
import { unionBBox, type GlyphRun } from './text-runs.js'

/** Runs on one baseline this far apart (share of the font size) are in different cells. */
const CELL_GAP = 1.0
/** Baselines this close (share of the font size) are one line. */
const SAME_LINE = 0.4
/** The next line of a block is at most this far below (share of the font size). */
const NEXT_LINE = 2
/** A paragraph's first line may be indented this much (share of the font size). */
const FIRST_LINE_INDENT = 4
/** A line this much further below than the block's line spacing starts a new paragraph. */
const PARAGRAPH_BREAK = 1.08
/** The next paragraph of a cell, starting at the cell's left edge, is at most this far below (share of the font size). */
const NEXT_PARAGRAPH = 2.2
/** Rows of one table are at most this far apart vertically (share of the font size). */
const ROW_GAP = 0.9
/** Rows apart by a drawn horizontal rule are at most this far apart (share of the font size): a cell's padding on either side. */
const RULED_ROW_GAP = 2.5
/** A gap this wide (share of the font size) on one line is a column gap, not a justified word space. */
const WIDE_GAP = 3
/** A list number ("1.", "๒)") as word processors draw it: a run of its own. */
const LIST_LABEL = /^\s*[0-9\u0E50-\u0E59]{1,2}[.)]\s*$/u
/** A bullet starting a run ("- จัดทำ", "• แต่งตั้ง"): the first item of a list, as a list number is. */
const BULLET_START = /^\s*[\u2022\u25E6\u25AA\u25CF\-\u2013](?:\s|$)/u
/** A list number or bullet this far (share of the font size) after text on its line is in another cell: more than a word space. */
const LABEL_GAP = 0.5
/** How far (share of the font size) a cell centred in a row span may sit below the row's other cells. */
const CENTRED_SPAN = 6
/** How far (share of the font size) a cell centred in a row span may be from the centre of the rows' text. */
const CENTRED_SLACK = 2
/** Runs this close (share of the font size) on one baseline are one piece of a line. */
const TOUCHING = 0.05
/** Slack (points) when comparing edges. */
const SLACK = 2

interface Block {
  readonly runs: GlyphRun[]
  bbox: BBox
  /** Baseline and extent of the block's last line. */
  lastBaseline: number
  lastLine: BBox
  size: number
  /** Distance between the baselines of its last two lines, once it has two. */
  pitch?: number
}

interface TextRow {
  readonly blocks: Block[]
  readonly bbox: BBox
}

/** `rules`: the page's drawn lines; text on either side of a horizontal one is not one cell or paragraph. */
export function findTextTables(runs: readonly GlyphRun[], rules: readonly Rule[] = []): { tables: GridTable[]; freeRuns: GlyphRun[] } {
  const horizontal = rules.filter((r) => r.orientation === 'h')
  const rows = toRows(splitTitles(toBlocks(runs.filter((r) => r.text.trim() !== ''), horizontal).flatMap(splitMisaligned)))
  const tables: GridTable[] = []
  const taken = new Set<GlyphRun>()
  for (const group of tableRowGroups(rows, horizontal)) {
    const table = toGridTable(group, horizontal)
    if (!table) continue
    tables.push(table)
    for (const row of group) for (const block of row.blocks) for (const run of block.runs) taken.add(run)
  }
  // Runs in a table's box that were only white space go with it too.
  const inTable = (r: GlyphRun): boolean => taken.has(r) || (r.text.trim() === '' && tables.some((t) => inside(t.bbox, r.bbox)))
  return { tables, freeRuns: runs.filter((r) => !inTable(r)) }
}

/** Consecutive runs that continue one another: the same line to the right, or the next line down in the same column. */
function toBlocks(runs: readonly GlyphRun[], horizontal: readonly Rule[]): Block[] {
  const blocks: Block[] = []
  let current: Block | undefined
  for (const [k, run] of runs.entries()) {
    if (current && continues(current, run, touchingExtent(runs, k)) && !ruledOff(current, run, horizontal)) {
      const sameLine = Math.abs(run.baseline - current.lastBaseline) <= SAME_LINE * current.size
      current.runs.push(run)
      current.bbox = unionBBox([current.bbox, run.bbox])
      current.lastLine = sameLine ? unionBBox([current.lastLine, run.bbox]) : run.bbox
      if (!sameLine) current.pitch = run.baseline - current.lastBaseline
      current.lastBaseline = sameLine ? current.lastBaseline : run.baseline
      current.size = Math.max(current.size, run.size)
      continue
    }
    current = { runs: [run], bbox: run.bbox, lastBaseline: run.baseline, lastLine: run.bbox, size: run.size }
    blocks.push(current)
  }
  return blocks
}

/**
 * A block's lines share a left edge (allowing a first-line or hanging indent), a centre or a right
 * edge; where the next line shares none, it starts another block: a group heading centred over
 * several columns and the first column's heading under it are two cells.
 */
function splitMisaligned(block: Block): Block[] {
  const lines = blockLines(block)
  const parts: GlyphRun[][][] = [[lines[0]!]]
  for (let k = 1; k < lines.length; k++) {
    const above = parts.at(-1)!.at(-1) ?? lines[k - 1]!
    const a = unionBBox(above.map((r) => r.bbox))
    const b = unionBBox(lines[k]!.map((r) => r.bbox))
    const aligned = Math.abs(b.x0 - a.x0) <= FIRST_LINE_INDENT * block.size || Math.abs(b.x1 - a.x1) <= SLACK || Math.abs(b.x0 + b.x1 - a.x0 - a.x1) / 2 <= block.size
    // The next cell of the line above, padded narrowly, whose next lines go on under it.
    const cut = above.findIndex((r, j) => j > 0 && Math.abs(r.bbox.x0 - b.x0) <= SLACK && r.bbox.x0 - above[j - 1]!.bbox.x1 > LABEL_GAP * block.size)
    if (aligned) parts.at(-1)!.push(lines[k]!)
    else if (cut > 0) {
      parts.at(-1)!.splice(-1, 1, above.slice(0, cut))
      parts.push([above.slice(cut), lines[k]!])
    } else parts.push([lines[k]!])
  }
  if (parts.length === 1) return [block]
  return parts.map(blockOf)
}

/**
 * A block whose first line is a row of its own: a heading row over the columns ("ตัวชี้วัดที่ 10
 * การป้องกันการทุจริต"), then the first cell of the next row (the item) left-aligned under it. The
 * cells beside the block show it: the next one starts beside the block's second line and the
 * first line reaches over it; or none is beside the first line and one starts beside the second
 * and goes on below the block, not centred on it (cells of a row start at its top, or are centred
 * in it, or end at its foot). Width alone does not show it: a cell's first line can be far wider
 * than its others ("ส่วนเจ้าพนักงานตำรวจ" wrapped before "ศาล").
 */
function splitTitles(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block, k) => {
    const lines = blockLines(block)
    if (lines.length < 2) return [block]
    const first = unionBBox(lines[0]!.map((r) => r.bbox))
    const rest = unionBBox(lines.slice(1).flat().map((r) => r.bbox))
    const beside = besideBlocks(blocks, k, rest.x1)
    if (beside.length === 0) return [block]
    const on = (b: Block, line: readonly GlyphRun[]): boolean => Math.abs(b.runs[0]!.baseline - line[0]!.baseline) <= SAME_LINE * block.size
    const next = beside[0]!
    const reachesOver = on(next, lines[1]!) && next.bbox.x0 < first.x1 - SLACK
    // A cell beside the second line, under the first line's extent and starting below it: the
    // second line is a cell centred in a row that starts after the first line (a table's first
    // header cell, centred in two header rows, under the paragraph before the table).
    const second = unionBBox(lines[1]!.map((r) => r.bbox))
    const rowUnderFirst = beside.some((b) => b.bbox.x0 < first.x1 - SLACK && b.bbox.y0 > first.y1 - SLACK && b.bbox.y0 < second.y0 - SLACK && b.bbox.y1 > second.y1)
    const pitch = lines[1]![0]!.baseline - lines[0]![0]!.baseline
    const centred = (b: Block): boolean => Math.abs(b.bbox.y0 + b.bbox.y1 - block.bbox.y0 - block.bbox.y1) / 2 <= pitch / 2
    // Bottom-aligned cells end where the block ends; a cell starting beside its second line and
    // going on below it is top-aligned there.
    const startsBelow = !beside.some((b) => on(b, lines[0]!)) && beside.some((b) => on(b, lines[1]!) && b.bbox.y1 > block.bbox.y1 + SLACK && !centred(b))
    // A bulleted paragraph goes on at its left edge or under its words, never far right of them: a
    // line that does, with cells beside it, is a cell of the table under the paragraph.
    const besideBullet = BULLET_START.test(lines[0]![0]!.text) && lines[1]![0]!.bbox.x0 > first.x0 + FIRST_LINE_INDENT * block.size && beside.some((b) => on(b, lines[1]!))
    return reachesOver || rowUnderFirst || startsBelow || besideBullet ? [blockOf([lines[0]!]), blockOf(lines.slice(1))] : [block]
  })
}

/** The blocks after `k` in content order that sit right of `right`, as the next cells of its row. */
function besideBlocks(blocks: readonly Block[], k: number, right: number): Block[] {
  const out: Block[] = []
  for (const b of blocks.slice(k + 1)) {
    if (b.bbox.x0 < right - SLACK) break
    out.push(b)
    right = Math.max(right, b.bbox.x1)
  }
  return out
}

/** A block's runs, line by line. */
function blockLines(block: Block): GlyphRun[][] {
  const lines: GlyphRun[][] = []
  for (const run of block.runs) {
    const line = lines.at(-1)
    if (line && Math.abs(run.baseline - line[0]!.baseline) <= SAME_LINE * block.size) line.push(run)
    else lines.push([run])
  }
  return lines
}

function blockOf(lines: readonly GlyphRun[][]): Block {
  const runs = lines.flat()
  const last = lines.at(-1)!
  const pitch = lines.length > 1 ? last[0]!.baseline - lines.at(-2)![0]!.baseline : undefined
  return { runs, bbox: unionBBox(runs.map((r) => r.bbox)), lastBaseline: last[0]!.baseline, lastLine: unionBBox(last.map((r) => r.bbox)), size: Math.max(...runs.map((r) => r.size)), ...(pitch !== undefined && { pitch }) }
}

/**
 * The extent of the run at `k` and the runs after it that touch it on its baseline: the piece of
 * line it starts. LibreOffice puts each sara am in a span of its own, so "ดำเนินการ" comes as
 * "ด", "ำ", "เนินการ"; a centred line is centred as a whole, not by its first piece.
 */
function touchingExtent(runs: readonly GlyphRun[], k: number): BBox {
  let box = runs[k]!.bbox
  for (let j = k + 1; j < runs.length; j++) {
    const run = runs[j]!
    const onLine = Math.abs(run.baseline - runs[k]!.baseline) <= SAME_LINE * run.size
    if (!onLine || Math.abs(run.bbox.x0 - box.x1) > TOUCHING * run.size) break
    box = unionBBox([box, run.bbox])
  }
  return box
}

/** `extent`: the piece of line the run starts (touchingExtent). */
function continues(block: Block, run: GlyphRun, extent: BBox = run.bbox): boolean {
  const size = Math.max(block.size, run.size)
  const last = block.runs.at(-1)!
  const dy = run.baseline - block.lastBaseline
  if (Math.abs(run.baseline - last.baseline) <= SAME_LINE * size) {
    // Same line: the next words, unless a column gap lies between. A list number starts its
    // paragraph, so one after a gap starts the next cell, however narrow the cells' padding.
    const gap = run.bbox.x0 - last.bbox.x1
    if ((LIST_LABEL.test(run.text) || BULLET_START.test(run.text)) && gap > LABEL_GAP * Math.min(block.size, run.size)) return false
    return run.bbox.x0 >= last.bbox.x1 - SLACK && gap <= CELL_GAP * size
  }
  // The next line of the same paragraph or cell: just below, in the same type size, starting before
  // the line above ends (a centred cell's lines overlap; text in the next column starts after it)
  // and not left of the block (a paragraph's first-line indent is allowed for, however short the
  // second line).
  // An automatic list number is drawn in the size of the paragraph mark, not of the text.
  const sameSize = Math.abs(run.size - last.size) <= 0.1 * last.size || LIST_LABEL.test(run.text) || LIST_LABEL.test(last.text)
  // A paragraph's spacing adds to the gap: a next paragraph starting at the block's left edge, in a
  // narrow column (a cell listing units one a paragraph), continues it; a table under a paragraph
  // has its cells indented by their padding.
  // A heading's lines centred in their cell (a gloss under it) are spaced like paragraphs too.
  // The line above's left edge is the cell's when the block's first line took in the end of the
  // cell before it (a padding narrower than a column gap: "มี.ค. ๒๕๖๙ กลุ่มตรวจสอบ").
  const centred = Math.abs(extent.x0 + extent.x1 - block.lastLine.x0 - block.lastLine.x1) / 2 <= SLACK
  const leftAligned = Math.abs(run.bbox.x0 - block.bbox.x0) <= SLACK || Math.abs(run.bbox.x0 - block.lastLine.x0) <= SLACK || centred
  const paragraphBreak = block.pitch !== undefined && dy > PARAGRAPH_BREAK * block.pitch
  const below = (dy <= NEXT_LINE * size && !paragraphBreak) || (leftAligned && dy <= NEXT_PARAGRAPH * size)
  const indented = block.pitch === undefined && run.bbox.x0 >= block.bbox.x0 - FIRST_LINE_INDENT * size
  return sameSize && dy > SAME_LINE * size && below && run.bbox.x0 < block.lastLine.x1 && (run.bbox.x1 > block.bbox.x0 - size || indented)
}

/** A horizontal rule between the block's last line and the run below it, across the run. */
function ruledOff(block: Block, run: GlyphRun, horizontal: readonly Rule[]): boolean {
  return horizontal.some((r) => r.pos > block.lastBaseline && r.pos < run.bbox.y0 + SLACK && r.from < run.bbox.x1 && r.to > run.bbox.x0)
}

/** A horizontal rule between two rows, along most of each: the border between two rows of one table. */
function ruledBetween(above: BBox, below: BBox, horizontal: readonly Rule[]): boolean {
  const between = horizontal.filter((r) => r.pos > above.y1 - SLACK && r.pos < below.y0 + SLACK)
  // A rule is often drawn cell by cell: the pieces on one line count together.
  const along = (b: BBox, pos: number): number =>
    between.filter((r) => Math.abs(r.pos - pos) <= SLACK).reduce((sum, r) => sum + Math.max(0, Math.min(b.x1, r.to) - Math.max(b.x0, r.from)), 0) / Math.max(1, b.x1 - b.x0)
  return between.some((r) => along(above, r.pos) >= 0.5 && along(below, r.pos) >= 0.5)
}

/** A block to the right of everything in the current row is that row's next cell; anything else starts a row. */
function toRows(blocks: readonly Block[]): TextRow[] {
  const rows: Block[][] = []
  for (const [k, block] of blocks.entries()) {
    const row = rows.at(-1)
    const right = row ? Math.max(...row.map((b) => b.bbox.x1)) : Number.POSITIVE_INFINITY
    const top = row ? Math.min(...row.map((b) => b.bbox.y0)) : 0
    const bottom = row ? Math.max(...row.map((b) => b.bbox.y1)) : 0
    // A cell centred in a row span sits lower than the row's other cells (or, first in the row,
    // lower than the next cell), but not pages away, unless the rows it spans show it is centred
    // on them.
    const near = block.bbox.y0 < bottom + CENTRED_SPAN * block.size && block.bbox.y1 > top - CENTRED_SPAN * block.size
    if (row && block.bbox.x0 >= right - SLACK && (near || (row.length === 1 && centredOn(row[0]!, blocks, k)))) row.push(block)
    else rows.push([block])
  }
  return rows.flatMap(splitCaption).map((bs) => ({ blocks: bs, bbox: unionBBox(bs.map((b) => b.bbox)) }))
}

/**
 * A row whose first block is one line with every other block wholly below it: a caption over the
 * table ("ตารางข้อมูลประกอบแผนภูมิ" left above the header row), not its first cell. A row's cells
 * start at its top, or are centred in it, or end at its foot, so one of them reaches up beside the
 * first cell's line: the tallest, when a one-line cell is centred lower than a one-line first cell.
 */
function splitCaption(row: Block[]): Block[][] {
  const [first, ...rest] = row
  if (rest.length === 0 || blockLines(first!).length !== 1 || rest.some((b) => b.bbox.y0 < first!.bbox.y1)) return [row]
  return [[first!], rest]
}

/**
 * Whether `cell` is centred on the blocks from `k` on that sit right of it, close one under the
 * next: the first cell of their first row, spanning all their rows, however many (an indicator
 * centred beside its nineteen items, far below the first).
 */
function centredOn(cell: Block, blocks: readonly Block[], k: number): boolean {
  let [y0, y1] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]
  for (let j = k; j < blocks.length; j++) {
    const b = blocks[j]!.bbox
    if (b.x0 < cell.bbox.x1 - SLACK || (j > k && b.y0 > y1 + NEXT_LINE * cell.size)) break
    ;[y0, y1] = [Math.min(y0, b.y0), Math.max(y1, b.y1)]
  }
  return y0 < cell.bbox.y0 && y1 > cell.bbox.y1 && Math.abs(y0 + y1 - cell.bbox.y0 - cell.bbox.y1) / 2 <= CENTRED_SLACK * cell.size
}

/**
 * Whether a row shows it is a table row, not a justified line with a wide space: a cell starts on
 * another baseline than where the cell before it ended (back up at the row's top, or centred
 * lower), or after a gap wider than any word space.
 */
function isTableRow(row: TextRow): boolean {
  return row.blocks.slice(1).some((block, k) => {
    const before = row.blocks[k]!
    const first = block.runs[0]!
    const size = Math.max(block.size, before.size)
    if (Math.abs(first.baseline - before.lastBaseline) > SAME_LINE * size) return true
    return first.bbox.x0 - before.lastLine.x1 > WIDE_GAP * size && !justified(before, block)
  })
}

/**
 * A wide gap on the last line of a paragraph's block, before the end of that line: the space of a
 * justified Thai line (few spaces, each stretched far), not a column gap. A cell beside a cell of
 * two or more lines starts on its first line or is centred on it; a bottom-aligned row shows it is
 * one by its other cells.
 */
function justified(before: Block, block: Block): boolean {
  return blockLines(before).length >= 2 && blockLines(block).length === 1
}

/**
 * A justified paragraph's first line, its one stretched space wide as a column gap (Thai has few spaces): the
 * row's pieces are one line each on one baseline, the first indented from where the next row, one block right
 * below, starts: the paragraph's next lines. A table's row starts at its table's left edge, as a row spanning
 * it under it does.
 */
function paragraphFirstLine(row: TextRow, next: TextRow | undefined): boolean {
  if (!next || next.blocks.length !== 1 || row.blocks.length < 2) return false
  const [first] = row.blocks
  const size = first!.size
  const oneLine = row.blocks.every((b) => blockLines(b).length === 1 && Math.abs(b.lastBaseline - first!.lastBaseline) <= SAME_LINE * size)
  const indent = first!.bbox.x0 - next.blocks[0]!.bbox.x0
  return oneLine && indent >= size && indent <= FIRST_LINE_INDENT * size && next.bbox.y0 - row.bbox.y1 <= ROW_GAP * size
}

/**
 * Runs of consecutive rows, close together (or two rows of cells apart by a drawn horizontal rule
 * along both: the row border of a table drawn with horizontal rules only), with rows that show
 * they are table rows.
 */
function tableRowGroups(rows: readonly TextRow[], horizontal: readonly Rule[]): TextRow[][] {
  const firstLines = new Set(rows.filter((row, k) => paragraphFirstLine(row, rows[k + 1])))
  const groups: TextRow[][] = []
  let current: TextRow[] = []
  const flush = (): void => {
    // Single-cell rows at the ends are text around the table, not rows of it, unless they go on
    // with a numbered list of the cell above them (the next actions of a measure, one a row, under
    // cells spanning those rows).
    const lastFull = current.findLastIndex((r) => r.blocks.length >= 2)
    let end = lastFull + 1
    while (end < current.length && (continuesList(current[end]!, current.slice(0, end)) || headingRow(current[end]!, current.slice(0, end), horizontal) || restUnderHeader(current[end]!, current.slice(0, end)))) end++
    current = current.slice(0, end)
    // One row of three or more cells is enough: the rest of a row split across a page break.
    const shown = current.filter((r) => isTableRow(r) && !firstLines.has(r))
    if (shown.length >= 2 || shown.some((r) => r.blocks.length >= 3)) groups.push(current)
    current = []
  }
  for (const row of rows) {
    const prev = current.at(-1)
    const size = Math.max(...row.blocks.map((b) => b.size))
    const gap = prev === undefined ? Number.POSITIVE_INFINITY : row.bbox.y0 - prev.bbox.y1
    const adjacent = prev !== undefined && row.bbox.y0 >= prev.bbox.y0 && (gap <= ROW_GAP * size || (gap <= RULED_ROW_GAP * size && prev.blocks.length >= 2 && row.blocks.length >= 2 && ruledBetween(prev.bbox, row.bbox, horizontal)))
    if (!adjacent) flush()
    if (current.length > 0 || row.blocks.length >= 2) current.push(row)
  }
  flush()
  return groups
}

/**
 * A row of one cell under a table that is one of its heading rows (an indicator over the items
 * that follow, even as the table's last row on its page): one line, ruled off right above and
 * right below across the whole table, or laid out like a one-cell row inside the table (the same
 * left edge and type size).
 */
function headingRow(row: TextRow, above: readonly TextRow[], horizontal: readonly Rule[]): boolean {
  if (row.blocks.length !== 1 || above.length === 0) return false
  const block = row.blocks[0]!
  if (blockLines(block).length !== 1) return false
  const inside = above.slice(1).filter((r, k) => r.blocks.length === 1 && above[k]!.blocks.length >= 2 && (above[k + 2]?.blocks.length ?? 0) >= 2)
  const likeInside = inside.some((r) => Math.abs(r.blocks[0]!.bbox.x0 - block.bbox.x0) <= SLACK && Math.abs(r.blocks[0]!.size - block.size) <= 0.1 * block.size)
  return likeInside || fenced(row, above, horizontal)
}

/** A horizontal rule right above the row and one right below it, each across the whole table. */
function fenced(row: TextRow, above: readonly TextRow[], horizontal: readonly Rule[]): boolean {
  const table = unionBBox(above.map((r) => r.bbox))
  const size = row.blocks[0]!.size
  const across = (from: number, to: number): boolean => {
    const rules = horizontal.filter((r) => r.pos > from && r.pos < to)
    return rules.some((r) => rules.filter((o) => Math.abs(o.pos - r.pos) <= SLACK).reduce((sum, o) => sum + Math.max(0, Math.min(table.x1, o.to) - Math.max(table.x0, o.from)), 0) >= table.x1 - table.x0 - SLACK)
  }
  return across(above.at(-1)!.bbox.y1 - SLACK, row.bbox.y0 + SLACK) && across(row.bbox.y1 - SLACK, row.bbox.y1 + size)
}

/**
 * A row of one block under a table that is one row so far (the header a page break repeated),
 * inside one of its columns right of the first: the rest of a row the break split (a measure's
 * last step), whose short cells ended on the page before. continued-rows.ts joins it to that row.
 */
function restUnderHeader(row: TextRow, above: readonly TextRow[]): boolean {
  if (row.blocks.length !== 1 || above.length !== 1) return false
  const block = row.blocks[0]!
  const header = above[0]!.blocks
  const k = header.findIndex((h) => Math.min(h.bbox.x1, block.bbox.x1) > Math.max(h.bbox.x0, block.bbox.x0))
  if (k < 1) return false
  const left = header[k - 1]!.bbox.x1
  const right = header[k + 1]?.bbox.x0 ?? Number.POSITIVE_INFINITY
  return block.bbox.x0 > left && block.bbox.x1 < right
}

/** A list number or bullet at the start of a run: "๒.", "3)", "•". */
const LEADING_MARKER = /^\s*(?:([0-9\u0E50-\u0E59]{1,2})[.)]|([\u2022\u25E6\u25AA\u25CF\u0E4F\-\u2013]))/u

/** The marker the list item after one starting with `text` would start with. */
function listMarker(text: string): { readonly number: number } | { readonly bullet: string } | undefined {
  const m = LEADING_MARKER.exec(text)
  if (!m) return undefined
  if (m[2] !== undefined) return { bullet: m[2] }
  return { number: Number(m[1]!.replace(/[\u0E50-\u0E59]/gu, (d) => String(d.charCodeAt(0) - 0x0e50))) }
}

/** Whether a list item starting with `next` follows one starting with `before`: the next number, or the same bullet. */
function nextItem(before: string, next: string): boolean {
  const [a, b] = [listMarker(before), listMarker(next)]
  if (!a || !b) return false
  return 'bullet' in b ? 'bullet' in a && a.bullet === b.bullet : 'number' in a && b.number === a.number + 1
}

/**
 * A row of one block, right of the rows' first cells, starting with a list number or bullet that
 * goes on with a line of the nearest block above it in the same column (number N after N - 1, the
 * same bullet): the list's next item, in the next row of the table.
 */
function continuesList(row: TextRow, above: readonly TextRow[]): boolean {
  if (row.blocks.length !== 1) return false
  const block = row.blocks[0]!
  const first = block.runs[0]!.text
  const firstColumnEnd = Math.min(...above.filter((r) => r.blocks.length >= 2).map((r) => r.blocks[0]!.bbox.x1))
  if (!listMarker(first) || block.bbox.x0 < firstColumnEnd - SLACK) return false
  const overlaps = (b: Block): boolean => Math.min(b.bbox.x1, block.bbox.x1) - Math.max(b.bbox.x0, block.bbox.x0) > SLACK
  const cellAbove = above.flatMap((r) => r.blocks.filter(overlaps)).at(-1)
  return cellAbove !== undefined && cellAbove.runs.some((r) => r.bbox.x0 <= cellAbove.bbox.x0 + block.size && nextItem(r.text, first))
}

function toGridTable(rows: readonly TextRow[], horizontal: readonly Rule[]): GridTable | undefined {
  const columns = columnIntervals(rows)
  if (columns.length < 2) return undefined
  const bbox = unionBBox(rows.map((r) => r.bbox))
  const colEdges = [bbox.x0, ...columns.slice(1).map((c, k) => (columns[k]!.x1 + c.x0) / 2), bbox.x1]
  const rowEdges = [...rows.map((r, k) => (k === 0 ? bbox.y0 : Math.min(r.bbox.y0, (rows[k - 1]!.bbox.y1 + r.bbox.y0) / 2))), bbox.y1]
  const cells: GridCell[] = []
  const pitch = paragraphPitch(rows.flatMap((row) => row.blocks.map((b) => b.runs)))
  const layout = (box: BBox) => ({ box, ...(pitch !== undefined && { pitch }) })
  rows.forEach((row, r) => {
    for (const block of row.blocks) {
      const first = columns.findIndex((c) => c.x1 > block.bbox.x0 + SLACK)
      const last = columns.findLastIndex((c) => c.x0 < block.bbox.x1 - SLACK)
      // A heading in the gap between two columns is centred over both.
      const between = first > 0 && last === first - 1
      const col = between ? last : first === -1 ? columns.length - 1 : first
      const colSpan = between ? 2 : Math.max(1, last - col + 1)
      const rowSpan = Math.max(1, rowEdges.slice(r + 1, -1).filter((y) => y < block.bbox.y1 - block.size).length + 1)
      const cellBox = { x0: colEdges[col]!, y0: rowEdges[r]!, x1: colEdges[col + colSpan]!, y1: rowEdges[Math.min(r + rowSpan, rowEdges.length - 1)]! }
      cells.push({ row: r, col, rowSpan, colSpan, bbox: cellBox, text: cellText(block.runs, layout(cellBox)), runs: block.runs })
    }
  })
  const grouped = groupHeadings(mergeSameSlot(cells, layout), { columns, rowEdges, colEdges }, horizontal, layout)
  return { bbox, rowEdges, colEdges, cells: spanUnruled(grouped, rows, { rowEdges, colEdges }, horizontal) }
}

/**
 * A header printed in two rows, a group heading over some of its columns ("การดำเนินการ" over
 * "ขั้นตอน | วันที่เริ่มต้น | วันที่สิ้นสุด | ผู้รับผิดชอบ"): the next row's cells all lie under it, and
 * either a rule drawn under it alone runs from one column border to another, or, with no rule
 * there, it is centred over them. The heading spans those columns however narrow its words; the
 * other cells of its row, with nothing under them, span both rows.
 */
function groupHeadings(cells: readonly GridCell[], edges: Edges, horizontal: readonly Rule[], layout: (box: BBox) => CellLayout): GridCell[] {
  let out = [...cells]
  for (let row = 0; row < edges.rowEdges.length - 2; row++) {
    const upper = out.filter((c) => c.row <= row && c.row + c.rowSpan === row + 1)
    const lower = out.filter((c) => c.row === row + 1)
    if (upper.length === 0 || lower.length < 2) continue
    // Line boxes reach past a rule drawn in the cells' padding: their middles do not.
    const middle = (r: GlyphRun): number => (r.bbox.y0 + r.bbox.y1) / 2
    const bottom = Math.max(...upper.filter((c) => c.rowSpan === 1).flatMap((c) => c.runs.map(middle)))
    const top = Math.min(...lower.flatMap((c) => c.runs.map(middle)))
    const border = horizontal.filter((r) => r.pos > bottom && r.pos < top)
    const range = border.length > 0 ? ruledRange(border, edges) : centredRange(upper, lower, edges)
    if (!range) continue
    const [a, b] = range
    const heading = upper.filter((c) => c.col < b && c.col + c.colSpan > a)
    if (heading.length !== 1 || heading[0]!.col < a || heading[0]!.col + heading[0]!.colSpan > b) continue
    if (lower.some((c) => c.col < a || c.col + c.colSpan > b)) continue
    out = out.map((c) => {
      if (c === heading[0]) {
        const box = { ...c.bbox, x0: edges.colEdges[a]!, x1: edges.colEdges[b]! }
        return { ...c, col: a, colSpan: b - a, bbox: box, text: cellText(c.runs, layout(box)) }
      }
      if (!upper.includes(c)) return c
      return { ...c, rowSpan: c.rowSpan + 1, bbox: { ...c.bbox, y1: edges.rowEdges[row + 2]! } }
    })
  }
  return out
}

interface Edges {
  readonly columns: readonly Span[]
  readonly rowEdges: readonly number[]
  readonly colEdges: readonly number[]
}

/** The columns [a, b) under the one rule of a row border that runs from one column border to another, not across the table. */
function ruledRange(border: readonly Rule[], { columns, colEdges }: Edges): [number, number] | undefined {
  const atBorder = (x: number): boolean => !columns.some((c) => x > c.x0 + SLACK && x < c.x1 - SLACK)
  const [rule, ...more] = border
  if (!rule || more.length > 0 || (rule.from <= colEdges[0]! + SLACK && rule.to >= colEdges.at(-1)! - SLACK)) return undefined
  if (!atBorder(rule.from) || !atBorder(rule.to)) return undefined
  const under = columns.flatMap((c, k) => ((c.x0 + c.x1) / 2 > rule.from && (c.x0 + c.x1) / 2 < rule.to ? [k] : []))
  return under.length >= 2 ? [under[0]!, under.at(-1)! + 1] : undefined
}

/**
 * The columns [a, b) of the next row's cells, when one line of the row above, with other cells
 * beside it, is centred over them (within its type size).
 */
function centredRange(upper: readonly GridCell[], lower: readonly GridCell[], { colEdges }: Edges): [number, number] | undefined {
  const a = Math.min(...lower.map((c) => c.col))
  const b = Math.max(...lower.map((c) => c.col + c.colSpan))
  const over = upper.filter((c) => c.col < b && c.col + c.colSpan > a)
  if (over.length !== 1 || over.length === upper.length) return undefined
  const runs = over[0]!.runs
  const size = Math.max(...runs.map((r) => r.size))
  if (runs.some((r) => Math.abs(r.baseline - runs[0]!.baseline) > SAME_LINE * size)) return undefined
  const centre = (Math.min(...runs.map((r) => r.bbox.x0)) + Math.max(...runs.map((r) => r.bbox.x1))) / 2
  return Math.abs(centre - (colEdges[a]! + colEdges[b]!) / 2) <= size ? [a, b] : undefined
}

/**
 * In a table drawn with horizontal rules, a cell goes on down over the next rows while their slot
 * under it is empty and the rule between the rows stops short of its column (an indicator over
 * its items, its title at the top). Without a rule at that row border there is no telling a
 * spanning cell from an empty one below it, and the cell keeps its own row.
 */
function spanUnruled(cells: readonly GridCell[], rows: readonly TextRow[], { rowEdges, colEdges }: { rowEdges: readonly number[]; colEdges: readonly number[] }, horizontal: readonly Rule[]): GridCell[] {
  const rowBorder = (k: number): Rule[] => horizontal.filter((r) => r.pos > rows[k - 1]!.bbox.y1 - SLACK && r.pos < rows[k]!.bbox.y0 + SLACK)
  const across = (rules: readonly Rule[], x0: number, x1: number): number => rules.reduce((sum, r) => sum + Math.max(0, Math.min(x1, r.to) - Math.max(x0, r.from)), 0) / Math.max(1, x1 - x0)
  return cells.map((cell) => {
    const [x0, x1] = [colEdges[cell.col]!, colEdges[cell.col + cell.colSpan]!]
    let end = cell.row + cell.rowSpan
    while (end < rows.length) {
      const border = rowBorder(end)
      const taken = cells.some((c) => c.row <= end && c.row + c.rowSpan > end && c.col < cell.col + cell.colSpan && c.col + c.colSpan > cell.col && c !== cell)
      const ruledElsewhere = across(border, colEdges[0]!, colEdges.at(-1)!) >= 0.5
      if (taken || !ruledElsewhere || across(border, x0, x1) > 0.2) break
      end++
    }
    if (end === cell.row + cell.rowSpan) return cell
    return { ...cell, rowSpan: end - cell.row, bbox: { ...cell.bbox, y1: rowEdges[end]! } }
  })
}

/**
 * Columns from the rows of two or more cells (src/stages/grid/columns.ts): those of the rows with
 * the most cells, every other row's cells falling in them or centred in a gap between two (a group
 * heading centred over an even number of columns: "OIT" over indicators 9 and 10), a cell's slack
 * its type size; otherwise the cells' extents, overlapping ones merged.
 */
function columnIntervals(rows: readonly TextRow[]): Span[] {
  const multi = rows.filter((r) => r.blocks.length >= 2).map((r) => r.blocks.map((b) => ({ x0: b.bbox.x0, x1: b.bbox.x1, size: b.size })))
  return columnsFromRows(multi, { slack: (piece) => piece.size })?.columns ?? columnsByExtent(multi, { join: SLACK, slack: (piece) => piece.size })
}

/** Two blocks of one row in the same column (a cell with a gap inside a line) are one cell. */
function mergeSameSlot(cells: readonly GridCell[], layout: (box: BBox) => CellLayout): GridCell[] {
  const out: GridCell[] = []
  for (const cell of cells) {
    const same = out.find((c) => c.row === cell.row && c.col === cell.col)
    if (!same) {
      out.push(cell)
      continue
    }
    const runs = [...same.runs, ...cell.runs]
    out[out.indexOf(same)] = { ...same, colSpan: Math.max(same.colSpan, cell.col + cell.colSpan - same.col), text: cellText(runs, layout(same.bbox)), runs }
  }
  return out.sort((p, q) => p.row - q.row || p.col - q.col)
}

function inside(outer: BBox, b: BBox): boolean {
  const x = (b.x0 + b.x1) / 2
  const y = (b.y0 + b.y1) / 2
  return x >= outer.x0 && x <= outer.x1 && y >= outer.y0 && y <= outer.y1
}
