/**
 * The report's numbers as tables: indicators x sections with every value a finding cites
 * highlighted (and linked to it), tool and total scores beside the values computed from the
 * summary table, the items, and the measures.
 */
import type { Catalogue } from '../../../catalogue/catalogue.js'
import type { Finding, Indicator, Measure, NumberValue, Report } from '../../../report/schema.js'
import { label, SECTION_EN, SECTION_TH } from '../../check/labels.js'
import { fmtComputed } from '../../check/rule.js'
import { formula, itemsMean, summaryScores, toolMeans, weightedTotal } from '../../check/scoring.js'
import { showValue } from '../../check/format/result.js'
import { placeKey } from './evidence.js'
import { findingAnchor } from './render-findings.js'
import { bi, html, type Html } from './html.js'

/** Finding numbers (1-based) disputing each printed place, from error and warning findings. */
export type Citations = ReadonlyMap<string, readonly number[]>

/**
 * Values a finding cites as the ground it stands on, not as the value in dispute: the indicator
 * scores a tool mean is computed from, the items of an indicator, the report's own year.
 */
function isContext(valueLabel: string): boolean {
  return /^indicator \d+ \(\w+\)$/.test(valueLabel) || /^item [ieo]\d+$/.test(valueLabel) || valueLabel === label.fiscalYear()
}

export function citations(findings: readonly Finding[]): Citations {
  const map = new Map<string, number[]>()
  findings.forEach((f, i) => {
    if (f.severity === 'info') return
    for (const v of f.values) {
      if (!v.prov || isContext(v.label)) continue
      const key = placeKey(v.prov)
      map.set(key, [...(map.get(key) ?? []), i + 1])
    }
  })
  return map
}

/** A cell for a printed number: highlighted and linked when a finding cites it, marked when unreadable. */
function numberCell(v: NumberValue | null | undefined, cited: Citations, label = ''): Html {
  if (!v) return html`<td class="num missing">—</td>`
  const refs = cited.get(placeKey(v.prov)) ?? []
  const text = showValue(v.value, label)
  const where = `${SECTION_EN[v.prov.section]}, page ${v.prov.page}${v.prov.line !== undefined ? `, line ${v.prov.line}` : ''}`
  if (v.value === null || v.uncertain) {
    return html`<td class="num doubt" title="${where}">${v.value === null ? bi({ th: 'อ่านไม่ได้', en: 'unreadable' }) : html`${text}?`}</td>`
  }
  if (refs.length === 0) return html`<td class="num" title="${where}">${text}</td>`
  return html`<td class="num conflict" title="${where}">${text} ${refs.map((n) => html`<a href="#${findingAnchor(n)}">[${n}]</a>`)}</td>`
}

export function renderScoreTable(report: Report, catalogue: Catalogue, cited: Citations): Html {
  const numbers = [...new Set([...catalogue.indicators.map((i) => i.number), ...report.indicators.map((i) => i.number)])].sort((a, b) => a - b)
  const rows = numbers.map((n) => {
    const indicator = report.indicators.find((i) => i.number === n)
    const name = indicator?.name?.value ?? catalogue.indicators.find((i) => i.number === n)?.name ?? ''
    const tool = indicator?.tool ?? catalogue.indicators.find((i) => i.number === n)?.tool ?? ''
    if (!indicator) return html`<tr><td>${n}</td><td>${name}</td><td>${tool}</td><td class="num missing" colspan="5">${bi({ th: 'ไม่พบตัวชี้วัดนี้ในรายงาน', en: 'not found in the report' })}</td></tr>`
    const mean = itemsMean(catalogue, indicator)
    return html`<tr><td>${n}</td><td>${name}</td><td>${tool}</td>${numberCell(indicator.scores.summary, cited)}${numberCell(indicator.scores.detail, cited)}${numberCell(indicator.scores.analysis, cited)}<td class="num computed">${mean === undefined ? '—' : mean.toFixed(2)}</td><td>${measuresCell(indicator, cited)}</td></tr>`
  })
  const head = [
    { th: 'ที่', en: 'No.' },
    { th: 'ตัวชี้วัด', en: 'Indicator' },
    { th: 'เครื่องมือ', en: 'Tool' },
    { th: SECTION_TH.summary, en: SECTION_EN.summary },
    { th: SECTION_TH.detail, en: SECTION_EN.detail },
    { th: SECTION_TH.analysis, en: SECTION_EN.analysis },
    { th: 'ค่าเฉลี่ยประเด็น (คำนวณ)', en: 'mean of items (computed)' },
    { th: `${SECTION_TH.measures}: ประเด็นและคะแนน`, en: `${SECTION_EN.measures}: items and scores` },
  ]
  return html`<section class="scores"><h2>${bi({ th: 'คะแนนรายตัวชี้วัดในแต่ละส่วนของรายงาน', en: 'Indicator scores in each section' })}</h2>
<p class="note">${bi({ th: 'ช่องสีแดงคือค่าที่ขัดแย้งกับส่วนอื่น ตัวเลขในวงเล็บคือลำดับสิ่งที่พบ', en: 'Red cells are values that contradict another part of the report; the numbers in brackets link to the findings.' })}</p>
<table class="score-table"><thead><tr>${head.map((h) => html`<th>${bi(h)}</th>`)}</tr></thead><tbody>${rows}</tbody></table></section>`
}

function measuresCell(indicator: Indicator, cited: Citations): Html {
  if (indicator.measures.length === 0) return html`—`
  return html`${indicator.measures.map(
    (m) => html`<div>${m.item ?? '?'}${m.printedIndicator && m.printedIndicator.value !== indicator.number ? bi({ th: ` (หัวตาราง: ตัวชี้วัดที่ ${showValue(m.printedIndicator.value, 'indicator number')})`, en: ` (headed indicator ${showValue(m.printedIndicator.value, 'indicator number')})` }) : ''}: ${inlineNumber(m.itemScore, cited)}</div>`,
  )}`
}

function inlineNumber(v: NumberValue | null, cited: Citations, valueLabel = ''): Html {
  if (!v) return html`—`
  if (v.value === null) return html`<span class="doubt">${bi({ th: 'อ่านไม่ได้', en: 'unreadable' })}</span>`
  return disputed(showValue(v.value, valueLabel), cited.get(placeKey(v.prov)) ?? [])
}

/** Text in red with links to the findings disputing it, or plain. */
function disputed(text: string, refs: readonly number[]): Html {
  return refs.length === 0 ? html`${text}` : html`<b class="conflict">${text}</b> ${refs.map((n) => html`<a href="#${findingAnchor(n)}">[${n}]</a>`)}`
}

export function renderToolsAndTotal(report: Report, catalogue: Catalogue, cited: Citations): Html {
  const means = toolMeans(catalogue, summaryScores(report))
  const rows = catalogue.tools.map(({ tool, weight, indicators }) => {
    const printed = report.tools.find((t) => t.tool === tool)?.score
    const mean = means?.get(tool)
    return html`<tr><td>${tool}</td><td class="num">${weight}</td><td>${indicators.join(', ')}</td>${numberCell(printed, cited)}<td class="num computed">${mean === undefined ? '—' : fmtComputed(mean)}</td></tr>`
  })
  const total = weightedTotal(catalogue, means)
  const totalRow = html`<tr><th colspan="3">${bi({ th: `คะแนนรวม (${formula(catalogue)})`, en: `Total (${formula(catalogue)})` })}</th>${numberCell(report.totalScore, cited)}<td class="num computed">${total === undefined ? '—' : fmtComputed(total)}</td></tr>`
  const previous = report.previous
  return html`<section class="tools"><h2>${bi({ th: 'คะแนนรายเครื่องมือและคะแนนรวม', en: 'Tool scores and the total' })}</h2>
<table><thead><tr><th>${bi({ th: 'เครื่องมือ', en: 'Tool' })}</th><th class="num">${bi({ th: 'น้ำหนัก', en: 'Weight' })}</th><th>${bi({ th: 'ตัวชี้วัด', en: 'Indicators' })}</th><th class="num">${bi({ th: 'ที่พิมพ์', en: 'Printed' })}</th><th class="num">${bi({ th: 'คำนวณจากตารางสรุปผล', en: 'Computed from the summary table' })}</th></tr></thead>
<tbody>${rows}${totalRow}</tbody></table>
<table><tbody>
<tr><th>${bi({ th: 'ระดับผลการประเมินที่พิมพ์', en: 'Printed level' })}</th><td>${report.level?.value ?? '—'}</td><th>${bi({ th: 'ระดับของปีนี้ (คะแนนรวมขั้นต่ำ)', en: "This year's levels (minimum total)" })}</th><td>${levelScale(catalogue)}</td></tr>
${previous ? html`<tr><th>${bi({ th: 'ปีที่ผ่านมาตามที่พิมพ์', en: 'Previous year as printed' })}</th>${numberCell(previous.fiscalYear, cited, 'year')}<th>${bi({ th: 'คะแนนปีที่ผ่านมา / ผลต่างที่พิมพ์', en: 'Previous total / printed difference' })}</th><td class="num">${showValue(previous.totalScore?.value ?? null)} / ${showValue(previous.difference?.value ?? null)}</td></tr>` : ''}
</tbody></table></section>`
}

export function renderItems(report: Report, cited: Citations): Html {
  const rows = report.indicators.flatMap((indicator) => [
    html`<tr><th colspan="4">${bi({ th: `ตัวชี้วัดที่ ${indicator.number}`, en: `Indicator ${indicator.number}` })} ${indicator.name?.value ?? ''}</th></tr>`,
    ...indicator.items.map((item) => html`<tr><td>${item.code}</td><td>${item.printedCode?.value ?? ''}</td><td>${item.title?.value ?? ''}</td>${numberCell(item.score, cited)}</tr>`),
  ])
  return html`<section class="items"><h2>${bi({ th: 'ประเด็นการประเมิน', en: 'Items' })}</h2>
<table><thead><tr><th>${bi({ th: 'รหัส', en: 'Code' })}</th><th>${bi({ th: 'รหัสที่พิมพ์', en: 'Printed code' })}</th><th>${bi({ th: 'ประเด็น', en: 'Item' })}</th><th class="num">${bi({ th: 'คะแนน', en: 'Score' })}</th></tr></thead><tbody>${rows}</tbody></table></section>`
}

export function renderMeasures(report: Report, cited: Citations): Html {
  const measures = report.indicators.flatMap((indicator) => indicator.measures.map((m) => renderMeasure(indicator, m, cited)))
  return html`<section class="measures"><h2>${bi({ th: `มาตรการ (${measures.length})`, en: `Measures (${measures.length})` })}</h2>${measures.length > 0 ? measures : html`<p>—</p>`}</section>`
}

function renderMeasure(indicator: Indicator, m: Measure, cited: Citations): Html {
  const period = m.period
  const periodText = period ? `${period.text}${period.from || period.to ? ` (${period.from ?? '?'} – ${period.to ?? '?'})` : ''}` : '—'
  const periodRefs = period ? (cited.get(placeKey(period.prov)) ?? []) : []
  const list = (entries: Measure['actions']) =>
    entries.length === 0 ? html`—` : html`<ul class="plain">${entries.map((e) => html`<li>${e.number === null ? '' : `${e.number}. `}${e.text}</li>`)}</ul>`
  return html`<div class="measure"><h3>${bi({ th: `ตัวชี้วัดที่ ${indicator.number}`, en: `Indicator ${indicator.number}` })} · ${m.item ?? '?'} ${m.itemTitle?.value ?? ''}</h3>
<dl>
<dt>${bi({ th: 'คะแนนประเด็น', en: 'Item score' })}</dt><dd>${inlineNumber(m.itemScore, cited)}</dd>
<dt>${bi({ th: 'เลขตัวชี้วัดที่หัวตาราง', en: 'Indicator printed on the table' })}</dt><dd>${inlineNumber(m.printedIndicator, cited, 'indicator number')}</dd>
<dt>${bi({ th: 'มาตรการ/โครงการ/กิจกรรม', en: 'Measures / projects' })}</dt><dd>${list(m.actions)}</dd>
<dt>${bi({ th: 'ขั้นตอน/วิธีการ', en: 'Steps' })}</dt><dd>${list(m.steps)}</dd>
<dt>${bi({ th: 'ระยะเวลาดำเนินการ', en: 'Period' })}</dt><dd>${disputed(periodText, periodRefs)}</dd>
<dt>${bi({ th: 'ผู้รับผิดชอบ', en: 'Responsible' })}</dt><dd>${m.responsible.length > 0 ? m.responsible.map((r) => r.value).join(' / ') : (m.responsibleText?.value ?? '—')}</dd>
</dl></div>`
}

export function renderGaps(report: Report): Html {
  if (report.gaps.length === 0) return html``
  return html`<section class="gaps"><h2>${bi({ th: `ส่วนที่หาไม่พบหรืออ่านไม่ได้ (${report.gaps.length})`, en: `Not found or not readable (${report.gaps.length})` })}</h2>
<ul>${report.gaps.map((g) => html`<li><span class="rule">${g.code}</span> ${g.page !== undefined ? bi({ th: `หน้า ${g.page}: `, en: `page ${g.page}: ` }) : ''}${g.message}</li>`)}</ul></section>`
}

/** "ผ่านดีเยี่ยม ≥ 95 / ผ่าน ≥ 85 / ...", or a dash where the year's levels are not known. */
function levelScale(catalogue: Catalogue): string {
  if (!catalogue.levels) return '—'
  return catalogue.levels.scale.map((l) => (l.minTotal === undefined ? l.name : `${l.name} ≥ ${l.minTotal.toFixed(2)}`)).join(' / ')
}
