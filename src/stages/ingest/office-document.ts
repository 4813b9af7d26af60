/**
 * What the .docx and .odt readers share: the reading-order content both produce (lines, tables,
 * page breaks, each with its place in the file), turned into the document model the other
 * readers produce; the caps; and telling the formats apart by content.
 */
import { createHash } from 'node:crypto'
import type { Block, Doc, DocIssue, Origin, Page, Place, TableCell, TableRow } from '../../model/document.js'
import { CorruptDocumentError, EmptyInputError, InputTooLargeError, OleDocumentError, UnsupportedInputError } from '../../errors.js'
import { DEFAULT_INPUT_LIMITS, formatBytes, type InputLimits } from './limits.js'
import { openZip, type Zip } from './zip.js'

export type OfficeKind = 'docx' | 'odt'

export interface OfficeCell {
  /** 0-based grid column. */
  readonly col: number
  rowSpan: number
  readonly colSpan: number
  /** The cell's paragraphs, one line each (a reader may add the lines of cells merged into it). */
  readonly lines: string[]
  readonly place: Place
}

export type OfficeItem =
  | { readonly kind: 'line'; readonly text: string; readonly place: Place }
  | { readonly kind: 'table'; readonly rows: readonly { readonly cells: readonly OfficeCell[]; readonly place: Place }[]; readonly place: Place }
  | { readonly kind: 'page-break' }

/** A page break inside a paragraph's text (Word's w:br type="page", ODF's soft page break). */
export const PAGE = Symbol('page break')
/** A paragraph's text as read: strings and the page breaks between them. */
export type Piece = string | typeof PAGE

/** A paragraph's pieces as items: a line per line break, a page break where one was. */
export function paragraphItems(pieces: readonly Piece[], place: Place): OfficeItem[] {
  const items: OfficeItem[] = []
  let line = ''
  const flush = () => {
    for (const l of line.split('\n')) if (l.trim() !== '') items.push({ kind: 'line', text: l, place })
    line = ''
  }
  for (const piece of pieces) {
    if (piece === PAGE) {
      flush()
      items.push({ kind: 'page-break' })
    } else line += piece
  }
  flush()
  return items
}

/** What a reader gives back: content in reading order, and what it noticed. */
export interface OfficeContent {
  readonly items: readonly OfficeItem[]
  readonly issues: readonly DocIssue[]
}

export interface ReadOfficeOptions {
  /** Name used in messages and provenance. */
  readonly file: string
  /** @default DEFAULT_INPUT_LIMITS */
  readonly limits?: InputLimits
}

/** The magic of OLE compound files: legacy .doc, and any password-protected Office file. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export const isOleFile = (head: Uint8Array) => OLE_MAGIC.every((b, i) => head[i] === b)
export const isZipFile = (head: Uint8Array) => head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)

/** A zip that opens and holds a Word or Writer document, whatever the file is named. */
export function isOfficeZip(bytes: Uint8Array): boolean {
  if (!isZipFile(bytes)) return false
  try {
    openOfficeFile(bytes, { file: '' })
    return true
  } catch {
    return false
  }
}

/** Opens the archive of a .docx or .odt and says which it is, or why it is neither. */
export function openOfficeFile(bytes: Uint8Array, options: ReadOfficeOptions): { kind: OfficeKind; zip: Zip } {
  const { file } = options
  const limits = { ...DEFAULT_INPUT_LIMITS, ...options.limits }
  if (isOleFile(bytes)) {
    throw new OleDocumentError(
      `${file}: a legacy Word .doc or a password-protected Office file (OLE compound file), which is not read; remove the password, or convert it with \`soffice --headless --convert-to docx ${file.split(/[\\/]/).at(-1)}\``,
      { file, stage: 'ingest' },
    )
  }
  if (bytes.length > limits.maxDocumentBytes) {
    throw new InputTooLargeError(`${file}: the file is ${formatBytes(bytes.length)}, over the ${formatBytes(limits.maxDocumentBytes)} limit for a .docx or .odt`, { file, stage: 'ingest' })
  }
  if (!isZipFile(bytes)) throw new CorruptDocumentError(`${file}: damaged .docx/.odt: not a zip archive`, { file, stage: 'ingest' })
  const zip = openZip(bytes, file, { maxEntries: limits.maxArchiveEntries, maxUncompressedBytes: limits.maxArchiveBytes })
  const mimetype = zip.has('mimetype') ? new TextDecoder().decode(zip.read('mimetype')).trim() : undefined
  if (mimetype === 'application/vnd.oasis.opendocument.text' || mimetype === 'application/vnd.oasis.opendocument.text-template') return { kind: 'odt', zip }
  if (zip.has('word/document.xml')) return { kind: 'docx', zip }
  const what = mimetype ? `an OpenDocument file of type ${mimetype}` : zip.has('xl/workbook.xml') ? 'an Excel workbook' : zip.has('ppt/presentation.xml') ? 'a PowerPoint file' : 'a zip archive'
  throw new UnsupportedInputError(`${file}: ${what}, not a Word (.docx) or Writer (.odt) document`, { file, stage: 'ingest' })
}

/** Content in reading order -> pages of the shared model; a page starts at every page break. */
export function officeDoc(bytes: Uint8Array, kind: OfficeKind, content: OfficeContent, options: ReadOfficeOptions): Doc {
  const { file } = options
  const limits = { ...DEFAULT_INPUT_LIMITS, ...options.limits }
  checkSize(content.items, limits, file)
  const pages: Page[] = []
  let blocks: Block[] = []
  const origin = (place: Place): Origin => ({ page: pages.length + 1, place, source: kind, reader: kind })
  for (const item of content.items) {
    if (item.kind === 'page-break') {
      // Breaks with nothing between them (a break, then a section starting a new page) are one.
      if (blocks.length > 0) {
        pages.push({ number: pages.length + 1, readBy: kind, blocks })
        blocks = []
      }
      continue
    }
    const id = `${pages.length + 1}:${item.kind}:${blocks.length}`
    if (item.kind === 'line') {
      blocks.push({ kind: 'line', id, text: item.text, raw: item.text, origin: origin(item.place) })
      continue
    }
    const rows: TableRow[] = item.rows.map((r) => ({ cells: r.cells.map((c) => tableCell(c, origin(c.place))), origin: origin(r.place) }))
    blocks.push({ kind: 'table', id, rows, origin: origin(item.place) })
  }
  if (blocks.length > 0 || pages.length === 0) pages.push({ number: pages.length + 1, readBy: kind, blocks })
  if (!pages.some((p) => p.blocks.length > 0)) throw new EmptyInputError(`${file}: the document has no text`, { file, stage: 'ingest' })
  return {
    source: { file, kind, sha256: createHash('sha256').update(bytes).digest('hex'), pageCount: pages.length },
    pages,
    issues: [...content.issues],
    timings: {},
  }
}

function tableCell(c: OfficeCell, origin: Origin): TableCell {
  const text = c.lines.join('\n')
  return { col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text, raw: text, origin }
}

/** The same caps as a transcript's: lines and table rows, and table cells (spans counted). */
function checkSize(items: readonly OfficeItem[], limits: Required<InputLimits>, file: string): void {
  let rows = 0
  let cells = 0
  for (const item of items) {
    if (item.kind === 'line') rows++
    if (item.kind !== 'table') continue
    rows += item.rows.length
    for (const r of item.rows) cells += r.cells.reduce((n, c) => n + c.colSpan, 0)
  }
  const what = rows > limits.maxRows ? `${rows} lines and table rows, over the ${limits.maxRows} limit` : cells > limits.maxCells ? `${cells} table cells, over the ${limits.maxCells}-cell limit` : undefined
  if (what) throw new InputTooLargeError(`${file}: the document has ${what} for one report (a real report has 300-1,500 lines)`, { file, stage: 'ingest' })
}

/** A reader's issue, in the model's shape. */
export const officeIssue = (code: DocIssue['code'], message: string, severity: DocIssue['severity'] = 'warning'): DocIssue => ({ code, severity, message, stage: 'ingest' })
