/**
 * How many pixels reading a page would take, checked against the cap before pdf.js or the OCR
 * stage touches it: a few hundred kilobytes of PDF can hold a 30000 x 30000 image that deflates
 * to gigabytes, or a page two hundred inches wide. Sizes come from the raw objects (image
 * dictionaries, page boxes), so nothing is decoded to learn them.
 */
import { PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFDocument } from 'pdf-lib'
import { formatPixels } from '../limits.js'

export interface ImageSize {
  readonly width: number
  readonly height: number
}

const MAX_FORM_DEPTH = 12

/** Image XObjects the page's resources hold, and those of its forms (nested up to 12 deep). */
export function pageImageSizes(raw: PDFDocument, pageIndex: number): ImageSize[] {
  const sizes: ImageSize[] = []
  const seen = new Set<PDFDict>()
  const visit = (resources: PDFDict | undefined, depth: number) => {
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)
    if (!xobjects || seen.has(xobjects) || depth > MAX_FORM_DEPTH) return
    seen.add(xobjects)
    for (const key of xobjects.keys()) {
      const stream = xobjects.lookup(key)
      if (!(stream instanceof PDFRawStream)) continue
      const subtype = stream.dict.get(PDFName.of('Subtype'))?.toString()
      if (subtype === '/Image') {
        const width = stream.dict.lookup(PDFName.of('Width'))
        const height = stream.dict.lookup(PDFName.of('Height'))
        if (width instanceof PDFNumber && height instanceof PDFNumber) sizes.push({ width: width.asNumber(), height: height.asNumber() })
      } else if (subtype === '/Form') visit(stream.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), depth + 1)
    }
  }
  visit(raw.getPage(pageIndex).node.Resources(), 0)
  return sizes
}

/** Why a page is over the pixel cap, or undefined when it is not: an image in it, or the page rendered at `dpi`. */
export function pageOverPixelCap(
  page: { readonly width: number; readonly height: number; readonly images: readonly ImageSize[] },
  dpi: number,
  maxPixels: number,
): string | undefined {
  const largest = page.images.reduce<ImageSize | undefined>((big, s) => (!big || s.width * s.height > big.width * big.height ? s : big), undefined)
  if (largest && largest.width * largest.height > maxPixels) {
    return `its image is ${largest.width} x ${largest.height} px (${formatPixels(largest.width * largest.height)}), over the cap of ${formatPixels(maxPixels)} per page image`
  }
  const w = Math.ceil((page.width * dpi) / 72)
  const h = Math.ceil((page.height * dpi) / 72)
  if (w * h > maxPixels) {
    const inches = (points: number) => Math.round(points / 72)
    return `the page is ${inches(page.width)} x ${inches(page.height)} in, ${w} x ${h} px at ${dpi} dpi (${formatPixels(w * h)}), over the cap of ${formatPixels(maxPixels)} per page image`
  }
  return undefined
}
