/**
 * Text matching tolerant of OCR damage: tone marks and vowels above/below are dropped or swapped
 * by OCR, and spaces are inserted anywhere, so comparisons ignore both.
 */

const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g

/** Text reduced to what OCR reliably keeps: no spaces, no combining marks, no punctuation. */
export function skeleton(s: string): string {
  return s.replace(COMBINING, '').replace(/[\s.,:;()"'“”‘’\-–—/*|_]+/g, '').toLowerCase()
}

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>()
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2)
    grams.set(g, (grams.get(g) ?? 0) + 1)
  }
  return grams
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0)
  return shared
}

/** Dice coefficient of character bigrams of the two skeletons: 1 identical, 0 nothing shared. */
export function similarity(a: string, b: string): number {
  const sa = skeleton(a)
  const sb = skeleton(b)
  if (sa.length < 2 || sb.length < 2) return sa === sb && sa.length > 0 ? 1 : 0
  const ga = bigrams(sa)
  const gb = bigrams(sb)
  return (2 * overlap(ga, gb)) / (sa.length - 1 + (sb.length - 1))
}

/** Share of `part`'s bigrams found in `whole`: how much of a fragment comes from a longer text. */
export function containment(part: string, whole: string): number {
  const sp = skeleton(part)
  const sw = skeleton(whole)
  if (sp.length < 2 || sw.length < 2) return 0
  return overlap(bigrams(sp), bigrams(sw)) / (sp.length - 1)
}

/** "คะแนน" (score) as OCR leaves it: น read as บ (คะแบน), sara a dropped, spaces anywhere. A regex source. */
export const SCORE_WORD = String.raw`ค\s*ะ?\s*แ\s*[นบ]\s*[นบ]`

/** The word for score before a number, percent or not: "คะแนน 90.97", "คะแนนร้อยละ 90.97". A regex source. */
export const SCORE_WORDS = String.raw`${SCORE_WORD}(?:\s*ร\s*้?\s*อ\s*ย\s*ล\s*ะ)?`

/**
 * A score's decimals as reports print them: one to three after a point ("91.3", "91.32", "91.320"), one
 * or two after a comma ("91,32", a spreadsheet's decimal comma; three digits after a comma are a
 * thousands group, "20,000"). No digit may follow. A regex source.
 */
export const SCORE_DECIMALS = String.raw`(?:\.\d{1,3}|,\d{1,2})(?!\d)`

/** A score printed with decimals, "89.41", "89.410", "89,41", "91.3". A regex source. */
export const DECIMAL_SCORE = String.raw`\d{1,3}${SCORE_DECIMALS}`

/** An item's code as printed: "i1", "O-25", "e 5" (the catalogue's IIT, EIT and OIT items). A regex source. */
export const ITEM_CODE = String.raw`[IiEeOo]\s*-?\s*\d{1,2}`

/** A score with decimals anywhere in a text (the first, with `exec`). */
export const A_SCORE = new RegExp(DECIMAL_SCORE)
/** A cell or a line that is a score with decimals and nothing else but its unit ("89.41", "89.41 คะแนน"). */
export const ONLY_A_SCORE = new RegExp(String.raw`^\s*${DECIMAL_SCORE}\s*(?:${SCORE_WORD})?\s*$`)

/**
 * A score printed as tables print them, with two or three decimals ("89.41", "89.410", "89,41"): never
 * a clause or outline number ("4.1"), which a one-decimal prose score could be taken for. A regex source.
 */
export const TABLE_SCORE = String.raw`\d{1,3}(?:\.\d{2,3}|,\d{2})(?!\d)`
/** A table's score anywhere in a text (the first, with `exec`). */
export const A_TABLE_SCORE = new RegExp(TABLE_SCORE)

/**
 * "ตัวชี้วัด(ที่)" with the damage OCR does to it: dropped or swapped marks, ซ or ข for ช, spaces anywhere;
 * or its abbreviation "ตช." ("ตช. 7", "ตช 7": the dot or a number after it, so no word is taken for it).
 */
const INDICATOR_PREFIX = /ต\s*ั?\s*ว\s*[ชซข]\s*[ีิ]?\s*[่้]?\s*ว\s*ั?\s*ด\s*(?:ท\s*[ีิ]?\s*[่้]?)?|ต\s*[ชซ]\s*(?:\.|(?=\s*\d))/
const LABEL_NUMBER = /^\s*(\d{1,2})(?!\d|\.\d)\s*/
/** What OCR leaves of an unreadable indicator number: a short token of non-letters or stray letters. */
const UNREADABLE_NUMBER = /^\s*[^\sก-ฮ]{1,3}\s*|^\s*[ก-ฮ]\s+/

/** How far into a text a label still counts as starting it (a bullet, a speck before it). */
const AT_START = 3

/** True when a text starts with an indicator label ("ตัวชี้วัดที่ ..."), whatever its number reads as. */
export function startsWithIndicatorLabel(text: string): boolean {
  return indicatorLabelOffset(text, AT_START) !== undefined
}

/**
 * How far into a table cell an indicator label may start: OCR puts specks, or the label's own
 * upper marks read as a line of their own ("ow Jo ข่ ตวชวดท4"), before it.
 */
const LABEL_REACH = 20

/**
 * Where an indicator label starts in a text that OCR prefixed with specks read as characters
 * ("1 ซัย จ่ 0 a ตวขวดท 6 ..."): its offset when it is within `reach` characters, else undefined.
 */
export function indicatorLabelOffset(text: string, reach = LABEL_REACH): number | undefined {
  const m = INDICATOR_PREFIX.exec(text)
  if (!m || m.index > reach || RELATIVE_CLAUSE.test(text.slice(m.index + m[0].length))) return undefined
  return m.index
}

/**
 * "ตัวชี้วัดที่ได้คะแนนสูงสุด คือ ...", "ตัวชี้วัดที่มีคะแนนต่ำกว่าเกณฑ์": ที่ opening a clause ("the indicator
 * that got ..."), not the label of a numbered indicator whose number was lost.
 */
const RELATIVE_CLAUSE = /^\s*(?:ได้|มี|ต้อง|ควร|ยัง|อยู่|เป็น|ผ่าน|ไม่|จะ|ซึ่ง)/

/**
 * A heading without the Markdown marks and the clause number before its label: "### ๕.๑ ตัวชี้วัดที่ ๑
 * ..." -> "ตัวชี้วัดที่ 1 ...", "6.2 มาตรการที่ 2 ..." -> "มาตรการที่ 2 ...". Only before a label: a number
 * before anything else may be a score.
 */
export function withoutClauseNumber(text: string): string {
  return text.replace(CLAUSE_BEFORE_LABEL, '')
}
const CLAUSE_BEFORE_LABEL = /^\s*(?:#{1,6}\s*)?(?:\*\*)?\s*(?:ข้อ\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?\s*)?(?=ต\s*ั?\s*ว\s*[ชซข]|ต\s*[ชซ]\s*(?:\.|\s*\d)|มาตรการ\s*ที่)/

/** A heading's clause number opening a line: "4.1 ", "### 5.1 ", "ข้อ 2.3 " (a score opening a wrapped line is one too: see `clauseNumberOpens`). */
export const LEADING_CLAUSE = /^[#*\s]*(?:ข้อ\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s/

/**
 * Whether the number at `offset` in a line is the clause number opening it ("### 5.1 ไตรมาสที่ 1"), not a
 * score: the line opens with it and words follow it, not the word for score ("88.98 คะแนน ...", a
 * sentence wrapped before its score).
 */
export function clauseNumberOpens(line: string, offset: number): boolean {
  const m = LEADING_CLAUSE.exec(line)
  if (!m || offset >= m[0].length) return false
  return !SCORE_MARK_NEXT.test(line.slice(m[0].length))
}
/** What follows a score, not a clause number: its bracket's end, the word for score, a percent sign. */
const SCORE_MARK_NEXT = new RegExp(String.raw`^\s*(?:\)|${SCORE_WORD}|%)`)

/** The indicator number a text starts with ("ตัวชี้วัดที่ 4 ..."), when it is printed and readable. */
export function leadingIndicatorNumber(text: string): { number: number; rest: string } | undefined {
  const m = INDICATOR_PREFIX.exec(text)
  if (!m || m.index > AT_START) return undefined
  const after = text.slice(m.index + m[0].length)
  const n = LABEL_NUMBER.exec(after)
  if (!n) return undefined
  return { number: Number(n[1]), rest: after.slice(n[0].length).trim() }
}

export interface IndicatorName {
  readonly number: number
  readonly name: string
}

export interface IdentifiedIndicator {
  readonly number: number
  /** Text after the label and number. */
  readonly rest: string
  readonly by: 'number' | 'name' | 'number+name'
  /** Set when the printed number was unreadable or contradicted by the name. */
  readonly repair?: string
}

/** How much of an indicator's name the start of `rest` holds (0-1). */
function nameFit(rest: string, name: string): number {
  return containment(name, rest.slice(0, name.length + 8))
}

/**
 * An indicator label with its number, read from the printed number and confirmed by the name
 * after it. When OCR made the number unreadable ("ตัวชี้วัดที่ « การเปิดเผยข้อมูล") or wrong, a name that
 * clearly matches one indicator identifies it, and the repair is said.
 */
export function identifyIndicator(text: string, names: readonly IndicatorName[]): IdentifiedIndicator | undefined {
  const m = INDICATOR_PREFIX.exec(text)
  if (!m || m.index > AT_START) return undefined
  const after = text.slice(m.index + m[0].length)
  if (RELATIVE_CLAUSE.test(after)) return undefined
  const n = LABEL_NUMBER.exec(after)
  const rest = (n ? after.slice(n[0].length) : after.replace(UNREADABLE_NUMBER, '')).trim()
  const fits = names.map((i) => ({ number: i.number, fit: nameFit(rest, i.name) })).sort((a, b) => b.fit - a.fit)
  const best = fits[0]
  const clear = best && best.fit >= 0.75 && best.fit - (fits[1]?.fit ?? 0) >= 0.2
  if (n) {
    const printed = Number(n[1])
    if (!clear || best.number === printed) return { number: printed, rest, by: clear ? 'number+name' : 'number' }
    const printedFit = fits.find((f) => f.number === printed)?.fit ?? 0
    if (printedFit >= 0.5) return { number: printed, rest, by: 'number' }
    return { number: best.number, rest, by: 'name', repair: `indicator number read as "${n[1]}"; the name identifies indicator ${best.number}` }
  }
  if (!clear) return undefined
  const unread = UNREADABLE_NUMBER.exec(after)?.[0].trim()
  return { number: best.number, rest, by: 'name', repair: `indicator number unreadable${unread ? ` ("${unread}")` : ''}; the name identifies indicator ${best.number}` }
}

/** How much of an indicator's name a text starts with (0-1), ignoring spaces and marks. */
function nameAtStart(text: string, name: string): number {
  const head = skeleton(text).slice(0, skeleton(name).length + 2)
  return containment(name, head)
}

/** Whether the text begins as the name does (its first few letters, OCR damage allowed). */
const startsLike = (text: string, name: string) => containment(name.slice(0, 6), text.trim().slice(0, 9)) >= 0.5

/** An ordinal before a name: "1 การปฏิบัติหน้าที่", "๒. การใช้งบประมาณ", "3) การใช้อำนาจ". */
const ORDINAL = /^\s*(\d{1,2})\s*[.):]?\s*(?=[^\s\d.,])/
/** How much longer than the name a text naming an indicator by name alone may be (skeleton characters). */
const NAME_ONLY_SLACK = 24

export interface IndicatorInText {
  readonly found: IdentifiedIndicator
  /** Characters before the indicator label that were not part of it (specks OCR read as text). */
  readonly ignored?: string
}

/**
 * The indicator a short text (a table row's label, a heading) names, in any of the ways reports
 * print it: "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่", an ordinal and the name ("1. การปฏิบัติหน้าที่"), or the
 * name alone. A label found after other characters, an ordinal, or a name alone counts only when
 * the name confirms it: item titles and prose do not name indicators this way.
 */
export function findIndicator(text: string, names: readonly IndicatorName[]): IndicatorInText | undefined {
  if (startsWithIndicatorLabel(text)) {
    const found = identifyIndicator(text, names)
    return found && { found }
  }
  const at = indicatorLabelOffset(text)
  if (at !== undefined) {
    const found = identifyIndicator(text.slice(at), names)
    if (!found || found.by === 'number') return undefined
    return { found, ignored: text.slice(0, at).trim() }
  }
  const ordinal = ORDINAL.exec(text)
  const rest = ordinal ? text.slice(ordinal[0].length).trim() : text.trim()
  const fits = names.map((i) => ({ number: i.number, name: i.name, fit: nameAtStart(rest, i.name) })).sort((a, b) => b.fit - a.fit)
  const best = fits[0]
  // An ordinal that agrees with the name needs less of the name (indicator 8 is printed two ways),
  // but the name's first word still: "6) รายงานผลการดำเนินงาน" is a numbered step, not คุณภาพการดำเนินงาน.
  const needed = ordinal && Number(ordinal[1]) === best?.number && startsLike(rest, best.name) ? 0.65 : 0.8
  if (!best || best.fit < needed || best.fit - (fits[1]?.fit ?? 0) < 0.2) return undefined
  if (skeleton(rest).length > skeleton(best.name).length + NAME_ONLY_SLACK) return undefined
  if (!ordinal) return { found: { number: best.number, rest, by: 'name' } }
  const printed = Number(ordinal[1])
  if (printed === best.number) return { found: { number: printed, rest, by: 'number+name' } }
  return { found: { number: best.number, rest, by: 'name', repair: `indicator number read as "${ordinal[1]}"; the name identifies indicator ${best.number}` } }
}
