import { describe, expect, it } from 'vitest'
import { cell, heading, orientation, pageBreak, paragraph, type Block, type LayoutDoc, type TableBlock } from './blocks.js'
import { committedSeed } from './generate-layouts.js'
import { perturbationNamed, perturbDoc } from './perturb.js'
import { mergeLines, noBlankLines, pageFurniture, plainHeadings, reorderSections, SECTION_PERTURBATIONS, sectionsOf } from './perturb-sections.js'
import { renderTemplate, templateSpec, TEMPLATES } from './templates.js'

const table = (role: string, rows: string[][], repeatHeader = 1): TableBlock => ({
  kind: 'table',
  columns: rows[0]!.map(() => 1),
  repeatHeader,
  role,
  rows: rows.map((r, i) => ({ cells: r.map((t) => cell(t, { header: i < repeatHeader })) })),
})

const detailRows = [['ประเด็นการประเมิน', 'คะแนนที่ได้'], ...Array.from({ length: 12 }, (_, i) => [`i${i + 1} ข้อคำถามที่ ${i + 1}`, `${80 + i}.${10 + i}`])]

const report: LayoutDoc = {
  title: 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร',
  blocks: [
    heading(1, 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร'),
    heading(2, '1. สรุปผลการประเมินรายตัวชี้วัด'),
    table('summary', [['ตัวชี้วัด', 'คะแนน'], ['การปฏิบัติหน้าที่', '89.41']]),
    pageBreak,
    heading(2, '2. ผลคะแนนรายประเด็นการประเมิน'),
    table('detail', detailRows),
    pageBreak,
    heading(2, '3. ผลการประเมินในภาพรวม'),
    paragraph('ได้ผลคะแนนเฉลี่ย 80.96 คะแนน'),
    heading(2, '4. การวิเคราะห์ผลการประเมินรายตัวชี้วัด'),
    paragraph('ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ คะแนน 76.11', { bold: true }),
    paragraph('ผลคะแนนของตัวชี้วัดการปฏิบัติหน้าที่แสดงว่ายังมีบางประเด็นที่ต้องพัฒนา'),
    orientation('landscape'),
    heading(2, '5. การนำผลการประเมินไปสู่การพัฒนา'),
    table('measures', [['ประเด็น', 'มาตรการ'], ['i1', 'จัดทำคู่มือ']]),
  ],
}

/** Every text a block prints, cell by cell and line by line, in order. */
const textsOf = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.lines)) : b.kind === 'heading' || b.kind === 'paragraph' ? b.text.split('\n') : []))

/** The words of a report, counted: a perturbation may add furniture and move text, never lose a word. */
function wordCounts(blocks: readonly Block[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of textsOf(blocks).join(' ').split(/\s+/).filter(Boolean)) counts.set(w, (counts.get(w) ?? 0) + 1)
  return counts
}

/** Whether every word of `before` is in `after` at least as often. */
const keepsEveryWord = (before: readonly Block[], after: readonly Block[]) => {
  const out = wordCounts(after)
  return [...wordCounts(before)].filter(([w, n]) => (out.get(w) ?? 0) < n).map(([w]) => w)
}

describe('section perturbations', () => {
  it('sectionsOf splits at level-2 headings, a page break or orientation going with the heading after it', () => {
    const { preamble, sections } = sectionsOf(report)
    expect(preamble).toEqual([report.blocks[0]])
    expect(sections.map((s) => s.kind)).toEqual(['summary', 'detail', 'overall', 'analysis', 'measures'])
    expect(sections[1]!.blocks[0]).toBe(pageBreak)
    expect(sections[4]!.blocks[0]).toEqual(orientation('landscape'))
  })

  it('section-order moves whole sections: the same blocks, each section whole, the title first, in another order', () => {
    const out = reorderSections(report)
    expect(out.blocks).not.toEqual(report.blocks)
    expect([...out.blocks].sort(byJson)).toEqual([...report.blocks].sort(byJson))
    expect(out.blocks[0]).toEqual(report.blocks[0])
    const before = sectionsOf(report).sections.map((s) => JSON.stringify(s.blocks))
    expect(sectionsOf(out).sections.map((s) => JSON.stringify(s.blocks)).sort()).toEqual(before.sort())
    expect(reorderSections(report)).toEqual(out)
  })

  it('plain-headings types section headings as paragraphs, renumbered, keeping every word but the old numbers and the title heading', () => {
    const out = plainHeadings(report)
    expect(out.blocks.filter((b) => b.kind === 'heading')).toEqual([report.blocks[0]])
    const headings = out.blocks.filter((b, i) => report.blocks[i]!.kind === 'heading' && i > 0).map((b) => (b.kind === 'paragraph' ? b.text : ''))
    expect(headings).toHaveLength(5)
    headings.forEach((text, k) => expect(text).toMatch(new RegExp(`^(?:\\S+ |ข้อ \\S+ |ส่วนที่ \\S+ )?${['สรุปผล', 'ผลคะแนน', 'ผลการประเมินใน', 'การวิเคราะห์', 'การนำผล'][k]}`)))
    expect(keepsEveryWord(report.blocks.map((b) => (b.kind === 'heading' ? { ...b, text: b.text.replace(/^\d\. /, '') } : b)), out.blocks)).toEqual([])
  })

  it('plain-headings leaves an indicator heading its label', () => {
    const doc: LayoutDoc = { title: 't', blocks: [heading(3, 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (ได้ 89.41 คะแนน)'), heading(2, '๒.๑ ผลการประเมิน')] }
    const out = plainHeadings(doc).blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))
    expect(out[0]).toBe('ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (ได้ 89.41 คะแนน)')
    expect(out[1]).not.toContain('๒.๑')
    expect(out[1]).toMatch(/ผลการประเมิน$/)
  })

  it('page-furniture adds page numbers and headers and splits a long table where no cell spans, its header repeated', () => {
    const out = pageFurniture(report)
    expect(keepsEveryWord(report.blocks, out.blocks)).toEqual([])
    const details = out.blocks.filter((b): b is TableBlock => b.kind === 'table' && b.role === 'detail')
    expect(details).toHaveLength(2)
    expect(details.map((t) => t.rows[0])).toEqual([detailRows, detailRows].map(() => (report.blocks[5] as TableBlock).rows[0]))
    expect(details.flatMap((t) => t.rows.slice(1))).toEqual((report.blocks[5] as TableBlock).rows.slice(1))
    const added = out.blocks.filter((b) => b.kind === 'paragraph' && !report.blocks.includes(b)).map((b) => (b.kind === 'paragraph' ? b.text : ''))
    expect(added.length).toBeGreaterThan(3)
    for (const a of added) expect(a).toMatch(/^(?:- \S+ -|หน้า \S+ (?:\/|จาก) \S+|\d+|การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร)$/)
  })

  it('page-furniture never splits a table inside a cell spanning rows', () => {
    const spanning: TableBlock = { ...table('detail', detailRows), rows: detailRows.map((r, i) => ({ cells: i === 1 ? [cell(r[0]!, { rowSpan: 12 }), cell(r[1]!)] : i > 1 ? [cell(r[1]!)] : r.map((t) => cell(t, { header: true })) })) }
    const out = pageFurniture({ title: 't', blocks: [spanning] })
    expect(out.blocks.filter((b) => b.kind === 'table')).toEqual([spanning])
  })

  it('merged-lines runs a heading or bold line into the paragraph after it, or joins short paragraphs, keeping every word', () => {
    const blocks: Block[] = Array.from({ length: 12 }, (_, i) => [
      paragraph(`ตัวชี้วัดที่ ${i + 1} การปฏิบัติหน้าที่ คะแนน ${80 + i}.11`, { bold: true }),
      paragraph(`ผลคะแนนของตัวชี้วัดที่ ${i + 1} แสดงว่ายังมีบางประเด็นที่ต้องพัฒนา`),
    ]).flat()
    const doc: LayoutDoc = { title: 't', blocks }
    const out = mergeLines(doc)
    expect(out.blocks.length).toBeLessThan(blocks.length)
    expect(out.blocks.length).toBeGreaterThan(blocks.length / 2)
    expect(textsOf(out.blocks).join(' ')).toBe(textsOf(blocks).join(' '))
    expect(out.blocks.some((b) => b.kind === 'paragraph' && /^ตัวชี้วัดที่ \d+ การปฏิบัติหน้าที่ คะแนน \d+\.11 ผลคะแนน/.test(b.text))).toBe(true)
  })

  it('no-blank-lines prints runs of headings and paragraphs as the lines of one paragraph, tables apart', () => {
    const out = noBlankLines(report)
    expect(out.blocks.every((b) => b.kind !== 'heading' && !(b.kind === 'paragraph' && b.bold))).toBe(true)
    expect(textsOf(out.blocks)).toEqual(textsOf(report.blocks))
    expect(out.blocks.filter((b) => b.kind === 'table')).toEqual(report.blocks.filter((b) => b.kind === 'table'))
    expect(out.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('3. ผลการประเมินในภาพรวม'))).toMatchObject({ text: expect.stringContaining('\n4. การวิเคราะห์') })
  })

  it('each keeps every word of every development template, and the same on every run', () => {
    const docs = TEMPLATES.filter((t) => !t.blind).filter((_, i) => i % 8 === 0).map((t) => renderTemplate(templateSpec(t, committedSeed(t)), t))
    for (const p of SECTION_PERTURBATIONS) {
      for (const doc of docs) {
        const out = perturbDoc(doc, perturbationNamed(p.name))
        expect(out).toEqual(perturbDoc(doc, perturbationNamed(p.name)))
        const old = p.name === 'plain-headings' ? doc.blocks.map((b) => (b.kind === 'heading' && b.level > 1 ? { ...b, text: b.text.replace(/^\s*(?:[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\.?|[ก-ฮ]\.|(?:ข้อ|ส่วนที่|บทที่)\s*[0-9๐-๙]{1,2})\s+/, '') } : b)) : doc.blocks
        expect(keepsEveryWord(old, out.blocks), `${p.name} on ${doc.title}`).toEqual([])
      }
    }
  })
})

const byJson = (a: Block, b: Block) => JSON.stringify(a).localeCompare(JSON.stringify(b))
