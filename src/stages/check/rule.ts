/**
 * What a consistency rule is, and the small helpers every rule uses. A rule is a pure function
 * from the report (plus the fiscal year's scoring facts) to findings; it never changes the report.
 */
import type { Catalogue } from '../../catalogue/catalogue.js'
import type { Finding, NumberValue, Prov, Report, RuleId } from '../../report/schema.js'
import { thaiDigitsToAscii } from '../normalise/normalise-thai.js'

export type Severity = Finding['severity']
export type FindingValue = Finding['values'][number]
export type Bilingual = { en: string; th: string }

export interface RuleContext {
  readonly report: Report
  readonly catalogue: Catalogue
  /** Allowed difference between a printed number and one computed from other numbers. */
  readonly tolerance: number
}

export interface Rule {
  /** Stable, kebab-case; part of the public contract (`RuleIdSchema`). */
  readonly id: RuleId
  /** The severity of the rule's main finding; a rule may report a milder case at a lower one. */
  readonly severity: Severity
  /** One line saying what the rule checks. */
  readonly title: Bilingual
  check(ctx: RuleContext): Finding[]
}

/** A number that was read and is trusted enough to be evidence of a contradiction. */
export type ReadableNumber = NumberValue & { value: number }

export function isReadable(v: NumberValue | null | undefined): v is ReadableNumber {
  return v !== null && v !== undefined && v.value !== null && v.uncertain !== true
}

/**
 * Two printed numbers are the same number, compared at `decimals`, the fewer decimals of the two
 * as printed (`printedDecimals`). At two, printed-vs-printed comparisons are exact: a copy that
 * differs in the last digit is a real difference, not rounding. A copy printed to one decimal
 * ("91.3" in prose for 91.32 in the tables) is the same number when it is the other rounded.
 */
export function samePrinted(a: number, b: number, decimals = 2): boolean {
  return decimals >= 2 ? Math.abs(a - b) < 0.005 : Math.abs(a - b) <= 0.5 * 10 ** -decimals + 1e-9
}

/** A printed number agrees with one computed from other numbers, allowing rounding or truncation. */
export function withinTolerance(printed: number, computed: number, tolerance: number): boolean {
  return Math.abs(printed - computed) <= tolerance + 1e-9
}

/**
 * How many decimals a number was printed with, from its raw text ("91.3": 1, "๙๑.๓๒": 2, "89,41": 2).
 * Scores print two; when the raw text does not show one number with one or two decimals (a whole
 * line, a damaged reading), two are assumed, which keeps comparisons exact.
 */
export function printedDecimals(v: NumberValue): number {
  const numbers = [...thaiDigitsToAscii(v.prov.raw).matchAll(/(?<![\d.,])\d{1,3}[.,](\d{1,2})(?![\d.,]*\d)/g)]
  return numbers.length === 1 ? numbers[0]![1]!.length : 2
}

/** The fewer decimals of printed numbers: the precision they can be compared at. */
export const commonDecimals = (...values: NumberValue[]): number => Math.min(2, ...values.map(printedDecimals))

/**
 * What rounding to fewer than two decimals adds to a tolerance: half a unit of the last printed
 * decimal for each number so printed (a total of 90.9 for 90.87). Nothing for numbers with two.
 */
export function roundingSlack(...values: NumberValue[]): number {
  return values.reduce((sum, v) => {
    const decimals = printedDecimals(v)
    return decimals < 2 ? sum + 0.5 * 10 ** -decimals : sum
  }, 0)
}

/** Rounds half up to two decimals, immune to binary noise (82.665 -> 82.67). */
export function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100
}

/** A computed value kept readable in findings (93.024, not 93.02400000000001). */
export function tidy(x: number, decimals = 4): number {
  return Number(x.toFixed(decimals))
}

/** Two decimals, the way scores are printed. */
export function fmt(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : x.toFixed(2)
}

/** A printed number as it was printed: two decimals, or one when the report printed one (91.3, not 91.30). */
export const fmtPrinted = (v: NumberValue & { value: number }): string => v.value.toFixed(Math.min(2, printedDecimals(v)))

/** A computed number, printed with up to three decimals so rounding stays visible (90.426). */
export function fmtComputed(x: number): string {
  const thousandths = Math.round(x * 1000)
  return thousandths % 10 === 0 ? x.toFixed(2) : (thousandths / 1000).toFixed(3)
}

export function printedValue(label: string, v: NumberValue): FindingValue {
  return { label, value: v.value, prov: v.prov }
}

export function computedValue(label: string, x: number): FindingValue {
  return { label, value: tidy(x) }
}

export function textValue(label: string, value: string | number | null, prov?: Prov): FindingValue {
  return prov ? { label, value, prov } : { label, value }
}

/** Builds a finding with its subject fields set only when present (no `indicator: undefined`). */
export function finding(
  rule: Rule | RuleId,
  severity: Severity,
  subject: { indicator?: number | undefined; tool?: Finding['tool']; item?: string | undefined },
  message: Bilingual,
  values: FindingValue[],
  explanation?: Bilingual,
): Finding {
  return {
    rule: typeof rule === 'string' ? rule : rule.id,
    severity,
    ...(subject.indicator !== undefined ? { indicator: subject.indicator } : {}),
    ...(subject.tool !== undefined ? { tool: subject.tool } : {}),
    ...(subject.item !== undefined ? { item: subject.item } : {}),
    message,
    ...(explanation ? { explanation } : {}),
    values,
  }
}

/**
 * An info finding saying that a rule did not check something, and why (e.g. no item catalogue for
 * the report's year): a check that could not run is said, never passed silently.
 */
export function notChecked(
  rule: Rule,
  subject: { indicator?: number | undefined; tool?: Finding['tool']; item?: string | undefined },
  what: Bilingual,
  reason: Bilingual,
): Finding {
  return finding(rule, 'info', subject, { en: `Not checked: ${what.en}: ${reason.en}.`, th: `ไม่ได้ตรวจ: ${what.th} เนื่องจาก${reason.th}` }, [])
}
