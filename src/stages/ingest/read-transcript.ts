/**
 * Reads an OCR transcript (plain text, Markdown, or Markdown/HTML with table fragments) into the
 * shared document model. Tab-separated and pipe rows become table rows; HTML tables become table
 * rows with their row and column spans; everything else becomes text lines. Line numbers in the
 * origin are the lines of the original file.
 */
import { createHash } from 'node:crypto'
import type { Block, Doc, Origin, Page, TableCell, TableRow } from '../../model/document.js'
import { EmptyInputError, InputTooLargeError } from '../../errors.js'
import { decodeText } from './decode-text.js'
import { DEFAULT_INPUT_LIMITS, formatBytes, type InputLimits } from './limits.js'

export interface ReadTranscriptOptions {
  /** Name used in messages and provenance. */
  readonly file: string
  /** Size, line and cell caps. @default DEFAULT_INPUT_LIMITS */
  readonly limits?: InputLimits
}

/** A line of the source with its 1-based line number; `cells` is set for table rows. */
interface SourceLine {
  readonly line: number
  readonly text: string
  readonly cells?: readonly SourceCell[]
  /** The HTML table a row belongs to (its offset in the file): rows of another table start a new one. */
  readonly htmlTable?: number
}
interface SourceCell {
  readonly text: string
  readonly col: number
  readonly rowSpan: number
  readonly colSpan: number
}

/**
 * Page breaks: a form feed, or a marker line such as `<!-- page 3 -->` or `=== page 3 ===`.
 * Tried on short lines only (`isPageMarker`): its runs of optional white space backtrack on long ones.
 */
const PAGE_MARKER = /^\s*(?:<!--\s*)?(?:=+|-+)?\s*(?:page|หน้า)\s*\d+\s*(?:=+|-+)?\s*(?:-->)?\s*$/i
const isPageMarker = (line: string) => line.length <= 80 && PAGE_MARKER.test(line)
/** Markdown table separators (`|---|:--|`) and their tab-separated cousins (`-- \t -- \t --`). */
const isSeparatorRow = (line: string) => line.includes('--') && /^[\s|:-]*$/.test(line)

export function readTranscript(bytes: Uint8Array, options: ReadTranscriptOptions): Doc {
  const { file } = options
  const limits = { ...DEFAULT_INPUT_LIMITS, ...options.limits }
  if (bytes.length > limits.maxTranscriptBytes) {
    throw new InputTooLargeError(
      `${file}: the transcript is ${formatBytes(bytes.length)}, over the ${formatBytes(limits.maxTranscriptBytes)} limit for one report (a real report is about 100 KB); if it holds several reports, split it into one file per report`,
      { file, stage: 'ingest' },
    )
  }
  const { text, encoding } = decodeText(bytes, file)
  const lines = /<table[\s>]/i.test(text) ? htmlToSourceLines(text) : plainSourceLines(text)
  checkSize(lines, limits, file)
  const pages = toPages(lines)
  if (!pages.some((p) => p.blocks.length > 0)) {
    throw new EmptyInputError(`${file}: the transcript has no text`, { file, stage: 'ingest' })
  }
  return {
    source: {
      file,
      kind: 'transcript',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pageCount: pages.length,
      encoding,
    },
    pages,
    issues: [],
    timings: {},
  }
}

/** Refuses a transcript with more lines or table cells than any report (see limits.ts). */
function checkSize(lines: readonly SourceLine[], limits: Required<InputLimits>, file: string): void {
  let rows = 0
  let cells = 0
  for (const line of lines) {
    if (line.cells) cells += line.cells.reduce((n, c) => n + c.colSpan, 0)
    if (line.cells || line.text.trim() !== '') rows++
  }
  const what = rows > limits.maxRows ? `${rows} lines, over the ${limits.maxRows}-line limit` : cells > limits.maxCells ? `${cells} table cells, over the ${limits.maxCells}-cell limit` : undefined
  if (what) throw new InputTooLargeError(`${file}: the transcript has ${what} for one report (a real report has 300-1,500 lines)`, { file, stage: 'ingest' })
}

function plainSourceLines(text: string): SourceLine[] {
  return text.split(/\r?\n/).map((raw, i) => {
    const line = i + 1
    const cells = splitRow(raw)
    return cells ? { line, text: raw, cells } : { line, text: raw }
  })
}

/** Cells of a tab-separated or Markdown pipe row; undefined for a plain line. */
function splitRow(raw: string): SourceCell[] | undefined {
  let parts: string[] | undefined
  if (raw.includes('\t')) parts = raw.split('\t')
  else if (/^\s*\|.*\|\s*$/.test(raw)) parts = raw.trim().slice(1, -1).split('|')
  if (!parts) return undefined
  return parts.map((text, col) => ({ text, col, rowSpan: 1, colSpan: 1 }))
}

/**
 * HTML (or Markdown with HTML tables): each `<tr>` becomes a row whose cells are placed on a grid
 * that honours rowspan/colspan; text outside tables is split into lines at block-level tags.
 * Tags are found by scanning forward only (never a lazy match to a closing tag that may not
 * exist), so damaged HTML costs time in proportion to its length.
 */
function htmlToSourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = []
  const lineAt = lineIndex(text)
  let last = 0
  for (const table of elements(text, 'table', 0, text.length)) {
    pushHtmlText(out, text.slice(last, table.start), lineAt(last))
    pushHtmlTable(out, text, table, lineAt)
    last = table.end
  }
  pushHtmlText(out, text.slice(last), lineAt(last))
  return out
}

interface Element {
  /** Offset of `<name`. */
  readonly start: number
  /** Offset just past the opening tag's `>`. */
  readonly contentStart: number
  /** Offset of the closing tag. */
  readonly contentEnd: number
  /** Offset just past the closing tag. */
  readonly end: number
  /** The opening tag's attributes. */
  readonly attrs: string
}

/**
 * `<name ...>...</name>` elements in `text[from, to)`, in order, not nested; `name` is a pattern
 * (`t[dh]`), closed by the same tag it opened with. Stops at the first element with no closing
 * tag (nothing after it can close either); an opening tag with over 1,000 characters of
 * attributes is not a tag.
 */
function* elements(text: string, name: string, from: number, to: number): Generator<Element> {
  const start = new RegExp(`<(${name})(?=[\\s>])`, 'gi')
  const attributes = /([^>]{0,1000})>/y
  let at = from
  while (at < to) {
    start.lastIndex = at
    const found = start.exec(text)
    if (!found || found.index >= to) return
    attributes.lastIndex = found.index + found[0].length
    const tag = attributes.exec(text)
    if (!tag || attributes.lastIndex > to) {
      // No '>' at all from here on: no tag can end, stop; else this one was too long to be a tag.
      if (text.indexOf('>', found.index) === -1) return
      at = found.index + 1
      continue
    }
    const close = new RegExp(`</${found[1]}\\s*>`, 'gi')
    close.lastIndex = attributes.lastIndex
    const closing = close.exec(text)
    if (!closing || closing.index + closing[0].length > to) return
    yield { start: found.index, contentStart: attributes.lastIndex, contentEnd: closing.index, end: closing.index + closing[0].length, attrs: tag[1] ?? '' }
    at = closing.index + closing[0].length
  }
}

/**
 * Text outside HTML tables: each line of the file, split again after block-level tags; the parts
 * keep the file's line number. Markdown pipe rows and tab-separated rows there are table rows, as
 * in a transcript with no HTML at all.
 */
function pushHtmlText(out: SourceLine[], html: string, firstLine: number): void {
  html.split('\n').forEach((fileLine, i) => {
    for (const raw of fileLine.replace(/<(?:br|\/p|\/div|\/h[1-6]|\/li|\/tr)\s*\/?>/gi, (m) => `${m}\n`).split('\n')) {
      if (/^\s*<\/?(?:html|head|body|meta|title|style|!doctype)[^>]*>\s*$/i.test(raw)) continue
      const cells = splitRow(raw)
      out.push(cells ? { line: firstLine + i, text: raw, cells } : { line: firstLine + i, text: raw })
    }
  })
}

/** HTML's own limits on spans: larger values are read as these. */
const MAX_COLSPAN = 1000
const MAX_ROWSPAN = 65534

function pushHtmlTable(out: SourceLine[], text: string, table: Element, lineAt: (offset: number) => number): void {
  /** Per grid column, the first row index no longer covered by a cell spanning down from above. */
  const busyUntil: number[] = []
  let rowIndex = 0
  for (const tr of elements(text, 'tr', table.contentStart, table.contentEnd)) {
    const cells: SourceCell[] = []
    let col = 0
    for (const td of elements(text, 't[dh]', tr.contentStart, tr.contentEnd)) {
      while ((busyUntil[col] ?? 0) > rowIndex) col++
      const rowSpan = span(/rowspan\s*=\s*["']?(\d+)/i.exec(td.attrs)?.[1], MAX_ROWSPAN)
      const colSpan = span(/colspan\s*=\s*["']?(\d+)/i.exec(td.attrs)?.[1], MAX_COLSPAN)
      for (let c = 0; c < colSpan; c++) busyUntil[col + c] = rowIndex + rowSpan
      cells.push({ text: text.slice(td.contentStart, td.contentEnd).replace(/\s*\n\s*/g, ' '), col, rowSpan, colSpan })
      col += colSpan
    }
    out.push({ line: lineAt(tr.start), text: text.slice(tr.start, tr.end), cells, htmlTable: table.start })
    rowIndex++
  }
}

/** A rowspan or colspan attribute as a count of 1..max (HTML reads 0 and junk as 1 here too). */
function span(value: string | undefined, max: number): number {
  const n = Number(value ?? 1)
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : 1
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

/** Groups lines into pages and blocks: consecutive table rows (blank lines allowed between) form one table. */
function toPages(lines: readonly SourceLine[]): Page[] {
  const pages: Page[] = []
  let blocks: Block[] = []
  let table: TableRow[] | undefined
  let htmlTable: number | undefined
  const flushTable = () => {
    if (table?.length) {
      const pageNumber = pages.length + 1
      blocks.push({ kind: 'table', id: `${pageNumber}:table:${blocks.length}`, rows: table, origin: table[0]!.origin })
    }
    table = undefined
  }
  const flushPage = () => {
    flushTable()
    pages.push({ number: pages.length + 1, readBy: 'transcript', blocks })
    blocks = []
  }
  for (const source of lines) {
    for (const [i, part] of source.text.split('\f').entries()) {
      if (i > 0) flushPage()
      const origin: Origin = { page: pages.length + 1, line: source.line, source: 'transcript' }
      if (!source.cells && isPageMarker(part)) {
        if (blocks.length || table?.length) flushPage()
        continue
      }
      if (source.cells) {
        if (isSeparatorRow(source.text)) continue
        if (source.htmlTable !== htmlTable) flushTable()
        htmlTable = source.htmlTable
        table ??= []
        table.push({ cells: source.cells.map((c) => toCell(c, origin)), origin })
        continue
      }
      if (part.trim() === '') continue
      flushTable()
      blocks.push({ kind: 'line', id: `${origin.page}:line:${blocks.length}`, text: part, raw: part, origin })
    }
  }
  flushPage()
  return pages.filter((p, i) => p.blocks.length > 0 || i === 0)
}

function toCell(cell: SourceCell, origin: Origin): TableCell {
  return { col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: cell.text, raw: cell.text, origin }
}
