/**
 * Splits a report's rows into its sections (title, summary, detail, overall, analysis, measures)
 * by what each row holds, not by one agency's phrasing: a row naming an indicator next to a score
 * belongs to an indicator table, a row of item text and a score to the detail list, a line naming
 * one indicator and one score heads its analysis, a row naming measure columns heads a measures
 * table. Headers mark where a section starts; rows that hold none of these stay in the section
 * before them. A section may appear more than once (analysis between measures tables).
 */
import type { Section, Tool } from '../../report/schema.js'
import { scoredRow } from '../text/scored-rows.js'
import { A_SCORE, DECIMAL_SCORE, findIndicator, indicatorLabelOffset, LEADING_CLAUSE, leadingIndicatorNumber, SCORE_DECIMALS, SCORE_WORD, SCORE_WORDS, A_TABLE_SCORE, startsWithIndicatorLabel, withoutClauseNumber, type IndicatorName } from '../text/thai-text.js'
import { CONTINUED, FISCAL_YEAR_NAMED, IMPROVED_ITEM_LABEL, LABEL_IN_SENTENCE, LEVEL, MEASURE_COLUMNS, measurePartLabel, OVERALL_HEADING, REPORT_TITLE_LINE, TABLE_CAPTION, TABLE_HEADER_WORDS, THRESHOLD_BEFORE, toolsNamed, TOTAL_WORDS, withoutGloss, type MeasureColumn } from '../text/vocabulary.js'
import { filledCells, type Row, type RowCell } from '../text/rows.js'
import { isItemSentenceText, ITEM_CODE_FIRST, opensWithItemCode } from './item-sentences.js'
import { readMeasureProse } from './measure-prose.js'
import { cellScore, isDecimalScoreCell } from '../text/values.js'

export type Sections = Record<Section, Row[]>

/** A header cell is short; a longer cell is data that happens to use a header word. */
const HEADER_CELL = 60

const shortCells = (row: Row) => row.cells.filter((c) => c.text.trim() && c.text.length < HEADER_CELL)
const has = (row: Row, ...words: RegExp[]) => words.every((w) => shortCells(row).some((c) => w.test(c.text)))

/** "ประเด็นการประเมิน | คะแนนที่ได้" (with or without a code column). */
export const isDetailHeader = (row: Row) => row.text.length < 100 && has(row, TABLE_HEADER_WORDS.item, TABLE_HEADER_WORDS.score) && !hasScoreNumber(row)

/** "ตัวชี้วัด | คะแนนรายตัวชี้วัด | คะแนนรายเครื่องมือ", "ลำดับ | ตัวชี้วัด | เครื่องมือ | คะแนน", "เครื่องมือการประเมิน | คะแนน". */
export const isSummaryHeader = (row: Row) =>
  row.text.length < 100 &&
  !isDetailHeader(row) &&
  (has(row, TABLE_HEADER_WORDS.indicator, TABLE_HEADER_WORDS.score) || (row.kind === 'table-row' && has(row, TABLE_HEADER_WORDS.tool, TABLE_HEADER_WORDS.score))) &&
  !hasScoreNumber(row) &&
  !isMeasuresHeader(row)

/** A score in the row, with two or three decimals or, as prose may round it, one ("ผลคะแนน 91.3 คะแนน"); a heading's clause number ("4.1") is none. */
const hasScoreNumber = (row: Row) => A_TABLE_SCORE.test(row.text) || /(?<![\d.,])\d{1,3}[.,]\d(?![\d.,])/.test(row.text.replace(LEADING_CLAUSE, ''))

/** A score with the word for score beside it: "คะแนน 93.55", "คะแนน : 93.55", "คะแนนร้อยละ 93.55", "93.55 คะแนน", "(ได้ 89.41 คะแนน)". */
const SCORED = new RegExp(String.raw`${SCORE_WORDS}\s*(?:[^\sก-๛\d]\s*){0,2}\d|\d${SCORE_DECIMALS}\s*\)?\s*${SCORE_WORD}|(?:ได้|เท่ากับ|คือ)\s*\d{1,3}[.,]\d`)

/**
 * A heading naming one indicator and one score, printed as a line of its own: "ตัวชี้วัดที่ 1
 * การปฏิบัติหน้าที่ คะแนน 93.55", "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (ได้ 89.41 คะแนน)", "1. การปฏิบัติหน้าที่ ได้ 89.41 คะแนน".
 */
export function isAnalysisHeading(row: Row, names: readonly IndicatorName[]): boolean {
  if (row.cells.filter((c) => c.text).length > 1) return false
  const heading = analysisHeadingText(withoutClauseNumber(row.text))
  if (heading === undefined || !SCORED.test(heading)) return false
  const number = A_SCORE.exec(heading)
  const before = number ? heading.slice(0, number.index) : heading
  // "* ตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์ผ่าน (85.00 คะแนน)": a footnote's pass mark, not a score.
  if (FOOTNOTE.test(row.text) || THRESHOLD_BEFORE.test(before.replace(/[(\s]+$/, ''))) return false
  if (startsWithIndicatorLabel(heading)) return true
  // "...เปิดเผยข้อมูลสาธารณะ (OIT) ได้ 86.84 คะแนน": a tool's score in wrapped prose, not a heading.
  if (toolsNamed(before).length > 0) return false
  // "สุด คือ ตัวชี้วัดที่ 7 ... (77.03 คะแนน)": a sentence wrapped before the label, not a heading.
  const label = indicatorLabelOffset(before)
  if (label !== undefined && LABEL_IN_SENTENCE.test(before.slice(0, label))) return false
  return findIndicator(before.replace(/(?:มี|ได้|คะแนน|เท่ากับ|คือ|[(:：\-–]|\s)+$/g, ''), names) !== undefined
}

/** A footnote under a table: "* ตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์...". */
const FOOTNOTE = /^\s*\*/

/**
 * The heading part of a line that may go on into its prose ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้คะแนน
 * 79.17 คะแนน ในภาพรวม..."): up to the first score and the score word after it. Undefined when the
 * line holds no score early enough to be a heading, or a second score before its end.
 */
export function analysisHeadingText(text: string): string | undefined {
  const number = A_SCORE.exec(text)
  if (!number || number.index > HEADING_REACH) return undefined
  const after = new RegExp(String.raw`^\s*\)?\s*(?:${SCORE_WORD})?\s*\)?`).exec(text.slice(number.index + number[0].length))
  const end = number.index + number[0].length + (after?.[0].length ?? 0)
  return text.slice(0, end)
}

/** "ผลคะแนนที่ได้ : 76.44 คะแนน", "คะแนน 93.55": a line that is a score and nothing else. */
const SCORE_LINE = new RegExp(
  String.raw`^\s*(?:ได้\s*)?(?:ผล\s*)?${SCORE_WORDS}\s*(?:ที่\s*ได้|รวม|เฉลี่ย)?\s*[:：=]?\s*${DECIMAL_SCORE}\s*(?:${SCORE_WORD})?\s*$`,
)

/**
 * An analysis heading over two lines: a line naming one indicator and nothing else, and under it a
 * line that is its score ("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่" / "ผลคะแนนที่ได้ : ๗๖.๔๔ คะแนน"), or a heading
 * wrapped after the words for its score, the line under it opening with the score and going on with
 * the prose ("ตัวชี้วัดที่ 8 ... ได้คะแนน" / "92.74 คะแนน ตัวชี้วัด..."). Returns the score line's index;
 * only a speck or a page's furniture (a line of a few letters) may stand between.
 */
export function analysisScoreLine(rows: readonly Row[], i: number, names: readonly IndicatorName[]): number | undefined {
  const row = rows[i]
  if (!row || row.kind !== 'line') return undefined
  const text = withoutClauseNumber(row.text)
  if (text.length >= 120 || /\d[.,]\d/.test(text) || !(startsWithIndicatorLabel(text) || findIndicator(text, names) !== undefined)) return undefined
  for (let j = i + 1; j <= i + 2 && j < rows.length; j++) {
    const below = rows[j]!
    if (below.kind === 'line' && (SCORE_LINE.test(below.text) || (ENDS_AT_SCORE_WORDS.test(text) && STARTS_WITH_SCORE.test(below.text)))) return j
    // Between them only a speck or a page's number ("- 6 -", "หน้า 6"): the heading's score is over the page.
    if (!/^\s*\S{0,4}\s*$/.test(below.text) && !PAGE_NUMBER_LINE.test(below.text)) return undefined
  }
  return undefined
}

/** A page's number printed as a line of its own: "- 6 -", "หน้า 6", "6/9", "หน้า ๖ จาก ๙". */
const PAGE_NUMBER_LINE = /^\s*(?:[-–]\s*\d{1,3}\s*[-–]|(?:หน้า\s*(?:ที่)?\s*)?\d{1,3}(?:\s*(?:\/|จาก)\s*\d{1,3})?)\s*$/

/** A line ending where its score's number would follow: "... ได้คะแนน", "... คะแนน :", "... เท่ากับ". */
const ENDS_AT_SCORE_WORDS = new RegExp(String.raw`(?:ได้|${SCORE_WORDS}|เท่ากับ|คือ)\s*[:：]?\s*$`)

/** How far into a line an analysis heading's score may stand. */
const HEADING_REACH = 140

/** A cell holding only an item code or an ordinal: "i1", "O25.", "๑๒", "3)", "[i1]", "o-12". */
const CODE_CELL = /^\s*[[(]?\s*[A-Za-z]?\s*-?\s*[0-9๐-๙]{1,3}\s*[.)\]]?\s*$/

/** A table row naming an indicator, its score and a paragraph on it: an analysis laid out as a table. */
export function isAnalysisRow(row: Row, names: readonly IndicatorName[]): boolean {
  if (row.kind !== 'table-row') return false
  // A column numbering the rows (set aside) names nothing.
  const filled = row.cells.filter((c) => c.text.trim() && !c.setAside)
  if (filled.length < 2 || !filled.slice(1).some((c) => c.text.length >= 60)) return false
  // A detail row with the indicator in a cell spanning its items has an item code; an analysis has none.
  if (filled.some((c) => CODE_CELL.test(c.text))) return false
  const label = findIndicator(filled[0]!.text, names)?.found
  return label !== undefined && (filled.some((c) => isDecimalScoreCell(c.text)) || LABEL_SCORE.test(label.rest))
}

/** A score printed in the indicator's own cell, after its name: "การปฏิบัติหน้าที่ (86.84 คะแนน)", "... คะแนน 86.84". */
export const LABEL_SCORE = new RegExp(String.raw`(?:^|[\s(:：])${DECIMAL_SCORE}(?:\s*คะแนน)?\s*\)?\s*$`)

/**
 * The first line of a measure written as paragraphs or an outline, not a table: "มาตรการที่ 1 ประเด็นที่ต้องพัฒนา :
 * i9 ... (คะแนน 74.08)", "1. ประเด็นที่ต้องพัฒนา i1 ... (คะแนน 98.37)", its parts on the lines after it under
 * labels (มาตรการ, ขั้นตอน, ระยะเวลา ...) or sub-clauses (1.1 มาตรการ..., 1.2 ขั้นตอน...). Or the whole measure in
 * one paragraph of prose (`readMeasureProse`).
 */
export function isMeasureParagraph(row: Row): boolean {
  if (row.kind !== 'line') return false
  const text = withoutClauseNumber(row.text)
  return (/^มาตรการ\s*ที่\s*\d{1,2}(?!\d)/.test(text) && /ประเด็น|[:：]|คะแนน/.test(text)) || improvedItemOf(row.text) !== undefined || readMeasureProse(row.text) !== undefined
}

/**
 * The item a line names as the one a measure improves, after the label saying so and a clause number maybe
 * ("1. ประเด็นที่ต้องพัฒนา i1 การปฏิบัติงาน... (คะแนน 98.37)"): the item's code opens it, or its score in brackets
 * closes it. A sentence that speaks of an item ("ประเด็นที่ต้องพัฒนา คือ ...") names none.
 */
export function improvedItemOf(line: string): string | undefined {
  const text = line.replace(OUTLINE_NUMBER, '').replace(/[*\s]+$/, '')
  const label = IMPROVED_ITEM_LABEL.exec(text)
  if (!label) return undefined
  const item = text.slice(label[0].length).trim()
  return ITEM_CODE_FIRST.test(item) || BRACKETED_SCORE_LAST.test(item) ? item : undefined
}
/** A clause number opening a line, and the marks around it: "**1. ", "### 2.1 ", "ข้อ 3 ". */
const OUTLINE_NUMBER = /^[#*\s]*(?:ข้อ\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?)?[*\s]*/
const BRACKETED_SCORE_LAST = new RegExp(String.raw`\(\s*(?:คะแนน|ได้)?\s*[:：]?\s*${DECIMAL_SCORE}\s*(?:คะแนน)?\s*\)$`)

/** The data columns a measures header names (the item and score columns are named by too many tables to count). */
const DATA_COLUMNS: MeasureColumn[] = ['actions', 'analysis', 'steps', 'period', 'responsible', 'followUp']

/**
 * The measures table's column header: cells naming at least three of the measures columns
 * (มาตรการ, วิเคราะห์, ขั้นตอน, ระยะเวลา, ผู้รับผิดชอบ, ติดตามผล), in any order and wording, or our
 * first layout's "ตัวชี้วัดที่ N | ผลการประเมิน (คะแนน) | ๑) มาตรการ/โครงการ/กิจกรรม | ...".
 */
export function isMeasuresHeader(row: Row): boolean {
  // A header's cells are short; an analysis laid out as a table has a long one.
  if (row.cells.some((c) => c.text.length >= 100)) return false
  return isLabelledMeasuresHeader(row) || namesMeasureColumns(row)
}

/**
 * "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ | ผลการประเมิน | มาตรการ | ระยะเวลา | ผู้รับผิดชอบ": the indicator label
 * in its first cell, the column words each in a short cell of its own (in a data row they are inside
 * longer step or measure text, whose score may be a word: "มี"). Printed as a line, each column word
 * stands apart: Thai runs a sentence's words together ("...ควรกำหนดผู้รับผิดชอบ" is prose under an analysis heading).
 */
function isLabelledMeasuresHeader(row: Row): boolean {
  if (!startsWithIndicatorLabel(row.cells[0]?.text ?? row.text) || hasScoreNumber(row)) return false
  if (row.kind === 'table-row') return has(row, ...LABELLED_HEADER_WORDS)
  return LABELLED_HEADER_WORDS_APART.every((w) => w.test(row.text))
}
const LABELLED_HEADER_WORDS = [/มาตรการ|ระยะเวลา|ผู้รับผิดชอบ/, /ผลการประเมิน|คะแนน/]
/**
 * A header read as a line prints its column words as words of their own ("(คะแนน) ๑) มาตรการ ... ผู้รับผิดชอบ");
 * in a sentence they are inside longer words ("ได้คะแนนต่ำกว่า", "ควรกำหนดผู้รับผิดชอบ").
 */
const LABELLED_HEADER_WORDS_APART = LABELLED_HEADER_WORDS.map((w) => new RegExp(String.raw`(?<=^|[\s/()\d.])(?:${w.source})`))

function namesMeasureColumns(row: Row): boolean {
  const cells = shortCells(row)
  if (cells.length < 3) return false
  const named = DATA_COLUMNS.filter((column) => cells.some((c) => MEASURE_COLUMNS[column].test(c.text)))
  return named.length >= 3
}

/**
 * Forms, one per measure: tables of label | value rows ("ประเด็นที่ต้องพัฒนา | i5 ...", "มาตรการ | ๑. ...",
 * "ระยะเวลาดำเนินการ | ...", "ผู้รับผิดชอบ | ..."), in any order, with a title row or none. A measures
 * table names its parts across its header row; a form names them down its first column: the first cells
 * of its rows label at least three parts of a measure, two of them what is done, when or by whom. A form
 * a page broke in two is two tables: the part on the other page, holding only labelled rows (and the
 * title), labelling none of the form's parts, is the form's too.
 */
export function formTables(rows: readonly Row[]): Set<string> {
  const tables = new Map<string, { parts: Set<MeasureColumn>; formLike: boolean }>()
  for (const row of rows) {
    if (row.kind !== 'table-row' || row.table === undefined) continue
    const table = tables.get(row.table) ?? { parts: new Set<MeasureColumn>(), formLike: true }
    const label = formLabel(row)
    if (label) table.parts.add(label)
    table.formLike &&= isFormLikeRow(row)
    tables.set(row.table, table)
  }
  const order = [...tables.values()]
  const forms = new Set(order.filter((t) => t.parts.size >= FORM_PARTS && DATA_COLUMNS.filter((c) => t.parts.has(c)).length >= FORM_DATA_PARTS))
  const disjoint = (a: Set<MeasureColumn>, b: Set<MeasureColumn>) => [...a].every((part) => !b.has(part))
  for (let changed = true; changed; ) {
    changed = false
    order.forEach((table, k) => {
      const beside = [order[k - 1], order[k + 1]].find((t) => t && forms.has(t) && disjoint(t.parts, table.parts))
      if (!forms.has(table) && table.formLike && table.parts.size > 0 && beside) changed = forms.add(table).size > 0
    })
  }
  return new Set([...tables].filter(([, t]) => forms.has(t)).map(([id]) => id))
}
const FORM_PARTS = 3
const FORM_DATA_PARTS = 2

/** A row a form may hold: a label and its value, a value under the label above, or one cell over the form (its title). */
function isFormLikeRow(row: Row): boolean {
  const filled = filledCells(row)
  const first = filled[0]
  return !first || first.col > 0 || formLabel(row) !== undefined || (filled.length === 1 && first.colSpan > 1)
}

/** The part of a measure a form row's first cell labels (its value in the cells after it, or the rows under it). */
export function formLabel(row: Row): MeasureColumn | undefined {
  const first = filledCells(row)[0]
  return first?.col === 0 ? measurePartLabel(first.text) : undefined
}

/** A row that starts with an indicator label and carries a score (summary row or detail header row). */
function isScoredIndicatorRow(row: Row, names: readonly IndicatorName[]): boolean {
  const scored = scoredRow(row, 'summary')
  if (!scored?.scores.length) return false
  return findIndicator(scored.label, names) !== undefined
}

/** A row of item text (or a code and its text) and a score. */
function isItemRow(row: Row, names: readonly IndicatorName[]): boolean {
  const scored = scoredRow(row, 'detail')
  if (!scored?.scores.length || scored.label.length < 12 || namesOnlyAYear(scored.label) || OPENS_WITH_A_SCORE.test(scored.label)) return false
  // A sentence naming two tools and ending on a score ("... (IIT) ได้ 87.48 คะแนน แบบวัด... (EIT) ได้ 91.34") is prose.
  return findIndicator(scored.label, names) === undefined && !isToolRow(scored.label) && toolsNamed(scored.label).length < 2
}

/** "5.05 คะแนน คิดเป็นร้อยละ": a label opening with a score and its unit, a sentence's figures wrapped onto a line, not an item. */
const OPENS_WITH_A_SCORE = new RegExp(String.raw`^\s*${DECIMAL_SCORE}\s*${SCORE_WORD}`)

/** "(ปีงบประมาณ พ.ศ. 2568": a label naming a fiscal year and nothing else, a year's score (last year's), not an item's. */
const namesOnlyAYear = (label: string) => FISCAL_YEAR_NAMED.test(label) && label.replace(FISCAL_YEAR_NAMED, '').replace(/[\s()（）:：]/g, '') === ''

/**
 * An item printed as a sentence: its code first ("ข้อ i1 <item> ได้คะแนน 89.82 คะแนน"), or only its wording
 * as the catalogue words it, its score at the end. The code or the wording says it is an item, whatever words
 * for a score the sentence uses (the total's too).
 */
function isItemSentence(row: Row, names: readonly IndicatorName[]): boolean {
  if (row.kind !== 'line') return false
  return opensWithItemCode(row.text) ? isItemRow(row, names) : isItemSentenceText(row.text) && findIndicator(row.text, names) === undefined
}

const isToolRow = (label: string) => toolsNamed(label).length === 1 && label.length < 90

/** A sentence about the whole report's score or last year's: where the overall analysis starts. */
// The total may be said of the agency by name: "คะแนนเฉลี่ยในภาพรวมของสำนักงานสาธารณสุขอำเภอทุ่งสง คือ 85.54".
const OVERALL_MARKER = new RegExp(
  String.raw`วิเคราะห์ผลการประเมิน|(?:${TOTAL_WORDS.source})(?:\s*\S{0,20}|[^\d]{0,80}?(?:คือ|เท่ากับ|อยู่ที่))\s*${DECIMAL_SCORE}|หน่วยงานวิเคราะห์เอง|(?:สูง|ต[ั่]*ำ)\s*กว่า\s*ปี\s*ที่?\s*ผ่าน`,
)

const STARTS_WITH_SCORE = new RegExp(String.raw`^\s*${DECIMAL_SCORE}`)

/** A line whose sentence about the total wraps before its number ("... ได้ผลคะแนนเฉลี่ย" / "88.98 คะแนน ..."). */
function wrappedOverall(row: Row, next: Row | undefined): Role | undefined {
  if (row.kind !== 'line' || next?.kind !== 'line' || next.origin.page !== row.origin.page) return undefined
  if (OVERALL_MARKER.test(row.text) || !STARTS_WITH_SCORE.test(next.text)) return undefined
  return OVERALL_MARKER.test(`${row.text} ${next.text}`) ? 'overall' : undefined
}

export type Role =
  | 'measures-header'
  | 'detail-header'
  | 'detail-heading'
  | 'summary-header'
  | 'analysis'
  | 'indicator'
  | 'item'
  | 'tool'
  | 'overall'
  | 'overall-heading'
  | 'report-title'
  | 'other'

/**
 * A heading over the overall result ("## สรุปผลการประเมิน") with a sentence on the total right under it:
 * the overall section starts there wherever it stands, also as the report's closing section after the
 * measures or the analysis, where a sentence on a score alone does not start it (a measure's or an
 * indicator's prose may speak of scores).
 */
function overallHeadings(rows: readonly Row[], roles: readonly Role[]): Role[] {
  return roles.map((role, i) => {
    const row = rows[i]!
    if (role !== 'other' && role !== 'overall') return role
    const text = withoutClauseNumber(row.text.replace(/^[#*\s]+|\**\s*$/g, ''))
    if (row.kind !== 'line' || text.length > HEADING_LINE || /\d[.,]\d/.test(text) || !OVERALL_HEADING.test(text)) return role
    const below = roles.slice(i + 1, i + 3)
    // Between the heading and the sentence on the total: a short line, or the verdict ("... ไม่ผ่านเกณฑ์การประเมิน*").
    const between = rows[i + 1]?.text ?? ''
    return below[0] === 'overall' || (below[0] === 'other' && below[1] === 'overall' && (between.length < HEADING_LINE || LEVEL.test(between))) ? 'overall-heading' : role
  })
}

/** A heading is a short line. */
const HEADING_LINE = 60

function roleOf(row: Row, names: readonly IndicatorName[]): Role {
  if (isMeasureParagraph(row)) return 'measures-header'
  if (isMeasuresHeader(row)) return 'measures-header'
  if (isDetailHeader(row)) return 'detail-header'
  if (isSummaryHeader(row)) return 'summary-header'
  if (isAnalysisHeading(row, names) || isAnalysisRow(row, names)) return 'analysis'
  if (isReportTitle(row)) return 'report-title'
  if (isItemSentence(row, names)) return 'item'
  if (row.kind === 'line' && OVERALL_MARKER.test(row.text)) return 'overall'
  if (isScoredIndicatorRow(row, names)) return 'indicator'
  if (isItemRow(row, names)) return 'item'
  const scored = scoredRow(row, 'summary')
  if (scored?.scores.length && isToolRow(scored.label)) return 'tool'
  return 'other'
}

/** The report's title as a line of its own, a heading's length: "# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร". */
function isReportTitle(row: Row): boolean {
  const text = withoutClauseNumber(row.text.replace(/^[#*\s]+|\**\s*$/g, ''))
  return row.kind === 'line' && text.length < TITLE_LINE_LENGTH && REPORT_TITLE_LINE.test(text)
}

const TITLE_LINE_LENGTH = 160

/** `roles`: the rows' roles when already read (`rowRoles`), as the one-report check reads them. */
export function segmentRows(rows: readonly Row[], names: readonly IndicatorName[], roles: readonly Role[] = rowRoles(rows, names)): Sections {
  const sections: Sections = { title: [], summary: [], detail: [], overall: [], analysis: [], measures: [] }
  let section: Section = 'title'
  let lastSummary: LastSummaryIndicator = { number: 0, table: undefined, seen: new Set() }
  roles.forEach((role, i) => {
    const row = rows[i]!
    // Front matter (an executive summary, a preface) may come first: the report's title opens its title block
    // wherever it stands before the tables. After them it is a heading over the measures.
    const tablesBegun = sections.summary.length + sections.detail.length + sections.measures.length > 0
    const next =
      role === 'report-title' ? (tablesBegun ? section : 'title') : nextSection(section, role, row, () => nextScoredRole(roles, i), lastSummary, names, () => indicatorRowsFollow(roles, i))
    if (next === 'measures' && section !== 'measures') sections.measures.push(...takeTableTitles(sections[section], row, names))
    section = next
    if (section === 'summary' && role === 'indicator') {
      const number = indicatorNumber(row, names)
      lastSummary = { number: number ?? lastSummary.number, table: row.table, seen: number === undefined ? lastSummary.seen : new Set([...lastSummary.seen, number]) }
    }
    sections[section].push(row)
  })
  return sections
}

/** What each row is, read in the context of its table and the row below it. */
export function rowRoles(rows: readonly Row[], names: readonly IndicatorName[]): Role[] {
  const contents = contentsTables(rows)
  const indexRows = rows.map((r, i) => indicatorIndexRow(r, names, rows[i + 1]) ?? toolIndexRow(r))
  const transposed = new Set(rows.filter((r, i) => indexRows[i] && r.table !== undefined).map((r) => r.table!))
  const splitHeadings = new Set(rows.flatMap((_, i) => {
    const scoreLine = analysisScoreLine(rows, i, names)
    return scoreLine === undefined ? [] : [i, scoreLine]
  }))
  const forms = formTables(rows)
  const roles = rows.map((row, i): Role => {
    if (row.table !== undefined && contents.has(row.table)) return 'other'
    // A form is one measure: its first row starts the measures, the others are its parts.
    if (row.table !== undefined && forms.has(row.table)) return rows[i - 1]?.table === row.table ? 'other' : 'measures-header'
    if (splitHeadings.has(i)) return 'analysis'
    // A summary laid out sideways: its row of indicator numbers heads it, its score rows stay in it.
    if (row.table !== undefined && transposed.has(row.table)) return indexRows[i] ? 'summary-header' : 'other'
    // The upper row of a measures header in two rows starts the measures table with it.
    if (isUpperHeader(row, rows[i + 1])) return 'measures-header'
    return wrappedOverall(row, rows[i + 1]) ?? roleOf(row, names)
  })
  return detailHeadings(rows, overallHeadings(rows, withSentenceLists(rows, roles, splitHeadings)), splitHeadings, names)
}

/**
 * A heading naming one indicator and its score ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (คะแนนเฉลี่ย 92.75 คะแนน)")
 * with its items' table right under it, no prose between: the detail list printed as a table per
 * indicator, the indicator and its mean over each. Only a caption ("ตารางที่ 3 ผลคะแนนรายประเด็น...")
 * or a page's furniture may stand between the heading and the table's header or first item row.
 */
function detailHeadings(rows: readonly Row[], roles: readonly Role[], splitHeadings: ReadonlySet<number>, names: readonly IndicatorName[]): Role[] {
  const out = [...roles]
  for (let i = 0; i < rows.length; i++) {
    if (!isHeadingOverItems(rows[i]!, roles[i]!, names)) continue
    // A heading over two lines: its score line is part of it.
    const end = splitHeadings.has(i) && splitHeadings.has(i + 1) ? i + 1 : i
    let j = end + 1
    while (j < rows.length && isBetweenHeadingAndTable(rows[j]!, roles[j]!)) j++
    const below = rows[j]
    // The items are a table's rows, or sentences each opening with its code.
    const items = below?.kind === 'table-row' ? roles[j] === 'detail-header' || roles[j] === 'item' : below !== undefined && isItemSentence(below, names)
    if (!items) continue
    for (let k = i; k <= end; k++) out[k] = 'detail-heading'
    i = end
  }
  return out
}

/**
 * A line that may head an indicator's items: an analysis heading (one indicator, one score), or a line
 * naming one indicator and nothing else, its mean printed in a row under its items ("คะแนนเฉลี่ย | 92.75").
 */
function isHeadingOverItems(row: Row, role: Role, names: readonly IndicatorName[]): boolean {
  if (filledCells(row).length !== 1) return false
  const text = withoutClauseNumber(row.text.replace(/^[#*\s]+|\**\s*$/g, ''))
  const namesOne = startsWithIndicatorLabel(text) || findIndicator(text, names) !== undefined
  // An analysis heading names its indicator; prose under one ("ตัวชี้วัดนี้ได้คะแนน 55.56 ...") heads no table.
  if (role === 'analysis') return namesOne && text.length < HEADING_REACH
  return role === 'other' && row.kind === 'line' && text.length < HEADING_REACH && !/\d[.,]\d/.test(text) && namesOne
}

/** A caption, a section's heading or a page's number: what may stand between a heading and its table. */
const isBetweenHeadingAndTable = (row: Row, role: Role) =>
  row.kind === 'line' && (role === 'detail-header' || TABLE_CAPTION.test(withoutClauseNumber(row.text.replace(/^[#*\s]+/, ''))) || PAGE_NUMBER_LINE.test(row.text) || /^\s*\S{0,4}\s*$/.test(row.text))


/**
 * A summary written as a list of sentences ("1. ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้คะแนน 84.88 คะแนน", one
 * line per indicator): lines that read like analysis headings and end at their score, with no prose
 * under any of them.
 * A run of such lines, each naming a different indicator, is a summary's indicator rows.
 */
function withSentenceLists(rows: readonly Row[], roles: readonly Role[], splitHeadings: ReadonlySet<number>): Role[] {
  const out = [...roles]
  // A heading with its prose on its own line ("... ได้คะแนน 79.17 คะแนน ในภาพรวม...") is an analysis.
  const isHeadingLine = (i: number) => {
    const text = withoutClauseNumber(rows[i]!.text)
    return roles[i] === 'analysis' && rows[i]!.kind === 'line' && !splitHeadings.has(i) && analysisHeadingText(text)?.trim() === text.trim()
  }
  for (let i = 0; i < rows.length; i++) {
    if (!isHeadingLine(i)) continue
    let end = i
    while (end + 1 < rows.length && isHeadingLine(end + 1)) end++
    const numbers = rows.slice(i, end + 1).map((r) => leadingIndicatorNumber(withoutClauseNumber(r.text))?.number)
    if (end - i + 1 >= SENTENCE_LIST && numbers.every((n) => n !== undefined) && new Set(numbers).size === numbers.length) {
      for (let j = i; j <= end; j++) out[j] = 'indicator'
    }
    i = end
  }
  return out
}

/** Heading lines in a row, with no prose between them, that make a summary list rather than an analysis. */
const SENTENCE_LIST = 3

/**
 * The upper row of a header printed in two rows ("ประเด็นที่ต้องพัฒนา | คะแนน | การดำเนินการ" over
 * "มาตรการ | ระยะเวลา | ผู้รับผิดชอบ"): a row of the same table, just above the measures header, with
 * no number in it.
 */
export function isUpperHeader(row: Row | undefined, below: Row | undefined): boolean {
  if (!row || !below || row.kind !== 'table-row' || row.table === undefined || row.table !== below.table) return false
  const filled = filledCells(row)
  // One cell spanning the table is its title, not part of its header.
  return filled.length >= 2 && !/\d[.,]\d/.test(row.text) && filled.every((c) => c.text.length < 60) && isMeasuresHeader(below) && !isMeasuresHeader(row)
}

/**
 * The row of indicators heading a summary laid out sideways, the scores in the rows under it: their
 * numbers ("ตัวชี้วัดที่ | 1 | 2 | ... | 10") or their names, as a chart's data table prints them
 * ("ตัวชี้วัด | การปฏิบัติหน้าที่ | การใช้งบประมาณ | ..."). Grid column -> indicator number; undefined
 * for any other row. `below`: the next row, which tells numbers with no corner label from other numbers.
 */
export function indicatorIndexRow(row: Row, names: readonly IndicatorName[], below?: Row): Map<number, number> | undefined {
  if (row.kind !== 'table-row') return undefined
  const filled = filledCells(row)
  const [label, ...rest] = filled
  if (!label) return undefined
  // The corner cell names the row ("ตัวชี้วัด"), or is empty and the names (or the numbers over scores) start at once.
  if (!/ตัว\s*ชี้\s*วัด/.test(label.text) || findIndicator(label.text, names)) return namedIndex(filled, names) ?? numbersOverScores(row, filled, below)
  return consecutiveNumbers(rest) ?? namedIndex(rest, names)
}

/**
 * Cells numbering a run of indicators ("1 | 2 | ... | 10"), three at least, each number once, in any order
 * (columns grouped by tool or ranked by score: "1 ... 5 | 9 | 10 | 6 | 7 | 8"): grid column -> number.
 */
function consecutiveNumbers(cells: readonly RowCell[]): Map<number, number> | undefined {
  if (cells.length < 3) return undefined
  const numbers = cells.map((c) => Number(/^\s*(\d{1,2})\s*$/.exec(c.text)?.[1]))
  if (!numbers.every((n) => Number.isInteger(n)) || new Set(numbers).size < numbers.length || Math.max(...numbers) - Math.min(...numbers) !== numbers.length - 1) return undefined
  return new Map(cells.map((c, i) => [c.col, numbers[i]!]))
}

/**
 * The indicators' numbers with no label before them (an empty corner, or its label printed apart from the
 * table): an index only over a row of the same table with a score under every number, so a row numbering
 * a form's columns is none.
 */
function numbersOverScores(row: Row, cells: readonly RowCell[], below: Row | undefined): Map<number, number> | undefined {
  const index = consecutiveNumbers(cells)
  if (!index || !below || below.table !== row.table) return undefined
  const scored = [...index.keys()].every((col) => below.cells.some((c) => c.col === col && typeof cellScore(c, 'summary')?.value === 'number'))
  return scored ? index : undefined
}

/** Cells each naming a different indicator (by name, or label and number): grid column -> indicator number. */
function namedIndex(cells: readonly RowCell[], names: readonly IndicatorName[]): Map<number, number> | undefined {
  const named = cells.map((c) => findIndicator(c.text, names)?.found.number ?? abbreviatedIndicator(c.text, names))
  if (cells.length < 3 || named.some((n) => n === undefined) || new Set(named).size < named.length) return undefined
  return new Map(cells.map((c, i) => [c.col, named[i]!]))
}

/**
 * An indicator's name cut short with ฯ, as narrow chart labels print it ("การใช้ทรัพย์สินฯ"): the one
 * indicator whose name starts with what is printed (at least a few letters).
 */
function abbreviatedIndicator(text: string, names: readonly IndicatorName[]): number | undefined {
  const m = /^\s*(?:\d{1,2}[.)]?\s*)?([ก-๛\s]{4,}?)\s*ฯ\s*$/.exec(text)
  const start = m?.[1]?.replace(/\s+/g, '')
  const found = start ? names.filter((n) => n.name.replace(/\s+/g, '').startsWith(start)) : []
  return found.length === 1 ? found[0]!.number : undefined
}

/**
 * The row of tools heading tool scores laid out sideways ("เครื่องมือ | IIT | EIT | OIT", the scores in
 * the row under it): grid column -> tool, each cell after the label naming one tool, each tool once.
 */
export function toolIndexRow(row: Row): Map<number, Tool> | undefined {
  // A header's cells are short: a measure's text may name tools too.
  if (row.kind !== 'table-row' || /\d[.,]\d/.test(row.text) || filledCells(row).some((c) => c.text.length >= HEADER_CELL)) return undefined
  // Other cells (the label, a total's column) name no tool; none may name two.
  const named = filledCells(row).map((c) => ({ col: c.col, tools: toolsNamed(c.text) }))
  const tools = named.filter((c) => c.tools.length === 1)
  if (named.some((c) => c.tools.length > 1) || tools.length < 2 || new Set(tools.map((c) => c.tools[0])).size < tools.length) return undefined
  return new Map(tools.map((c) => [c.col, c.tools[0]!]))
}

/**
 * Tables of contents ("สารบัญ", "เรื่อง | หน้า"): their rows name the sections and would be taken
 * for the sections' headers. A table under a สารบัญ line, or whose first row heads a page column; and
 * its part a page break carried over, its header repeated or not.
 */
function contentsTables(rows: readonly Row[]): Set<string> {
  const tables = new Set<string>()
  rows.forEach((row, i) => {
    if (row.table === undefined || tables.has(row.table)) return
    const before = rows[i - 1]
    const first = before?.table !== row.table
    if (!first) return
    const pageColumn = row.cells.some((c) => /^\s*(?:หน้า|หน้าที่)\s*$/.test(withoutGloss(c.text)))
    const underHeading = before?.kind === 'line' && /^\s*#*\s*สารบัญ/.test(before.text)
    if (pageColumn || underHeading || continuesContents(rows, i, tables)) tables.add(row.table)
  })
  return tables
}

/**
 * The table starting at row `i` goes on with a table of contents: only a page's furniture or a "(ต่อ)" line
 * between them, and its rows end in a page number as the contents' do.
 */
function continuesContents(rows: readonly Row[], i: number, contents: ReadonlySet<string>): boolean {
  let j = i - 1
  while (j >= 0 && rows[j]!.kind === 'line' && (isPageFurniture(rows[j]!) || CONTINUED.test(rows[j]!.text))) j--
  const table = rows[i]!.table
  const above = rows[j]?.table
  if (above === undefined || !contents.has(above)) return false
  const own = rows.slice(i).filter((r) => r.table === table)
  return own.every((r) => PAGE_REFERENCE.test(filledCells(r).at(-1)?.text ?? ''))
}
const PAGE_REFERENCE = /^\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*$/

/**
 * The rows that title the measures table whose header is `header`, taken off the end of the
 * section before it: rows of the same table above its header (a title row spanning the table, the
 * upper row of a header in two rows), or a line just above them naming an indicator without a score.
 */
function takeTableTitles(before: Row[], header: Row, names: readonly IndicatorName[]): Row[] {
  let from = before.length
  // A page's furniture between a title and its header (a page number, a speck) goes with the title.
  for (let at = before.length; at > 0; at--) {
    const row = before[at - 1]!
    if (isPageFurniture(row)) continue
    if (!isTitleOf(row, header, names, from === before.length)) break
    from = at - 1
  }
  return before.splice(from)
}

/**
 * A line that is a page's furniture, not the report's: its number ("หน้า 9 จาก 10") or a speck (a few letters
 * standing alone: a glyph the text layer kept from a heading, dust a scan read).
 */
export function isPageFurniture(row: Row): boolean {
  return row.kind === 'line' && (PAGE_NUMBER_LINE.test(row.text) || SPECKS.test(row.text))
}
const SPECKS = /^\s*(?:[^\s\d]{1,4}\s*){1,2}$/

/**
 * `adjacent`: the row is right above the header. A line naming an indicator and its score there
 * ("ตัวชี้วัดที่ ๓ การใช้อำนาจ (คะแนน ๗๑.๓๐)") titles the table; further up, with prose under it, it
 * would head an analysis.
 */
function isTitleOf(row: Row, header: Row, names: readonly IndicatorName[], adjacent: boolean): boolean {
  // A row of the header's own table: a title spanning the table, or the upper row of a two-row header.
  if (header.table !== undefined && row.table === header.table) return true
  if (row.cells.filter((c) => c.text.trim()).length !== 1) return false
  const text = withoutClauseNumber(row.text)
  if (row.kind !== 'line' || text.length >= 120) return false
  if (TABLE_CAPTION.test(text)) return true
  if (A_TABLE_SCORE.test(text)) return adjacent && startsWithIndicatorLabel(text) && isAnalysisHeading(row, names)
  return startsWithIndicatorLabel(text) || findIndicator(text, names) !== undefined
}

/** The rows after row `i` that carry a score start with a run of indicator rows: a summary table's body. */
function indicatorRowsFollow(roles: readonly Role[], i: number): boolean {
  const scored = roles.slice(i + 1).filter((r) => r !== 'other' && r !== 'summary-header').slice(0, SUMMARY_RUN)
  return scored.length === SUMMARY_RUN && scored.every((r) => r === 'indicator')
}

/** Indicator rows in a row that make a summary table after the measures (an appendix restating the scores). */
const SUMMARY_RUN = 3

/** The role of the next row that carries a score, after row `i`. */
function nextScoredRole(roles: readonly Role[], i: number): Role | undefined {
  return roles.slice(i + 1).find((r) => r === 'indicator' || r === 'item' || r === 'tool' || r.endsWith('header'))
}

function indicatorNumber(row: Row, names: readonly IndicatorName[]): number | undefined {
  const scored = scoredRow(row, 'summary')
  const label = scored?.label ?? row.text
  return findIndicator(label, names)?.found.number ?? leadingIndicatorNumber(label)?.number
}

/** The summary's last indicator row: its number, and its table; and the indicators the summary has given so far. */
interface LastSummaryIndicator {
  readonly number: number
  readonly table: string | undefined
  readonly seen: ReadonlySet<number>
}

function nextSection(
  current: Section,
  role: Role,
  row: Row,
  next: () => Role | undefined,
  lastSummary: LastSummaryIndicator,
  names: readonly IndicatorName[],
  summaryFollows: () => boolean,
): Section {
  switch (role) {
    case 'measures-header':
      return 'measures'
    case 'detail-header':
      return 'detail'
    case 'detail-heading':
      return current === 'measures' ? current : 'detail'
    case 'summary-header':
      // In the measures a header over indicator rows is an appendix restating the summary; others are the measures' own.
      return current === 'measures' && !summaryFollows() && !indicatorIndexRow(row, names) && !toolIndexRow(row) ? current : 'summary'
    case 'analysis':
      return current === 'measures' && row.kind === 'table-row' ? current : 'analysis'
    case 'indicator': {
      if (current === 'measures' || current === 'analysis' || current === 'detail') return current
      // An indicator row followed by items, or one that starts the numbering again in another table with an
      // indicator the summary gave already, heads the detail list. Within one table the rows may be in any order
      // (ranked by score), and so in the table's part a page break carried over.
      const number = indicatorNumber(row, names)
      const restarts = current === 'summary' && (row.table === undefined || row.table !== lastSummary.table) && (number ?? Infinity) <= lastSummary.number && (number === undefined || lastSummary.seen.has(number))
      if (next() === 'item' || restarts) return 'detail'
      return 'summary'
    }
    case 'item':
      return current === 'measures' || current === 'analysis' ? current : 'detail'
    case 'tool':
      return current === 'title' || current === 'overall' ? 'summary' : current
    case 'overall-heading':
      return 'overall'
    case 'overall':
      return current === 'measures' || current === 'analysis' || current === 'title' ? current : 'overall'
    case 'other':
    case 'report-title':
      return current
  }
}
