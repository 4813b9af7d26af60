/**
 * Perturbations of a rendered report that leave every value and finding of its truth as it is:
 * the same report typed a little differently, as real typists, word processors and OCR do. The
 * bench (`npm run bench:layouts -- --perturb NAME`) applies one to every selected template and
 * scores it against the unchanged truth, so a drop is a reader that depends on how a value is
 * printed rather than what it is: an oracle that needs no hand-made truth and no new template.
 */
import type { Block, Cell, LayoutDoc } from './blocks.js'
import { SECTION_PERTURBATIONS } from './perturb-sections.js'
import { TABLE_PERTURBATIONS } from './perturb-tables.js'

export interface Perturbation {
  readonly name: string
  /** What it changes, for the bench's help and the README. */
  readonly description: string
  /** What every text the report prints becomes. */
  readonly text: (s: string) => string
  /** What a body cell's lines become after `text`. @default unchanged */
  readonly cell?: (lines: readonly string[]) => readonly string[]
  /** What any cell's lines (header cells too) become after `text` and `cell`. @default unchanged */
  readonly anyCell?: (lines: readonly string[]) => readonly string[]
  /** What a paragraph's text becomes after `text`; a "\n" in it is a line break. @default unchanged */
  readonly paragraph?: (text: string, bold: boolean) => string
  /**
   * What the report's blocks become after their texts: a structural change (columns reordered, a table
   * split, a heading typed as a paragraph) that keeps every value where a reader can find it. @default unchanged
   */
  readonly doc?: (doc: LayoutDoc) => LayoutDoc
}

const THAI_ZERO = 0x0e50

const toThaiDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)))
const toArabicDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO))

/** Digits not part of a code (i1, IIT-03, e10): a code keeps its Arabic digits in any report. */
const NOT_IN_CODE = /(?<![A-Za-z][-.]?[0-9]*)[0-9]+/g

/** A number with two decimals, standing alone (not a date 30.09.2568, a version 1.2.3, a clause 4.10 before its label). */
const TWO_DECIMALS = /(?<![0-9๐-๙.])([0-9๐-๙]{1,3}[.][0-9๐-๙]{2})(?![0-9๐-๙]|[.][0-9๐-๙]|\s+(?:ตัวชี้วัด|มาตรการ|ตช\.))/g

const ZERO_OF = (s: string) => (/[๐-๙]/.test(s) ? '๐' : '0')

const thaiWords = new Intl.Segmenter('th', { granularity: 'word' })

/** A small, stable number from a text: where a perturbation varies, it varies the same way on every run. */
export function hashOf(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

const THAI_LETTER_END = /[\u0e01-\u0e4e]$/
const THAI_LETTER_START = /^[\u0e01-\u0e4e]/

/**
 * A line broken into lines of at most about `width` characters where a word processor may break it:
 * at a space (which goes), or between two Thai words (Intl.Segmenter's boundaries: Thai has no spaces
 * between words). Never inside a word, a number, a code or a date ("89.41", "IIT-03", "1/10/2568"),
 * so every value reads as it did; only where the lines end changes.
 */
export function wrapLine(line: string, width: number): string[] {
  const segments = [...thaiWords.segment(line)].map((w) => w.segment)
  const out: string[] = []
  let current = ''
  segments.forEach((segment, i) => {
    const before = segments[i - 1]
    const breakable = before !== undefined && (/^\s+$/.test(segment) || /^\s+$/.test(before) || (THAI_LETTER_END.test(before) && THAI_LETTER_START.test(segment)))
    if (breakable && current.trim() !== '' && (current + segment).trimEnd().length > width) {
      out.push(current.trimEnd())
      current = ''
    }
    current += current === '' ? segment.trimStart() : segment
  })
  if (current.trim() !== '') out.push(current.trimEnd())
  return out.length > 0 ? out : [line]
}

/** Each line of a cell wrapped to a width drawn from its text: as narrow as a table's columns are. */
const rewrapCell = (lines: readonly string[]) => lines.flatMap((line) => wrapLine(line, 8 + (hashOf(line) % 23)))

/** A paragraph wrapped to a width drawn from its text (a bold one, a heading in a transcript, stays one line). */
const rewrapParagraph = (text: string, bold: boolean) => (bold ? text : wrapLine(text, 30 + (hashOf(text) % 50)).join('\n'))

/** Spaces as word processors and PDF extractors leave them: no-break, doubled, thin, ideographic. */
const ODD_SPACES = ['\u00a0', '  ', '\u00a0 ', '\u2009', '\u3000', ' \u00a0']
const oddSpaces = (s: string) => {
  let n = hashOf(s)
  return s.replace(/ /g, () => ODD_SPACES[(n = (Math.imul(n, 1103515245) + 12345) >>> 0) % ODD_SPACES.length]!)
}

/** The three ways a colon after a label is spaced: "คะแนน : 89.41", "คะแนน: 89.41", "คะแนน :89.41". */
const COLONS = [' : ', ': ', ' :']
const colonOf = (s: string) => COLONS[hashOf(s) % COLONS.length]!

/**
 * A label before its value said with a colon, and every colon spaced one of the three ways: a score
 * after the word for score ("ผลคะแนนที่ได้ : 89.41", "คะแนนเฉลี่ย: 86.10"), an indicator's name after its
 * number ("ตัวชี้วัดที่ 1 : การปฏิบัติหน้าที่"), the year after ปีงบประมาณ, and labels already followed by one.
 */
function withColons(s: string): string {
  const colon = colonOf(s)
  return s
    .replace(/(?<=[\u0e01-\u0e4e)])\s*[:：]\s*/g, colon)
    .replace(/((?:ผล)?คะแนน(?:ที่ได้|รวม|เฉลี่ย)?) (?=[0-9๐-๙])/g, `$1${colon}`)
    .replace(/(ตัวชี้วัดที่ [0-9๐-๙]{1,2}) (?=[\u0e01-\u0e4e])/g, `$1${colon}`)
    .replace(/(ปีงบประมาณ) (?=(?:พ\.ศ\. )?[0-9๐-๙]{4})/g, `$1${colon}`)
}

/**
 * What Word's AutoFormat and LibreOffice's AutoCorrect make of typed punctuation: straight quotes
 * curled, a hyphen between spaces an en dash (and an en dash typed as a hyphen elsewhere), "..." an
 * ellipsis character. A minus sign before a number ("-1.97") and a code's hyphen ("IIT-03") stay.
 */
function autoFormat(s: string): string {
  let open = true
  return s
    .replace(/ [–—] /g, ' \u0000 ')
    .replace(/ - /g, ' – ')
    .replace(/ \u0000 /g, ' - ')
    .replace(/"/g, () => ((open = !open) ? '\u201d' : '\u201c'))
    .replace(/\.\.\.(?!\.)/g, '\u2026')
}

/**
 * An item sentence's clause word and code left out ("ข้อ i3 การเผยแพร่... ได้คะแนน 89.82 คะแนน" becomes
 * "การเผยแพร่... ได้คะแนน 89.82 คะแนน"): reports that name each item by its wording alone. Any code form
 * (i3, i-3, [i3], IIT-03, 1.1) in either digits.
 */
const UNCODED_SENTENCE = /^(\s*)ข้อ\s*(?:ที่\s*)?(?:\[[A-Za-z]{1,3}-?[0-9๐-๙]{1,2}\]|[A-Za-z]{1,3}-?[0-9๐-๙]{1,2}|[0-9๐-๙]{1,2}\.[0-9๐-๙]{1,2})\s+(?=\S)/
const withoutSentenceCode = (text: string) => text.replace(UNCODED_SENTENCE, '$1')

/** Sara am (ำ) written as nikhahit and sara aa (ํา), as PDF text layers, legacy fonts and OCR give it. */
const splitSaraAm = (s: string) => s.replace(/\u0e33/g, '\u0e4d\u0e32')

export const PERTURBATIONS: readonly Perturbation[] = [
  {
    name: 'thai-digits',
    description: 'every number in Thai digits (codes keep theirs)',
    text: (s) => s.replace(NOT_IN_CODE, toThaiDigits),
  },
  {
    name: 'arabic-digits',
    description: 'every number in Arabic digits',
    text: toArabicDigits,
  },
  {
    name: 'three-decimals',
    description: 'scores printed to three decimals with a trailing zero (89.410)',
    text: (s) => s.replace(TWO_DECIMALS, (n) => n + ZERO_OF(n)),
  },
  {
    name: 'score-unit',
    description: 'a cell holding only a score says its unit (89.41 คะแนน)',
    text: (s) => s,
    // Two or three decimals, as scores are printed in tables: not an outline number (1.1) or a count.
    cell: (lines) => (lines.length === 1 && /^[0-9๐-๙]{1,3}[.,][0-9๐-๙]{2,3}$/.test(lines[0]!) ? [`${lines[0]} คะแนน`] : lines),
  },
  {
    name: 'tight',
    description: 'no space between a Thai word and the number after it (ตัวชี้วัดที่1, พ.ศ.2568)',
    text: (s) => s.replace(/([\u0e01-\u0e4e.]) (?=[0-9๐-๙])/g, '$1'),
  },
  {
    name: 'zwsp',
    description: 'a zero-width space between Thai words, as some typists and converters leave',
    text: (s) =>
      [...thaiWords.segment(s)]
        .map((w, i, all) => (i > 0 && /[\u0e01-\u0e4e]$/.test(all[i - 1]!.segment) && /^[\u0e01-\u0e4e]/.test(w.segment) ? `\u200b${w.segment}` : w.segment))
        .join(''),
  },
  {
    name: 'rewrap',
    description: 'paragraphs and cells broken into lines at other places (spaces, Thai word boundaries)',
    text: (s) => s,
    anyCell: rewrapCell,
    paragraph: rewrapParagraph,
  },
  {
    name: 'odd-spaces',
    description: 'spaces printed as no-break, doubled, thin or ideographic spaces',
    text: oddSpaces,
  },
  {
    name: 'colon',
    description: 'a label followed by a colon before its value (คะแนน : 89.41, ตัวชี้วัดที่ 1 : ...), colons spaced three ways',
    text: withColons,
  },
  {
    name: 'autoformat',
    description: "a word processor's AutoFormat: curly quotes, en dashes between spaces, the ellipsis character",
    text: autoFormat,
  },
  {
    name: 'sara-am',
    description: 'sara am (ำ) as nikhahit and sara aa (ํา), as PDF text layers and OCR give it',
    text: splitSaraAm,
  },
  {
    name: 'upper-codes',
    description: 'item codes in capitals (I1, E10, O23)',
    text: (s) => s.replace(/\b([ieo])([0-9]{1,2})\b/g, (_, l: string, n: string) => `${l.toUpperCase()}${n}`),
  },
  {
    name: 'uncoded-sentences',
    description: 'items printed as sentences name each item by its wording only, without ข้อ and its code',
    text: (s) => s,
    paragraph: withoutSentenceCode,
  },
  ...SECTION_PERTURBATIONS,
  ...TABLE_PERTURBATIONS,
]

export function perturbationNamed(name: string): Perturbation {
  const found = PERTURBATIONS.find((p) => p.name === name)
  if (!found) throw new TypeError(`Expected a perturbation, one of ${PERTURBATIONS.map((p) => p.name).join(', ')}, got \`${name}\``)
  return found
}

/** The report with every text it prints perturbed, then its structure if the perturbation says so; its values are unchanged. */
export function perturbDoc(doc: LayoutDoc, p: Perturbation): LayoutDoc {
  const cellOf = (c: Cell): Cell => {
    const lines = c.lines.map(p.text)
    const body = p.cell && !c.header ? p.cell(lines) : lines
    return { ...c, lines: p.anyCell ? p.anyCell(body) : body }
  }
  const blockOf = (b: Block): Block => {
    switch (b.kind) {
      case 'heading':
        return { ...b, text: p.text(b.text) }
      case 'paragraph': {
        const text = p.text(b.text)
        return { ...b, text: p.paragraph ? p.paragraph(text, b.bold === true) : text }
      }
      case 'table':
        return { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map(cellOf) })) }
      default:
        return b
    }
  }
  const printed: LayoutDoc = { ...doc, title: p.text(doc.title), blocks: doc.blocks.map(blockOf), ...(doc.runningHeader !== undefined && { runningHeader: p.text(doc.runningHeader) }) }
  return p.doc ? p.doc(printed) : printed
}
