/** Tables laid out as other agencies lay them out: sideways summaries, headers in two rows, start and end dates. */
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../catalogue/catalogue.js'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows } from '../text/rows.js'
import { markSetAsideColumns } from '../segment/score-columns.js'
import { segmentRows } from '../segment/segment.js'
import { extractMeasures } from './measures.js'
import { extractDetail, extractSummary } from './tables.js'

const catalogue = loadCatalogue(2568)
const sectionsOf = (text: string) => segmentRows(docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' }))), catalogue.indicators)
const value = (v: { value: unknown } | null | undefined) => (v == null ? null : v.value)

describe('a summary laid out sideways', () => {
  const html = `<table>
<tr><th>เครื่องมือ</th><th colspan="2">IIT</th><th colspan="2">EIT</th></tr>
<tr><th>ตัวชี้วัดที่</th><th>4</th><th>5</th><th>6</th><th>7</th></tr>
<tr><th>คะแนนรายตัวชี้วัด</th><td>89.27</td><td>82.92</td><td>92.19</td><td>83.83</td></tr>
<tr><th>คะแนนรายเครื่องมือ</th><td colspan="2">85.92</td><td colspan="2">88.08</td></tr>
</table>`
  it('reads indicator scores by column and tool scores over their columns', () => {
    const sections = sectionsOf(html)
    expect(sections.detail).toEqual([])
    const summary = extractSummary(sections.summary, catalogue)
    expect(summary.indicators.map((i) => [i.number, value(i.score)])).toEqual([[4, 89.27], [5, 82.92], [6, 92.19], [7, 83.83]])
    expect(summary.tools.map((t) => [t.tool, value(t.score)])).toEqual([['IIT', 85.92], ['EIT', 88.08]])
  })
})

describe('a summary as a chart\'s data table, and tool scores across', () => {
  const names = ['การปฏิบัติหน้าที่', 'การใช้งบประมาณ', 'การใช้อำนาจ', 'การใช้ทรัพย์สินฯ']
  const html = `<table><tr><td>ตัวชี้วัด</td>${names.map((n) => `<td>${n}</td>`).join('')}</tr>
<tr><td>ร้อยละ</td><td>88.10</td><td>91.20</td><td>79.45</td><td>85.00</td></tr></table>

<table><tr><td></td><td>ภายใน (IIT)</td><td>ภายนอก (EIT)</td><td>เปิดเผยข้อมูล (OIT)</td></tr>
<tr><td>น้ำหนัก</td><td>30</td><td>30</td><td>40</td></tr>
<tr><td>ผลคะแนน</td><td>85.94</td><td>90.02</td><td>77.50</td></tr></table>`
  it('reads indicators named across by their columns (one cut short with ฯ), and tools across from the score row, not the weights', () => {
    const sections = sectionsOf(html)
    expect(sections.detail).toEqual([])
    const summary = extractSummary(sections.summary, catalogue)
    expect(summary.indicators.map((i) => [i.number, value(i.score)])).toEqual([[1, 88.1], [2, 91.2], [3, 79.45], [4, 85]])
    expect(summary.tools.map((t) => [t.tool, value(t.score)])).toEqual([['IIT', 85.94], ['EIT', 90.02], ['OIT', 77.5]])
  })
})

describe('a chart\'s data table without a corner label, and tools across with a total column and two years', () => {
  it('reads the indicators from their names alone, and the tools from this year\'s row', () => {
    const sections = sectionsOf(`<table><tr><td></td><td>ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน</td><td>ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร</td><td>ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน</td></tr>
<tr><td>คะแนน</td><td>93.10</td><td>94.20</td><td>95.30</td></tr></table>

<table><tr><td>ปีงบประมาณ</td><td>IIT</td><td>EIT</td><td>OIT</td><td>คะแนนรวม</td></tr>
<tr><td>คะแนน ปี 2567</td><td>80.00</td><td>81.00</td><td>82.00</td><td>81.10</td></tr>
<tr><td>คะแนน ปี 2568</td><td>85.94</td><td>90.02</td><td>77.50</td><td>83.79</td></tr></table>`)
    const summary = extractSummary(sections.summary, catalogue)
    expect(summary.indicators.map((i) => [i.number, value(i.score)])).toEqual([[6, 93.1], [7, 94.2], [8, 95.3]])
    expect(summary.tools.map((t) => [t.tool, value(t.score)])).toEqual([['IIT', 85.94], ['EIT', 90.02], ['OIT', 77.5]])
  })
})

describe('a number column beside the indicator scores', () => {
  const summaryOf = (column: string, values: string[]) =>
    extractSummary(
      sectionsOf(`<table><tr><th>ตัวชี้วัด</th><th>คะแนน</th><th>${column}</th></tr>
${['การปฏิบัติหน้าที่', 'การใช้งบประมาณ', 'การใช้อำนาจ'].map((n, i) => `<tr><td>ตัวชี้วัดที่ ${i + 1} ${n}</td><td>8${i}.10</td><td>${values[i] ?? ''}</td></tr>`).join('\n')}
</table>`).summary,
      catalogue,
    )
  it('gives the tool\'s score when printed once for the tool, or the same on each of its rows', () => {
    expect(summaryOf('คะแนนรายเครื่องมือ', ['81.10']).tools.map((t) => [t.tool, value(t.score)])).toEqual([['IIT', 81.1]])
    expect(summaryOf('คะแนนรายเครื่องมือ', ['81.10', '81.10', '81.10']).tools.map((t) => [t.tool, value(t.score)])).toEqual([['IIT', 81.1]])
  })
  it('gives none when its numbers differ between one tool\'s rows, whatever its header says (a target, a mark)', () => {
    expect(summaryOf('มาตรฐาน', ['95', '85', '85']).tools).toEqual([])
  })
})

describe('tool rows in the table of a summary laid out sideways', () => {
  it('are read as the tools\' scores (a table read without rulings merges the two)', () => {
    const sections = sectionsOf(`<table><tr><td>ตัวชี้วัดที่</td><td>1</td><td>2</td><td>3</td></tr>
<tr><td>คะแนน</td><td>88.10</td><td>91.20</td><td>79.45</td></tr>
<tr><td colspan="3">แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)</td><td>86.25</td></tr></table>`)
    const summary = extractSummary(sections.summary, catalogue)
    expect(summary.indicators.map((i) => [i.number, value(i.score)])).toEqual([[1, 88.1], [2, 91.2], [3, 79.45]])
    expect(summary.tools.map((t) => [t.tool, value(t.score)])).toEqual([['IIT', 86.25]])
  })
})

describe('a summary printed as a matrix of tools', () => {
  const rows = [['การปฏิบัติหน้าที่', '90.58', '-', '-'], ['การใช้งบประมาณ', '79.29', '', ''], ['คุณภาพการดำเนินงาน', '-', '80.49', '-'], ['การเปิดเผยข้อมูล', '-', '-', '84.21']]
  const numbers = [1, 2, 6, 9]
  const summaryOf = (body: string[][]) =>
    extractSummary(
      sectionsOf(`<table><tr><th>ตัวชี้วัด</th><th>IIT</th><th>EIT</th><th>OIT</th></tr>
${body.map(([name, ...cells], i) => `<tr><td>ตัวชี้วัดที่ ${numbers[i]} ${name}</td>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}
<tr><th>คะแนนรายเครื่องมือ</th><th>84.10</th><th>84.64</th><th>92.11</th></tr></table>`).summary,
      catalogue,
    )
  it("reads each indicator's score in its own tool's column, and the tools' scores from their row", () => {
    const summary = summaryOf(rows)
    expect(summary.indicators.map((i) => [i.number, value(i.score)])).toEqual([[1, 90.58], [2, 79.29], [6, 80.49], [9, 84.21]])
    expect(summary.tools.map((t) => [t.tool, value(t.score)])).toEqual([['IIT', 84.1], ['EIT', 84.64], ['OIT', 92.11]])
  })
  it("leaves unread a row scored under another tool's column, or under two", () => {
    const summary = summaryOf([['การปฏิบัติหน้าที่', '-', '90.58', '-'], ['การใช้งบประมาณ', '79.29', '80.00', '-']])
    expect(summary.indicators).toEqual([])
  })
  it('reads a score column of its own beside the tools\' columns', () => {
    const sections = sectionsOf(`<table><tr><th>ตัวชี้วัด</th><th>IIT</th><th>EIT</th><th>OIT</th><th>คะแนน</th></tr>
<tr><td>ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</td><td>✓</td><td></td><td></td><td>90.58</td></tr>
<tr><td>ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน</td><td></td><td>✓</td><td></td><td>80.49</td></tr></table>`)
    expect(extractSummary(sections.summary, catalogue).indicators.map((i) => [i.number, value(i.score)])).toEqual([[1, 90.58], [6, 80.49]])
  })
})

describe('a table restating the summary after the measures', () => {
  it('is read as the summary, not as rows of the last measure', () => {
    const sections = sectionsOf(`<table><tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr>
<tr><td>i4 หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด</td><td>92.67</td><td>1. อบรม</td><td>ต.ค. 68 - ก.ย. 69</td><td>กองคลัง</td></tr></table>

ภาคผนวก ก

<table><tr><th>ตัวชี้วัด</th><th>คะแนน</th></tr>
<tr><td>1. การปฏิบัติหน้าที่</td><td>88.10</td></tr><tr><td>2. การใช้งบประมาณ</td><td>91.20</td></tr><tr><td>3. การใช้อำนาจ</td><td>79.45</td></tr></table>`)
    expect(sections.measures.map((r) => r.text)).not.toContainEqual(expect.stringContaining('การปฏิบัติหน้าที่'))
    expect(extractSummary(sections.summary, catalogue).indicators.map((i) => [i.number, value(i.score)])).toEqual([[1, 88.1], [2, 91.2], [3, 79.45]])
  })
})

describe('measures tables with headers in two rows', () => {
  const measures = (html: string) => extractMeasures(sectionsOf(html).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)
  const row = '<tr><td>i7 ผู้บังคับบัญชาในหน่วยงานของท่านมีการสั่งให้เจ้าหน้าที่ทำธุระส่วนตัวของผู้บังคับบัญชา มากน้อยเพียงใด</td><td>82.21</td><td>1. โครงการอบรมเสริมสร้างคุณธรรม</td><td>1 ต.ค. 2568</td><td>31 มี.ค. 2569</td><td>กองคลัง</td></tr>'

  it('an upper row over the columns, and a period as start and end dates under a group cell', () => {
    const [m] = measures(`**ตัวชี้วัดที่ ๓ การใช้อำนาจ**
<table><tr><th rowspan="2">ประเด็นที่ต้องพัฒนา</th><th rowspan="2">คะแนน</th><th colspan="4">การดำเนินการ</th></tr>
<tr><th>มาตรการ/แนวทางการพัฒนา</th><th>วันที่เริ่มต้น</th><th>วันที่สิ้นสุด</th><th>ผู้รับผิดชอบ</th></tr>
${row}</table>`)
    expect(value(m?.printedIndicator)).toBe(3)
    expect(value(m?.itemScore)).toBe(82.21)
    expect([m?.period?.from, m?.period?.to]).toEqual(['2025-10-01', '2026-03-31'])
    expect(m?.responsible.map((r) => r.value)).toEqual(['กองคลัง'])
  })

  it('a lower row of start and end dates under the period cell', () => {
    const [m] = measures(`<table><tr><th rowspan="2">ตัวชี้วัดที่ ๓</th><th rowspan="2">คะแนน</th><th rowspan="2">มาตรการ/แนวทางการพัฒนา</th><th colspan="2">ระยะเวลาดำเนินการ</th><th rowspan="2">ผู้รับผิดชอบ</th></tr>
<tr><th>วันที่เริ่มต้น</th><th>วันที่สิ้นสุด</th></tr>
${row}</table>`)
    expect(value(m?.printedIndicator)).toBe(3)
    expect([m?.period?.from, m?.period?.to]).toEqual(['2025-10-01', '2026-03-31'])
    expect(m?.responsible.map((r) => r.value)).toEqual(['กองคลัง'])
  })
})

describe('a measures header glossed in English, with a ลำดับ column before the indicator', () => {
  it('takes the indicator from the item column\'s header and the numbers 2.1 as the rows\' order, not scores', () => {
    const { measures } = extractMeasures(sectionsOf(`<table><tr><th>ลำดับ (No.)</th><th>ตัวชี้วัดที่ ๒</th><th>คะแนน / Score</th><th>มาตรการ Measures</th><th>ระยะเวลา Period</th><th>ผู้รับผิดชอบ Responsible</th></tr>
<tr><td>๒.๑</td><td>i4 หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด</td><td>92.67</td><td>1. อบรม</td><td>ต.ค. 68 - ก.ย. 69</td><td>กองคลัง</td></tr></table>`).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 })
    expect(measures.map((m) => [m.measure.item, value(m.measure.printedIndicator), value(m.measure.itemScore), m.measure.responsible.map((r) => r.value)])).toEqual([['i4', 2, 92.67, ['กองคลัง']]])
  })
})

describe('measures numbered 1.1 / 1.2 under their indicator', () => {
  const measures = (html: string) => extractMeasures(sectionsOf(html).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)
  const data = (first: string) => `${first}<td>84.66</td><td>1. ปิดประกาศ</td><td>ต.ค. 68 - มี.ค. 69</td><td>งานประชาสัมพันธ์</td></tr>`
  const title = 'i3 เจ้าหน้าที่ในหน่วยงานของท่านมีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่'
  it('in the item\'s cell before its code: the code is still the printed code', () => {
    const [m] = measures(`<table><tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr>${data(`<tr><td>๑.๑ ${title}</td>`)}</table>`)
    expect([m?.item, value(m?.printedCode), m?.printedCode?.prov.raw, value(m?.itemScore)]).toEqual(['i3', 'i3', 'i3', 84.66])
  })
  it('in a column under an empty corner cell: the rows\' numbers, neither item nor unit', () => {
    const [m] = measures(`<table><tr><th></th><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr>${data(`<tr><td>1.1</td><td>${title}</td>`)}</table>`)
    expect([m?.item, value(m?.itemScore), m?.responsible.map((r) => r.value)]).toEqual(['i3', 84.66, ['งานประชาสัมพันธ์']])
  })
})

describe('measures written as paragraphs', () => {
  it('reads each part under its label, the item and score wrapped onto the next line, a numbered step that looks like an indicator, and a unit named with a part\'s word', () => {
    const sections = sectionsOf(`### ๖.๑ ตัวชี้วัดที่ ๓ การใช้อำนาจ

**มาตรการที่ ๑ ประเด็นที่ต้องพัฒนา : i9 การบริหารงานบุคคลในหน่วยงานของท่าน มีการให้หรือรับสินบน**

เพื่อแลกกับการบรรจุ แต่งตั้ง โยกย้าย หรือเลื่อนตำแหน่งหรือไม่ (คะแนน ๗๔.๐๘)

มาตรการ/แนวทางการพัฒนา

๑) จัดทำคู่มือการปฏิบัติงาน

ขั้นตอน/วิธีการดำเนินการ

๑) สำรวจความคิดเห็นของผู้รับบริการ

๒) รายงานผลการดำเนินงานต่อผู้บริหาร

ระยะเวลาดำเนินการ : ๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙

ผู้รับผิดชอบ

ผู้อำนวยการกองคลัง

หัวหน้าฝ่ายแผนงานและงบประมาณ

หัวหน้าสำนักปลัดเทศบาล

**มาตรการที่ ๒ ประเด็นที่ต้องพัฒนา : i8 ผู้บังคับบัญชาในหน่วยงานของท่านมีการสั่งให้เจ้าหน้าที่ทำในสิ่งที่เป็นการทุจริตหรือประพฤติมิชอบ มากน้อยเพียงใด (คะแนน ๘๑.๒๑)**

ผู้รับผิดชอบ : กองช่าง`)
    const [first, second] = extractMeasures(sections.measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)
    expect(first?.item).toBe('i9')
    expect(value(first?.itemScore)).toBe(74.08)
    expect(value(first?.printedIndicator)).toBe(3)
    expect(first?.actions.map((a) => a.text)).toEqual(['จัดทำคู่มือการปฏิบัติงาน'])
    expect(first?.steps.map((a) => a.number)).toEqual([1, 2])
    expect([first?.period?.from, first?.period?.to]).toEqual(['2025-10-01', '2026-09-30'])
    expect(first?.responsible.map((r) => r.value)).toEqual(['ผู้อำนวยการกองคลัง', 'หัวหน้าฝ่ายแผนงานและงบประมาณ', 'หัวหน้าสำนักปลัดเทศบาล'])
    // The heading is not repeated for the next measure of the same indicator.
    expect(second?.item).toBe('i8')
    expect(value(second?.printedIndicator)).toBe(3)
    expect(second?.responsible.map((r) => r.value)).toEqual(['กองช่าง'])
  })
})

describe('measures written as prose, one paragraph each', () => {
  it('reads the item, score and parts of each paragraph under its indicator\'s heading, and nothing after it into the last', () => {
    const sections = sectionsOf(`## การนำผลการประเมินไปสู่การพัฒนา

### ตัวชี้วัดที่ 3 การใช้อำนาจ

ข้อ i9 การบริหารงานบุคคลในหน่วยงานของท่าน มีการให้หรือรับสินบน เพื่อแลกกับการบรรจุ แต่งตั้ง โยกย้าย หรือเลื่อนตำแหน่งหรือไม่ ได้รับคะแนน 74.08 คะแนน จากการวิเคราะห์พบว่า บุคลากรไม่ทราบหลักเกณฑ์ จึงได้กำหนดมาตรการ 1) ประกาศหลักเกณฑ์การย้าย 2) เปิดช่องทางร้องเรียน ขั้นตอนการดำเนินการ 1) ยกร่างประกาศ 2) เสนอผู้บริหาร 3) เผยแพร่ ผู้รับผิดชอบ ฝ่ายบุคคล และฝ่ายนิติการ ระยะเวลา 1 พฤศจิกายน 2568 - 31 มีนาคม 2569

ข้อ i8 ผู้บังคับบัญชาในหน่วยงานของท่านมีการสั่งให้เจ้าหน้าที่ทำในสิ่งที่เป็นการทุจริตหรือประพฤติมิชอบ มากน้อยเพียงใด ได้รับคะแนน 81.21 คะแนน จึงได้กำหนดมาตรการ 1) อบรมผู้บังคับบัญชา ผู้รับผิดชอบ ฝ่ายบุคคล ระยะเวลา ม.ค. - มี.ค. 2569

ทั้งนี้ หน่วยงานจะรายงานผลต่อผู้บริหารภายในเดือนกันยายน 2569`)
    const measures = extractMeasures(sections.measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)
    expect(measures.map((m) => [m.item, value(m.itemScore), value(m.printedIndicator), m.actions.map((a) => a.number), m.steps.map((s) => s.number), m.responsible.map((r) => r.value)])).toEqual([
      ['i9', 74.08, 3, [1, 2], [1, 2, 3], ['ฝ่ายบุคคล', 'ฝ่ายนิติการ']],
      ['i8', 81.21, 3, [1], [], ['ฝ่ายบุคคล']],
    ])
    expect(value(measures[0]!.analysis)).toBe('บุคลากรไม่ทราบหลักเกณฑ์')
    expect([measures[0]!.period?.from, measures[0]!.period?.to]).toEqual(['2025-11-01', '2026-03-31'])
    expect([measures[1]!.period?.from, measures[1]!.period?.to]).toEqual(['2026-01-01', '2026-03-31'])
  })
})

describe('measures written as paragraphs whose lines ran together', () => {
  it('reads a label run into its first entry, entries run into the parts after them, a label ending a line', () => {
    const sections = sectionsOf(`### ๖.๑ ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน

**มาตรการที่ ๓ ประเด็นที่ต้องพัฒนา : e1 เจ้าหน้าที่ปฏิบัติงานหรือให้บริการแก่ท่าน เป็นไปตามขั้นตอนและระยะเวลา (คะแนน ๘๓.๗๗)**

มาตรการ/แนวทางการพัฒนา ๑) พัฒนาช่องทางการให้บริการออนไลน์ ผลการวิเคราะห์ : ข้อมูลที่เผยแพร่ยังไม่ครบถ้วน

ขั้นตอน/วิธีการดำเนินการ ๑) สรุปปัญหาอุปสรรค ๒) จัดทำคำสั่งแต่งตั้งผู้รับผิดชอบ

๓) ประชาสัมพันธ์มาตรการ ระยะเวลาดำเนินการ : ๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙ ผู้รับผิดชอบ

ผู้อำนวยการกองสวัสดิการสังคม ผู้อำนวยการกองช่าง ผู้อำนวยการกองการศึกษา`)
    const [m] = extractMeasures(sections.measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((x) => x.measure)
    expect(m?.actions.map((a) => [a.number, a.text])).toEqual([[1, 'พัฒนาช่องทางการให้บริการออนไลน์']])
    expect(value(m?.analysis)).toBe('ข้อมูลที่เผยแพร่ยังไม่ครบถ้วน')
    expect(m?.steps.map((a) => [a.number, a.text])).toEqual([[1, 'สรุปปัญหาอุปสรรค'], [2, 'จัดทำคำสั่งแต่งตั้งผู้รับผิดชอบ'], [3, 'ประชาสัมพันธ์มาตรการ']])
    expect([m?.period?.from, m?.period?.to]).toEqual(['2025-10-01', '2026-09-30'])
    expect(m?.responsible.map((r) => r.value)).toEqual(['ผู้อำนวยการกองสวัสดิการสังคม', 'ผู้อำนวยการกองช่าง', 'ผู้อำนวยการกองการศึกษา'])
  })
})

describe('a memo\'s measure whose lines ran together', () => {
  it('reads a label before a list\'s first entry inside a line, and the entries after it as that part\'s', () => {
    const sections = sectionsOf(`**มาตรการที่ 5 ประเด็นที่ต้องพัฒนา : o24 รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปี พ.ศ. 2567 (คะแนน 0.00)**

ผลการวิเคราะห์ : ยังไม่มีการกำกับติดตามผล มาตรการ/แนวทางการพัฒนา 1. ปรับปรุงหน้าเว็บไซต์

2. ตรวจสอบความครบถ้วนของข้อมูล ขั้นตอน/วิธีการดำเนินการ

1. รวบรวมข้อมูล 2. ติดตามและประเมินผล

3. เสนอผู้บริหาร ระยะเวลาดำเนินการ : มกราคม 2569 – กรกฎาคม 2569 ผู้รับผิดชอบ 1. กลุ่มงานประกันสุขภาพ

2. กลุ่มงานบริหารทั่วไป`)
    const [m] = extractMeasures(sections.measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((x) => x.measure)
    expect(m?.actions.map((a) => a.number)).toEqual([1, 2])
    expect(m?.steps.map((a) => [a.number, a.text])).toEqual([[1, 'รวบรวมข้อมูล'], [2, 'ติดตามและประเมินผล'], [3, 'เสนอผู้บริหาร']])
    expect([m?.period?.from, m?.period?.to]).toEqual(['2026-01-01', '2026-07-31'])
    expect(m?.responsible.map((r) => r.value)).toEqual(['กลุ่มงานประกันสุขภาพ', 'กลุ่มงานบริหารทั่วไป'])
  })
})

describe('a table of contents', () => {
  it('is no section header: the title block after it stays the title', () => {
    const sections = sectionsOf(`# สารบัญ
<table><tr><th>เรื่อง</th><th>หน้า</th></tr><tr><td>สรุปผลการประเมินรายตัวชี้วัด</td><td>๑</td></tr><tr><td>ผลคะแนนรายประเด็นการประเมิน</td><td>๒</td></tr></table>

# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร
# อำเภอบางบัวทอง จังหวัดนนทบุรี`)
    expect(sections.title.map((r) => r.text)).toContainEqual(expect.stringContaining('อำเภอบางบัวทอง จังหวัดนนทบุรี'))
    expect(sections.summary).toEqual([])
    expect(sections.detail).toEqual([])
  })
})

describe('a measures table continued on the next page under its title and header repeated', () => {
  const title = '<tr><th colspan="5">ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล</th></tr>'
  const header = '<tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ/แนวทางการพัฒนา</th><th>ขั้นตอน/วิธีการดำเนินการ</th><th>ผู้รับผิดชอบ</th></tr>'
  const text = `<table>${title}
${header}
<tr><td>o3 ข้อมูลการติดต่อ</td><td>100.00</td><td>1. แต่งตั้งผู้รับผิดชอบการเผยแพร่ข้อมูล</td><td>1. ดำเนินการตามมาตรการ</td><td>สำนักปลัด</td></tr></table>

<!-- page 2 -->

<table>${title}
${header}
<tr><td></td><td></td><td></td><td>2. ติดตามผลทุกไตรมาส</td><td></td></tr>
<tr><td>o6 แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี</td><td>100.00</td><td>1. จัดทำรายงานผลการดำเนินงาน</td><td>1. รวบรวมข้อมูล</td><td>กองคลัง</td></tr></table>`

  it('keeps the cut measure going: its last step is on the next page', () => {
    const { measures, unread } = extractMeasures(sectionsOf(text).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 })
    expect(measures.map((m) => [m.measure.item, m.measure.steps.map((s) => s.text)])).toEqual([
      ['o3', ['ดำเนินการตามมาตรการ', 'ติดตามผลทุกไตรมาส']],
      ['o6', ['รวบรวมข้อมูล']],
    ])
    expect(unread).toEqual([])
  })

  it('says which table rows went into no measure', () => {
    // Under another indicator's title the row can continue nothing: it is reported, not dropped.
    const other = text.replace(/(<!-- page 2 -->\s*<table><tr><th colspan="5">)ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล/, '$1ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต')
    const { unread } = extractMeasures(sectionsOf(other).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 })
    expect(unread.map((r) => r.text)).toEqual(['2. ติดตามผลทุกไตรมาส'])
  })
})

describe('measures tables of other agencies', () => {
  const measures = (html: string) => extractMeasures(sectionsOf(html).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)

  it('a table with no score column: the score in brackets at the end of the item, each coded item a new measure', () => {
    const found = measures(`**ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่**

<table>
<tr><th>ประเด็นที่ต้องพัฒนา</th><th>1) มาตรการ/แนวทางการพัฒนา</th><th>3) ขั้นตอน/วิธีการดำเนินการ</th><th>4) ระยะเวลาดำเนินการ</th><th>5) ผู้รับผิดชอบ</th></tr>
<tr><td>I-3 เจ้าหน้าที่ในหน่วยงานของท่านมีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่ (คะแนน 96.51)</td><td>- จัดทำคู่มือการปฏิบัติงาน</td><td>- ประชุมชี้แจง</td><td>1 ต.ค. 2568 - 30 ก.ย. 2569</td><td>สำนักปลัด</td></tr>
<tr><td>I-2 ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการ อย่างเท่าเทียมกัน มากน้อยเพียงใด (คะแนน 81.00)</td><td>- อบรม</td><td>- ติดตามผล</td><td>1 ต.ค. 2568 - 31 มี.ค. 2569</td><td>กองคลัง</td></tr>
</table>`)
    expect(found.map((m) => [m.item, value(m.itemScore), m.itemTitle?.value.endsWith('หรือไม่') || m.itemTitle?.value.endsWith('เพียงใด')])).toEqual([
      ['i3', 96.51, true],
      ['i2', 81, true],
    ])
  })

  it("a coded item whose score cell prints a mark no score is read from opens its own measure, its score a gap", () => {
    const found = measures(`<table>
<tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr>
<tr><td>o7 รายงานผลการดำเนินงานประจำปี พ.ศ. 2567</td><td>0.00</td><td>1. เผยแพร่รายงาน</td><td>ต.ค. - ธ.ค. 68</td><td>สำนักปลัด</td></tr>
<tr><td>o8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่</td><td>-</td><td>1. จัดทำคู่มือ</td><td>ม.ค. - มี.ค. 69</td><td>กองคลัง<br>กองช่าง</td></tr>
<tr><td></td><td></td><td>2. ติดตามผล</td><td></td><td></td></tr>
</table>`)
    expect(found.map((m) => [m.item, value(m.itemScore), m.actions.length, m.responsible.length])).toEqual([
      ['o7', 0, 1, 1],
      ['o8', null, 2, 2],
    ])
  })

  it('a budget column is the budget, not the responsible unit', () => {
    const [m] = measures(`<table>
<tr><th>ตัวชี้วัดที่ ๙</th><th>คะแนน</th><th>๑) ผลการวิเคราะห์</th><th>๒) มาตรการ/แนวทางการพัฒนา</th><th>๓) ขั้นตอน/วิธีการดำเนินการ</th><th>๔) ตัวชี้วัด/ค่าเป้าหมาย</th><th>๕) งบประมาณ (บาท)</th><th>๖) ระยะเวลาดำเนินการ</th><th>๗) ผู้รับผิดชอบ</th></tr>
<tr><td>o12 รายงานการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ</td><td>๐.๐๐</td><td>ข้อมูลไม่ครบถ้วน</td><td>๑. เผยแพร่รายงาน</td><td>๑. รวบรวมข้อมูล</td><td>ร้อยละ ๑๐๐</td><td>๘,๐๐๐</td><td>ต.ค. ๖๘ - ก.ย. ๖๙</td><td>กองคลัง โทร. ๐ ๔๔๑๑ ๘๕๓๐</td></tr>
</table>`)
    expect([m?.budget?.value, m?.responsible.map((r) => r.value), m?.followUp?.value]).toEqual(['8,000', ['กองคลัง โทร. 0 4411 8530'], 'ร้อยละ 100'])
  })

  it.each([
    ['๕) สถานะการดำเนินการ', 'อยู่ระหว่างดำเนินการ (ร้อยละ ๖๐)', 'อยู่ระหว่างดำเนินการ (ร้อยละ 60)'],
    ['ความก้าวหน้า', 'ดำเนินการแล้ว ร้อยละ ๘๐', 'ดำเนินการแล้ว ร้อยละ 80'],
    ['๕) หมายเหตุ', 'ต่อเนื่องจากปีงบประมาณ พ.ศ. ๒๕๖๘', 'ต่อเนื่องจากปีงบประมาณ พ.ศ. 2568'],
  ])('a column after the responsible one headed %s is what is reported on the measure, not a unit', (head, cell, read) => {
    const [m] = measures(`<table>
<tr><th>ตัวชี้วัดที่ ๖</th><th>ผลการประเมิน (คะแนน)</th><th>๑) มาตรการ/โครงการ/กิจกรรม</th><th>๒) ขั้นตอน/วิธีการ</th><th>๓) ระยะเวลา</th><th>๔) ผู้รับผิดชอบ/หน่วยงาน</th><th>${head}</th></tr>
<tr><td>e3 ท่านเคยถูกเจ้าหน้าที่เรียกรับสินบน เพื่อแลกกับการปฏิบัติงานหรือให้บริการแก่ท่าน หรือไม่</td><td>๙๕.๙๓</td><td>• จัดทำแบบประเมินความพึงพอใจออนไลน์</td><td>• เสนอผู้บังคับบัญชาพิจารณาอนุมัติ</td><td>๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙</td><td>คณะทำงานบริหารความเสี่ยงการทุจริต<br>งานประชาสัมพันธ์และรับเรื่องราวร้องทุกข์</td><td>${cell}</td></tr>
</table>`)
    expect([m?.responsible.map((r) => r.value), m?.followUp?.value]).toEqual([['คณะทำงานบริหารความเสี่ยงการทุจริต', 'งานประชาสัมพันธ์และรับเรื่องราวร้องทุกข์'], read])
  })
})

describe('measures tables with a ลำดับ column, captions, notes and indicators named alone', () => {
  const measures = (html: string) => extractMeasures(sectionsOf(html).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)
  const header = '<tr><th>ลำดับ</th><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>๑) มาตรการ/แนวทางการพัฒนา</th><th>๒) ระยะเวลาดำเนินการ</th><th>๓) ผู้รับผิดชอบ</th></tr>'

  it('the ลำดับ column is no item; a score cell with an as-of note is the score; a heading above the caption names the indicator', () => {
    const [m] = measures(`เทศบาลได้นำผลการประเมินมาจัดทำมาตรการเพื่อพัฒนาประเด็นที่ได้คะแนนน้อย ดังนี้

**การใช้อำนาจ**

**ตารางที่ ๔ มาตรการและแนวทางการพัฒนาตามผลการประเมิน**

<table>
${header}
<tr><td>๒</td><td>i9 การบริหารงานบุคคลในหน่วยงานของท่าน มีการให้หรือรับสินบน เพื่อแลกกับการบรรจุ แต่งตั้ง โยกย้าย หรือเลื่อนตำแหน่งหรือไม่</td><td>96.09<br>(ข้อมูล ณ วันที่ ๓๐ ก.ย. ๖๘)</td><td>๑. กิจกรรมประชุมชี้แจง</td><td>๑ ต.ค. ๖๘ - ๓๐ ก.ย. ๖๙</td><td>กองการศึกษา</td></tr>
</table>`)
    expect([m?.item, value(m?.itemScore), value(m?.printedIndicator)]).toEqual(['i9', 96.09, 3])
  })

  it("an item's code in the ลำดับ column leads its title; a row spanning the table names the indicator by name", () => {
    const found = measures(`<table>
<tr><th>ข้อ</th><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>๑) มาตรการ/แนวทางการพัฒนา</th><th>๒) ระยะเวลาดำเนินการ</th><th>๓) ผู้รับผิดชอบ</th></tr>
<tr><th colspan="6">การใช้ทรัพย์สินของราชการ</th></tr>
<tr><td>i10</td><td>ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ขอยืมทรัพย์สินของราชการไปใช้อย่างถูกต้อง มากน้อยเพียงใด</td><td>79.20</td><td>๑. จัดทำทะเบียนการยืมคืน</td><td>ต.ค. ๖๘ - ก.ย. ๖๙</td><td>กองคลัง</td></tr>
</table>`)
    expect(found.map((m) => [m.item, m.printedCode?.value, value(m.itemScore), value(m.printedIndicator)])).toEqual([['i10', 'i10', 79.2, 4]])
  })

  it('two numbering columns (through the table, within the indicator) are both no part of the measure', () => {
    const [m] = measures(`<table>
<tr><th>ลำดับ</th><th>ลำดับ</th><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>1) มาตรการ/แนวทางการพัฒนา</th><th>2) ระยะเวลาดำเนินการ</th><th>3) ผู้รับผิดชอบ</th></tr>
<tr><td>2</td><td>4.1</td><td>i12 หน่วยงานของท่านมีการตรวจสอบเพื่อป้องกันการนำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตัวเป็นประจำ มากน้อยเพียงใด</td><td>88.09</td><td>1. แต่งตั้งคณะกรรมการตรวจสอบ</td><td>1 ตุลาคม 2568 - 31 มีนาคม 2569</td><td>กลุ่มบริหารทั่วไป<br>งานพัสดุโรงเรียน</td></tr>
</table>`)
    expect([m?.item, value(m?.itemScore), m?.responsible.map((r) => r.value)]).toEqual(['i12', 88.09, ['กลุ่มบริหารทั่วไป', 'งานพัสดุโรงเรียน']])
  })
})

describe('an indicator cell spanning rows, cut by a page break', () => {
  it('names the indicator of the rows under the repeated header whose indicator cell is empty', () => {
    const header = '<tr><th>ลำดับ</th><th>ตัวชี้วัด</th><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ/แนวทางการพัฒนา</th><th>ระยะเวลาดำเนินการ</th><th>ผู้รับผิดชอบ</th></tr>'
    const text = `<table>
${header}
<tr><td>1</td><td rowspan="2">ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล</td><td>รายงานผลการดำเนินงาน ประจำปี พ.ศ. 2567 (o7)</td><td>100.00</td><td>1. ปรับปรุงหน้าเว็บไซต์</td><td>ต.ค. 68 - ก.ย. 69</td><td>กองคลัง</td></tr>
<tr><td>2</td><td>รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี พ.ศ. 2567 (o13)</td><td>0.00</td><td>1. เผยแพร่รายงาน</td><td>ต.ค. 68 - ก.ย. 69</td><td>กองคลัง</td></tr>
</table>

<!-- page 2 -->

<table>
${header}
<tr><td>3</td><td></td><td>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (o18)</td><td>100.00</td><td>1. จัดทำช่องทาง</td><td>ต.ค. 68 - ก.ย. 69</td><td>สำนักปลัด</td></tr>
</table>`
    const found = extractMeasures(sectionsOf(text).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => [m.measure.item, value(m.measure.printedIndicator)])
    expect(found).toEqual([['o7', 9], ['o13', 9], ['o18', 9]])
  })
})

describe('a measures table under a title line that prints the indicator score', () => {
  it('takes the indicator from the title line right above its header', () => {
    const text = `ตัวชี้วัดที่ ๓ การใช้อำนาจ (คะแนน ๗๑.๓๐)

<table>
<tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ/แนวทางการพัฒนา</th><th>ขั้นตอน/วิธีการดำเนินการ</th><th>ผู้รับผิดชอบ</th></tr>
<tr><td>i7 ผู้บังคับบัญชาในหน่วยงานของท่านมีการสั่งให้เจ้าหน้าที่ทำธุระส่วนตัวของผู้บังคับบัญชา มากน้อยเพียงใด</td><td>71.30</td><td>1. อบรม</td><td>1. ประชุม</td><td>กองคลัง</td></tr>
</table>`
    const [m] = extractMeasures(sectionsOf(text).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((x) => x.measure)
    expect([m?.item, value(m?.printedIndicator)]).toEqual(['i7', 3])
  })
})

describe('periods as a Gantt chart of months, and a weighted tool table', () => {
  const months = ['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.']
  const ticks = (from: number, to: number) => months.map((_, i) => `<td>${i >= from && i <= to ? '✓' : ''}</td>`).join('')
  const chart = (years: boolean) => `<table>
<tr><th rowspan="${years ? 3 : 2}">ประเด็นที่ต้องพัฒนา</th><th rowspan="${years ? 3 : 2}">คะแนน</th><th rowspan="${years ? 3 : 2}">มาตรการ</th><th colspan="6">ระยะเวลาดำเนินการ</th><th rowspan="${years ? 3 : 2}">ผู้รับผิดชอบ</th></tr>
${years ? '<tr><th colspan="3">พ.ศ. 2568</th><th colspan="3">พ.ศ. 2569</th></tr>' : ''}
<tr>${months.map((m) => `<th>${m}</th>`).join('')}</tr>
<tr><td>e1 เจ้าหน้าที่ปฏิบัติงานหรือให้บริการแก่ท่าน เป็นไปตามขั้นตอนและระยะเวลา</td><td>76.06</td><td>1. จัดอบรม</td>${ticks(1, 4)}<td>กองคลัง</td></tr>
<tr><td>e9 หน่วยงานมีการพัฒนาการให้บริการผ่านช่องทางออนไลน์ให้สะดวก รวดเร็ว และมีประสิทธิภาพ</td><td>89.38</td><td>1. จัดระบบ</td><td colspan="6">ตลอดปีงบประมาณ พ.ศ. 2569</td><td>กองช่าง</td></tr>
</table>`
  const read = (years: boolean) => extractMeasures(sectionsOf(chart(years)).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)

  it('reads the first ticked month to the last, with the years printed over them; words across the months are read as words', () => {
    const [ticked, worded] = read(true)
    expect([ticked!.period?.from, ticked!.period?.to, ticked!.period?.inferred]).toEqual(['2025-11-01', '2026-02-28', []])
    expect(ticked!.period?.prov.repairs?.map((r) => r.kind)).toEqual(['period-from-chart'])
    expect(ticked!.responsible.map((u) => u.value)).toEqual(['กองคลัง'])
    expect(worded!.period?.text).toBe('ตลอดปีงบประมาณ พ.ศ. 2569')
  })

  it('takes the plan year for months without years over them, and says so', () => {
    const [ticked] = read(false)
    expect([ticked!.period?.from, ticked!.period?.to, ticked!.period?.inferred]).toEqual(['2025-11-01', '2026-02-28', ['from.year', 'to.year']])
  })

  it("reads a chart whose header rows were joined into one, each month's headings in its cell", () => {
    const years = ['2568', '2568', '2568', '2569', '2569', '2569']
    const joined = chart(true)
      .replace(/<tr><th rowspan="3">.*?<\/tr>\n<tr>.*?<\/tr>\n<tr>.*?<\/tr>/s, `<tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ</th>${months.map((m, i) => `<th>ระยะเวลาดำเนินการ พ.ศ. ${years[i]} ${m}</th>`).join('')}<th>ผู้รับผิดชอบ</th></tr>`)
    const [ticked] = extractMeasures(sectionsOf(joined).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)
    expect([ticked!.period?.from, ticked!.period?.to, ticked!.period?.inferred]).toEqual(['2025-11-01', '2026-02-28', []])
  })

  it('sets the weights and weighted scores aside: a tool\'s score is its own', () => {
    const html = `<table>
<tr><th>เครื่องมือการประเมิน</th><th>คะแนนที่ได้</th><th>น้ำหนัก (ร้อยละ)</th><th>คะแนนถ่วงน้ำหนัก</th></tr>
<tr><td>แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)</td><td>85.50</td><td>30</td><td>25.65</td></tr>
<tr><td>แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)</td><td>80.21</td><td>30</td><td>24.06</td></tr>
</table>`
    const rows = markSetAsideColumns(docRows(normaliseDoc(readTranscript(new TextEncoder().encode(html), { file: 'x.md' }))))
    const summary = extractSummary(segmentRows(rows, catalogue.indicators).summary, catalogue)
    expect(summary.tools.map((t) => [t.tool, value(t.score)])).toEqual([['IIT', 85.5], ['EIT', 80.21]])
  })
})

describe('a summary as a list of sentences', () => {
  const lines = ['การปฏิบัติหน้าที่', 'การใช้งบประมาณ', 'การใช้อำนาจ'].map((n, i) => `${i + 1}. ตัวชี้วัดที่ ${i + 1} ${n} ได้คะแนน 8${i}.50 คะแนน`)
  it('reads one line per indicator, ending at its score, as the summary, not as analysis headings', () => {
    const sections = sectionsOf(lines.join('\n\n'))
    expect(sections.analysis).toEqual([])
    expect(extractSummary(sections.summary, catalogue).indicators.map((i) => [i.number, value(i.score)])).toEqual([[1, 80.5], [2, 81.5], [3, 82.5]])
  })
  it('keeps headings with their prose on the same line as analysis headings', () => {
    const sections = sectionsOf(lines.map((l) => `${l} ในภาพรวมผู้มีส่วนได้ส่วนเสียเห็นว่าควรพัฒนา`).join('\n\n'))
    expect(sections.analysis).toHaveLength(3)
  })
})

describe('a measures table read without its rulings', () => {
  const measures = (html: string) => extractMeasures(sectionsOf(html).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)
  const header = '<tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ/แนวทางการพัฒนา</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr>'
  const row = (item: string) => `<tr><td>${item}</td><td>100.00</td><td>1. ปรับปรุงเว็บไซต์</td><td>1 ต.ค. 2568 – 31 มี.ค. 2569</td><td>งานแผน</td></tr>`

  it('a title row run into the first item\'s cell under it: the title heads the rows after it, the item is read', () => {
    const read = measures(`<table>${header}<tr><td colspan="5">ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน</td></tr>${row('e7 หน่วยงานมีการเปิดโอกาสให้บุคคลภายนอกได้เข้าไปมีส่วนร่วม')}${row('ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล o3 ข้อมูลการติดต่อ')}${row('o6 แผนและความก้าวหน้าในการดำเนินงาน')}</table>`)
    expect(read.map((m) => [m.item, value(m.printedIndicator)])).toEqual([['e7', 8], ['o3', 9], ['o6', 9]])
  })

  it('a title line between its rows heads the rows after it; a wrapped item\'s line naming an indicator does not', () => {
    const read = measures(`<table>${header}${row('e3 ท่านเคยถูกเจ้าหน้าที่เรียกรับสินบน')}</table>\n\nกับการแก้ไขปัญหาการทุจริต\n\n<table>${row('e4 หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสาร')}</table>\n\nตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร\n\n<table>${row('e5 หน่วยงานมีการประชาสัมพันธ์ข้อมูลข่าวสาร')}</table>`)
    expect(read.map((m) => [m.item, value(m.printedIndicator)])).toEqual([['e3', null], ['e4', null], ['e5', 7]])
  })
})

describe('measures printed as a numbered outline under each indicator\'s heading', () => {
  const measures = (text: string) => extractMeasures(sectionsOf(text).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 }).measures.map((m) => m.measure)
  const read = (text: string) =>
    measures(text).map((m) => ({
      item: m.item,
      indicator: value(m.printedIndicator),
      score: value(m.itemScore),
      actions: m.actions.map((a) => a.number),
      steps: m.steps.map((s) => [s.number, s.text]),
      period: [m.period?.from, m.period?.to],
      responsible: m.responsible.length,
      analysis: value(m.analysis),
    }))
  const expected = [
    { item: 'e4', indicator: 7, score: 75.51, actions: [1], steps: [[1, 'ติดตามและประเมินผลการดำเนินงาน'], [2, 'แจ้งเวียนแนวปฏิบัติให้เจ้าหน้าที่ทุกคนทราบ']], period: ['2025-10-01', '2026-09-30'], responsible: 1, analysis: 'ข้อมูลบนเว็บไซต์ยังไม่เป็นปัจจุบัน' },
    { item: 'o25', indicator: 10, score: 0, actions: [1, 2], steps: [[1, 'รวบรวมข้อมูลและจัดทำร่างเอกสาร']], period: ['2026-01-01', '2026-06-30'], responsible: 3, analysis: 'ยังไม่มีการติดตามผล' },
  ]

  it('reads each clause naming an item as a measure, its sub-clauses as its parts and their entries', () => {
    expect(read(`## การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร

### ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร

**๑. ประเด็นที่ต้องพัฒนา e4 หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย (คะแนน ๗๕.๕๑)**

๑.๑ มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : สำนักการศึกษา ระยะเวลา : ๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙)

๑.๑.๑ ประชาสัมพันธ์ช่องทางการแจ้งเบาะแสการทุจริต

๑.๒ ขั้นตอนการดำเนินงาน

๑.๒.๑ ติดตามและประเมินผลการดำเนินงาน

๑.๒.๒ แจ้งเวียนแนวปฏิบัติให้เจ้าหน้าที่ทุกคนทราบ

๑.๓ ผลการวิเคราะห์ : ข้อมูลบนเว็บไซต์ยังไม่เป็นปัจจุบัน

### ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต

**๒. ประเด็นที่ต้องพัฒนา o25 แผนปฏิบัติการป้องกันการทุจริต (คะแนน ๐.๐๐)**

๒.๑ มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : หน.สำนักปลัดเทศบาล, หน.หน่วยตรวจสอบภายใน, ผอ.กองช่าง ระยะเวลา : ไตรมาส ๒-๓ ปีงบประมาณ พ.ศ. ๒๕๖๙)

๒.๑.๑ เผยแพร่รายงานการจัดซื้อจัดจ้าง

๒.๑.๒ จัดทำแผนปฏิบัติการป้องกันการทุจริต

๒.๒ ขั้นตอนการดำเนินงาน

๒.๒.๑ รวบรวมข้อมูลและจัดทำร่างเอกสาร

๒.๓ ผลการวิเคราะห์ : ยังไม่มีการติดตามผล
`)).toEqual(expected)
  })

  it('reads the same outline with its clauses run together on a line, each clause its own', () => {
    expect(read(`## การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร

### ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร

**๑. ประเด็นที่ต้องพัฒนา e4 หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย (คะแนน ๗๕.๕๑)**

๑.๑ มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : สำนักการศึกษา ระยะเวลา : ๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙)

๑.๑.๑ ประชาสัมพันธ์ช่องทางการแจ้งเบาะแสการทุจริต ๑.๒ ขั้นตอนการดำเนินงาน ๑.๒.๑ ติดตามและประเมินผลการดำเนินงาน

๑.๒.๒ แจ้งเวียนแนวปฏิบัติให้เจ้าหน้าที่ทุกคนทราบ ๑.๓ ผลการวิเคราะห์ : ข้อมูลบนเว็บไซต์ยังไม่เป็นปัจจุบัน

### ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต

**๒. ประเด็นที่ต้องพัฒนา o25 แผนปฏิบัติการป้องกันการทุจริต (คะแนน ๐.๐๐)**

๒.๑ มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : หน.สำนักปลัดเทศบาล, หน.หน่วยตรวจสอบภายใน, ผอ.กองช่าง ระยะเวลา : ไตรมาส ๒-๓ ปีงบประมาณ พ.ศ. ๒๕๖๙)

๒.๑.๑ เผยแพร่รายงานการจัดซื้อจัดจ้าง ๒.๑.๒ จัดทำแผนปฏิบัติการป้องกันการทุจริต ๒.๒ ขั้นตอนการดำเนินงาน

๒.๒.๑ รวบรวมข้อมูลและจัดทำร่างเอกสาร ๒.๓ ผลการวิเคราะห์ : ยังไม่มีการติดตามผล
`)).toEqual(expected)
  })

  it('reads the same outline with its lines wrapped (a PDF\'s text layer), a page number between a heading and its measure', () => {
    expect(read(`การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร
ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร
1. ประเด็นที่ต้องพัฒนา e4 หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย (คะแนน
75.51)
1.1 มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : สำนักการศึกษา ระยะเวลา : 1 ตุลาคม 2568 - 30 กันยายน
2569)
1.1.1 ประชาสัมพันธ์ช่องทางการแจ้งเบาะแสการทุจริต
1.2 ขั้นตอนการดำเนินงาน
1.2.1 ติดตามและประเมินผลการดำเนินงาน
1.2.2 แจ้งเวียนแนวปฏิบัติให้เจ้าหน้าที่ทุกคนทราบ
1.3 ผลการวิเคราะห์ : ข้อมูลบนเว็บไซต์ยังไม่เป็นปัจจุบัน
ตัวชี้วัดที่ 10 การป้องกันการทุจริต
หน้า 9 จาก 10
2. ประเด็นที่ต้องพัฒนา o25 แผนปฏิบัติการป้องกันการทุจริต (คะแนน 0.00)
2.1 มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : หน.สำนักปลัดเทศบาล, หน.หน่วยตรวจสอบภายใน, ผอ.กองช่าง
ระยะเวลา : ไตรมาส 2-3 ปีงบประมาณ พ.ศ. 2569)
2.1.1 เผยแพร่รายงานการจัดซื้อจัดจ้าง
2.1.2 จัดทำแผนปฏิบัติการป้องกันการทุจริต
2.2 ขั้นตอนการดำเนินงาน
2.2.1 รวบรวมข้อมูลและจัดทำร่างเอกสาร
2.3 ผลการวิเคราะห์ : ยังไม่มีการติดตามผล
`)).toEqual(expected)
  })

  it('takes a sentence on the item to develop for no measure', () => {
    expect(measures('## การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n\nประเด็นที่ต้องพัฒนา คือ การเปิดเผยข้อมูล ซึ่งได้คะแนนต่ำ\n')).toEqual([])
  })
})

describe('a detail list with a ลำดับ column before the indicator cell spanning its items', () => {
  const rows = (n: number, name: string, score: string, items: [string, string, string][]) =>
    items.map(([code, title, s], k) => `<tr><td>${n * 3 + k - 2}</td>${k === 0 ? `<td rowspan="${items.length}">ตัวชี้วัดที่ ${n} ${name}<br>(${score} คะแนน)</td>` : ''}<td>${code}</td><td>${title}</td><td>${s}</td></tr>`).join('\n')
  const html = `## ผลคะแนนรายประเด็นการประเมิน

<table>
<tr><th>ลำดับ</th><th>ตัวชี้วัด</th><th>ข้อ</th><th>ประเด็นการประเมิน</th><th>คะแนนที่ได้</th></tr>
${rows(1, 'การปฏิบัติหน้าที่', '74.01', [
  ['i1', 'การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด', '73.61'],
  ['i2', 'ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการ อย่างเท่าเทียมกัน มากน้อยเพียงใด', '78.86'],
])}
</table>`
  it('gives the indicator the score in its own cell, never its first item\'s, and the item its own', () => {
    // The segmenter sets the ลำดับ column aside (segment/score-columns.ts), as the pipeline reads it.
    const rows = markSetAsideColumns(docRows(normaliseDoc(readTranscript(new TextEncoder().encode(html), { file: 'x.md' }))))
    const detail = extractDetail(segmentRows(rows, catalogue.indicators).detail, catalogue)
    expect(detail.indicators.map((i) => [i.number, value(i.score)])).toEqual([[1, 74.01]])
    expect((detail.items.get(1) ?? []).map((i) => [i.code, value(i.score)])).toEqual([['i1', 73.61], ['i2', 78.86]])
  })
})

describe('a detail list printed as sentences, not a table', () => {
  const text = [
    '## ผลคะแนนรายประเด็นการประเมิน',
    '**ตช. ๙ การเปิดเผยข้อมูล ได้คะแนน ๙๔.๗๔ คะแนน**',
    'ข้อ o6 แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี พ.ศ. ๒๕๖๘ ได้คะแนน ๑๐๐.๐๐ คะแนน',
    'ข้อ o7 รายงานผลการดำเนินงานประจำปี พ.ศ. ๒๕๖๗ ได้คะแนน ๐.๐๐ คะแนน',
    '**ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้คะแนน 90.32 คะแนน**',
    'ข้อ i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด ได้คะแนน 84.97 คะแนน',
    'ข้อที่ i2 ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการ อย่างเท่าเทียมกัน มากน้อยเพียงใด ได้ 87.30 คะแนน',
    'ข้อ i3 เจ้าหน้าที่ในหน่วยงานของท่านมีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่ (ได้ร้อยละ 98.70)',
  ].join('\n\n')
  it('reads each sentence opening with its code as an item, its score the one the sentence ends on, under the heading naming its indicator', () => {
    const sections = sectionsOf(text)
    expect(sections.overall).toEqual([])
    const detail = extractDetail(sections.detail, catalogue)
    expect(detail.indicators.map((i) => [i.number, value(i.score)])).toEqual([[9, 94.74], [1, 90.32]])
    expect([...detail.items.values()].flat().map((i) => [i.code, value(i.score)])).toEqual([['o6', 100], ['o7', 0], ['i1', 84.97], ['i2', 87.3], ['i3', 98.7]])
    expect(detail.unmatched).toEqual([])
  })
})
