/** Measures printed as forms (label | value rows), read with the measures tables' vocabulary whatever their labels' order and number. */
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../catalogue/catalogue.js'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows } from '../text/rows.js'
import { segmentRows } from '../segment/segment.js'
import { extractMeasures } from './measures.js'

const catalogue = loadCatalogue(2568)
const sectionsOf = (text: string) => segmentRows(docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' }))), catalogue.indicators)
const measuresOf = (text: string) => extractMeasures(sectionsOf(text).measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 })
const value = (v: { value: unknown } | null | undefined) => (v == null ? null : v.value)
const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`

const I9 = 'i9 การบริหารงานบุคคลในหน่วยงานของท่าน มีการให้หรือรับสินบน เพื่อแลกกับการบรรจุ แต่งตั้ง โยกย้าย หรือเลื่อนตำแหน่งหรือไม่'
const I4 = 'i4 หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด'

describe('a measure printed as a form', () => {
  it('reads the parts its labels name, in any order, the score in the item\'s cell, a label naming no part kept out', () => {
    const { measures, unread } = measuresOf(`## มาตรการ

<table>
${row('ผู้รับผิดชอบ', 'กองคลัง<br>สำนักปลัด')}
${row('ประเด็นการประเมิน', `${I9} (คะแนน ๗๔.๐๘)`)}
${row('แนวทางการดำเนินการ', '๑. จัดทำคู่มือ<br>๒. อบรมบุคลากร')}
${row('วัตถุประสงค์', 'เพื่อให้บุคลากรทราบแนวทาง')}
${row('ห้วงเวลา', 'ต.ค. ๖๘ - ก.ย. ๖๙')}
</table>`)
    expect(measures.map(({ measure: m }) => [m.item, value(m.itemScore), m.actions.map((a) => a.number), m.period?.from, m.period?.to, m.responsible.map((r) => r.value)])).toEqual([
      ['i9', 74.08, [1, 2], '2025-10-01', '2026-09-30', ['กองคลัง', 'สำนักปลัด']],
    ])
    expect(unread.map((r) => r.text)).toEqual([expect.stringContaining('วัตถุประสงค์')])
  })

  it('starts the next measure where a part is labelled again: forms one after another in one table, without titles', () => {
    const { measures } = measuresOf(`<table>
${row('ประเด็นที่ต้องพัฒนา', I9)}
${row('คะแนน', '74.08')}
${row('มาตรการ', '1. จัดทำคู่มือ')}
${row('ระยะเวลา', 'ภายในเดือนมีนาคม 2569')}
${row('ผู้รับผิดชอบ', 'กองคลัง')}
${row('ประเด็นที่ต้องพัฒนา', I4)}
${row('คะแนน', '88.20')}
${row('มาตรการ', '1. เผยแพร่แผนการใช้จ่าย')}
${row('ผู้รับผิดชอบ', 'กองช่าง')}
</table>`)
    expect(measures.map(({ indicator, measure: m }) => [indicator, m.item, value(m.itemScore), m.period?.to ?? null, m.responsible.map((r) => r.value)])).toEqual([
      [3, 'i9', 74.08, '2026-03-31', ['กองคลัง']],
      [2, 'i4', 88.2, null, ['กองช่าง']],
    ])
  })

  it('reads other labels: the indicator\'s number, the item as ข้อคำถาม, a date labelled as the end (a deadline)', () => {
    const { measures } = measuresOf(`<table>
${row('ตัวชี้วัดที่', '๓ การใช้อำนาจ')}
${row('ข้อคำถามที่ได้คะแนนต่ำ', I9)}
${row('คะแนนที่ได้', '74.08')}
${row('โครงการ/กิจกรรม', '1. อบรมบุคลากร')}
${row('กำหนดแล้วเสร็จ', '31 มีนาคม 2569')}
${row('หน่วยงานที่รับผิดชอบ', 'กองคลัง')}
</table>`)
    expect(measures.map(({ measure: m }) => [m.item, value(m.printedIndicator), value(m.itemScore), m.period?.from, m.period?.to, m.responsible.map((r) => r.value)])).toEqual([
      ['i9', 3, 74.08, null, '2026-03-31', ['กองคลัง']],
    ])
  })

  it('reads a label cell beside several value lines, and the indicator a title row names', () => {
    const { measures } = measuresOf(`<table>
<tr><th colspan="2">ตัวชี้วัดที่ ๓ การใช้อำนาจ</th></tr>
${row('ประเด็นที่ต้องพัฒนา', I9)}
${row('คะแนน', '74.08')}
<tr><th rowspan="3">ขั้นตอน/วิธีการดำเนินการ</th><td>๑. ประชุมคณะทำงาน</td></tr>
<tr><td>๒. จัดทำแผน</td></tr>
<tr><td>๓. รายงานผล</td></tr>
${row('ระยะเวลาดำเนินการ', '๑ ตุลาคม ๒๕๖๘ - ๓๑ มีนาคม ๒๕๖๙')}
${row('ผู้รับผิดชอบ', 'กลุ่มงานบริหารทรัพยากรบุคคล')}
</table>`)
    expect(measures.map(({ measure: m }) => [m.item, value(m.printedIndicator), m.steps.map((s) => s.number), m.responsible.map((r) => r.value)])).toEqual([
      ['i9', 3, [1, 2, 3], ['กลุ่มงานบริหารทรัพยากรบุคคล']],
    ])
  })

  it('reads a form a page broke in two as one measure, the first form too', () => {
    const sections = sectionsOf(`## การวิเคราะห์

ผลการวิเคราะห์ในภาพรวม

<table>
<tr><th colspan="2">แบบรายงานมาตรการที่ ๑</th></tr>
${row('ตัวชี้วัด', 'ตัวชี้วัดที่ ๓ การใช้อำนาจ')}
</table>

<!-- page 7 -->

<table>
${row('ประเด็นที่ต้องพัฒนา', I9)}
${row('คะแนน', '74.08')}
${row('มาตรการ/แนวทางการพัฒนา', '1. จัดทำคู่มือ')}
${row('ระยะเวลาดำเนินการ', 'ภายในเดือนมิถุนายน 2569')}
${row('ผู้รับผิดชอบ', 'กองคลัง')}
</table>

<table>
<tr><th colspan="2">แบบรายงานมาตรการที่ ๒</th></tr>
${row('ตัวชี้วัด', 'ตัวชี้วัดที่ ๒ การใช้งบประมาณ')}
${row('ประเด็นที่ต้องพัฒนา', I4)}
${row('คะแนน', '88.20')}
${row('มาตรการ/แนวทางการพัฒนา', '1. เผยแพร่แผนการใช้จ่าย')}
${row('ระยะเวลาดำเนินการ', 'ภายในเดือนกันยายน 2569')}
</table>

<!-- page 8 -->

<table>
${row('ผู้รับผิดชอบ', 'กองช่าง')}
</table>`)
    expect(sections.measures[0]?.text).toBe('แบบรายงานมาตรการที่ 1')
    const { measures, unread } = extractMeasures(sections.measures, { catalogue, analysisProse: new Map(), fiscalYear: 2568 })
    expect(measures.map(({ measure: m }) => [m.item, value(m.printedIndicator), m.period?.to, m.responsible.map((r) => r.value)])).toEqual([
      ['i9', 3, '2026-06-30', ['กองคลัง']],
      ['i4', 2, '2026-09-30', ['กองช่าง']],
    ])
    expect(unread).toEqual([])
  })

  it('reads a form whose title is printed again over the part a page break carried over, after a "(ต่อ)" line or none', () => {
    const title = '<tr><th colspan="2">แบบรายงานมาตรการที่ ๑</th></tr>'
    const form = (between: string) => measuresOf(`<table>
${title}
${row('ตัวชี้วัด', 'ตัวชี้วัดที่ ๓ การใช้อำนาจ')}
${row('ประเด็นที่ต้องพัฒนา', I9)}
${row('คะแนน', '74.08')}
</table>

<!-- page 7 -->
${between}
<table>
${title}
${row('มาตรการ/แนวทางการพัฒนา', '1. จัดทำคู่มือ')}
${row('ระยะเวลาดำเนินการ', 'ภายในเดือนมิถุนายน 2569')}
${row('ผู้รับผิดชอบ', 'กองคลัง<br>สำนักปลัด')}
</table>`)
    for (const between of ['', '\n**(ต่อ)**\n']) {
      const { measures, unread } = form(between)
      expect(measures.map(({ measure: m }) => [m.item, value(m.printedIndicator), m.actions.map((a) => a.number), m.period?.to, m.responsible.map((r) => r.value)])).toEqual([
        ['i9', 3, [1], '2026-06-30', ['กองคลัง', 'สำนักปลัด']],
      ])
      expect(unread).toEqual([])
    }
  })

  it('is no table of strengths and points to develop, nor a two-column table of scores', () => {
    const sections = sectionsOf(`<table>
<tr><th>ตัวชี้วัด</th><th>จุดแข็ง</th><th>จุดที่ต้องพัฒนา</th><th>แนวทางการพัฒนา</th></tr>
<tr><td>ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (๘๘.๕๗ คะแนน)</td><td>๑. ผู้บริหารให้ความสำคัญ</td><td>ยังมีข้อคำถามที่ได้คะแนนต่ำ ควรทบทวนกระบวนการทำงานและเปิดโอกาสให้ผู้เกี่ยวข้องมีส่วนร่วมมากขึ้น</td><td>๑. ติดตามผล</td></tr>
</table>

<table>
${row('ระยะเวลาดำเนินการ', 'ต.ค. ๖๘ - ก.ย. ๖๙')}
${row('คะแนน', '88.20')}
</table>`)
    expect(sections.measures).toEqual([])
  })
})
