/** A ruled table's grid -> a table of the document model, each cell OCR'd on its own. */
import type { Origin, Reading, Table, TableCell, TableRow } from '../../model/document.js'
import { THAI_MONTHS } from '../../model/thai-months.js'
import type { OcrSession, RecognisedText } from './engine.js'
import { clamp01, inkBox, intersect, shrink, union, type GreyImage, type PixelBox } from './image.js'
import type { NumberPattern, NumberReading, ReadNumber } from './number-reader.js'
import { withItemCodes } from './item-codes.js'
import { numberInkBox } from './number-box.js'
import type { Geometry } from './page-geometry.js'
import { rereadPeriodMonths, withPeriodWords } from './period-words.js'
import { recogniseLines } from './read-lines.js'
import { DIGIT_READER, growToInk, readAgreeingArabic, readNumberAt, rereadNumbers, TESSERACT } from './reread-numbers.js'
import type { GridCell, TableGrid } from './table-grid.js'
import { splitTextLines } from './text-lines.js'

export interface TableContext {
  readonly grey: GreyImage
  readonly binary: GreyImage
  readonly ocrImage: GreyImage
  readonly dpi: number
  readonly session: OcrSession
  /** The digit reader, when there is one. */
  readonly readNumber: ReadNumber | undefined
  readonly geometry: Geometry
  readonly counters: { cells: number; numbers: number }
}

interface CellReading {
  readonly cell: GridCell
  /** The cell inside its rulings. */
  readonly inner: PixelBox
  readonly ink: PixelBox | undefined
  readonly ocr: RecognisedText | undefined
  /** A score the digit reader read cleanly before tesseract was asked (then `ocr` is absent). */
  readonly score?: { reading: NumberReading; box: PixelBox }
  /** Month abbreviations read again alone, tesseract's letters beside them (`rereadPeriodMonths`). */
  readonly months?: readonly Reading[]
}

export async function readTable(grid: TableGrid, ctx: TableContext): Promise<Omit<Table, 'id'>> {
  const inset = Math.ceil(grid.lineThickness / 2) + Math.max(2, Math.round(ctx.dpi / 100))
  const readings: CellReading[] = await Promise.all(
    grid.cells.map(async (cell) => {
      const inner = shrink(cell.box, inset)
      const ink = inkBox(ctx.binary, inner)
      // A few specks are scan noise, not text.
      if (!ink || (ink.x1 - ink.x0) * (ink.y1 - ink.y0) < (ctx.dpi / 40) ** 2) return { cell, inner, ink: undefined, ocr: undefined }
      ctx.counters.cells += 1
      const score = await readScoreFirst(ink, inner, ctx)
      if (score) return { cell, inner, ink, ocr: undefined, score }
      const { ocr, readings } = await withPeriodMonths(await recogniseLines(ctx.session, ctx.ocrImage, ctx.binary, inner, ctx.dpi), ctx)
      return { cell, inner, ink, ocr, ...(readings.length > 0 && { months: readings }) }
    }),
  )
  const numericCols = numericColumns(readings)
  const read = await Promise.all(readings.map(async (r) => withPeriodWords(withUnread(withMonths(await toTableCell(r, numericCols, ctx), r), r, ctx))))
  const cells = withItemCodes(read.map((cell, i) => ({ row: readings[i]!.cell.row, cell })))
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

/** The cell's text read with month abbreviations that tesseract took for Latin letters read again. */
async function withPeriodMonths(text: RecognisedText, ctx: TableContext): Promise<{ ocr: RecognisedText; readings: Reading[] }> {
  const months = await Promise.all(
    text.lines.map((line, i) => rereadPeriodMonths(line, { session: ctx.session, image: ctx.ocrImage, dpi: ctx.dpi, geometry: ctx.geometry }, text.lines[i - 1]?.text)),
  )
  const readings = months.flatMap((m) => m.readings)
  if (readings.length === 0) return { ocr: text, readings }
  const lines = months.map((m) => m.line)
  return { ocr: { ...text, lines, text: lines.map((l) => l.text).join('\n') }, readings }
}

function withMonths(cell: TableCell, r: CellReading): TableCell {
  return r.months ? { ...cell, origin: { ...cell.origin, readings: [...(cell.origin.readings ?? []), ...r.months] } } : cell
}

/**
 * Ink in the cell that tesseract read nothing from (a line lost) makes the cell uncertain, with an
 * empty reading boxed where the ink is: the cell says what it could not read.
 */
function withUnread(cell: TableCell, r: CellReading, ctx: TableContext): TableCell {
  const unread = r.ocr?.unread ?? []
  if (unread.length === 0) return cell
  const lost = unread.map((b) => ({ reader: TESSERACT, raw: '', bbox: ctx.geometry.toPoints(b), used: false, uncertain: true }))
  return { ...cell, origin: { ...cell.origin, uncertain: true, readings: [...(cell.origin.readings ?? []), ...lost] } }
}

const DIGIT = /[0-9\u0E50-\u0E59]/g

/**
 * A Thai month's name or abbreviation (ก.ย., or กย. / ก.ย with a point lost): the text is a date,
 * never one number, though digits may be half of it ("30 ก.ย. 69").
 */
const MONTH_WORD = new RegExp(
  THAI_MONTHS.flatMap(([, full, short]) => {
    const [first, second] = short.split('.') as [string, string]
    return [full, `${first}\\.${second}`, `${first}${second}\\.`]
  }).join('|'),
)

/** Text that names a month: a date (a period's start or end), not a number. */
export function holdsMonth(text: string): boolean {
  return MONTH_WORD.test(text)
}

/** Short text made mostly of digits: a score, a count, a year; never a date with its month. */
export function looksNumeric(text: string): boolean {
  const t = text.replace(/\s/g, '')
  if (t === '' || t.length > 10 || holdsMonth(t)) return false
  const digits = t.match(DIGIT)?.length ?? 0
  return digits >= 1 && digits / t.length >= 0.5
}

/**
 * A cell whose ink is one short line may be a score (๙๓.๕๕, 100.00): the digit reader tries it
 * first, and a clean reading in the score's exact form spares tesseract the cell (about one call
 * in eight on a report's pages). Anything else, including any doubt, goes to tesseract as usual.
 */
async function readScoreFirst(ink: PixelBox, inner: PixelBox, ctx: TableContext): Promise<CellReading['score']> {
  if (!ctx.readNumber) return undefined
  const height = ink.y1 - ink.y0
  const width = ink.x1 - ink.x0
  if (height > SCORE_MAX_HEIGHT_INCHES * ctx.dpi || width > 7 * height || width < 1.5 * height) return undefined
  if (splitTextLines(ctx.binary, inner).length !== 1) return undefined
  const reading = await readNumberAt(ctx.grey, ink, 'score', { ...ctx, readNumber: ctx.readNumber })
  return reading.value !== null && !reading.uncertain ? { reading, box: ink } : undefined
}

/** Tallest ink of a one-line score cell, inches: digits up to about 24 pt. */
const SCORE_MAX_HEIGHT_INCHES = 0.3

/**
 * How a column's numbers are printed: scores (with a point, 93.55) or whole numbers (a ลำดับ
 * column: 1, 2 ... 10, no leading zero), by what the column's cells read as.
 */
type NumberColumn = 'score' | 'whole'

/** A whole number as an ordinal column prints it: 1-3 digits, no leading zero. */
const WHOLE = /^[1-9\u0E51-\u0E59][0-9\u0E50-\u0E59]{0,2}$/

/** Columns where most filled cells (below the header row) look numeric: every short cell there is a number. */
function numericColumns(readings: readonly CellReading[]): Map<number, NumberColumn> {
  const byCol = new Map<number, { numeric: number; filled: number; whole: number }>()
  for (const r of readings) {
    if ((!r.ocr && !r.score) || r.cell.row === 0 || r.cell.colSpan > 1) continue
    const s = byCol.get(r.cell.col) ?? { numeric: 0, filled: 0, whole: 0 }
    s.filled += 1
    if (r.score || looksNumeric(r.ocr!.text)) s.numeric += 1
    if (r.ocr && WHOLE.test(r.ocr.text.replace(/\s/g, ''))) s.whole += 1
    byCol.set(r.cell.col, s)
  }
  return new Map(
    [...byCol].filter(([, s]) => s.filled > 0 && s.numeric / s.filled >= 0.5).map(([col, s]) => [col, s.whole === s.numeric ? 'whole' : 'score'] as const),
  )
}

async function toTableCell(r: CellReading, numericCols: Map<number, NumberColumn>, ctx: TableContext): Promise<TableCell> {
  const { cell } = r
  const base = { col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan }
  const bbox = ctx.geometry.toPoints(cell.box)
  if (r.score) {
    const { reading } = r.score
    const readings = [{ reader: DIGIT_READER, raw: reading.text, confidence: clamp01(reading.confidence), bbox: ctx.geometry.toPoints(r.score.box), used: true }]
    return { ...base, text: reading.text, raw: reading.text, origin: { page: ctx.geometry.page, bbox, source: 'ocr', confidence: clamp01(reading.confidence), reader: DIGIT_READER, readings } }
  }
  if (!r.ocr || !r.ink) return { ...base, text: '', raw: '', origin: { page: ctx.geometry.page, bbox, source: 'ocr' } }
  const read = { ...r, ocr: r.ocr, ink: r.ink }
  const tesseractText = r.ocr.lines.map((l) => l.text).join(' ')
  const tesseractOrigin: Origin = { page: ctx.geometry.page, bbox, source: 'ocr', confidence: r.ocr.confidence, reader: TESSERACT }
  // A date in a column of numbers (its cells "30 ก.ย. 69", more digits than letters) is text with
  // numbers in it: read whole as one number it is unreadable, and its period with it.
  const dated = holdsMonth(tesseractText)
  const numeric = !dated && (looksNumeric(tesseractText) || (numericCols.has(cell.col) && cell.row > 0 && tesseractText.replace(/\s/g, '').length <= 12))
  const { readNumber } = ctx
  if (!readNumber) return { ...base, text: tesseractText, raw: tesseractText, origin: tesseractOrigin }
  const numbers = { ...ctx, readNumber }
  // A short one-line cell with a few digits in it may be a number tesseract mangled (๙๓.๓๓ read
  // as ๕่ด.ดด๑๓): the digit reader tries it whole, and only a clean reading makes it a number.
  const maybeNumber = !numeric && !dated && r.ocr.lines.length === 1 && mayBeMangledNumber(tesseractText)
  if (maybeNumber) {
    const numberCell = await readNumberCell(read, tesseractText, tesseractOrigin, /[.,]/.test(tesseractText) ? 'score' : 'any', numbers)
    if (!numberCell.origin.uncertain) return { ...base, ...numberCell }
  }
  if (!numeric) {
    // Numbers inside text cells (indicator numbers, years) get the same second reading as in lines.
    const reread = await Promise.all(r.ocr.lines.map((line) => rereadNumbers(line, numbers)))
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
  const column = numericCols.get(cell.col)
  const pattern: NumberPattern = /[.,]/.test(tesseractText) || column === 'score' ? 'score' : column === 'whole' ? 'integer' : 'any'
  return { ...base, ...(await readNumberCell(read, tesseractText, tesseractOrigin, pattern, numbers)) }
}

/** Short, one line, and several digits or a digit and a decimal point. */
function mayBeMangledNumber(text: string): boolean {
  const t = text.replace(/\s/g, '')
  const digits = t.match(DIGIT)?.length ?? 0
  return t.length <= 12 && (digits >= 2 || (digits >= 1 && /[.,]/.test(t)))
}

/** The cell read as one number by the digit reader; tesseract's text, marked uncertain, when that fails. */
async function readNumberCell(
  r: CellReading & { ocr: RecognisedText; ink: PixelBox },
  tesseractText: string,
  tesseractOrigin: Origin,
  pattern: NumberPattern,
  ctx: TableContext & { readNumber: ReadNumber },
): Promise<Pick<TableCell, 'text' | 'raw' | 'origin'>> {
  // The digit reader wants the number alone: tesseract's line boxes, not the whole cell, whose
  // corners may hold ends of rulings or specks.
  const textBox = r.ocr.lines.length ? r.ocr.lines.map((l) => l.bbox).reduce(union) : r.ink
  const box = numberCellBox(ctx.binary, textBox, r.ink, r.inner, pattern)
  const first = await readNumberAt(ctx.grey, box, pattern, ctx)
  const read = first.value === null ? ((await readAgreeingArabic(ctx.grey, box, pattern, tesseractText, first, ctx)) ?? first) : first
  const reading = read.value !== null && contradictsArabic(tesseractText, read.text) ? { ...read, value: null, uncertain: true } : read
  const readings = [
    { reader: TESSERACT, raw: tesseractText, confidence: r.ocr.confidence, used: reading.value === null, ...(reading.value === null && { uncertain: true }) },
    { reader: DIGIT_READER, raw: reading.text, confidence: clamp01(reading.confidence), used: reading.value !== null, ...(reading.uncertain && { uncertain: true }) },
  ]
  const full = reading.value === null && pattern === 'score' ? fullScore(first, tesseractText) : undefined
  if (full) {
    const fullReadings = [...readings.map((x) => ({ ...x, used: false })), { reader: FULL_SCORE_READER, raw: full.text, confidence: full.confidence, used: true }]
    return { text: full.text, raw: full.text, origin: { ...tesseractOrigin, confidence: full.confidence, reader: FULL_SCORE_READER, readings: fullReadings } }
  }
  if (reading.value === null) {
    return { text: tesseractText, raw: tesseractText, origin: { ...tesseractOrigin, uncertain: true, readings } }
  }
  return {
    text: reading.text,
    raw: reading.text,
    origin: { ...tesseractOrigin, confidence: clamp01(reading.confidence), reader: DIGIT_READER, ...(reading.uncertain ? { uncertain: true } : {}), readings },
  }
}

/**
 * A score with three digits before its point can only be 100.00: a 1 and zeros are all a score
 * of at most 100 allows. Taken where both readers saw three digits and a point (the digit reader
 * two decimals), both read the first as 1 (or the digit reader surely), and every other digit the
 * digit reader was sure of (no cut), two at least, is a 0: the rest, a 0 touching the column's
 * ruling ("100.0?", tesseract "100.06(", heldout-08 200 dpi) or ๑๐ cut into "11" (heldout-02),
 * are then 0 too. A digit read surely as another ("197.56" for "(๙๗.๕๖") leaves it unreadable.
 */
export function fullScore(reading: NumberReading, tesseract: string): NumberReading | undefined {
  const seen = [...tesseract.replace(/\s/g, '')].map((c) => (/[\u0E50-\u0E59]/.test(c) ? String(c.charCodeAt(0) - 0x0e50) : c)).join('')
  if (!/^\d{3}[.,]/.test(seen)) return undefined
  if (!/^[\d?]{3}\.[\d?]{2}$/.test(reading.text)) return threeWholeDigitsWide(reading, seen) ? { text: '100.00', value: 100, confidence: reading.confidence, uncertain: false } : undefined
  const confidences = reading.confidences ?? []
  const sure = (i: number) => (confidences[i] ?? 0) >= FULL_SCORE_MIN_CONFIDENCE && !reading.cut?.includes(i)
  const glyphs = [...reading.text]
  // tesseract rarely misreads a 1 (๑): its 1 backs a first glyph the reader was unsure of or cut.
  if (glyphs[0] !== '1' || !(sure(0) || seen[0] === '1')) return undefined
  // A glyph read as no digit ("?") says nothing of the digit it hides.
  const sureZeros = glyphs.filter((c, i) => i > 0 && /\d/.test(c) && sure(i))
  if (sureZeros.length < 2 || sureZeros.some((c) => c !== '0')) return undefined
  return { text: '100.00', value: 100, confidence: Math.min(...glyphs.flatMap((c, i) => (/\d/.test(c) && sure(i) ? [confidences[i]!] : []))), uncertain: false }
}

/** The digit reader's own threshold for a glyph it is sure of. */
const FULL_SCORE_MIN_CONFIDENCE = 0.9

/**
 * Whether the ink before the digit reader's point is as wide as three digits, where tesseract saw
 * 1 and two more digits before a point and two after: the reader took touching digits for single
 * non-digits ("?.?" for a bold ๑๐๐.๐๐ in Trirong, heldout-10 200 dpi: 14 item scores unreadable),
 * but a score's two decimals give a digit's width, and three whole digits make 100.00, the one
 * score they can be. Two whole digits are about as wide as the decimals; three, half as wide again.
 */
export function threeWholeDigitsWide(reading: NumberReading, seen: string): boolean {
  const point = reading.text.indexOf('.')
  const columns = reading.columns
  if (!/^1\d{2}[.,]\d{2}$/.test(seen) || !columns || columns.length !== reading.text.length || point < 1 || point !== reading.text.lastIndexOf('.') || point === reading.text.length - 1) return false
  if (reading.confidence < FULL_SCORE_MIN_CONFIDENCE) return false
  const whole = columns[point - 1]![1] - columns[0]![0]
  const decimals = columns.at(-1)![1] - columns[point + 1]![0]
  return decimals > 0 && whole >= THREE_DIGITS_WIDE * decimals
}

/** Width of the whole part to the two decimals' at least, for three whole digits (three to two: 1.5). */
const THREE_DIGITS_WIDE = 1.3

/** Reader name of a score read as the one a score of three whole digits can be (`fullScore`). */
export const FULL_SCORE_READER = 'full-score'

/**
 * The box of a number cell's number: tesseract's line box grown to the ink it missed, then to the
 * whole glyphs it cuts (its line box may stop below the rising stroke of ๗, and a ๗ without it
 * reads as ๓ with full confidence: ๘๖.๐๗ came out 86.03), but never past the cell's rulings.
 */
export function numberCellBox(binary: GreyImage, textBox: PixelBox, ink: PixelBox, inner: PixelBox, pattern: NumberPattern): PixelBox {
  const grown = growToInk(binary, intersect(textBox, ink))
  const glyphs = numberInkBox(binary, grown, { decimal: pattern !== 'integer', lineHeight: grown.y1 - grown.y0 })
  return intersect(glyphs ? union(grown, glyphs.box) : grown, inner)
}

/**
 * tesseract reads Arabic digits well (Thai ones badly): a plain Arabic number it read, which the
 * digit reader reads as other digits (a 6 as 0, with full confidence), is taken from neither.
 * Points are not compared: tesseract drops them (9998 for 99.98) more often than it misreads digits.
 */
export function contradictsArabic(tesseract: string, reading: string): boolean {
  const t = tesseract.replace(/\s/g, '')
  return /^\d+(?:[.,]\d+)?$/.test(t) && t.replace(/\D/g, '') !== reading.replace(/\D/g, '')
}
