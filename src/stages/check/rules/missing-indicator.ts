/** `missing-indicator`: catalogue indicators (or whole sections) whose scores were not found. */
import type { Section } from '../../../report/schema.js'
import { SECTION_EN, SECTION_TH } from '../labels.js'
import { finding, type Rule } from '../rule.js'

const SECTIONS = ['summary', 'detail', 'analysis'] as const satisfies readonly Section[]

export const missingIndicator: Rule = {
  id: 'missing-indicator',
  severity: 'warning',
  title: {
    en: 'An indicator of the assessment was not found in the report.',
    th: 'ไม่พบตัวชี้วัดบางตัวในรายงาน',
  },
  check(ctx) {
    const { report, catalogue } = ctx
    if (report.indicators.length === 0) {
      return [
        finding(this, this.severity, {}, { en: 'No indicator scores were found in the report.', th: 'ไม่พบคะแนนตัวชี้วัดในรายงาน' }, []),
      ]
    }
    // A section with no indicator at all is reported once, not once per indicator.
    const presentSections = SECTIONS.filter((s) => report.indicators.some((i) => i.scores[s] !== null))
    const findings = SECTIONS.filter((s) => !presentSections.includes(s)).map((s) =>
      finding(
        this,
        this.severity,
        {},
        { en: `The ${SECTION_EN[s]} was not found: no indicator scores were read from it.`, th: `ไม่พบ${SECTION_TH[s]} (อ่านคะแนนตัวชี้วัดจากส่วนนี้ไม่ได้เลย)` },
        [],
      ),
    )
    for (const { number, name, tool } of catalogue.indicators) {
      const indicator = report.indicators.find((i) => i.number === number)
      const missingIn = indicator ? presentSections.filter((s) => indicator.scores[s] === null) : presentSections
      if (missingIn.length === 0) continue
      findings.push(
        finding(
          this,
          this.severity,
          { indicator: number, tool },
          !indicator
            ? { en: `Indicator ${number} (${name}) was not found in the report.`, th: `ไม่พบตัวชี้วัดที่ ${number} ${name} ในรายงาน` }
            : {
                en: `Indicator ${number} (${name}) has no score in the ${missingIn.map((s) => SECTION_EN[s]).join(', ')}.`,
                th: `ไม่พบคะแนนตัวชี้วัดที่ ${number} ${name} ใน${missingIn.map((s) => SECTION_TH[s]).join(', ')}`,
              },
          [],
        ),
      )
    }
    return findings
  },
}
