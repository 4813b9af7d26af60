/**
 * `--format markdown`: a report a Thai officer can read before submitting: Thai headings and
 * messages, the values side by side, and the page and line to open for each.
 */
import type { Finding } from '../../../report/schema.js'
import { thaiLabel, whereTh } from '../labels.js'
import { rules } from '../rules/index.js'
import { counts, SEVERITIES, shortRaw, showValue, type CheckResult } from './result.js'

const HEADINGS: Record<Finding['severity'], string> = {
  error: 'ข้อผิดพลาด (ต้องแก้ไขก่อนส่ง)',
  warning: 'คำเตือน (ควรตรวจสอบ)',
  info: 'ข้อสังเกต',
}

export function formatMarkdown(results: readonly CheckResult[]): string {
  return `${results.map(fileSection).join('\n---\n\n').trimEnd()}\n`
}

function fileSection(result: CheckResult): string {
  const out: string[] = [`# ผลการตรวจสอบความสอดคล้องของรายงาน ITA: \`${result.file}\``, '']
  if (result.error) {
    out.push(`**อ่านไฟล์ไม่ได้:** ${escape(result.error.message)}`, '')
    return out.join('\n')
  }
  const report = result.report
  const facts = [
    report?.organization.name ? `**หน่วยงาน:** ${escape(report.organization.name.value)}` : undefined,
    report?.fiscalYear?.value ? `**ปีงบประมาณ:** พ.ศ. ${report.fiscalYear.value}` : undefined,
    report?.totalScore?.value !== null && report?.totalScore?.value !== undefined ? `**คะแนนรวมที่พิมพ์:** ${showValue(report.totalScore.value)}` : undefined,
  ].filter(Boolean)
  if (facts.length > 0) out.push(facts.join(' · '), '')
  const c = counts(result.findings)
  out.push('| ระดับ | จำนวน |', '|---|---:|', ...SEVERITIES.map((s) => `| ${HEADINGS[s]} | ${c[s]} |`), '')
  if (result.findings.length === 0) {
    out.push('ไม่พบตัวเลขที่ขัดแย้งกันในรายงาน', '')
    return out.join('\n')
  }
  let n = 0
  for (const severity of SEVERITIES) {
    const group = result.findings.filter((f) => f.severity === severity)
    if (group.length === 0) continue
    out.push(`## ${HEADINGS[severity]}`, '')
    for (const f of group) out.push(...findingBlock(f, ++n))
  }
  return out.join('\n')
}

function findingBlock(f: Finding, n: number): string[] {
  const title = rules.find((r) => r.id === f.rule)?.title.th ?? f.rule
  const subject = [
    f.indicator !== undefined ? `ตัวชี้วัดที่ ${f.indicator}` : undefined,
    f.tool && f.indicator === undefined ? `เครื่องมือ ${f.tool}` : undefined,
    f.item ? `ประเด็น ${f.item}` : undefined,
  ].filter(Boolean)
  const out = [`### ${n}. ${subject.length > 0 ? `${subject.join(' · ')}: ` : ''}${escape(title)}`, '', `\`${f.rule}\` · ${escape(f.message.th)}`, '']
  if (f.values.length > 0) {
    out.push('| รายการ | ค่า | ตำแหน่งที่พิมพ์ (หน้า/บรรทัด) | ข้อความที่อ่านได้ |', '|---|---:|---|---|')
    for (const v of f.values) {
      out.push(`| ${escape(thaiLabel(v.label))} | ${escape(showValue(v.value, v.label))} | ${escape(whereTh(v.prov))} | ${v.prov ? escape(shortRaw(v.prov.raw, 60)) : ''} |`)
    }
    out.push('')
  }
  if (f.explanation) {
    const lines = f.explanation.th.split('\n').filter((l) => l.trim() !== '')
    if (lines.length === 1) out.push(`**คำอธิบาย:** ${escape(lines[0]!)}`, '')
    else out.push('**คำอธิบาย:**', '', ...lines.map((l) => `- ${escape(l)}`), '')
  }
  return out
}

/** Keeps table cells and inline text from breaking the markdown. */
function escape(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/([*_`<>])/g, '\\$1')
}
