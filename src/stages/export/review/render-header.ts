/** The top of a review: who and which year, the total, the verdict, and how the document was read. */
import type { Finding, NumberValue, Report } from '../../../report/schema.js'
import { countFindings } from '../../check/check-report.js'
import { showValue } from '../../check/format/result.js'
import { bi, html, type Html } from './html.js'

export interface Verdict {
  readonly kind: 'fix' | 'check' | 'ready'
  readonly headline: { readonly th: string; readonly en: string }
  readonly detail: { readonly th: string; readonly en: string }
}

/** What an officer should do with the report: fix N errors, check M doubtful points, or send it. */
export function verdictOf(findings: readonly Finding[], report: Report): Verdict {
  const { error, warning } = countFindings(findings)
  const gaps = report.gaps.length
  if (error > 0) {
    const more = warning > 0 ? { th: ` และควรตรวจสอบอีก ${warning} จุด`, en: `, and ${warning} more to check` } : { th: '', en: '' }
    return {
      kind: 'fix',
      headline: { th: `ต้องแก้ไข ${error} จุด`, en: `${error} to fix` },
      detail: { th: `ตัวเลขในรายงานขัดแย้งกัน ควรแก้ไขก่อนส่ง${more.th}`, en: `Numbers in the report contradict each other: fix them before submitting${more.en}.` },
    }
  }
  if (warning > 0) {
    return {
      kind: 'check',
      headline: { th: `ควรตรวจสอบ ${warning} จุด`, en: `${warning} to check` },
      detail: { th: 'ไม่พบข้อผิดพลาดที่ต้องแก้ไข แต่มีบางจุดที่ควรตรวจสอบก่อนส่ง', en: 'No errors were found, but some points should be checked before submitting.' },
    }
  }
  if (gaps > 0) {
    return {
      kind: 'check',
      headline: { th: 'ตรวจได้ไม่ครบ', en: 'Not fully checked' },
      detail: { th: `ไม่พบข้อขัดแย้ง แต่มี ${gaps} ส่วนที่หาไม่พบหรืออ่านไม่ได้ จึงตรวจส่วนนั้นไม่ได้`, en: `No contradictions were found, but ${gaps} part(s) could not be found or read, so they were not checked.` },
    }
  }
  return {
    kind: 'ready',
    headline: { th: 'พร้อมส่ง', en: 'Ready to submit' },
    detail: { th: 'ไม่พบตัวเลขที่ขัดแย้งกันในรายงาน', en: 'No contradictions were found in the report.' },
  }
}

export function renderHeader(report: Report, findings: readonly Finding[]): Html {
  const org = report.organization
  const place = [org.district?.value, org.province?.value].filter(Boolean).join(' ')
  const v = verdictOf(findings, report)
  const total = report.totalScore
  const facts = [
    { k: { th: 'ปีงบประมาณ', en: 'Fiscal year' }, v: report.fiscalYear?.value ? `พ.ศ. ${report.fiscalYear.value}` : '—' },
    { k: { th: 'คะแนนรวมที่พิมพ์', en: 'Printed total' }, v: total ? (total.value === null ? '?' : showValue(total.value)) : '—' },
    { k: { th: 'ระดับผลการประเมิน', en: 'Level' }, v: report.level?.value ?? '—' },
    { k: { th: 'ไฟล์', en: 'File' }, v: report.source.file.split(/[\\/]/).at(-1) ?? report.source.file },
  ]
  return html`<header>
<h1>${bi({ th: 'ผลการตรวจสอบรายงานการนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', en: 'Review of an ITA improvement report' })}</h1>
<div class="sub org">${org.name?.value ?? bi({ th: 'ไม่พบชื่อหน่วยงาน', en: 'organisation name not found' })}${place ? ` · ${place}` : ''}</div>
<div class="facts">${facts.map((f) => html`<div class="fact"><span class="k">${bi(f.k)}</span><span class="v">${f.v}</span></div>`)}</div>
<div class="verdict ${v.kind}" data-verdict="${v.kind}"><span class="big">${bi(v.headline)}</span><span class="detail">${bi(v.detail)}</span></div>
</header>`
}

const READ_BY = {
  transcript: { th: 'ไฟล์ถอดความ (ข้อความตามที่ถอดไว้)', en: 'transcript (text as transcribed)' },
  'pdf-text': { th: 'ข้อความในไฟล์ PDF', en: 'the PDF text layer' },
  ocr: { th: 'OCR จากภาพหน้าเอกสาร', en: 'OCR of the page image' },
  docx: { th: 'ไฟล์ Word (.docx)', en: 'the Word file (.docx)' },
  odt: { th: 'ไฟล์ Writer (.odt)', en: 'the Writer file (.odt)' },
} as const

/** Every printed number of the report (scores, years, indicator numbers), with where it was read. */
export function numberValues(report: Report): NumberValue[] {
  const out: NumberValue[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>
      if ('prov' in o && 'value' in o && (typeof o.value === 'number' || o.value === null)) out.push(o as unknown as NumberValue)
      for (const [k, x] of Object.entries(o)) if (k !== 'prov') walk(x)
    }
  }
  walk({ ...report, findings: [], source: undefined })
  return out
}

export function renderReading(report: Report): Html {
  const numbers = numberValues(report)
  const readBy = report.source.readBy
  const groups: { from: number; to: number; by: (typeof readBy)[number] }[] = []
  readBy.forEach((by, i) => {
    const last = groups.at(-1)
    if (last && last.by === by && last.to === i) last.to = i + 1
    else groups.push({ from: i + 1, to: i + 1, by })
  })
  const pages = groups.map((g) => {
    const range = g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`
    return html`<li>${bi({ th: `หน้า ${range}: ${READ_BY[g.by].th}`, en: `page${g.from === g.to ? '' : 's'} ${range}: ${READ_BY[g.by].en}` })}</li>`
  })
  const unreadable = numbers.filter((n) => n.value === null).length
  const uncertain = numbers.filter((n) => n.value !== null && n.uncertain).length
  const ocr = numbers.filter((n) => n.prov.source === 'ocr' && n.prov.confidence !== undefined)
  const lowest = ocr.length > 0 ? Math.min(...ocr.map((n) => n.prov.confidence!)) : undefined
  const sure = {
    th: `อ่านตัวเลขได้ ${numbers.length - unreadable} จาก ${numbers.length} ค่า · ไม่แน่ชัด ${uncertain} · อ่านไม่ได้ ${unreadable}${lowest === undefined ? '' : ` · ความมั่นใจ OCR ต่ำสุด ${Math.round(lowest * 100)}%`}`,
    en: `${numbers.length - unreadable} of ${numbers.length} numbers read · ${uncertain} uncertain · ${unreadable} unreadable${lowest === undefined ? '' : ` · lowest OCR confidence ${Math.round(lowest * 100)}%`}`,
  }
  const caution =
    unreadable + uncertain > 0
      ? { th: 'ค่าที่อ่านไม่ได้หรือไม่แน่ชัดไม่ได้นำมาตรวจสอบ โปรดดูจากภาพในหัวข้อสิ่งที่พบ', en: 'Unreadable or uncertain values were not checked; see their images under Findings.' }
      : undefined
  return html`<section class="reading"><h2>${bi({ th: 'วิธีอ่านเอกสาร', en: 'How the document was read' })}</h2>
<ul class="plain">${pages}</ul>
<p data-numbers="${numbers.length}" data-uncertain="${uncertain}" data-unreadable="${unreadable}">${bi(sure)}</p>
${caution ? html`<p class="note">${bi(caution)}</p>` : ''}
</section>`
}
