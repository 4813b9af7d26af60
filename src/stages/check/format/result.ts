/** What the formatters print: one entry per input file of `ita-extract check`. */
import type { Finding, Report } from '../../../report/schema.js'

export interface CheckResult {
  readonly file: string
  /** Present when the file was read. */
  readonly report?: Report
  readonly findings: readonly Finding[]
  /** Present when the file could not be read; `findings` is then empty. */
  readonly error?: { readonly code: string; readonly message: string }
}

export const SEVERITIES = ['error', 'warning', 'info'] as const

export function counts(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const c = { error: 0, warning: 0, info: 0 }
  for (const f of findings) c[f.severity]++
  return c
}

const INTEGER_LABELS = /year|indicator number|item's indicator/

/** A value for display: scores with two decimals (three when a computed value needs them), counts and years as integers. */
export function showValue(value: string | number | null, label = ''): string {
  if (value === null) return '—'
  if (typeof value === 'string') return value
  if (Number.isInteger(value) && INTEGER_LABELS.test(label)) return String(value)
  const three = Math.round(value * 1000)
  return three % 10 === 0 ? value.toFixed(2) : value.toFixed(3)
}

/** One-line raw text, shortened for display. */
export function shortRaw(raw: string, max = 40): string {
  const oneLine = raw.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}
