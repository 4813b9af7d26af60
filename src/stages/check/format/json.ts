/** `--format json`: machine-readable results, one entry per input file. */
import { counts, type CheckResult } from './result.js'

export function formatJson(results: readonly CheckResult[]): string {
  const total = { files: results.length, unreadable: 0, error: 0, warning: 0, info: 0 }
  const files = results.map((r) => {
    const c = counts(r.findings)
    total.error += c.error
    total.warning += c.warning
    total.info += c.info
    if (r.error) total.unreadable++
    return {
      file: r.file,
      ok: !r.error && c.error === 0,
      ...(r.report?.fiscalYear?.value ? { fiscalYear: r.report.fiscalYear.value } : {}),
      ...(r.report?.organization.name ? { organization: r.report.organization.name.value } : {}),
      counts: c,
      findings: r.findings,
      ...(r.error ? { error: r.error } : {}),
    }
  })
  return `${JSON.stringify({ schemaVersion: 1, summary: total, files }, null, 2)}\n`
}
