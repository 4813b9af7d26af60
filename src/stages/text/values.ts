/** Building report values ({ value, prov }) from rows and cells, with provenance. */
import type { Origin } from '../../model/document.js'
import type { NumberValue, Prov, Repair, Section, TextValue } from '../../report/schema.js'
import { thaiDigitsToAscii } from '../normalise/normalise-thai.js'
import type { RowCell } from './rows.js'
import { DECIMAL_SCORE, SCORE_DECIMALS, SCORE_WORD } from './thai-text.js'

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
  const value = parseScore(cell.text) ?? parseScore(withoutNote(cell.text))
  if (value === undefined && section !== 'summary') {
    const published = yesNoScore(cell.text)
    if (published) return numberValue(published.value, cell.origin, section, cell.raw, [published.repair])
  }
  return numberValue(value ?? null, cell.origin, section, cell.raw)
}

/**
 * A score cell's note after its number: "96.09 (ข้อมูล ณ วันที่ 30 ก.ย. 68)", "89.41*", "94.49/100" (out
 * of 100), "85.93%" (a score out of 100 is a percentage: the sign is a mark, not part of the number).
 */
const withoutNote = (text: string) =>
  withoutScoreUnit(text).replace(NOTE_AFTER, '$1')
const NOTE_AFTER = new RegExp(String.raw`^\s*(${DECIMAL_SCORE}|100)\s*(?:\([^()]*[ก-๛][^()]*\)|\*{1,3}|\/\s*100(?:[.,]0{1,3})?|%)\s*$`)

/**
 * A score cell with its unit after the number ("97.25 คะแนน", "97.25 คะแนน*", "100 points"): the number
 * alone. The unit says what the number is; it is not a note that changes it.
 */
export function withoutScoreUnit(text: string): string {
  return text.replace(SCORE_UNIT_AFTER, '$1$2')
}
const SCORE_UNIT_AFTER = new RegExp(String.raw`^(\s*\d{1,3}(?:\s*[.,]\s*\d{1,3})?)\s*(?:${SCORE_WORD}|points?|pts\.?)(\s*\**\s*)$`, 'i')

/**
 * An OIT item's score printed as whether the information is published: "มี" (has) is 100, "ไม่มี"
 * (has not) is 0, as the OIT scores each item. Said as a repair, since no number was printed.
 */
function yesNoScore(text: string): { value: number; repair: Repair } | undefined {
  const m = /^\s*(ไม่\s*)?มี\s*$/.exec(text)
  if (!m) return undefined
  const value = m[1] ? 0 : 100
  return { value, repair: { kind: 'score-from-yes-no', detail: `printed "${text.trim()}"; an OIT item scores ${value} when its information is ${m[1] ? 'not ' : ''}published` } }
}

/** The trailing score of a line ("... คะแนน 93.55"), found in the normalised text. */
export function trailingScore(text: string): { value: number; token: string; rest: string } | undefined {
  const m = new RegExp(String.raw`(${DECIMAL_SCORE}|100)\s*(?:คะแนน)?\s*$`).exec(text)
  if (!m) return undefined
  const value = parseScore(m[1]!)
  if (value === undefined) return undefined
  return { value, token: m[1]!, rest: text.slice(0, m.index).trim() }
}
