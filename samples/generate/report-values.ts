/**
 * The values of a report without their provenance, shared by tests, benchmarks and the layout
 * generator's truth (scripts must not import test/helpers.ts): what must come out the same
 * whichever way the report was read (transcript, PDF text layer, OCR).
 */
import type { Report } from '../../src/report/schema.js'

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

export type ReportValues = ReturnType<typeof reportValues>
