/**
 * Item codes in a table's code column (i1 ... i15, e1 ... e9, o1 ... o28, a point after or not),
 * which tesseract reads as numbers: the letter i as 1 or l ("i2." as "12.", "i1" as "il"), I as
 * เ, o as 0. Such a cell looks numeric, the digit reader reads it as a number, fails on the letter
 * ("?2"), and the cell came out unreadable: the item lost its code. The digit reader is sure the
 * first glyph is no digit, and of the digits after it; tesseract's first character says which
 * letter it is (only one of i, e, o looks like 1, l or เ). Where both readings agree on the
 * digits, and most cells of the column read as codes, the cell is that code; both readings stay
 * in provenance.
 */
import type { TableCell } from '../../model/document.js'
import { DIGIT_READER, TESSERACT } from './reread-numbers.js'

/** Reader name of a code put together from both readers (`withItemCodes`). */
export const ITEM_CODE_READER = 'item-code'

/** A code as printed, read right by tesseract. */
const CODE = /^[ieoIEO][1-9]\d?\.?$/
/** What tesseract makes of each letter: i / I as 1, l, I, |, ! or เ; e as e, c or 6; o as 0, o or ๐. */
const LETTER_OF: readonly [RegExp, string][] = [
  [/^[iIl1|!เ]$/, 'i'],
  [/^[eEc6๑]$/, 'e'],
  [/^[oO0๐]$/, 'o'],
]
/** The code letter tesseract's character `c` can be a misreading of, or undefined. */
export function letterOfCode(c: string): string | undefined {
  return LETTER_OF.find(([shape]) => shape.test(c))?.[1]
}

/** The digit reader's reading of a code: a non-digit (or 0 for o), then the item's number. */
const DIGITS_OF_CODE = /^([?0])([1-9]\d?)$/
/** Digits as tesseract misreads them in codes (l and I for 1, o and O for 0). */
const ASCII_DIGIT: Record<string, string> = { l: '1', I: '1', '|': '1', o: '0', O: '0' }
/** The digit reader's confidence in its reading (its least sure glyph) needed. */
const MIN_CONFIDENCE = 0.9

/** The code a cell holds by both readings, or undefined. */
export function codeOfReadings(tesseract: string, digitReader: string, confidence: number): string | undefined {
  const seen = tesseract.replace(/\s/g, '')
  const point = seen.endsWith('.') ? '.' : ''
  const chars = [...seen.replace(/\.$/, '')]
  const read = DIGITS_OF_CODE.exec(digitReader)
  if (!read || confidence < MIN_CONFIDENCE || chars.length < 2) return undefined
  const [, first, number] = read as unknown as [string, string, string]
  const letter = letterOfCode(chars[0]!)
  // A 0 the digit reader saw is an o's round shape, never an i's stroke.
  if (!letter || (first === '0' && letter !== 'o')) return undefined
  const digits = chars.slice(1).map((c) => ASCII_DIGIT[c] ?? c).join('')
  return digits === number && Number(number) <= 60 ? `${letter}${number}${point}` : undefined
}

interface Placed {
  readonly row: number
  readonly cell: TableCell
}

/**
 * The cells of a table with the codes of its code columns read (see the module comment): a column
 * is one where most filled cells below the heading (an indicator's heading row spanning the table
 * aside) read as codes, by tesseract alone or by both readers together; at least two, or all.
 */
export function withItemCodes<T extends Placed>(cells: readonly T[]): TableCell[] {
  const codes = cells.map(({ cell }) => {
    const tesseract = cell.origin.readings?.find((r) => r.reader === TESSERACT)?.raw
    const digits = cell.origin.readings?.find((r) => r.reader === DIGIT_READER)
    // Only a cell read whole as one number: in a cell of a code and its title ("o17 แนวปฏิบัติ...")
    // the readings are of the number alone, and the title must stay.
    const whole = tesseract !== undefined && tesseract.replace(/\s/g, '') === cell.text.replace(/\s/g, '')
    return whole && digits && !digits.used ? codeOfReadings(tesseract, digits.raw, digits.confidence ?? 0) : undefined
  })
  const codeColumns = new Set<number>()
  for (const col of new Set(cells.map((c) => c.cell.col))) {
    const filled = cells.map((c, i) => [c, i] as const).filter(([c]) => c.cell.col === col && c.cell.colSpan === 1 && c.row > 0 && c.cell.text.trim() !== '')
    const coded = filled.filter(([c, i]) => codes[i] !== undefined || CODE.test(c.cell.text.replace(/\s/g, '')))
    if ((coded.length >= 2 && coded.length * 2 >= filled.length) || (coded.length > 0 && coded.length === filled.length)) codeColumns.add(col)
  }
  return cells.map(({ cell }, i) => {
    const code = codes[i]
    if (code === undefined || !codeColumns.has(cell.col)) return cell
    const readings = [
      ...(cell.origin.readings ?? []).map((r) => ({ ...r, used: false })),
      { reader: ITEM_CODE_READER, raw: code, used: true },
    ]
    const { uncertain: _, ...origin } = cell.origin
    return { ...cell, text: code, raw: code, origin: { ...origin, reader: `${TESSERACT}+${DIGIT_READER}`, readings } }
  })
}
