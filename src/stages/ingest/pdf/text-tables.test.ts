import { describe, expect, it } from 'vitest'
import { findTextTables } from './text-tables.js'
import type { GlyphRun } from './text-runs.js'
import type { Rule } from './page-graphics.js'

const run = (text: string, x0: number, x1: number, baseline: number, size = 11): GlyphRun => ({ text, bbox: { x0, y0: baseline - 9, x1, y1: baseline + 3 }, baseline, size })

describe('findTextTables', () => {
  it('rebuilds a borderless two-column list in content order, a vertically centred score in its row', () => {
    // Cell by cell, as word processors write: title (two lines), then its score centred between them.
    const runs = [
      run('ประเด็นการประเมิน', 60, 200, 100), run('คะแนนที่ได้', 480, 530, 100),
      run('i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่', 60, 440, 118), run('และระยะเวลา มากน้อยเพียงใด', 60, 300, 136), run('๖๓.๑๗', 488, 523, 127),
      run('i2 ในหน่วยงานของท่านมีเจ้าหน้าที่', 60, 400, 154), run('อย่างเท่าเทียมกัน', 60, 250, 172), run('๘๓.๗๐', 488, 523, 163),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([])
    expect(tables).toHaveLength(1)
    const rows = [0, 1, 2].map((r) => tables[0]!.cells.filter((c) => c.row === r).map((c) => c.text))
    expect(rows).toEqual([
      ['ประเด็นการประเมิน', 'คะแนนที่ได้'],
      ['i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ และระยะเวลา มากน้อยเพียงใด', '๖๓.๑๗'],
      ['i2 ในหน่วยงานของท่านมีเจ้าหน้าที่ อย่างเท่าเทียมกัน', '๘๓.๗๐'],
    ])
  })

  it('leaves justified paragraphs alone, even with a wide word space on two lines', () => {
    const runs = [run('ผลการประเมินตัวชี้วัด', 60, 250, 100), run('สะท้อนให้เห็นว่า', 265, 540, 100), run('บุคลากรส่วนใหญ่รับรู้', 60, 300, 118), run('ถึงการดำเนินงาน', 316, 540, 118)]
    const { tables, freeRuns } = findTextTables(runs)
    expect(tables).toEqual([])
    expect(freeRuns).toHaveLength(4)
  })

  it('leaves justified paragraphs alone when a wide word space falls on the last line of a block', () => {
    // blind-v9-01 Chromium (page 6): an indicator's heading, then its paragraph; Chromium stretches the
    // one space of a justified Thai line to over three type sizes.
    const runs = [
      run('ตัวชี้วัดที่ 1: การปฏิบัติหน้าที่ – 84.88 คะแนน', 57, 254.3, 123),
      run('ประเด็นที่ยังต้องพัฒนาของตัวชี้วัดการปฏิบัติหน้าที่คือความต่อเนื่องและการเก็บหลักฐาน', 84.5, 465.5, 144.7), run('ศาลจังหวัด', 501.2, 550.5, 144.7),
      run('กุมภวาปีควรจัดทำแนวทางที่ชัดเจนและตรวจสอบได้', 57, 280.4, 160.5),
      run('ตัวชี้วัดที่ 2: การใช้งบประมาณ – 82.54 คะแนน', 57, 250, 183.7),
      run('ศาลจังหวัดกุมภวาปีควรให้ความสำคัญกับตัวชี้วัดการใช้งบประมาณมากขึ้น', 84.5, 468, 205.4), run('โดยกำหนดผู้รับ', 504, 550.5, 205.4),
      run('ผิดชอบและติดตามผลเป็นรายไตรมาส', 57, 200, 221.1),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(tables).toEqual([])
    expect(freeRuns).toHaveLength(runs.length)
  })

  // The cases below are LibreOffice exports of samples/layouts/ (train-02, train-09, train-10),
  // with their runs' positions as pdf.js reads them.
  const rowTexts = (cells: readonly { row: number; text: string }[]) =>
    [...new Set(cells.map((c) => c.row))].map((r) => cells.filter((c) => c.row === r).map((c) => c.text))

  it('starts a cell at a list number right after a score, however narrow the padding between them', () => {
    const runs = [
      run('ประเด็นที่ต้องพัฒนา', 62.6, 147.2, 86.7, 10), run('คะแนน', 158.7, 189.6, 86.7, 10), run('มาตรการ/แนวทาง', 207.3, 285.4, 79.6, 10), run('การพัฒนา', 224.4, 268.2, 93.9, 10),
      run('O3 ข้อมูลการติดต่อ', 61.1, 138.6, 110.9, 10), run('100.00', 159.1, 189.1, 110.9, 10),
      // "1." in the size of the paragraph mark, 10 points after the score.
      run('1.', 199.4, 208.6, 112.5, 11.5), run('แต่งตั้งผู้รับผิดชอบ', 211.4, 286.4, 112.5, 10), run('การเผยแพร่ข้อมูล', 199.4, 271.4, 127.2, 10),
    ]
    const { tables } = findTextTables(runs)
    expect(tables).toHaveLength(1)
    const rows = rowTexts(tables[0]!.cells)
    expect(rows[0]).toEqual(['ประเด็นที่ต้องพัฒนา', 'คะแนน', 'มาตรการ/แนวทาง การพัฒนา'])
    expect(rows[1]![1]).toBe('100.00')
    expect(rows[1]).toHaveLength(3)
  })

  it('keeps every paragraph of a cell that lists units one a paragraph, with paragraph spacing', () => {
    // Boxes as LibreOffice's fonts have them: taller than the type size.
    const run = (text: string, x0: number, x1: number, baseline: number, size: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 1.17 * size, x1, y1: baseline + 0.54 * size }, baseline, size })
    const runs = [
      run('ประเด็นที่ต้องพัฒนา', 62, 150, 142.8, 9.5), run('ผู้รับผิดชอบ', 717.5, 770, 142.8, 9.5),
      run('i1 การปฏิบัติงาน', 62, 150, 164.2, 9.5), run('หรือให้บริการ', 62, 140, 182, 9.5),
      run('ฝ่ายบริหารทั่วไป', 717.5, 780.5, 164.2, 9.5), run('งานพัสดุ', 717.5, 751.0, 184.0, 9.5), run('คณะทำงาน ITA', 717.5, 780.0, 203.8, 9.5),
      run('กลุ่มงานส่งเสริมสุข', 717.5, 790.0, 223.6, 9.5), run('ภาพ', 717.5, 734.6, 241.4, 9.5),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([])
    expect(rowTexts(tables[0]!.cells)[1]).toEqual(['i1 การปฏิบัติงาน หรือให้บริการ', 'ฝ่ายบริหารทั่วไป งานพัสดุ คณะทำงาน ITA กลุ่มงานส่งเสริมสุข ภาพ'])
  })

  it("leaves a paragraph's short last line out of the first cell of the table under it", () => {
    const runs = [
      run('ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของเทศบาล จำแนกรายตัวชี้วัด', 92.8, 550, 215.3, 10.5), run('ดังนี้', 56.8, 75.6, 234.4, 10.5),
      run('ลำดับ', 69.1, 94, 255.4, 10.5), run('ตัวชี้วัด', 228.9, 259.6, 255.4, 10.5), run('คะแนน', 485.3, 516.2, 255.4, 10.5),
      run('๑', 78.6, 84.5, 277.5, 10.5), run('การปฏิบัติหน้าที่', 110.4, 177.5, 277.5, 10.5), run('๙๔.๓๕', 486.3, 515.2, 277.5, 10.5),
      run('๒', 77.5, 85.5, 298.8, 10.5), run('การใช้งบประมาณ', 110.4, 186.2, 298.8, 10.5), run('๘๘.๕๘', 486.9, 514.5, 298.8, 10.5),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(rowTexts(tables[0]!.cells)[0]).toEqual(['ลำดับ', 'ตัวชี้วัด', 'คะแนน'])
    expect(freeRuns.map((r) => r.text)).toEqual([runs[0]!.text, 'ดังนี้'])
  })

  it('does not carry a cell across a horizontal rule (the rest of a row at the top of a page, then the next row)', () => {
    const runs = [
      run('งานของท่าน มากน้อยเพียงใด', 60, 200, 60, 10.5),
      run('ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน', 60, 250, 80, 10.5), run('๙๕.๕๑', 480, 510, 80, 10.5),
      run('e ๑ เจ้าหน้าที่ปฏิบัติงาน', 60, 300, 100, 10.5), run('๙๘.๒๒', 480, 510, 100, 10.5),
    ]
    const rules: Rule[] = [66, 88].map((pos) => ({ orientation: 'h', pos, from: 55, to: 520 }))
    const { tables, freeRuns } = findTextTables(runs, rules)
    expect(rowTexts(tables[0]!.cells)).toEqual([['ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน', '๙๕.๕๑'], ['e ๑ เจ้าหน้าที่ปฏิบัติงาน', '๙๘.๒๒']])
    expect(freeRuns.map((r) => r.text)).toEqual(['งานของท่าน มากน้อยเพียงใด'])
  })

  it("puts a centred heading and a short cell below it in one column when the rows have the same cells", () => {
    const runs = [
      run('ตัวชี้วัดที่ 9', 110.9, 157.1, 369, 9.5), run('คะแนน', 262.3, 292.6, 369, 9.5), run('1) มาตรการ/แนวทางการพัฒนา', 359.2, 495.4, 369, 9.5), run('3) ผู้รับผิดชอบ', 701.7, 764.4, 369, 9.5),
      run('o10 E-Service', 38.4, 98.4, 389.2, 9.5), run('100.00', 262.6, 292.5, 389.2, 9.5),
      run('1.', 325.5, 334.2, 390.3, 10.5), run('จัดทำรายงานผลการดำเนินงาน', 336.8, 527, 390.3, 9.5), run('ระยะเวลาที่กำหนด', 325.5, 395.5, 408.7, 9.5),
      run('กองคลัง', 701.7, 740, 389.2, 9.5),
    ]
    const { tables } = findTextTables(runs)
    const cells = tables[0]!.cells
    expect(cells.filter((c) => c.row === 0).map((c) => c.col)).toEqual([0, 1, 2, 3])
    expect(cells.filter((c) => c.row === 1).map((c) => [c.col, c.text])).toEqual([
      [0, 'o10 E-Service'],
      [1, '100.00'],
      [2, '1. จัดทำรายงานผลการดำเนินงาน ระยะเวลาที่กำหนด'],
      [3, 'กองคลัง'],
    ])
  })

  it('reads a group heading over several columns as a cell of its own, not as one column with what is under it', () => {
    // heldout-v3-05 LibreOffice, no rulings: "การดำเนินการ" over measures, period and responsible,
    // overlapping the widest line of the measures column.
    const run = (text: string, x0: number, x1: number, baseline: number, size = 9.5): GlyphRun => ({ text, bbox: { x0, y0: baseline - 9.4, x1, y1: baseline + 2.9 }, baseline, size })
    const runs = [
      run('ประเด็นที่ต้องพัฒนา', 80, 161, 154), run('คะแนน', 197.3, 226.6, 154),
      run('การดำเนินการ', 365.7, 424.1, 139.5), run('๑) มาตรการ/แนวทางการ', 255.2, 359.7, 155.1), run('พัฒนา', 294.1, 320.6, 168.6),
      run('๒) ระยะเวลา', 388.3, 441.2, 155.1), run('ดำเนินการ', 393.6, 436.1, 168.6), run('๓) ผู้รับผิดชอบ', 472.3, 532.5, 161.8),
      run('I7 ผู้บังคับบัญชาในหน่วยงาน', 61.1, 170.7, 184.2), run('ของท่านมีการสั่งให้เจ้าหน้าที่', 61.1, 170.3, 197.8), run('๘๒.๒๑', 197.8, 226.1, 184.2),
      run('1.', 244, 250.2, 185.7, 11), run('โครงการอบรมเสริมสร้าง', 252.9, 347.1, 185.7), run('คุณธรรม จริยธรรม และการ', 244, 349.7, 199.7), run('ป้องกันผลประโยชน์ทับซ้อนแก่', 244, 370.5, 213.2),
      run('๑ ตุลาคม ๒๕๖๘ -', 379.7, 450, 184.2), run('๓๐ กันยายน ๒๕๖๙', 390.5, 439.1, 197.8),
      run('หัวหน้างานการเจ้า', 458.9, 530.5, 184.2), run('หน้าที่', 458.9, 481.9, 197.8),
    ]
    const { tables } = findTextTables(runs)
    const cells = tables[0]!.cells
    expect(cells.find((c) => c.text === 'การดำเนินการ')?.row).toBe(0)
    expect(cells.find((c) => c.text === '๑) มาตรการ/แนวทางการ พัฒนา')?.row).toBe(1)
    expect(rowTexts(cells).at(-1)).toEqual(['I7 ผู้บังคับบัญชาในหน่วยงาน ของท่านมีการสั่งให้เจ้าหน้าที่', '๘๒.๒๑', '1. โครงการอบรมเสริมสร้าง คุณธรรม จริยธรรม และการ ป้องกันผลประโยชน์ทับซ้อนแก่', '๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙', 'หัวหน้างานการเจ้า หน้าที่'])
  })

  it('spans a group heading over the columns its rule is drawn over (or it is centred over), and the cells beside it over both header rows', () => {
    // heldout-v3-03 LibreOffice, horizontal rules only: "การดำเนินการ" over four columns, a rule under
    // it alone (x 450.7 to the frame); the other headings top-aligned in the upper row.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 9.5, x1, y1: baseline + 2.4 }, baseline, size: 9.5 })
    const runs = [
      run('ตัวชี้วัดที่ 9', 71.5, 115.8, 95.1), run('คะแนน', 164.3, 194.1, 88.6), run('(เต็ม 100)', 158.5, 199.9, 101.7),
      run('1) มาตรการ/แนวทางการ', 216.3, 320.6, 88.6), run('พัฒนา', 254.8, 282.3, 101.7), run('2) ผลการวิเคราะห์', 353.3, 429.1, 95.1),
      run('การดำเนินการ', 599.6, 659.3, 87.2),
      run('3) ขั้นตอน/วิธีการดำเนินการ', 466, 584.3, 103.1), run('วันที่เริ่มต้น', 606.9, 651.9, 103.1), run('วันที่สิ้นสุด', 667.8, 710, 103.1), run('4) ผู้รับผิดชอบ', 733.3, 793.4, 103.1),
      run('o4 ข่าวประชาสัมพันธ์', 38.4, 122.4, 118.9), run('0', 176.1, 182.2, 118.9), run('1. เผยแพร่รายงานการจัดซื้อ', 209.5, 318.7, 119.9),
      run('ยังไม่มีการกำกับติดตามผล', 336, 440.5, 118.9), run('1. จัดทำคำสั่งแต่งตั้งผู้รับผิดชอบ', 455, 580.5, 119.9),
      run('1 ต.ค. 68', 611.3, 647.5, 118.9), run('30 ก.ย. 69', 667.1, 710.8, 118.9), run('สำนักปลัดเทศบาล', 722.9, 794.5, 118.9),
    ]
    const h = (pos: number, from = 34, to = 807.9): Rule => ({ orientation: 'h', pos, from, to })
    const rules = [h(77.4), h(93.2, 450.7), h(109.1), h(140)]
    const cells = findTextTables(runs, rules).tables[0]!.cells
    const header = (row: number) => cells.filter((c) => c.row === row).map((c) => [c.text, c.col, c.colSpan, c.rowSpan])
    expect(header(0)).toEqual([
      ['ตัวชี้วัดที่ 9', 0, 1, 2],
      ['คะแนน (เต็ม 100)', 1, 1, 2],
      ['1) มาตรการ/แนวทางการ พัฒนา', 2, 1, 2],
      ['2) ผลการวิเคราะห์', 3, 1, 2],
      ['การดำเนินการ', 4, 4, 1],
    ])
    expect(header(1).map(([text, col]) => [text, col])).toEqual([
      ['3) ขั้นตอน/วิธีการดำเนินการ', 4],
      ['วันที่เริ่มต้น', 5],
      ['วันที่สิ้นสุด', 6],
      ['4) ผู้รับผิดชอบ', 7],
    ])
    // With no rules at all (heldout-v3-03 no rulings), the heading centred over the four says the same.
    const unruled = findTextTables(runs).tables[0]!.cells
    expect(unruled.filter((c) => c.row === 0).map((c) => [c.col, c.colSpan, c.rowSpan])).toEqual(header(0).map(([, col, colSpan, rowSpan]) => [col, colSpan, rowSpan]))
    // A rule across the whole table says nothing of a group; nor does a heading off the middle.
    const across = findTextTables(runs, [h(77.4), h(93.2), h(109.1), h(140)]).tables[0]?.cells ?? []
    expect(across.find((c) => c.text === 'การดำเนินการ')?.colSpan ?? 1).toBe(1)
    const offCentre = runs.map((r) => (r.text === 'การดำเนินการ' ? { ...r, bbox: { ...r.bbox, x0: r.bbox.x0 + 25, x1: r.bbox.x1 + 25 } } : r))
    expect(findTextTables(offCentre).tables[0]!.cells.find((c) => c.text === 'การดำเนินการ')?.colSpan).toBeLessThan(4)
  })

  it('leaves a bulleted paragraph out of the header cell centred under it, when cells stand beside that cell', () => {
    // blind-v14-01 LibreOffice, no rulings: "• ผลการประเมิน ... ดังนี้", then the header "ตัวชี้วัด"
    // centred in its column a line below, under the paragraph's words.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 10.8, x1, y1: baseline + 2.9 }, baseline, size: 10.5 })
    const bullet = run('• ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของด่านศุลกากรแม่สอด จำแนกรายตัวชี้วัด ดังนี้', 34.1, 478.9, 75.8)
    const runs = [
      bullet,
      run('ตัวชี้วัด', 231.8, 262.1, 92.8), run('IIT', 510.2, 525.3, 92.8), run('EIT', 625.4, 642.4, 92.8), run('OIT', 740.9, 759, 92.8),
      run('ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่', 38.4, 151.3, 109.6), run('90.58', 503.8, 531.8, 109.6), run('-', 631.8, 636, 109.6), run('-', 747.9, 752.1, 109.6),
      run('ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน', 38.4, 168, 126.4), run('-', 515.7, 519.9, 126.4), run('80.49', 620.2, 648.2, 126.4), run('-', 747.9, 752.1, 126.4),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([bullet])
    expect(rowTexts(tables[0]!.cells)).toEqual([
      ['ตัวชี้วัด', 'IIT', 'EIT', 'OIT'],
      ['ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่', '90.58', '-', '-'],
      ['ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน', '-', '80.49', '-'],
    ])
  })

  it('reads a title over the columns, left-aligned with the first cell under it, as a row of its own', () => {
    // heldout-03 LibreOffice, no rulings: the indicator's title row, then item E8 in the same column.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 11.2, x1, y1: baseline + 2.4 }, baseline, size: 10.5 })
    const runs = [
      run('ประเด็นที่ต้องพัฒนา', 46.5, 135.3, 99.7), run('คะแนน', 156.4, 188.8, 99.7), run('1) ผลการวิเคราะห์', 213.8, 294.5, 99.7), run('2) มาตรการ/แนวทางการ', 315.9, 426.8, 92.2), run('พัฒนา', 358, 385, 107.2),
      run('ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน', 38.4, 211.8, 124.1),
      run('E8 หน่วยงานมีการ', 38.4, 116.4, 141.1), run('ปรับปรุงการดำเนินงาน', 38.4, 134.5, 156.1), run('ให้ตอบสนองต่อ', 38.4, 104.5, 171.1), run('ประชาชน', 38.4, 80.5, 186.1),
      run('72.91', 159.7, 185.4, 141.1),
      run('ควรปรับปรุงการสื่อสาร', 201.6, 298.5, 141.1), run('กับผู้รับบริการให้ชัดเจน', 201.6, 299.8, 156.1), run('ยิ่งขึ้น', 201.6, 225.3, 171.1),
      run('• อบรมเจ้าหน้าที่ด้านการ', 315.3, 419.8, 141.1), run('สื่อสารและการให้บริการ', 315.3, 416.4, 156.1), run('ด้วยความเป็นธรรม', 315.3, 395.2, 171.1),
    ]
    const rows = rowTexts(findTextTables(runs).tables[0]!.cells)
    expect(rows[0]).toEqual(['ประเด็นที่ต้องพัฒนา', 'คะแนน', '1) ผลการวิเคราะห์', '2) มาตรการ/แนวทางการ พัฒนา'])
    expect(rows[1]).toEqual(['ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน'])
    expect(rows[2]).toEqual(['E8 หน่วยงานมีการ ปรับปรุงการดำเนินงาน ให้ตอบสนองต่อ ประชาชน', '72.91', 'ควรปรับปรุงการสื่อสาร กับผู้รับบริการให้ชัดเจน ยิ่งขึ้น', '• อบรมเจ้าหน้าที่ด้านการ สื่อสารและการให้บริการ ด้วยความเป็นธรรม'])
  })
  it('keeps two columns apart under a group heading centred between them, and spans the heading over both', () => {
    // heldout-v3-01 (Chromium and LibreOffice, horizontal rules only): a summary laid out sideways,
    // tools over their indicators' columns; "OIT" over indicators 9 and 10 lies in the gap between them.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 9.9, x1, y1: baseline + 3.6 }, baseline, size: 9 })
    const xs = [[183.2, 186.4], [220.9, 225.6], [259.4, 264.2], [297.8, 302.7], [336.4, 341.1], [374.6, 379.9], [413.5, 418], [451.5, 456.9], [490, 495.3], [526.6, 535.8]] as const
    const scores = ['89.27', '82.92', '92.19', '83.83', '81.41', '84.21', '97.45', '82.57', '89.47', '66.67']
    const runs = [
      run('เครื่องมือ', 93.8, 128.8, 201.7), run('IIT', 256.8, 266.8, 201.7), run('EIT', 409.5, 422, 201.7), run('OIT', 505, 518.9, 201.7),
      run('ตัวชี้วัดที่', 94.9, 127.7, 221.2), ...xs.map(([x0, x1], k) => run(String(k + 1), x0, x1, 221.2)),
      run('คะแนนรายตัวชี้วัด', 61.2, 128.1, 240.7), ...xs.map(([x0, x1], k) => run(scores[k]!, (x0 + x1) / 2 - 10.5, (x0 + x1) / 2 + 10.5, 240.7)),
      run('คะแนนรายเครื่องมือ', 61.2, 136, 259.5), run('85.92', 251.1, 272.4, 259.5), run('88.08', 405, 426.5, 259.5), run('78.07', 501.3, 522.6, 259.5),
    ]
    const cells = findTextTables(runs).tables[0]!.cells
    expect(rowTexts(cells)[1]).toEqual(['ตัวชี้วัดที่', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(rowTexts(cells)[2]).toHaveLength(11)
    expect(cells.find((c) => c.text === 'OIT')).toMatchObject({ col: 9, colSpan: 2 })
    expect(cells.find((c) => c.text === '78.07')).toMatchObject({ col: 9, colSpan: 2 })
    expect(cells.find((c) => c.text === 'EIT')).toMatchObject({ col: 7, colSpan: 1 })
  })
  it('keeps rows apart by a drawn horizontal rule in one table, and spans a cell over the rows the rules leave open', () => {
    // blind-v4-05 (Chromium, horizontal rules only, drawn cell by cell): rows 8 pt apart, more than
    // rows of a table without rules; the indicator's cell spans its items, its rules start at x 115.5.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 8.9, x1, y1: baseline + 2.2 }, baseline, size: 8.9 })
    const edges = [57, 115.5, 200.2, 237.7, 327.7, 433.5, 497.2, 550.5]
    const rule = (pos: number, from: number): Rule[] => edges.slice(1).map((to, k) => ({ orientation: 'h' as const, pos, from: edges[k]!, to })).filter((r) => r.from >= from)
    const row = (baseline: number, texts: string[], first: number) => texts.map((t, k) => run(t, edges[first + k]! + 4, edges[first + k]! + 4 + 5 * [...t].length / 2, baseline))
    const runs = [
      ...row(130, ['ตัวชี้วัด', 'ประเด็น', 'คะแนน', 'มาตรการ', 'ขั้นตอน', 'ผู้รับผิดชอบ', 'ระยะเวลา'], 0),
      run('ตัวชี้วัดที่ ๙', 61.2, 101.5, 162), run('การเปิดเผย', 61.2, 103.2, 174.7),
      ...row(162, ['o5 แผนยุทธศาสตร์', 'มี', '๑. จัดทำรายงาน', '๑. รายงานผล'], 1),
      // Cell by cell, as written: the steps cell's next lines before the next cell.
      ...[174.7, 187.4, 200.1, 212.8].map((y) => run('งานต่อผู้บริหาร', 331.7, 380, y)),
      ...row(162, ['หัวหน้ากลุ่ม', '๑ ต.ค. ๖๘'], 5),
      ...row(233, ['o6 แผนและความ', 'มี', '๑. แต่งตั้ง', '๑. สำรวจ', 'หัวหน้างาน', '๑ ก.พ. ๖๙'], 1),
      ...row(260, ['o8 คู่มือ', 'มี', '๑. จัดทำแผน', '๑. จัดทำคำสั่ง', 'หัวหน้างาน', '๑ ต.ค. ๖๘'], 1),
    ]
    const rules = [...rule(103.9, 57), ...rule(148.9, 57), ...rule(220.1, 115.5), ...rule(247, 115.5), ...rule(290, 57)]
    const { tables } = findTextTables(runs, rules)
    expect(tables).toHaveLength(1)
    const rows = rowTexts(tables[0]!.cells)
    expect(rows.map((r) => r.length)).toEqual([7, 7, 6, 6])
    expect(tables[0]!.cells.find((c) => c.text.startsWith('ตัวชี้วัดที่ ๙'))).toMatchObject({ col: 0, rowSpan: 3 })
    expect(tables[0]!.cells.find((c) => c.text.startsWith('o6'))).toMatchObject({ col: 1, rowSpan: 1 })
    // Without the rules, the rows are too far apart to be one table, and nothing tells a span.
    expect(findTextTables(runs).tables.length).toBeGreaterThan(1)
  })
  it('keeps an indicator centred over its items in the row of its first item, however far below that row it starts', () => {
    // blind-v4-03 LibreOffice (horizontal rules): indicator 5's cell, centred over i13-i15, is written
    // before i13's cells and starts below them.
    const run = (text: string, x0: number, x1: number, y0: number): GlyphRun => ({ text, bbox: { x0, y0, x1, y1: y0 + 15 }, baseline: y0 + 11, size: 10 })
    const runs = [
      run('i12', 169.6, 180.7, 495.5), run('หน่วยงานของท่านมีการตรวจสอบ', 199.2, 459.3, 487.3), run('ราชการไปใช้ มากน้อยเพียงใด', 199.2, 435.9, 503.7), run('89.76', 498.5, 522.6, 495.5),
      run('ตัวชี้วัดที่ 5 การแก้ไข', 61.1, 141.4, 556.8), run('ปัญหาการทุจริต', 61.1, 126.2, 573.2), run('(91.26 คะแนน)', 61.1, 118.3, 591.6),
      run('i13', 169.6, 180.8, 530.8), run('ผู้บริหารสูงสุดของหน่วยงาน', 199.2, 451.8, 522.6), run('ปัญหาการทุจริต มากน้อยเพียงใด', 199.2, 404.9, 539), run('86.53', 498.7, 522.5, 530.8),
      run('i14', 169.5, 180.9, 574.2), run('ท่านคิดว่า การดำเนินการ', 199.2, 454.4, 557.8), run('ของหน่วยงานท่าน', 199.2, 457.1, 574.2), run('มากน้อยเพียงใด', 199.2, 264.8, 590.6), run('88.32', 498.7, 522.6, 574.2),
    ]
    const rules: Rule[] = [487, 522.2, 557.5, 609.1].map((pos) => ({ orientation: 'h', pos, from: pos === 522.2 ? 56.7 : 155.4, to: 550 }))
    const { tables, freeRuns } = findTextTables(runs, rules)
    expect(freeRuns).toEqual([])
    expect(tables).toHaveLength(1)
    const indicator = tables[0]!.cells.find((c) => c.text.startsWith('ตัวชี้วัดที่ 5'))!
    expect(indicator).toMatchObject({ col: 0, rowSpan: 2, text: 'ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต (91.26 คะแนน)' })
    expect(tables[0]!.cells.find((c) => c.text === 'i13')!.row).toBe(indicator.row)
  })

  it('keeps the next actions of the last measure, one a row under cells spanning them, in the table', () => {
    // A measure's actions one per row at the foot of a table drawn without rulings: the rows after
    // the first hold only the actions column, and the numbered list goes on ("1." then "๒.", "๓.").
    const runs = [
      run('ตัวชี้วัดที่ ๓', 40, 90, 80), run('คะแนน', 140, 170, 80), run('มาตรการ', 210, 300, 80), run('ผลการวิเคราะห์', 340, 440, 80),
      run('i7 ผู้บังคับบัญชา', 40, 100, 98), run('ในหน่วยงาน', 40, 95, 116), run('๙๗.๑๑', 140, 170, 98),
      run('1.', 210, 218, 98), run('ประชุมชี้แจงบุคลากร', 220, 300, 98), run('ยังขาดการติดตามผล', 340, 440, 98),
      run('๒.', 210, 218, 134), run('ประกาศหลักเกณฑ์', 220, 300, 134), run('๓.', 210, 218, 152), run('จัดทำทะเบียนคุม', 220, 300, 152),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([])
    expect(tables).toHaveLength(1)
    const actions = tables[0]!.cells.filter((c) => c.col === 2).map((c) => c.text.replace(/\s+/g, ''))
    expect(actions.slice(0, 2)).toEqual(['มาตรการ', '1.ประชุมชี้แจงบุคลากร'])
    expect(actions.slice(2).join('')).toBe('๒.ประกาศหลักเกณฑ์๓.จัดทำทะเบียนคุม')
  })

  it('keeps the next bulleted actions of the last measure in the table, a bullet after the same bullet', () => {
    const runs = [
      run('ตัวชี้วัดที่ ๓', 40, 90, 80), run('คะแนน', 140, 170, 80), run('มาตรการ', 210, 300, 80),
      run('o9 คู่มือ', 40, 100, 98), run('แนวทาง', 40, 95, 116), run('100.00', 140, 170, 98), run('• มอบหมายเจ้าหน้าที่', 210, 300, 98),
      run('• นำรายงานขึ้นเว็บไซต์', 210, 300, 134),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([])
    expect(tables[0]!.cells.filter((c) => c.col === 2).map((c) => c.text)).toEqual(['มาตรการ', '• มอบหมายเจ้าหน้าที่', '• นำรายงานขึ้นเว็บไซต์'])
  })

  it('keeps a heading and its English gloss centred under it, a paragraph apart, in one cell of one header row', () => {
    // A measures table's header as LibreOffice draws it (9-point type, glosses 19.1 points below).
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 10.8, x1, y1: baseline + 4.8 }, baseline, size: 9 })
    const runs = [
      run('ตัวชี้วัดที่ ๓', 99.4, 141.6, 80.8), run('คะแนน', 198.4, 225.4, 71.2), run('Score', 199.1, 224.8, 90.3),
      run('๑) มาตรการ/แนวทางการพัฒนา', 247.6, 367.1, 71.2), run('Measures', 285.2, 329.6, 90.3),
      run('๒) ระยะเวลา', 391, 438.5, 62.6), run('ดำเนินการ', 395.4, 434.3, 79.8), run('Period', 399.7, 429.9, 98.9),
      run('๓) ผู้รับผิดชอบ', 473.9, 530.8, 71.2), run('Responsible', 474.1, 530.6, 90.3),
      run('i8 ผู้บังคับบัญชา', 61.1, 175.6, 118.5), run('๙๗.๗๒', 197.2, 226.7, 118.5), run('1. จัดทำทะเบียนคุม', 244, 360, 120.3),
      run('ตุลาคม ๒๕๖๘', 385, 450, 118.5), run('งานธุรการ', 459, 520, 118.5),
    ]
    const { tables } = findTextTables(runs)
    expect(tables).toHaveLength(1)
    const header = tables[0]!.cells.filter((c) => c.row === 0).map((c) => c.text)
    expect(header).toEqual(['ตัวชี้วัดที่ ๓', 'คะแนน Score', '๑) มาตรการ/แนวทางการพัฒนา Measures', '๒) ระยะเวลาดำเนินการ Period', '๓) ผู้รับผิดชอบ Responsible'])
  })

  it('reads a group heading that only touches the line under it in one column as spanning, not as joining two columns', () => {
    // heldout-v3-05 LibreOffice, horizontal rules only (page 9): "การดำเนินการ" over measures,
    // period and responsible; its box overlaps the measure's first line by 0.3 pt.
    const run = (text: string, x0: number, x1: number, baseline: number, size = 9.5): GlyphRun => ({ text, bbox: { x0, y0: baseline - 9.4, x1, y1: baseline + 2.9 }, baseline, size })
    const runs = [
      run('ประเด็นที่ต้องพัฒนา', 80, 161, 93.9), run('คะแนน', 197.3, 226.6, 93.9),
      run('การดำเนินการ', 365.7, 424.1, 79), run('๑) มาตรการ/แนวทางการ', 255.2, 359.7, 95.3), run('พัฒนา', 294.1, 320.6, 108.9),
      run('๒) ระยะเวลา', 388.3, 441.2, 95.3), run('ดำเนินการ', 393.6, 436.1, 108.9), run('๓) ผู้รับผิดชอบ', 472.3, 532.5, 102.1),
      run('I14 ท่านคิดว่า การดำเนินการ', 61.1, 170.9, 125.2), run('เพื่อป้องกันการทุจริตและ', 61.1, 156.2, 138.8), run('๘๙.๔๘', 198.4, 225.5, 125.2),
      run('1.', 244, 250.2, 126.7, 11), run('มาตรการป้องกันการรับสินบน', 252.9, 366, 126.7), run('ในการบริหารงานบุคคล', 244, 333.3, 140.7),
      run('๑ ตุลาคม ๒๕๖๘ -', 379.7, 450, 125.2), run('๓๐ กันยายน', 390.5, 439.1, 138.8), run('๒๕๖๙', 402.2, 427.4, 152.3),
      run('ผู้อำนวยการกอง', 458.9, 522.1, 125.2), run('สวัสดิการสังคม', 458.9, 517.9, 138.8),
    ]
    const cells = findTextTables(runs).tables[0]!.cells
    expect(rowTexts(cells).at(-1)).toEqual(['I14 ท่านคิดว่า การดำเนินการ เพื่อป้องกันการทุจริตและ', '๘๙.๔๘', '1. มาตรการป้องกันการรับสินบน ในการบริหารงานบุคคล', '๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙', 'ผู้อำนวยการกอง สวัสดิการสังคม'])
  })

  it("keeps a Gantt chart's month columns apart under the years centred over them", () => {
    // blind-v9-01 LibreOffice, horizontal rules only, cut to seven months (April moved up to follow
    // March): "พ.ศ. 2568" over October to December touches the outer two by 1-2 pt; a narrow column
    // broke "เม.ย." after its leading vowel.
    const run = (text: string, x0: number, x1: number, baseline: number, size = 8.5): GlyphRun => ({ text, bbox: { x0, y0: baseline - 10.4, x1, y1: baseline + 4.7 }, baseline, size })
    const months: [string, number, number][] = [['ต.ค.', 503.4, 519.4], ['พ.ย.', 529.1, 545.3], ['ธ.ค.', 555.6, 570.4], ['ม.ค.', 580.9, 596.7], ['ก.พ.', 606.4, 622.7], ['มี.ค.', 632.5, 648.3]]
    const runs = [
      run('ประเด็นที่ต้องพัฒนา', 51.3, 120, 179.5), run('คะแนน', 147.6, 172.2, 179.5), run('4) ระยะเวลาดำเนินการ', 534.3, 612.2, 152.2),
      run('พ.ศ. 2568', 517.6, 556.7, 171.3), run('พ.ศ. 2569', 592.3, 631.5, 171.3),
      ...months.map(([m, x0, x1]) => run(m, x0, x1, 198.6)),
      run('เ', 658.4, 661, 190.3), run('ม.ย.', 652.1, 667.4, 206.9),
      run('e1 เจ้าหน้าที่ปฏิบัติงาน', 38.4, 128.7, 225.9), run('76.06', 148.7, 171.1, 225.9),
      ...months.map(([, x0]) => run('✓', x0 + 4.4, x0 + 11.5, 225.9)), run('✓', 656.3, 663.4, 225.9),
    ]
    const cells = findTextTables(runs).tables[0]!.cells
    const monthRow = cells.filter((c) => c.text === 'ต.ค.')[0]!.row
    expect(rowTexts(cells)[monthRow]).toEqual(['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.'])
    expect(rowTexts(cells).at(-1)).toEqual(['e1 เจ้าหน้าที่ปฏิบัติงาน', '76.06', '✓', '✓', '✓', '✓', '✓', '✓', '✓'])
  })

  it("keeps an indicator's heading row ruled off across the table as the table's last row on its page", () => {
    // blind-v4-04 LibreOffice, horizontal rules only (page 10, columns cut to four): the items of
    // indicator 7 follow on the next page, under no header.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 12.1, x1, y1: baseline + 4.7 }, baseline, size: 10.5 })
    const rule = (pos: number): Rule => ({ orientation: 'h', pos, from: 34, to: 807.9 })
    const runs = [
      run('E3 ท่านเคยถูกเจ้าหน้าที่', 38.4, 145.5, 385.8), run('เรียกรับสินบน', 38.4, 121.3, 404.3), run('๘๘.๕๗', 165.7, 192.7, 385.8),
      run('1. เปิดเวทีรับฟัง', 209.5, 311.6, 385.8), ...[1, 2, 3, 4, 5, 6].map((k) => run('ความคิดเห็น', 209.5, 305, 385.8 + 19.7 * k)), run('ความเป็นธรรม', 209.5, 266, 523.8),
      run('กองยุทธศาสตร์และ', 722.9, 799.3, 385.8), run('งบประมาณ', 722.9, 768.1, 404.3),
      run('ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร', 38.4, 190.4, 544.6),
    ]
    const rules = [rule(373.4), rule(532.2), rule(553)]
    const { tables, freeRuns } = findTextTables(runs, rules)
    expect(freeRuns).toEqual([])
    expect(rowTexts(tables[0]!.cells).at(-1)).toEqual(['ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร'])
    // Without the rules around it, a line under a table is text after it.
    expect(findTextTables(runs, [rule(373.4), rule(532.2)]).freeRuns.map((r) => r.text)).toEqual(['ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร'])
  })

  it("reads an indicator's heading row apart from the item under it, left-aligned with it, when it reaches over the score", () => {
    // heldout-03 LibreOffice, no rulings (page 8): the heading is wider than the item column and
    // lies a line's pitch above the item, like the item's first line.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 11.2, x1, y1: baseline + 2.4 }, baseline, size: 10.5 })
    const runs = [
      run('ประเด็นที่ต้องพัฒนา', 46.5, 135.3, 52.7), run('คะแนน', 156.4, 188.8, 52.7), run('1) ผลการวิเคราะห์', 213.8, 294.5, 52.7), run('2) มาตรการ/แนวทางการ', 315.9, 426.8, 45.2), run('พัฒนา', 356.8, 385.9, 60.2),
      run('ตัวชี้วัดที่ 10 การป้องกันการทุจริต', 38.4, 183.3, 77.2),
      run('O23 การประเมินความ', 38.4, 132.8, 94.1), run('เสี่ยงที่อาจเกิดการให้หรือ', 38.4, 142.7, 109.1), run('งานตามภารกิจของหน่วย', 38.4, 143.2, 124.1),
      run('100.00', 156.8, 188.2, 94.1), run('ควรปรับปรุงการสื่อสาร', 201.6, 298.5, 94.1), run('ยิ่งขึ้น', 201.6, 225.3, 109.1), run('• แต่งตั้งผู้รับผิดชอบการ', 315.3, 416.6, 94.1),
    ]
    const rows = rowTexts(findTextTables(runs).tables[0]!.cells)
    expect(rows[1]).toEqual(['ตัวชี้วัดที่ 10 การป้องกันการทุจริต'])
    expect(rows[2]).toEqual(['O23 การประเมินความ เสี่ยงที่อาจเกิดการให้หรือ งานตามภารกิจของหน่วย', '100.00', 'ควรปรับปรุงการสื่อสาร ยิ่งขึ้น', '• แต่งตั้งผู้รับผิดชอบการ'])
  })

  it("keeps an indicator's heading row at the table's foot, laid out like the heading rows inside it, with no rules", () => {
    // blind-v4-04 LibreOffice, no rulings (page 10, columns cut to three): the items of indicator 7
    // follow on the next page.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 12.1, x1, y1: baseline + 4.7 }, baseline, size: 10.5 })
    const runs = [
      run('I13 ผู้บริหารสูงสุด', 38.4, 145.5, 180.5), run('งานของท่าน', 38.4, 121.3, 199), run('๙๘.๙๓', 165.7, 192.7, 180.5), run('1. กิจกรรมประชุม', 209.5, 311.6, 181.7), run('ตอนและระยะเวลา', 209.5, 305, 200.6),
      run('ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน', 38.4, 183.1, 219.5),
      run('E3 ท่านเคยถูกเจ้าหน้าที่', 38.4, 148.2, 239.6), run('รับสินบน', 38.4, 134.1, 258), run('๘๘.๕๗', 164.9, 193.4, 239.6), run('1. เปิดเวทีรับฟัง', 209.5, 318.5, 240.6), run('ความคิดเห็น', 209.5, 300, 259.5),
      run('ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร', 38.4, 190.4, 278),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([])
    expect(rowTexts(tables[0]!.cells).at(-1)).toEqual(['ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร'])
  })

  it("reads an indicator's heading row apart from the item under it when the item's cells start beside the item, not the heading", () => {
    // blind-v4-04 LibreOffice, no rulings (page 11): the heading is no wider than the item column.
    const run = (text: string, x0: number, x1: number, baseline: number, size = 10.5): GlyphRun => ({ text, bbox: { x0, y0: baseline - 12.1, x1, y1: baseline + 4.7 }, baseline, size })
    const runs = [
      run('E6 เจ้าหน้าที่สามารถสื่อสาร', 38.4, 150, 270), run('ตอบข้อซักถาม', 38.4, 120, 288.4), run('๙๔.๘๔', 164.9, 193.4, 270), run('1. ปรับปรุงป้าย', 209.5, 318.5, 271.2), run('ขั้นตอน', 209.5, 280, 290),
      run('ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล', 38.4, 160.2, 309.4),
      run('O3 ข้อมูลการติดต่อ', 38.4, 113.4, 327.9), run('๑๐๐', 170.8, 187.6, 327.9),
      run('1.', 209.5, 216.6, 329.1, 11.5), run('เผยแพร่รายงานการจัดซื้อ', 220, 319.2, 329.1), run('จัดจ้างประจำเดือนบนเว็บไซต์', 209.5, 322.2, 348),
    ]
    const rows = rowTexts(findTextTables(runs).tables[0]!.cells)
    expect(rows.at(-2)).toEqual(['ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล'])
    expect(rows.at(-1)).toEqual(['O3 ข้อมูลการติดต่อ', '๑๐๐', '1. เผยแพร่รายงานการจัดซื้อ จัดจ้างประจำเดือนบนเว็บไซต์'])
  })

  it('starts a cell at the run its next lines go on under, however narrow the padding before it', () => {
    // blind-v9-02 LibreOffice, horizontal rules only (page 10): the period, then the first of three
    // units 9.6 pt to its right, less than a type size.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 12.8, x1, y1: baseline + 5 }, baseline, size: 11.5 })
    const runs = [
      run('EIT-07 หน่วยงานมีการเปิด', 38.4, 147.9, 100.6), run('โอกาสให้บุคคลภายนอกได้', 38.4, 141.3, 120.1), run('๙๔.๙๑', 182.3, 210.5, 100.6),
      run('ต.ค. ๖๘ - ธ.ค. ๖๘', 538.7, 611.3, 100.6), run('ฝ่ายพัสดุ', 620.9, 655.3, 100.6), run('ฝ่ายการเงินและบัญชี', 620.9, 700.7, 122.1), run('งานสื่อสารองค์กร', 620.9, 690.9, 143.7),
    ]
    const rows = rowTexts(findTextTables(runs).tables[0]!.cells)
    expect(rows).toEqual([['EIT-07 หน่วยงานมีการเปิดโอกาสให้บุคคลภายนอกได้', '๙๔.๙๑', 'ต.ค. ๖๘ - ธ.ค. ๖๘', 'ฝ่ายพัสดุ ฝ่ายการเงินและบัญชี งานสื่อสารองค์กร']])
  })

  it("keeps a cell's next paragraph when its first line took in the end of the cell before it", () => {
    // blind-v7-06 LibreOffice, horizontal rules only (page 9): the end date 10.4 pt before the
    // first unit, under a type size, so one block at first; the second unit, a paragraph down,
    // starts at the cell's left edge, not the block's.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 12.1, x1, y1: baseline + 4.7 }, baseline, size: 10.5 })
    const runs = [
      run('o ๙ คู่มือหรือแนวทางการ', 38.4, 134.5, 245.8), run('ขอรับบริการสำหรับผู้รับ', 38.4, 128.5, 264.2), run('บริการหรือผู้มาติดต่อ', 38.4, 119.3, 282.7),
      run('๑๐๐.๐๐', 155.9, 186.5, 245.8), run('ม.ค. ๒๕๖๙', 617.2, 661.1, 245.8), run('มี.ค. ๒๕๖๙', 673.5, 717.4, 245.8),
      run('กลุ่มตรวจสอบ', 727.8, 783.2, 245.8), run('ภายใน', 727.8, 753.2, 264.2),
      run('ส', 727.8, 733.7, 284.7), run('ำ', 733.2, 737.8, 284.7), run('นักงานเลขานุการ', 737.8, 803.1, 284.7), run('กรม', 727.8, 744.1, 303.1),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([])
    expect(rowTexts(tables[0]!.cells)[0]!.at(-1)).toMatch(/^กลุ่มตรวจสอบ\s?ภายใน\s+สำนักงานเลขานุการ\s?กรม$/u)
  })

  it('keeps a centred heading cell whole when LibreOffice splits its second line at a sara am', () => {
    // blind-v7-01 LibreOffice, horizontal rules only (page 6): "ดำเนินการ" comes as "ด", "ำ",
    // "เนินการ", and the line is centred under the heading's first line as a whole, 21.4 pt down.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 12.2, x1, y1: baseline + 5.5 }, baseline, size: 10 })
    const runs = [
      run('ประเด็นที่', 75.3, 111.9, 126.4), run('ต้องพัฒนา', 71.5, 115.7, 147.8), run('คะแนน', 164.7, 193.6, 137.1),
      run('1) มาตรการ/แนว', 233.9, 303.2, 126.4), run('ทางการพัฒนา', 239.5, 297.5, 147.8),
      run('2) ขั้นตอน/วิธีการ', 370, 442.2, 126.4), run('ด', 385.2, 391.3, 147.8), run('ำ', 391.3, 396.1, 147.8), run('เนินการ', 396.1, 427, 147.8),
      run('3) ตัวชี้วัด', 509.4, 548.5, 126.4), run('ความส', 492.9, 521.5, 147.8), run('ำ', 521.5, 526.3, 147.8), run('เร็จ (KPI)', 526.3, 565, 147.8),
      run('I1 การปฏิบัติงานหรือให้', 38.4, 131.5, 169.5), run('บริการของเจ้าหน้าที่ใน', 38.4, 127.4, 189), run('79.60', 165.8, 192.6, 169.5),
      run('1)', 209.5, 218.1, 170.7), run('สร้างช่องทางแจ้งเบาะแส', 221, 319.1, 170.7),
      run('1)', 336, 344.6, 170.7), run('สื่อสารแนวปฏิบัติผ่านหนังสือ', 347.4, 464.4, 170.7), run('ด', 484.8, 490.9, 169.5), run('ำ', 490.9, 495.7, 169.5), run('เนินกิจกรรมครบ', 495.7, 561.1, 169.5),
    ]
    const rows = rowTexts(findTextTables(runs).tables[0]!.cells)
    expect(rows[0]!.map((t) => t.replace(/\s+/gu, ' '))).toEqual(['ประเด็นที่ ต้องพัฒนา', 'คะแนน', '1) มาตรการ/แนว ทางการพัฒนา', '2) ขั้นตอน/วิธีการ ดำเนินการ', '3) ตัวชี้วัด ความสำเร็จ (KPI)'])
    expect(rows[1]![0]).toBe('I1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ใน')
  })

  it("keeps a cell whole whose first line is much wider than its others when nothing beside it is under that line", () => {
    // blind-v9-05 LibreOffice, horizontal rules only (page 9): the last column's units,
    // "ส่วนเจ้าพนักงานตำรวจ" wrapped before "ศาล", then "ส่วนคลัง"; the first line is no title over columns.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 10.4, x1, y1: baseline + 4.3 }, baseline, size: 9.5 })
    const runs = [
      run('EIT-03 ท่านเคยถูกเจ้าหน้าที่', 38.4, 141.9, 80.1), run('เรียกรับสินบน เพื่อแลกกับการ', 38.4, 146.3, 96.3), run('ปฏิบัติงานหรือให้บริการแก่ท่าน', 38.4, 150.3, 112.5), run('หรือไม่', 38.4, 61.8, 128.7),
      run('83.34', 176.6, 199.6, 80.1), run('ไตรมาส 1-4 (ต.ค.', 641.4, 706.2, 80.1), run('68 - ก.ย. 69)', 647.5, 700.1, 96.3),
      run('ส่วนเจ้าพนักงานต', 717.5, 781.3, 80.1), run('ำ', 781.3, 785.5, 80.1), run('รวจ', 785.5, 799.3, 80.1), run('ศาล', 717.5, 732.2, 96.3), run('ส่วนคลัง', 717.5, 747.8, 114.5),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([])
    expect(rowTexts(tables[0]!.cells)).toHaveLength(1)
    expect(rowTexts(tables[0]!.cells)[0]!.at(-1)).toMatch(/^ส่วนเจ้าพนักงานตำรวจ\s?ศาล\s+ส่วนคลัง$/u)
  })

  it('keeps an indicator centred beside its nineteen items in the row of the first, however far below it', () => {
    // blind-v4-03 Chromium, horizontal rules only, not over the indicator column (page 3): the
    // indicator's cell comes first in content order, centred 190 pt below its first item.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 11, x1, y1: baseline + 4 }, baseline, size: 10 })
    const items = Array.from({ length: 19 }, (_, k) => 283.5 + 21 * k)
    const runs = [
      run('ตัวชี้วัด', 91.3, 121.4, 250), run('ข้อ', 168, 182, 250), run('ประเด็นการประเมิน', 290, 380, 250), run('คะแนนที่ได้', 490, 532, 250),
      run('ตัวชี้วัดที่ 9 การเปิด', 61.2, 137.5, 457.7), run('เผยข้อมูล', 61.2, 100.3, 472), run('(94.74 คะแนน)', 61.2, 120.3, 486.3),
      ...items.flatMap((baseline, k) => [run(`o${k + 1}`, 170, 181, baseline), run('ข้อมูลการติดต่อ', 199.4, 263.6, baseline), run('100.00', 495.5, 526.5, baseline)]),
    ]
    const rules: Rule[] = [
      { orientation: 'h', pos: 262.6, from: 57, to: 550.5 },
      ...items.slice(1).map((baseline): Rule => ({ orientation: 'h', pos: baseline - 13.9, from: 156, to: 550.5 })),
    ]
    const { tables, freeRuns } = findTextTables(runs, rules)
    expect(freeRuns).toEqual([])
    expect(tables).toHaveLength(1)
    const indicator = tables[0]!.cells.find((c) => c.text.startsWith('ตัวชี้วัดที่ 9'))!
    expect(indicator).toMatchObject({ row: 1, col: 0, rowSpan: 19 })
    expect(rowTexts(tables[0]!.cells)[1]).toEqual(['ตัวชี้วัดที่ 9 การเปิด เผยข้อมูล (94.74 คะแนน)', 'o1', 'ข้อมูลการติดต่อ', '100.00'])
  })

  it('starts a cell at a bullet right after a score, however narrow the padding between them', () => {
    // heldout-v6-02 LibreOffice, horizontal rules only (page 11): "- จัดทำ" 9.2 pt after the score.
    const run = (text: string, x0: number, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 10, x1, y1: baseline + 2.4 }, baseline, size: 9.5 })
    const runs = [
      run('[o16] ประมวล', 61.1, 117, 252.3), run('จริยธรรมและการขับ', 61.1, 142.1, 265.9), run('๑๐๐.๐๐', 158, 190.2, 252.3),
      run('- จัดทำรายงานผลการ', 199.4, 286, 252.3), run('ดำเนินงานและเผยแพร่', 199.4, 287.1, 265.9),
      run('- สรุปปัญหาอุปสรรคและข้อ', 301.7, 411.7, 252.3), run('กลุ่มงาน', 422, 454.6, 252.3),
    ]
    const rows = rowTexts(findTextTables(runs).tables[0]!.cells)
    expect(rows).toEqual([['[o16] ประมวล จริยธรรมและการขับ', '๑๐๐.๐๐', '- จัดทำรายงานผลการ ดำเนินงานและเผยแพร่', '- สรุปปัญหาอุปสรรคและข้อ', 'กลุ่มงาน']])
  })

  it('leaves text under a table out of it when it does not go on with the list above it', () => {
    const runs = [
      run('ตัวชี้วัดที่ ๓', 40, 90, 80), run('คะแนน', 140, 170, 80), run('มาตรการ', 210, 300, 80),
      run('i7 ผู้บังคับบัญชา', 40, 100, 98), run('ในหน่วยงาน', 40, 95, 116), run('๙๗.๑๑', 140, 170, 98), run('1.', 210, 218, 98), run('ประชุมชี้แจงบุคลากร', 220, 300, 98),
      // A signature under the table, in the actions column: not list item 2.
      run('ลงชื่อ ....................', 210, 300, 134),
      run('๓.', 210, 218, 152), run('จัดทำทะเบียนคุม', 220, 300, 152),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(tables).toHaveLength(1)
    expect(freeRuns.map((r) => r.text)).toEqual(['ลงชื่อ ....................', '๓.', 'จัดทำทะเบียนคุม'])
  })

  it('leaves a caption above the header row out of the table (blind-v13-05 no rulings)', () => {
    // "ตารางข้อมูลประกอบแผนภูมิ" left above, the header's cells one line lower and right of it.
    const runs = [
      run('ตารางข้อมูลประกอบแผนภูมิ', 56.8, 181.1, 505),
      run('ชุดข้อมูล', 210.6, 248.3, 526), run('ค่า (คะแนน)', 449.6, 502.5, 526),
      run('แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)', 61.1, 330, 547), run('89.46', 480, 506, 547),
      run('แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', 61.1, 260, 568), run('70.17', 480, 506, 568),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns.map((r) => r.text)).toEqual(['ตารางข้อมูลประกอบแผนภูมิ'])
    expect(tables[0]!.cells.filter((c) => c.row === 0).map((c) => c.text)).toEqual(['ชุดข้อมูล', 'ค่า (คะแนน)'])
  })

  it('keeps the rest of a row a page break split, under the header the break repeated, in the table', () => {
    // blind-v13-05 no rulings, page 12: the header, then the measure's fifth step alone in its column.
    const runs = [
      run('ตัวชี้วัดที่ 3', 70, 112, 54), run('คะแนน', 159, 187, 54), run('1) ผลการวิเคราะห์', 217, 291, 54), run('3) ขั้นตอน/วิธีการดำเนินการ', 446, 560, 54), run('4) ระยะเวลาดำเนินการ', 585, 634, 54),
      run('5. รายงานผลต่อผู้บริหารและเผย', 436, 565, 70), run('แพร่บนเว็บไซต์', 436, 493, 86),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([])
    expect(tables[0]!.cells.filter((c) => c.row === 1).map((c) => [c.col, c.text])).toEqual([[3, '5. รายงานผลต่อผู้บริหารและเผย แพร่บนเว็บไซต์']])
  })
})
