/**
 * Measure periods: "๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙" -> 2025-10-01 .. 2026-09-30 (BE = CE + 543).
 * Missing parts are inferred and said so: a start without a year takes the year that makes the
 * period run forward to the end date; a missing day is the month's first (start) or last (end).
 */
import type { Period, Repair } from '../../report/schema.js'
import { THAI_MONTHS as MONTHS } from '../../model/thai-months.js'
import { similarity } from '../text/thai-text.js'
import { DEADLINE_BEFORE, FISCAL_HALF, FISCAL_QUARTERS, FISCAL_YEAR_NAMED, QUARTER_OF_YEAR, WHOLE_YEAR_WORDS } from '../text/vocabulary.js'


/** A month name, exact, abbreviated, or damaged by OCR (similarity >= 0.6 to the full name). */
export function parseMonth(word: string): number | undefined {
  const w = word.replace(/\s+/g, '')
  for (const [n, full, abbr] of MONTHS) if (w === full || w === abbr || w === abbr.replaceAll('.', '')) return n
  let best: { n: number; sim: number } | undefined
  for (const [n, full] of MONTHS) {
    const sim = similarity(w, full)
    if (sim >= 0.6 && (!best || sim > best.sim)) best = { n, sim }
  }
  return best?.n
}

interface DatePart {
  day?: number
  month: number
  /** Buddhist Era. */
  year?: number
  /** Where the date starts and ends in the text. */
  start: number
  end: number
}

// A year is 4 or 2 digits standing alone: "25215" (๒๕๖๘ misread) is no year.
const DATE = /(?:(\d{1,2})\s*)?([ก-๛.]{3,12})\s*(?:(?:พ\.\s*ศ\.?)\s*)?(\d{4}(?!\d)|\d{2}(?!\d))?/g

/** A date printed in figures, day/month/year: "1/10/2568", "30/9/69". */
const NUMERIC_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g

function parseDates(text: string): DatePart[] {
  const numeric = [...text.matchAll(NUMERIC_DATE)].filter((m) => Number(m[2]) >= 1 && Number(m[2]) <= 12)
  if (numeric.length > 0) return numeric.map((m) => ({ day: Number(m[1]), month: Number(m[2]), year: beYear(m[3]!), start: m.index, end: m.index + m[0].length }))
  const out: DatePart[] = []
  const rx = new RegExp(DATE.source, 'g')
  for (let m = rx.exec(text); m; m = rx.exec(text)) {
    const month = parseMonth(m[2]!)
    // A word that is no month ("ก่อน 15 มิ.ย.") leaves the number after it to the date it opens.
    if (month === undefined) {
      rx.lastIndex = m.index + m[0].indexOf(m[2]!) + m[2]!.length
      continue
    }
    const year = m[3] === undefined ? undefined : beYear(m[3])
    out.push({ ...(m[1] && { day: Number(m[1]) }), month, ...(year !== undefined && { year }), start: m.index, end: m.index + m[0].length })
  }
  return out
}

const MONTH_WORD = MONTHS.flatMap(([, full, abbr]) => [full, abbr.replaceAll('.', String.raw`\.\s*`)]).join('|')

/**
 * The text without the day `day` (one or two digits) printed just before a month name, or
 * undefined when it is not printed there.
 */
export function withoutDay(text: string, day: string): string | undefined {
  if (!/^\d{1,2}$/.test(day)) return undefined
  const at = new RegExp(String.raw`(?<!\d)${day}(?=\s*(?:${MONTH_WORD}))`).exec(text)
  return at ? `${text.slice(0, at.index)}${text.slice(at.index + day.length)}` : undefined
}

/** A printed year, 4 digits or the last 2 ("๖๘" is 2568), in the Buddhist Era. */
const beYear = (digits: string) => (digits.length === 2 ? 2500 + Number(digits) : Number(digits))

const iso = (yearBE: number, month: number, day: number) =>
  `${yearBE - 543}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
const lastDay = (yearBE: number, month: number) => new Date(Date.UTC(yearBE - 543, month, 0)).getUTCDate()

/**
 * Two dates' cells run together line by line ("1 31 พฤษภาคม กรกฎาคม 2569 2569", from a start and an end
 * column with no rule between them): two day numbers before one month, or two month names with
 * nothing between them. Which day goes with which month is then a guess.
 */
const RUN_TOGETHER = new RegExp(String.raw`(?<![\d/])\d{1,2}\s+\d{1,2}\s*(?:${MONTH_WORD})|(?:${MONTH_WORD})\s+(?:${MONTH_WORD})`)

/** `endOnly`: the text is printed as the end ("กำหนดแล้วเสร็จ", an end column without a start's): one date in it is a deadline. */
export function parsePeriod(text: string, { endOnly = false } = {}): Omit<Period, 'prov'> & { repairs: Repair[] } {
  const repairs: Repair[] = []
  const inferred: Period['inferred'] = []
  if (RUN_TOGETHER.test(text)) {
    repairs.push({ kind: 'unreadable', detail: 'two dates printed run together (a start and an end column read as one): the period is left unread' })
    return { from: null, to: null, text, inferred, repairs }
  }
  const quarters = quartersOfYears(text, endOnly)
  if (quarters) return { ...quarters, repairs: [...repairs, ...quarters.repairs] }
  const cleaned = withoutConnectives(text)
  const dates = parseDates(cleaned)
  const fiscal = FISCAL_YEAR_NAMED.exec(text)
  if (dates.length < 2 && fiscal) return fiscalPart(text, fiscal, repairs)
  const [start] = dates
  if (dates.length === 1 && start && (endOnly || DEADLINE_BEFORE.test(cleaned.slice(0, start.start)))) return deadline(start, text, repairs)
  let end = dates[1]
  if (start && !end) {
    const guessed = unreadableFiscalYearEnd(text, start)
    if (guessed) {
      end = guessed
      inferred.push('to.month')
      repairs.push({ kind: 'month-inferred', detail: `end month unreadable ("${guessed.raw}"); September inferred: the period starts in October and ends the next year, as a fiscal year does` })
    }
  }
  if (!start || !end) return { from: null, to: null, text, inferred, repairs }
  if (start.year === undefined && end.year !== undefined) {
    start.year = start.month > end.month ? end.year - 1 : end.year
    inferred.push('from.year')
    repairs.push({ kind: 'year-inferred', detail: `start year not printed; ${start.year} inferred from the end date` })
  }
  if (end.year === undefined && start.year !== undefined) {
    end.year = end.month < start.month ? start.year + 1 : start.year
    inferred.push('to.year')
    repairs.push({ kind: 'year-inferred', detail: `end year not printed; ${end.year} inferred from the start date` })
  }
  if (start.year === undefined || end.year === undefined) return { from: null, to: null, text, inferred, repairs }
  if (start.day === undefined) repairs.push({ kind: 'day-inferred', detail: 'start day not printed or unreadable; the 1st assumed' })
  if (end.day === undefined) repairs.push({ kind: 'day-inferred', detail: 'end day not printed or unreadable; the last day of the month assumed' })
  const startDay = start.day ?? 1
  const endDay = end.day ?? lastDay(end.year, end.month)
  // A day its month does not have ("31 กุมภาพันธ์": a misread, or text of two cells run together) is no date.
  const impossible = [
    [startDay, start.year, start.month],
    [endDay, end.year, end.month],
  ].find(([day, year, month]) => day! > lastDay(year!, month!))
  if (impossible) {
    repairs.push({ kind: 'unreadable', detail: `day ${impossible[0]} is not a day of month ${impossible[2]}: the period is left unread` })
    return { from: null, to: null, text, inferred, repairs }
  }
  const from = iso(start.year, start.month, startDay)
  const to = iso(end.year, end.month, endDay)
  // A period that ends before it starts is a misreading, not a plan: never a confident wrong date.
  if (to < from) {
    repairs.push({ kind: 'unreadable', detail: `the end (${to}) is before the start (${from}): the period is left unread` })
    return { from: null, to: null, text, inferred, repairs }
  }
  return { from, to, text, inferred, repairs }
}

/**
 * A period printed as a fiscal year or a part of one: the whole year ("ตลอดปีงบประมาณ พ.ศ. 2569"), its quarters
 * ("ไตรมาส 2-3 ปีงบประมาณ 2569": Q1 is October to December of the year before) or halves. Anything else printed
 * beside the year narrows it in a way not read, so the period is left unread rather than read as the whole year.
 */
function fiscalPart(text: string, fiscal: RegExpExecArray, repairs: Repair[]): Omit<Period, 'prov'> & { repairs: Repair[] } {
  const fy = Number(fiscal[1])
  const rest = `${text.slice(0, fiscal.index)} ${text.slice(fiscal.index + fiscal[0].length)}`
  const part = fiscalQuarters(rest)
  const unread = part.rest.replace(WHOLE_YEAR_WORDS, ' ').replace(/[\s()[\]:：,;/.\-–—]+/g, '')
  if (unread || part.quarters === null) {
    const why = part.quarters === null ? 'its quarters do not run in order' : `"${unread}" is printed beside it and not read`
    repairs.push({ kind: 'unreadable', detail: `a period in fiscal year ${fy}, but ${why}: the period is left unread, not read as the whole year` })
    return { from: null, to: null, text, inferred: [], repairs }
  }
  const [first, last] = part.quarters ?? [1, 4]
  // Q1 is October to December of the year before the fiscal year's.
  const start = { year: first === 1 ? fy - 1 : fy, month: ((first + 2) % 4) * 3 + 1 }
  const end = { year: last === 1 ? fy - 1 : fy, month: ((last + 2) % 4) * 3 + 3 }
  const from = iso(start.year, start.month, 1)
  const to = iso(end.year, end.month, lastDay(end.year, end.month))
  repairs.push(
    part.quarters
      ? { kind: 'fiscal-quarter-period', detail: `"${part.printed}" of fiscal year ${fy} read as ${from} - ${to}` }
      : { kind: 'fiscal-year-period', detail: `"ปีงบประมาณ ${fy}" read as 1 October ${fy - 1} - 30 September ${fy} (BE)` },
  )
  return { from, to, text, inferred: [], repairs }
}

/**
 * A period printed as quarters each with its fiscal year ("ไตรมาส 1/2569 - ไตรมาส 1/2570", "ไตรมาส 3/2569"): from
 * the first quarter's first day to the last's last (Q1 is October to December of the year before); one quarter
 * printed as the end is a deadline. Undefined when anything else is printed beside them.
 */
function quartersOfYears(text: string, endOnly: boolean): (Omit<Period, 'prov'> & { repairs: Repair[] }) | undefined {
  const found = [...text.matchAll(QUARTER_OF_YEAR)]
  if (found.length === 0 || found.length > 2 || text.replace(QUARTER_OF_YEAR, ' ').replace(/[\s\-–—]+|ถึง/g, '') !== '') return undefined
  const [first, last] = [found[0]!, found.at(-1)!].map((m) => ({ quarter: Number(m[1]), fy: Number(m[2]) }))
  const start = { year: first!.quarter === 1 ? first!.fy - 1 : first!.fy, month: ((first!.quarter + 2) % 4) * 3 + 1 }
  const end = { year: last!.quarter === 1 ? last!.fy - 1 : last!.fy, month: ((last!.quarter + 2) % 4) * 3 + 3 }
  const from = found.length === 1 && endOnly ? null : iso(start.year, start.month, 1)
  const to = iso(end.year, end.month, lastDay(end.year, end.month))
  if (from !== null && to < from) {
    return { from: null, to: null, text, inferred: [], repairs: [{ kind: 'unreadable', detail: `the last quarter ends before the first begins: the period is left unread` }] }
  }
  return { from, to, text, inferred: [], repairs: [{ kind: 'fiscal-quarter-period', detail: `"${text.trim()}" read as ${from ?? '(no start)'} - ${to}` }] }
}

/**
 * The quarters (first and last, 1-4) a period names and the text without them; undefined quarters when it names
 * none, null when they run backwards or skip ("ไตรมาส 3-1", "ไตรมาส 1 และ 3"). A half is two quarters.
 */
function fiscalQuarters(text: string): { quarters: readonly [number, number] | undefined | null; rest: string; printed?: string } {
  const half = FISCAL_HALF.exec(text)
  if (half) return { quarters: half[1] ? [1, 2] : [3, 4], rest: text.replace(half[0], ' '), printed: half[0] }
  const q = FISCAL_QUARTERS.exec(text)
  if (!q) return { quarters: undefined, rest: text }
  const first = Number(q[1] ?? q[3])
  const last = Number(q[2] ?? q[4] ?? first)
  const and = /และ/.test(q[0])
  const ordered = last >= first && (!and || last - first === 1)
  return { quarters: ordered ? [first, last] : null, rest: text.replace(q[0], ' '), printed: q[0] }
}

/**
 * A deadline ("ภายในเดือนมีนาคม 2569"): the period's end only, the month's last day when no day is
 * printed; no start (none is printed, and none is guessed). Without a year it is left unread.
 */
function deadline(date: DatePart, text: string, repairs: Repair[]): Omit<Period, 'prov'> & { repairs: Repair[] } {
  if (date.year === undefined) return { from: null, to: null, text, inferred: [], repairs }
  if (date.day === undefined) repairs.push({ kind: 'day-inferred', detail: 'a deadline without a day: the last day of the month assumed' })
  const monthEnd = lastDay(date.year, date.month)
  const day = date.day ?? monthEnd
  if (day > monthEnd) {
    repairs.push({ kind: 'unreadable', detail: `day ${day} is not a day of month ${date.month}: the deadline is left unread` })
    return { from: null, to: null, text, inferred: [], repairs }
  }
  return { from: null, to: iso(date.year, date.month, day), text, inferred: [], repairs }
}

/** "ตั้งแต่เดือนตุลาคม 2568 ถึงเดือนกันยายน 2569" -> "ตุลาคม 2568 - กันยายน 2569": the words around the dates go. */
const withoutConnectives = (text: string) => text.replace(/ตั้ง\s*แต่|เดือน|วันที่/g, ' ').replace(/\s*ถึง\s*/g, ' - ')

/**
 * The end of a period whose month OCR could not read ("ต.ค. ๖๘ - N.Y. ๖๙", ก.ย. read as Latin):
 * when the start is October and the end is in the next year, the period is a fiscal year and the
 * end month is September. Anything else stays unread.
 */
function unreadableFiscalYearEnd(text: string, start: DatePart): (DatePart & { raw: string }) | undefined {
  if (start.month !== 10) return undefined
  const m = /^\s*[-–—]\s*(?:(\d{1,2})\s+)?(\S{1,12}?)\s*(\d{4}|\d{2})(?!\d)/.exec(text.slice(start.end))
  if (!m) return undefined
  const year = beYear(m[3]!)
  const startYear = start.year ?? year - 1
  if (year !== startYear + 1 || parseMonth(m[2]!) !== undefined) return undefined
  return { ...(m[1] && { day: Number(m[1]) }), month: 9, year, start: start.end, end: start.end + m[0].length, raw: m[2]! }
}

/** A month and its year (BE), as a chart's column gives it. */
export interface ChartMonth {
  readonly month: number
  readonly year: number
}

/** The first month's first day to the last month's last day: the period a chart's ticks give. */
export function monthsPeriod(first: ChartMonth, last: ChartMonth): { from: string; to: string } {
  return { from: iso(first.year, first.month, 1), to: iso(last.year, last.month, lastDay(last.year, last.month)) }
}

