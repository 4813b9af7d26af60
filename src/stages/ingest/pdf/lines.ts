/**
 * Groups positioned runs into text lines in reading order (top to bottom, then left to right).
 * Runs whose baselines are within 40% of the font size share a line. A gap wider than a quarter
 * of the font size becomes a space; wider than 2.5 font sizes (a column gap) becomes a tab.
 */
import type { BBox } from '../../../model/document.js'
import { unionBBox, type GlyphRun } from './text-runs.js'

export interface RunLine {
  readonly text: string
  readonly bbox: BBox
  readonly runs: readonly GlyphRun[]
}

const SAME_LINE = 0.4
const SPACE_GAP = 0.25
const COLUMN_GAP = 2.5

export function groupIntoLines(runs: readonly GlyphRun[]): RunLine[] {
  const sorted = [...runs].sort((p, q) => p.baseline - q.baseline || p.bbox.x0 - q.bbox.x0)
  const groups: GlyphRun[][] = []
  let current: GlyphRun[] = []
  let baseline = Number.NaN
  for (const run of sorted) {
    if (current.length > 0 && Math.abs(run.baseline - baseline) <= SAME_LINE * Math.min(run.size, current[0]!.size)) {
      current.push(run)
    } else {
      if (current.length > 0) groups.push(current)
      current = [run]
      baseline = run.baseline
    }
  }
  if (current.length > 0) groups.push(current)
  return groups.map(toLine).filter((l) => l.text.length > 0)
}

function toLine(group: GlyphRun[]): RunLine {
  const runs = [...group].sort((p, q) => p.bbox.x0 - q.bbox.x0)
  let text = ''
  let prev: GlyphRun | undefined
  for (const run of runs) {
    if (prev) {
      const gap = run.bbox.x0 - prev.bbox.x1
      const size = Math.max(prev.size, run.size)
      const spaced = /\s$/.test(text) || /^\s/.test(run.text)
      if (gap > COLUMN_GAP * size) text = `${text.trimEnd()}\t`
      // A space of the smaller type: a list number is drawn larger than its text ("1." then the text).
      else if (gap > SPACE_GAP * Math.min(prev.size, run.size) && !spaced) text += ' '
    }
    text += run.text
    prev = run
  }
  return { text: text.replace(/ {2,}/g, ' ').replace(/ ?\t ?/g, '\t').trim(), bbox: unionBBox(runs.map((r) => r.bbox)), runs }
}

/** Digits, Thai or Arabic, with a decimal point or thousands commas. */
const NUMBER_PART = /^[0-9\u0E50-\u0E59.,]+$/u
/** One decimal number (a score): two lines of digits without a point are more likely two numbers. */
const ONE_NUMBER = /^[0-9\u0E50-\u0E59]{1,3}(,[0-9\u0E50-\u0E59]{3})*\.[0-9\u0E50-\u0E59]+$/u

/** A date in digits ("๓๐/๙/๒๕๖๙", "1/10/2568"). */
const ONE_DATE = /^[0-9\u0E50-\u0E59]{1,2}\/[0-9\u0E50-\u0E59]{1,2}\/[0-9\u0E50-\u0E59]{2,4}$/u
const DATE_PART = /^[0-9\u0E50-\u0E59/]+$/u

/** A score with its full marks ("๐.๐๐/๑๐๐", "100.00 / 100"). */
const ONE_SCORE_OUT_OF_100 = /^[0-9\u0E50-\u0E59]{1,3}\.[0-9\u0E50-\u0E59]+\s*\/\s*(?:100|\u0E51\u0E50\u0E50)(?:\.[0-9\u0E50-\u0E59]+)?$/u
const SCORE_OUT_OF_PART = /^[0-9\u0E50-\u0E59.\/ ]+$/u

/**
 * A cell's text: its lines joined by spaces, except that a number, a score out of 100 or a date a narrow
 * column broke over two lines ("๘" / "๘.๗๗", "0.00/1" / "00", "๓" / "๐/๙/๒๕๖๙": LibreOffice breaks digits
 * like Thai words) is joined back, when the cell holds nothing but the parts of one of them.
 */
export function cellText(runs: readonly GlyphRun[], layout?: CellLayout): string {
  const runLines = groupIntoLines(runs)
  const lines = runLines.map((l) => l.text.replace(/\t/g, ' '))
  const joined = lines.join('')
  if (lines.length < 2) return joined
  const oneNumber = lines.every((l) => NUMBER_PART.test(l)) && ONE_NUMBER.test(joined)
  const oneDate = lines.every((l) => DATE_PART.test(l)) && !lines.every((l) => ONE_DATE.test(l)) && ONE_DATE.test(joined)
  const oneScoreOutOf100 = lines.every((l) => SCORE_OUT_OF_PART.test(l)) && ONE_SCORE_OUT_OF_100.test(joined)
  if (oneNumber || oneDate || oneScoreOutOf100) return joined
  const wrapped = layout ? thaiWraps(runLines, layout) : []
  return lines.reduce((text, line, k) => text + (splitYear(text, line) || splitDecimal(text, line) || PREPOSED_END.test(text) || wrapped[k - 1] ? '' : ' ') + line)
}

/**
 * A line ending in a vowel written before its consonant (เ แ โ ใ ไ) broke inside a syllable: a
 * narrow column breaks "เม.ย." as "เ" / "ม.ย.", and no word ends in one.
 */
const PREPOSED_END = /[\u0E40-\u0E44]$/u

/** A cell's box, and the line pitch of its table when the table's paragraphs are spaced apart (`paragraphPitch`). */
export interface CellLayout {
  readonly box: BBox
  readonly pitch?: number
}

/** A Thai letter, not a digit or a mark that starts nothing. */
const THAI_END = /[\u0E01-\u0E4E]$/u
const THAI_START = /^[\u0E01-\u0E2E\u0E40-\u0E44]/u
/** Lines this much further apart than the table's line pitch are in different paragraphs. */
const PARAGRAPH_PITCH = 1.08
const THAI_WORDS = new Intl.Segmenter('th', { granularity: 'word' })

const baselinesOf = (lines: readonly RunLine[]): number[] => lines.map((l) => Math.max(...l.runs.map((r) => r.baseline)))

/**
 * The line pitch of a table's cells when their paragraphs are spaced apart (some lines of a cell
 * further apart than its closest ones, by less than an empty line): only then does a line break
 * at the pitch show that a paragraph goes on. Undefined otherwise (lines broken by hand, or
 * paragraphs without spacing, look like wrapped lines).
 */
export function paragraphPitch(cells: readonly (readonly GlyphRun[])[]): number | undefined {
  const gaps = cells.flatMap((runs) => {
    const b = baselinesOf(groupIntoLines(runs))
    return b.slice(1).map((y, k) => y - b[k]!)
  })
  const pitch = Math.min(...gaps.filter((g) => g > 0))
  if (!Number.isFinite(pitch)) return undefined
  return gaps.some((g) => g > PARAGRAPH_PITCH * pitch && g < 1.6 * pitch) ? pitch : undefined
}

/**
 * For each pair of consecutive lines of a cell, whether the second goes on with the words of the
 * first: Thai has no spaces between words, so a word processor breaks a Thai line between two
 * words with nothing in between ("หัวหน้ากลุ่ม" / "งานการ" / "พยาบาล" is one unit). It is such a break
 * when both sides are Thai, the lines are no further apart than the table's line pitch (its
 * paragraphs are spaced apart), and the next line's first word would not have fitted on the line.
 */
function thaiWraps(lines: readonly RunLine[], { box, pitch }: CellLayout): boolean[] {
  if (pitch === undefined) return []
  const baselines = baselinesOf(lines)
  const pad = Math.max(0, Math.min(8, ...lines.map((l) => l.bbox.x0 - box.x0)))
  const room = box.x1 - box.x0 - 2 * pad
  return lines.slice(1).map((b, k) => {
    const a = lines[k]!
    if (!THAI_END.test(a.text) || !THAI_START.test(b.text) || baselines[k + 1]! - baselines[k]! > PARAGRAPH_PITCH * pitch) return false
    const word = THAI_WORDS.segment(b.text)[Symbol.iterator]().next().value?.segment ?? b.text
    const wordWidth = ((b.bbox.x1 - b.bbox.x0) * advance(word)) / Math.max(1, advance(b.text))
    return a.bbox.x1 - a.bbox.x0 + wordWidth > room
  })
}

/** Characters that take room on the line: Thai marks stacked on their base take none. */
const advance = (text: string): number => [...text].filter((c) => !/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u.test(c)).length

const DIGITS = '[0-9\u0E50-\u0E59]'
const YEAR_HEAD = new RegExp(`(?:^|\\s)(${DIGITS}{1,3})$`, 'u')
const YEAR_TAIL = new RegExp(`^(${DIGITS}{1,3})(?!${DIGITS})`, 'u')
/** A Buddhist-era year, 2400-2699, in Arabic or Thai digits. */
const BE_YEAR = /^(?:2[4-6]|\u0E52[\u0E54-\u0E56])[0-9\u0E50-\u0E59]{2}$/u

const DIGIT_END = new RegExp(`${DIGITS}$`, 'u')
const POINT_START = new RegExp(`^[.]${DIGITS}`, 'u')

/** A decimal number a line broke before its point ("(คะแนน 100" / ".00)"): LibreOffice breaks digits like Thai words. */
function splitDecimal(before: string, after: string): boolean {
  return DIGIT_END.test(before) && POINT_START.test(after)
}

/** A year a narrow column broke over two lines ("30 กันยายน 25" / "69"): LibreOffice breaks digits like Thai words. */
function splitYear(before: string, after: string): boolean {
  const head = YEAR_HEAD.exec(before)?.[1]
  const tail = YEAR_TAIL.exec(after)?.[1]
  return head !== undefined && tail !== undefined && BE_YEAR.test(head + tail)
}
