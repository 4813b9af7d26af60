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

/**
 * The values of a report without their provenance: what must come out the same whichever way the
 * report was read (transcript, PDF text layer, OCR).
 */
export function reportValues(report: Report) {
  const v = (x: { value: unknown } | null | undefined) => (x == null ? null : x.value)
  return {
    organization: { name: v(report.organization.name), district: v(report.organization.district), province: v(report.organization.province) },
    fiscalYear: v(report.fiscalYear),
    totalScore: v(report.totalScore),
    level: v(report.level),
    previous: report.previous && { fiscalYear: v(report.previous.fiscalYear), totalScore: v(report.previous.totalScore), difference: v(report.previous.difference) },
    tools: report.tools.map((t) => [t.tool, t.score.value]),
    indicators: report.indicators.map((i) => ({
      number: i.number,
      scores: [v(i.scores.summary), v(i.scores.detail), v(i.scores.analysis)],
      items: i.items.map((item) => [item.code, v(item.score)]),
      measures: i.measures.map((m) => ({
        item: m.item,
        itemScore: v(m.itemScore),
        printedIndicator: v(m.printedIndicator),
        period: m.period && [m.period.from, m.period.to, m.period.inferred],
        steps: m.steps.map((s) => s.number),
        actions: m.actions.map((s) => s.number),
        responsible: m.responsible.length,
      })),
    })),
    findings: report.findings.map((f) => [f.severity, f.rule, f.indicator ?? f.tool ?? f.item ?? null]),
  }
}

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
