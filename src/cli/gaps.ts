import { ExitCode } from '../errors.js'
import type { Report } from '../report/schema.js'

/**
 * How complete a converted report is, for the CLI: a report with a whole section missing is a
 * partial result (written, exit 8), and each gap is said in one plain line naming the file.
 * Warning gaps (e.g. no item catalogue for the report's year) are said too, without changing
 * the exit code.
 */
/** Gaps that make a result partial: whole sections, indicators or pages not read. */
const PARTIAL = new Set(['section-missing', 'indicator-missing', 'page-failed', 'page-needs-ocr'])

export function gapSummary(report: Report): { exitCode: ExitCode; lines: string[] } {
  const missing = report.gaps.filter((g) => PARTIAL.has(g.code))
  const lines = missing.map((g) => `${report.source.file}: partial result: ${g.page && !g.message.includes('page') ? `page ${g.page}: ` : ''}${g.message}`)
  for (const g of report.gaps) if (g.severity === 'warning' && !PARTIAL.has(g.code)) lines.push(`${report.source.file}: warning: ${g.message}`)
  return { exitCode: missing.length ? ExitCode.partialSuccess : ExitCode.ok, lines }
}
