import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { readTranscript } from '../../../src/stages/ingest/read-transcript.js'
import { committedSeed, LAYOUTS_DIR } from './generate-layouts.js'
import { FONTS, renderHtml } from './render-html.js'
import { renderTranscript } from './render-transcript.js'
import { CONTRADICTION_ODDS, randomReportSpec } from './spec.js'
import type { TableBlock } from './blocks.js'
import { heldOutValues } from './options.js'
import { periodText, renderTemplate, templateProblems, templateSpec, TEMPLATES, truthLayout, type Template } from './templates.js'
import { UNITS } from './phrases.js'
import { perfectReport, truthOf } from './truth.js'



/**
 * A batch's values tried one at a time on the seed template (train-01), so that nothing of a blind
 * template is printed here: the template with the values, the seed's report spec, and its rendering.
 */
function valueFixtures(set: string, seed: number) {
  const withChoices = (choices: Partial<Template['choices']>): Template => ({ ...TEMPLATES[0]!, name: `${set}-test`, split: 'held-out', choices: { ...TEMPLATES[0]!.choices, ...choices } })
  const spec = randomReportSpec(seed)
  const doc = (choices: Partial<Template['choices']>, s = spec) => renderTemplate(s, withChoices(choices))
  const tables = (choices: Partial<Template['choices']>, role: string, s = spec) => doc(choices, s).blocks.filter((b): b is TableBlock => b.kind === 'table' && b.role === role)
  const texts = (choices: Partial<Template['choices']>, s = spec) => doc(choices, s).blocks.flatMap((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : []))
  return { withChoices, spec, doc, tables, texts }
}

/**
 * Agencies placed under a body (v14, v15): the seed's scores under their own names and units, no district
 * or province printed, their name and parent body atop the report.
 */
function expectAgenciesOfTheirOwn(agencies: readonly Extract<keyof typeof UNITS, Template['choices']['agency']>[], withChoices: (c: Partial<Template['choices']>) => Template) {
  const spec = randomReportSpec(10)
  for (const agency of agencies) {
    const other = randomReportSpec(10, 2568, { agency })
    expect(other.organisation.kind).toBe(agency)
    expect([other.organisation.district, other.organisation.province]).toEqual([null, null])
    expect([other.total, other.tools, other.previous, other.contradictions]).toEqual([spec.total, spec.tools, spec.previous, spec.contradictions])
    for (const m of other.measures) expect(UNITS[agency]).toEqual(expect.arrayContaining([...m.responsible]))
    const head = renderTemplate(other, withChoices({ agency })).blocks.slice(0, 4).map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : ''))
    expect(head).toContain(other.organisation.name)
    expect(head).toContain(other.organisation.parent)
  }
}

/**
 * A batch of held-out templates written together (v7 ... v15): six templates in six fonts, at least 12 values
 * no other template uses and three or more of them in each; blind until its first figures are taken.
 */
function expectBatchOfItsOwn(set: string, o: { blind: true | undefined; agencies?: number }) {
  const batch = TEMPLATES.filter((t) => t.set === set)
  expect(batch.length).toBe(6)
  for (const t of batch) expect([t.split, t.blind], t.name).toEqual(['held-out', o.blind])
  const elsewhere = new Set(TEMPLATES.filter((t) => t.set !== set).flatMap((t) => heldOutValues(t.choices)))
  const own = [...new Set(batch.flatMap((t) => heldOutValues(t.choices)))].filter((v) => !elsewhere.has(v))
  expect(own.length).toBeGreaterThanOrEqual(12)
  for (const t of batch) expect(heldOutValues(t.choices).filter((v) => own.includes(v)).length, t.name).toBeGreaterThanOrEqual(3)
  expect(new Set(batch.map((t) => t.choices.font)).size).toBe(6)
  if (o.agencies !== undefined) expect(new Set(batch.map((t) => t.choices.agency)).size).toBe(o.agencies)
}

describe('templates', () => {
  it('keep held-out option values to held-out templates, two or more each', () => {
    expect(templateProblems()).toEqual([])
    expect(TEMPLATES.filter((t) => t.split === 'train').length).toBeGreaterThanOrEqual(10)
    expect(TEMPLATES.filter((t) => t.split === 'held-out').length).toBeGreaterThanOrEqual(6)
  })

  it('the rule check catches a training template with a held-out value', () => {
    const bad: Template = { ...TEMPLATES[0]!, choices: { ...TEMPLATES[0]!.choices, detail: 'per-tool' } }
    expect(templateProblems([bad])).toEqual([`${bad.name}: a training template uses held-out detail=per-tool`])
  })
})

describe('randomReportSpec', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(randomReportSpec(11)).toEqual(randomReportSpec(11))
    expect(randomReportSpec(11)).not.toEqual(randomReportSpec(12))
  })

  it('follows the scoring rules when nothing is injected, so the checker finds nothing', () => {
    // Seeds whose draw injected no contradiction: the perfect reading must be clean.
    const clean = Array.from({ length: 40 }, (_, i) => randomReportSpec(100 + i)).filter((s) => s.contradictions.length === 0)
    expect(clean.length).toBeGreaterThan(0)
    for (const spec of clean) {
      // Only the notes of checks that cannot judge (2568's level thresholds are partly known) remain.
      const findings = truthOf(spec, { stepsNumbered: true, actionsNumbered: true, stepsPrinted: true }).findings.filter((f) => !f.message.startsWith('Not checked:'))
      expect(findings, `seed ${spec.seed}`).toEqual([])
      const iit = spec.indicators.filter((i) => i.tool === 'IIT')
      for (const ind of iit) expect(ind.scores.detail).toBeCloseTo(ind.items.reduce((a, i) => a + i.score, 0) / 3, 2)
    }
  })

  it('injects contradictions the checker reports', () => {
    const specs = Array.from({ length: 40 }, (_, i) => randomReportSpec(200 + i))
    const rules = new Set(specs.flatMap((s) => truthOf(s, { stepsNumbered: true, actionsNumbered: true, stepsPrinted: true }).findings.map((f) => f.rule)))
    for (const rule of ['indicator-score-mismatch', 'tool-score-mismatch', 'total-score-mismatch', 'item-score-mismatch', 'indicator-number-mismatch', 'period-outside-plan-year', 'previous-year-label']) {
      expect(rules, rule).toContain(rule)
    }
    expect(Object.keys(CONTRADICTION_ODDS).length).toBe(9)
  })
})

describe('committed samples/layouts', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))('%s is what the generator makes now', async (name, tpl) => {
    const dir = join(LAYOUTS_DIR, name)
    const spec = templateSpec(tpl, committedSeed(tpl))
    expect(JSON.parse(await readFile(join(dir, 'spec.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(spec)))
    const transcript = renderTranscript(renderTemplate(spec, tpl))
    expect(await readFile(join(dir, 'transcript.md'), 'utf8')).toBe(transcript)
    const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8'))
    expect(expected).toMatchObject({ template: name, split: tpl.split, seed: committedSeed(tpl), ...JSON.parse(JSON.stringify(truthOf(spec, truthLayout(tpl)))) })
  })

  it('transcripts are read by the transcript reader into pages and tables', () => {
    const tpl = TEMPLATES.find((t) => t.name === 'train-02-issue20')!
    const doc = readTranscript(new TextEncoder().encode(renderTranscript(renderTemplate(randomReportSpec(5), tpl))), { file: 'x.md' })
    expect(doc.pages.length).toBeGreaterThan(3)
    const tables = doc.pages.flatMap((p) => p.blocks.filter((b) => b.kind === 'table'))
    expect(tables.length).toBeGreaterThanOrEqual(4)
    // The 3-column detail list: indicator rows span the code and title columns.
    const spanning = tables.flatMap((t) => (t.kind === 'table' ? t.rows : [])).filter((r) => r.cells[0]?.colSpan === 2)
    expect(spanning.length).toBeGreaterThanOrEqual(10)
  })
})

describe('renderHtml', () => {
  it('writes spans, repeated header rows, split rows and landscape pages', () => {
    const tpl = TEMPLATES.find((t) => t.name === 'train-10-thai-abbrev')!
    const html = renderHtml(renderTemplate(randomReportSpec(5), tpl), FONTS[tpl.choices.font]!)
    expect(html).toContain('colspan="7"') // the title row over the seven measures columns
    expect(html).toMatch(/<thead>\n<tr><th/)
    expect(html).toContain('class="split-rows"')
    expect(html).toContain(`<section class="${tpl.choices.measureOrientation} new-page">`)
    expect(html).toContain("font-family: 'IBM Plex Sans Thai'")
  })
})

describe('v3/v4 layout values', () => {
  const named = (name: string) => TEMPLATES.find((t) => t.name === name)!
  const docOf = (name: string, seed = 5) => renderTemplate(randomReportSpec(seed), named(name))

  it('a running header opens every transcript page and is a page-margin box in the PDF', () => {
    const doc = docOf('heldout-v3-03-grouped-dates')
    const pages = renderTranscript(doc).split(/\n\n<!-- page \d+ -->\n\n/)
    expect(pages.length).toBeGreaterThan(3)
    for (const page of pages) expect(page.split('\n')[0]).toBe(doc.runningHeader)
    expect(renderHtml(doc, FONTS.kanit!)).toContain(`@top-right { content: "${doc.runningHeader}"`)
  })

  it('writes the rulings CSS only for templates with fewer rulings', () => {
    const borderless = renderHtml(docOf('heldout-v3-04-contents-borderless'), FONTS.anuphan!)
    expect(borderless).toContain('<table style="font-size:0.92em" class="rules-none">')
    expect(borderless).toContain('table.rules-none th, table.rules-none td { border: none')
    expect(renderHtml(docOf('train-01-seed'), FONTS.sarabun!)).not.toContain('rules-')
  })

  it('a grouped measures header spans its sub-columns, start and end dates included', () => {
    const measures = docOf('heldout-v3-03-grouped-dates').blocks.filter((b) => b.kind === 'table' && b.role === 'measures')
    expect(measures.length).toBeGreaterThan(0)
    for (const t of measures) {
      if (t.kind !== 'table') continue
      const [top, below] = t.rows
      const width = (cells: readonly { colSpan?: number }[]) => cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)
      expect(width(top!.cells)).toBe(t.columns.length)
      expect(top!.cells.find((c) => c.lines[0] === 'การดำเนินการ')?.colSpan).toBe(4)
      expect(below!.cells.map((c) => c.lines[0])).toContain('วันที่เริ่มต้น')
      expect(t.repeatHeader).toBe(2)
      for (const row of t.rows.slice(2)) expect(width(row.cells)).toBe(t.columns.length)
    }
  })

  it('the table of contents gives the transcript page each section starts on', () => {
    const transcript = renderTranscript(docOf('heldout-v3-04-contents-borderless'))
    const pages = transcript.split(/<!-- page \d+ -->/)
    const rows = [...pages[1]!.matchAll(/<tr><td>(.+?)<\/td><td>(.+?)<\/td><\/tr>/g)]
    expect(rows.length).toBeGreaterThanOrEqual(5)
    const arabic = (s: string) => Number(s.replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d))))
    // Page 1 is the title page, the third of the transcript (after the preface and the contents).
    for (const [, title, page] of rows) expect(pages[arabic(page!) + 1], title).toContain(`## ${title}`)
  })

  it('a transposed summary prints every indicator score under its tool', () => {
    const spec = randomReportSpec(5)
    const summary = renderTemplate(spec, named('heldout-v3-01-part-transposed')).blocks.find((b) => b.kind === 'table' && b.role === 'summary')
    if (summary?.kind !== 'table') throw new Error('no summary table')
    expect(summary.rows[0]!.cells.slice(1).map((c) => [c.lines[0], c.colSpan])).toEqual([['IIT', 5], ['EIT', 3], ['OIT', 2]])
    expect(summary.rows[2]!.cells.slice(1).map((c) => Number(c.lines[0]))).toEqual(spec.indicators.map((i) => i.scores.summary))
  })
})

describe('committed born-digital.pdf', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))('%s was printed for its template and seed', async (name, tpl) => {
    const pdf = await PDFDocument.load(await readFile(join(LAYOUTS_DIR, name, 'born-digital.pdf')), { updateMetadata: false })
    expect(pdf.getSubject()).toBe(`ITA layout sample: template ${name}, seed ${committedSeed(tpl)}`)
    expect(pdf.getPageCount()).toBeGreaterThan(4)
  })
})

describe('v5 layout values', () => {
  // Each value on the seed template, so no blind template's content is printed here.
  const withChoices = (choices: Partial<Template['choices']>): Template => ({ ...TEMPLATES[0]!, name: 'v5-test', split: 'held-out', choices: { ...TEMPLATES[0]!.choices, ...choices } })
  const spec = randomReportSpec(5)
  const tables = (choices: Partial<Template['choices']>, role: string) =>
    renderTemplate(spec, withChoices(choices)).blocks.filter((b): b is TableBlock => b.kind === 'table' && b.role === role)
  const arabic = (s: string) => Number(s.replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d))))

  it('with-previous: this year is the summary score and the change is this year minus last', () => {
    const [summary] = tables({ summary: 'with-previous', toolScores: 'table-after', digits: 'arabic' }, 'summary')
    const rows = summary!.rows.slice(1)
    expect(rows.map((r) => Number(r.cells[2]!.lines[0]))).toEqual(spec.indicators.map((i) => i.scores.summary))
    for (const r of rows) {
      const [before, now, change] = r.cells.slice(1).map((c) => Number(c.lines[0]))
      expect(change).toBeCloseTo(now! - before!, 2)
    }
    expect(() => renderTemplate(spec, withChoices({ summary: 'with-previous', toolScores: 'column' }))).toThrow(/toolScores column/)
  })

  it('quarters: fiscal quarters with the months they cover, in one column or as start and end', () => {
    const measures = tables({ period: 'quarters' }, 'measures')
    const periods = measures.flatMap((t) => t.rows.slice(1).map((r) => r.cells.at(-2)!.lines[0]!))
    expect(periods.length).toBe(spec.measures.length)
    expect(periods.filter((p) => p === 'ไตรมาส ๑-๔ (ต.ค. ๖๘ - ก.ย. ๖๙)').length).toBe(spec.measures.filter((m) => m.period.from.month === 10 && m.period.to.month === 9 && m.period.to.yearBE === 2569).length)
    for (const p of periods) expect(p).toMatch(/^ไตรมาส [๑-๔](-[๑-๔])? \(\S+ [๐-๙]{2} - \S+ [๐-๙]{2}\)$/)
    const split = tables({ period: 'quarters', periodColumns: 'start-end' }, 'measures')[0]!
    expect(split.rows[2]!.cells.slice(-3, -1).map((c) => c.lines[0])).toEqual(expect.arrayContaining([expect.stringMatching(/^ไตรมาส [๑-๔] \(/)]))
  })

  it('a ลำดับ column numbers the measures down each table, per tool under the tool name', () => {
    const doc = renderTemplate(spec, withChoices({ measureOrder: 'column', measureGrouping: 'per-tool', measureIndicator: 'first-column' }))
    const measures = doc.blocks.filter((b): b is TableBlock => b.kind === 'table' && b.role === 'measures')
    expect(measures.length).toBe(new Set(spec.measures.map((m) => m.item[0])).size)
    for (const t of measures) {
      expect(t.rows[0]!.cells[0]!.lines).toEqual(['ลำดับ'])
      expect(t.rows.slice(1).map((r) => arabic(r.cells[0]!.lines[0]!))).toEqual(t.rows.slice(1).map((_, k) => k + 1))
    }
    expect(measures.reduce((n, t) => n + t.rows.length - 1, 0)).toBe(spec.measures.length)
  })

  it('captions number every table but the contents; name-only labels drop ตัวชี้วัดที่', () => {
    const doc = renderTemplate(spec, withChoices({ captions: 'numbered', front: 'contents', indicatorLabel: 'name-only' }))
    const captions = doc.blocks.flatMap((b, i) => (b.kind === 'paragraph' && b.text.startsWith('ตารางที่') ? [[b.text, doc.blocks[i + 1]!] as const] : []))
    expect(captions.map(([text]) => arabic(text.split(' ')[1]!))).toEqual(captions.map((_, k) => k + 1))
    for (const [, next] of captions) expect(next.kind === 'table' && next.role !== 'contents').toBe(true)
    const detail = doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.role === 'detail')!
    expect(detail.rows[1]!.cells[0]!.lines).toEqual([spec.indicators[0]!.name])
  })

  it('bottom alignment, as-of notes and the full-marks column reach the HTML and the transcript', () => {
    const doc = renderTemplate(spec, withChoices({ valign: 'bottom', cellNotes: 'as-of', detail: 'full-marks-column', pageNumbers: 'page-of', scoreHeader: 'percent' }))
    const detail = doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.role === 'detail')!
    expect(detail.rows[0]!.cells.map((c) => c.lines[0])).toEqual(['ข้อ', 'ประเด็นการประเมิน', 'คะแนนเต็ม', 'คะแนนที่ได้ (ร้อยละ)'])
    expect(detail.rows[0]!.cells[3]!.lines[1]).toBe('(ข้อมูล ณ วันที่ ๓๐ ก.ย. ๖๘)')
    for (const row of detail.rows.slice(1)) for (const c of row.cells.filter((x) => !x.header)) expect(c.valign).toBe('bottom')
    const html = renderHtml(doc, FONTS.sarabun!)
    expect(html).toContain('content: "หน้า " counter(page, thai) " จาก " counter(pages, thai)')
    expect(html).toContain('class="bottom')
    expect(renderTranscript(doc)).toContain('คะแนนที่ได้ (ร้อยละ)<br>(ข้อมูล ณ วันที่ ๓๐ ก.ย. ๖๘)')
  })
})

describe('v6 layout values', () => {
  // Each value on the seed template, as for v5 above.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v6', 6)

  it('uses no option value that only the blind v5 templates use, so v5 stays an independent measure', () => {
    const values = (set: (t: Template) => boolean) => new Set(TEMPLATES.filter(set).flatMap((t) => heldOutValues(t.choices)))
    const elsewhere = values((t) => t.set !== 'v5' && t.set !== 'v6')
    const v5Only = [...values((t) => t.set === 'v5')].filter((v) => !elsewhere.has(v))
    expect(v5Only.length).toBeGreaterThan(0)
    const v6 = TEMPLATES.filter((t) => t.set === 'v6')
    expect(v6.length).toBeGreaterThanOrEqual(5)
    for (const t of v6) expect(heldOutValues(t.choices).filter((v) => v5Only.includes(v)), t.name).toEqual([])
    for (const t of v6) expect(t.blind, t.name).toBeUndefined()
  })

  it('table-thai: Thai digits in tables, Arabic in headings and prose', () => {
    const [summary] = tables({ digits: 'table-thai' }, 'summary')
    expect(summary!.rows[1]!.cells[1]!.lines[0]).toMatch(/^[๐-๙]+\.[๐-๙]{2}$/)
    const prose = texts({ digits: 'table-thai' })
    expect(prose.some((t) => /[๐-๙]/.test(t))).toBe(false)
    expect(prose).toContain(`ผลการประเมิน ITA ของ${spec.organisation.name} ได้ผลคะแนนเฉลี่ย ${spec.total.toFixed(2)} คะแนน อยู่ในระดับ ${spec.level}`)
  })

  it('hyphenated and bracketed codes', () => {
    const code = (form: 'hyphen' | 'bracket') => tables({ codeForm: form, detail: 'three-col', digits: 'arabic', codeCase: 'upper' }, 'detail')[0]!.rows[2]!.cells[0]!.lines[0]
    expect(code('hyphen')).toBe('I-1')
    expect(code('bracket')).toBe('[I1]')
  })

  it('after-rows: each tool score is a row of its own after its last indicator', () => {
    const [summary] = tables({ toolScores: 'after-rows', digits: 'arabic' }, 'summary')
    const labels = summary!.rows.map((r) => r.cells[0]!.lines[0])
    for (const t of spec.tools) {
      const at = labels.indexOf(`คะแนนเฉลี่ย ${t.tool}`)
      const last = spec.indicators.findLast((i) => i.tool === t.tool)!
      expect(labels[at - 1]).toBe(`ตัวชี้วัดที่ ${last.number} ${last.name}`)
      expect(summary!.rows[at]!.cells[1]!.lines[0]).toBe(t.score.toFixed(2))
    }
    expect(summary!.rows.length).toBe(1 + spec.indicators.length + spec.tools.length)
  })

  it('tool-tables: a table per tool, each under a line with the tool score', () => {
    const blocks = doc({ detail: 'tool-tables', digits: 'arabic' }).blocks
    const detail = blocks.flatMap((b, i) => (b.kind === 'table' && b.role === 'detail' ? [[blocks[i - 1]!, b] as const] : []))
    expect(detail.map(([caption]) => (caption.kind === 'paragraph' ? caption.text : ''))).toEqual(
      spec.tools.map((t, k) => expect.stringMatching(new RegExp(`^${k + 1}\\) .*\\(${t.tool}\\) ได้คะแนน ${t.score.toFixed(2)} คะแนน$`))),
    )
    expect(detail.reduce((n, [, t]) => n + t.rows.length - 1, 0)).toBe(spec.indicators.reduce((n, i) => n + 1 + i.items.length, 0))
  })

  it('in-item: no score column, the score after the item; nine columns with target and budget', () => {
    const [measures] = tables({ measureScore: 'in-item', measureColumns: 'nine', digits: 'arabic', measureNumbering: 'plain' }, 'measures')
    expect(measures!.rows[0]!.cells.map((c) => c.lines[0])).toEqual([
      `ตัวชี้วัดที่ ${spec.measures[0]!.printedIndicator}`, 'ผลการวิเคราะห์', 'มาตรการ/แนวทางการพัฒนา', 'ขั้นตอน/วิธีการดำเนินการ', 'ตัวชี้วัด/ค่าเป้าหมาย', 'งบประมาณ (บาท)', 'ระยะเวลาดำเนินการ', 'ผู้รับผิดชอบ',
    ])
    const m = spec.measures[0]!
    expect(measures!.rows[1]!.cells[0]!.lines[0]).toBe(`${m.item} ${m.itemTitle} (คะแนน ${m.itemScore.toFixed(2)})`)
    expect(tables({ measureColumns: 'nine' }, 'measures')[0]!.columns.length).toBe(9)
  })

  it('phones, month spans and dash lists', () => {
    const [measures] = tables({ responsible: 'phones', period: 'month-span', list: 'dash' }, 'measures')
    const row = measures!.rows[1]!.cells
    const m = spec.measures[0]!
    expect(row.at(-1)!.lines.map((l) => l.split(' โทร. ')[0])).toEqual(m.responsible)
    for (const l of row.at(-1)!.lines) expect(l).toMatch(/ โทร\. ๐ [๐-๙]{4} [๐-๙]{4} ต่อ [๐-๙]{2}$/)
    expect(row.at(-2)!.lines[0]).toMatch(/^\S+ [๐-๙]{2} - \S+ [๐-๙]{2}$/)
    expect(row[2]!.lines).toEqual(m.actions.map((a) => `- ${a}`))
    expect(truthLayout(withChoices({ list: 'dash' }))).toMatchObject({ stepsNumbered: false, actionsNumbered: false })
  })

  it('received total, labelled last year and score lines under analysis headings', () => {
    const prose = texts({ total: 'received', previous: 'label-colon', analysis: 'score-line', digits: 'arabic' })
    expect(prose).toContain(`คะแนนที่${spec.organisation.name}ได้รับจากการประเมิน ITA คือ ${spec.total.toFixed(2)} คะแนน อยู่ในระดับ ${spec.level}`)
    const p = spec.previous
    expect(prose).toContain(`ผลการประเมินปีงบประมาณ พ.ศ. ${p.year} : ${p.score.toFixed(2)} คะแนน ผลต่าง : ${p.difference > 0 ? 'เพิ่มขึ้น' : 'ลดลง'} ${Math.abs(p.difference).toFixed(2)} คะแนน`)
    const ind = spec.indicators[0]!
    const at = prose.indexOf(`ตัวชี้วัดที่ ${ind.number} ${ind.name}`)
    expect(prose.slice(at + 1, at + 3)).toEqual([`ผลคะแนนที่ได้ : ${ind.scores.analysis.toFixed(2)} คะแนน`, ind.analysis])
  })
})

describe('v7 layout values', () => {
  // Each value on the seed template, as for v5 and v6 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v7', 7)

  it('v7 has values no other template uses, and every v7 template uses three or more of them', () => expectBatchOfItsOwn('v7', { blind: undefined }))

  it('another kind of agency: its own name, units and prose, the scores of the seed\'s ordinary draw', () => {
    for (const agency of ['faculty', 'department', 'state-enterprise', 'province-office'] as const) {
      const other = randomReportSpec(7, 2568, { agency })
      expect(other.organisation.kind).toBe(agency)
      expect(other.organisation.district).toBeNull()
      expect(other.indicators.map((i) => [i.scores, i.items])).toEqual(spec.indicators.map((i) => [i.scores, i.items]))
      expect([other.total, other.tools, other.previous, other.contradictions]).toEqual([spec.total, spec.tools, spec.previous, spec.contradictions])
      expect(other.measures.map((m) => [m.item, m.itemScore])).toEqual(spec.measures.map((m) => [m.item, m.itemScore]))
      for (const m of other.measures) expect(UNITS[agency]).toEqual(expect.arrayContaining([...m.responsible]))
      const truth = truthOf(other, { stepsNumbered: true, actionsNumbered: true, stepsPrinted: true })
      expect(truth.values.organization).toEqual({ name: other.organisation.name, district: null, province: other.organisation.province })
      const title = renderTemplate(other, withChoices({ agency })).blocks.slice(0, 4).map((b) => (b.kind === 'heading' ? b.text : ''))
      expect(title).toContain(other.organisation.name)
      expect(title.some((t) => t.startsWith('อำเภอ'))).toBe(false)
    }
    expect(templateSpec(withChoices({}), 7)).toEqual(spec)
  })

  it('ranked: score order with ranks and a result column; asterisks and /100 marks', () => {
    const [ranked] = tables({ summary: 'ranked', toolScores: 'table-after', indicatorResult: 'pass-fail', scoreMark: 'asterisk', digits: 'arabic' }, 'summary')
    const rows = ranked!.rows.slice(1)
    const scores = rows.map((r) => Number(r.cells[3]!.lines[0]!.replace('*', '')))
    expect(scores).toEqual([...spec.indicators.map((i) => i.scores.summary)].sort((a, b) => b - a))
    expect(rows.map((r) => r.cells[0]!.lines[0])).toEqual(rows.map((_, k) => String(k + 1)))
    for (const r of rows) {
      const score = Number(r.cells[3]!.lines[0]!.replace('*', ''))
      expect(r.cells[4]!.lines[0]).toBe(score >= 85 ? 'ผ่าน' : 'ไม่ผ่าน')
      expect(r.cells[3]!.lines[0]!.endsWith('*')).toBe(score < 85)
    }
    const [graded] = tables({ summary: 'number-column', toolScores: 'table-after', indicatorResult: 'grade', scoreMark: 'out-of-100', digits: 'arabic' }, 'summary')
    expect(graded!.rows[1]!.cells[2]!.lines[0]).toBe(`${spec.indicators[0]!.scores.summary.toFixed(2)}/100`)
    expect(graded!.rows[1]!.cells[3]!.lines[0]).toMatch(/^(AA|A|B|C|D|E|F)$/)
    expect(() => doc({ summary: 'tool-span', indicatorResult: 'grade' })).toThrow(/no result column/)
  })

  it('split: the perception indicators and the OIT ones in two tables', () => {
    const split = tables({ summary: 'split', toolScores: 'table-after' }, 'summary')
    expect(split.map((t) => t.rows.length - 1)).toEqual([8, 2])
  })

  it('below-threshold: only items under 85 in the detail list and in the truth', () => {
    const [detail] = tables({ detail: 'below-threshold', digits: 'arabic' }, 'detail')
    const items = detail!.rows.slice(1).filter((r) => r.cells.length === 3).map((r) => Number(r.cells[2]!.lines[0]))
    const low = spec.indicators.flatMap((i) => i.items.filter((x) => x.score < 85))
    expect(items).toEqual(low.map((x) => x.score))
    const truth = truthOf(spec, truthLayout(withChoices({ detail: 'below-threshold' })))
    expect(truth.values.indicators.flatMap((i) => i.items.map(([code]) => code))).toEqual(low.map((x) => x.code))
    for (const ind of truth.values.indicators) expect(ind.scores[1] === null).toBe(ind.items.length === 0)
  })

  it('weighted total, three years of totals (no difference in the truth), จากคะแนนเต็ม headings', () => {
    const prose = texts({ total: 'weighted', analysis: 'out-of-full', digits: 'arabic' })
    expect(prose.find((t) => t.includes('ถ่วงน้ำหนัก'))).toMatch(new RegExp(`ได้คะแนนรวมเท่ากับ ${spec.total.toFixed(2)} คะแนน`))
    const ind = spec.indicators[0]!
    expect(prose).toContain(`ตัวชี้วัดที่ 1 ${ind.name} ค่าคะแนน ${ind.scores.analysis.toFixed(2)} จากคะแนนเต็ม 100`)
    const [years] = tables({ previous: 'three-years', digits: 'arabic' }, 'previous')
    expect(years!.rows[0]!.cells.slice(1).map((c) => c.lines[0])).toEqual([spec.previous.year - 1, spec.previous.year, spec.fiscalYear].map((y) => `พ.ศ. ${y}`))
    expect(years!.rows[1]!.cells.slice(2).map((c) => Number(c.lines[0]))).toEqual([spec.previous.score, spec.total])
    expect(truthOf(spec, truthLayout(withChoices({ previous: 'three-years' }))).values.previous).toEqual({ fiscalYear: spec.previous.year, totalScore: spec.previous.score, difference: null })
  })

  it('KPI and funding columns, lead and supporting units, year-once and from-until periods', () => {
    const [measures] = tables({ measureColumns: 'kpi-funding', responsible: 'lead-support', period: 'year-once', measureNumbering: 'plain' }, 'measures')
    expect(measures!.rows[0]!.cells.map((c) => c.lines[0]).slice(1)).toEqual(['คะแนน', 'มาตรการ/แนวทางการพัฒนา', 'ขั้นตอน/วิธีการดำเนินการ', 'ตัวชี้วัดความสำเร็จ (KPI)', 'แหล่งงบประมาณ', 'ระยะเวลาดำเนินการ', 'ผู้รับผิดชอบ'])
    const m = spec.measures[0]!
    const row = measures!.rows[1]!.cells
    expect(row.at(-1)!.lines).toEqual([`หลัก : ${m.responsible[0]}`, ...(m.responsible.length > 1 ? [`สนับสนุน : ${m.responsible.slice(1).join(', ')}`] : [])])
    const c = withChoices({}).choices
    const q2 = { from: { day: 1, month: 1, yearBE: 2569 }, to: { day: 31, month: 3, yearBE: 2569 } }
    const year = { from: { day: 1, month: 10, yearBE: 2568 }, to: { day: 30, month: 9, yearBE: 2569 } }
    const f = (period: Template['choices']['period'], p: typeof q2) => periodText(p, { ...c, period }, { n: (x: number) => String(x), text: (s: string) => s } as never)
    expect(f('year-once', q2)).toBe('ม.ค. - มี.ค. 2569')
    expect(f('year-once', year)).toBe('ต.ค. 2568 - ก.ย. 2569')
    expect(f('from-until', year)).toBe('ตั้งแต่เดือนตุลาคม 2568 ถึงเดือนกันยายน 2569')
  })

  it('landscape throughout, and header words broken over two lines', () => {
    const blocks = doc({ pageOrientation: 'landscape', headerBreaks: 'odd' }).blocks
    expect(blocks[0]).toEqual({ kind: 'orientation', orientation: 'landscape' })
    expect(blocks.filter((b) => b.kind === 'orientation').every((b) => b.kind === 'orientation' && b.orientation === 'landscape')).toBe(true)
    const detail = blocks.find((b): b is TableBlock => b.kind === 'table' && b.role === 'detail')!
    expect(detail.rows[0]!.cells.map((x) => x.lines)).toEqual([['ประเด็นการ', 'ประเมิน'], ['คะแนน', 'ที่ได้']])
    // Only header rows: an indicator row of the detail list keeps its one line.
    expect(detail.rows[1]!.cells[0]!.lines.length).toBe(1)
    expect(renderHtml(renderTemplate(spec, { ...withChoices({ pageOrientation: 'landscape' }), choices: { ...withChoices({ pageOrientation: 'landscape' }).choices, font: 'sriracha' } }), FONTS.sriracha!)).not.toContain('font-weight: 700; src')
  })
})

describe('v8 layout values', () => {
  // Each value on the seed template, as for v5-v7 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v8', 8)

  it('v8 has values no other template uses, and every v8 template uses three or more of them', () => expectBatchOfItsOwn('v8', { blind: undefined, agencies: 3 }))

  it('a school, a police station, an อบจ.: own names and units, the seed\'s scores, district only where printed', () => {
    for (const agency of ['school', 'police-station', 'pao'] as const) {
      const other = randomReportSpec(8, 2568, { agency })
      expect(other.organisation.kind).toBe(agency)
      expect(other.organisation.district === null).toBe(agency !== 'school')
      expect([other.total, other.tools, other.previous, other.contradictions]).toEqual([spec.total, spec.tools, spec.previous, spec.contradictions])
      expect(other.measures.map((m) => [m.item, m.itemScore])).toEqual(spec.measures.map((m) => [m.item, m.itemScore]))
      for (const m of other.measures) expect(UNITS[agency]).toEqual(expect.arrayContaining([...m.responsible]))
      const truth = truthOf(other, { stepsNumbered: true, actionsNumbered: true, stepsPrinted: true })
      expect(truth.values.organization).toEqual({ name: other.organisation.name, district: other.organisation.district, province: other.organisation.province })
      const title = renderTemplate(other, withChoices({ agency })).blocks.slice(0, 4).map((b) => (b.kind === 'heading' ? b.text : ''))
      expect(title).toContain(other.organisation.name)
      expect(title.some((t) => t.startsWith('อำเภอ'))).toBe(agency === 'school')
    }
  })

  it('a chart\'s data table, tools across, and scores after their items', () => {
    const [chart] = tables({ summary: 'chart-table', toolScores: 'across', digits: 'arabic' }, 'summary')
    expect(chart!.rows[0]!.cells.slice(1).map((c) => c.lines[0])).toEqual(spec.indicators.map((i) => i.name))
    expect(chart!.rows[1]!.cells.slice(1).map((c) => Number(c.lines[0]))).toEqual(spec.indicators.map((i) => i.scores.summary))
    const [tools] = tables({ summary: 'chart-table', toolScores: 'across', digits: 'arabic' }, 'tools')
    expect(tools!.rows.map((r) => r.cells.slice(1).map((c) => c.lines[0]))).toEqual([['IIT', 'EIT', 'OIT'], spec.tools.map((t) => t.score.toFixed(2))])
    expect(() => doc({ summary: 'chart-table', toolScores: 'column' })).toThrow(/toolScores column/)
    const [detail] = tables({ detail: 'subtotal-after', digits: 'arabic' }, 'detail')
    const after = detail!.rows.filter((r) => r.cells[0]!.lines[0]!.startsWith('คะแนนเฉลี่ย'))
    expect(after.map((r) => [r.cells[0]!.lines[0], Number(r.cells[1]!.lines[0])])).toEqual(spec.indicators.map((i) => [`คะแนนเฉลี่ยตัวชี้วัดที่ ${i.number}`, i.scores.detail]))
  })

  it('comma decimals everywhere a score is printed; one decimal in prose, two in tables, and the truth follows', () => {
    const [summary] = tables({ decimalMark: 'comma', digits: 'arabic' }, 'summary')
    expect(summary!.rows[1]!.cells[1]!.lines[0]).toBe(spec.indicators[0]!.scores.summary.toFixed(2).replace('.', ','))
    const prose = texts({ scorePrecision: 'prose-one', total: 'equals', analysis: 'leader', previous: 'arrow', digits: 'arabic' })
    const round1 = (x: number) => Math.round(Number((x * 10).toPrecision(12))) / 10
    expect(prose.find((t) => t.startsWith('คะแนนรวม (ITA Score)'))).toContain(`= ${round1(spec.total).toFixed(1)} คะแนน`)
    const ind = spec.indicators[0]!
    expect(prose.find((t) => t.startsWith(`ตัวชี้วัดที่ 1 ${ind.name} ..`))).toMatch(new RegExp(` \\.{8,} ${round1(ind.scores.analysis).toFixed(1).replace('.', '\\.')} คะแนน$`))
    const arrow = spec.previous.difference > 0 ? '▲' : '▼'
    expect(prose.find((t) => t.startsWith('เปรียบเทียบกับ'))).toContain(`(${round1(spec.previous.score).toFixed(1)} คะแนน) ${arrow} ${round1(Math.abs(spec.previous.difference)).toFixed(1)} คะแนน`)
    const truth = truthOf(spec, truthLayout(withChoices({ scorePrecision: 'prose-one' }))).values
    expect([truth.totalScore, truth.previous?.totalScore]).toEqual([round1(spec.total), round1(spec.previous.score)])
    expect(truth.indicators.map((i) => i.scores[2])).toEqual(spec.indicators.map((i) => round1(i.scores.analysis)))
    expect(() => doc({ scorePrecision: 'prose-one', toolScores: 'sentences' })).toThrow(/toolScores sentences/)
  })

  it('English beside Thai, measures numbered 1.1 under their indicator, a row per action, and an appendix', () => {
    const blocks = doc({ headingLanguage: 'bilingual', measureOrder: 'clause', measureRows: 'per-action', appendix: 'scores', digits: 'arabic', measureNumbering: 'plain' }).blocks
    expect(blocks.find((b) => b.kind === 'heading' && b.level === 2)).toMatchObject({ text: 'สรุปผลการประเมินรายตัวชี้วัด (Summary by Indicator)' })
    const measures = blocks.filter((b): b is TableBlock => b.kind === 'table' && b.role === 'measures')
    expect(measures[0]!.rows[0]!.cells[0]!.lines).toEqual(['ลำดับ', 'No.'])
    // Rows of a measure: one per action; the first row holds the ลำดับ 3.1 spanning them.
    const firsts = measures.flatMap((t) => t.rows.slice(1).filter((r) => r.cells.length > 1))
    expect(firsts.length).toBe(spec.measures.length)
    expect(measures.reduce((n, t) => n + t.rows.length - 1, 0)).toBe(spec.measures.reduce((n, m) => n + m.actions.length, 0))
    firsts.forEach((r, k) => {
      const m = spec.measures[k]!
      expect(r.cells[0]!.lines[0]).toMatch(new RegExp(`^${m.printedIndicator}\\.\\d+$`))
      expect(r.cells[0]!.rowSpan ?? 1).toBe(m.actions.length)
    })
    const appendix = blocks.find((b): b is TableBlock => b.kind === 'table' && b.role === 'appendix')!
    expect(appendix.rows.slice(1).map((r) => Number(r.cells[3]!.lines[0]))).toEqual(spec.indicators.map((i) => i.scores.summary))
    expect(renderTranscript(doc({ headingLanguage: 'bilingual' }))).toContain('<th>ตัวชี้วัด<br>Indicator</th>')
  })
})

describe('v9 layout values', () => {
  // Each value on the seed template, as for v5-v8 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v9', 9)

  it('v9 has values no other template uses, and every v9 template uses three or more of them', () => expectBatchOfItsOwn('v9', { blind: undefined, agencies: 4 }))

  it('a court, a university hospital, a waterworks branch, a provincial office: own names and units, the seed\'s scores', () => {
    for (const agency of ['court', 'university-hospital', 'enterprise-branch', 'department-province'] as const) {
      const other = randomReportSpec(9, 2568, { agency })
      expect(other.organisation.kind).toBe(agency)
      expect(other.organisation.district === null).toBe(agency !== 'enterprise-branch')
      expect([other.total, other.tools, other.previous, other.contradictions]).toEqual([spec.total, spec.tools, spec.previous, spec.contradictions])
      expect(other.measures.map((m) => [m.item, m.itemScore, m.printedIndicator])).toEqual(spec.measures.map((m) => [m.item, m.itemScore, m.printedIndicator]))
      for (const m of other.measures) expect(UNITS[agency]).toEqual(expect.arrayContaining([...m.responsible]))
      const truth = truthOf(other, { stepsNumbered: true, actionsNumbered: true, stepsPrinted: true })
      expect(truth.values.organization).toEqual({ name: other.organisation.name, district: other.organisation.district, province: other.organisation.province })
      const title = renderTemplate(other, withChoices({ agency })).blocks.slice(0, 4).map((b) => (b.kind === 'heading' ? b.text : ''))
      expect(title).toContain(other.organisation.name)
    }
  })

  it('a Gantt chart ticks the months a period runs, under its years, and words a period outside the plan year', () => {
    const ganttOf = (s: typeof spec) => tables({ period: 'gantt', digits: 'arabic', measureNumbering: 'plain' }, 'measures', s)
    const [first] = ganttOf(spec)
    expect(first!.columns.length).toBe(7 - 1 + 12)
    expect(first!.rows[1]!.cells.map((x) => x.lines[0])).toEqual(['พ.ศ. 2568', 'พ.ศ. 2569'])
    expect(first!.rows[2]!.cells.map((x) => x.lines[0])).toEqual(['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'])
    // Periods of several seeds, so whole years, parts of a year and contradictions all come up.
    let outside = 0
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const s = randomReportSpec(seed)
      const rows = ganttOf(s).flatMap((t) => t.rows.slice(t.repeatHeader))
      expect(rows.length).toBe(s.measures.length)
      rows.forEach((r, k) => {
        const p = s.measures[k]!.period
        const months = r.cells.slice(5, -1)
        const inPlanYear = (p.from.yearBE === 2568 ? p.from.month >= 10 : p.from.yearBE === 2569 && p.from.month <= 9) && (p.to.yearBE === 2569 ? p.to.month <= 9 : p.to.yearBE === 2568 && p.to.month >= 10)
        if (!inPlanYear) {
          outside++
          expect(months.map((x) => [x.colSpan, x.lines[0]!.includes(' - ')])).toEqual([[12, true]])
          return
        }
        const ticked = months.flatMap((x, i) => (x.lines[0] === '✓' ? [i] : []))
        const index = (d: typeof p.from) => (d.month >= 10 ? d.month - 10 : d.month + 2)
        expect(ticked).toEqual(Array.from({ length: index(p.to) - index(p.from) + 1 }, (_, i) => index(p.from) + i))
      })
    }
    expect(outside).toBeGreaterThan(0)
    expect(() => doc({ period: 'gantt', periodColumns: 'start-end' })).toThrow(/Gantt/)
    expect(() => doc({ period: 'gantt', measureLayout: 'paragraphs' })).toThrow(/Gantt/)
  })

  it('a summary of numbered sentences, % on summary scores, and a weighted tool table', () => {
    const sentences = texts({ summary: 'sentence-list', toolScores: 'weighted', scoreMark: 'percent-sign', digits: 'arabic' }).filter((t) => / ได้คะแนน [\d.]+% คะแนน$/.test(t))
    expect(sentences).toEqual(spec.indicators.map((i, k) => `${k + 1}. ตัวชี้วัดที่ ${i.number} ${i.name} ได้คะแนน ${i.scores.summary.toFixed(2)}% คะแนน`))
    expect(tables({ summary: 'sentence-list', toolScores: 'weighted' }, 'summary')).toEqual([])
    const [tools] = tables({ toolScores: 'weighted', digits: 'arabic' }, 'tools')
    const body = tools!.rows.slice(1, 4).map((r) => r.cells.slice(1).map((x) => Number(x.lines[0])))
    expect(body.map(([score]) => score)).toEqual(spec.tools.map((t) => t.score))
    for (const [score, weight, weighted] of body) expect(weighted).toBeCloseTo((score! * weight!) / 100, 2)
    expect(body.map(([, weight]) => weight)).toEqual([30, 30, 40])
    expect(tools!.rows[4]!.cells.map((x) => x.lines[0])).toEqual(['คะแนนรวม (ITA Score)', spec.total.toFixed(2)])
    expect(() => doc({ summary: 'sentence-list', toolScores: 'column' })).toThrow(/toolScores column/)
  })

  it('IIT-03 codes, rows alternating Thai and Arabic digits, and บทที่ chapters', () => {
    const [detail] = tables({ codeForm: 'tool-prefix', detail: 'three-col', digits: 'row-mixed' }, 'detail')
    const items = detail!.rows.slice(1).filter((r) => r.cells.length === 3)
    const arabic = (s: string) => s.replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d)))
    expect(items.map((r) => arabic(r.cells[0]!.lines[0]!))).toEqual(spec.indicators.flatMap((i) => i.items.map((x) => `${x.code[0]!.toUpperCase() === 'I' ? 'IIT' : x.code[0] === 'e' ? 'EIT' : 'OIT'}-${x.code.slice(1).padStart(2, '0')}`)))
    // Body rows: the second, fourth ... in Thai digits, the others Arabic; headers and prose Arabic.
    detail!.rows.slice(1).forEach((r, i) => {
      if (r.cells.every((x) => x.header)) return
      expect(r.cells.some((x) => /[๐-๙]/.test(x.lines.join(''))), String(i)).toBe(i % 2 === 1)
    })
    expect(texts({ digits: 'row-mixed' }).some((t) => /[๐-๙]/.test(t))).toBe(false)
    const chapters = doc({ sectionNumbering: 'chapter', digits: 'arabic' }).blocks.flatMap((b, i, all) => (b.kind === 'heading' && b.text.startsWith('บทที่') ? [[b.text, all[i + 1]]] : []))
    expect(chapters.map(([t]) => t)).toEqual(chapters.map((_, k) => `บทที่ ${k + 1}`))
    for (const [, next] of chapters) expect(next).toMatchObject({ kind: 'heading', level: 2 })
  })

  it('"อยู่ที่" totals, the pass mark beside the level, the change as a percentage too, and scores opening the analysis prose', () => {
    const prose = texts({ total: 'stands-at', level: 'criterion', previous: 'with-percent', analysis: 'score-sentence', digits: 'arabic' })
    expect(prose).toContain(`${spec.organisation.name} มีผลคะแนน ITA อยู่ที่ ${spec.total.toFixed(2)} คะแนน ถือว่า${spec.level}เกณฑ์การประเมิน (ตั้งแต่ 85.00 คะแนนขึ้นไป)`)
    const p = spec.previous
    expect(prose.find((t) => t.startsWith('เมื่อเทียบกับ'))).toContain(`ที่ได้ ${p.score.toFixed(2)} คะแนน มีคะแนน${p.difference > 0 ? 'เพิ่มขึ้น' : 'ลดลง'} ${Math.abs(p.difference).toFixed(2)} คะแนน คิดเป็นร้อยละ `)
    const ind = spec.indicators[0]!
    const at = prose.indexOf(`ตัวชี้วัดที่ 1 ${ind.name}`)
    expect(prose[at + 1]).toBe(`ตัวชี้วัดนี้ได้คะแนน ${ind.scores.analysis.toFixed(2)} คะแนน ${ind.analysis}`)
  })

  it('an evidence column, and measures continued in a second table after prose', () => {
    // Seed 7: an indicator with four measures, one with two, one with one.
    const seven = randomReportSpec(7)
    const measures = tables({ measureColumns: 'evidence', measureGrouping: 'continued', measureIndicator: 'title-row', measureNumbering: 'plain' }, 'measures', seven)
    expect(measures[0]!.rows[1]!.cells.at(-1)!.lines).toEqual(['หลักฐาน/ผลผลิต'])
    const titles = measures.map((t) => t.rows[0]!.cells[0]!.lines[0]!)
    const counts = new Map<number, number>()
    for (const m of seven.measures) counts.set(m.printedIndicator, (counts.get(m.printedIndicator) ?? 0) + 1)
    expect([...counts.values()].sort()).toEqual([1, 2, 4])
    expect(titles.filter((t) => t.endsWith(' (ต่อ)')).length).toBe(2)
    expect(measures.map((t) => t.rows.length - 2)).toEqual([1, 2, 2, 1, 1])
    expect(measures.reduce((n, t) => n + t.rows.length - 2, 0)).toBe(seven.measures.length)
    const blocks = doc({ measureGrouping: 'continued', measureIndicator: 'title-row' }, seven).blocks
    blocks.forEach((b, i) => {
      if (b.kind === 'table' && b.rows[0]!.cells[0]!.lines[0]!.endsWith(' (ต่อ)')) expect(blocks[i - 1]).toMatchObject({ kind: 'paragraph' })
    })
  })
})

describe('v10 layout values', () => {
  // Each value on the seed template, as for v5-v9 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v10', 10)

  it('v10 has values no other template uses, and every v10 template uses three or more of them', () => expectBatchOfItsOwn('v10', { blind: undefined }))

  it('a health promoting hospital, a Rajabhat university, a public organisation: own names and units, the seed\'s scores', () => {
    for (const agency of ['health-promoting', 'rajabhat', 'public-organisation'] as const) {
      const other = randomReportSpec(10, 2568, { agency })
      expect(other.organisation.kind).toBe(agency)
      expect(other.organisation.district === null).toBe(agency !== 'health-promoting')
      expect(other.organisation.province === null).toBe(agency === 'public-organisation')
      expect([other.total, other.tools, other.previous, other.contradictions]).toEqual([spec.total, spec.tools, spec.previous, spec.contradictions])
      for (const m of other.measures) expect(UNITS[agency]).toEqual(expect.arrayContaining([...m.responsible]))
      const title = renderTemplate(other, withChoices({ agency })).blocks.slice(0, 4).map((b) => (b.kind === 'heading' ? b.text : ''))
      expect(title).toContain(other.organisation.name)
    }
  })

  it('a summary of the indicators below the pass mark only: the others have no summary score in the truth', () => {
    const low = spec.indicators.filter((i) => i.scores.summary < 85)
    expect(low.length).toBeGreaterThan(0)
    const [summary] = tables({ summary: 'below-pass', toolScores: 'table-after', digits: 'arabic' }, 'summary')
    expect(summary!.rows.slice(1).map((r) => r.cells.map((x) => x.lines[0]))).toEqual(low.map((i) => [`ตัวชี้วัดที่ ${i.number} ${i.name}`, i.scores.summary.toFixed(2)]))
    const truth = truthOf(spec, truthLayout(withChoices({ summary: 'below-pass', toolScores: 'table-after' })))
    const printed = new Set(low.map((i) => i.number))
    for (const ind of truth.values.indicators) expect(ind.scores[0] === null, String(ind.number)).toBe(!printed.has(ind.number))
    expect(() => doc({ summary: 'below-pass' })).toThrow(/no tool or total rows/)
  })

  it('items numbered on across the tools\' tables, tools named in Thai alone, ตช. indicators and score cells with their unit', () => {
    const detail = tables({ detail: 'running-numbers', toolLabel: 'thai-only', indicatorLabel: 'abbreviated', cellUnit: 'points', digits: 'arabic' }, 'detail')
    expect(detail.length).toBe(3)
    const numbers = detail.flatMap((t) => t.rows.slice(1).filter((r) => r.cells.length === 3).map((r) => Number(r.cells[0]!.lines[0])))
    expect(numbers).toEqual(Array.from({ length: 52 }, (_, i) => i + 1))
    const indicatorRows = detail.flatMap((t) => t.rows.slice(1).filter((r) => r.cells.length === 2))
    expect(indicatorRows.map((r) => r.cells[0]!.lines[0])).toEqual(spec.indicators.map((i) => `ตช. ${i.number} ${i.name}`))
    expect(indicatorRows.map((r) => r.cells[1]!.lines[0])).toEqual(spec.indicators.map((i) => `${i.scores.detail.toFixed(2)} คะแนน`))
    const headings = texts({ detail: 'running-numbers', toolLabel: 'thai-only' })
    expect(headings).toContain('แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน')
    expect(headings.some((t) => /\((IIT|EIT|OIT)\)/.test(t))).toBe(false)
  })

  it('a letter first, the total out of the full marks, last year in a footnote, the overall result last', () => {
    const blocks = doc({ front: 'letter', total: 'out-of-full', previous: 'footnote', overallPosition: 'conclusion', digits: 'arabic' }).blocks
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^ที่ /) })
    const prose = blocks.flatMap((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : []))
    expect(prose).toContain(`${spec.organisation.name} ได้คะแนน ${spec.total.toFixed(2)} คะแนน จากคะแนนเต็ม 100 คะแนน* อยู่ในระดับ ${spec.level}`)
    expect(prose).toContain(`* ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${spec.previous.year} ได้ ${spec.previous.score.toFixed(2)} คะแนน`)
    const conclusion = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'สรุปผลการประเมิน')
    const lastMeasures = blocks.findLastIndex((b) => b.kind === 'table' && b.role === 'measures')
    expect(conclusion).toBeGreaterThan(lastMeasures)
    const truth = truthOf(spec, truthLayout(withChoices({ previous: 'footnote' })))
    expect(truth.values.previous?.difference).toBeNull()
  })

  it('a budget column with its source, responsible persons by name and position, 1 ต.ค. 2568 – 30 ก.ย. 2569 periods', () => {
    const measures = tables({ measureColumns: 'budget-source', responsible: 'named-persons', period: 'abbrev-full-year', digits: 'arabic', measureNumbering: 'plain' }, 'measures')
    expect(measures[0]!.rows[0]!.cells.map((x) => x.lines[0])).toContain('งบประมาณ/แหล่งงบประมาณ')
    const rows = measures.flatMap((t) => t.rows.slice(t.repeatHeader))
    expect(rows.length).toBe(spec.measures.length)
    const budgets = rows.map((r) => r.cells[4]!.lines)
    for (const b of budgets) expect(b.length === 1 ? b[0] : `${b[0]} ${b[1]}`).toMatch(/^(ไม่ใช้งบประมาณ|\d+,000 บาท \(.+\))$/)
    expect(budgets.some((b) => b.length === 2)).toBe(true)
    for (const r of rows) {
      const persons = r.cells.at(-1)!.lines
      for (const l of persons) expect(l).toMatch(/^นา(ย|ง|งสาว)\S+ \S+ (ผู้อำนวยการ|หัวหน้า|ประธาน)\S/)
    }
    const f = { n: (x: number) => String(x), text: (s: string) => s } as never
    expect(periodText({ from: { day: 1, month: 10, yearBE: 2568 }, to: { day: 30, month: 9, yearBE: 2569 } }, withChoices({ period: 'abbrev-full-year' }).choices, f)).toBe('1 ต.ค. 2568 – 30 ก.ย. 2569')
  })
})

describe('v11 layout values', () => {
  // Each value on the seed template, as for v5-v10 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v11', 10)

  it('v11 has values no other template uses, and every v11 template uses three or more of them', () => expectBatchOfItsOwn('v11', { blind: undefined }))

  it('a police training centre, a national museum, a land office branch, a กรมการแพทย์ hospital: own names and units, the seed\'s scores', () => {
    for (const agency of ['police-training', 'national-museum', 'land-office', 'dms-hospital'] as const) {
      const other = randomReportSpec(10, 2568, { agency })
      expect(other.organisation.kind).toBe(agency)
      expect(other.organisation.district === null).toBe(agency !== 'land-office')
      expect(other.organisation.province === null).toBe(agency !== 'land-office')
      expect([other.total, other.tools, other.previous, other.contradictions]).toEqual([spec.total, spec.tools, spec.previous, spec.contradictions])
      for (const m of other.measures) expect(UNITS[agency]).toEqual(expect.arrayContaining([...m.responsible]))
      const title = renderTemplate(other, withChoices({ agency })).blocks.slice(0, 4).map((b) => (b.kind === 'heading' ? b.text : ''))
      expect(title).toContain(other.organisation.name)
    }
    expect(UNITS['land-office'].some((u) => u.startsWith('คณะทำงาน'))).toBe(true)
  })

  it('a summary outlined by tool: each tool a numbered row with its score, its indicators under it by name', () => {
    const [summary] = tables({ summary: 'tool-outline', digits: 'arabic' }, 'summary')
    const rows = summary!.rows.slice(1).map((r) => r.cells.map((x) => x.lines[0]))
    expect(rows.length).toBe(3 + spec.indicators.length)
    expect(rows[0]).toEqual(['1', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)', spec.tools[0]!.score.toFixed(2)])
    expect(rows[1]).toEqual(['1.1', spec.indicators[0]!.name, spec.indicators[0]!.scores.summary.toFixed(2)])
    expect(rows.find((r) => r[0] === '3.1')).toEqual(['3.1', spec.indicators[8]!.name, spec.indicators[8]!.scores.summary.toFixed(2)])
    expect(() => doc({ summary: 'tool-outline', toolScores: 'table-after' })).toThrow(/outline/)
  })

  it('last year\'s item scores beside this year\'s, both years\' totals in one sentence', () => {
    const [detail] = tables({ detail: 'with-previous-year', digits: 'arabic' }, 'detail')
    expect(detail!.rows[1]!.cells.map((x) => x.lines[0])).toEqual(['ปี 2567', 'ปี 2568'])
    const itemRows = detail!.rows.slice(2).filter((r) => r.cells.length === 4 && !r.cells[0]!.header)
    expect(itemRows.map((r) => [r.cells[0]!.lines[0], r.cells[3]!.lines[0]])).toEqual(spec.indicators.flatMap((i) => i.items.map((x) => [x.code, x.score.toFixed(2)])))
    expect(itemRows.some((r) => r.cells[2]!.lines[0] !== r.cells[3]!.lines[0])).toBe(true)
    const p = spec.previous
    expect(texts({ previous: 'respectively', digits: 'arabic' })).toContain(
      `เมื่อเปรียบเทียบผลการประเมินปีงบประมาณ พ.ศ. ${p.year} และปีงบประมาณ พ.ศ. 2568 ได้คะแนน ${p.score.toFixed(2)} และ ${spec.total.toFixed(2)} คะแนน ตามลำดับ มีคะแนน${p.difference > 0 ? 'เพิ่มขึ้น' : 'ลดลง'} ${Math.abs(p.difference).toFixed(2)} คะแนน`,
    )
  })

  it('the analysis as a table of strengths, points to develop and ways forward, the score under the name', () => {
    const [analysis] = tables({ analysis: 'strengths-table', digits: 'arabic' }, 'analysis')
    expect(analysis!.rows[0]!.cells.map((x) => x.lines[0])).toEqual(['ตัวชี้วัด', 'จุดแข็ง', 'จุดที่ต้องพัฒนา', 'แนวทางการพัฒนา'])
    expect(analysis!.rows.slice(1).map((r) => [r.cells[0]!.lines, r.cells[2]!.lines[0]])).toEqual(
      spec.indicators.map((i) => [[`ตัวชี้วัดที่ ${i.number} ${i.name}`, `(${i.scores.analysis.toFixed(2)} คะแนน)`], i.analysis]),
    )
  })

  it('progress and remarks columns, deadlines (no start in the truth but for the whole plan year), a form per measure', () => {
    const progress = tables({ measureColumns: 'progress', period: 'deadline', digits: 'arabic', measureNumbering: 'plain' }, 'measures')
    expect(progress[0]!.rows[0]!.cells.map((x) => x.lines[0]).at(-1)).toBe('ผลการดำเนินงาน')
    const rows = progress.flatMap((t) => t.rows.slice(t.repeatHeader))
    expect(rows.length).toBe(spec.measures.length)
    rows.forEach((r, i) => {
      const m = spec.measures[i]!
      const whole = m.period.from.month === 10 && m.period.to.month === 9 && m.period.to.yearBE === m.period.from.yearBE + 1
      expect(r.cells[4]!.lines[0]).toMatch(whole ? /^ตลอดปีงบประมาณ พ\.ศ\. \d{4}$/ : /^ภายในเดือน\S+ \d{4}$/)
    })
    // A v11 agency's periods are halves and quarters as often as whole years.
    const land = randomReportSpec(10, 2568, { agency: 'land-office' })
    const truth = truthOf(land, truthLayout(withChoices({ period: 'deadline', agency: 'land-office' })))
    const periods = truth.values.indicators.flatMap((i) => i.measures.map((m) => m.period))
    expect(periods.some((p) => p![0] === null)).toBe(true)
    for (const p of periods) expect(p![1]).not.toBeNull()
    const [remarks] = tables({ measureColumns: 'remarks', measureNumbering: 'plain' }, 'measures')
    expect(remarks!.rows[0]!.cells.at(-1)!.lines[0]).toBe('หมายเหตุ')
    const forms = tables({ measureLayout: 'form', measureColumns: 'progress', digits: 'arabic' }, 'measures')
    expect(forms.length).toBe(spec.measures.length)
    expect(forms[0]!.rows.map((r) => r.cells[0]!.lines[0])).toEqual(['แบบรายงานมาตรการที่ 1', 'ตัวชี้วัด', 'ประเด็นที่ต้องพัฒนา', 'คะแนน', 'มาตรการ/แนวทางการพัฒนา', 'ขั้นตอน/วิธีการดำเนินการ', 'ระยะเวลาดำเนินการ', 'ผู้รับผิดชอบ', 'ผลการดำเนินงาน'])
    expect(forms[0]!.rows[3]!.cells[1]!.lines[0]).toBe(spec.measures[0]!.itemScore.toFixed(2))
    expect(() => doc({ period: 'deadline', periodColumns: 'start-end' })).toThrow(/deadlines/)
  })
})

describe('v12 layout values', () => {
  // Each value on the seed template, as for v5-v11 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v12', 10)

  it('v12 has values no other template uses, and every v12 template uses three or more of them', () => expectBatchOfItsOwn('v12', { blind: undefined }))

  it('a PEA branch, a national park, a consular section, a technical college, a district office: own names and units, the seed\'s scores', () => {
    for (const agency of ['pea-branch', 'national-park', 'consular', 'vocational-college', 'district-office'] as const) {
      const other = randomReportSpec(10, 2568, { agency })
      expect(other.organisation.kind).toBe(agency)
      const byDistrict = agency === 'pea-branch' || agency === 'district-office'
      expect([other.organisation.district === null, other.organisation.province === null]).toEqual([!byDistrict, !byDistrict])
      expect([other.total, other.tools, other.previous, other.contradictions]).toEqual([spec.total, spec.tools, spec.previous, spec.contradictions])
      for (const m of other.measures) expect(UNITS[agency]).toEqual(expect.arrayContaining([...m.responsible]))
      const rendered = renderTemplate(other, withChoices({ agency, runningHeader: 'logo-text' }))
      expect(rendered.blocks.slice(0, 4).map((b) => (b.kind === 'heading' ? b.text : ''))).toContain(other.organisation.name)
      expect(rendered.runningHeader).toMatch(/^[\u0E00-\u0E7F ,]+ [A-Z ,]+$/)
    }
  })

  it('the indicators across by number with a legend, a target column, short tool names', () => {
    const [across] = tables({ summary: 'number-across', toolScores: 'table-after', digits: 'arabic' }, 'summary')
    expect(across!.rows.length).toBe(2)
    expect(across!.rows[0]!.cells.map((x) => x.lines[0])).toEqual(['ตัวชี้วัดที่', ...spec.indicators.map((i) => String(i.number))])
    expect(across!.rows[1]!.cells.slice(1).map((x) => x.lines[0])).toEqual(spec.indicators.map((i) => i.scores.summary.toFixed(2)))
    expect(texts({ summary: 'number-across', toolScores: 'table-after', digits: 'arabic' })).toEqual(expect.arrayContaining(spec.indicators.map((i) => `ตัวชี้วัดที่ ${i.number} หมายถึง ${i.name}`)))
    expect(() => doc({ summary: 'number-across' })).toThrow(/across/)
    const [target] = tables({ summary: 'number-column', indicatorResult: 'target', toolScores: 'table-after', digits: 'arabic' }, 'summary')
    expect(target!.rows[0]!.cells.at(-1)!.lines[0]).toBe('ค่าเป้าหมาย')
    for (const [k, r] of target!.rows.slice(1).entries()) expect(Number(r.cells.at(-1)!.lines[0])).toBeGreaterThan(spec.indicators[k]!.scores.summary >= 100 ? 99 : spec.indicators[k]!.scores.summary)
    const tools = tables({ toolScores: 'table-after', toolLabel: 'short', summary: 'number-column', digits: 'arabic' }, 'tools').flatMap((t) => t.rows.flatMap((r) => r.cells.map((x) => x.lines.join(' '))))
    expect(tools).toEqual(expect.arrayContaining(['แบบวัด IIT', 'แบบวัด EIT', 'แบบตรวจ OIT']))
  })

  it('only the items below full marks (the truth has no others), every score to three decimals (the truth\'s raw too)', () => {
    const [detail] = tables({ detail: 'below-full', digits: 'arabic' }, 'detail')
    const printed = detail!.rows.slice(1).filter((r) => !r.cells[0]!.header).map((r) => r.cells[0]!.lines[0]!.split(' ')[0])
    expect(printed).toEqual(spec.indicators.flatMap((i) => i.items.filter((x) => x.score < 100).map((x) => x.code)))
    const truth = truthOf(spec, truthLayout(withChoices({ detail: 'below-full' })))
    expect(truth.values.indicators.flatMap((i) => i.items.map((x) => x[0]))).toEqual(printed)
    const [summary] = tables({ scorePrecision: 'three', digits: 'arabic' }, 'summary')
    expect(summary!.rows[1]!.cells[1]!.lines[0]).toBe(spec.indicators[0]!.scores.summary.toFixed(3))
    const three = perfectReport(spec, truthLayout(withChoices({ scorePrecision: 'three' })))
    expect([three.totalScore!.prov.raw, three.indicators[0]!.scores.detail!.prov.raw]).toEqual([spec.total.toFixed(3), spec.indicators[0]!.scores.detail.toFixed(3)])
  })

  it('an executive summary first: the total, the tools and the highest and lowest indicators in prose, then the report', () => {
    const blocks = doc({ front: 'executive-summary', digits: 'arabic' }).blocks
    expect(blocks[0]).toMatchObject({ kind: 'heading', text: 'บทสรุปผู้บริหาร' })
    const prose = blocks.slice(0, blocks.findIndex((b) => b.kind === 'page-break')).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join(' ')
    expect(prose).toContain(`ได้คะแนน ${spec.total.toFixed(2)} คะแนน`)
    for (const t of spec.tools) expect(prose).toContain(`(${t.tool}) ได้ ${t.score.toFixed(2)} คะแนน`)
    const high = Math.max(...spec.indicators.map((i) => i.scores.summary))
    expect(prose).toContain(`(${high.toFixed(2)} คะแนน)`)
    expect(() => doc({ front: 'executive-summary', summary: 'below-pass', toolScores: 'table-after' })).toThrow(/executive summary/)
  })

  it('a measures table per quarter: every measure once, under the quarter it starts in', () => {
    // A v12 agency's periods start in any quarter (the seed's local draw starts every one in October).
    const other = randomReportSpec(10, 2568, { agency: 'district-office' })
    const blocks = doc({ agency: 'district-office', measureGrouping: 'per-quarter', measureIndicator: 'title-row', digits: 'arabic', measureNumbering: 'plain' }, other).blocks
    const quarters = blocks.flatMap((b, i) => (b.kind === 'heading' && b.text.startsWith('ไตรมาสที่') ? [[b.text, blocks[i + 1]] as const] : []))
    expect(quarters.length).toBeGreaterThan(1)
    const items = quarters.flatMap(([text, table]) => {
      const q = Number(text.match(/^ไตรมาสที่ (\d)/)![1])
      const rows = (table as TableBlock).rows.filter((r) => !r.cells[0]!.header)
      return rows.map((r) => {
        const m = other.measures.find((x) => r.cells.some((cl) => cl.lines[0]!.startsWith(`${x.item} `)))!
        expect(Math.floor(((m.period.from.month + 2) % 12) / 3) + 1).toBe(q)
        return m.item
      })
    })
    expect([...items].sort()).toEqual(other.measures.map((m) => m.item).sort())
  })
})

describe('v13 layout values', () => {
  // Each value on the seed template, as for v5-v12 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v13', 10)

  it('v13 has values no other template uses, and every v13 template uses three or more of them', () => expectBatchOfItsOwn('v13', { blind: undefined, agencies: 6 }))

  it('a provincial prison, a provincial health office, an irrigation project, a city municipality: own names and units, the seed\'s scores', () => {
    for (const agency of ['prison', 'provincial-health', 'irrigation-project', 'city-municipality'] as const) {
      const other = randomReportSpec(10, 2568, { agency })
      expect(other.organisation.kind).toBe(agency)
      // An irrigation project's name says no จังหวัด, so the truth has no province for it (spec.ts v13Organisation).
      expect(other.organisation.province === null).toBe(agency === 'irrigation-project')
      expect(other.organisation.district === null).toBe(agency !== 'city-municipality')
      expect([other.total, other.tools, other.previous, other.contradictions]).toEqual([spec.total, spec.tools, spec.previous, spec.contradictions])
      for (const m of other.measures) expect(UNITS[agency]).toEqual(expect.arrayContaining([...m.responsible]))
      expect(renderTemplate(other, withChoices({ agency })).blocks.slice(0, 4).map((b) => (b.kind === 'heading' ? b.text : ''))).toContain(other.organisation.name)
    }
  })

  it('the summary as a numbered list with dot leaders, the tools and total in a chart\'s data table', () => {
    const choices = { summary: 'leader-list', toolScores: 'chart-data', digits: 'arabic' } as const
    const lines = texts(choices).filter((x) => /^\d+\. .+ \.{8,} \d/.test(x))
    expect(lines).toEqual(spec.indicators.map((i) => expect.stringMatching(new RegExp(`^${i.number}\\. ${i.name} \\.+ ${i.scores.summary.toFixed(2)}$`))))
    const [chart] = tables(choices, 'tools')
    expect(chart!.rows.slice(1).map((r) => r.cells[1]!.lines[0])).toEqual([...spec.tools.map((t) => t.score.toFixed(2)), spec.total.toFixed(2)])
    expect(texts(choices)).toContain('ตารางข้อมูลประกอบแผนภูมิ')
    expect(() => doc({ summary: 'leader-list' })).toThrow(/toolScores column/)
  })

  it('a detail table per indicator under a line with its mean; the verdict before the total', () => {
    const choices = { detail: 'per-indicator-tables', digits: 'arabic' } as const
    const detail = tables(choices, 'detail')
    expect(detail.length).toBe(10)
    expect(detail.map((t) => t.rows.length - 1)).toEqual(spec.indicators.map((i) => i.items.length))
    expect(texts(choices)).toEqual(expect.arrayContaining(spec.indicators.map((i) => `ตัวชี้วัดที่ ${i.number} ${i.name} (คะแนนเฉลี่ย ${i.scores.detail.toFixed(2)} คะแนน)`)))
    expect(texts({ total: 'verdict-paren', digits: 'arabic' })).toEqual(expect.arrayContaining([expect.stringContaining(`${spec.level}เกณฑ์การประเมิน (${spec.total.toFixed(2)} คะแนน)`)]))
  })

  it('fiscal quarter ranges, abbreviated heads, the measures as an outline, the appointment order first', () => {
    const faculty = randomReportSpec(10, 2568, { agency: 'faculty' })
    const m = faculty.measures[0]!
    const outline = texts({ agency: 'faculty', period: 'quarter-range', measureLayout: 'outline', responsible: 'abbreviated-heads', digits: 'arabic' }, faculty)
    const head = outline.find((x) => x.startsWith('1.1 มาตรการ'))!
    expect(head).toMatch(/\(ผู้รับผิดชอบ : .+ ระยะเวลา : ไตรมาส \d(-\d)? ปีงบประมาณ พ.ศ. \d{4}\)$|ไตรมาส \d\/\d{4} - ไตรมาส \d\/\d{4}\)$/)
    expect(head).not.toMatch(/หัวหน้า|ผู้อำนวยการ/)
    expect(outline.filter((x) => x.startsWith('1.1.'))).toEqual(m.actions.map((a, i) => `1.1.${i + 1} ${a}`))
    expect(outline.filter((x) => x.startsWith('1.2.'))).toEqual(m.steps.map((s, i) => `1.2.${i + 1} ${s}`))
    // A local administration's months need not be whole quarters: such a report cannot print them so.
    const ragged = Array.from({ length: 40 }, (_, i) => randomReportSpec(i + 1)).find((s) => s.measures.some((x) => ![10, 1, 4, 7].includes(x.period.from.month)))!
    expect(() => doc({ period: 'quarter-range' }, ragged)).toThrow(/whole fiscal quarters/)
    const order = doc({ front: 'appointment-order', digits: 'arabic' }).blocks
    expect(order[0]).toMatchObject({ kind: 'heading', text: `คำสั่ง${spec.organisation.name}` })
    expect(order.findIndex((b) => b.kind === 'page-break')).toBeLessThan(order.findIndex((b) => b.kind === 'heading' && b.text === spec.organisation.name))
  })
})

describe('v14 layout values', () => {
  // Each value on the seed template, as for v5-v13 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v14', 10)

  it('v14 has values no other template uses, and every v14 template uses three or more of them', () => expectBatchOfItsOwn('v14', { blind: undefined, agencies: 6 }))

  it('a customs checkpoint, a community college, a waterworks regional office: own names and units, the seed\'s scores', () => {
    expectAgenciesOfTheirOwn(['customs-checkpoint', 'community-college', 'waterworks-region'], withChoices)
  })

  it('a slide deck: landscape throughout, a heading a page, bullet lines', () => {
    const blocks = doc({ pageOrientation: 'slides', digits: 'arabic' }).blocks
    expect(blocks[0]).toEqual({ kind: 'orientation', orientation: 'landscape' })
    expect(blocks.filter((b) => b.kind === 'orientation').every((b) => b.kind === 'orientation' && b.orientation === 'landscape')).toBe(true)
    blocks.forEach((b, i) => {
      if (b.kind === 'heading' && i > 1) expect(['page-break', 'orientation', 'heading'], b.text).toContain(blocks[i - 1]!.kind)
    })
    const prose = blocks.filter((b) => b.kind === 'paragraph' && !b.bold && b.align !== 'center')
    expect(prose.length).toBeGreaterThan(0)
    for (const b of prose) expect(b.kind === 'paragraph' && b.text.startsWith('• ')).toBe(true)
    expect(() => doc({ pageOrientation: 'slides', measureOrientation: 'portrait' })).toThrow(/landscape/)
  })

  it('the tool matrix: a score only under its own tool, the tools\' scores in a last row', () => {
    const [matrix] = tables({ summary: 'tool-matrix', digits: 'arabic' }, 'summary')
    expect(matrix!.rows[0]!.cells.map((x) => x.lines[0])).toEqual(['ตัวชี้วัด', 'IIT', 'EIT', 'OIT'])
    spec.indicators.forEach((ind, k) => {
      const cells = matrix!.rows[k + 1]!.cells.slice(1).map((x) => x.lines[0])
      expect(cells).toEqual((['IIT', 'EIT', 'OIT'] as const).map((t) => (t === ind.tool ? ind.scores.summary.toFixed(2) : '-')))
    })
    expect(matrix!.rows.at(-1)!.cells.slice(1).map((x) => x.lines[0])).toEqual(spec.tools.map((t) => t.score.toFixed(2)))
    expect(() => doc({ summary: 'tool-matrix', toolScores: 'group-rows' })).toThrow(/tool matrix/)
  })

  it('every score to one decimal, and the truth holds the values printed', () => {
    const [summary] = tables({ scorePrecision: 'one', digits: 'arabic' }, 'summary')
    expect(summary!.rows[1]!.cells[1]!.lines[0]).toBe(spec.indicators[0]!.scores.summary.toFixed(1))
    const one = perfectReport(spec, truthLayout(withChoices({ scorePrecision: 'one' })))
    expect(one.totalScore!.value).toBe(Number(spec.total.toFixed(1)))
    expect(one.totalScore!.prov.raw).toBe(spec.total.toFixed(1))
    expect(one.tools.map((t) => t.score!.value)).toEqual(spec.tools.map((t) => Number(t.score.toFixed(1))))
    expect(one.indicators[0]!.items.map((i) => i.score!.value)).toEqual(spec.indicators[0]!.items.map((i) => Number(i.score.toFixed(1))))
    expect(Math.abs(one.previous!.difference!.value!)).toBe(Number(Math.abs(spec.previous.difference).toFixed(1)))
  })

  it('items as sentences, the total only in a footnote, OIT ticks', () => {
    const lines = texts({ detail: 'item-sentences', digits: 'arabic' })
    const ind = spec.indicators[0]!
    expect(lines).toContain(`ตัวชี้วัดที่ ${ind.number} ${ind.name} ได้คะแนน ${ind.scores.detail.toFixed(2)} คะแนน`)
    for (const item of ind.items) expect(lines).toContain(`ข้อ ${item.code} ${item.title} ได้คะแนน ${item.score.toFixed(2)} คะแนน`)
    expect(() => doc({ detail: 'item-sentences', oitItems: 'check-marks' })).toThrow(/marks/)
    const footnoted = texts({ total: 'level-footnote', digits: 'arabic' })
    const verdict = footnoted.find((x) => x.endsWith('เกณฑ์การประเมิน*'))!
    expect(verdict).toContain(spec.level)
    expect(verdict).not.toContain(spec.total.toFixed(2))
    expect(footnoted).toContain(`* คะแนนรวม ${spec.total.toFixed(2)} คะแนน (เกณฑ์ผ่าน 85.00 คะแนน)`)
    expect(() => doc({ total: 'level-footnote', previous: 'footnote' })).toThrow(/footnote/)
    const oit = spec.indicators.find((i) => i.tool === 'OIT')!
    const marks = tables({ oitItems: 'check-marks' }, 'detail')[0]!.rows.flatMap((r) => r.cells.map((x) => x.lines[0]))
    expect(marks.filter((x) => x === '✓' || x === '✗').length).toBe(spec.indicators.filter((i) => i.tool === 'OIT').flatMap((i) => i.items).length)
    expect(oit.items.length).toBeGreaterThan(0)
  })

  it('short month ranges with the year once, the measures per lead unit, last year\'s measures before and after', () => {
    const faculty = randomReportSpec(10, 2568, { agency: 'faculty' })
    for (const m of faculty.measures) {
      const text = periodText(m.period, withChoices({ period: 'short-year-once', digits: 'arabic' }).choices, { n: (x: number) => String(x), text: (s: string) => s } as never)
      expect(text).toMatch(m.period.from.yearBE === m.period.to.yearBE ? /^\S+ - \S+ \d\d$/ : /^\S+ \d\d - \S+ \d\d$/)
    }
    expect(truthLayout(withChoices({ period: 'short-year-once' })).startYearOnce).toBe(true)
    const perUnit = doc({ measureGrouping: 'per-unit', digits: 'arabic' }, faculty).blocks
    const leads = [...new Set(faculty.measures.map((m) => m.responsible[0]!))]
    expect(perUnit.filter((b) => b.kind === 'heading' && b.level === 3).map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual(leads)
    expect(perUnit.filter((b) => b.kind === 'table' && b.role === 'measures').length).toBe(leads.length)
    const [before] = tables({ lastYearMeasures: 'before-after', digits: 'arabic' }, 'last-year-measures', faculty)
    expect(before!.rows[0]!.cells.map((x) => x.lines[0])).toEqual(['ประเด็น', 'มาตรการปี 2567', 'ผลการดำเนินงาน', 'ก่อน (2567)', 'หลัง (2568)'])
    const firstItems = [...new Set(faculty.measures.map((m) => m.item))].slice(0, 4)
    expect(before!.rows.length - 1).toBe(firstItems.length)
    // This year's score is the detail's; the truth is the spec's whatever last year's table prints.
    expect(truthOf(faculty, truthLayout(withChoices({ lastYearMeasures: 'before-after' })))).toEqual(truthOf(faculty, truthLayout(withChoices({}))))
  })
})

describe('v15 layout values', () => {
  // Each value on the seed template, as for v5-v14 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v15', 10)
  const plain = truthOf(spec, truthLayout(withChoices({})))
  const sameTruth = (choices: Partial<Template['choices']>) => expect(truthOf(spec, truthLayout(withChoices(choices)))).toEqual(plain)

  it('v15 has values no other template uses, and every v15 template uses three or more of them', () => expectBatchOfItsOwn('v15', { blind: true, agencies: 6 }))

  it('a Bangkok district office, an area revenue office, an educational service area: own names and units, the seed\'s scores', () => {
    expectAgenciesOfTheirOwn(['bangkok-district', 'revenue-area', 'education-area'], withChoices)
  })

  it('this year\'s column first, the headline figures in a box, the change from last year to this', () => {
    const [summary] = tables({ summary: 'current-first', toolScores: 'table-after', digits: 'arabic' }, 'summary')
    expect(summary!.rows[0]!.cells.map((x) => x.lines[0])).toEqual(['ตัวชี้วัด', 'ปี 2568', 'ปี 2567', 'ผลต่าง'])
    spec.indicators.forEach((ind, k) => expect(summary!.rows[k + 1]!.cells[1]!.lines[0]).toBe(ind.scores.summary.toFixed(2)))
    expect(() => doc({ summary: 'current-first' })).toThrow(/last year/)
    const [box] = tables({ total: 'key-figures', digits: 'arabic' }, 'key-figures')
    expect(box!.rows.map((r) => r.cells.map((x) => x.lines[0]))).toEqual([['คะแนนรวม (ITA Score)', spec.total.toFixed(2)], ['ระดับผลการประเมิน', spec.level], ['เกณฑ์ผ่านการประเมิน', '85.00 คะแนนขึ้นไป']])
    expect(texts({ total: 'key-figures', digits: 'arabic' }).some((x) => x.includes(spec.total.toFixed(2)))).toBe(false)
    const p = spec.previous
    const fromTo = texts({ previous: 'from-to', digits: 'arabic' }).find((x) => x.includes('จาก '))!
    expect(fromTo).toContain(`จาก ${p.score.toFixed(2)} คะแนน เป็น ${spec.total.toFixed(2)} คะแนน (${p.difference > 0 ? 'เพิ่มขึ้น' : 'ลดลง'} ${Math.abs(p.difference).toFixed(2)} คะแนน)`)
    sameTruth({ summary: 'current-first', toolScores: 'table-after' })
    sameTruth({ total: 'key-figures' })
    sameTruth({ previous: 'from-to' })
  })

  it('English indicator names, a verdict column, the verdict only in the two- and three-column lists', () => {
    const ind = spec.indicators[0]!
    expect(texts({ indicatorLanguage: 'bilingual', digits: 'arabic' }).some((x) => x.includes(`ตัวชี้วัดที่ 1 ${ind.name} (Performance of Duty)`))).toBe(true)
    const [detail] = tables({ itemVerdict: 'column', detail: 'three-col', digits: 'arabic' }, 'detail')
    expect(detail!.rows[0]!.cells.map((x) => x.lines[0]).at(-1)).toBe('ผลการพิจารณา')
    expect(detail!.columns.reduce((a, b) => a + b, 0)).toBe(100)
    const rows = detail!.rows.slice(1)
    const scores = spec.indicators.flatMap((i) => [i.scores.detail, ...i.items.map((x) => x.score)])
    expect(rows.map((r) => r.cells.at(-1)!.lines[0])).toEqual(scores.map((x) => (x >= 85 ? 'ผ่าน' : 'ต้องพัฒนา')))
    expect(() => doc({ itemVerdict: 'column', detail: 'per-tool' })).toThrow(/verdict/)
    sameTruth({ indicatorLanguage: 'bilingual' })
    sameTruth({ itemVerdict: 'column' })
  })

  it('a rank, a risk matrix, a budget table, a profile: numbers of no value in the report, the truth unchanged', () => {
    expect(texts({ ranking: 'sentence', digits: 'arabic' }).some((x) => /อยู่ในอันดับที่ \d+ จาก \d+ หน่วยงาน/.test(x))).toBe(true)
    const [risk] = tables({ riskTable: 'matrix', digits: 'arabic' }, 'risk')
    for (const row of risk!.rows.slice(1)) {
      const [l, i, product] = row.cells.slice(2, 5).map((x) => Number(x.lines[0]))
      expect(product).toBe(l! * i!)
    }
    const [budget] = tables({ budgetSummary: 'table', digits: 'arabic' }, 'budget')
    expect(budget!.rows.length).toBe(spec.measures.length + 2)
    const baht = (s: string) => (s === '-' ? 0 : Number(s.replaceAll(',', '')))
    expect(baht(budget!.rows.at(-1)!.cells[1]!.lines[0]!)).toBe(budget!.rows.slice(1, -1).reduce((n, r) => n + baht(r.cells[2]!.lines[0]!), 0))
    const profiled = doc({ front: 'profile', sectionNumbering: 'part', digits: 'arabic' }).blocks
    const firstSection = profiled.find((b) => b.kind === 'heading' && b.level === 2)
    expect(firstSection).toMatchObject({ text: 'ส่วนที่ 1 ข้อมูลทั่วไปของหน่วยงาน' })
    expect(profiled.filter((b) => b.kind === 'table' && b.role === 'staff').length).toBe(1)
    for (const choices of [{ ranking: 'sentence' }, { riskTable: 'matrix' }, { budgetSummary: 'table' }, { front: 'profile' }] as const) sameTruth(choices)
  })

  it('the analysis in two columns: the title full width, the prose between columns blocks; no columns for tables or slides', () => {
    const blocks = doc({ analysisColumns: 'two', digits: 'arabic' }).blocks
    const start = blocks.findIndex((b) => b.kind === 'columns' && b.count === 2)
    const end = blocks.findIndex((b) => b.kind === 'columns' && b.count === 1)
    expect(blocks[start - 1]).toMatchObject({ kind: 'heading', level: 2, text: expect.stringMatching(/^การวิเคราะห์ผลการประเมินรายตัวชี้วัด/) })
    expect(end - start - 1).toBe(2 * spec.indicators.length)
    const html = renderHtml(doc({ analysisColumns: 'two' }), FONTS.sarabun!)
    expect(html).toContain('column-count: 2')
    expect(html.match(/<div class="columns-2">/g)?.length).toBe(1)
    expect(renderHtml(doc({}), FONTS.sarabun!)).not.toContain('column')
    expect(renderTranscript(doc({ analysisColumns: 'two' }))).toBe(renderTranscript(doc({})))
    expect(() => doc({ analysisColumns: 'two', analysis: 'table' })).toThrow(/columns/)
    sameTruth({ analysisColumns: 'two' })
  })

  it('periods as a length in months, then the months', () => {
    const faculty = randomReportSpec(10, 2568, { agency: 'faculty' })
    for (const m of faculty.measures) {
      const text = periodText(m.period, withChoices({ period: 'duration', digits: 'arabic' }).choices, { n: (x: number) => String(x), text: (s: string) => s } as never)
      const months = (m.period.to.yearBE - m.period.from.yearBE) * 12 + m.period.to.month - m.period.from.month + 1
      expect(text).toMatch(new RegExp(`^${months} เดือน \\(\\S+ \\d\\d - \\S+ \\d\\d\\)$`))
    }
    expect(truthLayout(withChoices({ period: 'duration' })).startYearOnce).toBeUndefined()
  })
})

describe('v16 layout values', () => {
  // Each value on the seed template, as for v5-v15 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v16', 10)
  const plain = truthOf(spec, truthLayout(withChoices({})))
  const sameTruth = (choices: Partial<Template['choices']>) => expect(truthOf(spec, truthLayout(withChoices(choices)))).toEqual(plain)

  it('v16 has values no other template uses, and every v16 template uses three or more of them', () => expectBatchOfItsOwn('v16', { blind: undefined, agencies: 6 }))

  it('a military welfare office: own name and units, the seed\'s scores', () => {
    expectAgenciesOfTheirOwn(['military-welfare'], withChoices)
  })

  it('a social development office: named after its province, which the truth has (as v13\'s provincial offices)', () => {
    const other = randomReportSpec(10, 2568, { agency: 'social-development' })
    expect(other.organisation.name).toBe(`สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด${other.organisation.province}`)
    expect(other.organisation.district).toBeNull()
    expect([other.total, other.tools, other.previous, other.contradictions]).toEqual([spec.total, spec.tools, spec.previous, spec.contradictions])
    for (const m of other.measures) expect(UNITS['social-development']).toEqual(expect.arrayContaining([...m.responsible]))
    const head = renderTemplate(other, withChoices({ agency: 'social-development' })).blocks.slice(0, 4).map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : ''))
    expect(head).toEqual(expect.arrayContaining([other.organisation.name, other.organisation.parent]))
  })

  it('a Tambon municipality in the south: its district and province printed, its own units, the seed\'s scores', () => {
    const other = randomReportSpec(10, 2568, { agency: 'southern-tambon' })
    expect(other.organisation.name).toMatch(/^เทศบาลตำบล/)
    expect([other.organisation.district, other.organisation.province].every((x) => typeof x === 'string')).toBe(true)
    expect([other.total, other.tools, other.previous]).toEqual([spec.total, spec.tools, spec.previous])
    for (const m of other.measures) expect(UNITS['southern-tambon']).toEqual(expect.arrayContaining([...m.responsible]))
  })

  it('measures in prose: one paragraph an item with its measures, steps, units and period; no place for columns of their own', () => {
    const blocks = doc({ measureLayout: 'prose', digits: 'arabic' }).blocks
    const items = blocks.filter((b) => b.kind === 'paragraph' && b.text.startsWith('ประเด็น '))
    expect(items.length).toBe(spec.measures.length)
    spec.measures.forEach((m, k) => {
      const text = (items[k] as { text: string }).text
      expect(text).toContain(`ได้คะแนน ${m.itemScore.toFixed(2)} คะแนน`)
      for (const a of [...m.actions, ...m.steps, ...m.responsible, m.analysis]) expect(text).toContain(a)
      expect(text).toMatch(/ดำเนินการโดย .+ ระยะเวลาดำเนินการ /)
    })
    expect(blocks.some((b) => b.kind === 'table' && b.role === 'measures')).toBe(false)
    expect(() => doc({ measureLayout: 'prose', measureColumns: 'nine' })).toThrow(/prose/)
    sameTruth({ measureLayout: 'prose' })
  })

  it('results as an annex after the measures and the signature; the ITAS sheet as the appendix', () => {
    const blocks = doc({ resultsPlacement: 'annex', signature: 'signed', appendix: 'itas-sheet', digits: 'arabic' }).blocks
    const at = (pred: (b: (typeof blocks)[number]) => boolean) => blocks.findIndex(pred)
    const annex = at((b) => b.kind === 'heading' && b.text === 'ภาคผนวก ก ผลการประเมิน ITA')
    expect(annex).toBeGreaterThan(at((b) => b.kind === 'table' && b.role === 'measures'))
    expect(annex).toBeGreaterThan(at((b) => b.kind === 'paragraph' && b.text.startsWith('ลงชื่อ')))
    expect(at((b) => b.kind === 'table' && b.role === 'summary')).toBeGreaterThan(annex)
    expect(at((b) => b.kind === 'heading' && b.text === 'ภาคผนวก ข')).toBeGreaterThan(at((b) => b.kind === 'table' && b.role === 'detail'))
    const [sheet] = tables({ appendix: 'itas-sheet', digits: 'arabic' }, 'itas-sheet')
    expect(sheet!.rows[2]!.cells.map((x) => x.lines[0]).slice(2)).toEqual([...spec.tools.map((t) => t.score.toFixed(2)), spec.total.toFixed(2), spec.level])
    expect(() => doc({ resultsPlacement: 'annex', overallPosition: 'conclusion' })).toThrow(/annex/)
    sameTruth({ resultsPlacement: 'annex' })
    sameTruth({ appendix: 'itas-sheet' })
  })

  it('a summary table per tool, the OIT items ticked, items numbered within their indicator', () => {
    const summaries = tables({ summary: 'per-tool-tables', digits: 'arabic' }, 'summary')
    expect(summaries.map((t) => t.rows.length - 1)).toEqual([5, 3, 2])
    expect(texts({ summary: 'per-tool-tables', digits: 'arabic' })).toContain(`1) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) คะแนน ${spec.tools[0]!.score.toFixed(2)} คะแนน`)
    const [, checklist] = tables({ detail: 'oit-checklist', digits: 'arabic' }, 'detail')
    expect(checklist!.rows[0]!.cells.map((x) => x.lines[0])).toEqual(['ข้อ', 'รายการข้อมูล', 'มี', 'ไม่มี'])
    const oit = spec.indicators.filter((i) => i.tool === 'OIT').flatMap((i) => i.items)
    const ticks = checklist!.rows.filter((r) => !r.cells[0]!.header).map((r) => (r.cells[2]!.lines[0] === '✓' ? 100 : r.cells[3]!.lines[0] === '✓' ? 0 : -1))
    expect(ticks).toEqual(oit.map((i) => i.score))
    expect(() => doc({ detail: 'oit-checklist', oitItems: 'yes-no' })).toThrow(/checklist/)
    const [detail] = tables({ codeForm: 'item-number', detail: 'three-col', digits: 'arabic' }, 'detail')
    const codes = detail!.rows.filter((r) => r.cells.length === 3 && !r.cells[0]!.header).map((r) => r.cells[0]!.lines[0])
    expect(codes).toEqual(spec.indicators.flatMap((ind) => ind.items.map((_, k) => `${ind.number}.${k + 1}`)))
    sameTruth({ summary: 'per-tool-tables', toolScores: 'table-after' })
    sameTruth({ detail: 'oit-checklist' })
    sameTruth({ codeForm: 'item-number' })
  })

  it('scores out of 100, parts lettered, a glossary of the tools, the head\'s endorsement', () => {
    const [summary] = tables({ cellUnit: 'out-of-100', digits: 'arabic' }, 'summary')
    expect(summary!.rows[1]!.cells[1]!.lines[0]).toBe(`${spec.indicators[0]!.scores.summary.toFixed(2)}/100`)
    const [thai] = tables({ cellUnit: 'out-of-100' }, 'summary')
    expect(thai!.rows[1]!.cells[1]!.lines[0]).toMatch(/^[๐-๙]+\.[๐-๙]{2}\/๑๐๐$/)
    const headings = doc({ sectionNumbering: 'thai-letters' }).blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text.slice(0, 3))
    expect(headings.slice(0, 4)).toEqual(['ก. ', 'ข. ', 'ค. ', 'ง. '])
    const glossary = texts({ glossary: 'tools', digits: 'arabic' }).filter((x) => /^\d\) .+ \(.+ : (IIT|EIT|OIT)\) ประเมินตัวชี้วัดที่/.test(x))
    expect(glossary.length).toBe(3)
    const signed = texts({ signature: 'endorsement', digits: 'arabic' })
    expect(signed).toContain('ความเห็นของผู้บังคับบัญชา')
    expect(signed).toContain(`(${spec.signature.name})`)
    for (const choices of [{ cellUnit: 'out-of-100' }, { sectionNumbering: 'thai-letters' }, { glossary: 'tools' }, { signature: 'endorsement' }] as const) sameTruth(choices)
  })
})

describe('v17 layout values', () => {
  // Each value on the seed template, as for v5-v16 above: nothing of a blind template is printed here.
  const { withChoices, spec, doc, tables, texts } = valueFixtures('v17', 10)
  const plain = truthOf(spec, truthLayout(withChoices({})))
  const sameTruth = (choices: Partial<Template['choices']>) => expect(truthOf(spec, truthLayout(withChoices(choices)))).toEqual(plain)

  it('v17 has values no other template uses, and every v17 template uses three or more of them', () => expectBatchOfItsOwn('v17', { blind: true, agencies: 6 }))

  it('a disaster prevention office, an agricultural office, a probation office: own names and units, the seed\'s scores, periods of whole quarters', () => {
    expectAgenciesOfTheirOwn(['disaster-prevention', 'agriculture-office', 'probation-office'], withChoices)
    const other = randomReportSpec(10, 2568, { agency: 'probation-office' })
    expect(other.organisation.name).toMatch(/^สำนักงานคุมประพฤติจังหวัด/)
    expect(other.signature.position).toBe(`ผู้อำนวยการ${other.organisation.name}`)
    for (const m of other.measures) expect([[10, 1, 4, 7].includes(m.period.from.month), [12, 3, 6, 9].includes(m.period.to.month)]).toEqual([true, true])
  })

  it('periods ticked under the plan year\'s quarters, a period not of whole quarters of it in words across them', () => {
    const quartersOf = (s: typeof spec) => tables({ period: 'quarter-ticks', digits: 'arabic', measureNumbering: 'plain' }, 'measures', s)
    const [first] = quartersOf(spec)
    expect(first!.columns.length).toBe(7 - 1 + 4)
    expect(first!.rows[1]!.cells.map((x) => x.lines)).toEqual([
      ['ไตรมาส 1', '(ต.ค. - ธ.ค. 68)'], ['ไตรมาส 2', '(ม.ค. - มี.ค. 69)'], ['ไตรมาส 3', '(เม.ย. - มิ.ย. 69)'], ['ไตรมาส 4', '(ก.ค. - ก.ย. 69)'],
    ])
    // The plan year's quarters: from the first day of the first ticked to the last day of the last ticked.
    const quarterStart = [[2568, 10], [2569, 1], [2569, 4], [2569, 7]] as const
    const quarterEnd = [[2568, 12, 31], [2569, 3, 31], [2569, 6, 30], [2569, 9, 30]] as const
    let [ticked, worded] = [0, 0]
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      for (const s of [randomReportSpec(seed), randomReportSpec(seed, 2568, { agency: 'disaster-prevention' })]) {
        const rows = tables({ period: 'quarter-ticks', digits: 'arabic', measureNumbering: 'plain', agency: s.organisation.kind === 'disaster-prevention' ? 'disaster-prevention' : 'local' }, 'measures', s).flatMap((t) => t.rows.slice(t.repeatHeader))
        expect(rows.length).toBe(s.measures.length)
        rows.forEach((r, k) => {
          const p = s.measures[k]!.period
          const quarters = r.cells.slice(5, -1)
          if (quarters.length === 1) {
            worded++
            expect([quarters[0]!.colSpan, quarters[0]!.lines[0]!.includes(' - ')]).toEqual([4, true])
            return
          }
          ticked++
          const on = quarters.flatMap((x, q) => (x.lines[0] === '✓' ? [q] : []))
          expect(on).toEqual(Array.from({ length: on.at(-1)! - on[0]! + 1 }, (_, i) => on[0]! + i))
          expect([p.from.yearBE, p.from.month, p.from.day]).toEqual([...quarterStart[on[0]!]!, 1])
          expect([p.to.yearBE, p.to.month, p.to.day]).toEqual(quarterEnd[on.at(-1)!])
        })
      }
    }
    expect([ticked > 0, worded > 0]).toEqual([true, true])
    expect(() => doc({ period: 'quarter-ticks', periodColumns: 'start-end' })).toThrow(/quarters/)
    expect(() => doc({ period: 'quarter-ticks', measureLayout: 'paragraphs' })).toThrow(/quarters/)
    sameTruth({ period: 'quarter-ticks' })
  })

  it('three years side by side with the change, and arrows that agree with it; last year\'s indicator scores of no value', () => {
    const [summary] = tables({ summary: 'three-years', toolScores: 'table-after', scoreMark: 'arrow', digits: 'arabic' }, 'summary')
    expect(summary!.rows[0]!.cells.map((x) => x.lines[0])).toEqual(['ตัวชี้วัด', 'ปี 2566', 'ปี 2567', 'ปี 2568', 'ผลต่าง (2568-2567)'])
    summary!.rows.slice(1).forEach((r, k) => {
      const ind = spec.indicators[k]!
      const [, , before, now, change] = r.cells.map((x) => x.lines[0]!)
      expect(r.cells[0]!.lines[0]).toBe(`ตัวชี้วัดที่ ${ind.number} ${ind.name}`)
      expect(now).toMatch(/^\d+\.\d\d [▲▼–]$/)
      expect(Number(now!.slice(0, -2))).toBe(ind.scores.summary)
      expect(Number(change)).toBeCloseTo(ind.scores.summary - Number(before), 2)
      expect(now!.at(-1)).toBe(Number(change) > 0 ? '▲' : Number(change) < 0 ? '▼' : '–')
    })
    const [plainSummary] = tables({ scoreMark: 'arrow', digits: 'arabic' }, 'summary')
    const arrowed = plainSummary!.rows.flatMap((r) => r.cells.flatMap((x) => (/ [▲▼–]$/.test(x.lines[0]!) ? [Number(x.lines[0]!.slice(0, -2))] : [])))
    expect(arrowed).toEqual(spec.indicators.map((i) => i.scores.summary))
    expect(() => doc({ summary: 'three-years', toolScores: 'column' })).toThrow(/three years/)
    expect(() => doc({ summary: 'three-years', toolScores: 'table-after', summaryTotalRow: 'row' })).toThrow(/total row/)
    sameTruth({ summary: 'three-years', toolScores: 'table-after' })
    sameTruth({ scoreMark: 'arrow' })
  })

  it('the item list in two halves side by side: every row of the three-column list once, the second half beside the first', () => {
    const [twoUp] = tables({ detail: 'two-up', digits: 'arabic' }, 'detail')
    const [threeCol] = tables({ detail: 'three-col', digits: 'arabic' }, 'detail')
    expect(twoUp!.rows[0]!.cells.map((x) => x.lines[0])).toEqual(['ข้อ', 'ประเด็นการประเมิน', 'คะแนนที่ได้', 'ข้อ', 'ประเด็นการประเมิน', 'คะแนนที่ได้'])
    const width = (cells: readonly { colSpan?: number }[]) => cells.reduce((n, x) => n + (x.colSpan ?? 1), 0)
    const halves = twoUp!.rows.slice(1).map((r) => {
      const at = r.cells.findIndex((_, k) => width(r.cells.slice(0, k)) === 3)
      return [r.cells.slice(0, at), r.cells.slice(at)]
    })
    const text = (cells: readonly { lines: readonly string[] }[]) => cells.map((x) => x.lines.join(' ')).join(' | ')
    const read = [...halves.map(([left]) => left!), ...halves.map(([, right]) => right!)].map(text).filter((x) => x !== ' |  | ')
    expect(read).toEqual(threeCol!.rows.slice(1).map((r) => text(r.cells)))
    // The second half opens with an indicator's title row beside the first's, and both halves hold rows.
    expect([halves[0]![0]![0]!.header, halves[0]![1]![0]!.header]).toEqual([true, true])
    expect(halves.filter(([, right]) => text(right!) === ' |  | ').length).toBeLessThan(halves.length / 2)
    expect(() => doc({ detail: 'two-up', itemVerdict: 'column' })).toThrow(/verdict/)
    sameTruth({ detail: 'two-up' })
  })

  it('OIT items ผ่าน / ไม่ผ่าน, the tools in English, ตัวชี้วัดที่ 1 : ...', () => {
    const [detail] = tables({ oitItems: 'pass-fail', digits: 'arabic' }, 'detail')
    const oit = spec.indicators.filter((i) => i.tool === 'OIT').flatMap((i) => i.items)
    const marks = detail!.rows.filter((r) => /^o\d+ /.test(r.cells[0]!.lines[0]!)).map((r) => r.cells[1]!.lines[0])
    expect(marks).toEqual(oit.map((i) => (i.score === 100 ? 'ผ่าน' : 'ไม่ผ่าน')))
    expect(() => doc({ oitItems: 'pass-fail', detail: 'item-sentences' })).toThrow(/marks/)
    const [tools] = tables({ toolLabel: 'english', toolScores: 'table-after', digits: 'arabic' }, 'tools')
    expect(tools!.rows.slice(1).map((r) => r.cells[0]!.lines[0])).toEqual([
      'Internal Integrity and Transparency Assessment (IIT)', 'External Integrity and Transparency Assessment (EIT)', 'Open Data Integrity and Transparency Assessment (OIT)',
    ])
    const [colon] = tables({ indicatorLabel: 'colon', digits: 'arabic' }, 'detail')
    expect(colon!.rows[1]!.cells[0]!.lines[0]).toBe(`ตัวชี้วัดที่ 1 : ${spec.indicators[0]!.name}`)
    for (const choices of [{ oitItems: 'pass-fail' }, { toolLabel: 'english' }, { indicatorLabel: 'colon' }] as const) sameTruth(choices)
  })

  it('a document-control line atop every page, a source line under the score tables, units marked lead and joint, a line a year, KPI and target apart', () => {
    const header = doc({ runningHeader: 'form-code', digits: 'arabic' }).runningHeader
    expect(header).toMatch(/^เอกสารหมายเลข FM-ITA-\d\d แก้ไขครั้งที่ \d\d วันที่บังคับใช้ \d{1,2} ต\.ค\. 2567$/)
    const sources = texts({ notes: 'source', digits: 'arabic' }).filter((x) => x.startsWith('ที่มา : ระบบ ITAS'))
    expect(sources).toEqual(Array(2).fill('ที่มา : ระบบ ITAS สำนักงาน ป.ป.ช. (ข้อมูล ณ วันที่ 30 กันยายน 2568)'))
    const measures = tables({ responsible: 'lead-marked', digits: 'arabic' }, 'measures').flatMap((t) => t.rows.slice(t.repeatHeader))
    measures.forEach((r, k) => expect(r.cells.at(-1)!.lines).toEqual(spec.measures[k]!.responsible.map((u, i) => `${u} (${i === 0 ? 'หลัก' : 'ร่วม'})`)))
    const years = texts({ previous: 'year-lines', digits: 'arabic' }).filter((x) => x.startsWith('ปีงบประมาณ พ.ศ.'))
    expect(years).toEqual([
      `ปีงบประมาณ พ.ศ. ${spec.previous.year} ได้คะแนน ${spec.previous.score.toFixed(2)} คะแนน`,
      `ปีงบประมาณ พ.ศ. 2568 ได้คะแนน ${spec.total.toFixed(2)} คะแนน (${spec.previous.difference > 0 ? 'เพิ่มขึ้น' : 'ลดลง'} ${Math.abs(spec.previous.difference).toFixed(2)} คะแนน)`,
    ])
    const [kpi] = tables({ measureColumns: 'kpi-target-budget', measureNumbering: 'plain', digits: 'arabic' }, 'measures')
    expect(kpi!.rows[0]!.cells.map((x) => x.lines[0]).slice(2)).toEqual(['มาตรการ/แนวทางการพัฒนา', 'ขั้นตอน/วิธีการดำเนินการ', 'ตัวชี้วัดความสำเร็จ (KPI)', 'ค่าเป้าหมาย', 'งบประมาณ (บาท)', 'ระยะเวลาดำเนินการ', 'ผู้รับผิดชอบ'])
    for (const r of kpi!.rows.slice(1)) expect(r.cells[5]!.lines[0]).toMatch(/^(ร้อยละ \d+( ของรายการ)?|\d+ ครั้ง|\d+ เรื่อง)$/)
    for (const choices of [{ runningHeader: 'form-code' }, { notes: 'source' }, { responsible: 'lead-marked' }, { previous: 'year-lines' }, { measureColumns: 'kpi-target-budget' }] as const) sameTruth(choices)
  })
})
