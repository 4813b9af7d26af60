/**
 * Page images for OCR. A page that is one embedded JPEG covering the whole page (a scan) gives
 * that JPEG's bytes as they are: native resolution, no re-encoding, milliseconds instead of a
 * render (pdfimages -j does the same). Any other page is rendered with pdf.js + @napi-rs/canvas
 * at `dpi` to PNG.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFObject } from 'pdf-lib'
import type { PageImage } from '../../../model/page-image.js'
import { decodeStream, loadRawPdf } from './actual-text.js'
import { CorruptPdfError, InputTooLargeError } from '../../../errors.js'
import { DEFAULT_PDF_LIMITS, pdfjsCall, withPdfDocument, type PdfLimits } from './open-pdf.js'
import { pageOverPixelCap } from './page-pixels.js'
import { parseContentStream } from './content-stream.js'
import { IDENTITY, multiply, type Matrix } from './page-graphics.js'

/** Resolution pages are rendered at for OCR, pixels per inch. */
export const DEFAULT_RENDER_DPI = 300

export interface PdfPageImagesOptions {
  readonly file: string
  /** Resolution of rendered pages, pixels per inch. @default DEFAULT_RENDER_DPI */
  readonly dpi?: number
  /** Copy an embedded full-page JPEG instead of rendering. @default true */
  readonly preferEmbedded?: boolean
  readonly limits?: PdfLimits
}

/** How the image of one page was obtained (for timings and reports). */
export type PageImageSource = 'embedded-jpeg' | 'rendered'

export interface PdfPageImage extends PageImage {
  readonly source: PageImageSource
}

/** An image drawn within this many points of every page edge covers the page. */
const PAGE_EDGE_TOLERANCE = 1.5

export async function pdfPageImages(bytes: Uint8Array, pages: readonly number[], options: PdfPageImagesOptions): Promise<PdfPageImage[]> {
  const { file, dpi = DEFAULT_RENDER_DPI, preferEmbedded = true, limits = {} } = options
  const raw = preferEmbedded ? await loadRawPdf(bytes).catch(() => undefined) : undefined
  const images = new Map<number, PdfPageImage>()
  for (const n of pages) {
    const embedded = raw ? embeddedScan(raw, n) : undefined
    if (embedded) images.set(n, embedded)
  }
  const toRender = pages.filter((n) => !images.has(n))
  if (toRender.length > 0) {
    await withPdfDocument(bytes, file, limits, async (pdf) => {
      for (const n of toRender) {
        const page = await pdfjsCall(() => pdf.getPage(n)).catch((error: unknown) => {
          throw renderError(file, n, error)
        })
        try {
          // read-pdf.ts keeps such pages from OCR; this guards callers that ask for any page.
          const { width, height } = page.getViewport({ scale: 1 })
          const tooLarge = pageOverPixelCap({ width, height, images: [] }, dpi, limits.maxPagePixels ?? DEFAULT_PDF_LIMITS.maxPagePixels)
          if (tooLarge) throw new InputTooLargeError(`${file}: page ${n} cannot be rendered: ${tooLarge}`, { file, stage: 'page-images', page: n })
          images.set(n, await renderPage(pdf, page, n, dpi).catch((error: unknown) => {
            throw renderError(file, n, error)
          }))
        } finally {
          page.cleanup()
        }
      }
    })
  }
  return pages.map((n) => images.get(n)!)
}

/** A damaged page that pdf.js could not render, named with its file and page; our own errors pass through. */
function renderError(file: string, n: number, error: unknown): unknown {
  return error instanceof CorruptPdfError ? new CorruptPdfError(`${file}: page ${n} could not be rendered for OCR: ${error.message}`, { file, page: n, stage: 'page-images', cause: error }) : error
}

/**
 * The page's single full-page JPEG, when the page is exactly that: one image XObject painted
 * upright over the whole (unrotated) crop box. Read from the raw objects and the content stream
 * only, so the JPEG is never decoded.
 */
export function embeddedScan(raw: PDFDocument, n: number): PdfPageImage | undefined {
  const page = raw.getPage(n - 1)
  if (page.getRotation().angle % 360 !== 0) return undefined
  const box = page.getCropBox()
  const jpeg = singleJpegXObject(raw, n - 1)
  if (!jpeg) return undefined
  const placement = imagePlacement(page.node.Contents(), jpeg.name)
  if (!placement) return undefined
  const [a, b, c, d, e, f] = placement
  const fits = (x: number, y: number) => Math.abs(x - y) <= PAGE_EDGE_TOLERANCE
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d <= 0) return undefined
  if (!fits(e, box.x) || !fits(f, box.y) || !fits(a, box.width) || !fits(d, box.height)) return undefined
  return {
    page: n,
    width: box.width,
    height: box.height,
    dpi: Math.round((jpeg.pixelWidth / box.width) * 72),
    image: jpeg.bytes,
    mime: 'image/jpeg',
    source: 'embedded-jpeg',
  }
}

/** The transformation of the only `Do` of `name` in the page content; undefined if painted more than once or with text around. */
function imagePlacement(contents: PDFObject | undefined, name: string): Matrix | undefined {
  const streams = contents instanceof PDFArray ? contents.asArray().map((_, k) => contents.lookup(k)) : [contents]
  const data = Buffer.concat(streams.flatMap((s) => [s instanceof PDFRawStream ? decodeStream(s) : new Uint8Array(), new Uint8Array([0x0a])]))
  let ctm: Matrix = IDENTITY
  const stack: Matrix[] = []
  let placement: Matrix | undefined
  for (const { op, operands } of parseContentStream(data)) {
    if (op === 'q') stack.push(ctm)
    else if (op === 'Q') ctm = stack.pop() ?? ctm
    else if (op === 'cm' && operands.length === 6 && operands.every((o) => typeof o === 'number')) ctm = multiply(operands as Matrix, ctm)
    else if (op === 'BT' || op === 'BI') return undefined
    else if (op === 'Do') {
      const target = operands[0]
      if (placement || !(target && typeof target === 'object' && 'name' in target && target.name === name)) return undefined
      placement = ctm
    }
  }
  return placement
}


/** Raw bytes of the page's only image XObject if it is a plain DCTDecode (JPEG) stream in grey or RGB. */
function singleJpegXObject(raw: PDFDocument, pageIndex: number): { name: string; bytes: Uint8Array; pixelWidth: number } | undefined {
  const xobjects = raw.getPage(pageIndex).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict)
  if (!xobjects) return undefined
  const images = xobjects
    .keys()
    .map((key) => ({ name: key.decodeText(), stream: xobjects.lookup(key) }))
    .filter((x): x is { name: string; stream: PDFRawStream } => x.stream instanceof PDFRawStream && x.stream.dict.get(PDFName.of('Subtype'))?.toString() === '/Image')
  if (images.length !== 1) return undefined
  const { name, stream } = images[0]!
  const { dict, contents } = stream
  const filter = dict.lookup(PDFName.of('Filter'))
  const filters = filter instanceof PDFArray ? filter.asArray().map((f) => f.toString()) : [filter?.toString()]
  if (filters.length !== 1 || filters[0] !== '/DCTDecode') return undefined
  if (dict.has(PDFName.of('Decode')) || dict.has(PDFName.of('SMask')) || dict.has(PDFName.of('Mask'))) return undefined
  const colorSpace = dict.lookup(PDFName.of('ColorSpace'))?.toString() ?? ''
  if (!['/DeviceGray', '/DeviceRGB'].includes(colorSpace) && !colorSpace.startsWith('[/ICCBased')) return undefined
  const width = dict.lookup(PDFName.of('Width'))
  if (!(width instanceof PDFNumber)) return undefined
  if (contents[0] !== 0xff || contents[1] !== 0xd8) return undefined
  return { name, bytes: contents, pixelWidth: width.asNumber() }
}

/** The canvas pdf.js's Node canvas factory hands out (@napi-rs/canvas, pdf.js's own copy). */
interface FactoryCanvas {
  readonly canvas: { encode(format: 'png'): Promise<Uint8Array> }
  readonly context: unknown
}

export async function renderPage(pdf: PDFDocumentProxy, page: PDFPageProxy, n: number, dpi: number): Promise<PdfPageImage> {
  const base = page.getViewport({ scale: 1 })
  const viewport = page.getViewport({ scale: dpi / 72 })
  // Use pdf.js's canvas factory: pdf.js polyfills Path2D from the @napi-rs/canvas it resolves
  // itself, and a canvas from another copy of that package rejects those paths.
  const factory = pdf.canvasFactory as { create(w: number, h: number): FactoryCanvas; destroy(c: FactoryCanvas): void }
  const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height))
  try {
    await pdfjsCall(() => page.render({ canvas: target.canvas as never, canvasContext: target.context as never, viewport }).promise)
    const png = await target.canvas.encode('png')
    return { page: n, width: base.width, height: base.height, dpi, image: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), mime: 'image/png', source: 'rendered' }
  } finally {
    factory.destroy(target)
  }
}
