/**
 * The words of measure periods as tesseract misreads them, restored:
 * - Thai month abbreviations in dates: the point between the two consonants comes out as the
 *   vowel ุ below the first (ก.ย. read as กุย. or ก.ุย.), so "1 ต.ค. 68 - 30 ก.ย. 69" loses its
 *   end month. Only between a day and a year (digits on both sides), and only where the letters
 *   make a month's abbreviation, is the point put back.
 * - ปีงบประมาณ read as ปีจบประมาณ, ปืจบประมาณ or ปีืงบประมาณ (ง as จ, ี as ื): no other word
 *   has that shape.
 */
import type { Origin } from '../../model/document.js'
import { THAI_MONTHS } from '../../model/thai-months.js'
import { TESSERACT } from './reread-numbers.js'

const ABBREVIATIONS = new Set(THAI_MONTHS.map(([, , short]) => short))
const DIGIT = String.raw`[0-9\u0E50-\u0E59]`
/** A day, one or two letters, the misread point (ุ, .ุ or a point), a letter, a point or not, a year. */
const MISREAD = new RegExp(String.raw`(${DIGIT}{1,2}\s*)([\u0E01-\u0E2E]\u0E35?)(?:\.?\u0E38|\u0E38\.?)([\u0E01-\u0E2E])\.?(\s*${DIGIT}{2,4})`, 'g')

const FISCAL_YEAR = /ป[\u0E35\u0E37]{1,2}[งจ]บประมาณ/g

/** The text with misread period words restored; the same string when there were none. */
export function restorePeriodWords(text: string): string {
  return text
    .replace(MISREAD, (whole, day: string, first: string, second: string, year: string) => {
      const month = `${first}.${second}.`
      return ABBREVIATIONS.has(month) ? `${day}${month}${year.startsWith(' ') ? year : ` ${year}`}` : whole
    })
    .replace(FISCAL_YEAR, 'ปีงบประมาณ')
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
