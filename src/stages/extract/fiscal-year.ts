/**
 * The report's fiscal year (Buddhist Era), which chooses the catalogue it is read with. It is
 * printed in the title block ("...ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "ITA 2567"), or
 * only in the overall analysis ("ผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๘ ..."), in Thai or Arabic
 * digits (the text is already normalised to Arabic digits). Last year's comparison ("ปีงบประมาณ
 * พ.ศ. ๒๕๖๗ ได้ ๘๙.๐๐ คะแนน") is not the report's year. A label whose year does not read as one
 * ("พ.ศ. ๒๕?๘") gives an unreadable year, never a guessed one.
 */
import type { NumberValue, Section } from '../../report/schema.js'
import { thaiDigitsToAscii } from '../normalise/normalise-thai.js'
import { rowRaw, type Row } from '../text/rows.js'
import { numberValue, rawOf } from '../text/values.js'
import { DECIMAL_SCORE } from '../text/thai-text.js'

/** Consecutive text lines searched as one text (see `paragraphs` in title.ts). */
export interface Paragraph {
  readonly text: string
  rowAt(offset: number): Row
}

/** "พ.ศ." and what OCR makes of it ("wa.", "พ.ศ"), between a year's label and its number. */
export const BE = String.raw`(?:[^\s\d]{1,4}\.?\s*){0,2}`
/** "งบประมาณ" (budget), ง often read as จ. */
export const BUDGET = String.raw`[งจ]\s*บ\s*ประมาณ`
/** What labels the assessment's year: (ปี)งบประมาณ, ประจำปี, "ITA (ปี)". */
const LABEL = String.raw`(?:(?:ปี)?${BUDGET}|ประจำ\s*ปี|ITA\s*(?:ปี)?)`
const YEAR = new RegExp(String.raw`${LABEL}\s*${BE}(25\d\d)(?!\d)`, 'gd')
/** A label and "พ.ศ." followed by a number that is not a year: OCR damage ("25?8", "๒๕๖"). */
const DAMAGED = new RegExp(String.raw`${LABEL}\s*พ\s*\.?\s*ศ\s*\.?\s*([^\s()]*\d[^\s()]*)`, 'gd')
const A_YEAR = /^25\d\d\D*$/
/** What follows the year in last year's comparison: "ได้ 90.23 คะแนน" (ได้ often misread). */
const PREVIOUS_SCORE_AFTER = new RegExp(String.raw`^\s*(?:ที่)?\s*(?:ได้|[^\s\d]{1,3})?\s*(?:คะแนน)?\s*${DECIMAL_SCORE}`)

/**
 * The fiscal year: the title block's first copy read with confidence. A title whose copies are all
 * doubtful gives its doubtful year, unless the overall analysis prints the same year with
 * confidence (the overall analysis names other years too: last year's, the plan year's). A title
 * whose year is damaged ("พ.ศ. ๒๕?๘") gives an unreadable year, unless a year printed with
 * confidence elsewhere fits every digit read: a year found elsewhere never replaces the title's
 * (an item's "ประจำปี พ.ศ. ๒๕๖๗" is last year's report). Without a year in the title, the overall
 * analysis's, then the prose of the other sections' (`elsewhere`, said as the overall analysis).
 * Then an unreadable year (value null) when a year's label is followed by a damaged number; else
 * null (no year printed).
 */
export function findFiscalYear(title: readonly Paragraph[], overall: readonly Paragraph[], elsewhere: readonly Paragraph[] = []): NumberValue | null {
  const inTitle = mentions(title, 'title')
  const inOverall = [...mentions(overall, 'overall'), ...mentions(elsewhere, 'overall')]
  const certain = (years: NumberValue[]) => years.find((y) => y.uncertain !== true)
  const doubtful = inTitle[0]
  if (doubtful) return certain(inTitle) ?? (certain(inOverall)?.value === doubtful.value ? certain(inOverall)! : doubtful)
  const titleDamaged = damaged(title, 'title')
  if (titleDamaged) return inOverall.find((y) => y.uncertain !== true && fitsDamaged(y, titleDamaged)) ?? titleDamaged
  return certain(inOverall) ?? inOverall[0] ?? damaged(overall, 'overall') ?? null
}

/** A year whose digits are those of a damaged copy wherever that copy shows a digit, as many of them. */
function fitsDamaged(year: NumberValue, copy: NumberValue): boolean {
  const digits = [...thaiDigitsToAscii(copy.prov.raw ?? '')]
  const printed = String(year.value)
  return digits.length === printed.length && digits.some((c) => /\d/.test(c)) && digits.every((c, i) => !/\d/.test(c) || c === printed[i])
}

function mentions(paragraphs: readonly Paragraph[], section: Section): NumberValue[] {
  const out: NumberValue[] = []
  for (const paragraph of paragraphs) {
    for (const m of paragraph.text.matchAll(YEAR)) {
      const [start, end] = m.indices![1]!
      if (PREVIOUS_SCORE_AFTER.test(paragraph.text.slice(end))) continue
      const row = paragraph.rowAt(start)
      out.push(numberValue(Number(m[1]), row.origin, section, rawOf(m[1]!, rowRaw(row))))
    }
  }
  return out
}

function damaged(paragraphs: readonly Paragraph[], section: Section): NumberValue | undefined {
  for (const paragraph of paragraphs) {
    const m = [...paragraph.text.matchAll(DAMAGED)].find((d) => !A_YEAR.test(d[1]!))
    if (!m) continue
    const row = paragraph.rowAt(m.indices![1]![0])
    const raw = rawOf(m[1]!, rowRaw(row))
    return numberValue(null, row.origin, section, raw, [{ kind: 'unreadable', detail: `the fiscal year is printed as "${raw}", which does not read as a year` }])
  }
  return undefined
}
