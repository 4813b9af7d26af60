/**
 * Rows that pair a label with scores, as in the summary table and the detail list. In a table the
 * scores are the row's trailing number cells, whatever comes before them (an ordinal, a code in a
 * column of its own, a tool name); in a plain line (an OCR'd page where no table grid was found)
 * they are the numbers at the end of the line. Both come out the same.
 */
import type { BBox } from '../../model/document.js'
import type { NumberValue, Section } from '../../report/schema.js'
import type { Row, RowCell } from './rows.js'
import { cellScore, numberValue, parseScore, rawOf, scoreToken, TRAILING_BARE_SCORE, withoutScoreUnit } from './values.js'
import { DECIMAL_SCORE, SCORE_WORD } from './thai-text.js'
import { PUBLISHED_NO, PUBLISHED_YES, VERDICT } from './vocabulary.js'

export interface ScoredRow {
  /** The text before the scores: the label cells joined with spaces. */
  readonly label: string
  /** The label as one cell (the label cells merged, their boxes united). */
  readonly labelCell: RowCell
  /** The label cells one by one, in column order. */
  readonly labelCells: readonly RowCell[]
  /** Scores in printed order (indicator score, then tool score in the summary table). */
  readonly scores: NumberValue[]
}

const TOOL_CODE_CELL = /^\s*\(?\s*(?:IIT|EIT|OIT)\s*\)?\s*$/i
const ITEM_CODE_CELL = /^\s*[[(]?\s*[IiEeOo]\s*-?\s*\d{1,2}\s*[\])]?\s*$/

export function scoredRow(row: Row, section: Section): ScoredRow | undefined {
  const filled = row.cells.filter((c) => c.text.trim() !== '' && !c.setAside)
  // A tool's code after the score ("82.18 | IIT"): the tool column printed last, neither label nor score.
  while (filled.length > 2 && TOOL_CODE_CELL.test(filled.at(-1)!.text) && isNumberCell(filled.at(-2)!)) filled.pop()
  // An item's code printed last ("การปฏิบัติงาน... | 73.61 | i1"): its column after the others, the code leads the item's title.
  const code = filled.length > 2 && ITEM_CODE_CELL.test(filled.at(-1)!.text) ? filled.pop() : undefined
  const first = filled[0]
  if (!first) return undefined
  if (filled.length === 1) return lineScores(first, section)
  // With its code printed last or its number in a column set aside, a row's first number is no row number.
  const scored = cellScores(filled, section, code !== undefined || row.cells.some((c) => c.setAside === 'row-number'))
  if (!code) return scored
  const labelCells = [...scored.labelCells.slice(0, -1), code, ...scored.labelCells.slice(-1)]
  return { ...scored, label: labelCells.map((c) => c.text).join(' '), labelCell: mergeCells(labelCells), labelCells }
}

/** A table row's label cells and scores: from the end, number cells are scores (even unreadable ones); the first cell is always label. */
function cellScores(filled: readonly RowCell[], section: Section, numberedApart: boolean): ScoredRow {
  let split = filled.length
  while (split > 1 && isNumberCell(filled[split - 1]!)) split--
  const within = split === filled.length && namesSomething(filled.at(-1)!) ? scoresWithin(filled, section, numberedApart) : undefined
  if (within) return within
  // A last cell OCR could not read as a number is still the score's place, unless it holds words.
  if (split === filled.length && !holdsWords(filled.at(-1)!)) split--
  const labelCells = filled.slice(0, split)
  const scores = filled.slice(split).map((c) => cellScore(c, section)!)
  return { label: labelCells.map((c) => c.text).join(' '), labelCell: mergeCells(labelCells), labelCells, scores }
}

/**
 * A row whose scores stand before its last cells, which hold words ("1.1 | 89.37 | การปฏิบัติหน้าที่": the name's
 * column printed after the score's): the first run of number cells are the scores (the first cell one only if
 * printed as a score), the cells around them the label.
 */
function scoresWithin(filled: readonly RowCell[], section: Section, numberedApart: boolean): ScoredRow | undefined {
  // The first cell is the score only where the row's code or number is printed elsewhere ("100.00 | <title> | o27"), no
  // other number in it: otherwise a first number numbers the row ("1.1 | การปฏิบัติหน้าที่").
  const later = filled.findIndex((c, k) => k > 0 && isNumberCell(c))
  const at = later < 0 && numberedApart && /\d[.,]\d/.test(filled[0]!.text) && isNumberCell(filled[0]!) ? 0 : later
  if (at < 0) return undefined
  let end = at
  while (end < filled.length && isNumberCell(filled[end]!)) end++
  const labelCells = [...filled.slice(0, at), ...filled.slice(end)]
  if (!labelCells.slice(at).every(namesSomething)) return undefined
  return { label: labelCells.map((c) => c.text).join(' '), labelCell: mergeCells(labelCells), labelCells, scores: filled.slice(at, end).map((c) => cellScore(c, section)!) }
}

/** Words, not a number OCR misread: four Thai letters in a row (no digits among them), or Latin ones. */
const namesSomething = (cell: RowCell) => holdsWords(cell) || /[ก-๏]{4}/.test(cell.text)

/**
 * A cell that holds a number and nothing else: a score with what is printed around it (scoreToken), or digits with points, commas, specks and the letters
 * OCR reads for digits (o for ๐, l or I for 1), not starting with a letter. A code ("I3"), an
 * ordinal word or a tool name is not one.
 */
function isNumberCell(cell: RowCell): boolean {
  if (scoreToken(cell.text) !== undefined) return true
  const text = withoutScoreUnit(cell.text).trim()
  return /\d/.test(text) && text.length <= 12 && !/^[A-Za-z]/.test(text) && !/[ก-ฮA-HJ-KM-NP-Za-km-np-z]/.test(text)
}

/**
 * Three Thai or Latin letters in a row, a long text, a verdict, a year, or Thai words with no digit (a header
 * naming a column, "ค่า (คะแนน)", "หมายเหตุ"; not มี / ไม่มี, an OIT item's score in words): words, not a misread number.
 */
const holdsWords = (cell: RowCell) => {
  if (scoreToken(cell.text) !== undefined) return false
  const text = withoutScoreUnit(cell.text)
  return /[ก-ฮ]{3}|[A-Za-z]{3}|พ\.\s*ศ\./.test(text) || text.trim().length > 12 || VERDICT.test(text) || thaiWordsAlone(text)
}
const thaiWordsAlone = (text: string) => !/\d/.test(text) && /[ก-๏]{4}/.test(text) && !PUBLISHED_YES.test(text) && !PUBLISHED_NO.test(text)

/**
 * A score a sentence ends on, the word for score before it: "... ได้คะแนน 89.82 คะแนน", "... ได้ 89.82 คะแนน",
 * "... คะแนนที่ได้ : 89.82", "... ได้ร้อยละ 89.82", "... (ได้ 89.82 คะแนน)". The words say what the number is, so
 * the label is the text before them. "ได้คะแนน" needs no space before it: a line wrapped at that space and
 * joined again as Thai lines are ("...หรือไม่" / "ได้คะแนน 98.70 คะแนน") runs it into the word before.
 */
const SCORE_IN_SENTENCE = String.raw`(?:(?:^|\s)\(?\s*(?:ได้\s*(?:รับ\s*)?(?:ผล\s*)?(?:${SCORE_WORD})?|(?:ผล\s*)?${SCORE_WORD}\s*(?:ที่\s*ได้)?)|ได้\s*(?:รับ\s*)?(?:ผล\s*)?${SCORE_WORD})\s*(?:ร้อยละ)?\s*[:：=]?\s*(${DECIMAL_SCORE}|100)\s*(?:${SCORE_WORD})?\s*\)?`
export const SENTENCE_SCORE = new RegExp(String.raw`${SCORE_IN_SENTENCE}\s*$`)
/** The same words and score inside a sentence that goes on ("ประเด็น i1 ... ได้คะแนน 67.68 คะแนน ผลการวิเคราะห์พบว่า ..."). */
export const SCORE_IN_SENTENCE_WORDS = new RegExp(String.raw`${SCORE_IN_SENTENCE}(?=\s|$)`)

function mergeCells(cells: readonly RowCell[]): RowCell {
  const [first] = cells
  if (cells.length === 1) return first!
  const boxes = cells.map((c) => c.origin.bbox).filter((b): b is BBox => b !== undefined)
  const bbox = boxes.length === cells.length ? unite(boxes) : first!.origin.bbox
  return {
    ...first!,
    text: cells.map((c) => c.text).join(' '),
    raw: cells.map((c) => c.raw).join(' '),
    origin: { ...first!.origin, ...(bbox && { bbox }) },
  }
}

const unite = (boxes: readonly BBox[]): BBox => ({
  x0: Math.min(...boxes.map((b) => b.x0)),
  y0: Math.min(...boxes.map((b) => b.y0)),
  x1: Math.max(...boxes.map((b) => b.x1)),
  y1: Math.max(...boxes.map((b) => b.y1)),
})

function lineScores(cell: RowCell, section: Section): ScoredRow | undefined {
  const sentence = section === 'detail' ? SENTENCE_SCORE.exec(cell.text) : null
  if (sentence) {
    // "ข้อ i1 <item> ได้คะแนน 89.82 คะแนน": an item printed as a sentence, its score said in words.
    const label = cell.text.slice(0, sentence.index).trimEnd()
    return { label, labelCell: cell, labelCells: [cell], scores: [numberValue(parseScore(sentence[1]!) ?? null, cell.origin, section, rawOf(sentence[1]!, cell.raw))] }
  }
  let label = cell.text
  const tokens: string[] = []
  for (let m = TRAILING_BARE_SCORE.exec(label); m && tokens.length < 2; m = TRAILING_BARE_SCORE.exec(label)) {
    tokens.unshift(m[1]!)
    label = label.slice(0, m.index).trimEnd()
  }
  if (tokens.length === 0) return { label, labelCell: cell, labelCells: [cell], scores: [] }
  const scores = tokens.map((t) => numberValue(parseScore(t) ?? null, cell.origin, section, rawOf(t, cell.raw)))
  return { label, labelCell: cell, labelCells: [cell], scores }
}
