/**
 * Reads an OCR transcript (plain text, Markdown, or Markdown/HTML with table fragments) into the
 * shared document model. Tab-separated and pipe rows become table rows; HTML tables become table
 * rows with their row and column spans; everything else becomes text lines. Line numbers in the
 * origin are the lines of the original file.
 */
import { createHash } from 'node:crypto'
import type { Block, Doc, Origin, Page, TableCell, TableRow } from '../../model/document.js'
import { EmptyInputError, UnsupportedInputError } from '../../errors.js'

export interface ReadTranscriptOptions {
  /** Name used in messages and provenance. */
  readonly file: string
}

/** A line of the source with its 1-based line number; `cells` is set for table rows. */
interface SourceLine {
  readonly line: number
  readonly text: string
  readonly cells?: readonly SourceCell[]
}
interface SourceCell {
  readonly text: string
  readonly col: number
  readonly rowSpan: number
  readonly colSpan: number
}

/** Page breaks: a form feed, or a marker line such as `<!-- page 3 -->` or `=== page 3 ===`. */
const PAGE_MARKER = /^\s*(?:<!--\s*)?(?:=+|-+)?\s*(?:page|หน้า)\s*\d+\s*(?:=+|-+)?\s*(?:-->)?\s*$/i
/** Markdown table separators (`|---|:--|`) and their tab-separated cousins (`-- \t -- \t --`). */
const SEPARATOR_ROW = /^[\s|:\-\t]*-{2,}[\s|:\-\t]*$/

export function readTranscript(bytes: Uint8Array, options: ReadTranscriptOptions): Doc {
  const text = decodeText(bytes, options.file)
  const lines = /<table[\s>]/i.test(text) ? htmlToSourceLines(text) : plainSourceLines(text)
  const pages = toPages(lines)
  if (!pages.some((p) => p.blocks.length > 0)) {
    throw new EmptyInputError(`${options.file}: the transcript has no text`, { file: options.file, stage: 'ingest' })
  }
  return {
    source: {
      file: options.file,
      kind: 'transcript',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pageCount: pages.length,
    },
    pages,
    issues: [],
    timings: {},
  }
}

function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new EmptyInputError(`${file}: the file is empty`, { file, stage: 'ingest' })
  }
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) {
    throw new UnsupportedInputError(`${file}: this is a binary file, not a text transcript (use a .pdf, .txt, .md or .html file)`, {
      file,
      stage: 'ingest',
    })
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (cause) {
    throw new UnsupportedInputError(`${file}: the transcript is not valid UTF-8 text`, { file, stage: 'ingest', cause })
  }
  return text.replace(/^\uFEFF/, '')
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
 */
function htmlToSourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = []
  const lineAt = lineIndex(text)
  const tableRe = /<table[\s\S]*?<\/table>/gi
  let last = 0
  for (const match of text.matchAll(tableRe)) {
    pushHtmlText(out, text.slice(last, match.index), lineAt(last))
    pushHtmlTable(out, match[0], match.index, lineAt)
    last = match.index + match[0].length
  }
  pushHtmlText(out, text.slice(last), lineAt(last))
  return out
}

function pushHtmlText(out: SourceLine[], html: string, firstLine: number): void {
  const withBreaks = html.replace(/<(?:br|\/p|\/div|\/h[1-6]|\/li|\/tr)\s*\/?>/gi, (m) => `${m}\n`)
  withBreaks.split('\n').forEach((raw, i) => {
    if (/^\s*<\/?(?:html|head|body|meta|title|style|!doctype)[^>]*>\s*$/i.test(raw)) return
    out.push({ line: firstLine + i, text: raw })
  })
}

function pushHtmlTable(out: SourceLine[], html: string, offset: number, lineAt: (offset: number) => number): void {
  const occupied = new Set<string>()
  let rowIndex = 0
  for (const tr of html.matchAll(/<tr[\s>][\s\S]*?<\/tr>/gi)) {
    const cells: SourceCell[] = []
    let col = 0
    for (const td of tr[0].matchAll(/<t([dh])([^>]*)>([\s\S]*?)<\/t\1>/gi)) {
      while (occupied.has(`${rowIndex}:${col}`)) col++
      const attrs = td[2] ?? ''
      const rowSpan = Number(/rowspan\s*=\s*["']?(\d+)/i.exec(attrs)?.[1] ?? 1)
      const colSpan = Number(/colspan\s*=\s*["']?(\d+)/i.exec(attrs)?.[1] ?? 1)
      for (let r = 0; r < rowSpan; r++) for (let c = 0; c < colSpan; c++) occupied.add(`${rowIndex + r}:${col + c}`)
      cells.push({ text: (td[3] ?? '').replace(/\s*\n\s*/g, ' '), col, rowSpan, colSpan })
      col += colSpan
    }
    out.push({ line: lineAt(offset + (tr.index ?? 0)), text: tr[0], cells })
    rowIndex++
  }
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
      if (PAGE_MARKER.test(part) && !source.cells) {
        if (blocks.length || table?.length) flushPage()
        continue
      }
      if (source.cells) {
        if (SEPARATOR_ROW.test(source.text)) continue
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
