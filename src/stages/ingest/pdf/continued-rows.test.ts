import { describe, expect, it } from 'vitest'
import type { Block, Page, TableCell } from '../../../model/document.js'
import { originOfNumber } from '../../text/values.js'
import { joinContinuedRows } from './continued-rows.js'

/** Columns: indicator (spanning its items) 50-150, code 150-200, title 200-450, score 450-520. */
const COLS = [50, 150, 200, 450, 520]

function cell(col: number, text: string, y: number, page: number, rowSpan = 1): TableCell {
  const readings = [...text.matchAll(/[0-9๐-๙]+\.[0-9๐-๙]+/g)].map((m) => ({ reader: 'pdfjs', raw: m[0], bbox: { x0: COLS[col]!, y0: y, x1: COLS[col + 1]!, y1: y + 10 }, used: true }))
  return { col, rowSpan, colSpan: 1, text, raw: text, origin: { page, bbox: { x0: COLS[col]!, y0: y, x1: COLS[col + 1]!, y1: y + 20 }, source: 'pdf-text', ...(readings.length > 0 && { readings }) } }
}

function table(page: number, rows: TableCell[][]): Block {
  return { kind: 'table', id: `${page}:table:0`, origin: { page, source: 'pdf-text' }, rows: rows.map((cells) => ({ cells, origin: { page, source: 'pdf-text' } })) }
}

const header = (page: number, y: number): TableCell[] => ['ตัวชี้วัด', 'ข้อ', 'ประเด็นการประเมิน', 'คะแนน'].map((t, k) => cell(k, t, y, page))

function pages(secondPart: TableCell[][]): Page[] {
  return [
    {
      number: 2,
      readBy: 'pdf-text',
      blocks: [
        table(2, [
          header(2, 80),
          [cell(0, 'ตัวชี้วัดที่ ๕ การแก้ไขปัญหา (๙๐.๙๑ คะแนน)', 100, 2, 2), cell(1, 'i14', 100, 2), cell(2, 'ท่านคิดว่า', 100, 2), cell(3, '๘๘.๖๙', 100, 2)],
          [cell(1, 'i15', 120, 2), cell(2, 'ท่านเชื่อมั่น', 120, 2), cell(3, '๘๕.๘๙', 120, 2)],
          [cell(0, 'ตัวชี้วัดที่ ๖ คุณภาพ', 140, 2), cell(1, 'e1', 140, 2), cell(2, 'เจ้าหน้าที่ปฏิบัติงานเป็นไปตามขั้นตอนและ', 140, 2), cell(3, '๙๖.๕๓', 140, 2)],
        ]),
        { kind: 'line', id: '2:line:1', text: '- 2 -', raw: '- 2 -', origin: { page: 2, source: 'pdf-text' } },
      ],
    },
    { number: 3, readBy: 'pdf-text', blocks: [table(3, [header(3, 50), ...secondPart])] },
  ]
}

describe('joinContinuedRows', () => {
  it('joins the rest of a row the page break split to its first part, numbers keeping their own page', () => {
    const { pages: out, issues } = joinContinuedRows(
      pages([
        [cell(0, 'การดำเนินงาน (๙๕.๒๓ คะแนน)', 70, 3, 2), cell(1, '', 70, 3), cell(2, 'ระยะเวลา', 70, 3), cell(3, '', 70, 3)],
        [cell(1, 'e2', 90, 3), cell(2, 'เจ้าหน้าที่ปฏิบัติงานอย่างเท่าเทียมกัน', 90, 3), cell(3, '๙๗.๘๗', 90, 3)],
      ]),
      'read-pdf',
    )
    const first = out[0]!.blocks[0]!
    const second = out[1]!.blocks[0]!
    if (first.kind !== 'table' || second.kind !== 'table') throw new Error('tables expected')
    const last = first.rows.at(-1)!.cells
    expect(last.map((c) => c.text)).toEqual(['ตัวชี้วัดที่ ๖ คุณภาพ การดำเนินงาน (๙๕.๒๓ คะแนน)', 'e1', 'เจ้าหน้าที่ปฏิบัติงานเป็นไปตามขั้นตอนและ ระยะเวลา', '๙๖.๕๓'])
    expect(last[0]!.origin.page).toBe(2)
    expect(last[0]!.origin.readings).toEqual([{ reader: 'pdfjs', raw: '๙๕.๒๓', bbox: { x0: 50, y0: 70, x1: 150, y1: 80 }, used: true, page: 3 }])
    // The value's provenance (extract stage) is where its digits are: on the next page.
    expect(originOfNumber(last[0]!.origin, '๙๕.๒๓')).toMatchObject({ page: 3, bbox: { x0: 50, y0: 70, x1: 150, y1: 80 } })
    // A header in one row stays; the rest of the row is no row of its own.
    expect(second.rows.map((r) => r.cells[0]!.text)).toEqual(['ตัวชี้วัด', 'e2'])
    expect(issues).toEqual([expect.objectContaining({ code: 'row-continued', severity: 'info', page: 3 })])
  })

  it('joins a cell spanning rows on the first part (an indicator over its items)', () => {
    const input = pages([[cell(0, '', 70, 3), cell(1, 'e2', 70, 3), cell(2, 'ข้อความ', 70, 3), cell(3, '๙๗.๘๗', 70, 3)]])
    const firstTable = input[0]!.blocks[0]!
    if (firstTable.kind !== 'table') throw new Error('table expected')
    // i14 and i15 under indicator 5, whose title goes on over the page break.
    firstTable.rows.pop()
    const { pages: out } = joinContinuedRows(
      [input[0]!, { ...input[1]!, blocks: [table(3, [header(3, 50), [cell(0, 'ปัญหาการทุจริต', 70, 3), cell(1, '', 70, 3), cell(2, 'ได้มากน้อยเพียงใด', 70, 3), cell(3, '', 70, 3)]])] }],
      'read-pdf',
    )
    const first = out[0]!.blocks[0]!
    if (first.kind !== 'table') throw new Error('table expected')
    expect(first.rows[1]!.cells[0]!.text).toBe('ตัวชี้วัดที่ ๕ การแก้ไขปัญหา (๙๐.๙๑ คะแนน) ปัญหาการทุจริต')
    expect(first.rows[2]!.cells.map((c) => c.text)).toEqual(['i15', 'ท่านเชื่อมั่น ได้มากน้อยเพียงใด', '๘๕.๘๙'])
  })

  it('joins the rest of a cell spanning rows that a page break split between two rows to the cell, not to the next row', () => {
    // blind-v4-03 ruled: indicator 6's title goes on beside e2, the first row of the next page.
    const second = (first: string) =>
      pages([
        [cell(0, first, 70, 3, 2), cell(1, 'e2', 70, 3), cell(2, 'เจ้าหน้าที่ปฏิบัติงานอย่างเท่าเทียมกัน', 70, 3), cell(3, '๙๗.๘๗', 70, 3)],
        [cell(1, 'e3', 90, 3), cell(2, 'ท่านเคยถูกเรียกรับสินบน', 90, 3), cell(3, '๙๑.๒๘', 90, 3)],
        [cell(0, 'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร (๘๘.๖๔ คะแนน)', 110, 3), cell(1, 'e4', 110, 3), cell(2, 'หน่วยงานมีช่องทาง', 110, 3), cell(3, '๘๘.๑๐', 110, 3)],
      ])
    const { pages: out, issues } = joinContinuedRows(second('การดำเนินงาน (๙๕.๒๓ คะแนน)'), 'read-pdf')
    const [first, rest] = [out[0]!.blocks[0]!, out[1]!.blocks[0]!]
    if (first.kind !== 'table' || rest.kind !== 'table') throw new Error('tables expected')
    const last = first.rows.at(-1)!.cells
    expect(last.map((c) => c.text)).toEqual(['ตัวชี้วัดที่ ๖ คุณภาพ การดำเนินงาน (๙๕.๒๓ คะแนน)', 'e1', 'เจ้าหน้าที่ปฏิบัติงานเป็นไปตามขั้นตอนและ', '๙๖.๕๓'])
    expect(originOfNumber(last[0]!.origin, '๙๕.๒๓')).toMatchObject({ page: 3, bbox: { x0: 50, y0: 70 } })
    // e2 stays a row of its own, under no indicator cell of its own.
    expect(rest.rows.map((r) => r.cells.map((c) => c.text)).slice(1, 3)).toEqual([
      ['e2', 'เจ้าหน้าที่ปฏิบัติงานอย่างเท่าเทียมกัน', '๙๗.๘๗'],
      ['e3', 'ท่านเคยถูกเรียกรับสินบน', '๙๑.๒๘'],
    ])
    expect(issues).toEqual([expect.objectContaining({ code: 'row-continued', page: 3, message: expect.stringContaining('a cell spanning rows on page 2') })])
    // A cell opening as the column's others do is the next indicator's.
    const next = second('ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร (๘๘.๖๔ คะแนน)')
    expect(joinContinuedRows(next, 'read-pdf')).toEqual({ pages: next, issues: [] })
  })

  it('leaves a new row alone: its code is there, even with its score cell empty', () => {
    const input = pages([[cell(0, '', 70, 3), cell(1, 'e2', 70, 3), cell(2, 'ข้อความ', 70, 3), cell(3, '', 70, 3)]])
    const { pages: out, issues } = joinContinuedRows(input, 'read-pdf')
    expect(out).toEqual(input)
    expect(issues).toEqual([])
  })

  it('reads a header in two rows a page break repeats once, past a running head, its lower row not opening an item', () => {
    const upper = (page: number, y: number): TableCell[] => [cell(1, 'ข้อ', y, page), cell(2, 'ประเด็นการประเมิน', y, page), cell(3, 'คะแนน', y, page)]
    const lower = (page: number, y: number): TableCell[] => [cell(3, 'ปี 2568', y, page)]
    const head = (page: number): Block => ({ kind: 'line', id: `${page}:line:0`, text: 'พิพิธภัณฑสถานแห่งชาติ : การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', raw: '', origin: { page, source: 'pdf-text' } })
    const input: Page[] = [
      { number: 2, readBy: 'pdf-text', blocks: [head(2), table(2, [upper(2, 60), lower(2, 80), [cell(1, 'o5', 100, 2), cell(2, 'แผนยุทธศาสตร์', 100, 2), cell(3, '0.00', 100, 2)]])] },
      { number: 3, readBy: 'pdf-text', blocks: [head(3), table(3, [upper(3, 60), lower(3, 80), [cell(1, 'o6', 100, 3), cell(2, 'แผนและความก้าวหน้า', 100, 3), cell(3, '100.00', 100, 3)]])] },
    ]
    // The second part's edges rebuilt a few points apart (one row to place them by).
    for (const block of input[1]!.blocks) if (block.kind === 'table') for (const c of block.rows.flatMap((r) => r.cells)) (c.origin.bbox as { x0: number }).x0 += 8
    const { pages: out, issues } = joinContinuedRows(input, 'read-pdf')
    const second = out[1]!.blocks[1]!
    if (second.kind !== 'table') throw new Error('table expected')
    expect(second.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['o6', 'แผนและความก้าวหน้า', '100.00']])
    expect(issues).toEqual([expect.objectContaining({ code: 'header-repeated', page: 3, message: "page 3: the table's first 2 rows repeat the header of the table on page 2; read once" })])
    expect(out[0]).toEqual(input[0])
  })

  it('leaves tables apart when text stands between them or their columns differ', () => {
    const rest = [cell(0, 'การดำเนินงาน', 70, 3), cell(1, '', 70, 3), cell(2, 'ระยะเวลา', 70, 3), cell(3, '', 70, 3)]
    const withText = pages([rest])
    withText[1]!.blocks.unshift({ kind: 'line', id: '3:line:0', text: 'ตารางที่ ๒ มาตรการ', raw: 'ตารางที่ ๒ มาตรการ', origin: { page: 3, source: 'pdf-text' } })
    expect(joinContinuedRows(withText, 'read-pdf').issues).toEqual([])
    const shifted = pages([rest])
    const second = shifted[1]!.blocks[0]!
    if (second.kind !== 'table') throw new Error('table expected')
    for (const row of second.rows) for (const c of row.cells) (c.origin.bbox as { x0: number }).x0 += 40
    expect(joinContinuedRows(shifted, 'read-pdf').issues).toEqual([])
  })

  it('joins the rest of a row rebuilt from the text (no cell in its empty slots) under a repeated header whose edges the text moved', () => {
    // blind-v13-05 no rulings: the part is the header and one step; its first column's left edge
    // is where the header's words start, 20 points right of the first part's.
    const input = pages([[cell(2, 'ระยะเวลา', 70, 3)]])
    const second = input[1]!.blocks[0]!
    if (second.kind !== 'table') throw new Error('table expected')
    for (const c of second.rows.flatMap((r) => r.cells).filter((c) => c.col === 0)) (c.origin.bbox as { x0: number }).x0 += 20
    const { pages: out, issues } = joinContinuedRows(input, 'read-pdf')
    const first = out[0]!.blocks[0]!
    if (first.kind !== 'table') throw new Error('table expected')
    expect(first.rows.at(-1)!.cells.map((c) => c.text)).toEqual(['ตัวชี้วัดที่ ๖ คุณภาพ', 'e1', 'เจ้าหน้าที่ปฏิบัติงานเป็นไปตามขั้นตอนและ ระยะเวลา', '๙๖.๕๓'])
    expect(issues).toEqual([expect.objectContaining({ code: 'row-continued', page: 3 })])
  })
})
