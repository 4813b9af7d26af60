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

/**
 * Matches "ตัวชี้วัดที่ N" with the damage OCR does to it (dropped marks, ซ for ช, spaces).
 * Group 1 is the number.
 */
export const INDICATOR_LABEL = /ต\s*ั?\s*ว\s*[ชซ]\s*[ีิ]?\s*้?\s*ว\s*ั?\s*ด\s*(?:ท\s*[ีิ]\s*่?)?\s*(\d{1,2})(?!\d|\.\d)/

/** The indicator number a text starts with ("ตัวชี้วัดที่ 4 ..."), if it does. */
export function leadingIndicatorNumber(text: string): { number: number; rest: string } | undefined {
  const m = INDICATOR_LABEL.exec(text)
  if (!m || m.index > 3) return undefined
  return { number: Number(m[1]), rest: text.slice(m.index + m[0].length).trim() }
}
