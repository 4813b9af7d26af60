import { join } from 'node:path'
import { packageRoot } from '../src/_internal/package-root.js'
import type { Report } from '../src/report/schema.js'

export { reportValues, type ReportValues } from '../samples/generate/report-values.js'

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

/** Every number value in a report, with a path for messages. */
export function numberValues(report: Report): { path: string; prov: Report['indicators'][number]['scores']['summary'] & object }[] {
  const out: { path: string; prov: any }[] = []
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${path}[${i}]`))
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>
      if ('value' in o && 'prov' in o && (typeof o.value === 'number' || o.value === null)) out.push({ path, prov: o })
      for (const [k, x] of Object.entries(o)) if (k !== 'prov') walk(x, `${path}.${k}`)
    }
  }
  walk({ ...report, findings: [] }, '$')
  return out
}
