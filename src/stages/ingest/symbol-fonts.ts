/**
 * Marks typed from a symbol font, as Word's Insert Symbol writes them: a tick from Wingdings is
 * `<w:sym w:font="Wingdings" w:char="F0FC"/>` in a .docx, and the PDF export's text layer gives
 * the same private-use code point U+F0FC (a symbol font's byte 0xFC lifted to U+F0xx), which means
 * nothing without the font. Each font's ticks, crosses and check boxes map here to the Unicode
 * characters they draw, so an OIT checklist ticked that way reads as ticked (and the text layer is
 * not judged damaged for its private-use characters). Only these marks: another symbol stays as it
 * was printed, and unread is better than a guess.
 *
 * LibreOffice, where the font is not installed, draws the marks from its OpenSymbol font and keeps
 * the symbol font's code points in the text layer: OpenSymbol is read as Wingdings, the font of
 * Word's tick.
 */

type SymbolTable = Readonly<Record<number, string>>

const WINGDINGS: SymbolTable = {
  0xf0a8: '\u2610', // ☐ ballot box
  0xf0fb: '\u2717', // ✗ ballot x
  0xf0fc: '\u2713', // ✓ check mark
  0xf0fd: '\u2612', // ☒ ballot box with x
  0xf0fe: '\u2611', // ☑ ballot box with check
}

const WINGDINGS_2: SymbolTable = {
  0xf04f: '\u2717', // ✗ ballot x
  0xf050: '\u2713', // ✓ check mark
  0xf052: '\u2611', // ☑ ballot box with check
  0xf054: '\u2612', // ☒ ballot box with x
  0xf0a3: '\u2610', // ☐ ballot box
}

const SYMBOL: SymbolTable = {
  0xf0d6: '\u221A', // √ the radical, typed as a tick
}

/** A font's name as Word, LibreOffice or a PDF gives it ("Wingdings", "ABCDEF+Wingdings-Regular", "Wingdings 2"). */
function tableOf(font: string | undefined): SymbolTable | undefined {
  const name = (font ?? '').replace(/^[A-Z]{6}\+/, '').toLowerCase().replace(/[\s_-]+/g, '')
  if (name.startsWith('wingdings2')) return WINGDINGS_2
  if (name.startsWith('wingdings') && !/^wingdings\d/.test(name)) return WINGDINGS
  if (name.startsWith('opensymbol')) return WINGDINGS
  if (name === 'symbol' || name.startsWith('symbolmt') || name.startsWith('symbolregular')) return SYMBOL
  return undefined
}

/** A symbol font's code points: its bytes lifted to U+F020-U+F0FF. */
const SYMBOL_CODE_POINT = /[\uF020-\uF0FF]/gu

/** Whether the text holds code points a symbol font may have written. */
export const hasSymbolCodePoints = (text: string): boolean => /[\uF020-\uF0FF]/u.test(text)

/** The text with the marks `font` draws at its code points as the Unicode characters, and how many were mapped. */
export function mapSymbolFontMarks(text: string, font: string | undefined): { text: string; mapped: number } {
  const table = hasSymbolCodePoints(text) ? tableOf(font) : undefined
  if (!table) return { text, mapped: 0 }
  let mapped = 0
  const out = text.replace(SYMBOL_CODE_POINT, (ch) => {
    const mark = table[ch.codePointAt(0)!]
    if (mark === undefined) return ch
    mapped++
    return mark
  })
  return { text: out, mapped }
}
