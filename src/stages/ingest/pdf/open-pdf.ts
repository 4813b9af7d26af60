/**
 * Opens untrusted PDF bytes with pdf.js safely (no eval, no network, local font/CMap/wasm data)
 * and turns pdf.js failures into the input-file errors of `errors.ts`. Whoever opens a document
 * closes it: use `withPdfDocument`.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { CorruptPdfError, EmptyPdfError, EncryptedPdfError, PdfTooLargeError } from '../../../errors.js'
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../limits.js'

export interface PdfLimits extends Pick<InputLimits, 'maxPagePixels'> {
  /** Refuse PDFs with more pages than this. @default 500 */
  readonly maxPages?: number
  /** Refuse files larger than this many bytes. @default 200 MiB */
  readonly maxBytes?: number
}

export const DEFAULT_PDF_LIMITS = { maxPages: 500, maxBytes: 200 * 1024 * 1024, maxPagePixels: DEFAULT_INPUT_LIMITS.maxPagePixels } as const

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/** A data folder of the installed pdf.js. In Node, pdf.js reads plain paths with fs: nothing is fetched. */
function pdfjsDataPath(folder: string): string {
  return `${join(pdfjsRoot, folder)}/`
}

export async function openPdf(bytes: Uint8Array, file: string, limits: PdfLimits = {}): Promise<PDFDocumentProxy> {
  const { maxPages = DEFAULT_PDF_LIMITS.maxPages, maxBytes = DEFAULT_PDF_LIMITS.maxBytes, maxPagePixels = DEFAULT_PDF_LIMITS.maxPagePixels } = limits
  if (bytes.length === 0) throw new CorruptPdfError(`${file}: the file is empty`, { file, stage: 'ingest' })
  if (bytes.length > maxBytes) {
    throw new PdfTooLargeError(`${file}: the PDF is ${mib(bytes.length)}, over the ${mib(maxBytes)} limit`, { file, stage: 'ingest' })
  }
  if (!looksLikePdf(bytes)) {
    throw new CorruptPdfError(`${file}: not a PDF (no %PDF- header in the first 1 KiB)`, { file, stage: 'ingest' })
  }
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js detaches the buffer it is given; keep the caller's intact
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: pdfjsDataPath('standard_fonts'),
    cMapUrl: pdfjsDataPath('cmaps'),
    cMapPacked: true,
    wasmUrl: pdfjsDataPath('wasm'),
    iccUrl: pdfjsDataPath('iccs'),
    verbosity: 0,
    stopAtErrors: false,
    // Images over the cap are left out, never decoded (read-pdf.ts says which pages held one).
    maxImageSize: maxPagePixels,
  })
  // pdf.js asks for a password through a callback; answering nothing would wait for ever.
  let askedForPassword = false
  task.onPassword = () => {
    askedForPassword = true
    void task.destroy()
  }
  let doc: PDFDocumentProxy
  try {
    doc = await task.promise
  } catch (cause) {
    await task.destroy().catch(() => {})
    const name = (cause as { name?: string }).name
    if (name === 'PasswordException' || askedForPassword) {
      throw new EncryptedPdfError(`${file}: the PDF is encrypted and needs a password (remove it first, e.g. \`qpdf --decrypt --password=... in.pdf out.pdf\`)`, {
        file,
        stage: 'ingest',
        cause,
      })
    }
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new CorruptPdfError(`${file}: the PDF is damaged or truncated and cannot be opened (${reason})`, { file, stage: 'ingest', cause })
  }
  if (doc.numPages === 0) {
    await doc.destroy()
    throw new EmptyPdfError(`${file}: the PDF has no pages`, { file, stage: 'ingest' })
  }
  if (doc.numPages > maxPages) {
    const pages = doc.numPages
    await doc.destroy()
    throw new PdfTooLargeError(`${file}: the PDF has ${pages} pages, over the ${maxPages}-page limit`, { file, stage: 'ingest' })
  }
  return doc
}

export async function withPdfDocument<T>(
  bytes: Uint8Array,
  file: string,
  limits: PdfLimits,
  fn: (doc: PDFDocumentProxy) => Promise<T>,
): Promise<T> {
  const doc = await openPdf(bytes, file, limits)
  try {
    return await fn(doc)
  } finally {
    await doc.destroy()
  }
}

/**
 * Runs a pdf.js call on a page (getPage, getTextContent, getOperatorList, render): what it
 * throws means the page's objects are damaged (a broken stream, a bad reference), and becomes a
 * CorruptPdfError the reader can turn into a `page-failed` gap. Only pdf.js calls are wrapped, so
 * a bug in our own code still shows as one.
 */
export async function pdfjsCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (cause) {
    throw new CorruptPdfError(`the page is damaged (${cause instanceof Error ? cause.message : String(cause)})`, { stage: 'read-pdf', cause })
  }
}

export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')
}

function mib(n: number): string {
  return n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(1)} MiB`
}
