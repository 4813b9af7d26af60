/**
 * "Prints and scans" a PDF: each page is rendered at the scan resolution, degraded like a flatbed
 * scan, JPEG-compressed in grey, and placed as the only content of a page of the same size. The
 * result has no text layer, like the PDFs agencies upload.
 */
import { PDFDocument } from 'pdf-lib'
import { degradePage, pageSeed, type DegradeOptions, type DegradeParams, type GreyImage } from './degrade-page.js'
import { encodeGreyJpeg } from './encode-grey-jpeg.js'
import { setFixedMetadata, type FixedMetadata } from './print-pdf.js'
import { rasterisePage } from './rasterise.js'

export interface ScanOptions {
  /** Scan resolution. */
  readonly dpi: number
  /** Seed of the whole scan; each page derives its own from it. */
  readonly seed: number
  /** JPEG quality, 1-100. @default 72 */
  readonly quality?: number
  /** Degradation settings other than the seed. */
  readonly degrade?: Omit<DegradeOptions, 'seed'>
  readonly metadata: FixedMetadata
  /** Called after each page, e.g. for progress output. */
  readonly onPage?: (page: number, info: { params: DegradeParams; jpegBytes: number }) => void
}

/** Degrades one rendered page and encodes it as a grey JPEG; pure and deterministic. */
export function scanPage(
  image: GreyImage,
  seed: number,
  options: { quality?: number; degrade?: Omit<DegradeOptions, 'seed'> } = {},
): { jpeg: Uint8Array; params: DegradeParams } {
  const { image: degraded, params } = degradePage(image, { ...options.degrade, seed })
  return { jpeg: encodeGreyJpeg(degraded, options.quality ?? 72), params }
}

export async function scanPdf(pdfPath: string, source: PDFDocument, options: ScanOptions): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false })
  const pages = source.getPages()
  for (const [index, page] of pages.entries()) {
    const { width, height } = page.getSize()
    const raster = await rasterisePage(pdfPath, index + 1, options.dpi)
    const { jpeg, params } = scanPage(raster, pageSeed(options.seed, options.dpi, index), options)
    const image = await out.embedJpg(jpeg)
    out.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height })
    options.onPage?.(index + 1, { params, jpegBytes: jpeg.length })
  }
  setFixedMetadata(out, options.metadata)
  return out.save({ useObjectStreams: false })
}
