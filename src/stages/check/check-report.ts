/**
 * The consistency checker: runs every rule known for the report's fiscal year over a validated
 * report and returns the findings, errors first. Pure: the report is not changed.
 */
import type { Catalogue } from '../../catalogue/catalogue.js'
import { catalogueOfReport } from '../../catalogue/choose.js'
import type { Finding, Report } from '../../report/schema.js'
import type { Rule, RuleContext } from './rule.js'
import { rules as allRules } from './rules/index.js'

export interface CheckOptions {
  /** The catalogue (scoring facts and items) to check against. @default the report's year's facts with the items `report.source.catalogue` names */
  readonly catalogue?: Catalogue
  /** Run only these rules. @default every rule the catalogue lists as known for its year */
  readonly rules?: readonly Rule[]
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 }

export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const catalogue = options.catalogue ?? catalogueOfReport(report)
  const known = catalogue.rules
  const rules = options.rules ?? allRules.filter((rule) => known === undefined || known.includes(rule.id))
  const ctx: RuleContext = { report, catalogue, tolerance: catalogue.tolerance }
  const order = new Map(allRules.map((rule, index) => [rule.id, index]))
  return rules
    .flatMap((rule) => rule.check(ctx))
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
        (order.get(a.finding.rule) ?? 99) - (order.get(b.finding.rule) ?? 99) ||
        (a.finding.indicator ?? 0) - (b.finding.indicator ?? 0) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding)
    .filter(firstOfEach())
}

/** Drops repeats (e.g. a measure the extractor read twice): one finding per rule, subject and message. */
function firstOfEach(): (finding: Finding) => boolean {
  const seen = new Set<string>()
  return (f) => {
    const key = JSON.stringify([f.rule, f.severity, f.indicator, f.tool, f.item, f.message.en])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  }
}

/** Counts of findings by severity. */
export function countFindings(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}
