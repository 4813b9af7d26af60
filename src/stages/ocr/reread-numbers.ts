/**
 * Second readings of numbers: tesseract reads Thai digits badly, so every number it found (and
 * every lone glyph where a digit stands, and ink it skipped) is read again by the digit reader.
 * Both readings are kept in provenance; the digit reader's goes into the text when it parsed.
 */
import type { Origin } from '../../model/document.js'
import type { OcrLine } from './engine.js'
import { clamp01, cropWithMargin, expand, inkBox, union, type GreyImage, type PixelBox } from './image.js'
import type { NumberPattern, NumberReading, ReadNumber } from './number-reader.js'
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

export async function readNumberAt(grey: GreyImage, box: PixelBox, pattern: NumberPattern, ctx: Pick<NumberContext, 'readNumber' | 'counters'>): Promise<NumberReading> {
  ctx.counters.numbers += 1
  return ctx.readNumber(cropWithMargin(grey, expand(box, 2), 4), pattern)
}

/**
 * A number in running text: digits (Thai or Arabic) with an optional decimal part, allowing one
 * or two misread characters between digit groups (tesseract reads ๙๗.๕๖ as `93ฒ.๕๒๐`), so that
 * the digit reader sees the whole number at once.
 */
const NUMBER_IN_TEXT = /[0-9\u0E50-\u0E59]+(?:[^\s0-9\u0E50-\u0E59]{0,2}[0-9\u0E50-\u0E59]+)*/g

export type Reading = NonNullable<Origin['readings']>[number]

/**
 * Finds the numbers tesseract saw in a line, re-reads each from the pixels under its word boxes
 * with the digit reader, and puts confident readings into the text. Both readings are kept.
 */
/** One or two characters standing alone that are neither digits nor Latin letters. */
const LONE_GLYPH = /(?<=^|\s)[^\s0-9A-Za-z\u0E50-\u0E59]{1,2}(?=\s|$)/g

export async function rereadNumbers(line: OcrLine, ctx: NumberContext): Promise<{ text: string; readings: Reading[]; uncertain: boolean }> {
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
  ctx: NumberContext,
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
