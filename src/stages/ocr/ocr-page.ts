/**
 * One page image -> one page of the document model: clean the image, find ruled tables and OCR
 * each cell on its own, OCR the rest of the page as lines, and re-read numbers with the digit
 * reader where tesseract is known to be weak (Thai digits).
 */
import type { BBox, Block, Origin, Page, Reading, TextLine } from '../../model/document.js'
import type { OcrSession, RecognisedText } from './engine.js'
import { decodeToGrey, expand, whiten, type GreyImage, type PixelBox } from './image.js'
import type { ReadNumber } from './number-reader.js'
import { pageGeometry, type Geometry } from './page-geometry.js'
import { estimateSkew, removeBorders, rotate } from './preprocess.js'
import { toBlackWhite } from './image.js'
import { rereadPeriodMonths, withPeriodWords } from './period-words.js'
import { recogniseLines } from './read-lines.js'
import { readTable } from './read-table.js'
import { DIGIT_READER, rereadNumbers, sameInk, TESSERACT } from './reread-numbers.js'
import { acrossTableGrids } from './across-grid.js'
import { findRulings, pixelTableGrids, trimLetterTails, type TableGrid } from './table-grid.js'
import type { PageImage } from '../../model/page-image.js'

export interface PreprocessOptions {
  /** Whiten dark scanner bands along the page edges. @default true */
  readonly removeBorders?: boolean
  /** Estimate the skew and rotate the page straight. @default true */
  readonly deskew?: boolean
  /** Give tesseract the binarised image instead of the grey one. @default false */
  readonly binarise?: boolean
}

export interface PageOcrOptions {
  readonly preprocess?: PreprocessOptions
  /** Find ruled tables and OCR them cell by cell. @default true */
  readonly tables?: boolean
  /** Re-read numbers with the digit reader; undefined when turned off (`numberReader: false`). */
  readonly readNumber?: ReadNumber
}

/** What was done to the page image, for artifacts and the benchmark. */
export interface PageOcrDiagnostics {
  readonly skewDegrees: number
  readonly bordersRemoved: boolean
  readonly tables: { rows: number; cols: number; cells: number; spanning: number }[]
  readonly cellsRecognised: number
  readonly numbersReread: number
  /** Lines of ink outside the tables that OCR read nothing from (page points). */
  readonly unread: BBox[]
  /** Milliseconds: image clean-up, then table cells, then the rest of the page (overlapping). */
  readonly timings: { preprocess: number; tables: number; text: number; total: number }
}

export async function ocrPage(input: PageImage, session: OcrSession, options: PageOcrOptions = {}): Promise<{ page: Page; diagnostics: PageOcrDiagnostics }> {
  const pre = options.preprocess ?? {}
  const dpi = input.dpi
  const started = performance.now()
  const since = (t: number) => Math.round(performance.now() - t)
  const { grey, binary, skew, bordersRemoved } = await preparePage(input, pre)
  const ocrImage = pre.binarise ? binary : grey
  const geometry = pageGeometry(input, grey, -skew)

  const grids = options.tables === false ? [] : pageGrids(binary, dpi)
  const counters = { cells: 0, numbers: 0 }

  const preprocessMs = since(started)
  const tablesStarted = performance.now()
  let tablesMs = 0
  const tablesPromise = Promise.all(grids.map((grid) => readTable(grid, { grey, binary, ocrImage, dpi, session, readNumber: options.readNumber, geometry, counters }))).finally(() => {
    tablesMs = since(tablesStarted)
  })

  // The rest of the page: tables whitened, then read line by line like the cells.
  const rest: GreyImage = { ...ocrImage, data: new Uint8Array(ocrImage.data) }
  const restBinary: GreyImage = { ...binary, data: new Uint8Array(binary.data) }
  for (const grid of grids) {
    whiten(rest, expand(grid.box, grid.lineThickness + 2))
    whiten(restBinary, expand(grid.box, grid.lineThickness + 2))
  }
  const linesPromise = recogniseLines(session, rest, restBinary, { x0: 0, y0: 0, x1: rest.width, y1: rest.height }, dpi)
  const textStarted = performance.now()
  const unread: BBox[] = []
  const [tables, lines] = await Promise.all([
    tablesPromise,
    linesPromise.then((restText) => {
      unread.push(...(restText?.unread ?? []).map((b) => geometry.toPoints(b)))
      return restText ? readLines(restText, { grey, binary, readNumber: options.readNumber, geometry, counters, session, ocrImage, dpi }) : []
    }),
  ])
  const textMs = since(textStarted)

  const blocks = orderBlocks([
    ...lines.map((l) => ({ top: l.box.y0, bottom: l.box.y1, left: l.box.x0, make: (id: number): Block => withPeriodWords({ ...l.line, id: `${input.page}:line:${id}` }) })),
    ...tables.map((t, i) => ({
      top: grids[i]!.box.y0,
      bottom: grids[i]!.box.y1,
      left: grids[i]!.box.x0,
      make: (id: number): Block => ({ ...t, id: `${input.page}:table:${id}` }),
    })),
  ])
  const page: Page = { number: input.page, width: input.width, height: input.height, readBy: 'ocr', blocks }
  return {
    page,
    diagnostics: {
      skewDegrees: skew,
      bordersRemoved,
      tables: grids.map((g) => ({
        rows: g.rowLines.length - 1,
        cols: g.colLines.length - 1,
        cells: g.cells.length,
        spanning: g.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).length,
      })),
      cellsRecognised: counters.cells,
      numbersReread: counters.numbers,
      unread,
      timings: { preprocess: preprocessMs, tables: tablesMs, text: textMs, total: since(started) },
    },
  }
}

/** The page image decoded to grey, dark scanner borders whitened, deskewed, and binarised. */
export async function preparePage(input: PageImage, pre: PreprocessOptions = {}): Promise<{ grey: GreyImage; binary: GreyImage; skew: number; bordersRemoved: boolean }> {
  let grey = await decodeToGrey(input.image, `page ${input.page}`)
  let bordersRemoved = false
  if (pre.removeBorders !== false) {
    const cleaned = removeBorders(grey)
    grey = cleaned.image
    bordersRemoved = Object.values(cleaned.removed).some((n) => n > 0)
  }
  let binary = toBlackWhite(grey)
  let skew = 0
  if (pre.deskew !== false) {
    skew = estimateSkew(binary)
    if (Math.abs(skew) >= 0.1) {
      grey = rotate(grey, -skew)
      binary = toBlackWhite(grey)
    } else skew = 0
  }
  return { grey, binary, skew, bordersRemoved }
}

/** The ruled tables of a prepared page: ruled both ways, then those ruled only across. */
export function pageGrids(binary: GreyImage, dpi: number): TableGrid[] {
  const rulings = trimLetterTails(binary, findRulings(binary, { dpi }), dpi)
  const ruled = pixelTableGrids(rulings, dpi)
  return [...ruled, ...acrossTableGrids(binary, rulings, ruled, dpi)]
}

interface LineContext {
  readonly grey: GreyImage
  readonly binary: GreyImage
  readonly readNumber: ReadNumber | undefined
  readonly geometry: Geometry
  readonly counters: { cells: number; numbers: number }
  readonly session: OcrSession
  readonly ocrImage: GreyImage
  readonly dpi: number
}

async function readLines(text: RecognisedText, ctx: LineContext): Promise<{ line: Omit<TextLine, 'id'>; box: PixelBox }[]> {
  const { readNumber } = ctx
  const read = []
  for (const ocrLine of text.lines) {
    const months = await rereadPeriodMonths(ocrLine, { session: ctx.session, image: ctx.ocrImage, dpi: ctx.dpi, geometry: ctx.geometry })
    const reread = readNumber ? await rereadNumbers(months.line, { ...ctx, readNumber }) : undefined
    read.push({ box: ocrLine.bbox, months, reread })
  }
  // Lines of one printed row overlap: a number's ink read into two lines is kept by the nearer.
  const elsewhere = numbersOfOtherLines(read.map((r) => ({ bbox: ctx.geometry.toPoints(r.box), readings: r.reread?.readings ?? [] })))
  for (const [i, boxes] of elsewhere) read[i]!.reread = await rereadNumbers(read[i]!.months.line, { ...ctx, readNumber: readNumber! }, boxes)
  return read.map(({ box, months, reread }) => {
    const line = months.line
    const origin: Origin = {
      page: ctx.geometry.page,
      bbox: ctx.geometry.toPoints(box),
      source: 'ocr',
      confidence: Math.min(...line.words.map((w) => w.confidence)),
      reader: TESSERACT,
      ...(months.readings.length > 0 && { readings: months.readings }),
    }
    if (!reread || reread.readings.length === 0) return { line: { kind: 'line', text: line.text, raw: line.text, origin }, box }
    const used = reread.readings.some((r) => r.reader === DIGIT_READER && r.used)
    return {
      line: {
        kind: 'line',
        text: reread.text,
        raw: reread.text,
        origin: { ...origin, ...(used ? { reader: `${TESSERACT}+${DIGIT_READER}` } : {}), ...(reread.uncertain ? { uncertain: true } : {}), readings: [...months.readings, ...reread.readings] },
      },
      box,
    }
  })
}

/**
 * Numbers the digit reader read into more than one line (the same ink: tesseract's boxes of a
 * row's wrapped lines overlap, and a score printed beside the first line was read into the
 * second too, where it became the next item's score): for each line, the ink it must leave to
 * the line whose middle is nearer the number's.
 */
export function numbersOfOtherLines(lines: readonly { bbox: BBox; readings: readonly Reading[] }[]): Map<number, BBox[]> {
  const middle = (b: BBox) => (b.y0 + b.y1) / 2
  const numbers = lines.flatMap((l, i) => l.readings.filter((r) => r.reader === DIGIT_READER && r.used && r.bbox).map((r) => ({ line: i, bbox: r.bbox! })))
  const out = new Map<number, BBox[]>()
  for (const a of numbers) {
    const rivals = numbers.filter((b) => b.line !== a.line && sameInk(a.bbox, b.bbox))
    if (rivals.length === 0) continue
    const distance = (i: number) => Math.abs(middle(lines[i]!.bbox) - middle(a.bbox))
    if (rivals.some((b) => distance(b.line) < distance(a.line))) out.set(a.line, [...(out.get(a.line) ?? []), a.bbox])
  }
  return out
}

interface Placed {
  top: number
  bottom: number
  left: number
  make: (id: number) => Block
}

/** Top to bottom; blocks side by side on the same band (a label and its value) left to right. */
function orderBlocks(items: Placed[]): Block[] {
  const sorted = [...items].sort((a, b) => a.top - b.top || a.left - b.left)
  const bands: Placed[][] = []
  for (const item of sorted) {
    const band = bands.at(-1)
    const first = band?.[0]
    if (band && first) {
      const overlap = Math.min(first.bottom, item.bottom) - Math.max(first.top, item.top)
      const minHeight = Math.min(first.bottom - first.top, item.bottom - item.top)
      if (overlap > 0.5 * minHeight) {
        band.push(item)
        continue
      }
    }
    bands.push([item])
  }
  return bands.flatMap((band) => band.sort((a, b) => a.left - b.left)).map((item, i) => item.make(i))
}
