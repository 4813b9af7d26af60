/**
 * A flat, reading-order view of a document: every text line and every table row becomes a `Row`
 * of cells (a text line is a row with one cell). Structure extraction works on rows, so it does not
 * care whether a table came from a transcript, a PDF text layer or an OCR'd page image.
 */
import type { Doc, Origin, TextLine } from '../../model/document.js'
import { ITEM_CODE } from './thai-text.js'
import { measurePartLabel } from './vocabulary.js'

/** Why a number column holds no score of this year (segment/score-columns.ts). */
export type SetAside = 'full-marks' | 'previous-year' | 'change' | 'result' | 'weight' | 'target' | 'row-number'

export interface RowCell {
  readonly col: number
  readonly rowSpan: number
  readonly colSpan: number
  readonly text: string
  readonly raw: string
  readonly origin: Origin
  /** Set when the cell's column holds full marks, an earlier year's scores, a change, a verdict, a tool's weight, a target or the rows' numbers, not a score. */
  readonly setAside?: SetAside
  /**
   * Set when the cell's column is headed by an answer (มี, ไม่มี) to whether an OIT item is published: a mark
   * in it gives that answer; `unknown` where marks stand in two columns no header names.
   */
  readonly answers?: Answer
}

/** An OIT item's answer to "is it published?", as a checklist's column gives it. */
export type Answer = 'yes' | 'no' | 'unknown'

export interface Row {
  /** Index in the document's row sequence. */
  readonly index: number
  readonly kind: 'line' | 'table-row'
  /** Table id for table rows; rows of one table share it. */
  readonly table?: string
  readonly cells: readonly RowCell[]
  /** Normalised text of all cells joined with single spaces. */
  readonly text: string
  readonly origin: Origin
}

export function docRows(doc: Doc): Row[] {
  const rows: Row[] = []
  for (const page of doc.pages) {
    // The origin of the line read last: a line of the same paragraph after it may go on its sentence.
    let lastLine: Origin | undefined
    for (const block of page.blocks) {
      if (block.kind === 'line') {
        const before = rows.at(-1)
        if (before && lastLine && before.kind === 'line' && continuesLine(before.text, lastLine, block)) rows[rows.length - 1] = joinedLine(before, block)
        else
          for (const text of entriesRunTogether(wordsApartFromNumbers(block.text))) {
            const cell: RowCell = { col: 0, rowSpan: 1, colSpan: 1, text, raw: block.raw, origin: block.origin }
            rows.push({ index: rows.length, kind: 'line', cells: [cell], text, origin: block.origin })
          }
        lastLine = block.origin
        continue
      }
      lastLine = undefined
      for (const row of block.rows) {
        const cells = row.cells.map((c) => ({ col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: wordsApartFromNumbers(c.text), raw: c.raw, origin: c.origin }))
        const text = cells.map((c) => c.text).filter(Boolean).join(' ')
        rows.push({ index: rows.length, kind: 'table-row', table: block.id, cells, text, origin: row.origin })
      }
    }
  }
  return withoutPageFurniture(rows)
}

/**
 * A line holding the entries of a numbered list of scores run together ("๑. การปฏิบัติหน้าที่ ..... ๙๔.๑๖ ๒. การใช้
 * งบประมาณ ..... ๙๗.๓๒", "ตัวชี้วัดที่ 1 ... ได้ 84.88 คะแนน ตัวชี้วัดที่ 2 ..."), as a text that lost its line
 * breaks gives it: each entry its own line, split where a score ends and the next number of the line's own
 * numbering begins. A line that does not open an entry, or whose next entry is not numbered next, stays whole.
 */
export function entriesRunTogether(text: string): string[] {
  return numberedEntries(text).flatMap(itemSentences)
}

function numberedEntries(text: string): string[] {
  const open = ENTRY_OPENING.exec(text)
  if (!open) return [text]
  const label = open[1] ?? ''
  const out: string[] = []
  let rest = text
  for (let n = Number(open[2]) + 1; ; n++) {
    const next = new RegExp(String.raw`(?<=\d[.,]\d{1,3}\s*(?:คะแนน|%)?)\s+(?=${label.replace(/\s+/g, String.raw`\s*`)}${n}\s*[.)]?\s)`).exec(rest)
    if (!next) break
    out.push(rest.slice(0, next.index).trim())
    rest = rest.slice(next.index).trim()
  }
  return [...out, rest]
}

/** A numbered entry opening a line: "๒. ", "3) ", "ตัวชี้วัดที่ 4 " (the label, then the number). */
const ENTRY_OPENING = /^\s*(ตัวชี้วัดที่\s*)?(\d{1,2})\s*[.)]?\s/

/**
 * Item sentences run together ("ข้อ o7 <item> ได้คะแนน 100.00 คะแนน ข้อ o8 <item> ได้คะแนน 0.00 คะแนน", or after
 * the indicator's heading with its score): each its own line, split where a score ends and an item's code opens
 * the next sentence, as the line breaks the text lost had them.
 */
function itemSentences(text: string): string[] {
  return text.split(ITEM_AFTER_SCORE)
}
const ITEM_AFTER_SCORE = new RegExp(String.raw`(?<=\d[.,]\d{1,3}\s*(?:คะแนน)?)\s+(?=(?:ข้อ\s*(?:ที่\s*)?)?${ITEM_CODE}\s)`)

/**
 * The rows without what a page prints around its content where nothing else marks the page: its number
 * ("- 3 -", "หน้า 3 / 12") and a running header, a line printed over and over at a page's top or beside
 * its number. In a transcript typed without page markers they would stand between a heading and its
 * body, or inside a list or a table.
 */
function withoutPageFurniture(rows: readonly Row[]): Row[] {
  const counted = pageCount(rows)
  const pageNumber = (r: Row | undefined) => r?.kind === 'line' && (PAGE_NUMBER_LINE.test(r.text) || counted.has(r.index))
  const atEdge = (i: number) => {
    const r = rows[i]!
    const pageTop = r.origin.page > 1 && rows[i - 1] !== undefined && rows[i - 1]!.origin.page !== r.origin.page
    return pageTop || pageNumber(rows[i - 1]) || pageNumber(rows[i + 1])
  }
  const printed = new Map<string, { all: number; atEdge: number }>()
  rows.forEach((r, i) => {
    if (r.kind !== 'line' || pageNumber(r)) return
    const seen = printed.get(r.text.trim()) ?? { all: 0, atEdge: 0 }
    printed.set(r.text.trim(), { all: seen.all + 1, atEdge: seen.atEdge + (atEdge(i) ? 1 : 0) })
  })
  // A running header is printed on page after page, nearly always at a page's edge; a unit's name or a
  // heading that a page happens to end beside is printed elsewhere as often, or beside a few of many turns.
  const turns = rows.filter((r, i) => pageNumber(r) || (i > 0 && rows[i - 1]!.origin.page !== r.origin.page)).length
  const running = (r: Row) => {
    const seen = printed.get(r.text.trim())
    return seen !== undefined && seen.atEdge >= Math.max(RUNNING, RUNNING_TURNS * turns) && seen.atEdge >= RUNNING_SHARE * seen.all
  }
  // Where the document marks its pages (a PDF's, a transcript's page markers), a page's first and last rows stay:
  // readers take a page's turn from them. The furniture left is a page's turn seen only through its furniture.
  const pageEdge = (i: number) => rows[i - 1]?.origin.page !== rows[i]!.origin.page || rows[i + 1]?.origin.page !== rows[i]!.origin.page
  const kept = rows.filter((r, i) => r.kind !== 'line' || pageEdge(i) || !(pageNumber(r) || (running(r) && atEdge(i))))
  return kept.length === rows.length ? [...rows] : kept.map((r, index) => ({ ...r, index }))
}

/**
 * The lines that count a document's pages with a bare number ("3", "๔" on a line of its own): a run of
 * such lines whose numbers only grow, each a few pages and a few rows after the one before. A number alone
 * on a line may be a value, so one or two, numbers out of order, or numbers a row or two apart (a list's: a number and its score), stay.
 */
function pageCount(rows: readonly Row[]): Set<number> {
  const bare = rows.filter((r) => r.kind === 'line' && BARE_NUMBER.test(r.text))
  const counted = new Set<number>()
  let run: Row[] = []
  const close = () => {
    if (run.length >= RUNNING) for (const r of run) counted.add(r.index)
    run = []
  }
  for (const r of bare) {
    const last = run.at(-1)
    const step = last === undefined ? 1 : Number(r.text) - Number(last.text)
    // A page holds more than a number's name and score: numbers closer together are a list's, not pages'.
    if (step < 1 || step > PAGE_STEP || (last !== undefined && r.index - last.index < PAGE_ROWS)) close()
    run.push(r)
  }
  close()
  return counted
}

const BARE_NUMBER = /^\s*\d{1,3}\s*$/

/** The fewest rows from one page's number to the next's. */
const PAGE_ROWS = 3

/** How many pages a document may turn with no page number read between two that are. */
const PAGE_STEP = 3

/** The share of its copies a running header prints at a page's edge. */
const RUNNING_SHARE = 0.6

/** The share of a document's page turns a running header is printed beside (some pages leave it out: a first page, a landscape one). */
const RUNNING_TURNS = 0.4

/** How often a line is printed before it may be a running header (a title's line is printed once or twice). */
const RUNNING = 3

/** A page's number printed as a line of its own: "- 6 -", "หน้า 6", "หน้า 6 / 9", "6/9", "หน้า ๖ จาก ๙" (a bare number may be a value). */
export const PAGE_NUMBER_LINE = /^\s*(?:[-–]\s*\d{1,3}\s*[-–]|หน้า\s*(?:ที่)?\s*\d{1,3}(?:\s*(?:\/|จาก)\s*\d{1,3})?|\d{1,3}\s*(?:\/|จาก)\s*\d{1,3})\s*$/

/**
 * Whether `line` goes on the sentence or heading before it (`text`, its last line read at `last`),
 * wrapped where a word processor or a transcriber broke it ("ตัวชี้วัดที่ ๘ การปรับปรุงระบบ" / "การทำงาน
 * ได้คะแนน 91.57 คะแนน"): both lines of one paragraph (the next line of a transcript, no blank line
 * between; a line break inside a Word or ODF paragraph), the first not ending a sentence and the second
 * not opening an item, a heading or a labelled part of its own. A PDF's lines say nothing of
 * paragraphs, so they stay as laid out.
 */
function continuesLine(text: string, last: Origin, line: TextLine): boolean {
  if (!sameParagraph(last, line.origin)) return false
  // A bracket left open goes on: "มาตรการ/แนวทางการพัฒนา (ผู้รับผิด" / "ชอบ : กองคลัง ระยะเวลา : ...)".
  if (unclosed(text)) return true
  if (OPENS_ITEM.test(line.text) || ENDS_SENTENCE.test(text)) return false
  return A_DECIMAL.test(text) ? ENDS_NUMBER.test(text) && UNIT_OPENS.test(line.text) && !/\d/.test(line.text) : A_DECIMAL.test(line.text)
}

/** A number ending a line, its unit opening the next: "... ได้คะแนน 78.99" / "คะแนน". */
const ENDS_NUMBER = /\d\s*$/
const UNIT_OPENS = /^\s*(?:คะแนน|%|ร้อยละ)/

/**
 * A number with decimals: a line holding one is joined on to a line still waiting for its value (a
 * heading, a label, none in it), and a line holding no number to one ending on a number when it opens
 * with its unit ("คะแนน (ระดับ: ไม่ผ่าน)"). So every value keeps the line it was printed on, and lines
 * without values (a title block, an address) stay as printed.
 */
const A_DECIMAL = /\d[.,]\d/

/** Two lines of one paragraph as the file marks it: a transcript's lines with no blank line between, a Word or ODF paragraph's. */
export function sameParagraph(a: Origin, b: Origin): boolean {
  if (a.source !== b.source) return false
  if (a.source === 'transcript') return a.line !== undefined && b.line === a.line + 1
  return a.place?.paragraph !== undefined && a.place.paragraph === b.place?.paragraph
}

/** A line opening a new item, heading or labelled part: "1.", "๒)", "(3)", "1.2.1 ", "ก.", "- ", "i7 ", "12 ", "ข้อ 2", "ตัวชี้วัดที่ 4", "ตช. 4", "มาตรการที่ 1", "ส่วนที่ 2", "ระยะเวลา :". */
const OPENS_ITEM =
  /^\s*(?:[-–—•*·▪○●➢✓#>|]|\(?[0-9๐-๙]{1,2}(?:[.][0-9๐-๙]{1,2})*\s*[.)](?![0-9๐-๙])|[0-9๐-๙]{1,2}(?:[.][0-9๐-๙]{1,2})+\s|\(?[ก-ฮ]\s*[.)]\s|[A-Za-z]{0,3}-?[0-9๐-๙]{1,2}(?![0-9๐-๙.,/])\s|(?:ข้อ|ตัวชี้วัด\s*ที่|ตช\s*\.?|มาตรการ\s*ที่|ส่วน\s*ที่|บท\s*ที่|ขั้นตอน\s*ที่|ประเด็น\s*ที่|ลำดับ\s*ที่)\s*[0-9๐-๙]|[\u0E01-\u0E4E/]{1,30}(?:\s[\u0E01-\u0E4E/]{1,30}){0,3}\s*[:：])/
/** A line ending a sentence: a full stop after a word (not a Thai abbreviation's dot, "พ.ศ."), "!" or "?". */
const ENDS_SENTENCE = /(?:[A-Za-z\u0E01-\u0E4E]{2}[.]|[!?])\s*$/

/**
 * The row with `line` joined on, with a space (where a line broke at a space or between Thai words). Its
 * origin is the line's that holds its values (`A_DECIMAL`: the lines before hold none), else its first line's.
 */
function joinedLine(before: Row, line: TextLine): Row {
  const first = before.cells[0]!
  // Thai is printed without spaces between words: a line broken between two Thai words (or inside one, "ผู้รับผิด" /
  // "ชอบ") joins without one, unless the line opens a labelled part ("ระยะเวลา : ...").
  const label = /^\s*([^\s:：]{1,40})\s*[:：]/.exec(line.text)
  const space = THAI_END.test(before.text) && THAI_START.test(line.text) && !(label && measurePartLabel(label[1]!)) ? '' : ' '
  const text = `${before.text}${space}${wordsApartFromNumbers(line.text)}`
  const origin = A_DECIMAL.test(line.text) ? line.origin : before.origin
  return { ...before, cells: [{ ...first, text, raw: `${first.raw}\n${line.raw}`, origin }], text, origin }
}

const THAI_END = /[\u0E01-\u0E4E]$/
const THAI_START = /^[\u0E01-\u0E4E]/
const unclosed = (text: string) => (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0)

/**
 * A Thai word and a number it touches set apart by a space: "ตัวชี้วัดที่1", "ได้89.41", "พ.ศ.2568" and
 * "89.41คะแนน" read as "ตัวชี้วัดที่ 1", "ได้ 89.41", "พ.ศ. 2568" and "89.41 คะแนน". Typists, word
 * processors and OCR leave the space out or put it in as they like (Thai has no spaces between words),
 * so the rows have one way of printing it; the raw text keeps what was printed.
 */
export function wordsApartFromNumbers(text: string): string {
  return text.replace(THAI_THEN_DIGIT, '$1 ').replace(DIGIT_THEN_THAI, '$1 ')
}
/** A Thai letter or mark, or a Thai abbreviation's dot ("ก.ย."), right before a digit. */
const THAI_THEN_DIGIT = /([\u0E01-\u0E4F]\.?)(?=\d)/g
const DIGIT_THEN_THAI = /(\d)(?=[\u0E01-\u0E4F])/g

/** Text of the cell at grid column `col`, or '' when the row has no such cell. */
export function cellText(row: Row, col: number): string {
  return row.cells.find((c) => c.col === col)?.text ?? ''
}

/** Non-empty cells, in column order. */
export function filledCells(row: Row): RowCell[] {
  return row.cells.filter((c) => c.text.trim() !== '')
}

/** The row's cells exactly as read, joined by `separator` (tab: the transcript's own cell separator). */
export function rowRaw(row: Row, separator = '\t'): string {
  return row.cells.map((c) => c.raw).join(separator)
}
