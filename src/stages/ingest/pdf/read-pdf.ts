/**
 * Reads a PDF into the shared document model. Born-digital pages are read from their text layer
 * (lines in reading order, tables rebuilt from the drawn ruling lines); pages without a
 * trustworthy text layer are marked for OCR (`readBy: 'ocr'`, no blocks yet) with an issue
 * saying why. Images for those pages come from `pdfPageImages` (page-images.ts).
 */
import { createHash } from 'node:crypto'
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFDocument } from 'pdf-lib'
import { CorruptPdfError, EmptyPdfError, InputTooLargeError } from '../../../errors.js'
import type { Block, Doc, DocIssue, Origin, Page, TableRow } from '../../../model/document.js'
import { loadRawPdf, markedContentEvents, type MarkedContentEvent } from './actual-text.js'
import { joinContinuedRows } from './continued-rows.js'
import { classifyPage, measureText, type OcrMode, type TextLayerStats } from './classify-page.js'
import { groupIntoLines } from './lines.js'
import { numberReadings, pdfReaderOf } from './number-boxes.js'
import { DEFAULT_RENDER_DPI, embeddedScan } from './page-images.js'
import { DEFAULT_PDF_LIMITS, pdfjsCall, withPdfDocument, type PdfLimits } from './open-pdf.js'
import { pageImageSizes, pageOverPixelCap, type ImageSize } from './page-pixels.js'
import { clippedAway, readPageGraphics, type PageGraphics } from './page-graphics.js'
import { findTables, type GridTable } from './tables.js'
import { findTextTables } from './text-tables.js'
import { loadedFontNames, readTextRuns, type GlyphRun, type PageTextRuns } from './text-runs.js'

export interface ReadPdfOptions {
  /** Name used in messages and provenance. */
  readonly file: string
  /** Like OCRmyPDF: `auto` OCRs pages without a trustworthy text layer, `always` every page, `never` none. @default 'auto' */
  readonly ocr?: OcrMode
  /** Page-count, file-size and pixel limits. @default DEFAULT_PDF_LIMITS */
  readonly limits?: PdfLimits
  /** Resolution pages that need OCR will be rendered at (for the pixel cap). @default DEFAULT_RENDER_DPI */
  readonly dpi?: number
}

export interface OcrRequest {
  readonly page: number
  readonly reason: string
}

export interface ReadPdfResult {
  /** Pages that need OCR have `readBy: 'ocr'` and no blocks; the OCR stage fills them. */
  readonly doc: Doc
  readonly needsOcr: readonly OcrRequest[]
  /** Per-page text-layer measurements behind the decisions (for reports and debugging). */
  readonly stats: readonly (TextLayerStats & { readonly page: number })[]
}

/** A block before it gets its id (Omit over each member of the union). */
type NewBlock = Block extends infer B ? (B extends Block ? Omit<B, 'id'> : never) : never

const STAGE = 'read-pdf'

export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<ReadPdfResult> {
  const { file, ocr = 'auto', limits = {}, dpi = DEFAULT_RENDER_DPI } = options
  const maxPagePixels = limits.maxPagePixels ?? DEFAULT_PDF_LIMITS.maxPagePixels
  return withPdfDocument(bytes, file, limits, async (pdf) => {
    const raw = await loadRawPdf(bytes).catch(() => undefined)
    // pdf.js invents a page when the page tree is empty; pdf-lib reads the tree as written.
    if (raw && raw.getPageCount() === 0) throw new EmptyPdfError(`${file}: the PDF has no pages`, { file, stage: 'ingest' })
    const pages: Page[] = []
    const issues: DocIssue[] = []
    const needsOcr: OcrRequest[] = []
    const stats: (TextLayerStats & { page: number })[] = []
    const failed: { readonly why: NonNullable<PageRead['failed']>; readonly message: string }[] = []
    if (!raw) issues.push(issue('actual-text-unavailable', 'warning', 'could not parse the raw PDF objects; Thai marks drawn as shaped clusters may be missing', undefined))
    for (let n = 1; n <= pdf.numPages; n++) {
      const read = await readPageOrGap(pdf, raw, n, ocr, { dpi, maxPagePixels })
      pages.push(read.page)
      issues.push(...read.issues)
      stats.push({ page: n, ...read.stats })
      if (read.ocrReason !== undefined) needsOcr.push({ page: n, reason: read.ocrReason })
      if (read.failed) failed.push({ why: read.failed, message: read.issues.find((i) => i.code === 'page-failed')!.message })
    }
    if (failed.length === pages.length) {
      const first = failed[0]!.message
      const message = pages.length === 1 ? `${file}: ${first}` : `${file}: none of its ${pages.length} pages could be read (${first})`
      throw failed.every((f) => f.why === 'too-large') ? new InputTooLargeError(message, { file, stage: STAGE }) : new CorruptPdfError(message, { file, stage: STAGE })
    }
    const joined = joinContinuedRows(pages, STAGE)
    const doc: Doc = {
      source: { file, kind: 'pdf', sha256: createHash('sha256').update(bytes).digest('hex'), pageCount: pdf.numPages },
      pages: joined.pages,
      issues: [...issues, ...joined.issues],
      timings: {},
    }
    return { doc, needsOcr, stats }
  })
}

/** A page pdf.js cannot read (a damaged stream or object) is a `page-failed` gap; the other pages are still read. */
async function readPageOrGap(pdf: PDFDocumentProxy, raw: PDFDocument | undefined, n: number, mode: OcrMode, caps: { dpi: number; maxPagePixels: number }): Promise<PageRead> {
  try {
    return capPixels(await readPage(pdf, raw, n, mode), raw, caps)
  } catch (error) {
    if (!(error instanceof CorruptPdfError)) throw error
    const stats: TextLayerStats = { chars: 0, unreadable: 0, orphanMarks: 0, splitSaraAm: 0, imageCoverage: 0, paintedPaths: 0 }
    return { page: { number: n, readBy: 'pdf-text', blocks: [] }, issues: [issue('page-failed', 'error', `page ${n} was not read: ${error.message}`, n)], stats, failed: 'damaged' }
  }
}

interface PageRead {
  readonly page: Page
  readonly issues: DocIssue[]
  readonly stats: TextLayerStats
  readonly ocrReason?: string
  /** The page image OCR would get is the page's embedded JPEG, not a rendering. */
  readonly embeddedScan?: boolean
  /** Why the page was not read, when it was not (its `page-failed` issue says more). */
  readonly failed?: 'damaged' | 'too-large'
}

/**
 * A page over the pixel cap (an image in it, or the rendering OCR would need) is not read: a
 * `page-failed` issue says why, and it does not go to OCR. Its text layer, if trustworthy, is
 * still read; the image left out (pdf.js never decodes it) is said in a warning.
 */
function capPixels(read: PageRead, raw: PDFDocument | undefined, caps: { dpi: number; maxPagePixels: number }): PageRead {
  const n = read.page.number
  let images: ImageSize[] = []
  try {
    images = raw ? pageImageSizes(raw, n - 1) : []
  } catch {
    // Damaged raw objects: pdf.js still applies the cap to each image it meets.
  }
  // Only a page OCR will render is as large as its box at the render resolution.
  const rendered = read.ocrReason !== undefined && !read.embeddedScan
  const box = rendered ? { width: read.page.width ?? 0, height: read.page.height ?? 0 } : { width: 0, height: 0 }
  const tooLarge = pageOverPixelCap({ ...box, images }, caps.dpi, caps.maxPagePixels)
  if (!tooLarge) return read
  const hasText = read.page.blocks.length > 0
  if (hasText) return { ...read, issues: [...read.issues, issue('image-too-large', 'warning', `page ${n}: an image was left out: ${tooLarge}; the page's text layer was read`, n)] }
  const { ocrReason: _, ...rest } = read
  return { ...rest, page: { ...read.page, readBy: 'ocr', blocks: [] }, issues: [...read.issues, issue('page-failed', 'error', `page ${n} was not read: ${tooLarge}`, n)], failed: 'too-large' }
}

async function readPage(pdf: PDFDocumentProxy, raw: PDFDocument | undefined, n: number, mode: OcrMode): Promise<PageRead> {
  let scan: PageRead | undefined
  try {
    scan = raw ? scannedPage(raw, n, mode) : undefined
  } catch {
    // pdf-lib could not follow the page's raw objects: let pdf.js judge the page.
  }
  if (scan) return scan
  const page = await pdfjsCall(() => pdf.getPage(n))
  try {
    const { width, height } = page.getViewport({ scale: 1 })
    const issues: DocIssue[] = []
    let events: MarkedContentEvent[] | undefined
    try {
      events = raw ? markedContentEvents(raw, n - 1) : undefined
    } catch {
      events = undefined
    }
    // The operator list first: it loads the page's fonts, whose names say what a symbol font's code points draw.
    const graphics = await readPageGraphics(page)
    const read = await readTextRuns(page, events, loadedFontNames(page))
    if (!read.actualTextAligned) {
      issues.push(issue('actual-text-unavailable', 'warning', `page ${n}: marked content did not line up with pdf.js's; ActualText was not used, Thai marks may be missing`, n))
    }
    const privateUse = read.runs.reduce((count, r) => count + (r.privateUseMarks ?? 0), 0)
    if (privateUse > 0) {
      issues.push(issue('private-use-thai', 'info', `page ${n}: ${privateUse} Thai marks were private-use code points (U+F700-U+F71A, a TH SarabunPSK-style font) and were read as the marks they draw`, n))
    }
    const symbols = read.runs.reduce((count, r) => count + (r.symbolMarks ?? 0), 0)
    if (symbols > 0) {
      issues.push(issue('symbol-font-marks', 'info', `page ${n}: ${symbols} ticks, crosses or check boxes were a symbol font's code points (U+F0xx in Wingdings, Wingdings 2 or Symbol, or LibreOffice's OpenSymbol stand-in read as Wingdings) and were read as the marks they draw`, n))
    }
    const hidden = clippedAway(read.runs, graphics.textClips)
    const text = hidden.size === 0 ? read : { ...read, runs: read.runs.filter((r) => !hidden.has(r)) }
    const inked = [...hidden].filter((r) => r.text.trim() !== '').length
    if (inked > 0) issues.push(issue('text-layer-note', 'info', `page ${n}: ${inked} text runs drawn outside the area the page clips its text to (hidden when printed) were not read`, n))
    const stats = pageStats(text, graphics, width, height)
    const decision = classifyPage(stats, mode)
    const base = { number: n, width: round(width), height: round(height) }
    if (decision.readBy === 'ocr') {
      issues.push(issue('page-ocr', 'info', `page ${n} goes to OCR: ${decision.reason}`, n))
      return { page: { ...base, readBy: 'ocr', blocks: [] }, issues, stats, ocrReason: decision.reason }
    }
    if (decision.readBy === 'blank') return { page: { ...base, readBy: 'pdf-text', blocks: [] }, issues, stats }
    if (decision.note) issues.push(issue(decision.untrusted ? 'text-layer-untrusted' : 'text-layer-note', decision.untrusted ? 'warning' : 'info', `page ${n}: ${decision.note}`, n))
    return { page: { ...base, readBy: 'pdf-text', blocks: pageBlocks(n, text, graphics) }, issues, stats }
  } finally {
    page.cleanup()
  }
}

/**
 * A page that is exactly one full-page JPEG and nothing else (no text operators) is classified
 * from the raw objects: pdf.js's operator list would decode the JPEG just to say so.
 */
function scannedPage(raw: PDFDocument, n: number, mode: OcrMode): PageRead | undefined {
  const image = embeddedScan(raw, n)
  if (!image) return undefined
  const stats: TextLayerStats = { chars: 0, unreadable: 0, orphanMarks: 0, splitSaraAm: 0, imageCoverage: 1, paintedPaths: 0 }
  const decision = classifyPage(stats, mode)
  const base = { number: n, width: round(image.width), height: round(image.height) }
  if (decision.readBy !== 'ocr') {
    const issues = decision.readBy === 'pdf-text' && decision.note ? [issue('text-layer-untrusted', 'warning', `page ${n}: ${decision.note}`, n)] : []
    return { page: { ...base, readBy: 'pdf-text', blocks: [] }, issues, stats }
  }
  return { page: { ...base, readBy: 'ocr', blocks: [] }, issues: [issue('page-ocr', 'info', `page ${n} goes to OCR: ${decision.reason}`, n)], stats, ocrReason: decision.reason, embeddedScan: true }
}

function pageStats(text: PageTextRuns, graphics: PageGraphics, width: number, height: number): TextLayerStats {
  const measured = measureText(text.runs.map((r) => r.text).join(' '))
  return { ...measured, imageCoverage: imageCoverage(graphics, width, height), paintedPaths: graphics.paintedPaths }
}

/** Share of the page covered by images (clipped to the page; overlaps counted once on a coarse grid). */
function imageCoverage(graphics: PageGraphics, width: number, height: number): number {
  if (graphics.images.length === 0 || width <= 0 || height <= 0) return 0
  const steps = 50
  let covered = 0
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const x = ((i + 0.5) / steps) * width
      const y = ((j + 0.5) / steps) * height
      if (graphics.images.some(({ bbox: b }) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1)) covered++
    }
  }
  return covered / (steps * steps)
}

function pageBlocks(n: number, text: PageTextRuns, graphics: PageGraphics): Block[] {
  const ruled = findTables(graphics.rules, text.runs)
  const unruled = findTextTables(ruled.freeRuns, graphics.rules)
  const tables = [...ruled.tables, ...unruled.tables]
  const freeRuns = unruled.freeRuns
  const positioned: { top: number; left: number; block: NewBlock }[] = []
  for (const line of groupIntoLines(freeRuns)) {
    positioned.push({ top: line.bbox.y0, left: line.bbox.x0, block: { kind: 'line', text: line.text, raw: line.text, origin: origin(n, line.bbox, line.runs) } })
  }
  for (const table of tables) positioned.push({ top: table.bbox.y0, left: table.bbox.x0, block: toTableBlock(n, table) })
  positioned.sort((p, q) => p.top - q.top || p.left - q.left)
  return positioned.map(({ block }, k) => ({ ...block, id: `${n}:${block.kind}:${k}` }) as Block)
}

function toTableBlock(n: number, table: GridTable): NewBlock {
  const rows: TableRow[] = []
  for (let r = 0; r < table.rowEdges.length - 1; r++) {
    const rowBox = { x0: table.bbox.x0, y0: table.rowEdges[r]!, x1: table.bbox.x1, y1: table.rowEdges[r + 1]! }
    rows.push({
      origin: origin(n, rowBox),
      cells: table.cells
        .filter((c) => c.row === r)
        .map((c) => ({ col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, raw: c.text, origin: origin(n, c.bbox, c.runs) })),
    })
  }
  return { kind: 'table', rows, origin: origin(n, table.bbox) }
}

/** A line's or cell's origin; with its runs, each number in them gets a reading with its own box. */
function origin(page: number, bbox: { x0: number; y0: number; x1: number; y1: number }, runs: readonly GlyphRun[] = []): Origin {
  const readings = numberReadings(runs)
  return {
    page,
    bbox: { x0: round(bbox.x0), y0: round(bbox.y0), x1: round(bbox.x1), y1: round(bbox.y1) },
    source: 'pdf-text',
    reader: pdfReaderOf(runs),
    ...(readings.length > 0 && { readings }),
  }
}

function issue(code: DocIssue['code'], severity: DocIssue['severity'], message: string, page: number | undefined): DocIssue {
  return { code, severity, message, stage: STAGE, ...(page === undefined ? {} : { page }) }
}

function round(v: number): number {
  return Math.round(v * 100) / 100
}

export type { PDFPageProxy }
