/**
 * Reads the seed OCR transcript into the sections a typesetter would lay out again: title block,
 * summary table, detail list, analysis prose and measures tables. Printed values are kept exactly
 * as they are (Thai digits, misread words, wrong codes); only transcript markup goes: `<p>` tags,
 * `|---|` separators, list dashes, repeated column headers and the blank cells of page-continuation
 * rows (their text is put back into the row it continues).
 */

export interface SummaryRow {
  readonly indicator: string
  readonly score: string
  /** Printed once per tool, on the tool's first indicator row. */
  readonly toolScore?: string
}

export interface DetailRow {
  readonly kind: 'indicator' | 'item'
  readonly text: string
  readonly score: string
}

export type AnalysisBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  /** A heading that the original prints at the top of a new page. */
  | { readonly kind: 'page-heading'; readonly text: string }
  | { readonly kind: 'indicator-heading'; readonly text: string }

export interface MeasuresTable {
  readonly intro: string
  readonly legend: readonly string[]
  readonly caption: string
  readonly header: readonly string[]
  /** One data row: per column, the cell's paragraphs (continuation rows appended in order). */
  readonly cells: readonly (readonly string[])[]
}

export interface ReportContent {
  readonly titleLines: readonly string[]
  readonly resultHeading: string
  readonly intro: readonly string[]
  readonly summaryHeader: readonly string[]
  readonly summary: readonly SummaryRow[]
  readonly detailHeader: readonly string[]
  readonly detail: readonly DetailRow[]
  readonly analysis: readonly AnalysisBlock[]
  readonly measures: readonly MeasuresTable[]
}

type Line = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'row'; readonly cells: readonly string[] }

const SEPARATOR_ROW = /^[\s|:\-\t]*-{2,}[\s|:\-\t]*$/
const RESULT_HEADING = /^ผลการประเมิน ITA ของ/
const MEASURES_INTRO = /^แสดงการนำผลการวิเคราะห์/
const ANALYSIS_PAGE_HEADING = /^แสดงการวิเคราะห์ผล/
const INDICATOR_HEADING = /^ตัวชี้วัดที่\s*[0-9๐-๙]+.*คะแนน\s*[0-9๐-๙.]+\s*$/

export interface ParseOptions {
  /**
   * Column shifts for page-continuation rows whose cell count differs from the header's, by
   * measures-table index (0-based, in transcript order). OCR sometimes emits such a row with a
   * missing or extra empty cell, which would put a sentence's continuation in the wrong column.
   * @default {}
   */
  readonly misalignedRowShifts?: Readonly<Record<number, number>>
}

export function parseTranscript(text: string, options: ParseOptions = {}): ReportContent {
  const { misalignedRowShifts = {} } = options
  const lines = toLines(text)
  let i = 0
  const at = (): Line | undefined => lines[i]
  const fail = (what: string): never => {
    throw new Error(`transcript: expected ${what} at logical line ${i + 1}`)
  }

  const titleLines: string[] = []
  while (at()?.kind === 'text' && !RESULT_HEADING.test(textOf(at()!))) titleLines.push(textOf(lines[i++]!))
  const heading = at()
  if (heading?.kind !== 'text') return fail('the result heading "ผลการประเมิน ITA ของ ..."')
  const resultHeading = heading.text
  i++

  const intro: string[] = []
  while (at()?.kind === 'text') intro.push(textOf(lines[i++]!))

  const summaryHeader = rowOf(at()) ?? fail('the summary table header')
  i++
  const summary: SummaryRow[] = []
  while (rowOf(at())?.length === summaryHeader.length) {
    const [indicator = '', score = '', toolScore = ''] = rowOf(lines[i++])!.map((c) => c.trim())
    summary.push(toolScore ? { indicator, score, toolScore } : { indicator, score })
  }

  const detailHeader = rowOf(at()) ?? fail('the detail list header')
  const detail: DetailRow[] = []
  while (rowOf(at())) {
    const cells = rowOf(lines[i++])!.map((c) => c.trim())
    if (cells.join('\t') === detailHeader.join('\t')) continue // repeated on each page of the original
    const [label = '', score = ''] = cells
    detail.push({ kind: /^ตัวชี้วัดที่/.test(label) ? 'indicator' : 'item', text: label, score })
  }

  const analysis: AnalysisBlock[] = []
  while (at()?.kind === 'text' && !MEASURES_INTRO.test(textOf(at()!))) {
    const t = textOf(lines[i++]!)
    if (ANALYSIS_PAGE_HEADING.test(t)) analysis.push({ kind: 'page-heading', text: t })
    else if (INDICATOR_HEADING.test(t)) analysis.push({ kind: 'indicator-heading', text: t })
    else if (analysis.length === 0) analysis.push({ kind: 'heading', text: t })
    else if (/^\*\*/.test(t)) analysis.push({ kind: 'note', text: t })
    else analysis.push({ kind: 'paragraph', text: t })
  }

  const measures: MeasuresTable[] = []
  while (at()) {
    const intro = at()?.kind === 'text' ? textOf(lines[i++]!) : fail('a measures table introduction')
    const legend: string[] = []
    while (at()?.kind === 'text') legend.push(textOf(lines[i++]!).replace(/^-\s*/, ''))
    const captionRow = rowOf(at()) ?? fail('the measures table caption row')
    i++
    const caption = captionRow.map((c) => c.trim()).filter(Boolean).join(' ')
    const header = (rowOf(at()) ?? fail('the measures table header row')).map((c) => c.trim())
    i++
    const cells: string[][] = header.map(() => [])
    const shift = misalignedRowShifts[measures.length] ?? 0
    for (let r = 0; rowOf(at()); r++) {
      const row = rowOf(lines[i++])!
      const offset = r > 0 && row.length !== header.length ? shift : 0
      row.forEach((cell, col) => {
        const target = cells[Math.max(0, Math.min(col + offset, header.length - 1))]!
        target.push(...paragraphsOf(cell))
      })
    }
    measures.push({ intro, legend, caption, header, cells })
  }

  return { titleLines, resultHeading, intro, summaryHeader, summary, detailHeader, detail, analysis, measures }
}

function toLines(text: string): Line[] {
  const out: Line[] = []
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (raw.trim() === '' || SEPARATOR_ROW.test(raw)) continue
    if (raw.includes('\t')) out.push({ kind: 'row', cells: raw.split('\t') })
    else out.push({ kind: 'text', text: raw.trim() })
  }
  return out
}

function textOf(line: Line): string {
  return line.kind === 'text' ? line.text : line.cells.join(' ').trim()
}

function rowOf(line: Line | undefined): readonly string[] | undefined {
  return line?.kind === 'row' ? line.cells : undefined
}

/** `<p>a</p> <p>b</p>` -> ['a', 'b']; plain text -> [text]; empty -> []. */
export function paragraphsOf(cell: string): string[] {
  return cell
    .split(/<\/?p>/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}
