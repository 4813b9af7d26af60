/**
 * Perturbations of a report's layout, not of how its values are printed: the same sections in
 * another order, headings typed as paragraphs and numbered otherwise, a page's header and number
 * between blocks, a heading run into its paragraph, blank lines gone. Each keeps every text the
 * report prints (a heading's own numbering aside, which is no value), so the truth is unchanged and a
 * drop is a reader that depends on where something stands rather than what it says. Deterministic:
 * where one varies, it varies by a hash of the text, the same way on every run.
 */
import type { Block, HeadingBlock, LayoutDoc, ParagraphBlock, Row, TableBlock } from './blocks.js'
import { hashOf, type Perturbation } from './perturb.js'

const same = (s: string) => s

const blockText = (b: Block): string => {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return b.text
    case 'table':
      return b.rows.map((r) => r.cells.map((c) => c.lines.join(' ')).join(' ')).join(' ')
    default:
      return ''
  }
}

const isBreak = (b: Block) => b.kind === 'page-break' || b.kind === 'orientation'

// -------------------------------------------------------------------------------------------------
// section-order

/** What a top-level section holds, from its tables' roles and its heading's words. */
type SectionKind = 'summary' | 'detail' | 'overall' | 'analysis' | 'measures' | 'other'

interface Section {
  readonly kind: SectionKind
  readonly blocks: readonly Block[]
}

function kindOf(blocks: readonly Block[]): SectionKind {
  const roles = new Set(blocks.flatMap((b) => (b.kind === 'table' ? [b.role] : [])))
  const heading = blocks.find((b): b is HeadingBlock => b.kind === 'heading')?.text ?? ''
  if (roles.has('measures')) return 'measures'
  if (roles.has('detail')) return 'detail'
  if (roles.has('summary') || roles.has('tools')) return 'summary'
  if (/วิเคราะห์/.test(heading) || roles.has('analysis')) return 'analysis'
  if (/ภาพรวม/.test(heading)) return 'overall'
  return 'other'
}

/**
 * The report's blocks as a preamble (the title, anything before the first section heading) and its
 * top-level sections, each from its level-2 heading (with the page breaks and orientation changes
 * right before it, which go where it goes) to the next.
 */
export function sectionsOf(doc: LayoutDoc): { preamble: Block[]; sections: Section[] } {
  const starts: number[] = []
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'heading' || b.level !== 2) return
    let start = i
    while (start > 0 && isBreak(doc.blocks[start - 1]!)) start--
    starts.push(start)
  })
  const preamble = doc.blocks.slice(0, starts[0] ?? doc.blocks.length)
  const sections = starts.map((start, k) => {
    const blocks = doc.blocks.slice(start, starts[k + 1] ?? doc.blocks.length)
    return { kind: kindOf(blocks), blocks }
  })
  return { preamble: [...preamble], sections }
}

type Move = (sections: readonly Section[]) => Section[] | undefined

const indexOfKind = (sections: readonly Section[], kind: SectionKind) => sections.findIndex((s) => s.kind === kind)

/** `sections` with the one at `from` moved to stand before the one at `before`. */
function moved(sections: readonly Section[], from: number, before: number): Section[] {
  const out = sections.filter((_, i) => i !== from)
  out.splice(before > from ? before - 1 : before, 0, sections[from]!)
  return out
}

/** Orders agencies use: the overall result first, the analysis before the detail list, the measures before it, the summary after the analysis. */
const MOVES: readonly Move[] = [
  (s) => {
    const overall = indexOfKind(s, 'overall')
    return overall > 0 ? moved(s, overall, 0) : undefined
  },
  (s) => {
    const [analysis, detail] = [indexOfKind(s, 'analysis'), indexOfKind(s, 'detail')]
    return analysis > detail && detail >= 0 ? moved(s, analysis, detail) : undefined
  },
  (s) => {
    const [measures, detail] = [indexOfKind(s, 'measures'), indexOfKind(s, 'detail')]
    return measures > detail && detail >= 0 ? moved(s, measures, detail) : undefined
  },
  (s) => {
    const [summary, analysis] = [indexOfKind(s, 'summary'), indexOfKind(s, 'analysis')]
    return summary >= 0 && analysis > summary ? moved(s, summary, analysis + 1) : undefined
  },
]

/** The report's top-level sections in another order an agency might print them in (each with its own heading and body, whole). */
export function reorderSections(doc: LayoutDoc): LayoutDoc {
  const { preamble, sections } = sectionsOf(doc)
  const first = hashOf(doc.blocks.map(blockText).join('\n')) % MOVES.length
  for (let k = 0; k < MOVES.length; k++) {
    const order = MOVES[(first + k) % MOVES.length]!(sections)
    if (order) return { ...doc, blocks: [...preamble, ...order.flatMap((s) => s.blocks)] }
  }
  return doc
}

// -------------------------------------------------------------------------------------------------
// plain-headings

/** A heading's own number: "1.", "๒.", "1.2", "ก.", "ข้อ 1", "ส่วนที่ 2", "บทที่ ๓", followed by a space. Not "ตัวชี้วัดที่ 1", which names an indicator. */
const HEADING_NUMBER = /^\s*(?:(?:ข้อ|ส่วน\s*ที่|บท\s*ที่)\s*[0-9๐-๙]{1,2}|[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\.?|[ก-ฮ]\.)\s+(?=\S)/

const THAI_LETTERS = 'กขคงจฉชซฌญฎฏฐฑฒณ'
const thai = (n: number) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)))

/** How a report numbers its sections: "1. ", "๑. ", "ก. ", "ข้อ 1 ", "ส่วนที่ 1 ", or not at all. */
const NUMBERINGS: readonly ((n: number) => string)[] = [
  (n) => `${n}. `,
  (n) => `${thai(n)}. `,
  (n) => `${THAI_LETTERS[(n - 1) % THAI_LETTERS.length]}. `,
  (n) => `ข้อ ${n} `,
  (n) => `ส่วนที่ ${thai(n)} `,
  () => '',
]

/** Section and sub-section headings typed as bold or plain paragraphs, the sections numbered another way (the title stays a heading). */
export function plainHeadings(doc: LayoutDoc): LayoutDoc {
  const h = hashOf(doc.title + doc.blocks.map(blockText).join('\n'))
  const numbering = NUMBERINGS[h % NUMBERINGS.length]!
  let section = 0
  const blocks = doc.blocks.map((b): Block => {
    if (b.kind !== 'heading' || b.level === 1) return b
    const text = b.level === 2 ? `${numbering(++section)}${b.text.replace(HEADING_NUMBER, '')}` : b.text
    return paragraph(text, hashOf(b.text) % 3 !== 0)
  })
  return { ...doc, blocks }
}

const paragraph = (text: string, bold: boolean): ParagraphBlock => ({ kind: 'paragraph', text, ...(bold && { bold }) })

// -------------------------------------------------------------------------------------------------
// page-furniture

/** A page's number as PDFs print it: "- 3 -", "หน้า 3 / 12", "หน้า ๓ จาก ๑๒", "3". */
const PAGE_NUMBERS: readonly ((n: number, of: number) => string)[] = [
  (n) => `- ${n} -`,
  (n, of) => `หน้า ${n} / ${of}`,
  (n, of) => `หน้า ${thai(n)} จาก ${thai(of)}`,
  (n) => `- ${thai(n)} -`,
  (n) => `${n}`,
]

/** Rows a long table is split after, where no cell spans over the split. */
function splitPoint(table: TableBlock): number | undefined {
  const head = Math.max(table.repeatHeader, 1)
  if (table.rows.length - head < 8) return undefined
  const open = spanningEnds(table.rows)
  for (let at = Math.floor((table.rows.length + head) / 2); at < table.rows.length - 2; at++) if (open[at - 1]! <= at - 1) return at
  return undefined
}

/** For each row, the last row any cell begun at or above it spans to. */
function spanningEnds(rows: readonly Row[]): number[] {
  let reach = -1
  return rows.map((r, i) => (reach = Math.max(reach, i, ...r.cells.map((c) => i + (c.rowSpan ?? 1) - 1))))
}

/**
 * What a PDF's text gives between two pages: a page number, and a running header atop the next page
 * (the report's first title line), inserted at the report's page breaks, between some blocks (a page
 * ends anywhere, even under a heading) and inside long tables, which go on after it with their header
 * rows repeated, as a PDF prints them.
 */
export function pageFurniture(doc: LayoutDoc): LayoutDoc {
  const h = hashOf(doc.blocks.map(blockText).join('\n'))
  const pageNumber = PAGE_NUMBERS[h % PAGE_NUMBERS.length]!
  const header = doc.runningHeader ?? doc.blocks.find((b): b is HeadingBlock => b.kind === 'heading' && b.level === 1)?.text ?? doc.title
  // Where a page ends is drawn from the block and its place: the same text ends a page once, not everywhere it is printed.
  const endsPage = (b: Block, i: number) => hashOf(`${i}:${blockText(b)}`) % 5 === 0
  const pages = 2 + doc.blocks.filter((b, i) => isBreak(b) || (b.kind !== 'table' && endsPage(b, i))).length + doc.blocks.filter((b) => b.kind === 'table' && splitPoint(b) !== undefined).length
  let page = 0
  const turn = (): Block[] => {
    page++
    return [paragraph(pageNumber(page, pages), false), ...(hashOf(`${header}${page}`) % 3 !== 0 ? [paragraph(header, false)] : [])]
  }
  const out: Block[] = []
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'table') {
      const at = splitPoint(b)
      if (at === undefined) out.push(b)
      else out.push({ ...b, rows: b.rows.slice(0, at) }, ...turn(), { ...b, rows: [...b.rows.slice(0, b.repeatHeader), ...b.rows.slice(at)] })
    } else if (isBreak(b)) out.push(...turn(), b)
    else {
      out.push(b)
      const next = doc.blocks[i + 1]
      if (next && !isBreak(next) && endsPage(b, i)) out.push(...turn())
    }
  })
  return { ...doc, blocks: [...out, ...turn()] }
}

// -------------------------------------------------------------------------------------------------
// merged-lines

const SHORT = 100

/**
 * A heading or bold line run into the paragraph after it ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ คะแนน 89.41
 * ผลการประเมิน..."), and two short paragraphs on one line, on two runs in three (by the text's hash).
 */
export function mergeLines(doc: LayoutDoc): LayoutDoc {
  const out: Block[] = []
  for (const b of doc.blocks) {
    const before = out.at(-1)
    if (before && b.kind === 'paragraph' && !b.bold && mergeable(before, b)) {
      out[out.length - 1] = paragraph(`${before.kind === 'paragraph' || before.kind === 'heading' ? before.text : ''} ${b.text}`, false)
      continue
    }
    out.push(b)
  }
  return { ...doc, blocks: out }
}

function mergeable(before: Block, b: ParagraphBlock): boolean {
  if (hashOf(b.text) % 3 === 0 || b.text.includes('\n')) return false
  if (before.kind === 'heading') return before.level > 1 && before.text.length <= SHORT
  if (before.kind !== 'paragraph' || before.text.includes('\n') || before.text.length > SHORT) return false
  return before.bold === true || b.text.length <= SHORT
}

// -------------------------------------------------------------------------------------------------
// no-blank-lines

/**
 * Headings and paragraphs one after another printed as lines of one paragraph, with no blank line
 * between, as an OCR transcript or a plain-text export gives them: a heading's mark and a bold
 * paragraph's weight are gone, every line's text stays.
 */
export function noBlankLines(doc: LayoutDoc): LayoutDoc {
  const out: Block[] = []
  for (const b of doc.blocks) {
    if (b.kind !== 'heading' && b.kind !== 'paragraph') {
      out.push(b)
      continue
    }
    const before = out.at(-1)
    if (before?.kind === 'paragraph' && !before.bold) out[out.length - 1] = paragraph(`${before.text}\n${b.text}`, false)
    else out.push(paragraph(b.text, false))
  }
  return { ...doc, blocks: out }
}

export const SECTION_PERTURBATIONS: readonly Perturbation[] = [
  {
    name: 'section-order',
    description: "the report's top-level sections in another order (the overall result first, analysis or measures before the detail list, the summary after the analysis)",
    text: same,
    doc: reorderSections,
  },
  {
    name: 'plain-headings',
    description: 'section headings typed as bold or plain paragraphs and numbered another way (1. / ๑. / ก. / ข้อ 1 / ส่วนที่ ๑ / none)',
    text: same,
    doc: plainHeadings,
  },
  {
    name: 'page-furniture',
    description: "a page's number (- 3 -, หน้า 3 / 12) and running header between blocks and inside long tables, as a PDF's text gives them",
    text: same,
    doc: pageFurniture,
  },
  {
    name: 'merged-lines',
    description: 'a heading run into the paragraph after it on one line, two short paragraphs joined',
    text: same,
    doc: mergeLines,
  },
  {
    name: 'no-blank-lines',
    description: 'headings and paragraphs as lines with no blank line between (an OCR transcript, a text export)',
    text: same,
    doc: noBlankLines,
  },
]
