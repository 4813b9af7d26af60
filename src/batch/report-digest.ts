/**
 * What a batch keeps of a report besides the report's file: its input's hash, the counts its
 * records and progress lines show. A queue's converter sends it with the report's JSON text, so
 * the worker writes the file without decoding the report (worker-protocol.ts).
 */
import type { Report } from '../report/schema.js'

export interface ReportDigest {
  /** SHA-256 of the bytes the report was read from. */
  readonly sha256: string
  readonly pages: number
  readonly findings: number
  /** Findings of severity `error`. */
  readonly errors: number
  /** Pages that could not be read (`page-failed` gaps). */
  readonly pagesFailed: number
}

export function digestOf(report: Report): ReportDigest {
  return {
    sha256: report.source.sha256,
    pages: report.source.pages,
    findings: report.findings.length,
    errors: report.findings.filter((f) => f.severity === 'error').length,
    pagesFailed: report.gaps.filter((g) => g.code === 'page-failed').length,
  }
}
