/**
 * Perturbations of a rendered report that leave every value and finding of its truth as it is:
 * the same report typed a little differently, as real typists, word processors and OCR do. The
 * bench (`npm run bench:layouts -- --perturb NAME`) applies one to every selected template and
 * scores it against the unchanged truth, so a drop is a reader that depends on how a value is
 * printed rather than what it is: an oracle that needs no hand-made truth and no new template.
 */
import type { Block, Cell, LayoutDoc } from './blocks.js'

export interface Perturbation {
  readonly name: string
  /** What it changes, for the bench's help and the README. */
  readonly description: string
  /** What every text the report prints becomes. */
  readonly text: (s: string) => string
  /** What a body cell's lines become after `text`. @default unchanged */
  readonly cell?: (lines: readonly string[]) => readonly string[]
}

const THAI_ZERO = 0x0e50

const toThaiDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)))
const toArabicDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO))

/** Digits not part of a code (i1, IIT-03, e10): a code keeps its Arabic digits in any report. */
const NOT_IN_CODE = /(?<![A-Za-z][-.]?[0-9]*)[0-9]+/g

/** A number with two decimals, standing alone (not a date 30.09.2568, not a version 1.2.3). */
const TWO_DECIMALS = /(?<![0-9๐-๙.])([0-9๐-๙]{1,3}[.][0-9๐-๙]{2})(?![0-9๐-๙]|[.][0-9๐-๙])/g

const ZERO_OF = (s: string) => (/[๐-๙]/.test(s) ? '๐' : '0')

const thaiWords = new Intl.Segmenter('th', { granularity: 'word' })

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
    cell: (lines) => (lines.length === 1 && /^[0-9๐-๙]{1,3}[.][0-9๐-๙]{1,3}$/.test(lines[0]!) ? [`${lines[0]} คะแนน`] : lines),
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
    name: 'upper-codes',
    description: 'item codes in capitals (I1, E10, O23)',
    text: (s) => s.replace(/\b([ieo])([0-9]{1,2})\b/g, (_, l: string, n: string) => `${l.toUpperCase()}${n}`),
  },
]

export function perturbationNamed(name: string): Perturbation {
  const found = PERTURBATIONS.find((p) => p.name === name)
  if (!found) throw new TypeError(`Expected a perturbation, one of ${PERTURBATIONS.map((p) => p.name).join(', ')}, got \`${name}\``)
  return found
}

/** The report with every text it prints perturbed; its structure and values are unchanged. */
export function perturbDoc(doc: LayoutDoc, p: Perturbation): LayoutDoc {
  const cellOf = (c: Cell): Cell => {
    const lines = c.lines.map(p.text)
    return { ...c, lines: p.cell && !c.header ? p.cell(lines) : lines }
  }
  const blockOf = (b: Block): Block => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return { ...b, text: p.text(b.text) }
      case 'table':
        return { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map(cellOf) })) }
      default:
        return b
    }
  }
  return { ...doc, title: p.text(doc.title), blocks: doc.blocks.map(blockOf), ...(doc.runningHeader !== undefined && { runningHeader: p.text(doc.runningHeader) }) }
}
