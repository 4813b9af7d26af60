/**
 * A flat, reading-order view of a document: every text line and every table row becomes a `Row`
 * of cells (a text line is a row with one cell). Structure extraction works on rows, so it does not
 * care whether a table came from a transcript, a PDF text layer or an OCR'd page image.
 */
import type { Doc, Origin } from '../../model/document.js'

/** Why a number column holds no score of this year (segment/score-columns.ts). */
export type SetAside = 'full-marks' | 'previous-year' | 'change' | 'result' | 'weight' | 'target'

export interface RowCell {
  readonly col: number
  readonly rowSpan: number
  readonly colSpan: number
  readonly text: string
  readonly raw: string
  readonly origin: Origin
  /** Set when the cell's column holds full marks, an earlier year's scores, a change, a verdict, a tool's weight or a target, not a score. */
  readonly setAside?: SetAside
}

export interface Row {
  /** Index in the document's row sequence. */
  readonly index: number
  readonly kind: 'line' | 'table-row'
  /** Table id for table rows; rows of one table share it. */
  readonly table?: string
  readonly cells: readonly RowCell[]
  /** Normalised text of all cells joined with single spaces. */
  readonly text: string
  readonly origin: Origin
}

export function docRows(doc: Doc): Row[] {
  const rows: Row[] = []
  for (const page of doc.pages) {
    for (const block of page.blocks) {
      if (block.kind === 'line') {
        const cell: RowCell = { col: 0, rowSpan: 1, colSpan: 1, text: block.text, raw: block.raw, origin: block.origin }
        rows.push({ index: rows.length, kind: 'line', cells: [cell], text: block.text, origin: block.origin })
        continue
      }
      for (const row of block.rows) {
        const cells = row.cells.map((c) => ({ col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, raw: c.raw, origin: c.origin }))
        const text = cells.map((c) => c.text).filter(Boolean).join(' ')
        rows.push({ index: rows.length, kind: 'table-row', table: block.id, cells, text, origin: row.origin })
      }
    }
  }
  return rows
}

/** Text of the cell at grid column `col`, or '' when the row has no such cell. */
export function cellText(row: Row, col: number): string {
  return row.cells.find((c) => c.col === col)?.text ?? ''
}

/** Non-empty cells, in column order. */
export function filledCells(row: Row): RowCell[] {
  return row.cells.filter((c) => c.text.trim() !== '')
}

/** The row's cells exactly as read, joined by `separator` (tab: the transcript's own cell separator). */
export function rowRaw(row: Row, separator = '\t'): string {
  return row.cells.map((c) => c.raw).join(separator)
}
