/**
 * The `pdf` and `image` pipelines: read the PDF's text layer (or take an image file as one page),
 * OCR the pages that need it, then the shared structure stages (`docToReport`).
 *
 * OCR plugs in as a function (`ocrPageImages`) so this pipeline does not depend on how OCR is
 * done. Without one, pages that need OCR stay empty and each gets a `page-needs-ocr` issue
 * saying what was not read and why.
 */
import { MissingDependencyError } from '../src/errors.js'
import type { Doc, DocIssue, Page } from '../src/model/document.js'
import { timed, type StageContext } from '../src/model/stage.js'
import type { Report } from '../src/report/schema.js'
import type { PageImage } from '../src/model/page-image.js'
import type { OcrResult } from '../src/stages/ocr/types.js'
import type { OcrMode } from '../src/stages/ingest/pdf/classify-page.js'
import type { PdfLimits } from '../src/stages/ingest/pdf/open-pdf.js'
import { pdfPageImages } from '../src/stages/ingest/pdf/page-images.js'
import { readImage } from '../src/stages/ingest/read-image.js'
import { readPdf, type OcrRequest } from '../src/stages/ingest/pdf/read-pdf.js'
import { docToReport, type StructureOptions } from './structure.js'

/** OCRs page images into pages of the document model (the OCR stage's entry point). */
export type OcrPageImages = (images: PageImage[], ctx: StageContext) => Promise<OcrResult>

export interface PdfPipelineOptions extends Partial<StructureOptions> {
  /** `auto` OCRs pages without a trustworthy text layer, `always` every page, `never` none. @default 'auto' */
  readonly ocr?: OcrMode
  /** The OCR stage. Without it, pages that need OCR are left unread with a `page-needs-ocr` issue. */
  readonly ocrPageImages?: OcrPageImages
  /** Resolution for pages rendered for OCR. @default 300 */
  readonly dpi?: number
  /** Page-count and file-size limits. @default DEFAULT_PDF_LIMITS (500 pages, 200 MiB) */
  readonly limits?: PdfLimits
}

/** A document model, and the pages that needed OCR and were not OCR'd (each has a `page-needs-ocr` issue). */
interface ReadDocument {
  readonly doc: Doc
  readonly unread: readonly OcrRequest[]
}

/** PDF bytes -> document model with OCR'd pages filled in (everything before structure extraction). */
export async function readPdfDocument(bytes: Uint8Array, file: string, ctx: StageContext, options: PdfPipelineOptions = {}): Promise<Doc> {
  return (await readPdfPages(bytes, file, ctx, options)).doc
}

async function readPdfPages(bytes: Uint8Array, file: string, ctx: StageContext, options: PdfPipelineOptions): Promise<ReadDocument> {
  const timings: Record<string, number> = {}
  const { doc, needsOcr } = await timed('read-pdf', timings, () =>
    readPdf(bytes, { file, ocr: options.ocr ?? 'auto', ...(options.limits ? { limits: options.limits } : {}), ...(options.dpi ? { dpi: options.dpi } : {}) }),
  )
  ctx.log({ stage: 'read-pdf', msg: `${doc.pages.length - needsOcr.length} of ${doc.pages.length} pages read from the text layer` })
  if (needsOcr.length === 0) return { doc: { ...doc, timings }, unread: [] }
  if (!options.ocrPageImages) return { doc: { ...withoutOcr(doc, needsOcr), timings }, unread: needsOcr }
  const ocr = options.ocrPageImages
  const images = await timed('page-images', timings, () =>
    pdfPageImages(
      bytes,
      needsOcr.map((r) => r.page),
      { file, ...(options.dpi ? { dpi: options.dpi } : {}), ...(options.limits ? { limits: options.limits } : {}) },
    ),
  )
  ctx.signal.throwIfAborted()
  const result = await timed('ocr', timings, () => ocr(images, ctx))
  return { doc: { ...mergeOcr(doc, needsOcr, result), timings }, unread: [] }
}

export async function runPdfPipeline(bytes: Uint8Array, file: string, ctx: StageContext, options: PdfPipelineOptions = {}): Promise<Report> {
  const { doc, unread } = await readPdfPages(bytes, file, ctx, options)
  requireSomethingRead(doc, unread)
  return docToReport(doc, ctx, { pipeline: 'pdf', ...structureOptions(options) })
}

/** An image file (PNG, JPEG, TIFF) -> document model: one page, OCR'd when an OCR stage is given. */
export async function readImageDocument(bytes: Uint8Array, file: string, ctx: StageContext, options: PdfPipelineOptions = {}): Promise<Doc> {
  return (await readImagePage(bytes, file, ctx, options)).doc
}

async function readImagePage(bytes: Uint8Array, file: string, ctx: StageContext, options: PdfPipelineOptions): Promise<ReadDocument> {
  const timings: Record<string, number> = {}
  const { doc, image } = await timed('read-image', timings, () => readImage(bytes, { file }))
  const request = [{ page: 1, reason: 'image file' }]
  if (!options.ocrPageImages || options.ocr === 'never') return { doc: { ...withoutOcr(doc, request), timings }, unread: request }
  const ocr = options.ocrPageImages
  const result = await timed('ocr', timings, () => ocr([image], ctx))
  return { doc: { ...mergeOcr(doc, request, result), timings }, unread: [] }
}

export async function runImagePipeline(bytes: Uint8Array, file: string, ctx: StageContext, options: PdfPipelineOptions = {}): Promise<Report> {
  const { doc, unread } = await readImagePage(bytes, file, ctx, options)
  requireSomethingRead(doc, unread)
  return docToReport(doc, ctx, { pipeline: 'image', ...structureOptions(options) })
}

/**
 * Every page needed OCR and none ran: say so, rather than letting extraction report "not an ITA
 * report" about a document nobody read. (A PDF none of whose pages could be read at all is refused by readPdf.)
 */
function requireSomethingRead(doc: Doc, unread: readonly OcrRequest[]): void {
  const file = doc.source.file
  if (doc.pages.length === 0 || unread.length < doc.pages.length) return
  const reason = unread[0]!.reason
  const pages = doc.pages.length === 1 ? 'its only page needs' : `all ${doc.pages.length} pages need`
  throw new MissingDependencyError(`${file}: ${pages} OCR and no OCR stage was run (page 1: ${reason})`, {
    file,
    stage: 'ocr',
  })
}

function structureOptions(options: PdfPipelineOptions): Partial<StructureOptions> {
  return {
    ...(options.pipeline ? { pipeline: options.pipeline } : {}),
    ...(options.check === undefined ? {} : { check: options.check }),
  }
}

/** Pages that needed OCR but had none: empty, with an issue naming the page and the reason. */
function withoutOcr(doc: Doc, needsOcr: readonly OcrRequest[]): Doc {
  const issues: DocIssue[] = needsOcr.map(({ page, reason }) => ({
    code: 'page-needs-ocr',
    severity: 'warning',
    message: `page ${page} was not read: it needs OCR (${reason}) and no OCR stage was run`,
    page,
    stage: 'ocr',
  }))
  return { ...doc, issues: [...doc.issues, ...issues] }
}

/** Puts OCR'd pages in place of the empty placeholders; pages the OCR stage did not return stay empty (it reports why). */
export function mergeOcr(doc: Doc, needsOcr: readonly OcrRequest[], result: OcrResult): Doc {
  const byNumber = new Map<number, Page>(result.pages.map((p) => [p.number, p]))
  const wanted = new Set(needsOcr.map((r) => r.page))
  const pages = doc.pages.map((page) => (wanted.has(page.number) ? { ...page, ...byNumber.get(page.number), number: page.number, readBy: 'ocr' as const } : page))
  const source = result.engine && result.pages.length > 0 ? { ...doc.source, ocrEngine: result.engine } : doc.source
  return { ...doc, source, pages, issues: [...doc.issues, ...result.issues] }
}
