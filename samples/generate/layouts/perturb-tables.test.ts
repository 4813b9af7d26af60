import { describe, expect, it } from 'vitest'
import { cell, headerCell, heading, type LayoutDoc, type TableBlock } from './blocks.js'
import { committedSeed } from './generate-layouts.js'
import { perturbationNamed, perturbDoc } from './perturb.js'
import { headerRowCount, originColumns, TABLE_PERTURBATIONS } from './perturb-tables.js'
import { renderTemplate, templateSpec, TEMPLATES } from './templates.js'

/** Each row's cells as texts, a cell spanning rows or columns repeated in every slot it covers. */
function grid(t: TableBlock): string[][] {
  const out: string[][] = t.rows.map(() => [])
  const origins = originColumns(t)
  t.rows.forEach((row, r) =>
    row.cells.forEach((c, k) => {
      for (let dr = 0; dr < (c.rowSpan ?? 1); dr++) for (let dc = 0; dc < (c.colSpan ?? 1); dc++) out[r + dr]![origins[r]![k]! + dc] = c.lines.join(' ')
    }),
  )
  return out
}

const tables = (doc: LayoutDoc) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table')
const sorted = (xs: readonly string[]) => [...xs].sort()
const texts = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.lines.join(' ')))
/** Every body row's cells, spans spread, in reading order: what a reader takes each row to say. */
const bodyRows = (doc: LayoutDoc) => tables(doc).flatMap((t) => grid(t).slice(headerRowCount(t)).filter((_, i) => !t.rows[headerRowCount(t) + i]!.cells.every((c) => c.header)))
/** Each column's header read top to bottom, spaces out: where a header cell's words are, however the rows are cut. */
const headerColumns = (doc: LayoutDoc) => tables(doc).flatMap((t) => {
  const g = grid(t).slice(0, headerRowCount(t))
  return t.columns.map((_, i) => g.map((r) => r[i] ?? '').filter((x, k, all) => x !== all[k - 1]).join('').replace(/\s+/g, ''))
})
const headerCells = (doc: LayoutDoc) => tables(doc).flatMap((t) => t.rows.slice(0, headerRowCount(t)).flatMap((r) => r.cells.map((c) => c.lines.join('').replace(/\s+/g, '')))).filter((x) => x !== '')
/** Every header cell's text still read in some column's header. */
const keepsHeaders = (before: LayoutDoc, after: LayoutDoc) => headerCells(before).filter((h) => !headerColumns(after).some((c) => c.includes(h)))

const summary: TableBlock = {
  kind: 'table', columns: [1, 1, 1], repeatHeader: 1, role: 'summary', rows: [
    { cells: [headerCell('ตัวชี้วัด'), headerCell('คะแนนรายตัวชี้วัด'), headerCell('คะแนนรายเครื่องมือ')] },
    { cells: [cell('ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่'), cell('76.11'), cell('87.95', { rowSpan: 2 })] },
    { cells: [cell('ตัวชี้วัดที่ 2 การใช้งบประมาณ'), cell('92.64')] },
    { cells: [cell('ตัวชี้วัดที่ 3 การใช้อำนาจ'), cell('89.98'), cell('90.10', { rowSpan: 3 })] },
    { cells: [cell('ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ'), cell('89.10')] },
    { cells: [cell('ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต'), cell('91.91')] },
  ],
}
const measures: TableBlock = {
  kind: 'table', columns: [3, 1, 3, 2, 2], repeatHeader: 2, role: 'measures', rows: [
    { cells: [headerCell('ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ', { colSpan: 5 })] },
    { cells: [headerCell('ประเด็นที่ต้องพัฒนา'), headerCell('คะแนน'), headerCell('มาตรการ'), headerCell('ระยะเวลาดำเนินการ'), headerCell('ผู้รับผิดชอบ')] },
    { cells: [cell('i12 หน่วยงานของท่าน'), cell('71.80'), cell('1. ประกาศเจตนารมณ์'), cell('1 ต.ค. 68 - 30 ก.ย. 69'), cell('งานพัสดุ')] },
    { cells: [cell('i13 ในหน่วยงานของท่าน'), cell('80.20'), cell('1. จัดอบรม'), cell('1 ต.ค. 68 - 30 ก.ย. 69'), cell('งานพัสดุ')] },
  ],
}
const doc: LayoutDoc = { title: 'รายงาน', blocks: [heading(2, 'สรุปผลการประเมิน'), summary, heading(2, 'มาตรการ'), measures] }
const run = (name: string, d: LayoutDoc = doc) => perturbDoc(d, perturbationNamed(name))

describe('table perturbations', () => {
  it('column-order moves columns with their cells, spans and widths, and keeps a row-numbering column first', () => {
    const out = tables(run('column-order'))
    expect(out[0]!.columns).not.toEqual(summary.columns.map((_, i) => i))
    expect(grid(out[0]!).map(sorted)).toEqual(grid(summary).map(sorted))
    expect(texts(out[0]!)[0]).not.toEqual(texts(summary)[0])
    // The title row still spans the table; every row keeps its cells.
    expect(out[1]!.rows[0]!.cells[0]!.colSpan).toBe(5)
    expect(grid(out[1]!).map(sorted)).toEqual(grid(measures).map(sorted))
    const numbered: TableBlock = { ...summary, rows: [{ cells: [headerCell('ลำดับ'), ...summary.rows[0]!.cells] }, ...summary.rows.slice(1).map((r, i) => ({ cells: [cell(String(i + 1)), ...r.cells] }))], columns: [1, 1, 1, 1] }
    const moved = tables(run('column-order', { ...doc, blocks: [numbered] }))[0]!
    expect(moved.rows[0]!.cells[0]!.lines).toEqual(['ลำดับ'])
    expect(texts(moved)[1]![0]).toBe('1')
  })

  it('split-tables cuts a long table in two at a page break, never through a cell spanning rows', () => {
    const out = run('split-tables')
    const parts = tables(out)
    expect(parts.length).toBe(3)
    expect(out.blocks.some((b) => b.kind === 'page-break')).toBe(true)
    expect(bodyRows(out)).toEqual(bodyRows(doc))
    // The summary is cut after its third row (the only cut not through a span); the measures table is too short.
    expect(parts[0]!.rows.length + parts[1]!.rows.length - headerRowCount(parts[1]!)).toBe(summary.rows.length)
  })

  it('merged-header makes a one-row header two, and a two-row header one, keeping every header word', () => {
    const out = run('merged-header')
    const [s, m] = tables(out)
    expect(headerRowCount(s!)).toBe(2)
    expect(headerRowCount(m!)).toBe(3)
    expect(bodyRows(out)).toEqual(bodyRows(doc))
    const twice = tables(run('merged-header', out))
    expect(twice.map(headerRowCount)).toEqual([1, 2])
    expect(grid(twice[1]!).slice(1, 2)[0]!.every((h) => h !== '')).toBe(true)
    expect(keepsHeaders(doc, out)).toEqual([])
  })

  it('no-header drops a detail or summary header naming its columns, not a measures table\'s or a transposed one', () => {
    const [s, m] = tables(run('no-header'))
    expect(s!.rows).toEqual(summary.rows.slice(1))
    expect(s!.repeatHeader).toBe(0)
    expect(m).toEqual(measures)
    const transposed: TableBlock = { kind: 'table', columns: [1, 1, 1], repeatHeader: 1, role: 'summary', rows: [
      { cells: [headerCell('เครื่องมือ'), headerCell('IIT'), headerCell('EIT')] },
      { cells: [headerCell('คะแนน'), cell('84.36'), cell('87.46')] },
    ] }
    expect(tables(run('no-header', { ...doc, blocks: [transposed] }))[0]).toEqual(transposed)
  })

  it('spanned-column merges runs of equal naming cells, not scores, and every row still reads them', () => {
    const out = run('spanned-column')
    const m = tables(out)[1]!
    expect(m.rows[2]!.cells.map((c) => c.rowSpan ?? 1)).toEqual([1, 1, 1, 2, 2])
    expect(m.rows[3]!.cells.map((c) => c.lines.join(' '))).toEqual(['i13 ในหน่วยงานของท่าน', '80.20', '1. จัดอบรม'])
    expect(bodyRows(out)).toEqual(bodyRows(doc))
  })

  it('row-numbers and remarks-column add a column that holds no value, extending title rows', () => {
    for (const name of ['row-numbers', 'remarks-column']) {
      const out = run(name)
      for (const t of tables(out)) expect(grid(t).every((r) => r.length === t.columns.length)).toBe(true)
      const added = (rows: string[][]) => rows.map((r) => (name === 'row-numbers' ? r.slice(1) : r.slice(0, -1)))
      expect(added(bodyRows(out))).toEqual(bodyRows(doc))
    }
    expect(bodyRows(run('row-numbers')).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '1', '2'])
    expect(bodyRows(run('remarks-column')).every((r) => r.at(-1) === '')).toBe(true)
  })

  it.each(TABLE_PERTURBATIONS.map((p) => [p.name, p] as const))('%s keeps every body row of every development template, in order, and every header cell', (name, p) => {
    /** What a perturbed row holds beyond the row it was: nothing, a row number or an empty remark. */
    const beyond = (before: readonly string[], after: readonly string[]) => {
      const rest = [...after]
      for (const x of before) {
        const i = rest.indexOf(x)
        if (i === -1) return [`lost ${x}`]
        rest.splice(i, 1)
      }
      return rest.filter((x) => x !== '' && !/^[0-9๐-๙]{1,3}$/.test(x))
    }
    for (const tpl of TEMPLATES.filter((t) => !t.blind)) {
      const original = renderTemplate(templateSpec(tpl, committedSeed(tpl)), tpl)
      const out = perturbDoc(original, p)
      const [before, after] = [bodyRows(original), bodyRows(out)]
      expect(after.length, `${tpl.name}: ${name}`).toBe(before.length)
      expect(before.flatMap((r, i) => beyond(r, after[i]!)), `${tpl.name}: ${name}`).toEqual([])
      if (name !== 'no-header') expect(keepsHeaders(original, out), `${tpl.name}: ${name}`).toEqual([])
    }
  })
})
