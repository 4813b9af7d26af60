/**
 * The evidence a reviewer looks at for each value a finding cites: a crop of the page image
 * around the place the value was printed, with the value's box (fitted to the printed digits
 * when it is a number), or, for a transcript, the raw line it was read from.
 *
 * Page images are the pipeline's own (`pdfPageImages`): a scanned page's embedded JPEG as it is,
 * a born-digital page rendered by pdf.js. Crops are JPEG, at most `CROP_DPI`.
 */
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas'
import type { BBox } from '../../../model/document.js'
import type { Prov, Report } from '../../../report/schema.js'
import { rgbaToGrey, type PixelBox } from '../../ocr/image.js'
import type { PageImage } from '../../../model/page-image.js'
import { pdfPageImages } from '../../ingest/pdf/page-images.js'
import { readImage } from '../../ingest/read-image.js'
import { fitNumberBox } from './fit-box.js'
import type { ReviewSource } from './source.js'

export interface CropEvidence {
  readonly kind: 'crop'
  /** Unique in the document: the crop's image is defined once and used by every finding citing it. */
  readonly id: string
  readonly page: number
  readonly dataUri: string
  /** Crop size, pixels. */
  readonly width: number
  readonly height: number
  /** Display width, CSS pixels. */
  readonly cssWidth: number
  /** The value's box in crop pixels. */
  readonly box: PixelBox
  /** Whether the box was fitted to the ink of the printed number. */
  readonly fitted: boolean
}

export interface LineEvidence {
  readonly kind: 'line'
  readonly line: number
  /** The line exactly as in the transcript file. */
  readonly text: string
}

export type Evidence = CropEvidence | LineEvidence

export interface EvidenceSet {
  /** By `placeKey(prov)`. */
  readonly byPlace: ReadonlyMap<string, Evidence>
  /** Why some evidence could not be shown (bilingual sentences). */
  readonly notes: readonly { readonly en: string; readonly th: string }[]
}

/** Page images are rendered (born-digital) at this resolution; scans keep theirs up to it. */
export const CROP_DPI = 200
const JPEG_QUALITY = 72
/** Crops larger than this many pixels are scaled down (a whole tall cell). */
const MAX_CROP_PIXELS = 600_000
/** A printed number and nothing else: its box can be fitted to its digits. */
const NUMBER_RAW = /^[-+]?[0-9๐-๙]+(?:[.,][0-9๐-๙]+)*$/
/** CSS pixels per PDF point in the review. */
const CSS_PER_POINT = 1.5

/** Identifies the place a value was read: the same printed number cited twice has one crop. */
export function placeKey(prov: Prov): string {
  const b = prov.bbox
  return [prov.page, prov.line ?? '', b ? [b.x0, b.y0, b.x1, b.y1].join(',') : '', prov.raw].join('|')
}

/** Evidence for every place in `provs`; crop ids start with `idPrefix` (unique per document in one file). */
export async function gatherEvidence(report: Report, provs: readonly Prov[], source: ReviewSource, idPrefix = 'ev'): Promise<EvidenceSet> {
  if (source.kind === 'missing') return { byPlace: new Map(), notes: [source.reason] }
  const unique = [...new Map(provs.map((p) => [placeKey(p), p])).values()]
  if (report.source.kind === 'transcript') return transcriptEvidence(unique, source.bytes)
  return imageEvidence(report, unique, source.bytes, idPrefix)
}

function transcriptEvidence(provs: readonly Prov[], bytes: Uint8Array): EvidenceSet {
  const lines = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '').split(/\r?\n/)
  const byPlace = new Map<string, Evidence>()
  for (const prov of provs) {
    const text = prov.line === undefined ? undefined : lines[prov.line - 1]
    if (text !== undefined) byPlace.set(placeKey(prov), { kind: 'line', line: prov.line!, text })
  }
  return { byPlace, notes: [] }
}

async function imageEvidence(report: Report, provs: readonly Prov[], bytes: Uint8Array, idPrefix: string): Promise<EvidenceSet> {
  const boxed = provs.filter((p): p is Prov & { bbox: BBox } => p.bbox !== undefined)
  const pages = [...new Set(boxed.map((p) => p.page))].sort((a, b) => a - b)
  let images: PageImage[]
  try {
    images = await pageImages(report, bytes, pages)
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    return { byPlace: new Map(), notes: [{ en: `the page images could not be made (${reason})`, th: `สร้างภาพหน้าเอกสารไม่ได้ (${reason})` }] }
  }
  const byPlace = new Map<string, Evidence>()
  const notes: EvidenceSet['notes'][number][] = []
  let next = 0
  for (const image of images) {
    let decoded: Image
    try {
      decoded = await loadImage(Buffer.from(image.image.buffer, image.image.byteOffset, image.image.byteLength))
    } catch {
      notes.push({ en: `the image of page ${image.page} could not be decoded`, th: `เปิดภาพหน้า ${image.page} ไม่ได้` })
      continue
    }
    for (const prov of boxed.filter((p) => p.page === image.page)) {
      byPlace.set(placeKey(prov), await crop(decoded, image, prov, `${idPrefix}${++next}`))
    }
  }
  return { byPlace, notes }
}

async function pageImages(report: Report, bytes: Uint8Array, pages: readonly number[]): Promise<PageImage[]> {
  if (pages.length === 0) return []
  if (report.source.kind === 'image') return [readImage(bytes, { file: report.source.file }).image]
  return pdfPageImages(bytes, pages, { file: report.source.file, dpi: CROP_DPI })
}

/** The region shown around a box, PDF points: some of the row or line around it, clamped to the page. */
export function cropWindow(box: BBox, page: { width: number; height: number }): BBox {
  const bw = box.x1 - box.x0
  const bh = box.y1 - box.y0
  const width = Math.min(page.width, Math.max(420, Math.min(600, bw + 320)))
  const height = Math.min(page.height, bh + 24 > 420 ? bh + 24 : Math.max(64, Math.min(420, bh + 2 * Math.max(18, 0.6 * bh))))
  // More room left of the value than right: a row's or line's label is printed before its number.
  const x0 = clamp((box.x0 + box.x1) / 2 - 0.65 * width, 0, page.width - width)
  const y0 = clamp((box.y0 + box.y1) / 2 - height / 2, 0, page.height - height)
  return { x0, y0, x1: x0 + width, y1: y0 + height }
}

async function crop(decoded: Image, page: PageImage, prov: Prov & { bbox: BBox }, id: string): Promise<CropEvidence> {
  const window = cropWindow(prov.bbox, page)
  const pxPerPoint = decoded.width / page.width
  let scale = Math.min(pxPerPoint, CROP_DPI / 72)
  const area = (window.x1 - window.x0) * (window.y1 - window.y0) * scale * scale
  if (area > MAX_CROP_PIXELS) scale *= Math.sqrt(MAX_CROP_PIXELS / area)
  const width = Math.max(1, Math.round((window.x1 - window.x0) * scale))
  const height = Math.max(1, Math.round((window.y1 - window.y0) * scale))
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  ctx.drawImage(decoded, window.x0 * pxPerPoint, window.y0 * pxPerPoint, (window.x1 - window.x0) * pxPerPoint, (window.y1 - window.y0) * pxPerPoint, 0, 0, width, height)
  const box = {
    x0: Math.round((prov.bbox.x0 - window.x0) * scale),
    y0: Math.round((prov.bbox.y0 - window.y0) * scale),
    x1: Math.round((prov.bbox.x1 - window.x0) * scale),
    y1: Math.round((prov.bbox.y1 - window.y0) * scale),
  }
  const fitted = NUMBER_RAW.test(prov.raw.trim()) ? fitNumberBox(rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height), box, prov.raw, scale * 72, prov.source === 'pdf-text' ? 'seed' : 'extent') : undefined
  const jpeg = await canvas.encode('jpeg', JPEG_QUALITY)
  return {
    kind: 'crop',
    id,
    page: page.page,
    dataUri: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
    width,
    height,
    cssWidth: Math.round((window.x1 - window.x0) * CSS_PER_POINT),
    box: fitted ? pad(fitted, Math.max(3, Math.round(0.25 * (fitted.y1 - fitted.y0))), width, height) : box,
    fitted: fitted !== undefined,
  }
}

function pad(b: PixelBox, by: number, width: number, height: number): PixelBox {
  return { x0: Math.max(0, b.x0 - by), y0: Math.max(0, b.y0 - by), x1: Math.min(width, b.x1 + by), y1: Math.min(height, b.y1 + by) }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v))
}
