/**
 * Scoring a conversion against the truth, field by field: each expected value is `exact`,
 * `missing` (absent, null, an empty list or no responsible unit where something was expected) or
 * `wrong` (a value, but another one);
 * values the truth does not have (a measure for an item with none) are `extra`. Findings are
 * compared as a multiset of [severity, rule, subject].
 */
import type { ReportValues } from '../report-values.js'

export type FieldState = 'exact' | 'missing' | 'wrong'

export interface FieldResult {
  /** e.g. `indicators.4.scores.detail`, `items.i10`, `measures.e9.period`. */
  readonly path: string
  readonly state: FieldState
  readonly expected: unknown
  readonly actual: unknown
}

export interface FindingsResult {
  /** Same multiset of [severity, rule, subject] as the truth. */
  readonly equal: boolean
  readonly matched: number
  readonly expected: number
  readonly actual: number
  /** matched / actual; 1 when nothing was reported. */
  readonly precision: number
  /** matched / expected; 1 when nothing was expected. */
  readonly recall: number
  readonly missed: readonly string[]
  readonly spurious: readonly string[]
}

export interface Score {
  readonly fields: readonly FieldResult[]
  readonly extra: readonly { readonly path: string; readonly actual: unknown }[]
  readonly counts: Record<FieldState, number> & { readonly total: number; readonly extra: number }
  readonly findings: FindingsResult
}

/** Compares a conversion's values (null when it failed) with the truth. */
export function scoreValues(expected: ReportValues, actual: ReportValues | null): Score {
  const want = flattenValues(expected)
  const got = actual ? flattenValues(actual) : new Map<string, unknown>()
  const fields: FieldResult[] = [...want].map(([path, value]) => {
    const a = got.has(path) ? got.get(path) : undefined
    const state: FieldState = same(a ?? null, value) ? 'exact' : absent(path, a) ? 'missing' : 'wrong'
    return { path, state, expected: value, actual: a ?? null }
  })
  const extra = [...got].filter(([path, value]) => !want.has(path) && value !== null).map(([path, value]) => ({ path, actual: value }))
  const count = (s: FieldState) => fields.filter((f) => f.state === s).length
  return {
    fields,
    extra,
    counts: { exact: count('exact'), missing: count('missing'), wrong: count('wrong'), total: fields.length, extra: extra.length },
    findings: scoreFindings(expected.findings, actual?.findings ?? []),
  }
}

/**
 * The values as path -> value. Indicators are keyed by number, items and measures by item code,
 * so a value found in the wrong place is missing there (and extra where it was put).
 */
export function flattenValues(v: ReportValues): Map<string, unknown> {
  const out = new Map<string, unknown>()
  const put = (path: string, value: unknown) => out.set(path, value === undefined ? null : value)
  put('organization.name', v.organization.name)
  put('organization.district', v.organization.district)
  put('organization.province', v.organization.province)
  put('fiscalYear', v.fiscalYear)
  put('totalScore', v.totalScore)
  put('level', v.level)
  put('previous.fiscalYear', v.previous?.fiscalYear)
  put('previous.totalScore', v.previous?.totalScore)
  put('previous.difference', v.previous?.difference)
  for (const [tool, score] of v.tools) put(`tools.${String(tool)}`, score)
  for (const ind of v.indicators) {
    ;(['summary', 'detail', 'analysis'] as const).forEach((section, i) => put(`indicators.${ind.number}.scores.${section}`, ind.scores[i]))
    for (const [code, score] of ind.items) put(`items.${String(code)}`, score)
    for (const m of ind.measures) {
      const key = `measures.${m.item ?? `unidentified-in-${ind.number}`}`
      put(`${key}.indicator`, ind.number)
      put(`${key}.itemScore`, m.itemScore)
      put(`${key}.printedIndicator`, m.printedIndicator)
      put(`${key}.period`, m.period)
      put(`${key}.steps`, m.steps)
      put(`${key}.actions`, m.actions)
      put(`${key}.responsible`, m.responsible)
    }
  }
  return out
}

export function scoreFindings(expected: ReportValues['findings'], actual: ReportValues['findings']): FindingsResult {
  const key = (f: ReportValues['findings'][number]) => f.map((x) => String(x)).join(' ')
  const left = actual.map(key)
  const missed: string[] = []
  let matched = 0
  for (const k of expected.map(key)) {
    const at = left.indexOf(k)
    if (at >= 0) {
      left.splice(at, 1)
      matched++
    } else missed.push(k)
  }
  return {
    equal: missed.length === 0 && left.length === 0,
    matched,
    expected: expected.length,
    actual: actual.length,
    precision: actual.length === 0 ? 1 : matched / actual.length,
    recall: expected.length === 0 ? 1 : matched / expected.length,
    missed,
    spurious: left,
  }
}

/** Nothing read: no value, an empty list, or no responsible unit. */
function absent(path: string, v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (path.endsWith('.responsible') && v === 0)
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
