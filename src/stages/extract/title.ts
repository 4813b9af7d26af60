/** Organisation, fiscal year, total score, level and last year's comparison, from the title block and overall analysis. */
import type { NumberValue, Report, Section, TextValue } from '../../report/schema.js'
import { rowRaw, type Row } from '../text/rows.js'
import { BE, BUDGET, findFiscalYear } from './fiscal-year.js'
import { numberValue, parseScore, rawOf, textValue } from '../text/values.js'
import { A_SCORE, clauseNumberOpens, DECIMAL_SCORE } from '../text/thai-text.js'
import { BE_YEAR, DIFFERENCE_HIGHER, DIFFERENCE_LOWER, DIFFERENCE_SIGNED, LEVEL as LEVEL_WORDS, LEVEL_WORD, NOT_TOTAL_WORDS, PREVIOUS_WORDS, REPORT_TITLE, THRESHOLD_AFTER, THRESHOLD_BEFORE, TOTAL_WORDS } from '../text/vocabulary.js'

type Found<T> = T | null

/** A score in prose ("87.16"), not part of a longer number, a date or a code: the sentences' and "respectively" lists' numbers. */
const SCORE_TOKEN = new RegExp(String.raw`(?<![\d.,])(${DECIMAL_SCORE})(?![\d.,]*\d)`, 'g')
/** Agency kinds that open an organisation name (local administrations first: they are most reports). */
const ORG = /(?:องค์การบริหารส่วน(?:ตำบล|จังหวัด)|เทศบาล(?:ตำบล|เมือง|นคร)|อบต\.|อบจ\.|กรุงเทพมหานคร|เมืองพัทยา|ที่ว่าการ(?:อำเภอ|จังหวัด)|สถานเอกอัครราชทูต|สถานกงสุล|สำนักงาน|กรม|กระทรวง|มหาวิทยาลัย|โรงพยาบาล|สถาบัน|การไฟฟ้า|การประปา|การท่าเรือ|กองทุน|ศาล|ธนาคาร|องค์การ|คณะ(?!ทำงาน|กรรมการ)|วิทยาลัย|โรงเรียน|สถานีตำรวจ|ศูนย์|บริษัท|พิพิธภัณฑ|หอสมุด|หอจดหมายเหตุ|อุทยาน)\S*/
/** Where an organisation name printed on its own line ends: before its district, province or year, or a sentence going on. */
const ORG_END = /\s+(?:อำเภอ|อ\.|จังหวัด|จ\.|ปีงบประมาณ|ประจำปี|พบว่า|ใน|และ|ซึ่ง|เพื่อ|โดย|ได้|จึง|ที่|มี)/
const DISTRICT = /(?:อำเภอ|อ\.)\s*([^\s\d]+)/
const PROVINCE = /(?<!ส่วน)(?:จังหวัด|จ\.)\s*([^\s\d]+)/
/**
 * จังหวัด standing as a word of its own ("อำเภอกุมภวาปี จังหวัดอุดรธานี", a line "จังหวัดอุดรธานี"): the
 * province, preferred to one inside a name ("ศาลจังหวัดกุมภวาปี" is named after its town, which need
 * not be its province's). Without one, a name's จังหวัด is the province ("สำนักงานพัฒนาชุมชนจังหวัดน่าน").
 */
const PROVINCE_WORD = /(?<![ก-๛])(?:จังหวัด|จ\.)\s*([^\s\d]+)/
// A line may wrap between ผลคะแนน and เฉลี่ย (joined with a space).
const TOTAL = new RegExp(String.raw`ผล\s*คะแนน\s*(?:เฉลี่?ย|รวม)?\s*(?:เท่ากับ|ได้)?\s*(${DECIMAL_SCORE})\s*คะแนน`)
const LEVEL = LEVEL_WORDS
// "ได้" between the year and the score is often misread (tesseract's English model reads "LA").
const PREVIOUS_SCORE = new RegExp(String.raw`(?:ปี\s*${BUDGET}|ปี)\s*${BE}(25\d\d)\s*(?:ที่)?\s*(?:ได้|[^\s\d]{1,3})\s*(?:คะแนน)?\s*(${DECIMAL_SCORE})`)
// OCR drops tone marks (ต่ำ, ที่), and a line may wrap anywhere in ปีที่ผ่านมา (joined with a space).
/** "จากปีงบประมาณ" closing a number's context with no year read after it (a scan's "๒๕๖๗ (" lost to "com"). */
const YEAR_UNREAD = /(?:จาก|กับ)\s*ปี\s*งบ\s*ประมาณ(?!\s*ที่?\s*ผ่าน\s*มา)\s*(?:พ\.\s*ศ\.)?[^\d\s]{0,6}\s*[([]?\s*$/
const DIFFERENCE = new RegExp(String.raw`(สูงกว่า|มากกว่า|เพิ่มขึ้นจาก|ต[ั่]*ำกว่า|น้อยกว่า|ลดลงจาก)\s*ปี\s*ที่?\s*ผ่าน\s*มา\s*(?:จำนวน)?\s*(${DECIMAL_SCORE})\s*คะแนน`)

interface Hit {
  readonly m: RegExpExecArray
  /** The row that printed capture group `group` (the whole match for 0). */
  rowOf(group: number): Row
}

/**
 * The first match in reading order. Consecutive text lines are searched as one paragraph, since
 * scans and PDFs wrap prose anywhere ("... พบว่ามี" / "ผลคะแนน 90.42 คะแนน"); table rows stand alone.
 * Lines of different sections, though given one after the other, are not consecutive: the title's
 * last heading is no part of the overall section's first sentence.
 */
function firstMatch(rows: readonly Row[], re: RegExp): Hit | undefined {
  const rx = new RegExp(re.source, `${re.flags.replace('g', '')}d`)
  for (const paragraph of paragraphs(rows)) {
    const m = rx.exec(paragraph.text)
    if (m) return { m, rowOf: (group) => paragraph.rowAt(m.indices?.[group]?.[0] ?? m.index) }
  }
  return undefined
}

function paragraphs(rows: readonly Row[]): { text: string; rowAt(offset: number): Row; startAt(offset: number): number }[] {
  const out: { rows: Row[]; starts: number[]; text: string }[] = []
  for (const row of rows) {
    const last = out.at(-1)
    const prev = last?.rows.at(-1)
    if (last && prev && row.kind === 'line' && prev.kind === 'line' && prev.origin.page === row.origin.page && row.index === prev.index + 1) {
      last.starts.push(last.text.length + 1)
      last.text += ` ${row.text}`
      last.rows.push(row)
    } else {
      out.push({ rows: [row], starts: [0], text: row.text })
    }
  }
  const at = (p: (typeof out)[number], offset: number) => Math.max(0, p.starts.findLastIndex((s) => s <= offset))
  return out.map((p) => ({ text: p.text, rowAt: (offset) => p.rows[at(p, offset)]!, startAt: (offset) => p.starts[at(p, offset)]! }))
}

function numberFrom(hit: Hit, group: number, section: Section): NumberValue {
  const token = hit.m[group]!
  const row = hit.rowOf(group)
  const value = parseScore(token) ?? Number(token)
  return numberValue(Number.isFinite(value) ? value : null, row.origin, section, rawOf(token, rowRaw(row)))
}

function textFrom(hit: Hit | undefined, group: number, section: Section): Found<TextValue> {
  if (!hit) return null
  const value = hit.m[group]!.trim()
  const row = hit.rowOf(group)
  return textValue(value, row.origin, section, rawOf(value, rowRaw(row)))
}

export interface DocumentFacts {
  organization: Report['organization']
  fiscalYear: Found<NumberValue>
  totalScore: Found<NumberValue>
  level: Found<TextValue>
  previous: Report['previous']
}

/**
 * `front`: the rows before the detail list and the measures, in document order, where the cover stands
 * after an executive summary or a letter; the title's by default.
 */
export function extractDocumentFacts(title: readonly Row[], overall: readonly Row[], elsewhere: readonly Row[] = [], front: readonly Row[] = title): DocumentFacts {
  const cover = coverRows(front)
  const orgHit = nameLine(title) ?? firstMatch(title, ORG)
  const fiscalYear = findFiscalYear(paragraphs(title), paragraphs(overall), paragraphs(elsewhere))
  const levelHit = firstMatch(title, LEVEL) ?? firstMatch(overall, LEVEL) ?? firstMatch(elsewhere, LEVEL)
  const scored = scoredSentences([...title, ...overall, ...elsewhere], fiscalYear?.value ?? undefined)
  const sectionOf = (row: Row): Section => (title.includes(row) ? 'title' : 'overall')
  const totalHit = firstMatch(title, TOTAL) ?? firstMatch(overall, TOTAL)
  const total = totalHit ? numberFrom(totalHit, 1, sectionOf(totalHit.rowOf(1))) : scored.total && scoredNumber(scored.total, sectionOf(scored.total.row))
  return {
    organization: {
      name: coverName(cover) ?? (orgHit ? organization(orgHit) : null),
      district: textFrom(firstMatch(cover, DISTRICT) ?? firstMatch(title, DISTRICT), 1, 'title'),
      province: textFrom(firstMatch(cover, PROVINCE_WORD) ?? firstMatch(cover, PROVINCE) ?? firstMatch(title, PROVINCE_WORD) ?? firstMatch(title, PROVINCE), 1, 'title'),
    },
    fiscalYear,
    totalScore: total ?? null,
    level: levelFrom(levelHit, levelHit && title.includes(levelHit.rowOf(levelGroup(levelHit))) ? 'title' : 'overall'),
    previous: [respectively([...title, ...overall], fiscalYear?.value ?? undefined), extractPrevious([...title, ...overall], fiscalYear?.value ?? undefined), previousFrom(scored), comparisonTable([...title, ...overall], fiscalYear?.value ?? undefined, total?.value ?? undefined)].reduce(
      mergePrevious,
      null,
    ),
  }
}

/** The capture group that holds the level: after "อยู่ในระดับ", after a bare "ระดับ", or before "เกณฑ์". */
const levelGroup = (hit: Hit | undefined) => (hit?.m[1] !== undefined ? 1 : hit?.m[2] !== undefined ? 2 : 3)

/**
 * The level as printed, a line break inside "ไม่ผ่าน" (a wrapped word, joined with a space) closed
 * up. The word after "อยู่ในระดับ" on the next line is a level only when it is a level word as a
 * whole: where the level itself was not read (a scan's line cut short), the next line's first word
 * ("คะแนนลดลงจาก...", "สูงกว่าปีที่ผ่านมา") would be taken for it.
 */
function levelFrom(hit: Hit | undefined, section: Section): Found<TextValue> {
  const group = levelGroup(hit)
  const level = textFrom(hit, group, section)
  if (level && group === 1 && hit!.rowOf(1) !== hit!.rowOf(0) && !LEVEL_WORD.test(level.value)) return null
  return level && { ...level, value: level.value.replace(/^ไม่\s+ผ่าน/, 'ไม่ผ่าน') }
}

/** A number found in a sentence, with the row that printed it. */
interface SentenceNumber {
  readonly token: string
  readonly row: Row
}

interface ScoredSentences {
  total?: SentenceNumber
  previousYear?: SentenceNumber
  previousScore?: SentenceNumber
  difference?: SentenceNumber & { lower: boolean }
}

/**
 * The total, last year's score and year, and the difference, told apart by the words just before
 * each number ("ได้คะแนนรวม 86.10", "เมื่อเทียบกับปีงบประมาณ พ.ศ. 2567 ซึ่งได้คะแนน 84.50", "เพิ่มขึ้น 1.60"),
 * whatever the sentence's phrasing. A year before the report's, words like ปีที่ผ่านมา, or a year
 * beside a score other than the total once the total is known (last year mislabelled with this
 * year's number: the checker says so) make a score last year's.
 */
function scoredSentences(rows: readonly Row[], fiscalYear: number | undefined): ScoredSentences {
  const out: ScoredSentences = {}
  for (const paragraph of paragraphs(rows)) {
    let from = 0
    // "เพิ่มขึ้นจากปี 2567 (75.88 คะแนน) จำนวน 13.10": the change is said before last year's score.
    let changeSaid: { lower: boolean } | undefined
    // "ต่ำกว่าปีที่ผ่านมา 9.81 คะแนน (ปีงบประมาณ พ.ศ. 2568 ได้ 97.05 คะแนน)": the year after the change
    // is last year's, even when it is printed as this year (a mislabel the checker reports).
    let afterChange = false
    for (const m of paragraph.text.matchAll(SCORE_TOKEN)) {
      const context = paragraph.text.slice(Math.max(from, m.index - 90), m.index)
      from = m.index + m[0].length
      // "### 5.1 ไตรมาสที่ 1": a heading's clause number, not a score, unless a sentence wrapped before its score leads to it.
      const start = paragraph.startAt(m.index)
      if (clauseNumberOpens(paragraph.rowAt(m.index).text, m.index - start) && !LEADS_TO_NUMBER.test(context)) continue
      const found = { token: m[1]!, row: paragraph.rowAt(m.index) }
      const years = [...context.matchAll(BE_YEAR)]
      const year = years.at(-1)
      const afterYear = year ? context.slice(year.index + year[0].length) : context
      const signed = DIFFERENCE_SIGNED.test(afterYear)
      const lower = DIFFERENCE_LOWER.test(afterYear) || (signed && /[-−–]\s*$/.test(paragraph.text.slice(0, m.index)))
      const said = changeSaid
      changeSaid = undefined
      const followsChange = afterChange
      afterChange = false
      // Numbers said of an indicator or a tool are no overall figures, nor is a pass mark.
      if (NOT_TOTAL_WORDS.test(clauseBefore(context))) continue
      if (THRESHOLD_BEFORE.test(context) || THRESHOLD_AFTER.test(paragraph.text.slice(from))) continue
      if (!year && YEAR_UNREAD.test(context) && (lower || DIFFERENCE_HIGHER.test(context))) {
        // "ลดลงจากปีงบประมาณ [year lost] (89.71 คะแนน) จำนวน 4.36": the number after the fiscal year
        // whose year was not read is that year's score or the change; neither is sure, so it is left,
        // and a change said after it is the difference.
        changeSaid = { lower }
        continue
      }
      if (lower || signed || DIFFERENCE_HIGHER.test(afterYear)) {
        out.difference ??= { ...found, lower }
        afterChange = true
      } else if (said && !year) {
        out.difference ??= { ...found, lower: said.lower }
      } else if (year && (followsChange || Number(year[1]) < (fiscalYear ?? 0) || PREVIOUS_WORDS.test(context) || (out.total && parseScore(out.total.token) !== parseScore(found.token)))) {
        const beforeYear = context.slice(0, year.index)
        if (DIFFERENCE_LOWER.test(beforeYear) || DIFFERENCE_HIGHER.test(beforeYear)) changeSaid = { lower: DIFFERENCE_LOWER.test(beforeYear) }
        if (!out.previousScore) {
          out.previousScore = found
          out.previousYear = { token: year[1]!, row: paragraph.rowAt(m.index - context.length + year.index) }
        }
      } else if (PREVIOUS_WORDS.test(context)) {
        out.previousScore ??= found
      } else if (!out.total && TOTAL_WORDS.test(context)) {
        out.total = found
      }
    }
  }
  return out
}

/** Words a sentence wrapped before its number ends on: "... ได้คะแนนเฉลี่ย" / "88.98 ...". */
const LEADS_TO_NUMBER = /(?:ได้|เท่ากับ|คือ|อยู่\s*ที่|คะแนน\S{0,10}|ร้อยละ|จำนวน|[:：=])\s*$/

/**
 * The words a number belongs to: after a bracketed aside that ends well before it ("(IIT ร้อยละ 30
 * ... OIT ร้อยละ 40) กรม... ได้คะแนนรวมเท่ากับ"), only those after it; "(IIT) ได้" keeps its tool.
 */
function clauseBefore(context: string): string {
  const close = context.lastIndexOf(')')
  // Counted without spaces and colons, which are printing: "(IIT) ได้คะแนน : 81.80" keeps its tool.
  return close >= 0 && context.slice(close + 1).replace(/[\s:：]/g, '').length > ASIDE_GAP ? context.slice(close + 1) : context
}
/** Letters between a bracketed aside and a number beyond which the aside is not the number's. */
const ASIDE_GAP = 10

function scoredNumber(found: SentenceNumber, section: Section): NumberValue {
  const value = parseScore(found.token) ?? Number(found.token)
  return numberValue(Number.isFinite(value) ? value : null, found.row.origin, section, rawOf(found.token, rowRaw(found.row)))
}

/**
 * Last year's comparison laid out as a table: a header row naming the years ("ผลการประเมินปีงบประมาณ
 * พ.ศ. 2567 | ... 2568 | เพิ่มขึ้น/ลดลง") over a row of scores. A column of an earlier year than the
 * report's is last year's; a column of change words is the difference, its sign from the words.
 * When both columns print the same year (last year's mislabelled), the one whose score is not the
 * report's total is last year's, with the year as printed.
 */
function comparisonTable(rows: readonly Row[], fiscalYear: number | undefined, total: number | undefined): Report['previous'] {
  for (const [i, header] of rows.entries()) {
    const data = rows[i + 1]
    if (header.kind !== 'table-row' || !data || data.table !== header.table) continue
    const years = header.cells.map((c) => Number([...c.text.matchAll(BE_YEAR)].at(-1)?.[1] ?? NaN))
    if (years.filter(Number.isFinite).length < 2) continue
    const cellUnder = (col: number) => data.cells.find((c) => c.col === header.cells[col]!.col)
    const scoreIn = (col: number): NumberValue | null => {
      const cell = cellUnder(col)
      const token = cell && A_SCORE.exec(cell.text)?.[0]
      return cell && token ? numberValue(parseScore(token) ?? null, cell.origin, 'overall', rawOf(token, cell.raw)) : null
    }
    const previousCol = previousYearColumn(years, fiscalYear, total, (col) => scoreIn(col)?.value)
    if (previousCol === undefined) continue
    const yearCell = header.cells[previousCol]!
    const changeCol = header.cells.findIndex((c) => DIFFERENCE_HIGHER.test(c.text) || DIFFERENCE_LOWER.test(c.text) || /ผลต่าง/.test(c.text))
    const change = changeCol >= 0 ? scoreIn(changeCol) : null
    const changeText = changeCol >= 0 ? (cellUnder(changeCol)?.text ?? '') : ''
    const lower = DIFFERENCE_LOWER.test(changeText) || /^\s*-/.test(changeText)
    return {
      fiscalYear: numberValue(years[previousCol]!, yearCell.origin, 'overall', rawOf(String(years[previousCol]), yearCell.raw)),
      totalScore: scoreIn(previousCol),
      difference: change && change.value !== null && lower ? { ...change, value: -change.value } : change,
    }
  }
  return null
}

/**
 * Last year's column among the year columns: this year's is the one holding the total (or, the total
 * unknown, the report's year, printed once); last year's is the latest of the others (a table of three
 * years holds two earlier ones), the nearest to this year's on a tie (last year mislabelled with this
 * year's number: the checker says so). Undefined when that cannot be told.
 */
function previousYearColumn(years: readonly number[], fiscalYear: number | undefined, total: number | undefined, scoreAt: (col: number) => number | null | undefined): number | undefined {
  const yearCols = years.flatMap((y, col) => (Number.isFinite(y) ? [col] : []))
  const latest = fiscalYear ?? Math.max(...yearCols.map((col) => years[col]!))
  const ofLatest = yearCols.filter((col) => years[col] === latest)
  const byTotal = total === undefined ? [] : yearCols.filter((col) => scoreAt(col) === total)
  const thisCol = byTotal.length === 1 ? byTotal[0] : ofLatest.length === 1 ? ofLatest[0] : undefined
  if (thisCol === undefined) return undefined
  const others = yearCols.filter((col) => col !== thisCol && years[col]! <= years[thisCol]! && scoreAt(col) != null)
  const best = Math.max(...others.map((col) => years[col]!))
  return others.filter((col) => years[col] === best).sort((a, b) => Math.abs(a - thisCol) - Math.abs(b - thisCol))[0]
}

/**
 * Years and their scores listed in one sentence and paired in order (ตามลำดับ, "respectively"):
 * "ปีงบประมาณ พ.ศ. 2567 และปีงบประมาณ พ.ศ. 2568 ได้คะแนน 87.16 และ 87.19 คะแนน ตามลำดับ". Last year's
 * is the latest year before the report's (before the latest listed when the report's is unknown), with
 * the score in its place; nothing when the years and scores do not pair one to one.
 */
function respectively(rows: readonly Row[], fiscalYear: number | undefined): Report['previous'] {
  for (const paragraph of paragraphs(rows)) {
    let from = 0
    for (const end of paragraph.text.matchAll(/ตาม\s*ลำดับ/g)) {
      const start = Math.max(from, end.index - 240)
      const sentence = paragraph.text.slice(start, end.index)
      from = end.index + end[0].length
      const allYears = [...sentence.matchAll(BE_YEAR)]
      const lastYear = allYears.at(-1)
      if (!lastYear || allYears.length < 2) continue
      const scores = [...sentence.slice(lastYear.index + lastYear[0].length).matchAll(SCORE_TOKEN)]
      // The years listed last pair with the scores; a year further back is another sentence's (a running header's).
      const years = allYears.slice(-scores.length)
      if (scores.length < 2 || scores.length > allYears.length) continue
      const values = years.map((y) => Number(y[1]))
      const latest = fiscalYear ?? Math.max(...values)
      const before = values.filter((y) => y < latest)
      if (before.length === 0) continue
      const at = values.lastIndexOf(Math.max(...before))
      const year = years[at]!
      const score = scores[at]!
      const yearRow = paragraph.rowAt(start + year.index)
      const scoreOffset = start + lastYear.index + lastYear[0].length + score.index
      return {
        fiscalYear: numberValue(values[at]!, yearRow.origin, 'overall', rawOf(year[1]!, rowRaw(yearRow))),
        totalScore: scoredNumber({ token: score[1]!, row: paragraph.rowAt(scoreOffset) }, 'overall'),
        difference: null,
      }
    }
  }
  return null
}

/** Last year's comparison: each field from the fixed phrasings when they found it, else from the sentences. */
function mergePrevious(fixed: Report['previous'], found: Report['previous']): Report['previous'] {
  if (!fixed || !found) return fixed ?? found
  return {
    fiscalYear: fixed.fiscalYear ?? found.fiscalYear,
    totalScore: fixed.totalScore ?? found.totalScore,
    difference: fixed.difference ?? found.difference,
  }
}

function previousFrom(scored: ScoredSentences): Report['previous'] {
  if (!scored.previousScore && !scored.difference) return null
  const magnitude = scored.difference && scoredNumber(scored.difference, 'overall')
  const difference = magnitude && magnitude.value !== null && scored.difference!.lower ? { ...magnitude, value: -magnitude.value } : magnitude
  return {
    fiscalYear: scored.previousYear ? scoredNumber(scored.previousYear, 'overall') : null,
    totalScore: scored.previousScore ? scoredNumber(scored.previousScore, 'overall') : null,
    difference: difference ?? null,
  }
}

/**
 * The name from its first word to the end of the line (names may hold spaces, as in
 * "สำนักงานสาธารณสุขจังหวัด สุพรรณบุรี"), unless the line goes on into a sentence: then the first word.
 */
function organization(hit: Hit): TextValue {
  const row = hit.rowOf(0)
  const m = ORG.exec(row.text) ?? hit.m
  return textValue(organisationName(row.text, m), row.origin, 'title', rowRaw(row))
}

/**
 * A line that starts with an organisation's name ("เทศบาลเมืองบ้านหมี่", "# โรงพยาบาลกำแพงแสน อำเภอ..."):
 * the title's own line for it, preferred to a name met earlier in prose (a preface, a memo).
 */
function nameLine(rows: readonly Row[]): Hit | undefined {
  for (const row of rows) {
    const text = row.text.replace(/^[#\s]+/, '')
    const m = text.length <= NAME_LINE ? ORG.exec(text) : null
    if (m?.index === 0) return { m, rowOf: () => row }
  }
  return undefined
}

/** A line longer than this is prose, not a name with its district and province. */
const NAME_LINE = 80

/**
 * The cover: a line opening with the report's title ("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"), its
 * fiscal year, and the short lines under them, which name the agency, then its district and province or
 * the bodies above it. Wherever it stands (after an executive summary, a letter, a letterhead printing
 * the ministry's name on every page), the agency is the one it names. Empty when there is none.
 */
function coverRows(rows: readonly Row[]): Row[] {
  const at = rows.findIndex((r) => r.kind === 'line' && REPORT_TITLE.exec(r.text)?.index === r.text.search(/[^#*\s]/))
  if (at < 0) return []
  const out = [rows[at]!]
  for (const row of rows.slice(at + 1)) {
    if (row.kind !== 'line' || row.index !== out.at(-1)!.index + 1 || row.text.length > NAME_LINE || COVER_END.test(row.text)) break
    out.push(row)
  }
  return out
}

/** A line that opens the report's body, not part of its cover: a section's heading, a sentence on the scores. */
const COVER_END = /ตัว\s*ชี้\s*วัด|ผล\s*คะแนน|ผล\s*การ\s*ประเมิน|คะแนน|สรุป|สารบัญ|คำนำ|บท\s*ที่|ส่วน\s*ที่|เครื่อง\s*มือ|\d[.,]\d/

/** The cover's line naming the agency: the first under the title that is not its year nor its English, a district or a province. */
function coverName(cover: readonly Row[]): TextValue | undefined {
  for (const row of cover.slice(1)) {
    const text = row.text.replace(/^[#*\s]+|[*\s]+$/g, '')
    // The year, and the English gloss of the title wrapped onto a line of its own ("into Organisational Development)").
    if ((/(?<!\d)25\d\d(?!\d)/.test(text) && /ปี|พ\.\s*ศ\./.test(text)) || !/[ก-๛]/.test(text)) continue
    if (/^(?:อำเภอ|อ\.|จังหวัด|จ\.)/.test(text)) return undefined
    const end = ORG_END.exec(text)
    const name = (end ? text.slice(0, end.index) : text).trim()
    if (!name || name.split(' ').length > 3 || name.length > 60) return undefined
    return textValue(name, row.origin, 'title', rowRaw(row))
  }
  return undefined
}

function organisationName(text: string, m: RegExpExecArray): string {
  const fromStart = text.slice(m.index)
  const end = ORG_END.exec(fromStart)
  const candidate = (end ? fromStart.slice(0, end.index) : fromStart).trim()
  return candidate.split(' ').length <= 3 && candidate.length <= 60 ? candidate : m[0]
}

function extractPrevious(overall: readonly Row[], fiscalYear: number | undefined): Report['previous'] {
  const hit = firstMatch(overall, PREVIOUS_SCORE)
  // A year that is not before the report's is no last year ("ปีงบประมาณ พ.ศ. 2568 ได้คะแนน" of a 2568 report).
  const scoreHit = hit && fiscalYear !== undefined && Number(hit.m[1]) >= fiscalYear ? undefined : hit
  const diffHit = firstMatch(overall, DIFFERENCE)
  if (!scoreHit && !diffHit) return null
  let difference: NumberValue | null = null
  if (diffHit) {
    const magnitude = numberFrom(diffHit, 2, 'overall')
    const lower = /ต[ั่]*ำกว่า|น้อยกว่า|ลดลง/.test(diffHit.m[1]!)
    difference = magnitude.value === null || !lower ? magnitude : { ...magnitude, value: -magnitude.value }
  }
  return {
    fiscalYear: scoreHit ? numberFrom(scoreHit, 1, 'overall') : null,
    totalScore: scoreHit ? numberFrom(scoreHit, 2, 'overall') : null,
    difference,
  }
}
