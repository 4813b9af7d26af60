import { join } from 'node:path'
import { packageRoot } from '../src/_internal/package-root.js'
import type { Report } from '../src/report/schema.js'

export const repoPath = (...parts: string[]) => join(packageRoot(), ...parts)
export const seedTranscript = repoPath('samples', 'bankum', 'transcript.txt')

/** A report with the parts that depend on where and by which version it ran made stable. */
export function stableReport(report: Report): Report {
  return {
    ...report,
    source: { ...report.source, file: report.source.file.split(/[\\/]/).at(-1)!, version: '<version>' },
  }
}

export const value = (v: { value: unknown } | null | undefined) => (v == null ? undefined : v.value)
