/**
 * Decides, page by page, whether the text layer can be trusted or the page needs OCR, like
 * OCRmyPDF's `--ocr auto|always|never` (its --skip-text / --force-ocr). The check is measurable:
 * the share of characters that cannot be right (NUL and other controls, U+FFFD, private-use code
 * points: what a broken ToUnicode map produces), Thai marks with no base to sit on, and how much
 * of the page is an image with next to no text on it (a scan with a stamped header).
 */

import type { OcrMode } from '../../../model/document.js'

export type { OcrMode }

export interface TextLayerStats {
  /** Non-white-space characters in the text layer. */
  readonly chars: number
  /** NUL and other control characters, U+FFFD, private-use code points. */
  readonly unreadable: number
  /** Thai above/below vowels and tone marks not preceded by a consonant (or a vowel a tone mark may follow). */
  readonly orphanMarks: number
  /** Nikhahit + sara aa where sara am was meant (fixable by normalisation; reported, not decisive). */
  readonly splitSaraAm: number
  /** Share of the page area covered by painted images, 0-1. */
  readonly imageCoverage: number
  /** Painted vector paths; many paths and no text suggests text drawn as outlines. */
  readonly paintedPaths: number
}

export type PageDecision =
  /** `untrusted`: the page needs OCR by the checks, and `never` kept its text layer (`note` says why). */
  | { readonly readBy: 'pdf-text'; readonly note?: string; readonly untrusted?: true }
  | { readonly readBy: 'ocr'; readonly reason: string }
  | { readonly readBy: 'blank' }

/** Above 2% impossible characters, the layer is damaged. Real layers measured 0% (see read-pdf.test.ts). */
export const MAX_DAMAGE_SHARE = 0.02
/** A page mostly covered by an image with fewer characters than this is treated as a scan. */
export const MIN_CHARS_ON_IMAGE_PAGE = 100
export const IMAGE_PAGE_COVERAGE = 0.5
const OUTLINED_TEXT_PATHS = 200

export function classifyPage(stats: TextLayerStats, mode: OcrMode): PageDecision {
  if (mode === 'always') return { readBy: 'ocr', reason: 'OCR forced (--ocr always)' }
  const damage = stats.chars === 0 ? 0 : (stats.unreadable + stats.orphanMarks) / stats.chars
  const verdict = ((): PageDecision => {
    if (stats.chars === 0) {
      if (stats.imageCoverage >= IMAGE_PAGE_COVERAGE) return { readBy: 'ocr', reason: `image-only page (${pct(stats.imageCoverage)} of the page is an image, no text layer)` }
      if (stats.imageCoverage > 0 || stats.paintedPaths >= OUTLINED_TEXT_PATHS) return { readBy: 'ocr', reason: 'no text layer (images or vector outlines only)' }
      return { readBy: 'blank' }
    }
    if (damage > MAX_DAMAGE_SHARE) {
      return {
        readBy: 'ocr',
        reason: `damaged text layer: ${pct(damage)} of ${stats.chars} characters cannot be right (${stats.unreadable} unreadable, ${stats.orphanMarks} Thai marks without a base)`,
      }
    }
    if (stats.imageCoverage >= IMAGE_PAGE_COVERAGE && stats.chars < MIN_CHARS_ON_IMAGE_PAGE) {
      return { readBy: 'ocr', reason: `mostly image (${pct(stats.imageCoverage)}) with only ${stats.chars} characters of text` }
    }
    return stats.splitSaraAm > 0 ? { readBy: 'pdf-text', note: `${stats.splitSaraAm} sara am written as nikhahit + sara aa` } : { readBy: 'pdf-text' }
  })()
  if (mode === 'never' && verdict.readBy === 'ocr') return { readBy: 'pdf-text', note: `would need OCR: ${verdict.reason}`, untrusted: true }
  return verdict
}

const THAI_CONSONANT = /[\u0E01-\u0E2E]/
/** Above/below vowels, tone marks and other combining signs. */
const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/
/** Marks that may stand on another mark: tone marks and thanthakhat over an upper/lower vowel. */
const STACKING_MARK = /[\u0E48-\u0E4C]/
const VOWEL_UNDER_TONE = /[\u0E31\u0E34-\u0E39]/

/** Counts characters that show a text layer is damaged. */
export function measureText(text: string): Pick<TextLayerStats, 'chars' | 'unreadable' | 'orphanMarks' | 'splitSaraAm'> {
  const chars = [...text]
  let count = 0
  let unreadable = 0
  let orphanMarks = 0
  let splitSaraAm = 0
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k]!
    if (/\s/.test(ch) && ch !== '\0') continue
    count++
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) unreadable++
    else if (THAI_MARK.test(ch)) {
      const prev = chars[k - 1] ?? ''
      const prev2 = chars[k - 2] ?? ''
      const ok =
        THAI_CONSONANT.test(prev) ||
        (STACKING_MARK.test(ch) && VOWEL_UNDER_TONE.test(prev) && THAI_CONSONANT.test(prev2)) ||
        // nikhahit of a split sara am after a tone mark: น + ้ + ํ + า
        (ch === '\u0E4D' && STACKING_MARK.test(prev) && THAI_CONSONANT.test(prev2))
      if (!ok) orphanMarks++
      if (ch === '\u0E4D' && chars[k + 1] === '\u0E32') splitSaraAm++
    }
  }
  return { chars: count, unreadable, orphanMarks, splitSaraAm }
}

function pct(x: number): string {
  return `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`
}
