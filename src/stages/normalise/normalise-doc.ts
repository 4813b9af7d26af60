import type { Block, Doc, TableRow } from '../../model/document.js'
import { normaliseText, type NormaliseOptions } from './normalise-thai.js'

/** Normalise every line and cell of a document; `raw` keeps the text as read. Pure. */
export function normaliseDoc(doc: Doc, options: NormaliseOptions = {}): Doc {
  const pages = doc.pages.map((page) => {
    const pageOptions = page.readBy === 'ocr' ? { ...options, readByOcr: true } : options
    return { ...page, blocks: page.blocks.map((b) => normaliseBlock(b, pageOptions)) }
  })
  return { ...doc, pages }
}

function normaliseBlock(block: Block, options: NormaliseOptions): Block {
  if (block.kind === 'line') return { ...block, text: normaliseText(block.raw, options) }
  return { ...block, rows: block.rows.map((row) => normaliseRow(row, options)) }
}

function normaliseRow(row: TableRow, options: NormaliseOptions): TableRow {
  return { ...row, cells: row.cells.map((cell) => ({ ...cell, text: normaliseText(cell.raw, options) })) }
}
