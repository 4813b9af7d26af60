/** Building report values ({ value, prov }) from rows and cells, with provenance. */
import type { Origin } from '../../model/document.js'
import type { NumberValue, Prov, Repair, Section, TextValue } from '../../report/schema.js'
import { thaiDigitsToAscii } from '../normalise/normalise-thai.js'
import type { Answer, RowCell } from './rows.js'
import { DECIMAL_SCORE, SCORE_DECIMALS, SCORE_WORD } from './thai-text.js'
import { ANSWER_MARK, PUBLISHED_NO, PUBLISHED_YES } from './vocabulary.js'

export function prov(origin: Origin, section: Section, raw: string, repairs: Repair[] = []): Prov {
  return {
    section,
    page: origin.page,
    ...(origin.line !== undefined && { line: origin.line }),
    ...(origin.bbox && { bbox: origin.bbox }),
    ...(origin.place && { place: origin.place }),
    raw,
    source: origin.source,
    ...(origin.confidence !== undefined && { confidence: origin.confidence }),
    ...(origin.reader && { reader: origin.reader }),
    ...(repairs.length > 0 && { repairs }),
  }
}

export function textValue(value: string, origin: Origin, section: Section, raw: string, repairs: Repair[] = []): TextValue {
  return { value, prov: prov(origin, section, raw, repairs) }
}

export function cellTextValue(cell: RowCell, section: Section): TextValue | null {
  return cell.text ? textValue(cell.text, cell.origin, section, cell.raw) : null
}

/**
 * A score as printed: 0-100, whole or with the decimals of `SCORE_DECIMALS` ("93.55", "100.00", "58",
 * "99,50", "93.550"), a space a justified line spread left inside it.
 */
const SCORE = new RegExp(String.raw`^\d{1,3}(?:${SCORE_DECIMALS})?$`)

export function parseScore(text: string): number | undefined {
  const compact = text.trim().replace(/\s*([.,])\s*/, '$1')
  if (!SCORE.test(compact)) return undefined
  const value = Number(compact.replace(',', '.'))
  return value <= 100 ? value : undefined
}

/**
 * The raw substring of `raw` that printed `normalised` (a number found in the normalised text).
 * Digit conversion keeps lengths, so the number is found at the same place in the digit-converted
 * raw text; when it cannot be located the whole raw text is returned.
 */
export function rawOf(normalised: string, raw: string): string {
  const at = thaiDigitsToAscii(raw).indexOf(normalised)
  return at >= 0 ? raw.slice(at, at + normalised.length) : raw
}

export function numberValue(value: number | null, origin: Origin, section: Section, raw: string, repairs: Repair[] = []): NumberValue {
  const own = originOfNumber(origin, raw)
  const base: NumberValue = { value, prov: prov(own, section, raw, repairs) }
  // OCR below this confidence is reported as uncertain rather than trusted as printed.
  const doubted = own.source === 'ocr' && ((own.confidence ?? 1) < LOW_CONFIDENCE || own.uncertain === true)
  if (value === null || doubted) return { ...base, uncertain: true }
  return base
}

/**
 * A number inside a longer OCR'd line or cell has its own reading (box, confidence, reader) when
 * it was re-read: the number's provenance is that reading, not the whole line's, so a doubtful
 * word elsewhere on the line does not make the number doubtful, and a doubtful number is.
 */
export function originOfNumber(origin: Origin, raw: string): Origin {
  const token = thaiDigitsToAscii(raw.trim())
  const reading = origin.readings?.find((r) => r.used && thaiDigitsToAscii(r.raw.trim()) === token)
  if (!reading) return origin
  return {
    ...origin,
    ...(reading.page !== undefined && { page: reading.page }),
    ...(reading.bbox && { bbox: reading.bbox }),
    ...(reading.confidence !== undefined && { confidence: reading.confidence }),
    reader: reading.reader,
    uncertain: reading.uncertain === true,
  }
}

/** The same value with one more repair noted in its provenance. */
export function withRepair<T extends { prov: Prov }>(v: T, repair: Repair): T {
  return { ...v, prov: { ...v.prov, repairs: [...(v.prov.repairs ?? []), repair] } }
}

/** OCR confidence under which a number is marked uncertain. */
export const LOW_CONFIDENCE = 0.6

/** A score read from a whole cell. Returns undefined for an empty cell; an unreadable one is `value: null`. */
export function cellScore(cell: RowCell | undefined, section: Section): NumberValue | undefined {
  if (!cell || cell.text.trim() === '') return undefined
  const token = scoreToken(cell.text)
  const value = token === undefined ? undefined : parseScore(token)
  if (value === undefined && section !== 'summary') {
    const published = yesNoScore(cell.text, cell.answers)
    if (published) return numberValue(published.value, cell.origin, section, cell.raw, [published.repair])
  }
  return numberValue(value ?? null, cell.origin, section, cell.raw)
}

/**
 * The number a cell holding one score prints, whatever is printed around it: its unit ("89.41 คะแนน",
 * "100 points"), brackets ("(89.41)", "[89.41]"), a percent sign ("85.93%": a score out of 100 is a
 * percentage), a mark ("89.41*"), "out of 100" ("94.49/100") or a note ("96.09 (ข้อมูล ณ วันที่ 30 ก.ย.
 * 68)"). None of them changes the number. Undefined when the cell holds anything else.
 */
export function scoreToken(text: string): string | undefined {
  let rest = withoutScoreUnit(text).trim()
  for (let pass = 0; pass < 3; pass++) {
    const m = SCORE_TOKEN.exec(rest)
    if (m) return m[1]!.replace(/\s+/g, '')
    const next = rest.replace(SCORE_NOTE, '$1').replace(SCORE_BRACKETS, '$1').trim()
    if (next === rest) return undefined
    rest = withoutScoreUnit(next).trim()
  }
  return undefined
}
/** A score as printed in a cell, OCR's spaces about its point allowed ("89 .41"). */
const SPACED_SCORE = String.raw`\d{1,3}(?:\s*[.,]\s*\d{1,3})?`
const SCORE_TOKEN = new RegExp(String.raw`^(${SPACED_SCORE})$`)
/** What follows a score in its cell and does not change it: a note in brackets, a mark, "/100", "%". */
const SCORE_NOTE = new RegExp(String.raw`^(${DECIMAL_SCORE}|\d{1,3})\s*(?:\([^()]*[ก-๛][^()]*\)|\*{1,3}|\/\s*100(?:[.,]0{1,3})?|%)$`)
/** A score in brackets: "(89.41)", "[89.41 คะแนน]". */
const SCORE_BRACKETS = /^[([]\s*([^()[\]]*?)\s*[)\]]$/

/** A cell holding one score printed with decimals ("89.41", "89.41 คะแนน", "(89.41)"), not an ordinal or a count. */
export const isDecimalScoreCell = (text: string) => /[.,]\d/.test(scoreToken(text) ?? '')

/**
 * A score cell with its unit after the number ("97.25 คะแนน", "97.25 คะแนน*", "100 points"): the number
 * alone. The unit says what the number is; it is not a note that changes it.
 */
export function withoutScoreUnit(text: string): string {
  return text.replace(SCORE_UNIT_AFTER, '$1$2')
}
const SCORE_UNIT_AFTER = new RegExp(String.raw`^(\s*${SPACED_SCORE})\s*(?:${SCORE_WORD}|points?|pts\.?)(\s*\**\s*)$`, 'i')

/**
 * An OIT item's score printed as whether the information is published: "มี" (has) or a tick is 100,
 * "ไม่มี" (has not) or a cross is 0, as the OIT scores each item. A mark in a column headed by an answer
 * (a checklist's มี | ไม่มี) gives that column's answer: a tick under ไม่มี is 0. Said as a repair, since
 * no number was printed.
 */
function yesNoScore(text: string, column: Answer | undefined): { value: number; repair: Repair } | undefined {
  const yes = PUBLISHED_YES.test(text)
  if (!yes && !PUBLISHED_NO.test(text)) return undefined
  const mark = ANSWER_MARK.test(text)
  const published = mark && column === 'no' ? false : yes
  const value = published ? 100 : 0
  const where = mark && column ? ` in the column headed ${column === 'yes' ? 'มี' : 'ไม่มี'}` : ''
  return { value, repair: { kind: 'score-from-yes-no', detail: `printed "${text.trim()}"${where}; an OIT item scores ${value} when its information is ${published ? '' : 'not '}published` } }
}

/**
 * A score ending a text, the one source of its variants: `whole100` takes a whole 100 as well as a score
 * with decimals, `unit` lets "คะแนน" follow it, `spaced` wants a space before it.
 */
function scoreAtEnd(o: { whole100: boolean; unit: boolean; spaced: boolean }): RegExp {
  const unit = o.unit ? String.raw`\s*(?:คะแนน)?` : ''
  return new RegExp(String.raw`${o.spaced ? SPACE_OR_LEADER : ''}(${DECIMAL_SCORE}${o.whole100 ? '|100' : ''})${unit}\s*$`)
}
/** Before a score after its label: a space, or leader dots typed right up to it ("การปฏิบัติหน้าที่ .......92.75"). */
const SPACE_OR_LEADER = String.raw`(?:\s|(?<=[.…]{2}))`
/** "... คะแนน 93.55", "... 100 คะแนน". */
const TRAILING_SCORE = scoreAtEnd({ whole100: true, unit: true, spaced: false })
/** A sentence's score ("... ได้คะแนน 84.88 คะแนน"); a whole 100 ending a sentence is a count as often as a score. */
export const TRAILING_DECIMAL_SCORE = scoreAtEnd({ whole100: false, unit: true, spaced: false })
/** A table row's number after its label ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 89.41"). */
export const TRAILING_BARE_SCORE = scoreAtEnd({ whole100: true, unit: false, spaced: true })

/** The trailing score of a line ("... คะแนน 93.55"), found in the normalised text. */
export function trailingScore(text: string): { value: number; token: string; rest: string } | undefined {
  const m = TRAILING_SCORE.exec(text)
  if (!m) return undefined
  const value = parseScore(m[1]!)
  if (value === undefined) return undefined
  return { value, token: m[1]!, rest: text.slice(0, m.index).trim() }
}
