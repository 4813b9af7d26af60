/**
 * Items printed as sentences ("ข้อ i1 <the item's wording> ได้คะแนน 89.82 คะแนน", or the wording alone
 * without a code), each wrapped over lines where the page is narrower than the sentence: a PDF's lines say
 * nothing of paragraphs, so the sentence arrives as a line opening the item and holding no score, and a
 * line or two going on to the score. They are one item, joined here into one row, as a transcript or a
 * Word file prints them.
 */
import { catalogueYears, loadCatalogue } from '../../catalogue/catalogue.js'
import type { Row } from '../text/rows.js'
import { SENTENCE_SCORE } from '../text/scored-rows.js'
import { containment, ITEM_CODE } from '../text/thai-text.js'
import { TRAILING_DECIMAL_SCORE } from '../text/values.js'

/** The word for a clause before an item's code: "ข้อ", "ข้อที่". */
const CLAUSE_WORD = /^\s*ข้อ\s*(?:ที่)?\s*/
/** An item's code opening a text: "i1", "O-25", "[e5]". */
export const ITEM_CODE_FIRST = new RegExp(String.raw`^[[(]?${ITEM_CODE}(?![\d.,])`)

/** A text opening with an item's code, after the word for a clause maybe: "ข้อ i1 ...", "o25 ...". */
export const opensWithItemCode = (text: string) => ITEM_CODE_FIRST.test(text.replace(CLAUSE_WORD, ''))

/**
 * A sentence naming an item by the catalogue's wording alone, then its score ("การเผยแพร่ข้อมูลข่าวสาร...
 * ได้คะแนน 89.82 คะแนน"): its words before the score are an item's wording in some year's catalogue, as
 * printed or paraphrased (a word or two changed, added or left out), not a longer sentence that quotes one.
 * Which item it is, the extract stage decides with the report's own year's catalogue.
 */
export function namesItemByWording(text: string): boolean {
  const score = SENTENCE_SCORE.exec(text)
  if (!score) return false
  const words = text.slice(0, score.index)
  return itemWordings().some((wording) => containment(words, wording) >= WORDING_SHARED && containment(wording, words) >= WORDING_SHARED)
}

/** An item sentence: opening with the item's code, or naming the item by its wording alone. */
export const isItemSentenceText = (text: string) => opensWithItemCode(text) || namesItemByWording(text)

/** The share of a sentence's words found in an item's wording, and of the wording found in the sentence. */
const WORDING_SHARED = 0.85

let wordings: readonly string[] | undefined
/** Every item wording the catalogue knows, of every year it lists items for. */
const itemWordings = () => (wordings ??= [...new Set(catalogueYears().flatMap((year) => loadCatalogue(year).items.map((item) => item.title)))].filter(Boolean))

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

/**
 * The last line of the item sentence line `i` opens, when it wraps (its own line holding no score): a line
 * opening with an item's code, or one whose sentence, once joined, names an item by its wording.
 */
function wrappedSentenceEnd(rows: readonly Row[], i: number): number | undefined {
  const first = rows[i]!
  if (first.kind !== 'line' || /\d[.,]\d/.test(first.text.replace(CLAUSE_WORD, ''))) return undefined
  const coded = opensWithItemCode(first.text)
  if (!coded && OPENS_OWN.test(first.text)) return undefined
  let text = first.text
  for (let j = i + 1; j <= i + WRAPPED_LINES && j < rows.length; j++) {
    if (!goesOn(rows[j]!, first)) return undefined
    // The words for a score may end one line and the score open the next ("... ได้คะแนน" / "87.42 คะแนน").
    text = `${text} ${rows[j]!.text}`
    if (SENTENCE_SCORE.test(text)) return coded || namesItemByWording(text) ? j : undefined
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
