/**
 * Page images for OCR. A page that is one embedded JPEG covering the whole page (a scan) gives
 * that JPEG's bytes as they are: native resolution, no re-encoding, milliseconds instead of a
 * render (pdfimages -j does the same). Any other page is rendered with pdf.js + @napi-rs/canvas
 * at `dpi` to PNG.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFDocument } from 'pdf-lib'
import type { PageImage } from '../ocr/types.js'
import { loadRawPdf } from './actual-text.js'
import { withPdfDocument, type PdfLimits } from './open-pdf.js'
import { readPageGraphics, type PaintedImage } from './page-graphics.js'

export interface PdfPageImagesOptions {
  readonly file: string
  /** Resolution of rendered pages, pixels per inch. @default 300 */
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
  const { file, dpi = 300, preferEmbedded = true, limits = {} } = options
  return withPdfDocument(bytes, file, limits, async (pdf) => {
    const raw = preferEmbedded ? await loadRawPdf(bytes).catch(() => undefined) : undefined
    const images: PdfPageImage[] = []
    for (const n of pages) {
      const page = await pdf.getPage(n)
      try {
        const embedded = raw ? await embeddedScan(page, raw, n) : undefined
        images.push(embedded ?? (await renderPage(pdf, page, n, dpi)))
      } finally {
        page.cleanup()
      }
    }
    return images
  })
}

/** The page's single full-page JPEG, when the page is exactly that and drawn upright. */
export async function embeddedScan(page: PDFPageProxy, raw: PDFDocument, n: number): Promise<PdfPageImage | undefined> {
  const viewport = page.getViewport({ scale: 1 })
  if (viewport.rotation % 360 !== 0) return undefined
  const graphics = await readPageGraphics(page)
  if (graphics.images.length !== 1 || !coversPage(graphics.images[0]!, viewport.width, viewport.height)) return undefined
  if (!graphics.images[0]!.upright) return undefined
  const jpeg = singleJpegXObject(raw, n - 1)
  if (!jpeg) return undefined
  return {
    page: n,
    width: viewport.width,
    height: viewport.height,
    dpi: Math.round((jpeg.pixelWidth / viewport.width) * 72),
    image: jpeg.bytes,
    mime: 'image/jpeg',
    source: 'embedded-jpeg',
  }
}

function coversPage(image: PaintedImage, width: number, height: number): boolean {
  const { x0, y0, x1, y1 } = image.bbox
  return Math.abs(x0) <= PAGE_EDGE_TOLERANCE && Math.abs(y0) <= PAGE_EDGE_TOLERANCE && Math.abs(x1 - width) <= PAGE_EDGE_TOLERANCE && Math.abs(y1 - height) <= PAGE_EDGE_TOLERANCE
}

/** Raw bytes of the page's only image XObject if it is a plain DCTDecode (JPEG) stream in grey or RGB. */
function singleJpegXObject(raw: PDFDocument, pageIndex: number): { bytes: Uint8Array; pixelWidth: number } | undefined {
  const xobjects = raw.getPage(pageIndex).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict)
  if (!xobjects) return undefined
  const images = xobjects
    .keys()
    .map((key) => xobjects.lookup(key))
    .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype'))?.toString() === '/Image')
  if (images.length !== 1) return undefined
  const { dict, contents } = images[0]!
  const filter = dict.lookup(PDFName.of('Filter'))
  const filters = filter instanceof PDFArray ? filter.asArray().map((f) => f.toString()) : [filter?.toString()]
  if (filters.length !== 1 || filters[0] !== '/DCTDecode') return undefined
  if (dict.has(PDFName.of('Decode')) || dict.has(PDFName.of('SMask')) || dict.has(PDFName.of('Mask'))) return undefined
  const colorSpace = dict.lookup(PDFName.of('ColorSpace'))?.toString() ?? ''
  if (!['/DeviceGray', '/DeviceRGB'].includes(colorSpace) && !colorSpace.startsWith('[/ICCBased')) return undefined
  const width = dict.lookup(PDFName.of('Width'))
  if (!(width instanceof PDFNumber)) return undefined
  if (contents[0] !== 0xff || contents[1] !== 0xd8) return undefined
  return { bytes: contents, pixelWidth: width.asNumber() }
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
    await page.render({ canvas: target.canvas as never, canvasContext: target.context as never, viewport }).promise
    const png = await target.canvas.encode('png')
    return { page: n, width: base.width, height: base.height, dpi, image: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), mime: 'image/png', source: 'rendered' }
  } finally {
    factory.destroy(target)
  }
}
