/**
 * A PNG or JPEG file as a one-page input: the page image goes to OCR as it is. Size and
 * resolution come from the file's header (PNG pHYs, JFIF density); without one we assume 300
 * dpi, the usual scan setting. An image over the pixel cap, and TIFF (the decoder crashes on
 * it), are refused with the reason.
 */
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { InputTooLargeError, UnsupportedInputError } from '../../errors.js'
import type { Doc } from '../../model/document.js'
import { imageInfo } from './image-info.js'
import { DEFAULT_INPUT_LIMITS, formatPixels, type InputLimits } from './limits.js'
import type { PageImage } from '../../model/page-image.js'


export interface ReadImageResult {
  /** One page, `readBy: 'ocr'`, no blocks yet. */
  readonly doc: Doc
  readonly image: PageImage
}

export const DEFAULT_IMAGE_DPI = 300
/** Resolutions outside this range are metadata junk (72 dpi "screen" defaults, zeros). */
const PLAUSIBLE_DPI = { min: 100, max: 1200 }

export function readImage(bytes: Uint8Array, options: { readonly file: string; readonly limits?: Pick<InputLimits, 'maxPagePixels'> }): ReadImageResult {
  const { file } = options
  const maxPixels = options.limits?.maxPagePixels ?? DEFAULT_INPUT_LIMITS.maxPagePixels
  const info = imageInfo(bytes)
  if (!info) throw new UnsupportedInputError(`${file}: not a PNG, JPEG or TIFF image, or its header is damaged`, { file, stage: 'ingest' })
  if (info.pixelWidth <= 0 || info.pixelHeight <= 0) throw new UnsupportedInputError(`${file}: the image has no pixels`, { file, stage: 'ingest' })
  if (info.mime === 'image/tiff') {
    // The image decoder (@napi-rs/canvas) crashes the process on TIFF; refuse it with a way out instead.
    throw new UnsupportedInputError(`${file}: TIFF images cannot be read yet; convert the file to PNG first (e.g. \`convert ${basename(file)} page.png\`, one PNG per page)`, { file, stage: 'ingest' })
  }
  const pixels = info.pixelWidth * info.pixelHeight
  if (pixels > maxPixels) {
    throw new InputTooLargeError(`${file}: the image is ${info.pixelWidth} x ${info.pixelHeight} px (${formatPixels(pixels)}), over the cap of ${formatPixels(maxPixels)} per page image`, {
      file,
      stage: 'ingest',
    })
  }
  const dpi = info.dpi !== undefined && info.dpi >= PLAUSIBLE_DPI.min && info.dpi <= PLAUSIBLE_DPI.max ? info.dpi : DEFAULT_IMAGE_DPI
  const width = round((info.pixelWidth / dpi) * 72)
  const height = round((info.pixelHeight / dpi) * 72)
  const image: PageImage = { page: 1, width, height, dpi, image: bytes, mime: info.mime }
  const issues: Doc['issues'] = [
    { code: 'page-ocr', severity: 'info', message: `page 1 goes to OCR: image file (${info.pixelWidth}x${info.pixelHeight} px at ${dpi} dpi${info.dpi === dpi ? '' : ', assumed'})`, page: 1, stage: 'read-image' },
  ]
  const doc: Doc = {
    source: { file, kind: 'image', sha256: createHash('sha256').update(bytes).digest('hex'), pageCount: 1 },
    pages: [{ number: 1, width, height, readBy: 'ocr', blocks: [] }],
    issues,
    timings: {},
  }
  return { doc, image }
}

function round(v: number): number {
  return Math.round(v * 100) / 100
}
