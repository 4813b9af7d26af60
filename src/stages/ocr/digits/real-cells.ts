/**
 * Real score cells for tests and the benchmark: page 1 of samples/bankum/scanned-{300,200}dpi.pdf
 * (the report printed in Sarabun and "scanned": rotated, blurred, noisy, JPEG q72). Cells are found
 * from the table's ruling lines inside hand-measured regions; the expected scores are the
 * transcript's (samples/bankum/transcript.txt lines 15-24 and 27-31).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { packageRoot } from '../../../_internal/package-root.js'
import { type RasterCrop, toGrey } from './image.js'
import { cropRaster, decodeImage } from './image-io.js'

/** The page's scan JPEG, copied out of the PDF as is. */
export async function pageJpeg(pdfPath: string, pageIndex: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(readFileSync(pdfPath))
  const resources = pdf.getPage(pageIndex).node.Resources()
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)
  for (const [, ref] of xobjects?.entries() ?? []) {
    const obj = pdf.context.lookup(ref)
    if (obj instanceof PDFRawStream && String(obj.dict.get(PDFName.of('Filter'))) === '/DCTDecode') return obj.contents
  }
  throw new Error(`${pdfPath}: no JPEG on page ${pageIndex + 1}`)
}

/** Rows between the horizontal ruling lines crossing a region (a stand-in for the OCR stage's grid). */
export function rowCells(page: RasterCrop, region: { x0: number; y0: number; x1: number; y1: number }) {
  const grey = toGrey(page)
  const lineRows: number[] = []
  for (let y = region.y0; y < region.y1; y++) {
    let dark = 0
    for (let x = region.x0; x < region.x1; x++) if (grey.data[y * grey.width + x]! < 128) dark++
    if (dark > 0.6 * (region.x1 - region.x0)) lineRows.push(y)
  }
  const lines: [number, number][] = []
  for (const y of lineRows) {
    const last = lines.at(-1)
    if (last && y - last[1] <= 3) last[1] = y
    else lines.push([y, y])
  }
  return lines.slice(1).map(([top], i) => ({ x0: region.x0, y0: lines[i]![1] - 1, x1: region.x1, y1: top + 2 }))
}

const SUMMARY = ['93.55', '97.56', '99.56', '82.67', '91.78', '98.67', '98.36', '98.16', '75.00', '90.00']
const DETAIL = ['93.55', '87.33', '93.33', '100.00', '97.56']

export interface RealCell {
  readonly crop: RasterCrop
  readonly expected: string
  readonly where: string
}

export function bankumScanPath(dpi: 200 | 300): string {
  return join(packageRoot(), 'samples', 'bankum', `scanned-${dpi}dpi.pdf`)
}

/** The 15 score cells of page 1, or [] when the sample is not there. */
export async function bankumScoreCells(dpi: 200 | 300): Promise<RealCell[]> {
  const path = bankumScanPath(dpi)
  if (!existsSync(path)) return []
  const page = await decodeImage(await pageJpeg(path, 0))
  const k = dpi / 300
  const region = (x0: number, y0: number, x1: number, y1: number) => ({
    x0: Math.round(x0 * k),
    y0: Math.round(y0 * k),
    x1: Math.round(x1 * k),
    y1: Math.round(y1 * k),
  })
  // The first row of each region is the header: the summary's indicator-score column, the detail list's score column.
  const summary = rowCells(page, region(1290, 1150, 1785, 2250)).slice(1)
  const detail = rowCells(page, region(1895, 2330, 2310, 3180))
  if (summary.length !== SUMMARY.length || detail.length !== DETAIL.length) {
    throw new Error(`${path}: found ${summary.length} summary and ${detail.length} detail rows, expected ${SUMMARY.length} and ${DETAIL.length}`)
  }
  return [
    ...summary.map((c, i) => ({ crop: cropRaster(page, c), expected: SUMMARY[i]!, where: `summary row ${i + 1}` })),
    ...detail.map((c, i) => ({ crop: cropRaster(page, c), expected: DETAIL[i]!, where: `detail row ${i + 1}` })),
  ]
}
