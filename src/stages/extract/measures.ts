/**
 * Measures tables (การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร): 7 columns, one or more rows per table,
 * long cells continued on the next page as rows with an empty first cell. Continuation rows belong
 * to the row above. When a continuation row has the wrong number of cells (a damaged transcript or
 * a cell boundary lost by OCR), each fragment is placed by its content: text that repeats the
 * indicator's analysis prose, numbering that continues a column's list, unit names, dates.
 */
import type { Catalogue } from '../../catalogue/catalogue.js'
import { measureItemAsPrinted } from '../../catalogue/printed-code.js'
import type { Origin, Reading } from '../../model/document.js'
import type { ListEntry, Measure, NumberValue, Repair, TextValue } from '../../report/schema.js'
import type { Row, RowCell } from '../text/rows.js'
import { filledCells, rowRaw } from '../text/rows.js'
import { improvedItemOf, isMeasureParagraph, isPageFurniture, isMeasuresHeader, isUpperHeader } from '../segment/segment.js'
import { readMeasureProse } from '../segment/measure-prose.js'
import { thaiDigitsToAscii } from '../normalise/normalise-thai.js'
import { firstRawToken, matchAnyItem, splitPrintedCode } from './items.js'
import { readForms, type FormMeasure } from './measure-forms.js'
import { opensWithUnit, splitNumbered, splitResponsible } from './lists.js'
import { monthsPeriod, parseMonth, parsePeriod, withoutDay, type ChartMonth } from './period.js'
import { THAI_MONTHS } from '../../model/thai-months.js'
import { A_SCORE, containment, DECIMAL_SCORE, findIndicator, indicatorLabelOffset, leadingIndicatorNumber, startsWithIndicatorLabel, withoutClauseNumber, type IndicatorName } from '../text/thai-text.js'
import { MEASURE_COLUMN_ORDER, MEASURE_COLUMNS, NUMBERED_MEASURE_COLUMNS, PERIOD_END, PERIOD_START, TABLE_CAPTION, TABLE_HEADER_WORDS, withoutGloss } from '../text/vocabulary.js'
import { cellScore, numberValue, prov, rawOf, textValue } from '../text/values.js'

/** The standard layout's columns, in its order: where an unnamed header cell's column is assumed to be. */
const FIELDS = ['item', 'score', 'actions', 'analysis', 'steps', 'period', 'responsible'] as const
/** `periodEnd`: the end date's column, when a period is printed as start and end columns. */
type Field = (typeof FIELDS)[number] | 'followUp' | 'budget' | 'indicator' | 'periodEnd' | 'ordinal'
const ALL_FIELDS: readonly Field[] = [...FIELDS, 'followUp', 'budget', 'indicator', 'periodEnd', 'ordinal']


interface Piece {
  readonly text: string
  readonly raw: string
  readonly origin: Origin
  /** The grid column of a cell (a chart's month), when the piece is a whole cell. */
  readonly col?: number
  readonly colSpan?: number
}

interface Draft {
  readonly header: Header
  readonly row: Row
  readonly pieces: Record<Field, Piece[]>
  /** Continuation rows merged into this measure, for the provenance note. */
  continuations: number
  /** In a measure written as paragraphs: the part the lines now belong to (the last label's). */
  part?: Field | undefined
  /** In a measure written as an outline: how deep the last label's clause number is ("1.2" is 2). */
  partDepth?: number | undefined
  /**
   * In a measure written as paragraphs: the part the last line's text ended in (a part labelled within a label's
   * line: "(ผู้รับผิดชอบ : ... ระยะเวลา : 1 ตุลาคม 2568 - 30" wraps on to "กันยายน 2569)"), when not `part`.
   */
  wrapped?: Field | undefined
  /** A measure written as one paragraph of prose (`readMeasureProse`): read whole from its row. */
  whole?: boolean
}

interface Header {
  readonly printedIndicator: NumberValue | null
  /** The first cell is an indicator label ("ตัวชี้วัดที่ N"), readable or not. */
  readonly labelled: boolean
  /** Grid column -> field. */
  readonly columns: Map<number, Field>
  /** The fields in column order, for placing fragments of rows whose cells do not line up. */
  readonly order: readonly Field[]
  readonly width: number
  /** Measures written as paragraphs under labels, not a table (`isMeasureParagraph`). */
  readonly paragraphs?: boolean
  /** A Gantt chart's month columns under the period's header: grid column -> month and year. */
  readonly months?: ReadonlyMap<number, ChartColumn>
}

interface ChartColumn extends ChartMonth {
  /** The year is the plan year's, no year being printed over the months. */
  readonly yearInferred: boolean
}

export interface MeasureContext {
  readonly catalogue: Catalogue
  /** Per-indicator analysis prose, used to place continuation fragments. */
  readonly analysisProse: ReadonlyMap<number, string>
  /** The report's fiscal year (BE): a period years away from it is a misread, not a plan. */
  readonly fiscalYear?: number
}

export interface ExtractedMeasures {
  readonly measures: { indicator: number | null; measure: Measure }[]
  /** Table rows of the measures section that hold text but went into no measure (no header above them, or no item to start one). */
  readonly unread: Row[]
}

export function extractMeasures(given: readonly Row[], context: MeasureContext): ExtractedMeasures {
  const out: { indicator: number | null; measure: Measure }[] = []
  const unread: Row[] = []
  let header: Header | undefined
  let draft: Draft | undefined
  // The indicator a title row or heading names, for the header after it.
  let titled: NumberValue | null = null
  // An indicator cell spanning the rows of its measures, for those rows that do not repeat it.
  // A span down to its table's last row goes on in the next table under the same header (a page break).
  let spanning: { cell: RowCell; table: string | undefined; untilRow: number; toTableEnd: boolean; header: Header } | undefined
  const tableEnd = new Map<string | undefined, number>(given.map((r) => [r.table, r.index + 1]))
  // Other cells spanning the rows of several measures, by column: each of those measures has them.
  const downSpans = new Map<number, { cell: RowCell; table: string | undefined; untilRow: number }>()
  const flush = () => {
    if (draft) out.push(finishMeasure(draft, context))
    draft = undefined
  }
  const forms = readForms(given)
  withTitlesApart(given, context.catalogue.indicators).forEach((row, i, rows) => {
    // A page's furniture between a title and what it titles keeps the title.
    if (titled && isPageFurniture(row)) return
    if (forms.rows.has(row.index)) {
      const form = forms.forms.get(row.index)
      if (!form) return
      flush()
      header = undefined
      out.push(formMeasure(form, titled, context))
      unread.push(...form.unread)
      titled = null
      return
    }
    if (isUpperHeader(row, rows[i + 1]) || isLowerHeader(row, rows[i - 1]) || isChartRow(row)) return
    if (isMeasuresHeader(row)) {
      const upper = isUpperHeader(rows[i - 1], row) ? rows[i - 1] : undefined
      const lower = isLowerHeader(rows[i + 1], row) && !isChartRow(rows[i + 1]) ? rows[i + 1] : undefined
      const whole = lower ? withLowerHeader(row, lower) : upper ? withUpperHeader(row, upper) : row
      const months = chartMonths(rows, i, context.fiscalYear)
      const next = months ? withChart(readHeader(whole, titled), months) : readHeader(whole, titled)
      titled = null
      // A header repeated on a continuation page (under the table's title repeated, or none) continues the table.
      // One whose label OCR garbled is a new table whose indicator is unreadable.
      if (header && sameColumns(header, next) && (next.printedIndicator === null ? !next.labelled : next.printedIndicator.value === header.printedIndicator?.value)) return
      flush()
      header = next
      return
    }
    if (isMeasureParagraph(row)) {
      flush()
      // Measures of one indicator follow its heading, which is not repeated before each.
      const indicator = titled ?? (header?.paragraphs ? header.printedIndicator : null)
      header = { printedIndicator: indicator, labelled: false, columns: new Map(), order: FIELDS, width: 0, paragraphs: true }
      titled = null
      draft = paragraphDraft(header, row)
      return
    }
    // Among a measure's paragraphs only a labelled heading names the next indicator: a numbered step
    // ("6) รายงานผลการดำเนินงาน...") can look like an ordinal and a name.
    const title = draft?.header.paragraphs && indicatorLabelOffset(row.text) === undefined ? undefined : tableTitle(row, context.catalogue.indicators)
    // A caption between a table's title and its header ("ตารางที่ 3 มาตรการ...") keeps the title.
    if (title === undefined && row.kind === 'line' && TABLE_CAPTION.test(row.text)) return
    if (title !== undefined) {
      if (!title) return
      // A title row inside a table (one table for all indicators, maybe over several pages) heads
      // the rows after it; a title line heads the next header. Between a table's rows, a title line
      // printing its label (a row a PDF's reader left out of its table) heads the rows after it too,
      // until a header comes (a wrapped item's line may name an indicator, never with its label).
      const labelledLine = row.kind === 'line' && startsWithIndicatorLabel(withoutClauseNumber(row.text))
      const amidRows = labelledLine && header !== undefined && !header.paragraphs && draft !== undefined && !isMeasuresHeader(rows[i + 1] ?? row)
      // The same title repeated at the top of a continuation page: the measure it cut goes on.
      const repeated = title.value === header?.printedIndicator?.value && !header.paragraphs
      if (header && (row.kind === 'table-row' || amidRows) && !repeated) {
        flush()
        header = { ...header, printedIndicator: title }
      }
      // A header right after it, a new table's (in its own order of columns), takes its indicator too.
      titled = title
      return
    }
    titled = null
    if (draft?.header.paragraphs && row.kind === 'line') {
      if (!draft.whole) paragraphLine(draft, row)
      return
    }
    if (row.kind !== 'table-row') return
    const filled = filledCells(row)
    if (filled.length === 0) return
    if (!header) {
      unread.push(row)
      return
    }
    if (startsMeasure(row, header, draft)) {
      flush()
      draft = newDraft(header, row)
      for (const cell of filled) {
        const field = fieldAt(header, cell.col)
        // Without a score column the score is printed in the item's cell: "i3 ... (คะแนน 96.51)".
        if (field === 'item' && colOf(header, 'score') === undefined) addItemText(draft, cell.text, cell)
        else draft.pieces[field].push(cell)
      }
      // A period, unit or step cell printed once for this measure and those under it (spanning their rows).
      for (const [col, span] of downSpans) {
        const field = fieldAt(header, col)
        if (span.table !== row.table || row.index >= span.untilRow || filled.some((c) => c.col === col) || SPAN_OWN.has(field)) continue
        draft.pieces[field].push(span.cell)
      }
      for (const cell of filled) if (cell.rowSpan > 1) downSpans.set(cell.col, { cell, table: row.table, untilRow: row.index + cell.rowSpan })
      const own = filled.find((c) => fieldAt(header!, c.col) === 'indicator')
      if (own) {
        const untilRow = row.index + own.rowSpan
        spanning = own.rowSpan > 1 ? { cell: own, table: row.table, untilRow, toTableEnd: untilRow >= tableEnd.get(row.table)!, header: header! } : undefined
      } else if (spanning && spanning.table === row.table && row.index < spanning.untilRow) draft.pieces.indicator.push(spanning.cell)
      else if (spanning && spanning.table !== row.table && spanning.toTableEnd && spanning.header === header && emptyIndicatorCell(row, header!)) {
        draft.pieces.indicator.push(spanning.cell)
        spanning = { ...spanning, table: row.table, untilRow: tableEnd.get(row.table)! }
      }
    } else if (draft) {
      for (const [cell, field] of placeContinuation(row, draft, context)) draft.pieces[field].push(cell)
      draft.continuations++
    } else unread.push(row)
  })
  flush()
  return { measures: out, unread }
}

/** Fields a measure's own row always prints (its item and score) or that `spanning` carries (its indicator). */
const SPAN_OWN: ReadonlySet<string> = new Set(['item', 'score', 'indicator'])

/**
 * A title row run into the first item's cell under it ("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล o3 ข้อมูลการติดต่อ | 100.00 |
 * ...", a borderless table's rows read as one, or a cell printing both): the title as a row of its own, then the
 * item's row. Only when the label's number and the indicator's name agree and an item's code follows the name.
 */
function withTitlesApart(rows: readonly Row[], indicators: readonly IndicatorName[]): Row[] {
  return rows.flatMap((row) => {
    const cell = row.kind === 'table-row' ? filledCells(row)[0] : undefined
    const found = cell && startsWithIndicatorLabel(cell.text) ? findIndicator(cell.text, indicators)?.found : undefined
    const name = found?.by === 'number+name' ? indicators.find((i) => i.number === found.number)?.name : undefined
    const code = name ? CODE_AFTER_NAME.exec(found!.rest) : null
    if (!cell || !code || containment(name!, found!.rest.slice(0, code.index)) < 0.75 || code.index > name!.length + 8) return [row]
    const itemText = found!.rest.slice(code.index).trim()
    const titleText = cell.text.slice(0, cell.text.length - itemText.length).trim()
    const title: Row = { ...row, cells: [{ ...cell, text: titleText }], text: titleText }
    const cells = row.cells.map((c) => (c === cell ? { ...c, text: itemText } : c))
    return [title, { ...row, cells, text: cells.map((c) => c.text).filter(Boolean).join(' ') }]
  })
}
const CODE_AFTER_NAME = /(?<=\s|^)[IiEeOo]\s*-?\s*\d{1,2}(?![\d.,])/

/**
 * A measure printed as a form: its labelled parts are what a measures table prints in the columns its
 * headings of the same words name. A title naming an indicator is the printed indicator, as a table's is.
 */
function formMeasure(form: FormMeasure, titled: NumberValue | null, context: MeasureContext): { indicator: number | null; measure: Measure } {
  const title = form.titles.map((row) => tableTitle(row, context.catalogue.indicators)).find((t) => t)
  const header: Header = { printedIndicator: title ?? titled, labelled: false, columns: new Map(), order: FIELDS, width: 0 }
  const draft = newDraft(header, form.rows.find((row) => !form.titles.includes(row)) ?? form.rows[0]!)
  for (const [part, cells] of form.parts) {
    for (const cell of cells) {
      if (part === 'item') addItemText(draft, cell.text, cell)
      else draft.pieces[part].push(cell)
    }
  }
  return finishMeasure(draft, context)
}

/** "... ประเด็นที่ต้องพัฒนา : i9 <title> (คะแนน 74.08)": the item (and its score) after the colon. */
const PARAGRAPH_ITEM = /(?:ประเด็น[^:：]*[:：]|[:：])\s*(.*)$/

/**
 * A measure written as paragraphs, from its first line: the item and its score. A measure written as one paragraph
 * of prose has all its parts in that line: what comes after is not the measure's.
 */
function paragraphDraft(header: Header, row: Row): Draft {
  const draft = newDraft(header, row)
  const cell = row.cells[0]!
  const prose = readMeasureProse(cell.text)
  if (prose) {
    const piece = (text: string) => ({ text, raw: rawOf(text, cell.raw), origin: cell.origin })
    draft.pieces.item.push(piece(prose.item))
    if (prose.score) draft.pieces.score.push(piece(prose.score))
    for (const [part, text] of prose.parts) if (text) draft.pieces[part].push(piece(text))
    draft.whole = true
    return draft
  }
  const item = improvedItemOf(cell.text) ?? PARAGRAPH_ITEM.exec(withoutClauseNumber(cell.text))?.[1]
  if (item) addItemText(draft, item, cell)
  return draft
}

/**
 * Text of a paragraph measure's item, with its score in brackets at the end if printed there. The item's lines
 * are read as one text: a line may wrap inside the brackets ("... (คะแนน" / "75.51)").
 */
function addItemText(draft: Draft, text: string, cell: RowCell): void {
  const before = draft.pieces.item.at(-1)
  const joined = before && draft.header.paragraphs && draft.pieces.score.length === 0 ? ITEM_SCORE.exec(`${before.text} ${text}`) : null
  if (joined && !ITEM_SCORE.test(text)) {
    draft.pieces.item.pop()
    draft.pieces.item.push({ ...before!, text: joined[1]! })
    draft.pieces.score.push({ text: joined[2]!, raw: rawOf(joined[2]!, cell.raw), origin: cell.origin })
    return
  }
  const m = ITEM_SCORE.exec(text)
  const title = m ? m[1]! : text.trim()
  if (title) draft.pieces.item.push({ text: title, raw: cell.raw, origin: cell.origin })
  if (m?.[2]) draft.pieces.score.push({ text: m[2], raw: rawOf(m[2], cell.raw), origin: cell.origin })
}

/** A label line of a measure's part ("ขั้นตอน/วิธีการดำเนินการ", "ระยะเวลาดำเนินการ : ..."), a short label and what follows its colon. */
const PART_LABEL = /^([^:：\d]{2,40}?)\s*(?:[:：]\s*(.*))?$/
/** What ends a measure's last part: a signature block. */
const SIGNATURE = /^\s*\(?\s*(?:ลงชื่อ|ลงนาม)/

/**
 * A line of a measure written as paragraphs or an outline: a part's label (and maybe its text, and more parts
 * labelled after it: "1.1 มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : กองคลัง ระยะเวลา : ไตรมาส 2 ...)"), or more of
 * the part (an outline's sub-clause "1.1.2 ..." is the part's entry 2).
 */
function paragraphLine(draft: Draft, row: Row): void {
  const cell = row.cells[0]!
  if (SIGNATURE.test(cell.text)) {
    draft.part = undefined
    return
  }
  const clauses = clausesRunTogether(cell.text)
  if (clauses.length > 1) {
    for (const text of clauses) paragraphLine(draft, { ...row, cells: [{ ...cell, text }], text })
    return
  }
  const clause = SUB_CLAUSE.exec(cell.text)
  const own = clause ? cell.text.slice(clause[0].length) : cell.text
  // Before the first label and the item's score, a line is the item's title wrapped ("... ขั้นตอนและ" / "ระยะเวลา
  // มากน้อยเพียงใด (คะแนน 98.37)"): a label's word opening it is the title's.
  const text = draft.part === undefined && draft.pieces.score.length === 0 ? own : withRunInLabels(own)
  const depth = clause ? clause[0].split('.').filter((n) => /\d/.test(n)).length : undefined
  const piece = (part: string) => ({ text: part, raw: cell.raw, origin: cell.origin })
  // A line going on from a label's line: more of the part its text ended in, and maybe more parts labelled
  // ("... ผอ.กองช่าง" / "ระยะเวลา : 1 ตุลาคม 2568 - 30 กันยายน 2569)").
  if (draft.wrapped && !clause && !LIST_ENTRY.test(cell.text)) {
    const going = labelledParts(text, { fromStart: true })
    if (going.lead || going.labelled.length > 0) {
      const closed = (value: string) => (value.includes('(') ? value : value.replace(/\s*\)\s*$/, ''))
      if (going.lead) draft.pieces[draft.wrapped].push(piece(closed(going.lead)))
      for (const [other, value] of going.labelled) if (value) draft.pieces[other].push(piece(closed(value)))
      // The bracket the label's line opened closes here: what follows is the part's again.
      draft.wrapped = /\)\s*$/.test(text) ? undefined : (going.labelled.at(-1)?.[0] ?? draft.wrapped)
      return
    }
  }
  const { lead, labelled } = labelledParts(text)
  const label = PART_LABEL.exec(lead)
  // A clause under the last label's ("1.2.3" under "1.2 ขั้นตอน...") is an entry, whatever words it uses; in an
  // outline (labels numbered as clauses) so is a line without a number: the line before it wrapped.
  const under = draft.partDepth !== undefined && (depth === undefined || depth > draft.partDepth)
  // A line naming a unit alone is an entry, whatever part's word its name holds ("ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ").
  const unitAlone = label !== null && label[2] === undefined && opensWithUnit(label[1]!) && partNamed(label[1]!) !== 'responsible'
  const part = label && !under && !unitAlone ? partNamed(label[1]!) : undefined
  if (part && label) {
    draft.part = part
    draft.partDepth = depth
    if (label[2]?.trim()) draft.pieces[part].push(piece(label[2].trim()))
    for (const [other, value] of labelled) if (value) draft.pieces[other].push(piece(value))
    // Labelled inside a bracket left open, the last part goes on on the next line.
    draft.wrapped = unclosed(text) ? labelled.at(-1)?.[0] : undefined
    draft.part = partAfter(text, labelled) ?? draft.part
    return
  }
  draft.wrapped = undefined
  // An entry of the part numbered as a sub-clause: its own number is the clause's last.
  const entry = clause ? `${clause[1]}. ${text}` : cell.text
  // Entries run together with the parts after them ("3) ... 4) ... ระยะเวลาดำเนินการ : ... ผู้รับผิดชอบ"), a line
  // of a paragraph measure whose lines were joined: each labelled part its own, outside a bracket.
  const after = partAfter(text, labelled)
  if (draft.part && after) {
    if (lead) draft.pieces[draft.part].push(piece(clause ? `${clause[1]}. ${lead}` : lead))
    for (const [other, value] of labelled) if (value) draft.pieces[other].push(piece(value))
    draft.part = after
  } else if (draft.part) draft.pieces[draft.part].push(piece(entry))
  // Before the first label: the item's title wrapped onto this line, maybe with its score.
  else if (draft.pieces.score.length === 0) addItemText(draft, cell.text, cell)
}

/**
 * An outline's clauses run together on one line ("๒.๑.๑ จัดทำ ... ๒.๑.๒ เปิดรับฟัง ... ๒.๒ ขั้นตอนการดำเนินงาน"), each
 * its own: split before every clause number of the same outline (the first number the line's own clause's), so a
 * score ("89.41 คะแนน") or a date stays in its clause.
 */
function clausesRunTogether(text: string): string[] {
  const own = SUB_CLAUSE.exec(text)
  if (!own) return [text]
  const top = own[0].trim().split('.')[0]!
  const next = new RegExp(String.raw`\s+(?=${top}(?:\.\d{1,2})+\.?\s+(?!คะแนน)\S)`, 'g')
  return text.split(next).map((t) => t.trim()).filter(Boolean)
}

/**
 * The part the next line goes on with after a line that labels parts after its first words: the last one's,
 * when the labels stand in the line's run ("... ระยะเวลาดำเนินการ : ... ผู้รับผิดชอบ : 1. กองคลัง"), not in a bracket
 * beside the line's own part ("มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : กองคลัง)", whose entries follow).
 */
const partAfter = (text: string, labelled: readonly [Field, string][]): Field | undefined => (text.includes('(') ? undefined : labelled.at(-1)?.[0])

/**
 * The line with a part's label run into its text given the colon it would have had: a label opening the line
 * before its part's text ("ขั้นตอน/วิธีการดำเนินการ ๑) สำรวจ ...", "ผู้รับผิดชอบ กองคลัง กองช่าง") or ending it
 * after another part's ("... ๓๐ กันยายน ๒๕๖๙ ผู้รับผิดชอบ"), as a paragraph measure reads once its lines are
 * run together. Only a word that is a label from its first letter counts ("ขั้นตอน", not "ตามขั้นตอน").
 */
function withRunInLabels(text: string): string {
  const opening = /^\s*(\S+)\s+(?=[^\s:：])/.exec(text)
  const opened = (opening && runInLabel(opening[1]!) ? `${opening[1]} : ${text.slice(opening[0].length)}` : text).replace(
    BEFORE_ENTRY,
    (whole, word: string) => (runInLabel(word) ? `${word} : ` : whole),
  )
  const closing = /\s(\S+)\s*$/.exec(opened)
  return closing && closing.index > 0 && runInLabel(closing[1]!) && !/[:：]\s*$/.test(opened) ? `${opened.trimEnd()} :` : opened
}

/** A word before a list's first entry inside a line ("... ผู้รับผิดชอบ 1. กลุ่มงาน"): a label, when it is one. */
const BEFORE_ENTRY = /(?<=\s)(\S+)\s+(?=1\s?[.)]\s)/g

function runInLabel(word: string): Field | undefined {
  if (word.length > PART_LABEL_LENGTH || /[\d:：]/.test(word)) return undefined
  const part = partNamed(word)
  return part && word.split('/').every((w) => MEASURE_COLUMN_ORDER.some((f) => LABEL_START[f].test(w))) ? part : undefined
}
const PART_LABEL_LENGTH = 40
/** Each measure column's words at a word's start. */
const LABEL_START = Object.fromEntries(MEASURE_COLUMN_ORDER.map((f) => [f, new RegExp(String.raw`^(?:${MEASURE_COLUMNS[f].source})`)])) as Record<Field, RegExp>

const unclosed = (text: string) => (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0)

/** A line opening a list's entry: "1. ", "2) ", "- ", "• ". */
const LIST_ENTRY = /^\s*(?:\d{1,2}\s?[.)](?!\d)|[-•▪◦●○➢✓]\s)/

/** The measure's part a label names (not its item or score: those open the measure). */
const partNamed = (label: string): Field | undefined =>
  MEASURE_COLUMN_ORDER.find((field) => field !== 'item' && field !== 'score' && MEASURE_COLUMNS[field].test(label))

/** An outline's sub-clause number opening a line ("1.2.3 ", "2.1 "): a clause of a clause, its own number the last. */
const SUB_CLAUSE = /^\s*\d{1,2}(?:\.\d{1,2})*\.(\d{1,2})\.?\s+(?!คะแนน)/

/**
 * Parts labelled within a line after its first words ("มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : กองคลัง ระยะเวลา :
 * ไตรมาส 2)"): each label ending with a colon and naming a part, with the text up to the next such label.
 * `lead` is the text before the first of them; `fromStart`: a label may open the text (a line going on from a label's).
 */
function labelledParts(text: string, { fromStart = false } = {}): { lead: string; labelled: [Field, string][] } {
  const labels = [...text.matchAll(INLINE_LABEL)]
    .filter((m) => !FISCAL_YEAR_WORD.test(m[1]!))
    .map((m) => ({ m, part: partNamed(m[1]!) }))
    .filter((l) => l.part !== undefined && (fromStart || l.m.index > 0))
  const first = labels[0]
  if (!first) return { lead: text, labelled: [] }
  const labelled = labels.map(({ m, part }, i): [Field, string] => {
    const end = labels[i + 1]?.m.index ?? text.length
    return [part!, text.slice(m.index + m[0].length, end).replace(/^[\s(]+|[\s)]+$/g, '')]
  })
  return { lead: text.slice(0, first.m.index).replace(/[\s(]+$/, ''), labelled }
}
/** "ปีงบประมาณ :" before a year names the year, not a budget. */
const FISCAL_YEAR_WORD = /^ปี\s*งบ/
const INLINE_LABEL = /(?<=^|[\s(])([^\s:：()]{2,30})\s*[:：]/g

/** An item title's end with its score: "... หรือไม่ (คะแนน 74.08)". */
const ITEM_SCORE = new RegExp(String.raw`^(.*?)\s*\(\s*(?:คะแนน|ได้)?\s*[:：]?\s*(${DECIMAL_SCORE})\s*(?:คะแนน)?\s*\)\s*$`)

/**
 * The lower row of a header printed in two rows ("ระยะเวลาดำเนินการ" over "วันที่เริ่มต้น | วันที่สิ้นสุด"):
 * a row of the same table, just below the measures header, with no number in it, whose cells sit
 * under header cells spanning several columns.
 */
function isLowerHeader(row: Row | undefined, header: Row | undefined): boolean {
  if (!row || !header || row.kind !== 'table-row' || row.table === undefined || row.table !== header.table || !isMeasuresHeader(header)) return false
  const filled = filledCells(row)
  if (filled.length === 0 || /\d[.,]\d/.test(row.text) || filled.some((c) => c.text.length >= 60)) return false
  const groups = header.cells.filter((c) => c.colSpan > 1)
  return filled.every((c) => groups.some((g) => c.col >= g.col && c.col < g.col + g.colSpan))
}

/** The header row with its group cells replaced by the lower row's cells under them. */
function withLowerHeader(row: Row, lower: Row): Row {
  const under = filledCells(lower)
  const kept = row.cells.filter((c) => !under.some((l) => l.col >= c.col && l.col < c.col + c.colSpan))
  return withCells(row, [...kept, ...under])
}

/** The header row with the upper row's cells that span down into it (its item and score columns). */
function withUpperHeader(row: Row, upper: Row): Row {
  const taken = new Set(row.cells.map((c) => c.col))
  const spanning = upper.cells.filter((c) => c.rowSpan > 1 && !taken.has(c.col))
  return withCells(row, [...spanning, ...row.cells])
}

/** The row with these cells, in column order, and its text made from them. */
function withCells(row: Row, cells: RowCell[]): Row {
  const sorted = cells.sort((a, b) => a.col - b.col)
  return { ...row, cells: sorted, text: sorted.map((c) => c.text).filter(Boolean).join(' ') }
}

/** A Gantt chart's header row: the months ("ต.ค. | พ.ย. | ...") or the years over them ("พ.ศ. 2568 | พ.ศ. 2569"). */
function isChartRow(row: Row | undefined): boolean {
  if (!row || row.kind !== 'table-row') return false
  const filled = filledCells(row)
  return filled.length >= 2 && (filled.every((c) => isMonthCell(c.text)) || filled.every((c) => CHART_YEAR.test(c.text)))
}

const CHART_YEAR = /^\s*(?:พ\s*\.\s*ศ\s*\.?\s*)?(25\d\d)\s*$/
const isMonthCell = (text: string) => !/\d/.test(text) && text.trim().length <= 12 && parseMonth(text.trim()) !== undefined

/**
 * The month columns of a Gantt chart under the measures header at row `at`: the row of months below
 * it, in calendar order. Their years are those printed in a row over them, in order, the next taken
 * where the months pass from December to January; without one, the plan year's (October to December
 * in the report's fiscal year, January to September in the next). Months out of order (a row of them
 * read wrong) make no chart: its periods are then left unread, never guessed.
 */
function chartMonths(rows: readonly Row[], at: number, fiscalYear: number | undefined): Map<number, ChartColumn> | undefined {
  const header = rows[at]!
  const below: Row[] = []
  for (let j = at + 1; j <= at + 2 && rows[j]?.table === header.table && isChartRow(rows[j]); j++) below.push(rows[j]!)
  const monthRow = below.find((r) => filledCells(r).every((c) => isMonthCell(c.text)))
  const cells = monthRow ? filledCells(monthRow).map((c) => ({ col: c.col, month: parseMonth(c.text.trim())!, year: undefined })) : headedMonths(header)
  if (cells.length === 0) return undefined
  const order = cells.map((c) => c.month)
  if (order.some((m, k) => k > 0 && m !== (order[k - 1]! % 12) + 1)) return undefined
  const yearRow = below.find((r) => r !== monthRow)
  const printed = yearRow ? filledCells(yearRow).map((c) => Number(CHART_YEAR.exec(c.text)![1])) : []
  const months = new Map<number, ChartColumn>()
  let turn = 0
  cells.forEach((cell, k) => {
    const month = order[k]!
    if (k > 0 && month < order[k - 1]!) turn++
    const inferred = fiscalYear === undefined ? undefined : month >= 10 ? fiscalYear : fiscalYear + 1
    const year = cell.year ?? (printed.length ? printed[Math.min(turn, printed.length - 1)]! + Math.max(0, turn - printed.length + 1) : inferred)
    if (year !== undefined) months.set(cell.col, { month, year, yearInferred: cell.year === undefined && turn >= printed.length })
  })
  return months.size > 0 ? months : undefined
}

/**
 * A chart's header printed in one row, each month column's headings joined in its cell ("ระยะเวลาดำเนินการ
 * พ.ศ. 2568 ต.ค."): the columns whose heading ends in a month's name, with the year printed over it if any.
 * Two at least, or none: one heading ending in a month names no chart.
 */
function headedMonths(header: Row): { col: number; month: number; year: number | undefined }[] {
  const cells = filledCells(header).flatMap((c) => {
    const m = HEADED_MONTH.exec(c.text)
    const month = m ? MONTH_WORD.get(m[2]!) : undefined
    return m && month ? [{ col: c.col, month, year: m[1] === undefined ? undefined : Number(m[1]) }] : []
  })
  return cells.length >= 2 ? cells : []
}
const HEADED_MONTH = /(?:^|\s)(?:(?:พ\s*\.\s*ศ\s*\.?\s*)?(25\d\d)\s+)?([^\s\d]+)\s*$/
/** A month's name or abbreviation, exactly: a heading's last word is not read fuzzily as a month. */
const MONTH_WORD = new Map(THAI_MONTHS.flatMap(([n, full, abbr]) => [[full, n], [abbr, n], [abbr.replaceAll('.', ''), n]] as const))

/** The header with a chart's month columns as the period's, wherever the period's cell was read to span. */
function withChart(header: Header, months: ReadonlyMap<number, ChartColumn>): Header {
  const columns = new Map([...header.columns].filter(([col, field]) => field !== 'period' || months.has(col)))
  for (const col of months.keys()) columns.set(col, 'period')
  return { ...header, columns, order: [...columns].sort(([a], [b]) => a - b).map(([, field]) => field), months }
}

/** A tick in a chart's month cell. */
const TICK = /^\s*[✓✔☑√/xX×●•■◼▪*+]\s*$/

/**
 * The period a Gantt chart's ticks give: the first ticked month's first day to the last ticked
 * month's last day. Undefined when the chart has no ticks in the row, or holds words (a period
 * written across the months is read as its words).
 */
function chartPeriod(draft: Draft): Measure['period'] | undefined {
  const months = draft.header.months
  const pieces = draft.pieces.period
  if (!months || pieces.length === 0) return undefined
  const ticked = pieces.filter((p) => p.col !== undefined && (p.colSpan ?? 1) === 1 && months.has(p.col) && TICK.test(p.text))
  if (ticked.length !== pieces.length) return undefined
  const cols = ticked.map((p) => p.col!).sort((a, b) => a - b)
  const first = months.get(cols[0]!)!
  const last = months.get(cols.at(-1)!)!
  const name = (m: ChartMonth) => `${THAI_MONTHS.find(([n]) => n === m.month)![2]} ${m.year}`
  const text = `${name(first)} - ${name(last)}`
  const inferred = first.yearInferred || last.yearInferred
  const detail = `ticks in a chart of months, ${text}: the first ticked month's first day to the last's last day${inferred ? "; no year printed over the months, so the plan year's" : ''}`
  return {
    ...monthsPeriod(first, last),
    text,
    inferred: inferred ? ['from.year', 'to.year'] : [],
    prov: prov(ticked[0]!.origin, 'measures', ticked.map((p) => p.raw).join(' '), [{ kind: 'period-from-chart', detail }]),
  }
}

const sameColumns = (a: Header, b: Header) => a.width === b.width && [...a.columns].every(([col, field]) => b.columns.get(col) === field)

/**
 * A row that titles a table rather than holding data: one filled cell (a line, or a cell spanning
 * the table) naming an indicator, or the report's own title. Returns the printed indicator (null
 * for a title naming none), or undefined for a row that is no title.
 */
function tableTitle(row: Row, indicators: readonly IndicatorName[]): NumberValue | null | undefined {
  const filled = filledCells(row)
  if (filled.length !== 1 || row.text.length > 120) return undefined
  const cell = filled[0]!
  const at = indicatorLabelOffset(cell.text)
  const label = at === undefined ? undefined : leadingIndicatorNumber(cell.text.slice(at))
  // A title may print the indicator's score too: "ตัวชี้วัดที่ 3 การใช้อำนาจ (คะแนน 71.30)".
  if (label) return numberValue(label.number, cell.origin, 'measures', rawOf(String(label.number), cell.raw))
  if (A_SCORE.test(row.text)) return undefined
  // In a table only a row spanning it names an indicator by its name alone ("การใช้ทรัพย์สินของราชการ"):
  // a one-cell row under a column is a fragment of a measure.
  const spansTable = cell.colSpan > 1 && cell.text.length < 80
  const named = at === undefined && row.kind === 'table-row' && !spansTable ? undefined : findIndicator(cell.text, indicators)
  if (named) return numberValue(named.found.number, cell.origin, 'measures', cell.raw, [{ kind: 'indicator-identified', detail: `the title names indicator ${named.found.number} without its number` }])
  return /ไปสู่การพัฒนาองค์กร/.test(row.text) ? null : undefined
}

function readHeader(row: Row, titled: NumberValue | null): Header {
  const columns = new Map<number, Field>()
  const taken = () => new Set(columns.values())
  for (const cell of row.cells) {
    const field = headerField(cell.text, taken())
    if (field) columns.set(cell.col, field)
  }
  // The item's header cell named nothing readable (a label OCR or the text layer scrambled): the item
  // column is the first cell no words name, wherever it stands ("ลำดับ | ??? | คะแนน | ..."), else the first.
  const unnamed = row.cells.find((c) => !columns.has(c.col) && c.text.trim()) ?? row.cells.find((c) => !columns.has(c.col))
  if (!taken().has('item') && unnamed) columns.set(unnamed.col, 'item')
  // An empty corner cell over the rows' numbers ("| ประเด็นที่ต้องพัฒนา | คะแนน | ...": 1.1, 1.2 under it).
  const corner = row.cells[0]
  if (corner && !columns.has(corner.col) && !corner.text.trim() && !taken().has('ordinal')) columns.set(corner.col, 'ordinal')
  // The columns under a header cell spanning several (a chart's months under "ระยะเวลาดำเนินการ") are its.
  for (const cell of row.cells) {
    const field = columns.get(cell.col)
    for (let col = cell.col + 1; field && col < cell.col + cell.colSpan; col++) if (!columns.has(col)) columns.set(col, field)
  }
  const width = Math.max(...row.cells.map((c) => c.col)) + 1
  // Header cells no words name (an OCR'd header) keep their place in the standard 7-column layout.
  for (const cell of row.cells) {
    const standard = FIELDS[cell.col]
    if (!columns.has(cell.col) && standard && !taken().has(standard)) columns.set(cell.col, standard)
  }
  FIELDS.forEach((field, col) => {
    if (!taken().has(field) && !columns.has(col) && col < width) columns.set(col, field)
  })
  // The indicator's label heads the item column, first or after a ลำดับ column: "ลำดับ | ตัวชี้วัดที่ 2 | คะแนน | ...".
  const first = row.cells.find((c) => columns.get(c.col) === 'item') ?? row.cells[0]!
  const at = indicatorLabelOffset(first.text)
  const label = at === undefined ? undefined : leadingIndicatorNumber(first.text.slice(at))
  const token = label ? String(label.number) : ''
  return {
    printedIndicator: label ? numberValue(label.number, first.origin, 'measures', rawOf(token, first.raw)) : at === undefined ? titled : null,
    labelled: at !== undefined,
    columns,
    order: [...columns].sort(([a], [b]) => a - b).map(([, field]) => field),
    width,
  }
}

/**
 * The column a header cell names: by its words, else by the number before it in the first layout
 * ("๑) ... ๕)", for a header OCR left wordless); undefined when it names none not yet taken.
 */
function headerField(cellText: string, taken: ReadonlySet<Field>): Field | undefined {
  const text = withoutGloss(cellText)
  // "ลำดับ", "ที่", "ข้อ": the rows' numbers (or the items' codes), not the item; also a second such column
  // ("ลำดับ | ข้อ | ประเด็น": the rows numbered through the table and within each indicator).
  if (TABLE_HEADER_WORDS.ordinal.test(text.trim())) return 'ordinal'
  if (PERIOD_END.test(text) && !taken.has('periodEnd')) return 'periodEnd'
  if (PERIOD_START.test(text) && !taken.has('period')) return 'period'
  // "ตัวชี้วัด" alone heads a column of indicators; "ตัวชี้วัดที่ 9 ..." heads the item column of its table.
  if (MEASURE_COLUMNS.indicator.test(text) && !taken.has('indicator')) return 'indicator'
  if (startsWithIndicatorLabel(text) && !taken.has('item')) return 'item'
  const named = MEASURE_COLUMN_ORDER.find((field) => MEASURE_COLUMNS[field].test(text) && !taken.has(field))
  if (named) return named
  const numbered = /^\s*(\d)\s*\)/.exec(text)
  const byNumber = numbered && NUMBERED_MEASURE_COLUMNS[`${numbered[1]})`]
  return byNumber && !taken.has(byNumber) ? byNumber : undefined
}

function fieldAt(header: Header, col: number): Field {
  return header.columns.get(col) ?? header.order.at(-1) ?? 'responsible'
}

function colOf(header: Header, field: Field): number | undefined {
  for (const [col, f] of header.columns) if (f === field) return col
  return undefined
}

/** The row prints an indicator column's cell, empty: the span above it goes on (a page break cut it). */
function emptyIndicatorCell(row: Row, header: Header): boolean {
  const col = colOf(header, 'indicator')
  return col !== undefined && row.cells.some((c) => c.col === col && c.text.trim() === '')
}

/**
 * A row opens a new measure when its item cell has text and it prints a score, even one OCR could
 * not read ("900.00" for ๑๐๐.๐๐), or its item cell opens with an item's code and its score cell holds
 * anything (a mark no score is read from): a continuation row's score cell is empty. Or it is the table's
 * first row.
 */
function startsMeasure(row: Row, header: Header, draft: Draft | undefined): boolean {
  const itemCell = row.cells.find((c) => c.col === colOf(header, 'item'))
  if (!itemCell?.text.trim()) return false
  if (!draft || draft.header !== header) return true
  // No score column: an item cell that opens with an item's code, or ends with its score, is a new item.
  if (colOf(header, 'score') === undefined) return splitPrintedCode(itemCell.text).code !== undefined || ITEM_SCORE.test(itemCell.text)
  const scoreCell = row.cells.find((c) => c.col === colOf(header, 'score'))
  if (cellScore(scoreCell, 'measures')?.value != null || PRINTED_NUMBER.test(scoreCell?.text ?? '')) return true
  const code = splitPrintedCode(itemCell.text).code
  return Boolean(scoreCell?.text.trim()) && code !== undefined && ITEM_CODE.test(code)
}

/** A row number ("๑", "2.") or an item's code ("i15", "O-3") in an ordinal column. */
const ORDINAL_OR_CODE = /^\s*(?:\d{1,2}\.?|[A-Za-z]{1,2}\s*-?\s*\d{1,2})\s*$/
const ITEM_CODE = /^[A-Za-z]{1,2}\s*-?\s*\d{1,2}$/

/** Digits around a point, or three digits: a number was printed there. */
const PRINTED_NUMBER = /\d[\d.,]*[.,][\d.,]*\d|\d{3}/

function newDraft(header: Header, row: Row): Draft {
  const pieces = Object.fromEntries(ALL_FIELDS.map((f) => [f, [] as Piece[]])) as Record<Field, Piece[]>
  return { header, row, pieces, continuations: 0 }
}

function placeContinuation(row: Row, draft: Draft, context: MeasureContext): [RowCell, Field][] {
  const filled = filledCells(row)
  const width = Math.max(...row.cells.map((c) => c.col)) + 1
  // More fragments than columns (a damaged row) cannot be placed by content: place them by position.
  if (width === draft.header.width || filled.length > draft.header.order.length) return filled.map((c) => [c, fieldAt(draft.header, c.col)])
  const indicator = draftIndicator(draft, context)
  const prose = indicator === undefined ? '' : (context.analysisProse.get(indicator) ?? '')
  const order = draft.header.order
  return bestAssignment(filled, order, (cell, fieldIndex) => fitScore(cell, order[fieldIndex]!, fieldIndex, draft, prose))
}

function draftIndicator(draft: Draft, context: MeasureContext): number | undefined {
  const itemText = draft.pieces.item.map((p) => p.text).join(' ')
  const { code, title } = splitPrintedCode(itemText)
  return matchAnyItem(context.catalogue, title, code)?.item.indicator ?? draft.header.printedIndicator?.value ?? undefined
}

/** How well a fragment fits a column, from its content and (weakly) its position. */
function fitScore(cell: RowCell, field: Field, fieldIndex: number, draft: Draft, prose: string): number {
  let score = cell.col === fieldIndex ? 0.4 : Math.abs(cell.col - fieldIndex) === 1 ? 0.2 : 0
  const text = cell.text
  switch (field) {
    case 'analysis':
      return score + (prose ? 2 * containment(text, prose) : 0)
    case 'actions':
    case 'steps': {
      const numbers = splitNumbered(text).map((e) => e.number).filter((n): n is number => n !== null)
      const last = splitNumbered(draft.pieces[field].map((p) => p.text).join(' ')).at(-1)?.number
      if (numbers.length && last != null && numbers[0] === last + 1) score += 1
      return score
    }
    case 'responsible':
      return score + (/กอง|สำนัก|ส่วนราชการ|ฝ่าย/.test(text) && text.length < 200 ? 1 : 0)
    case 'period':
    case 'periodEnd':
      return score + (text.split(/\s+/).some((w) => parseMonth(w) !== undefined) && text.length < 80 ? 1 : -0.5)
    case 'score':
      return cellScore(cell, 'measures')?.value != null ? score + 1 : -2
    case 'item':
      return score - 0.5
    case 'followUp':
    case 'budget':
      return score
    case 'indicator':
      return score - 0.5
    case 'ordinal':
      return score + (ORDINAL_OR_CODE.test(text) ? 1 : -1)
  }
}

/** The left-to-right assignment of fragments to strictly increasing columns with the best total fit. */
function bestAssignment(cells: RowCell[], order: readonly Field[], fit: (cell: RowCell, field: number) => number): [RowCell, Field][] {
  let best: { total: number; fields: number[] } = { total: -Infinity, fields: [] }
  const walk = (i: number, from: number, total: number, fields: number[]) => {
    if (i === cells.length) {
      if (total > best.total) best = { total, fields: [...fields] }
      return
    }
    for (let f = from; f <= order.length - (cells.length - i); f++) {
      fields.push(f)
      walk(i + 1, f + 1, total + fit(cells[i]!, f), fields)
      fields.pop()
    }
  }
  walk(0, 0, 0, [])
  return cells.map((c, i) => [c, order[best.fields[i]!]!])
}

function finishMeasure(draft: Draft, context: MeasureContext): { indicator: number | null; measure: Measure } {
  const { pieces } = draft
  const itemPiece = pieces.item[0]
  // An item's code printed in the ordinal column ("ข้อ | ประเด็น": "i15 | ท่านเชื่อมั่น...") leads its title.
  const ordinalCode = pieces.ordinal.map((p) => p.text.trim()).find((t) => ITEM_CODE.test(t))
  const itemText = [ordinalCode, ...pieces.item.map((p) => p.text)].filter(Boolean).join(' ')
  const { code, title } = splitPrintedCode(itemText)
  const scorePiece = pieces.score[0]
  const rawCode = code && itemPiece ? firstRawToken(itemPiece.raw, code) : code
  // Under an indicator the catalogue has no items for, a similar listed item is no evidence: the real one is unlisted.
  const asPrinted = measureItemAsPrinted(context.catalogue, draft.header.printedIndicator?.value, code, rawCode)
  const match = asPrinted ? undefined : matchAnyItem(context.catalogue, title, code)
  const measure: Measure = {
    item: match?.item.code ?? asPrinted?.code ?? null,
    itemTitle: itemPiece && title ? textValue(title, itemPiece.origin, 'measures', pieces.item.map((p) => p.raw).join(' ')) : null,
    printedCode:
      code && itemPiece
        ? {
            value: code,
            prov: prov(itemPiece.origin, 'measures', rawCode ?? code, codeRepairs(code, rawCode, match?.item.code, asPrinted?.repair)),
          }
        : null,
    itemScore: scorePiece ? (cellScore({ col: 0, rowSpan: 1, colSpan: 1, ...scorePiece }, 'measures') ?? null) : null,
    printedIndicator: rowIndicator(pieces.indicator, context) ?? draft.header.printedIndicator,
    actions: listEntries(pieces.actions),
    analysis: joinedText(pieces.analysis),
    steps: listEntries(pieces.steps),
    period: chartPeriod(draft) ?? period(pieces.period, pieces.periodEnd, context.fiscalYear),
    responsible: responsibleUnits(pieces.responsible),
    responsibleText: joinedText(pieces.responsible),
    ...(pieces.followUp.length > 0 && { followUp: joinedText(pieces.followUp)! }),
    ...(pieces.budget.length > 0 && { budget: joinedText(pieces.budget)! }),
    match: match ? { by: match.by === 'text+code' ? 'text+code' : 'text', similarity: match.similarity } : (asPrinted?.match ?? null),
    prov: prov(draft.row.origin, 'measures', rowRaw(draft.row), draft.continuations ? [{ kind: 'continuation-merged', detail: `${draft.continuations} continuation row(s) merged into this row` }] : []),
  }
  return { indicator: match?.item.indicator ?? measure.printedIndicator?.value ?? null, measure }
}

/** The indicator a row's own indicator cell names (a column of indicators, often spanning rows). */
function rowIndicator(pieces: readonly Piece[], context: MeasureContext): NumberValue | null {
  const piece = pieces[0]
  if (!piece) return null
  const at = indicatorLabelOffset(piece.text)
  const label = at === undefined ? undefined : leadingIndicatorNumber(piece.text.slice(at))
  if (label) return numberValue(label.number, piece.origin, 'measures', rawOf(String(label.number), piece.raw))
  const named = findIndicator(piece.text, context.catalogue.indicators)
  return named ? numberValue(named.found.number, piece.origin, 'measures', piece.raw, [{ kind: 'indicator-identified', detail: `the indicator column names indicator ${named.found.number} without its number` }]) : null
}

function codeRepairs(code: string, rawCode: string | undefined, matched: string | undefined, asPrinted: Repair | undefined): Repair[] {
  if (asPrinted) return [asPrinted]
  return matched && code !== matched ? [{ kind: 'code-resolved', detail: `printed code "${rawCode}" identified as ${matched} by the item text` }] : []
}

const mergedNote = (pieces: readonly Piece[]): Repair[] =>
  pieces.length > 1 ? [{ kind: 'continuation-merged', detail: `text continued from ${pieces.slice(1).map(where).join(', ')}` }] : []

const where = (p: Piece) => (p.origin.line !== undefined ? `line ${p.origin.line}` : `page ${p.origin.page}`)

function joinedText(pieces: readonly Piece[]): TextValue | null {
  const first = pieces[0]
  if (!first) return null
  return textValue(pieces.map((p) => p.text).join(' '), first.origin, 'measures', pieces.map((p) => p.raw).join('\n'), mergedNote(pieces))
}

/** Numbered entries; each keeps the provenance of the piece it starts in. */
function listEntries(pieces: readonly Piece[]): ListEntry[] {
  const text = pieces.map((p) => p.text).join(' ')
  const starts: number[] = []
  let offset = 0
  for (const p of pieces) {
    starts.push(offset)
    offset += p.text.length + 1
  }
  const pieceAt = (pos: number) => pieces[Math.max(0, starts.findLastIndex((s) => s <= pos))]!
  let cursor = 0
  return splitNumbered(text).map((entry) => {
    const at = Math.max(cursor, text.indexOf(entry.text, cursor))
    cursor = at + entry.text.length
    const piece = pieceAt(at)
    const spans = pieceAt(at + entry.text.length - 1) !== piece
    const repairs: Repair[] = spans ? [{ kind: 'continuation-merged', detail: 'entry continues on a continuation row' }] : []
    return { number: entry.number, text: entry.text, prov: prov(piece.origin, 'measures', piece.raw, repairs) }
  })
}

function period(starts: readonly Piece[], ends: readonly Piece[], fiscalYear: number | undefined): Measure['period'] {
  const pieces = [...starts, ...ends]
  const first = pieces[0]
  if (!first) return null
  // Start and end columns read as one period, "start - end".
  const text = [starts, ends].map((part) => part.map((p) => p.text).join(' ')).filter(Boolean).join(' - ')
  const doubted = pieces.flatMap((p) => p.origin.readings ?? []).filter((r) => r.used && r.uncertain)
  // A doubtful day is left out (the month's first or last day is then assumed, and said); a
  // doubtful month or year leaves the whole period unread.
  const withoutDays = withoutDoubtfulDays(text, doubted)
  const { repairs, ...parsed } = parsePeriod(withoutDays ?? text, { endOnly: starts.length === 0 })
  const doubt = withoutDays === undefined ? periodDoubt(doubted, parsed) : undefined
  const far = farYear(parsed, fiscalYear)
  const unread = doubt ?? far
  const read = unread ? { ...parsed, from: null, to: null } : parsed
  const notes: Repair[] = [
    ...(withoutDays === undefined ? [] : doubted).map((r): Repair => ({ kind: 'unreadable', detail: `the day "${r.raw}" could not be read with confidence; left out` })),
    ...(unread ? [{ kind: 'unreadable', detail: unread } satisfies Repair] : []),
  ]
  return { ...read, text, prov: prov(first.origin, 'measures', pieces.map((p) => p.raw).join(' '), [...repairs, ...notes, ...mergedNote(pieces)]) }
}

/**
 * The period's text without its doubtful days, when every doubtful number in it is a day (one or
 * two digits just before a month name); undefined when there is none, or a doubtful number is
 * anything else.
 */
function withoutDoubtfulDays(text: string, doubted: readonly Reading[]): string | undefined {
  if (!doubted.length) return undefined
  let out: string | undefined = text
  for (const reading of doubted) {
    out = withoutDay(out, thaiDigitsToAscii(reading.raw).trim())
    if (out === undefined) return undefined
  }
  return out
}

/** Plans run from this fiscal year to a few years on; a period further off is a misread year. */
const PLAUSIBLE_YEARS = 10

/** A number in a parsed period that OCR doubted: the period is left unread rather than guessed. */
function periodDoubt(doubted: readonly Reading[], parsed: { from: string | null; to: string | null }): string | undefined {
  if ((parsed.from === null && parsed.to === null) || !doubted[0]) return undefined
  return `a number in the period ("${doubted[0].raw}") could not be read with confidence`
}

/** A year far from the report's (๒๕๖๘ misread as ๒๕๒๕): a misread, so the period is left unread. */
function farYear(parsed: { from: string | null; to: string | null }, fiscalYear: number | undefined): string | undefined {
  if (fiscalYear === undefined) return undefined
  for (const date of [parsed.from, parsed.to]) {
    const year = date === null ? undefined : Number(date.slice(0, 4)) + 543
    if (year !== undefined && Math.abs(year - fiscalYear) > PLAUSIBLE_YEARS) return `year ${year} is ${Math.abs(year - fiscalYear)} years from the report's ${fiscalYear}: a misread year`
  }
  return undefined
}

function responsibleUnits(pieces: readonly Piece[]): TextValue[] {
  const first = pieces[0]
  if (!first) return []
  const text = pieces.map((p) => p.text).join(' ')
  return splitResponsible(text).map((unit) => textValue(unit, first.origin, 'measures', first.raw))
}

