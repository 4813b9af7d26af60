/**
 * Items printed as sentences ("ข้อ i1 <the item's wording> ได้คะแนน 89.82 คะแนน"), each wrapped over lines
 * where the page is narrower than the sentence: a PDF's lines say nothing of paragraphs, so the sentence
 * arrives as a line opening with the item's code and no score, and a line or two going on to the score.
 * They are one item, joined here into one row, as a transcript or a Word file prints them.
 */
import type { Row } from '../text/rows.js'
import { SENTENCE_SCORE } from '../text/scored-rows.js'
import { TRAILING_DECIMAL_SCORE } from '../text/values.js'

/** The word for a clause before an item's code: "ข้อ", "ข้อที่". */
const CLAUSE_WORD = /^\s*ข้อ\s*(?:ที่)?\s*/
/** An item's code opening a text: "i1", "O-25", "[e5]". */
const ITEM_CODE_FIRST = /^[[(]?[IiEeOo]\s*-?\s*\d{1,2}(?![\d.,])/

/** A text opening with an item's code, after the word for a clause maybe: "ข้อ i1 ...", "o25 ...". */
export const opensWithItemCode = (text: string) => ITEM_CODE_FIRST.test(text.replace(CLAUSE_WORD, ''))

/** Lines a wrapped item sentence may take after its first: a long item's wording (160 characters) in a column of 30. */
const WRAPPED_LINES = 6

/**
 * A line going on a sentence: not opening an item, an indicator, a heading or a list entry of its own
 * (a number, a mark, a label with a colon, "ข้อ" before a number or a code, not the word ข้อมูล), and
 * holding no number but the score it may end on.
 */
const OPENS_OWN = /^\s*(?:[-–—•*·▪○●#>|]|\(?[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\s*[.)](?![0-9๐-๙])|[A-Za-z]{1,2}\s*-?\s*\d|ข้อ\s*(?:ที่)?\s*[0-9๐-๙A-Za-z[(]|ตัวชี้วัด|ต\s*ช\s*\.)/

function goesOn(row: Row, first: Row): boolean {
  return row.kind === 'line' && row.origin.page === first.origin.page && !OPENS_OWN.test(row.text) && !/\d[.,]\d/.test(row.text.replace(TRAILING_DECIMAL_SCORE, ''))
}

/** The rows with each item sentence wrapped over lines joined into one row; rows are numbered afresh. */
export function joinWrappedItemSentences(rows: readonly Row[]): Row[] {
  const out: Row[] = []
  for (let i = 0; i < rows.length; i++) {
    const end = wrappedSentenceEnd(rows, i)
    if (end === undefined) out.push(rows[i]!)
    else {
      out.push(joinLines(rows.slice(i, end + 1)))
      i = end
    }
  }
  return out.map((r, index) => (r.index === index ? r : { ...r, index }))
}

/** The last line of the item sentence line `i` opens, when it wraps (its own line holding no score). */
function wrappedSentenceEnd(rows: readonly Row[], i: number): number | undefined {
  const first = rows[i]!
  if (first.kind !== 'line' || !opensWithItemCode(first.text) || /\d[.,]\d/.test(first.text.replace(CLAUSE_WORD, ''))) return undefined
  let text = first.text
  for (let j = i + 1; j <= i + WRAPPED_LINES && j < rows.length; j++) {
    if (!goesOn(rows[j]!, first)) return undefined
    // The words for a score may end one line and the score open the next ("... ได้คะแนน" / "87.42 คะแนน").
    text = `${text} ${rows[j]!.text}`
    if (SENTENCE_SCORE.test(text)) return j
  }
  return undefined
}

/** Lines joined with a space; the origin is the last line's, which holds the score. */
function joinLines(lines: readonly Row[]): Row {
  const first = lines[0]!
  const last = lines.at(-1)!
  const text = lines.map((l) => l.text).join(' ')
  const cell = { ...first.cells[0]!, text, raw: lines.map((l) => l.cells[0]!.raw).join('\n'), origin: last.origin }
  return { ...first, cells: [cell], text, origin: last.origin }
}
