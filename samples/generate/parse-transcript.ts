/**
 * Reads an OCR transcript into the sections a typesetter would lay out again: title block,
 * summary table, detail list, analysis prose and measures tables. Printed values are kept exactly
 * as they are (Thai digits, misread words, wrong codes); only transcript markup goes: `<p>` tags,
 * `|---|` separators, list dashes, repeated column headers and the blank cells of page-continuation
 * rows (their text is put back into the row it continues).
 *
 * Two transcript dialects are read: the seed's (tab-separated table rows, `<p>` inside cells) and
 * Markdown (`#` headings, `**bold**` lines, pipe tables, `<!-- page N -->` markers, and HTML
 * `<table>`s with `<th>`, `colspan` and `<br>` for the measures tables).
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

/** Per column, the cell's paragraphs (page-continuation rows appended in order). */
export type MeasuresRow = readonly (readonly string[])[]

export interface MeasuresTable {
  /** The paragraph introducing the table; '' when the transcript has none. */
  readonly intro: string
  readonly legend: readonly string[]
  readonly caption: string
  readonly header: readonly string[]
  /** The data rows, one per measure (item); most tables have one. */
  readonly rows: readonly MeasuresRow[]
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

type Line =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'row'; readonly cells: readonly string[] }
  /** `</table>`: where an HTML table ends, so that two tables in a row stay apart. */
  | { readonly kind: 'table-end' }

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

  const detailHeader = (rowOf(at()) ?? fail('the detail list header')).map((c) => c.trim())
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
    const next = at()!
    if (next.kind === 'table-end') {
      i++
      continue
    }
    const intro = next.kind === 'text' ? textOf(lines[i++]!) : ''
    const legend: string[] = []
    while (at()?.kind === 'text') legend.push(textOf(lines[i++]!).replace(/^-\s*/, ''))
    const captionRow = rowOf(at()) ?? fail('the measures table caption row')
    i++
    const caption = captionRow.map((c) => c.trim()).filter(Boolean).join(' ')
    const header = (rowOf(at()) ?? fail('the measures table header row')).map((c) => c.trim())
    i++
    const rows: string[][][] = []
    const shift = misalignedRowShifts[measures.length] ?? 0
    for (let r = 0; rowOf(at()); r++) {
      const row = rowOf(lines[i++])!
      // A row with an empty first (item) cell continues the row above across a page break.
      const continues = r > 0 && (row[0] ?? '').trim() === ''
      if (!continues) rows.push(header.map(() => []))
      const cells = rows.at(-1)!
      const offset = continues && row.length !== header.length ? shift : 0
      row.forEach((cell, col) => {
        const target = cells[Math.max(0, Math.min(col + offset, header.length - 1))]!
        target.push(...paragraphsOf(cell))
      })
    }
    if (rows.length === 0) fail('a measures table data row')
    measures.push({ intro, legend, caption, header, rows })
  }

  return { titleLines, resultHeading, intro, summaryHeader, summary, detailHeader, detail, analysis, measures }
}

const HTML_COMMENT = /^<!--.*-->$/
const HTML_CELL = /<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g
const MARKDOWN_HEADING = /^#{1,6}\s+/
const WHOLE_LINE_BOLD = /^\*\*(?!\s)(.+?)\*\*$/

function toLines(text: string): Line[] {
  const out: Line[] = []
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || SEPARATOR_ROW.test(raw) || HTML_COMMENT.test(line) || /^<table\b[^>]*>$/.test(line)) continue
    if (line === '</table>') out.push({ kind: 'table-end' })
    else if (line.startsWith('<tr')) out.push({ kind: 'row', cells: htmlRowCells(line) })
    else if (raw.includes('\t')) out.push({ kind: 'row', cells: raw.split('\t') })
    else if (line.startsWith('|')) out.push({ kind: 'row', cells: line.replace(/^\||\|$/g, '').split('|') })
    else out.push({ kind: 'text', text: line.replace(MARKDOWN_HEADING, '').replace(WHOLE_LINE_BOLD, '$1') })
  }
  return out
}

/** `<tr><td>a<br>b</td><th>c</th></tr>` -> ['<p>a</p><p>b</p>', 'c']: a `<br>` becomes a paragraph break. */
export function htmlRowCells(tr: string): string[] {
  return [...tr.matchAll(HTML_CELL)].map(([, , inner = '']) => {
    const parts = inner.split(/<br\s*\/?>/i).map(decodeEntities)
    return parts.length > 1 ? parts.map((p) => `<p>${p}</p>`).join('') : parts[0]!
  })
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

function textOf(line: Line): string {
  if (line.kind === 'table-end') return ''
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
