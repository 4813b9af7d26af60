/**
 * The layout model: what a template makes of a spec, before any file format. Renderer-neutral, so
 * HTML (Chromium PDF), Markdown transcripts and later ODT/DOCX writers all start from the same
 * blocks. Text is final (digits, codes and wording already chosen by the template).
 */

export type Align = 'left' | 'center' | 'right'

export interface HeadingBlock {
  readonly kind: 'heading'
  /** 1 = report title, 2 = section, 3 = sub-section. */
  readonly level: 1 | 2 | 3
  readonly text: string
  readonly align?: Align
}

export interface ParagraphBlock {
  readonly kind: 'paragraph'
  readonly text: string
  /** First-line indent, as Thai reports typically set body prose. */
  readonly indent?: boolean
  readonly bold?: boolean
  readonly align?: Align
}

export interface Cell {
  /** Lines inside the cell (explicit line breaks); one entry for a one-line cell. */
  readonly lines: readonly string[]
  readonly colSpan?: number
  readonly rowSpan?: number
  /** A header cell (th): bold, shaded. */
  readonly header?: boolean
  readonly align?: Align
  readonly valign?: 'top' | 'middle' | 'bottom' | undefined
}

export interface Row {
  readonly cells: readonly Cell[]
}

export interface TableBlock {
  readonly kind: 'table'
  /** Relative column widths (any unit); their count is the table's column count. */
  readonly columns: readonly number[]
  /** The first `repeatHeader` rows are repeated at the top of every page the table runs onto. */
  readonly repeatHeader: number
  /** Rows may split across pages (a long cell continues on the next page). @default false */
  readonly splitRows?: boolean
  readonly rows: readonly Row[]
  /** Body text size relative to the page's (1 = same). @default 1 */
  readonly scale?: number
  /** Rulings drawn (PDF only): every cell, horizontal rules only, or none. @default 'full' */
  readonly rules?: 'full' | 'horizontal' | 'none'
  /** What the table is, for people reading the blocks (`summary`, `detail`, `measures` ...). */
  readonly role: string
}

export interface PageBreakBlock {
  readonly kind: 'page-break'
}

/** Starts a new page in this orientation; it holds until the next orientation block. */
export interface OrientationBlock {
  readonly kind: 'orientation'
  readonly orientation: 'portrait' | 'landscape'
}

/**
 * The text from here on is set in this many columns (a newspaper page) until the next columns or
 * orientation block; an orientation block starts its page in one column.
 */
export interface ColumnsBlock {
  readonly kind: 'columns'
  readonly count: 1 | 2
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | PageBreakBlock | OrientationBlock | ColumnsBlock

export interface LayoutDoc {
  readonly title: string
  readonly blocks: readonly Block[]
  /** Page numbers in the margin, where the output has pages (not in transcripts). */
  /** `page-of`: หน้า ๒ จาก ๙ rather than - ๒ -. */
  readonly pageNumbers?: { readonly position: 'top' | 'bottom'; readonly thaiDigits: boolean; readonly style?: 'page-of' }
  /** A running header printed at the top of every page (in a transcript: atop each page). */
  readonly runningHeader?: string
}

export const heading = (level: HeadingBlock['level'], text: string, align?: Align): HeadingBlock => ({ kind: 'heading', level, text, ...(align && { align }) })
export const paragraph = (text: string, options: Omit<ParagraphBlock, 'kind' | 'text'> = {}): ParagraphBlock => ({ kind: 'paragraph', text, ...options })
export const cell = (lines: string | readonly string[], options: Omit<Cell, 'lines'> = {}): Cell => ({ lines: typeof lines === 'string' ? [lines] : lines, ...options })
export const headerCell = (lines: string | readonly string[], options: Omit<Cell, 'lines' | 'header'> = {}): Cell => cell(lines, { header: true, align: 'center', valign: 'middle', ...options })
export const pageBreak: PageBreakBlock = { kind: 'page-break' }
export const orientation = (o: OrientationBlock['orientation']): OrientationBlock => ({ kind: 'orientation', orientation: o })
export const columns = (count: ColumnsBlock['count']): ColumnsBlock => ({ kind: 'columns', count })

/** Column count of a table: the widths given. */
export const columnCount = (table: TableBlock) => table.columns.length

/** True when some cell spans rows or columns, or holds more than one line. */
export function needsHtml(table: TableBlock): boolean {
  return table.rows.some((r) => r.cells.some((c) => (c.colSpan ?? 1) > 1 || (c.rowSpan ?? 1) > 1 || c.lines.length > 1))
}
