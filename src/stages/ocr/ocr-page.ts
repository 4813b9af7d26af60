/**
 * One page image -> one page of the document model: clean the image, find ruled tables and OCR
 * each cell on its own, OCR the rest of the page as lines, and re-read numbers with the digit
 * reader where tesseract is known to be weak (Thai digits).
 */
import type { Block, BBox, Origin, Page, Table, TableCell, TableRow, TextLine } from '../../model/document.js'
import type { OcrLine, OcrSession, RecognizedText } from './engine.js'
import { clampBox, cropWithMargin, darkPixels, decodeToGrey, encodePgm, inkBox, whiten, whitenBackground, type GreyImage, type PixelBox } from './image.js'
import type { NumberPattern, NumberReading, ReadNumber } from './number-reader.js'
import { binarise, estimateSkew, removeBorders, rotate, unrotatePoint } from './preprocess.js'
import { buildTableGrids, findRulings, type GridCell, type TableGrid } from './table-grid.js'
import { markCandidateFor, splitTextLines, type TextLineBox } from './text-lines.js'
import type { PageImage } from './types.js'

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
  /** Re-read numbers with the digit reader; undefined when it is not available. */
  readonly readNumber?: ReadNumber
}

/** What was done to the page image, for artifacts and the benchmark. */
export interface PageOcrDiagnostics {
  readonly skewDegrees: number
  readonly bordersRemoved: boolean
  readonly tables: { rows: number; cols: number; cells: number; spanning: number }[]
  readonly cellsRecognised: number
  readonly numbersReread: number
  /** Milliseconds: image clean-up, then table cells, then the rest of the page (overlapping). */
  readonly timings: { preprocess: number; tables: number; text: number; total: number }
}

const TESSERACT = 'tesseract'
const DIGIT_READER = 'digit-reader'

export async function ocrPage(input: PageImage, session: OcrSession, options: PageOcrOptions = {}): Promise<{ page: Page; diagnostics: PageOcrDiagnostics }> {
  const pre = options.preprocess ?? {}
  const dpi = input.dpi
  const started = performance.now()
  const since = (t: number) => Math.round(performance.now() - t)
  let grey = await decodeToGrey(input.image, `page ${input.page}`)
  let bordersRemoved = false
  if (pre.removeBorders !== false) {
    const cleaned = removeBorders(grey)
    grey = cleaned.image
    bordersRemoved = Object.values(cleaned.removed).some((n) => n > 0)
  }
  let binary = binarise(grey)
  let skew = 0
  if (pre.deskew !== false) {
    skew = estimateSkew(binary)
    if (Math.abs(skew) >= 0.1) {
      grey = rotate(grey, -skew)
      binary = binarise(grey)
    } else skew = 0
  }
  const ocrImage = pre.binarise ? binary : grey
  const geometry = pageGeometry(input, grey, -skew)

  const grids = options.tables === false ? [] : buildTableGrids(findRulings(binary, { dpi }), { dpi })
  const counters = { cells: 0, numbers: 0 }

  const preprocessMs = since(started)
  const tablesStarted = performance.now()
  let tablesMs = 0
  const tablesPromise = Promise.all(grids.map((grid) => readTable(grid, { grey, binary, ocrImage, dpi, session, options, geometry, counters }))).finally(() => {
    tablesMs = since(tablesStarted)
  })

  // The rest of the page: tables whitened, then read line by line like the cells.
  const rest: GreyImage = { ...ocrImage, data: new Uint8Array(ocrImage.data) }
  const restBinary: GreyImage = { ...binary, data: new Uint8Array(binary.data) }
  for (const grid of grids) {
    whiten(rest, expand(grid.box, grid.lineThickness + 2))
    whiten(restBinary, expand(grid.box, grid.lineThickness + 2))
  }
  const linesPromise = recognizeLines(session, rest, restBinary, { x0: 0, y0: 0, x1: rest.width, y1: rest.height }, dpi)
  const textStarted = performance.now()
  const [tables, lines] = await Promise.all([
    tablesPromise,
    linesPromise.then((restText) => (restText ? readLines(restText, { grey, binary, dpi, options, geometry, counters }) : [])),
  ])
  const textMs = since(textStarted)

  const blocks = orderBlocks([
    ...lines.map((l) => ({ top: l.box.y0, bottom: l.box.y1, left: l.box.x0, make: (id: number): Block => ({ ...l.line, id: `${input.page}:line:${id}` }) })),
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
      timings: { preprocess: preprocessMs, tables: tablesMs, text: textMs, total: since(started) },
    },
  }
}

interface Geometry {
  readonly page: number
  toPoints(box: PixelBox): BBox
}

/** Pixel boxes of the deskewed image -> PDF points of the original page. */
function pageGeometry(input: PageImage, image: GreyImage, appliedRotation: number): Geometry {
  const sx = input.width / image.width
  const sy = input.height / image.height
  const r2 = (n: number) => Math.round(n * 100) / 100
  return {
    page: input.page,
    toPoints(box) {
      const corners = [
        unrotatePoint(box.x0, box.y0, appliedRotation, image.width, image.height),
        unrotatePoint(box.x1, box.y0, appliedRotation, image.width, image.height),
        unrotatePoint(box.x0, box.y1, appliedRotation, image.width, image.height),
        unrotatePoint(box.x1, box.y1, appliedRotation, image.width, image.height),
      ]
      const xs = corners.map((c) => c[0])
      const ys = corners.map((c) => c[1])
      return { x0: r2(Math.min(...xs) * sx), y0: r2(Math.min(...ys) * sy), x1: r2(Math.max(...xs) * sx), y1: r2(Math.max(...ys) * sy) }
    },
  }
}

/**
 * Reads the text in `region` one line at a time: the lines come from the ink's projection profile,
 * and tesseract reads each in its single-line mode (its block and page modes split Thai upper
 * marks into lines of their own and lose them). A band much taller than the others (a picture,
 * a stamp, lines that touch) is left to tesseract's block mode. Boxes come back in page pixels.
 */
export async function recognizeLines(session: OcrSession, image: GreyImage, binary: GreyImage, region: PixelBox, dpi: number): Promise<RecognizedText> {
  const margin = Math.max(8, Math.round(dpi / 30))
  // Slivers (a ruling's end, a speck) are not text, and tesseract refuses images under 3 px.
  const minSize = Math.max(4, Math.round(dpi / 60))
  const boxes = splitTextLines(binary, region).filter((b) => b.x1 - b.x0 >= minSize && b.y1 - b.y0 >= minSize)
  // Typical line height, from the bands that are not marks.
  const tallest = Math.max(0, ...boxes.map((b) => b.y1 - b.y0))
  const heights = boxes.map((b) => b.y1 - b.y0).filter((h) => h >= 0.6 * tallest).sort((a, b) => a - b)
  const typical = heights[Math.floor(heights.length / 2)] ?? 0
  const read = async (box: TextLineBox, single = false): Promise<OcrLine[]> => {
    const source = clampBox(expand(box, 2), image.width, image.height)
    const piece = cropWithMargin(image, source, 0)
    if (box.foreign) whitenForeign(piece, source, box.foreign)
    const crop = cropWithMargin(whitenBackground(piece), { x0: 0, y0: 0, x1: source.x1 - source.x0, y1: source.y1 - source.y0 }, margin)
    const tall = !single && box.y1 - box.y0 > 2.5 * typical && boxes.length > 1
    const result = await session.recognize(encodePgm(crop), { segmentation: tall ? 'block' : 'line', dpi })
    return result.lines.map((line) => translateLine(line, source.x0 - margin, source.y0 - margin))
  }
  const readings = await Promise.all(boxes.map((box) => read(box)))
  // A low band next to a line may be that line's marks (stacked marks in bold faces are nearly as
  // tall as the letters). Unless tesseract read it as confident Thai text, read the band together
  // with its line, and keep that if the band is low or light (marks) or tesseract is about as
  // confident of the merged reading.
  for (let i = 0; i < boxes.length; i++) {
    const j = markCandidateFor(boxes, i)
    if (j < 0 || clearlyText(readings[i]!)) continue
    const merged = union(boxes[i]!, boxes[j]!)
    const lines = await read(merged, true)
    const a = boxes[i]!, b = boxes[j]!
    const low = a.y1 - a.y0 < 0.6 * (b.y1 - b.y0)
    // Marks are sparse: far less ink per row than the letters under them.
    const light = darkPixels(binary, a) / (a.y1 - a.y0) < 0.4 * (darkPixels(binary, b) / (b.y1 - b.y0))
    if (!low && !light && meanConfidence(lines) < meanConfidence([...readings[i]!, ...readings[j]!]) - 0.1) continue
    const keep = Math.min(i, j)
    boxes.splice(keep, 2, merged)
    readings.splice(keep, 2, lines)
    i = keep - 1
  }
  const lines = readings.flat()
  const confidences = lines.flatMap((l) => l.words.map((w) => w.confidence))
  return { text: lines.map((l) => l.text).join('\n'), lines, confidence: confidences.length ? Math.min(...confidences) : 0 }
}

/** Several Thai consonants, read with high confidence: a line, not marks (marks come out as digits, Latin, a stray consonant). */
function clearlyText(lines: readonly OcrLine[]): boolean {
  const text = lines.map((l) => l.text).join('')
  const consonants = text.match(/[\u0E01-\u0E2E]/g)?.length ?? 0
  return consonants >= 4 && meanConfidence(lines) >= 0.85
}

function meanConfidence(lines: readonly OcrLine[]): number {
  const words = lines.flatMap((l) => l.words)
  return words.length ? words.reduce((a, w) => a + w.confidence, 0) / words.length : 0
}

/** Whitens, in a crop taken at `origin`, the ink that belongs to neighbouring lines. */
function whitenForeign(crop: GreyImage, origin: PixelBox, foreign: NonNullable<TextLineBox['foreign']>): void {
  for (let y = 0; y < foreign.height; y++) {
    const cy = foreign.y0 + y - origin.y0
    if (cy < 0 || cy >= crop.height) continue
    for (let x = 0; x < foreign.width; x++) {
      if (foreign.data[y * foreign.width + x] !== 1) continue
      const cx = foreign.x0 + x - origin.x0
      if (cx >= 0 && cx < crop.width) crop.data[cy * crop.width + cx] = 255
    }
  }
}

function translateLine(line: OcrLine, dx: number, dy: number): OcrLine {
  const move = (b: PixelBox): PixelBox => ({ x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy })
  return { text: line.text, bbox: move(line.bbox), words: line.words.map((w) => ({ ...w, bbox: move(w.bbox) })) }
}

interface TableContext {
  readonly grey: GreyImage
  readonly binary: GreyImage
  readonly ocrImage: GreyImage
  readonly dpi: number
  readonly session: OcrSession
  readonly options: PageOcrOptions
  readonly geometry: Geometry
  readonly counters: { cells: number; numbers: number }
}

interface CellReading {
  readonly cell: GridCell
  readonly ink: PixelBox | undefined
  readonly ocr: RecognizedText | undefined
}

async function readTable(grid: TableGrid, ctx: TableContext): Promise<Omit<Table, 'id'>> {
  const inset = Math.ceil(grid.lineThickness / 2) + Math.max(2, Math.round(ctx.dpi / 100))
  const margin = Math.max(8, Math.round(ctx.dpi / 30))
  const readings: CellReading[] = await Promise.all(
    grid.cells.map(async (cell) => {
      const inner = shrink(cell.box, inset)
      const ink = inkBox(ctx.binary, inner)
      // A few specks are scan noise, not text.
      if (!ink || (ink.x1 - ink.x0) * (ink.y1 - ink.y0) < (ctx.dpi / 40) ** 2) return { cell, ink: undefined, ocr: undefined }
      ctx.counters.cells += 1
      const ocr = await recognizeLines(ctx.session, ctx.ocrImage, ctx.binary, inner, ctx.dpi)
      return { cell, ink, ocr }
    }),
  )
  const numericCols = numericColumns(readings)
  const cells = await Promise.all(readings.map((r) => toTableCell(r, numericCols, ctx)))
  const rows: TableRow[] = []
  const rowCount = grid.rowLines.length - 1
  for (let row = 0; row < rowCount; row++) {
    const rowBox = { x0: grid.box.x0, y0: grid.rowLines[row]!, x1: grid.box.x1, y1: grid.rowLines[row + 1]! }
    const rowCells = cells.filter((_, i) => readings[i]!.cell.row === row).sort((a, b) => a.col - b.col)
    const confidences = rowCells.map((c) => c.origin.confidence).filter((c): c is number => c !== undefined)
    rows.push({
      cells: rowCells,
      origin: { page: ctx.geometry.page, bbox: ctx.geometry.toPoints(rowBox), source: 'ocr', reader: TESSERACT, ...(confidences.length ? { confidence: Math.min(...confidences) } : {}) },
    })
  }
  const tableConfidences = rows.map((r) => r.origin.confidence).filter((c): c is number => c !== undefined)
  return {
    kind: 'table',
    rows,
    origin: { page: ctx.geometry.page, bbox: ctx.geometry.toPoints(grid.box), source: 'ocr', reader: TESSERACT, ...(tableConfidences.length ? { confidence: Math.min(...tableConfidences) } : {}) },
  }
}

const DIGIT = /[0-9\u0E50-\u0E59]/g

/** Short text made mostly of digits: a score, a count, a year. */
export function looksNumeric(text: string): boolean {
  const t = text.replace(/\s/g, '')
  if (t === '' || t.length > 10) return false
  const digits = t.match(DIGIT)?.length ?? 0
  return digits >= 1 && digits / t.length >= 0.5
}

/** Columns where most filled cells (below the header row) look numeric: every short cell there is a number. */
function numericColumns(readings: readonly CellReading[]): Set<number> {
  const byCol = new Map<number, { numeric: number; filled: number }>()
  for (const r of readings) {
    if (!r.ocr || r.cell.row === 0 || r.cell.colSpan > 1) continue
    const s = byCol.get(r.cell.col) ?? { numeric: 0, filled: 0 }
    s.filled += 1
    if (looksNumeric(r.ocr.text)) s.numeric += 1
    byCol.set(r.cell.col, s)
  }
  return new Set([...byCol].filter(([, s]) => s.filled > 0 && s.numeric / s.filled >= 0.5).map(([col]) => col))
}

async function toTableCell(r: CellReading, numericCols: Set<number>, ctx: TableContext): Promise<TableCell> {
  const { cell } = r
  const base = { col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan }
  const bbox = ctx.geometry.toPoints(cell.box)
  if (!r.ocr || !r.ink) return { ...base, text: '', raw: '', origin: { page: ctx.geometry.page, bbox, source: 'ocr' } }
  const tesseractText = r.ocr.lines.map((l) => l.text).join(' ')
  const tesseractOrigin: Origin = { page: ctx.geometry.page, bbox, source: 'ocr', confidence: r.ocr.confidence, reader: TESSERACT }
  const numeric = looksNumeric(tesseractText) || (numericCols.has(cell.col) && cell.row > 0 && tesseractText.replace(/\s/g, '').length <= 12)
  if (!ctx.options.readNumber) return { ...base, text: tesseractText, raw: tesseractText, origin: tesseractOrigin }
  if (!numeric) {
    // Numbers inside text cells (indicator numbers, years) get the same second reading as in lines.
    const reread = await Promise.all(r.ocr.lines.map((line) => rereadNumbers(line, ctx)))
    const readings = reread.flatMap((x) => x.readings)
    if (readings.length === 0) return { ...base, text: tesseractText, raw: tesseractText, origin: tesseractOrigin }
    const text = reread.map((x) => x.text).join(' ')
    const used = readings.some((x) => x.reader === DIGIT_READER && x.used)
    return {
      ...base,
      text,
      raw: text,
      origin: { ...tesseractOrigin, ...(used ? { reader: `${TESSERACT}+${DIGIT_READER}` } : {}), ...(reread.some((x) => x.uncertain) ? { uncertain: true } : {}), readings },
    }
  }
  const pattern: NumberPattern = /[.,]/.test(tesseractText) || numericCols.has(cell.col) ? 'score' : 'any'
  // The digit reader wants the number alone: tesseract's line boxes, not the whole cell, whose
  // corners may hold ends of rulings or specks.
  const textBox = r.ocr.lines.length ? r.ocr.lines.map((l) => l.bbox).reduce(union) : r.ink
  const reading = await readNumberAt(ctx.grey, growToInk(ctx.binary, intersect(textBox, r.ink)), pattern, ctx)
  const readings = [
    { reader: TESSERACT, raw: tesseractText, confidence: r.ocr.confidence, used: reading.value === null },
    { reader: DIGIT_READER, raw: reading.text, confidence: clamp01(reading.confidence), used: reading.value !== null },
  ]
  if (reading.value === null) {
    return { ...base, text: tesseractText, raw: tesseractText, origin: { ...tesseractOrigin, uncertain: true, readings } }
  }
  return {
    ...base,
    text: reading.text,
    raw: reading.text,
    origin: { page: ctx.geometry.page, bbox, source: 'ocr', confidence: clamp01(reading.confidence), reader: DIGIT_READER, ...(reading.uncertain ? { uncertain: true } : {}), readings },
  }
}

async function readNumberAt(grey: GreyImage, box: PixelBox, pattern: NumberPattern, ctx: { counters: { numbers: number }; options: PageOcrOptions }): Promise<NumberReading> {
  ctx.counters.numbers += 1
  return ctx.options.readNumber!(cropWithMargin(grey, expand(box, 2), 4), pattern)
}

interface LineContext {
  readonly grey: GreyImage
  readonly binary: GreyImage
  readonly dpi: number
  readonly options: PageOcrOptions
  readonly geometry: Geometry
  readonly counters: { cells: number; numbers: number }
}

/**
 * A number in running text: digits (Thai or Arabic) with an optional decimal part, allowing one
 * or two misread characters between digit groups (tesseract reads ๙๗.๕๖ as `93ฒ.๕๒๐`), so that
 * the digit reader sees the whole number at once.
 */
const NUMBER_IN_TEXT = /[0-9\u0E50-\u0E59]+(?:[^\s0-9\u0E50-\u0E59]{0,2}[0-9\u0E50-\u0E59]+)*/g

async function readLines(text: RecognizedText, ctx: LineContext): Promise<{ line: Omit<TextLine, 'id'>; box: PixelBox }[]> {
  const out: { line: Omit<TextLine, 'id'>; box: PixelBox }[] = []
  for (const line of text.lines) {
    const box = line.bbox
    const confidence = Math.min(...line.words.map((w) => w.confidence))
    const origin: Origin = { page: ctx.geometry.page, bbox: ctx.geometry.toPoints(box), source: 'ocr', confidence, reader: TESSERACT }
    const reread = ctx.options.readNumber ? await rereadNumbers(line, ctx) : undefined
    if (!reread || reread.readings.length === 0) {
      out.push({ line: { kind: 'line', text: line.text, raw: line.text, origin }, box })
      continue
    }
    const used = reread.readings.some((r) => r.reader === DIGIT_READER && r.used)
    out.push({
      line: {
        kind: 'line',
        text: reread.text,
        raw: reread.text,
        origin: { ...origin, ...(used ? { reader: `${TESSERACT}+${DIGIT_READER}` } : {}), ...(reread.uncertain ? { uncertain: true } : {}), readings: reread.readings },
      },
      box,
    })
  }
  return out
}

type Reading = NonNullable<Origin['readings']>[number]

/**
 * Finds the numbers tesseract saw in a line, re-reads each from the pixels under its word boxes
 * with the digit reader, and puts confident readings into the text. Both readings are kept.
 */
/** One or two characters standing alone that are neither digits nor Latin letters. */
const LONE_GLYPH = /(?<=^|\s)[^\s0-9A-Za-z\u0E50-\u0E59]{1,2}(?=\s|$)/g

async function rereadNumbers(line: OcrLine, ctx: Pick<LineContext, 'grey' | 'binary' | 'geometry' | 'options' | 'counters'>): Promise<{ text: string; readings: Reading[]; uncertain: boolean }> {
  const edits: { start: number; end: number; text: string; readings: Reading[] }[] = []
  let uncertain = false
  for (const m of line.text.matchAll(NUMBER_IN_TEXT)) {
    const start = m.index, end = start + m[0].length
    // List enumerators (๑. ๒. in step lists) carry no value worth a second reading.
    if (/^[0-9\u0E50-\u0E59]$/.test(m[0]) && line.text[end] === '.' && !/[0-9\u0E50-\u0E59]/.test(line.text[end + 1] ?? '')) continue
    const words = line.words.filter((w) => w.end > start && w.start < end)
    if (words.length === 0) continue
    const wordBox = words.reduce<PixelBox>((b, w) => union(b, w.bbox), words[0]!.bbox)
    const box = growToInk(ctx.binary, wordBox)
    const pattern: NumberPattern = /[.,]/.test(m[0]) ? 'score' : /^[0-9\u0E50-\u0E59]+$/.test(m[0]) ? 'integer' : 'any'
    const reading = await readNumberAt(ctx.grey, box, pattern, ctx)
    // tesseract's Thai digits are wrong more often than not: any reading the digit reader can
    // parse is better; its doubt travels as `uncertain`.
    const use = reading.value !== null
    const bbox = ctx.geometry.toPoints(box)
    const tesseractConfidence = Math.min(...words.map((w) => w.confidence))
    edits.push({
      start,
      end,
      text: use ? reading.text : m[0],
      readings: [
        { reader: TESSERACT, raw: m[0], confidence: tesseractConfidence, bbox, used: !use },
        { reader: DIGIT_READER, raw: reading.text, confidence: clamp01(reading.confidence), bbox, used: use },
      ],
    })
    if (!use || reading.uncertain) uncertain = true
  }
  // A lone symbol or letter where a digit would stand (ตัวชี้วัดที่ « for ๙, < for ๔, ซ for ๗):
  // the digit reader decides, and only a confident digit replaces it.
  for (const m of line.text.matchAll(LONE_GLYPH)) {
    const start = m.index, end = start + m[0].length
    const words = line.words.filter((w) => w.end > start && w.start < end)
    if (words.length === 0) continue
    const box = growToInk(ctx.binary, words.reduce<PixelBox>((b, w) => union(b, w.bbox), words[0]!.bbox))
    const reading = await readNumberAt(ctx.grey, box, 'integer', ctx)
    if (reading.value === null || reading.uncertain) continue
    const bbox = ctx.geometry.toPoints(box)
    edits.push({
      start,
      end,
      text: reading.text,
      readings: [
        { reader: TESSERACT, raw: m[0], confidence: Math.min(...words.map((w) => w.confidence)), bbox, used: false },
        { reader: DIGIT_READER, raw: reading.text, confidence: clamp01(reading.confidence), bbox, used: true },
      ],
    })
  }
  edits.push(...(await recoverDroppedNumbers(line, ctx)))
  // Right to left, so earlier offsets stay valid.
  let text = line.text
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    let insert = e.text
    if (e.start === e.end) {
      // An insertion: keep it a word of its own.
      if (e.start > 0 && text[e.start - 1] !== ' ') insert = ` ${insert}`
      if (e.start < text.length && text[e.start] !== ' ') insert = `${insert} `
    }
    text = text.slice(0, e.start) + insert + text.slice(e.end)
  }
  return { text, readings: edits.sort((a, b) => a.start - b.start).flatMap((e) => e.readings), uncertain }
}

/**
 * tesseract sometimes drops a Thai digit altogether (ตัวชี้วัดที่ ๗ -> ตัวชี้วัดที่ ): ink on the
 * line that no word box covers. Each such run of ink, if about a digit or a few wide, goes to the
 * digit reader; a confident reading is inserted where it stands, and both readings are kept
 * (tesseract's as empty).
 */
async function recoverDroppedNumbers(
  line: OcrLine,
  ctx: Pick<LineContext, 'grey' | 'binary' | 'geometry' | 'options' | 'counters'>,
): Promise<{ start: number; end: number; text: string; readings: Reading[] }[]> {
  const { binary } = ctx
  const h = line.bbox.y1 - line.bbox.y0
  if (h <= 0 || line.words.length === 0) return []
  const covered = (x: number) => line.words.some((w) => x >= w.bbox.x0 - 2 && x < w.bbox.x1 + 2)
  const inkAt = (x: number) => {
    for (let y = Math.max(0, line.bbox.y0); y < Math.min(binary.height, line.bbox.y1); y++) if (binary.data[y * binary.width + x] === 0) return true
    return false
  }
  const maxGap = Math.max(2, Math.round(0.15 * h))
  const runs: { x0: number; x1: number }[] = []
  let run: { x0: number; x1: number } | undefined
  let gap = 0
  for (let x = Math.max(0, line.bbox.x0); x < Math.min(binary.width, line.bbox.x1); x++) {
    if (!covered(x) && inkAt(x)) {
      if (run && gap <= maxGap) run.x1 = x + 1
      else runs.push((run = { x0: x, x1: x + 1 }))
      gap = 0
    } else gap++
  }
  const out: { start: number; end: number; text: string; readings: Reading[] }[] = []
  for (const r of runs) {
    const width = r.x1 - r.x0
    if (width < 0.2 * h || width > 3 * h) continue
    const found = inkBox(binary, { x0: r.x0, y0: line.bbox.y0, x1: r.x1, y1: line.bbox.y1 })
    if (!found) continue
    // Only a glyph standing on its own: ink running into a word tesseract did read is part of
    // that word (its box was just narrow), and a part of a glyph can look like another digit.
    const ink = growToInk(binary, found)
    if (line.words.some((w) => Math.min(w.bbox.x1, ink.x1) - Math.max(w.bbox.x0, ink.x0) > 0)) continue
    const reading = await readNumberAt(ctx.grey, ink, 'integer', ctx)
    if (reading.value === null || reading.uncertain) continue
    const before = line.words.filter((w) => w.bbox.x1 <= r.x0)
    const at = before.length ? Math.max(...before.map((w) => w.end)) : 0
    const bbox = ctx.geometry.toPoints(ink)
    out.push({
      start: at,
      end: at,
      text: reading.text,
      readings: [
        { reader: TESSERACT, raw: '', bbox, used: false },
        { reader: DIGIT_READER, raw: reading.text, confidence: clamp01(reading.confidence), bbox, used: true },
      ],
    })
  }
  return out
}

/**
 * Widens a number's box to the ink next to it on the same text line: tesseract sometimes drops a
 * digit (๙๓.๕๕ -> ๓.๕๕), and then its word box misses that digit too. Stops at a gap about a
 * space wide.
 */
export function growToInk(binary: GreyImage, box: PixelBox): PixelBox {
  const height = Math.max(1, box.y1 - box.y0)
  // Digits are close together; words are not. Grow by at most about one digit on each side.
  const maxGap = Math.max(2, Math.round(height * 0.15))
  const maxGrow = Math.round(height * 0.8)
  const columnHasInk = (x: number) => {
    for (let y = Math.max(0, box.y0); y < Math.min(binary.height, box.y1); y++) if (binary.data[y * binary.width + x] === 0) return true
    return false
  }
  let x0 = box.x0
  for (let gap = 0, x = box.x0 - 1; x >= 0 && gap <= maxGap && box.x0 - x <= maxGrow; x--) {
    if (columnHasInk(x)) {
      x0 = x
      gap = 0
    } else gap++
  }
  let x1 = box.x1
  for (let gap = 0, x = box.x1; x < binary.width && gap <= maxGap && x - box.x1 < maxGrow; x++) {
    if (columnHasInk(x)) {
      x1 = x + 1
      gap = 0
    } else gap++
  }
  return { x0, y0: box.y0, x1, y1: box.y1 }
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

function expand(b: PixelBox, by: number): PixelBox {
  return { x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by }
}

function shrink(b: PixelBox, by: number): PixelBox {
  return { x0: b.x0 + by, y0: b.y0 + by, x1: Math.max(b.x0 + by, b.x1 - by), y1: Math.max(b.y0 + by, b.y1 - by) }
}

function intersect(a: PixelBox, b: PixelBox): PixelBox {
  const x0 = Math.max(a.x0, b.x0), y0 = Math.max(a.y0, b.y0)
  return { x0, y0, x1: Math.max(x0, Math.min(a.x1, b.x1)), y1: Math.max(y0, Math.min(a.y1, b.y1)) }
}

function union(a: PixelBox, b: PixelBox): PixelBox {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0
}
