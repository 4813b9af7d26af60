import type { Gap, Report } from '../report/schema.js'

/** Gaps that make a result partial: whole sections, indicators or pages not read. */
const PARTIAL: ReadonlySet<Gap['code']> = new Set(['section-missing', 'indicator-missing', 'page-failed', 'page-needs-ocr'])

/** Gaps about one page whose message starts by naming it ("page 3 was not read: ..."). */
const NAMES_ITS_PAGE: ReadonlySet<Gap['code']> = new Set(['page-failed', 'page-needs-ocr'])

/**
 * How complete a converted report is, for the CLI: a report with a whole section missing is a
 * partial result (written, exit 8), and each gap is said in one plain line naming the file.
 * Warning gaps (e.g. no item catalogue for the report's year) are said too, without making the
 * result partial.
 */
export function gapSummary(report: Report): { partial: boolean; lines: string[] } {
  const missing = report.gaps.filter((g) => PARTIAL.has(g.code))
  const lines = missing.map((g) => `${report.source.file}: partial result: ${g.page && !NAMES_ITS_PAGE.has(g.code) ? `page ${g.page}: ` : ''}${g.message}`)
  for (const g of report.gaps) if (g.severity === 'warning' && !PARTIAL.has(g.code)) lines.push(`${report.source.file}: warning: ${g.message}`)
  return { partial: missing.length > 0, lines }
}
