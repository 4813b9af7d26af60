/** The default `check` output: findings grouped by severity, values side by side, where to look. */
import type { Finding } from '../../../report/schema.js'
import { whereEn } from '../labels.js'
import { counts, SEVERITIES, shortRaw, showValue, type CheckResult } from './result.js'

export interface TerminalOptions {
  /** ANSI colours (only on a TTY). @default false */
  readonly colour?: boolean
  /** Also list info findings. @default true */
  readonly info?: boolean
}

const ANSI = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const
const HEADINGS: Record<Finding['severity'], string> = { error: 'ERRORS', warning: 'WARNINGS', info: 'INFO' }
const MARKS: Record<Finding['severity'], string> = { error: '✖', warning: '▲', info: 'ℹ' }
const COLOURS: Record<Finding['severity'], keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'cyan' }

export function formatTerminal(results: readonly CheckResult[], options: TerminalOptions = {}): string {
  const paint = (style: keyof typeof ANSI, text: string) => (options.colour ? `\x1b[${ANSI[style]}m${text}\x1b[0m` : text)
  const out: string[] = []
  for (const result of results) {
    if (out.length > 0) out.push('')
    if (result.error) {
      out.push(`${paint('bold', result.file)}: ${paint('red', 'could not be read')}: ${result.error.message}`)
      continue
    }
    const c = counts(result.findings)
    const org = result.report?.organization.name?.value
    const year = result.report?.fiscalYear?.value
    const about = [org, year ? `fiscal year ${year}` : undefined].filter(Boolean).join(', ')
    out.push(`${paint('bold', result.file)}${about ? ` (${about})` : ''}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`)
    for (const severity of SEVERITIES) {
      const group = result.findings.filter((f) => f.severity === severity)
      if (group.length === 0 || (severity === 'info' && options.info === false)) continue
      out.push('', paint(COLOURS[severity], `${HEADINGS[severity]} (${group.length})`))
      for (const f of group) out.push(...findingLines(f, paint))
    }
    if (result.findings.length === 0) out.push('  no contradictions found')
  }
  return `${out.join('\n')}\n`
}

function findingLines(f: Finding, paint: (style: keyof typeof ANSI, text: string) => string): string[] {
  const subject = [f.indicator !== undefined ? `indicator ${f.indicator}` : undefined, f.tool && f.indicator === undefined ? f.tool : undefined, f.item ? `item ${f.item}` : undefined]
    .filter(Boolean)
    .join(', ')
  const lines = [`  ${paint(COLOURS[f.severity], MARKS[f.severity])} ${paint('bold', f.rule)}${subject ? `  ${subject}` : ''}`, `    ${f.message.en}`]
  if (f.values.length > 0) {
    const rows = f.values.map((v) => [v.label, showValue(v.value, v.label), whereEn(v.prov), v.prov ? `"${shortRaw(v.prov.raw)}"` : ''] as const)
    const width = (i: 0 | 1 | 2) => Math.max(...rows.map((r) => r[i].length))
    for (const [name, value, where, raw] of rows) {
      lines.push(`      ${name.padEnd(width(0))}  ${value.padStart(width(1))}  ${paint('dim', where.padEnd(width(2)))}  ${raw}`.trimEnd())
    }
  }
  if (f.explanation) {
    f.explanation.en.split('\n').forEach((line, i) => lines.push(`    ${i === 0 ? paint('dim', '→') : ' '} ${line}`))
  }
  return lines
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
