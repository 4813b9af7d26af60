/**
 * List numbers as a word processor prints them (Word's numFmt, ODF's num-format), for the labels
 * the .docx and .odt readers put back in front of numbered paragraphs.
 */

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'
/** Word's thaiLetters sequence (the consonants without the obsolete ฃ and ฅ). */
const THAI_LETTERS = 'กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ'

export type ListFormat = 'decimal' | 'decimalZero' | 'thaiNumbers' | 'thaiLetters' | 'upperRoman' | 'lowerRoman' | 'upperLetter' | 'lowerLetter' | 'bullet' | 'none'

/** Word's `w:numFmt` values this reader knows; others print as decimal. */
export function wordListFormat(numFmt: string | undefined): ListFormat {
  switch (numFmt) {
    case 'decimalZero':
    case 'thaiNumbers':
    case 'thaiLetters':
    case 'upperRoman':
    case 'lowerRoman':
    case 'upperLetter':
    case 'lowerLetter':
    case 'bullet':
    case 'none':
      return numFmt
    default:
      return 'decimal'
  }
}

/** ODF's `style:num-format` (`1`, `a`, `A`, `i`, `I`, `๑`, `ก`, empty). */
export function odfListFormat(numFormat: string | undefined): ListFormat {
  switch (numFormat) {
    case undefined:
    case '':
      return 'none'
    case 'a':
      return 'lowerLetter'
    case 'A':
      return 'upperLetter'
    case 'i':
      return 'lowerRoman'
    case 'I':
      return 'upperRoman'
    case '๑':
      return 'thaiNumbers'
    case 'ก':
      return 'thaiLetters'
    default:
      return 'decimal'
  }
}

export function formatListNumber(n: number, format: ListFormat): string {
  switch (format) {
    case 'none':
    case 'bullet':
      return ''
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n)
    case 'thaiNumbers':
      return String(n).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!)
    case 'thaiLetters':
      return letters(n, THAI_LETTERS)
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz')
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    default:
      return String(n)
  }
}

/** a..z, then aa..zz, as word processors continue an alphabet. */
function letters(n: number, alphabet: string): string {
  if (n < 1) return String(n)
  const k = alphabet.length
  return [...alphabet][(n - 1) % k]!.repeat(Math.floor((n - 1) / k) + 1)
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n)
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let out = ''
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v))
  return out
}
