/**
 * Rows that pair a label with scores, as in the summary table and the detail list. In a table the
 * scores are cells; in a plain line (an OCR'd page where no table grid was found) they are the
 * numbers at the end of the line. Both come out the same.
 */
import type { NumberValue, Section } from '../../report/schema.js'
import type { Row, RowCell } from '../segment/rows.js'
import { cellScore, numberValue, parseScore, rawOf } from './values.js'

export interface ScoredRow {
  readonly label: string
  readonly labelCell: RowCell
  /** Scores in printed order (indicator score, then tool score in the summary table). */
  readonly scores: NumberValue[]
}

const TRAILING_NUMBER = /\s(\d{1,3}[.,]\d{1,2}|100)\s*$/

export function scoredRow(row: Row, section: Section): ScoredRow | undefined {
  const filled = row.cells.filter((c) => c.text.trim() !== '')
  const first = filled[0]
  if (!first) return undefined
  if (filled.length > 1) {
    const scores = filled.slice(1).map((c) => cellScore(c, section)!)
    // A label cell that also ends in a number (merged cells) gives that number up.
    return { label: first.text, labelCell: first, scores }
  }
  return lineScores(first, section)
}

function lineScores(cell: RowCell, section: Section): ScoredRow | undefined {
  let label = cell.text
  const tokens: string[] = []
  for (let m = TRAILING_NUMBER.exec(label); m && tokens.length < 2; m = TRAILING_NUMBER.exec(label)) {
    tokens.unshift(m[1]!)
    label = label.slice(0, m.index).trimEnd()
  }
  if (tokens.length === 0) return { label, labelCell: cell, scores: [] }
  const scores = tokens.map((t) => numberValue(parseScore(t) ?? null, cell.origin, section, rawOf(t, cell.raw)))
  return { label, labelCell: cell, scores }
}
