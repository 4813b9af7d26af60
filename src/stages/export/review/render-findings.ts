/** The findings, most severe first: the rule in plain words, the values side by side, the evidence. */
import type { Finding, Prov } from '../../../report/schema.js'
import { thaiLabel, whereEn, whereTh } from '../../check/labels.js'
import { rules } from '../../check/rules/index.js'
import { showValue, shortRaw } from '../../check/format/result.js'
import type { CropEvidence, Evidence, EvidenceSet, LineEvidence } from './evidence.js'
import { placeKey } from './evidence.js'
import { bi, html, type Html } from './html.js'

export const SEVERITY_TEXT: Record<Finding['severity'], { th: string; en: string }> = {
  error: { th: 'ต้องแก้ไข', en: 'Error' },
  warning: { th: 'ควรตรวจสอบ', en: 'Warning' },
  info: { th: 'ข้อสังเกต', en: 'Note' },
}

/** The anchor of the n-th finding (1-based), linked from the score tables. */
export const findingAnchor = (n: number) => `finding-${n}`

export function renderFindings(findings: readonly Finding[], evidence: EvidenceSet): Html {
  const heading = html`<h2>${bi({ th: `สิ่งที่พบ (${findings.length})`, en: `Findings (${findings.length})` })}</h2>`
  const notes = evidence.notes.map((n) => html`<p class="note">${bi(n)}</p>`)
  if (findings.length === 0) return html`<section class="findings">${heading}${notes}<p>${bi({ th: 'ไม่พบตัวเลขที่ขัดแย้งกันในรายงาน', en: 'No contradictions were found.' })}</p></section>`
  return html`<section class="findings">${heading}${notes}${findings.map((f, i) => renderFinding(f, i + 1, evidence))}</section>`
}

function renderFinding(f: Finding, n: number, evidence: EvidenceSet): Html {
  const title = rules.find((r) => r.id === f.rule)?.title ?? { th: f.rule, en: f.rule }
  const subject = {
    th: [f.indicator !== undefined ? `ตัวชี้วัดที่ ${f.indicator}` : '', f.tool && f.indicator === undefined ? `เครื่องมือ ${f.tool}` : '', f.item ? `ประเด็น ${f.item}` : ''].filter(Boolean).join(' · '),
    en: [f.indicator !== undefined ? `indicator ${f.indicator}` : '', f.tool && f.indicator === undefined ? `tool ${f.tool}` : '', f.item ? `item ${f.item}` : ''].filter(Boolean).join(' · '),
  }
  const figures = f.values.flatMap((v) => {
    const found = v.prov ? evidence.byPlace.get(placeKey(v.prov)) : undefined
    return found && v.prov ? [renderEvidence(found, v.prov, v.label, v.value)] : []
  })
  return html`<div class="finding ${f.severity}" id="${findingAnchor(n)}" data-rule="${f.rule}" data-severity="${f.severity}">
<div class="head"><span class="sev ${f.severity}">${bi(SEVERITY_TEXT[f.severity])}</span><h3>${n}. ${subject.th ? bi({ th: `${subject.th}: `, en: `${subject.en}: ` }) : ''}${bi(title)}</h3><span class="rule">${f.rule}</span></div>
<p class="message">${bi(f.message)}</p>
${valuesTable(f)}
${f.explanation ? html`<div class="explanation">${bi({ th: paragraphs(f.explanation.th), en: paragraphs(f.explanation.en) })}</div>` : ''}
${figures.length > 0 ? html`<div class="evidence-list">${figures}</div>` : ''}
</div>`
}

function valuesTable(f: Finding): Html | '' {
  if (f.values.length === 0) return ''
  const rows = f.values.map(
    (v) => html`<tr data-printed="${String(v.prov !== undefined)}"><td>${bi({ th: thaiLabel(v.label), en: v.label })}</td><td class="num">${showValue(v.value, v.label)}</td><td>${bi({ th: whereTh(v.prov), en: whereEn(v.prov) })}</td><td>${v.prov ? shortRaw(v.prov.raw, 60) : ''}</td></tr>`,
  )
  return html`<table class="values"><thead><tr><th>${bi({ th: 'รายการ', en: 'Value' })}</th><th class="num">${bi({ th: 'ค่า', en: 'Read as' })}</th><th>${bi({ th: 'ตำแหน่งที่พิมพ์', en: 'Where printed' })}</th><th>${bi({ th: 'ข้อความที่อ่านได้', en: 'Raw text' })}</th></tr></thead><tbody>${rows}</tbody></table>`
}

function paragraphs(text: string): Html {
  return html`${text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => html`<p>${l}</p>`)}`
}

function renderEvidence(e: Evidence, prov: Prov, label: string, value: string | number | null): Html {
  return e.kind === 'crop' ? cropFigure(e, prov, label, value) : lineFigure(e, prov, label, value)
}

function caption(prov: Prov, label: string, value: string | number | null, extra: { th: string; en: string } | undefined): Html {
  const confidence = prov.source === 'ocr' && prov.confidence !== undefined ? ` · OCR ${Math.round(prov.confidence * 100)}%` : ''
  const page = { th: `หน้า ${prov.page}${prov.line !== undefined ? ` บรรทัด ${prov.line}` : ''}`, en: `page ${prov.page}${prov.line !== undefined ? `, line ${prov.line}` : ''}` }
  return html`<figcaption><b>${bi({ th: thaiLabel(label), en: label })}: ${showValue(value, label)}</b> · ${bi(page)} · ${bi({ th: 'อ่านได้ว่า', en: 'read as' })} “${shortRaw(prov.raw, 50)}”${confidence}${extra ? html`<br>${bi(extra)}` : ''}</figcaption>`
}

function cropFigure(e: CropEvidence, prov: Prov, label: string, value: string | number | null): Html {
  const { box } = e
  const cssHeight = Math.round((e.cssWidth * e.height) / e.width)
  const loose = e.fitted ? undefined : { th: 'กรอบแสดงทั้งช่องหรือบรรทัดที่อ่านค่านี้', en: 'the box is the whole cell or line the value was read from' }
  return html`<figure class="evidence crop" data-evidence="${e.id}" data-page="${e.page}" data-label="${label}" data-value="${value === null ? '' : String(value)}" data-raw="${prov.raw}" data-fitted="${String(e.fitted)}">
<svg viewBox="0 0 ${e.width} ${e.height}" width="${e.cssWidth}" height="${cssHeight}" role="img" aria-label="${`page ${e.page}: ${label}`}"><use href="#img-${e.id}"></use><rect class="box${e.fitted ? '' : ' loose'}" x="${box.x0}" y="${box.y0}" width="${box.x1 - box.x0}" height="${box.y1 - box.y0}"></rect></svg>
${caption(prov, label, value, loose)}
</figure>`
}

/** Characters of a long transcript line shown on each side of the value (an HTML table row can be one line). */
const LINE_CONTEXT = 160

function lineFigure(e: LineEvidence, prov: Prov, label: string, value: string | number | null): Html {
  // The transcript line gives no column: a value printed twice on its line (a score and the tool
  // score beside it) is marked at both places, and said so.
  const parts = prov.raw ? e.text.split(prov.raw) : [e.text]
  const clip = (s: string, keep: 'start' | 'end' | 'both') =>
    s.length <= 2 * LINE_CONTEXT ? s : keep === 'end' ? `…${s.slice(-LINE_CONTEXT)}` : keep === 'start' ? `${s.slice(0, LINE_CONTEXT)}…` : `${s.slice(0, LINE_CONTEXT)}…${s.slice(-LINE_CONTEXT)}`
  const text = parts.map((part, i) => html`${i > 0 ? html`<mark>${prov.raw}</mark>` : ''}${clip(part, i === 0 ? 'end' : i === parts.length - 1 ? 'start' : 'both')}`)
  const times = parts.length - 1
  const extra = times > 1 ? { th: `ค่านี้พิมพ์ ${times} ครั้งในบรรทัดนี้ จึงทำเครื่องหมายทุกตำแหน่ง`, en: `the value is printed ${times} times on this line; each is marked` } : undefined
  return html`<figure class="evidence line" data-line="${e.line}" data-label="${label}" data-value="${value === null ? '' : String(value)}" data-raw="${prov.raw}"><pre>${bi({ th: `บรรทัด ${e.line}: `, en: `line ${e.line}: ` })}${text}</pre>${caption(prov, label, value, extra)}</figure>`
}

/** The crops' images, each defined once (a value cited by several findings shares one). */
export function renderImageDefs(evidence: EvidenceSet): Html {
  const crops = [...evidence.byPlace.values()].filter((e): e is CropEvidence => e.kind === 'crop')
  if (crops.length === 0) return html``
  return html`<svg class="defs" aria-hidden="true" focusable="false"><defs>${crops.map((c) => html`<image id="img-${c.id}" width="${c.width}" height="${c.height}" href="${c.dataUri}"></image>`)}</defs></svg>`
}
