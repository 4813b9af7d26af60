/**
 * Thai text normalisation. Each repair is its own small, tested function; `normaliseText` applies
 * them in a fixed order. The raw text is always kept beside the result by the caller.
 */

const THAI_ZERO = 0x0e50

/** ๐-๙ -> 0-9, and full-width ０-９ -> 0-9. */
export function thaiDigitsToAscii(s: string): string {
  return s.replace(/[\u0E50-\u0E59\uFF10-\uFF19]/g, (d) => {
    const code = d.charCodeAt(0)
    return String(code >= 0xff10 ? code - 0xff10 : code - THAI_ZERO)
  })
}

/** Full-width ASCII punctuation and letters (U+FF01-FF5E) -> ASCII; the ideographic space -> space. */
export function fullWidthToAscii(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/**
 * Sara am (ำ, U+0E33) written as nikhahit + sara aa (U+0E4D U+0E32), which OCR and PDF text layers
 * produce and NFC does not fix; and the doubled form "ำา" (sara am followed by a stray sara aa,
 * as in "ทำาน"), which never occurs in correct Thai.
 */
export function fixSaraAm(s: string): string {
  return s.replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, (_m, tone: string) => `${tone}\u0E33`).replace(/\u0E33\u0E32/g, '\u0E33')
}

/** Zero-width characters, soft hyphens, BOMs and control characters other than tab and newline. */
export function stripInvisible(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
}

/** HTML tags left in transcripts (`<p>`, `</p>`, `<br>`, `<b>` ...) become spaces; entities for &, <, >, nbsp decoded. */
export function stripTags(s: string): string {
  return s
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Markdown emphasis and stray pipes: `**x**` -> `x`, `| a |` -> `a`. */
export function stripMarkdown(s: string): string {
  return s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\s)\|(?=\s|$)/g, '$1')
}

const THAI_COMBINING = '\u0E31\u0E34-\u0E3A\u0E47-\u0E4E'

/**
 * White space: runs collapse to one space, the ends are trimmed, and a space that splits a Thai
 * combining mark from its base ("ชี ้") is removed.
 */
export function normaliseSpaces(s: string): string {
  return s
    .replace(/[\s\u00A0]+/g, ' ')
    .replace(new RegExp(`([\\u0E01-\\u0E4F]) +(?=[${THAI_COMBINING}])`, 'g'), '$1')
    .trim()
}

export interface NormaliseOptions {
  /** Convert Thai digits (๐-๙) to ASCII digits. @default true */
  readonly asciiDigits?: boolean
  /** The text was read by OCR from a page image (its misreadings are repaired too). @default false */
  readonly readByOcr?: boolean
}

/**
 * Square brackets as round ones: tesseract's Thai model reads a round bracket as a square one
 * ("1] สำรวจ" for 1), "[คะแนน 74.08]", "(ปีงบประมาณ ... คะแนน]"), and the report's words and
 * numbers are read with round ones. Only in text read by OCR.
 */
export function roundBrackets(s: string): string {
  return s.replace(/\[/g, '(').replace(/\]/g, ')')
}

/** All repairs, in order. Idempotent: normalising normalised text changes nothing. */
export function normaliseText(raw: string, options: NormaliseOptions = {}): string {
  // One repair can expose another (a mark rejoined across a space completes a split sara am, or
  // needs canonical reordering), so passes repeat until nothing changes; two suffice in practice.
  let current = raw
  for (let pass = 0; pass < 4; pass++) {
    const next = normalisePass(current, options)
    if (next === current) break
    current = next
  }
  return current
}

function normalisePass(raw: string, options: NormaliseOptions): string {
  const { asciiDigits = true, readByOcr = false } = options
  let s = raw.normalize('NFC')
  if (readByOcr) s = roundBrackets(s)
  s = stripInvisible(s)
  s = stripTags(s)
  s = stripMarkdown(s)
  s = fullWidthToAscii(s)
  if (asciiDigits) s = thaiDigitsToAscii(s)
  s = normaliseSpaces(s)
  return fixSaraAm(s).normalize('NFC')
}
