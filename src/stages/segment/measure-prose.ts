/**
 * A measure written as running prose, one paragraph for the measure: "ประเด็น i1 <the item> ได้คะแนน 67.68 คะแนน
 * ผลการวิเคราะห์พบว่า <analysis> จึงกำหนดมาตรการ 1) ... โดยมีขั้นตอนการดำเนินงาน 1) ... ดำเนินการโดย <units>
 * ระยะเวลาดำเนินการ <period>". It is still a measure: its item (and score), then its parts, each opened by a word of its
 * own (`MEASURE_PROSE_CUES`) in any order. A page's lines wrap the paragraph: `joinWrappedMeasureProse` makes it one row
 * again, as a transcript or a Word file prints it.
 */
import { sameParagraph, type Row } from '../text/rows.js'
import { SCORE_IN_SENTENCE_WORDS } from '../text/scored-rows.js'
import { ITEM_CODE, startsWithIndicatorLabel } from '../text/thai-text.js'
import { IMPROVED_ITEM_LABEL, MEASURE_PROSE_CUES, MEASURE_PROSE_PARTS, type MeasureProsePart } from '../text/vocabulary.js'

export interface MeasureProse {
  /** The item as printed: its code or number and its wording ("i1 การปฏิบัติงาน...", "2.1 หน่วยงาน..."). */
  readonly item: string
  /** The score printed after the item, when it is. */
  readonly score: string | undefined
  /** Each part's text, after the word that opens it, in printed order. */
  readonly parts: readonly (readonly [MeasureProsePart, string])[]
}

/** The word naming the item before its code: "ประเด็น", "ข้อ", "ข้อคำถาม"; a word of its own ("ข้อมูล ..." is none). */
const ITEM_WORD = /^\s*(?:ประเด็น|ข้อ\s*คำถาม|ข้อ)\s*(?:ที่)?(?:\s*[:：]\s*|\s+|(?=[[(]?[IiEeOo]\s*-?\s*\d))/
/** An item's code or its number under its indicator opening the item: "i1", "O-25", "[e5]", "2.1". */
const ITEM_REFERENCE = new RegExp(String.raw`^[[(]?(?:${ITEM_CODE}(?![\d.,])|\d{1,2}\.\d{1,2}(?![\d.,]))`)
/** A list's number just before a word: the word is an entry's first, never a part's opening word. */
const LIST_MARKER = /(?:^|\s)\(?\d{1,2}[.)]\s*$/
/** Parts a measure's prose needs at least: what is done, and one more. */
const LEAST_PARTS = 2

/**
 * The item a line opens with when it may open a measure written as prose: after the word for an item, or as its
 * code; the text after that word (or the whole text) is returned.
 */
function itemOpening(text: string): string | undefined {
  const improved = IMPROVED_ITEM_LABEL.exec(text.trim())
  const rest = improved ? text.trim().slice(improved[0].length) : text.replace(ITEM_WORD, '')
  const named = improved !== null || rest.length < text.length
  return named || ITEM_REFERENCE.test(rest) ? rest : undefined
}

/** The text as a measure written as prose, or undefined when it is not one. */
export function readMeasureProse(text: string): MeasureProse | undefined {
  const rest = itemOpening(text)
  if (rest === undefined) return undefined
  // The item's wording may use a part's words ("ตามขั้นตอนและ ระยะเวลา"): the parts start after its score.
  const score = SCORE_IN_SENTENCE_WORDS.exec(rest)
  const from = score ? score.index + score[0].length : 0
  const opened = partWords(rest, from)
  const first = opened[0]
  if (!first || (score && rest.slice(from, first.at).trim())) return undefined
  const parts = opened.map((o, i) => [o.part, rest.slice(o.end, opened[i + 1]?.at ?? rest.length).trim()] as const)
  const distinct = new Set(parts.map(([part]) => part))
  if (distinct.size < LEAST_PARTS || !(distinct.has('actions') || distinct.has('steps'))) return undefined
  const item = (score ? rest.slice(0, score.index) : rest.slice(0, first.at)).trim()
  return item ? { item, score: score?.[1], parts } : undefined
}

/**
 * The words opening a part, from `from` on: each part's first (a word naming a part already opened is the text's,
 * "ตรวจสอบ ระยะเวลา ..." in a step), and none that opens a list's entry.
 */
function partWords(text: string, from: number): { part: MeasureProsePart; at: number; end: number }[] {
  const found = MEASURE_PROSE_PARTS.flatMap((part) =>
    [...text.slice(from).matchAll(MEASURE_PROSE_CUES[part])].map((m) => ({ part, at: from + m.index, end: from + m.index + m[0].length })),
  ).sort((a, b) => a.at - b.at || b.end - a.end)
  const out: { part: MeasureProsePart; at: number; end: number }[] = []
  for (const word of found) {
    const overlaps = out.some((o) => word.at < o.end)
    if (overlaps || LIST_MARKER.test(text.slice(0, word.at)) || out.some((o) => o.part === word.part)) continue
    out.push(word)
  }
  return out
}

/** At most this many lines to one measure's paragraph. */
const PARAGRAPH_LINES = 30
/** A line ending this much (of the paragraph's width) short of the lines above it is the paragraph's last. */
const SHORT_LINE = 0.2
/** What opens a text of its own: a signature, a heading's marks, an indicator's label. */
const OPENS_OWN = /^\s*(?:[#>|]|\(?\s*(?:ลงชื่อ|ลงนาม))/

/**
 * The rows with each measure written as prose and wrapped over a page's lines joined into one row; rows are numbered
 * afresh. Laid-out lines (with a box on the page) wrap up to the paragraph's short last line; a transcript's or a Word
 * file's lines are one paragraph's when the file says so (no blank line between, one Word paragraph). The lines are joined when together they read as a measure (`readMeasureProse`), and not otherwise. An indicator's
 * heading run into the paragraph's line is set apart as a row of its own: it heads this measure and those after it.
 */
export function joinWrappedMeasureProse(rows: readonly Row[]): Row[] {
  const out: Row[] = []
  for (let i = 0; i < rows.length; i++) {
    const end = paragraphEnd(rows, i)
    const lines = rows.slice(i, end + 1)
    const joined = end > i ? joinLines(lines) : undefined
    const whole = joined && readsAsMeasure(joined.text) ? joined : rows[i]!
    out.push(...withHeadingApart(whole))
    if (whole === joined) i = end
  }
  return out.map((r, index) => (r.index === index ? r : { ...r, index }))
}

const readsAsMeasure = (text: string) => readMeasureProse(text) !== undefined || headingRunIn(text) !== undefined

/**
 * Where the measure's item starts in a line that an indicator's heading opens, run into the measure's paragraph
 * ("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ประเด็น 9.7 ... ได้คะแนน ..."): after the heading, at the word for an item.
 */
function headingRunIn(text: string): number | undefined {
  if (!startsWithIndicatorLabel(text.trim())) return undefined
  const item = ITEM_WORD_INSIDE.exec(text)
  return item && readMeasureProse(text.slice(item.index + 1)) ? item.index + 1 : undefined
}
const ITEM_WORD_INSIDE = new RegExp(String.raw`\s(?=(?:ประเด็น|ข้อ)\s*(?:ที่)?\s*[:：]?\s*[[(]?(?:${ITEM_CODE}|\d{1,2}\.\d{1,2})(?![\d.,]))`)

/** A line holding an indicator's heading and a measure's paragraph as two rows, the heading's first; any other row as it is. */
function withHeadingApart(row: Row): Row[] {
  const at = row.kind === 'line' ? headingRunIn(row.text) : undefined
  if (at === undefined) return [row]
  const cell = row.cells[0]!
  const part = (text: string): Row => ({ ...row, cells: [{ ...cell, text }], text })
  return [part(row.text.slice(0, at).trim()), part(row.text.slice(at).trim())]
}

/** The last line of the paragraph line `i` opens, when it opens an item's (maybe after a heading) and its lines are laid out. */
function paragraphEnd(rows: readonly Row[], i: number): number {
  const first = rows[i]!
  const opens = itemOpening(first.text) !== undefined || (startsWithIndicatorLabel(first.text.trim()) && ITEM_WORD_INSIDE.test(first.text))
  if (first.kind !== 'line' || !opens) return i
  let end = i
  let right = first.origin.bbox?.x1 ?? 0
  let left = first.origin.bbox?.x0 ?? Infinity
  for (let j = i + 1; j < rows.length && j <= i + PARAGRAPH_LINES; j++) {
    const row = rows[j]!
    const last = rows[end]!.origin
    const box = row.origin.bbox
    if (row.kind !== 'line' || opensOwn(row.text)) break
    if (box && last.bbox) {
      // The line above ended short of the paragraph's right edge: the paragraph ended there.
      if (end > i && last.bbox.x1 < right - SHORT_LINE * (right - left)) break
      right = Math.max(right, box.x1)
      left = Math.min(left, box.x0)
    } else if (!sameParagraph(last, row.origin)) break
    end = j
  }
  return end
}

const opensOwn = (text: string) => OPENS_OWN.test(text) || itemOpening(text) !== undefined || startsWithIndicatorLabel(text.trim())

/** Lines joined with a space; the origin is the first line's, where the measure's item is. */
function joinLines(lines: readonly Row[]): Row {
  const first = lines[0]!
  const text = lines.map((l) => l.text.trim()).join(' ')
  const cell = { ...first.cells[0]!, text, raw: lines.map((l) => l.cells[0]!.raw).join('\n') }
  return { ...first, cells: [cell], text }
}
