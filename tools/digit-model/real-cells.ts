/**
 * Real score cells for tests and the benchmark: pages 1-2 of samples/bankum/scanned-{300,200}dpi.pdf
 * (the report printed in Sarabun and "scanned": rotated, blurred, noisy, JPEG q72). Cells are found
 * from the table's ruling lines inside hand-measured regions; the expected scores are the
 * transcript's (samples/bankum/transcript.txt lines 15-24, 27-31, 34-57).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { packageRoot } from '../../src/_internal/package-root.js'
import { type RasterCrop, toGrey } from '../../src/stages/ocr/image.js'
import { cropRaster, decodeImage } from '../../src/stages/ocr/digits/image-io.js'

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

function groupRuns(values: number[]): [number, number][] {
  const groups: [number, number][] = []
  for (const v of values) {
    const last = groups.at(-1)
    if (last && v - last[1] <= 3) last[1] = v
    else groups.push([v, v])
  }
  return groups
}

/**
 * The cells of the last column inside a region, cut between its ruling lines the way a table
 * grid would (a stand-in for the OCR stage's grid): rows between the horizontal lines, then in
 * each row the span between the last two vertical lines, keeping 2 px of line on each side.
 */
export function rowCells(page: RasterCrop, region: { x0: number; y0: number; x1: number; y1: number }) {
  const grey = toGrey(page)
  const dark = (x: number, y: number) => grey.data[y * grey.width + x]! < 128
  const lineRows: number[] = []
  for (let y = region.y0; y < region.y1; y++) {
    let n = 0
    for (let x = region.x0; x < region.x1; x++) if (dark(x, y)) n++
    if (n > 0.6 * (region.x1 - region.x0)) lineRows.push(y)
  }
  const lines = groupRuns(lineRows)
  return lines.slice(1).map(([top], i) => {
    const y0 = lines[i]![1] + 1
    const y1 = top
    const lineCols: number[] = []
    for (let x = region.x0; x < region.x1; x++) {
      let n = 0
      for (let y = y0; y < y1; y++) if (dark(x, y) || dark(x - 1, y) || dark(x + 1, y)) n++
      if (n >= 0.9 * (y1 - y0)) lineCols.push(x)
    }
    const cols = groupRuns(lineCols)
    const [x0, x1] = cols.length >= 2 ? [cols.at(-2)![1] - 1, cols.at(-1)![0] + 2] : [region.x0, region.x1]
    return { x0, y0: y0 - 2, x1, y1: y1 + 2 }
  })
}

const SUMMARY = ['93.55', '97.56', '99.56', '82.67', '91.78', '98.67', '98.36', '98.16', '75.00', '90.00']
const DETAIL = ['93.55', '87.33', '93.33', '100.00', '97.56']
// Page 2, the detail list's score column from item ii (transcript lines 34, 37-54 and 57).
const PAGE2 = ['100.00', '99.56', '98.67', '100.00', '100.00', '82.67', '58.00', '99.33', '90.67', '91.78', '91.33', '91.33', '92.67', '99.67', '99.50', '99.50', '100.00', '99.33', '99.00', '99.50']

export interface RealCell {
  readonly crop: RasterCrop
  readonly expected: string
  readonly where: string
}

export function bankumScanPath(dpi: 200 | 300): string {
  return join(packageRoot(), 'samples', 'bankum', `scanned-${dpi}dpi.pdf`)
}

/** The 35 score cells of pages 1 and 2, or [] when the sample is not there. */
export async function bankumScoreCells(dpi: 200 | 300): Promise<RealCell[]> {
  const path = bankumScanPath(dpi)
  if (!existsSync(path)) return []
  const page = await decodeImage(await pageJpeg(path, 0))
  const page2 = await decodeImage(await pageJpeg(path, 1))
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
  const detail2 = rowCells(page2, region(1915, 340, 2330, 3450))
  if (summary.length !== SUMMARY.length || detail.length !== DETAIL.length || detail2.length !== PAGE2.length) {
    throw new Error(`${path}: found ${summary.length}/${detail.length}/${detail2.length} rows, expected ${SUMMARY.length}/${DETAIL.length}/${PAGE2.length}`)
  }
  return [
    ...summary.map((c, i) => ({ crop: cropRaster(page, c), expected: SUMMARY[i]!, where: `summary row ${i + 1}` })),
    ...detail.map((c, i) => ({ crop: cropRaster(page, c), expected: DETAIL[i]!, where: `detail row ${i + 1}` })),
    ...detail2.map((c, i) => ({ crop: cropRaster(page2, c), expected: PAGE2[i]!, where: `page 2 detail row ${i + 1}` })),
  ]
}
