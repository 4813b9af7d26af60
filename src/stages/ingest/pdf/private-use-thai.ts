/**
 * Legacy Thai fonts (TH SarabunPSK and its kin, the faces of most government offices) give their
 * positioned mark glyphs (a tone mark moved down or left, a vowel without a descender clash)
 * private-use code points U+F700-U+F71A in the ToUnicode map, so a text layer made with them reads
 * as "unreadable" characters. The table is the well-known one (the same in every such font);
 * each maps to the real character it draws. Provenance says so (read-pdf.ts: `PDF_READER_PUA`).
 */

const TABLE: Record<number, string> = {
  0xf700: '\u0E10', // ฐ without its lower tail
  0xf701: '\u0E34', 0xf702: '\u0E35', 0xf703: '\u0E36', 0xf704: '\u0E37', // upper vowels moved left
  0xf705: '\u0E48', 0xf706: '\u0E49', 0xf707: '\u0E4A', 0xf708: '\u0E4B', 0xf709: '\u0E4C', // tone marks low and left
  0xf70a: '\u0E48', 0xf70b: '\u0E49', 0xf70c: '\u0E4A', 0xf70d: '\u0E4B', 0xf70e: '\u0E4C', // tone marks low
  0xf70f: '\u0E0D', // ญ without its lower tail
  0xf710: '\u0E31', 0xf711: '\u0E4D', 0xf712: '\u0E47', // mai han-akat, nikhahit, mai taikhu moved left
  0xf713: '\u0E48', 0xf714: '\u0E49', 0xf715: '\u0E4A', 0xf716: '\u0E4B', 0xf717: '\u0E4C', // tone marks left
  0xf718: '\u0E38', 0xf719: '\u0E39', 0xf71a: '\u0E3A', // lower vowels and phinthu moved down
}

const PRIVATE_USE_THAI = /[\uF700-\uF71A]/gu

/** The text with private-use Thai marks replaced by the real ones, and how many were replaced. */
export function mapPrivateUseThai(text: string): { text: string; mapped: number } {
  let mapped = 0
  const out = text.replace(PRIVATE_USE_THAI, (ch) => {
    mapped++
    return TABLE[ch.codePointAt(0)!]!
  })
  return { text: out, mapped }
}
