/**
 * Second readings of numbers: tesseract reads Thai digits badly, so every number it found (and
 * every lone glyph where a digit stands, and ink it skipped) is read again by the digit reader.
 * Both readings are kept in provenance; the digit reader's goes into the text when it parsed.
 */
import type { BBox, Reading } from '../../model/document.js'
import { THAI_MONTHS } from '../../model/thai-months.js'
import type { OcrLine } from './engine.js'
import { clamp01, clampBox, cropWithMargin, expand, inkBox, union, whiten, type GreyImage, type PixelBox } from './image.js'
import type { NumberPattern, NumberReading, ReadNumber } from './number-reader.js'
import { codeOfReadings, ITEM_CODE_READER, letterOfCode } from './item-codes.js'
import { dotAboveFirstGlyph, glyphAfter, inkJustBefore, numberInkBox } from './number-box.js'
import type { Geometry } from './page-geometry.js'

/** What re-reading needs from the page. */
export interface NumberContext {
  readonly grey: GreyImage
  readonly binary: GreyImage
  readonly geometry: Geometry
  readonly readNumber: ReadNumber
  readonly counters: { numbers: number }
}

export const TESSERACT = 'tesseract'
export const DIGIT_READER = 'digit-reader'

export async function readNumberAt(grey: GreyImage, box: PixelBox, pattern: NumberPattern, ctx: Pick<NumberContext, 'readNumber' | 'counters'>, script?: 'ascii'): Promise<NumberReading> {
  ctx.counters.numbers += 1
  return ctx.readNumber(cropWithMargin(grey, expand(box, 2), 4), pattern, script && { script })
}

const ARABIC_NUMBER = /^\d+(?:[.,]\d+)?$/

/**
 * A number tesseract read in Arabic digits that the digit reader could not read: taken when the
 * digit reader read the same characters but doubted them (a cut between touching digits that
 * reads otherwise when moved: "79.00" and "100.00" unreadable though both readers saw them), or
 * read again as Arabic digits (two narrow Arabic digits touching, taken for one glyph and voted
 * Thai: "68" in "1 ต.ค. 68 -") and taken when both readers then agree digit for digit.
 */
export async function readAgreeingArabic(
  grey: GreyImage,
  box: PixelBox,
  pattern: NumberPattern,
  tesseract: string,
  first: NumberReading,
  ctx: Pick<NumberContext, 'readNumber' | 'counters'>,
  seenBox?: PixelBox,
): Promise<NumberReading | undefined> {
  const seen = tesseract.replace(/\s/g, '')
  if (!ARABIC_NUMBER.test(seen)) return undefined
  const value = valueAs(seen, pattern)
  if (first.text === seen && value !== null) return { ...first, value, uncertain: false }
  if (first.text === seen && wholeScore(seen, pattern)) return { ...first, value: Number(seen), uncertain: false }
  const reading = await readNumberAt(grey, box, pattern, ctx, 'ascii')
  const agrees = (r: NumberReading) => r.value !== null && !r.uncertain && r.text.replace(/\D/g, '') === seen.replace(/\D/g, '')
  if (agrees(reading)) return reading
  // Two digits touching, one glyph to the reader ("?" with its script vote), cut apart when read
  // as Arabic digits and doubted only for that cut: the same characters tesseract saw are taken,
  // as a first reading's would be (heldout-v3-03 200 dpi p7: the "68" of "1 ต.ค. 68").
  if (value !== null && reading.text === seen && reading.cut?.length) return { ...reading, value, uncertain: false }
  // Ink of the line above or below touching the number (the ุ of ตุลาคม hanging onto the 6 of
  // the year wrapped under it: "25?8", heldout-06's periods): read again within the rows of
  // tesseract's own box, and taken only when both readers then agree digit for digit.
  if (seenBox && (seenBox.y0 > box.y0 + 1 || seenBox.y1 < box.y1 - 1)) {
    const around = clampBox(expand(box, 6), grey.width, grey.height)
    const crop = cropWithMargin(grey, around, 0)
    const top = Math.max(box.y0, seenBox.y0 - 1) - around.y0, bottom = Math.min(box.y1, seenBox.y1 + 1) - around.y0
    whiten(crop, { x0: 0, y0: 0, x1: crop.width, y1: top })
    whiten(crop, { x0: 0, y0: bottom, x1: crop.width, y1: crop.height })
    const again = await readNumberAt(crop, { x0: box.x0 - around.x0, y0: top, x1: box.x1 - around.x0, y1: bottom }, pattern, ctx, 'ascii')
    if (agrees(again)) return again
  }
  // The digit reader missed only the point tesseract saw ("8947" for a bold 89.47): the same
  // digits, and a score's form only with tesseract's point.
  if (pattern === 'score' && value !== null && /^\d+$/.test(first.text) && first.text === seen.replace(/\D/g, '')) return { ...first, text: seen, value, uncertain: false }
  return undefined
}

/**
 * A score printed without decimals that both readers read alike: an open-data item's 100. Other
 * whole numbers in a column of scores stay unreadable: a 0 may be a ๑ both readers took for 0 (in
 * a ลำดับ column that its misread cells made look like scores, heldout-v6-01 p1), and a
 * transposed summary's heading row of indicator numbers, one unreadable, was read as an
 * indicator's score.
 */
function wholeScore(text: string, pattern: NumberPattern): boolean {
  return pattern === 'score' && text === '100'
}

/** An Arabic number's value in the form `pattern` asks for, or null (as the digit reader parses). */
function valueAs(text: string, pattern: NumberPattern): number | null {
  if (pattern === 'score') return /^(?:100\.00|[1-9]?\d\.\d{2})$/.test(text) ? Number(text) : null
  if (pattern === 'integer') return /^\d+$/.test(text) ? Number(text) : null
  return /^\d+(?:\.\d{1,2})?$/.test(text) ? Number(text) : null
}

/**
 * A number in running text: digits (Thai or Arabic) with an optional decimal part, allowing one
 * or two misread characters between digit groups (tesseract reads ๙๗.๕๖ as `93ฒ.๕๒๐`), so that
 * the digit reader sees the whole number at once. A dash separates numbers (๒๕๖๘-๓๐ in a period).
 */
const NUMBER_IN_TEXT = /[0-9\u0E50-\u0E59]+(?:[^\s0-9\u0E50-\u0E59\-–—]{0,2}[0-9\u0E50-\u0E59]+)*/g

/** One or two characters standing alone that are neither digits nor Latin letters. */
const LONE_GLYPH = /(?<=^|\s)[^\s0-9A-Za-z\u0E50-\u0E59]{1,2}(?=\s|$)/g

/**
 * A score that tesseract's English model read as Latin letters ("คะแนน We. od" for ๙๑.๗๘): a
 * short run of letters or symbols, a point, and another short run, standing alone in Thai text.
 */
const LATIN_SCORE = /(?<=^|\s)[A-Za-z«»<>©@&%$#|!?]{1,4}[.,]\s?[A-Za-z0-9«»<>©@&%$#|!?]{1,4}(?=\s|$)/g

const MONTH_NAME = THAI_MONTHS.map(([, full]) => full).join('|')
const MONTH_ABBREVIATION = THAI_MONTHS.map(([, , short]) => short.replaceAll('.', String.raw`\.`)).join('|')
/** A month abbreviation with its point misread as the vowel ุ (ก.ย. as กุย. or ก.ุย.; period-words restores it after). */
const MISREAD_ABBREVIATION = String.raw`[\u0E01-\u0E2E]\u0E35?(?:\.?\u0E38|\u0E38\.?)[\u0E01-\u0E2E]\.`

/**
 * A period's day or year that tesseract's English model read as Latin letters ("๓๐ กันยายน
 * ๒๕๖๙" as "ao กันยายน bed", "พ.ศ. ๒๕๖๘" as "พ.ศ. bese", "ก.ย. oe"): a short Latin word just
 * before or after a month name, or after a month abbreviation (its point misread or not) or พ.ศ.
 */
const LATIN_DAY = new RegExp(String.raw`(?<=^|\s)[A-Za-z][A-Za-z0-9]{0,2}(?=\s*(?:${MONTH_NAME}))`, 'g')
const LATIN_YEAR = new RegExp(String.raw`(?<=(?:${MONTH_NAME}|${MONTH_ABBREVIATION}|${MISREAD_ABBREVIATION})\s*|พ\.\s*ศ\.\s*)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,5}(?=\s|$)`, 'g')

/**
 * A day's one-stroke digit (1, ๑) printed just before its month and read as a bracket, a bar or ไ
 * glued to the month ("]ตุลาคม 2568", "ไต.ค. 68"; heldout-06 and v3-03 at 200 dpi): first on the
 * line or after a space or dash, right before a month name or abbreviation.
 */
const GLUED_DAY = new RegExp(String.raw`(?<=^|[\s\-–])[\][|!lIไ](?=${MONTH_NAME}|${MONTH_ABBREVIATION})`, 'g')

/**
 * A one-stroke glyph (ไ, a bracket or a bar) right after a day and glued to its month: "1ไต.ค. 68"
 * (heldout-v3-03 200 dpi: the period unread on three measures).
 */
const GHOST_BEFORE_MONTH = new RegExp(String.raw`^[\][|!lIไ](?=${MONTH_NAME}|${MONTH_ABBREVIATION})`)

/**
 * The number's text span taken on over a one-stroke glyph after it that has no ink of its own: in
 * "1ไต.ค." the first ink right of the 1 is the ต, no taller than a letter, where a ไ (or another
 * 1, of 11 read as 1ไ) would rise as high as the digit. tesseract read the 1 twice.
 */
export function withGhostBeforeMonth(line: OcrLine, binary: GreyImage, box: PixelBox, span: { start: number; end: number }): { start: number; end: number } {
  if (!GHOST_BEFORE_MONTH.test(line.text.slice(span.end))) return span
  const next = glyphAfter(binary, box)
  return next && next.y1 - next.y0 < LETTER_OF_DIGIT * (box.y1 - box.y0) ? { start: span.start, end: span.end + 1 } : span
}

/**
 * Below this share of the digits' height a glyph is a letter without ascender: ต beside the 1 of
 * heldout-v3-03's periods is 16 px to its 19 (0.84) at 200 dpi; ไ and a 1 rise as high as a digit.
 */
const LETTER_OF_DIGIT = 0.9

/** Shapes where a number may hide without a digit in tesseract's text, and the form it must then have. */
const HIDDEN_NUMBERS: readonly [RegExp, NumberPattern][] = [
  [GLUED_DAY, 'integer'],
  [LONE_GLYPH, 'integer'],
  [LATIN_SCORE, 'score'],
  [LATIN_DAY, 'integer'],
  [LATIN_YEAR, 'integer'],
]

/**
 * Finds the numbers tesseract saw in a line, re-reads each from the pixels under its word boxes
 * with the digit reader, and puts confident readings into the text. Both readings are kept.
 * `elsewhere`: number ink (page points) that belongs to another line; it is not read into this one.
 */
export async function rereadNumbers(line: OcrLine, ctx: NumberContext, elsewhere: readonly BBox[] = []): Promise<{ text: string; readings: Reading[]; uncertain: boolean }> {
  const isElsewhere = (box: PixelBox) => elsewhere.some((b) => sameInk(ctx.geometry.toPoints(box), b))
  const edits: { start: number; end: number; text: string; readings: Reading[] }[] = []
  const edited = (start: number, end: number) => edits.some((e) => e.start < end && start < e.end)
  let uncertain = false
  for (const m of line.text.matchAll(NUMBER_IN_TEXT)) {
    const start = m.index, end = start + m[0].length
    // Already part of the number before it (its ink covered this word too).
    if (edited(start, end)) continue
    const words = line.words.filter((w) => w.end > start && w.start < end)
    if (words.length === 0) continue
    const wordBox = words.map((w) => sliceOfWord(w, start, end)).reduce((b, box) => union(b, box))
    const pattern: NumberPattern = /[.,]/.test(m[0]) ? 'score' : /^[0-9\u0E50-\u0E59]+$/.test(m[0]) ? 'integer' : 'any'
    const { box, reading: first, narrowed } = await readNumberInText(wordBox, line, pattern, ctx)
    const date = first.value === null ? await slashDateOf(m[0], first, box, ctx) : undefined
    const read = first.value === null && !date ? ((await readAgreeingArabic(ctx.grey, box, pattern, m[0], first, ctx, wordBox)) ?? first) : first
    const doubted = !date && (cutContradictsTesseract(read, m[0]) || (narrowed && lostWholeDigits(read, m[0])) || letterLeftOut(line, start, box, ctx.binary))
    const code = date ? undefined : codeAt(line.text, start, end, withDottedI(read, m[0], box, ctx.binary))
    if (code !== undefined) {
      const bbox = ctx.geometry.toPoints(box)
      edits.push({ start, end, text: code || m[0], readings: codeReadings(m[0], read, code, bbox, Math.min(...words.map((w) => w.confidence))) })
      if (!code) uncertain = true
      continue
    }
    const reading = date ? { ...read, uncertain: isElsewhere(box) } : read.value !== null && (doubted || isElsewhere(box)) ? { ...read, value: null, uncertain: true } : read
    // tesseract's Thai digits are wrong more often than not: any reading the digit reader can
    // parse is better; its doubt travels as `uncertain`.
    const use = (date !== undefined && !reading.uncertain) || reading.value !== null
    const bbox = ctx.geometry.toPoints(box)
    // The number's ink may cover words tesseract read as letters (๗ read as ซ): they are the number.
    const span = use ? withGhostBeforeMonth(line, ctx.binary, box, spanOfWordsIn(line, box, start, end)) : { start, end }
    const covered = line.words.filter((w) => w.end > span.start && w.start < span.end)
    const tesseractConfidence = Math.min(...covered.map((w) => w.confidence))
    const tesseractRaw = line.text.slice(span.start, span.end)
    edits.push({
      ...span,
      text: use ? (date ?? reading.text) : m[0],
      readings: [
        // A slash date is both readings at once: tesseract's slashes, the digits both read.
        { reader: TESSERACT, raw: tesseractRaw, confidence: tesseractConfidence, bbox, used: !use || date !== undefined, ...(!use && { uncertain: true }) },
        { reader: DIGIT_READER, raw: reading.text, confidence: clamp01(reading.confidence), bbox, used: use, ...(reading.uncertain && { uncertain: true }) },
      ],
    })
    if (!use || reading.uncertain) uncertain = true
  }
  // A lone symbol or letter where a digit would stand (ตัวชี้วัดที่ « for ๙, < for ๔, ซ for ๗), or
  // a score read as Latin letters: the digit reader decides, and only a confident number replaces it.
  for (const [shape, pattern] of HIDDEN_NUMBERS) for (const m of line.text.matchAll(shape)) {
    const start = m.index, end = start + m[0].length
    if (edited(start, end)) continue
    const words = line.words.filter((w) => w.end > start && w.start < end)
    if (words.length === 0) continue
    // A shape may be part of a word (a glued day): only its share of the word's box is read.
    const { box, reading } = await readNumberInText(words.map((w) => sliceOfWord(w, start, end)).reduce((b, x) => union(b, x)), line, pattern, ctx)
    if (reading.value === null || reading.uncertain || isElsewhere(box)) continue
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
  edits.push(...(await recoverDroppedNumbers(line, ctx, isElsewhere)))
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
 * An item code where a code stands in running text (first on a line, or after a colon:
 * "ประเด็นที่ต้องพัฒนา : i9 การบริหาร...", a cell's "i8 ผู้บังคับบัญชา..."), read as a number by
 * tesseract ("19", "112", "๐22") and as a non-digit (or an o's 0) and the item's digits by the digit
 * reader: the code both readings make (`codeOfReadings`), or '' where they make none but the digit
 * reader's first glyph shows no number either (its "01" for o9 had replaced "๐9 ค"): the text stays
 * tesseract's, doubted. undefined where no code can stand (heldout-v3-02 and heldout-08 200 dpi).
 */
export function codeAt(text: string, start: number, end: number, read: NumberReading): string | undefined {
  if (!CODE_PLACE_BEFORE.test(text.slice(0, start)) || !CODE_PLACE_AFTER.test(text.slice(end))) return undefined
  const seen = text.slice(start, end)
  if (!letterOfCode(seen[0]!)) return undefined
  // A non-digit first: the reading is no number anyway; only a code both readings make is taken.
  if (/^\?\d{1,2}$/.test(read.text)) return codeOfReadings(seen, read.text, read.confidence)
  // The digit reader's 0 first where tesseract saw an o's ๐ or o before Arabic digits, which no
  // number mixes: the code, or no number.
  if (/^0\d{1,2}$/.test(read.text) && /^[๐oO]\d{1,2}$/.test(seen)) return codeOfReadings(seen, read.text, read.confidence) ?? ''
  return undefined
}

/**
 * The reading with its first 1 made a non-digit where both readers read 1 and the glyph has an
 * i's dot above it (`dotAboveFirstGlyph`): the code's letter, as `codeAt` expects it.
 */
function withDottedI(read: NumberReading, seen: string, box: PixelBox, binary: GreyImage): NumberReading {
  if (!/^1\d{1,2}$/.test(read.text) || !/^1\d{1,2}$/.test(seen) || !dotAboveFirstGlyph(binary, box)) return read
  return { ...read, text: `?${read.text.slice(1)}`, value: null, uncertain: true }
}

/** Where a code stands: first on the line or right after a colon. */
const CODE_PLACE_BEFORE = /(?:^|[:：])\s*$/
/** What follows a code: its Thai title, or nothing (the title on the next line). */
const CODE_PLACE_AFTER = /^(?:\s*$|\s+[\u0E01-\u0E2E\u0E40-\u0E44])/

function codeReadings(seen: string, read: NumberReading, code: string, bbox: BBox, confidence: number): Reading[] {
  return [
    { reader: TESSERACT, raw: seen, confidence, bbox, used: !code, ...(!code && { uncertain: true }) },
    { reader: DIGIT_READER, raw: read.text, confidence: clamp01(read.confidence), bbox, used: false, ...(!code && { uncertain: true }) },
    ...(code ? [{ reader: ITEM_CODE_READER, raw: code, bbox, used: true }] : []),
  ]
}

const THAI_DIGIT = /[\u0E50-\u0E59]/

/** A date written with slashes (๑/๑๐/๒๕๖๘, 1/10/2568): day, month, year. */
const SLASH_DATE = /^[0-9\u0E50-\u0E59]{1,2}\/[0-9\u0E50-\u0E59]{1,2}\/[0-9\u0E50-\u0E59]{2,4}$/

/**
 * A slash date both readers read alike, in ASCII digits; undefined otherwise. The digit reader
 * knows no slash: it reads one as a non-digit (`?`), so its reading never parses. Where it read a
 * non-digit at each slash and, confidently, tesseract's digits everywhere else, the two agree
 * digit for digit and the date is taken (heldout-09: "1/10/2568" read "1?10?2568" by the digit
 * reader made every period of the measures unreadable). A day or month the digit reader read as
 * no day or month (its 3 as 5: "50" for 30) is tesseract's when tesseract's is one, with as many
 * digits: only one of the two readings can be the date. A slash touching a digit merges with it
 * into one non-digit and the readings no longer line up: the date stays uncertain.
 */
export function agreeingSlashDate(tesseract: string, reading: NumberReading): string | undefined {
  if (!SLASH_DATE.test(tesseract)) return undefined
  const seen = [...tesseract].map((c) => (THAI_DIGIT.test(c) ? String(c.charCodeAt(0) - 0x0e50) : c)).join('').split('/')
  const read = reading.text.split('?')
  if (read.length !== 3) return undefined
  // The digits' own confidences (the slashes' say only how sure the reader is they are no digit).
  const sure = (from: number, length: number) =>
    (reading.confidences?.slice(from, from + length) ?? [reading.confidence]).every((c) => c >= SLASH_DATE_MIN_CONFIDENCE)
  const limits = [31, 12]
  let at = 0
  const agreed = seen.map((part, i) => {
    const other = read[i]!
    const from = at
    at += other.length + 1
    if (other === part) return sure(from, other.length) ? part : undefined
    const limit = limits[i]
    const possible = (n: string) => limit !== undefined && Number(n) >= 1 && Number(n) <= limit
    return /^\d+$/.test(other) && other.length === part.length && !possible(other) && possible(part) ? part : undefined
  })
  return agreed.every((p) => p !== undefined) ? agreed.join('/') : undefined
}

/**
 * A slash date both readers read alike (`agreeingSlashDate`), the digit reader's glyphs read again
 * as Arabic digits when tesseract saw Arabic digits: a slash votes for no script, and the cell's
 * vote may then go to Thai, whose ๕ is the Arabic 3's shape ("30/9/2569" read "50?9?2569").
 */
async function slashDateOf(tesseract: string, first: NumberReading, box: PixelBox, ctx: NumberContext): Promise<string | undefined> {
  const agreed = agreeingSlashDate(tesseract, first) ?? thaiSlashDate(tesseract, first)
  if (agreed) return agreed
  if (THAI_SLASH_DATE.test(tesseract)) return thaiSlashDateReadAgain(tesseract, first, box, ctx)
  if (!/^[\d/]+$/.test(tesseract) || !SLASH_DATE.test(tesseract)) return undefined
  return agreeingSlashDate(tesseract, await readNumberAt(ctx.grey, box, 'any', ctx, 'ascii'))
}

/**
 * The digit reader's second opinion on a Thai slash date it read whole but doubted a digit of (two
 * touching digits of the year cut apart where a moved cut reads otherwise: "๓๐/๙/๒๕๖๙" read
 * 30?9?2569 with its 5 and 6 at 0.5, heldout-v6-01): the same ink read again from a crop a few
 * pixels wider, whose ink threshold and cut fall elsewhere. Taken only when that reading is sure
 * of every digit (`thaiSlashDate`) and reads the same characters as the first.
 */
async function thaiSlashDateReadAgain(tesseract: string, first: NumberReading, box: PixelBox, ctx: NumberContext): Promise<string | undefined> {
  if (first.text.split('?').length !== 3) return undefined
  const again = await readNumberAt(ctx.grey, expand(box, SECOND_OPINION_MARGIN), 'any', ctx)
  return again.text === first.text ? thaiSlashDate(tesseract, again) : undefined
}

/** How much wider (pixels on each side) the second opinion's crop is than the first's. */
const SECOND_OPINION_MARGIN = 2

/**
 * A slash date in Thai digits, as the digit reader read it: tesseract's Thai digits are wrong more
 * often than not (๖ as ๒๑, ๙ as ๕: "๑/๖/๒๕๖๙" read "๑/๒๑/๒๕๒๕" on heldout-v6-01, every period
 * of its measures lost), so where tesseract saw a slash date and the digit reader read three
 * groups of digits between two non-digits (the slashes), sure of every digit, making a day, a
 * month and a four-digit year, those digits are the date. Anything less stays uncertain.
 */
export function thaiSlashDate(tesseract: string, reading: NumberReading): string | undefined {
  if (!THAI_SLASH_DATE.test(tesseract)) return undefined
  const parts = reading.text.split('?')
  if (parts.length !== 3) return undefined
  const [day, month, year] = parts as [string, string, string]
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^(?:25|20)\d{2}$/.test(year)) return undefined
  if (Number(day) < 1 || Number(day) > 31 || Number(month) < 1 || Number(month) > 12) return undefined
  const digits = (reading.confidences ?? []).filter((_, i) => reading.text[i] !== '?')
  return digits.length === day.length + month.length + year.length && digits.every((c) => c >= SLASH_DATE_MIN_CONFIDENCE) ? `${day}/${month}/${year}` : undefined
}

/** A slash date as tesseract reads one in Thai digits: a digit or two too many in its day or month ("๓๓๑/๕/๒๕๒๕") or one in its year ("๑/๑๐/๒๕๒๐๕"). */
const THAI_SLASH_DATE = /^[\u0E50-\u0E59]{1,3}\/[\u0E50-\u0E59]{1,3}\/[\u0E50-\u0E59]{2,5}$/

/** The digit reader's own threshold for a glyph (readNumber's `minConfidence`). */
const SLASH_DATE_MIN_CONFIDENCE = 0.9

/** Two boxes round the same ink: they overlap by more than half the smaller one. */
export function sameInk(a: BBox, b: BBox): boolean {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
  const area = (x: BBox) => (x.x1 - x.x0) * (x.y1 - x.y0)
  return w > 0 && h > 0 && w * h > 0.5 * Math.min(area(a), area(b))
}

/**
 * A digit the reader cut out of touching digits and read as ๑ where tesseract, in the same place,
 * saw another digit: a piece of a wider digit can look like ๑ (K2D's ๘ touching ๑ cut into "๑๑",
 * where tesseract saw ๕๑), and ๑ is the one Thai digit tesseract rarely misreads. Only when both
 * readings line up digit for digit. (Other disagreements prove nothing: tesseract reads ๖ as ๒ or
 * ๐, ๘ as ๕ or ๒, ๙ as ๕ or ๓.)
 */
export function cutContradictsTesseract(reading: NumberReading, tesseract: string): boolean {
  const seen = [...tesseract].filter((c) => /[\d\u0E50-\u0E59.,]/.test(c))
  if (!reading.cut?.length || seen.length !== reading.text.length) return false
  return reading.cut.some((i) => reading.text[i] === '1' && THAI_DIGIT.test(seen[i]!) && seen[i] !== '๑')
}

/**
 * A reading of only the glyphs under tesseract's box (the whole ink did not parse) with fewer
 * digits before the point than tesseract saw: the ink left out held a digit of the number (a ๘
 * touching the "(" before it: "(๘๑.๕๔ คะแนน)" read as 1.54 where tesseract saw ๕๑.๕๕). Only
 * then: tesseract also reads a "(" as a digit ("(๙๗.๕๖" as ๓๕๕.๕๒), so more digits in its text
 * say nothing when the reader read all the ink.
 */
export function lostWholeDigits(reading: NumberReading, tesseract: string): boolean {
  const whole = (s: string) => /^[^.,]*/.exec(s)![0].match(/[\d\u0E50-\u0E59]/g)?.length ?? 0
  return /[.,]/.test(reading.text) && /[.,]/.test(tesseract) && whole(reading.text) < whole(tesseract)
}

/**
 * A Thai letter glued before the number in tesseract's word, standing in ink as close to the
 * number as its digits stand, that the digit reader's box left out: tesseract's reading of a Thai
 * digit the number begins with ("ฒ3.01" for ๗๓.๐๑, "(ฆ5.88" for (๗๕.๘๘, heldout-07 and 05 at
 * 200 dpi), so the reading lost a digit and would be confidently wrong (3.01, 5.88). A word
 * glued to a number in tesseract's text stands a space away in ink.
 */
export function letterLeftOut(line: OcrLine, start: number, box: PixelBox, binary: GreyImage): boolean {
  // A tone mark or vowel tesseract hung on the letter ("ฒ่๓.๐๑") belongs to it.
  let at = start - 1
  while (at > 0 && /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(line.text[at]!)) at--
  if (at < 0 || !/[\u0E01-\u0E2E]/.test(line.text[at]!)) return false
  // The letter's word: the number's own, or the one before it with no space between.
  const word = line.words.find((w) => w.start <= at && at < w.end)
  if (!word) return false
  const letter = sliceOfWord(word, at, Math.min(start, word.end))
  return box.x0 > (letter.x0 + letter.x1) / 2 && inkJustBefore(binary, box)
}

const SCORE_SHAPE = /^\d{1,3}\.\d{2}$/

/**
 * Reads the number under a word box: first its whole ink (neighbouring digits tesseract left out
 * of the box included), then, if that does not parse, only the glyphs under the box (a letter
 * printed right against the number, as in พ.ศ.๒๕๖๗, spoils the first reading).
 */
async function readNumberInText(wordBox: PixelBox, line: OcrLine, pattern: NumberPattern, ctx: NumberContext): Promise<{ box: PixelBox; reading: NumberReading; narrowed?: boolean }> {
  // tesseract may have read only the digits after a point (๗๗.๗๘ as "ฒฒ." + "๗๘"): the ink may
  // cross one point, and then the number is read as one with a decimal part.
  const found = numberInkBox(ctx.binary, wordBox, { decimal: true, lineHeight: line.bbox.y1 - line.bbox.y0 })
  if (!found) {
    const box = growToInk(ctx.binary, wordBox)
    return { box, reading: await readNumberAt(ctx.grey, box, pattern, ctx) }
  }
  let reading = await readNumberAt(ctx.grey, found.box, found.crossedPoint && pattern === 'integer' ? 'any' : pattern, ctx)
  // tesseract dropped the point (๙๙.๕๖ read as "๕๕๕๒"): the glyphs show a score, so it is read as one.
  if (reading.value === null && pattern === 'integer' && SCORE_SHAPE.test(reading.text)) reading = await readNumberAt(ctx.grey, found.box, 'score', ctx)
  if (reading.value !== null || sameBox(found.box, found.core)) return { box: found.box, reading }
  const core = await readNumberAt(ctx.grey, found.core, pattern, ctx)
  return core.value !== null ? { box: found.core, reading: core, narrowed: true } : { box: found.box, reading }
}

/**
 * The text range [start, end) widened to the words that lie mostly within `box`'s columns (and
 * touch its rows: tesseract's word boxes are unreliable in height, not in position along the line).
 */
export function spanOfWordsIn(line: OcrLine, box: PixelBox, start: number, end: number): { start: number; end: number } {
  let from = start, to = end
  for (const w of line.words) {
    const across = Math.min(w.bbox.x1, box.x1) - Math.max(w.bbox.x0, box.x0)
    const touches = Math.min(w.bbox.y1, box.y1) > Math.max(w.bbox.y0, box.y0)
    if (!touches || w.bbox.x1 <= w.bbox.x0 || across < 0.6 * (w.bbox.x1 - w.bbox.x0) || w.end <= w.start) continue
    // Only text that could be a misread digit joins: marks alone are a neighbour's tone mark or
    // vowel hanging over the number, punctuation alone the point after a list number (๑.).
    if (w.start < from && !NOT_DIGITS.test(line.text.slice(w.start, Math.min(w.end, from))) && !ITEM_CODE.test(line.text.slice(w.start, w.end))) from = w.start
    if (w.end > to && !NOT_DIGITS.test(line.text.slice(Math.max(w.start, to), w.end))) to = w.end
  }
  return { start: from, end: to }
}

const NOT_DIGITS = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E.,:;'"()[\]\-\s]*$/

/** An item code (i10, e5, o28): its letter is read right and is not a misread digit of the number. */
const ITEM_CODE = /^[ieo]\d{1,2}$/

/**
 * The part of a word's box that holds the characters [start, end) of the line, by their share of
 * the word's text: tesseract may make one word of "๒๕๖๘-๓๐", and each number needs its own box.
 */
function sliceOfWord(w: OcrLine['words'][number], start: number, end: number): PixelBox {
  const length = w.end - w.start
  if (length <= 0 || (w.start >= start && w.end <= end)) return w.bbox
  const width = w.bbox.x1 - w.bbox.x0
  const from = Math.max(0, start - w.start) / length
  const to = Math.min(length, end - w.start) / length
  return { ...w.bbox, x0: Math.floor(w.bbox.x0 + from * width), x1: Math.ceil(w.bbox.x0 + to * width) }
}

function sameBox(a: PixelBox, b: PixelBox): boolean {
  return a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1
}

/**
 * tesseract sometimes drops a Thai digit altogether (ตัวชี้วัดที่ ๗ -> ตัวชี้วัดที่ ): ink on the
 * line that no word box covers. Each such run of ink, if about a digit or a few wide, goes to the
 * digit reader; a confident reading is inserted where it stands, and both readings are kept
 * (tesseract's as empty).
 */
async function recoverDroppedNumbers(
  line: OcrLine,
  ctx: NumberContext,
  isElsewhere: (box: PixelBox) => boolean,
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
    if (line.words.some((w) => Math.min(w.bbox.x1, ink.x1) - Math.max(w.bbox.x0, ink.x0) > 0) || isElsewhere(ink)) continue
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
