/**
 * Entry point for converting one input of any kind: picks the pipeline from the file's content
 * (magic bytes) and name, runs it, and returns the validated report.
 */
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { fsReason } from '../src/_internal/fs.js'
import { InputFileError, UnsupportedInputError } from '../src/errors.js'
import type { InputKind, OcrMode } from '../src/model/document.js'
import { defaultContext, type StageContext } from '../src/model/stage.js'
import type { Report } from '../src/report/schema.js'
import type { OcrEngine } from '../src/stages/ocr/engine.js'
import type { OcrEngineChoice } from '../src/stages/ocr/native-engine-probe.js'
import { isOfficeZip, isOleFile, isZipFile } from '../src/stages/ingest/office-document.js'
import { runOfficePipeline } from './office.js'
import { runTranscriptPipeline } from './transcript.js'
import { runImagePipeline, runPdfPipeline, type OcrPageImages } from './pdf.js'

export type { InputKind }

export interface ConvertOptions {
  /** OCR mode, like OCRmyPDF: `auto` OCRs pages without a trustworthy text layer. @default 'auto' */
  readonly ocr?: OcrMode | undefined
  /** Run the consistency checks and fill `findings`. @default true */
  readonly check?: boolean | undefined
  readonly signal?: AbortSignal
  readonly log?: StageContext['log']
  /** OCR worker threads of the engine started for this file (ignored with `ocrEngine`). @default CPU cores */
  readonly ocrWorkers?: number
  /**
   * The OCR engine started for this file (ignored with `ocrEngine`): `js` is tesseract.js
   * (embedded), `native` the system's `tesseract` with Thai and English, `auto` native when it is
   * installed, else js. @default 'auto'
   */
  readonly ocrEngineChoice?: OcrEngineChoice
  /**
   * An OCR engine to use and leave open, or a function giving one (called only when a page needs
   * OCR), instead of starting an engine for this file. The batch passes the runner's shared engine.
   */
  readonly ocrEngine?: OcrEngine | (() => Promise<OcrEngine>)
  /** Pages OCR'd at once. @default the engine's worker count */
  readonly ocrPagesInFlight?: number | undefined
  /** A page whose OCR takes longer than this becomes a `page-failed` issue (after one retry). @default 300_000 */
  readonly pageTimeoutMs?: number | undefined
}

const TRANSCRIPT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm'])
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff'])
/** Word-processor files: a zip (.docx, .odt) or an OLE compound file (.doc, a password-protected .docx), told apart when read. */
const OFFICE_EXTENSIONS = new Set(['.docx', '.docm', '.dotx', '.odt', '.ott', '.doc'])

/** What kind of input this is, from its first bytes, falling back to its extension. */
export function detectInputKind(file: string, head: Uint8Array): InputKind | undefined {
  const ascii = Buffer.from(head.subarray(0, 1024)).toString('latin1')
  if (ascii.includes('%PDF-')) return 'pdf'
  if (head[0] === 0x89 && ascii.startsWith('\x89PNG')) return 'image'
  if (head[0] === 0xff && head[1] === 0xd8) return 'image'
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'image'
  const ext = extname(file).toLowerCase()
  // A zip or OLE file named as a transcript is read as one (and refused as binary) unless it
  // really holds a document: convertBytes looks inside with the whole file.
  if ((isZipFile(head) || isOleFile(head)) && !TRANSCRIPT_EXTENSIONS.has(ext)) return 'office'
  if (OFFICE_EXTENSIONS.has(ext)) return 'office'
  if (TRANSCRIPT_EXTENSIONS.has(ext)) return 'transcript'
  if (ext === '.pdf') return 'pdf'
  if (IMAGE_EXTENSIONS.has(ext)) return 'image'
  return undefined
}

export async function convertFile(path: string, options: ConvertOptions = {}): Promise<Report> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (cause) {
    throw new InputFileError(`${path}: cannot read the file (${fsReason(cause)})`, { file: path, cause })
  }
  return convertBytes(bytes, path, options)
}

/** The OCR stage, loaded only when a page needs it (tesseract.js is not needed for text layers and transcripts). */
const ocrStage =
  (options: ConvertOptions): OcrPageImages =>
  async (images, ctx) => {
    const { engineOptionsFor, ocrPageImages } = await import('../src/stages/ocr/index.js')
    const engine = typeof options.ocrEngine === 'function' ? await options.ocrEngine() : options.ocrEngine
    const engineOptions = { ...engineOptionsFor(options.ocrEngineChoice), ...(options.ocrWorkers === undefined ? {} : { workers: options.ocrWorkers }) }
    return ocrPageImages(images, ctx, {
      ...(engine ? { engine } : { engineOptions }),
      ...(options.ocrPagesInFlight === undefined ? {} : { pagesInFlight: options.ocrPagesInFlight }),
      ...(options.pageTimeoutMs === undefined ? {} : { pageTimeoutMs: options.pageTimeoutMs }),
    })
  }

export async function convertBytes(bytes: Uint8Array, file: string, options: ConvertOptions = {}): Promise<Report> {
  const ctx = defaultContext({
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.log ? { log: options.log } : {}),
  })
  const detected = detectInputKind(file, bytes.subarray(0, 1024))
  const kind = detected === 'transcript' && isOfficeZip(bytes) ? 'office' : detected
  const structure = options.check === undefined ? {} : { check: options.check }
  switch (kind) {
    case 'transcript':
      return runTranscriptPipeline(bytes, file, ctx, structure)
    case 'pdf':
      return runPdfPipeline(bytes, file, ctx, { ...structure, ...(options.ocr ? { ocr: options.ocr } : {}), ocrPageImages: ocrStage(options) })
    case 'image':
      return runImagePipeline(bytes, file, ctx, { ...structure, ...(options.ocr ? { ocr: options.ocr } : {}), ocrPageImages: ocrStage(options) })
    case 'office':
      return runOfficePipeline(bytes, file, ctx, structure)
    default:
      throw new UnsupportedInputError(`${file}: unknown input type; expected a PDF, an image (PNG, JPEG, TIFF), a Word or Writer file (.docx, .odt) or a transcript (.txt, .md, .html)`, {
        file,
        stage: 'ingest',
      })
  }
}
