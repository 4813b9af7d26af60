import { describe, expect, it } from 'vitest'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows } from '../text/rows.js'
import { joinSplitHeaders } from './header-rows.js'

const rowsOf = (text: string) => joinSplitHeaders(docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' }))))

describe('joinSplitHeaders', () => {
  it("joins a measures header whose cells' second lines were read as a row of their own", () => {
    const rows = rowsOf(`<table>
<tr><th>ตัวชี้วัดที่ 4</th><th>ผลการประเมิน</th><th>1) มาตรการ/</th><th>2) ระยะ</th><th>3) ผู้รับผิด</th></tr>
<tr><th></th><th>(คะแนน)</th><th>โครงการ</th><th>เวลา</th><th>ชอบ</th></tr>
<tr><td>i12 หน่วยงานของท่าน</td><td>77.03</td><td>1) จัดทำแนวทาง</td><td>1 ต.ค. 68 - 30 ก.ย. 69</td><td>กองคลัง</td></tr>
</table>`)
    expect(rows.map((r) => r.text)).toEqual(['ตัวชี้วัดที่ 4 ผลการประเมิน (คะแนน) 1) มาตรการ/ โครงการ 2) ระยะ เวลา 3) ผู้รับผิด ชอบ', 'i12 หน่วยงานของท่าน 77.03 1) จัดทำแนวทาง 1 ต.ค. 68 - 30 ก.ย. 69 กองคลัง'])
    expect(rows.map((r) => r.index)).toEqual([0, 1])
  })

  it('leaves a header alone whose next row holds numbers or repeats it', () => {
    const header = '<tr><th>ตัวชี้วัด</th><th>คะแนน</th></tr>'
    const rows = rowsOf(`<table>\n${header}\n${header}\n<tr><td>ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</td><td>88.21</td></tr>\n</table>`)
    expect(rows.length).toBe(3)
  })

  it('opens a group heading over columns into the headings under it, the cells spanning both rows kept', () => {
    const rows = rowsOf(`<table>
<tr><th rowspan="2">ลำดับ</th><th colspan="4">ข้อมูลประกอบ</th><th rowspan="2">3) ผู้รับผิดชอบ</th></tr>
<tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>1) มาตรการ/แนวทางการพัฒนา</th><th>2) ระยะเวลาดำเนินการ</th></tr>
<tr><td>1</td><td>i7 ผู้บังคับบัญชา</td><td>84.01</td><td>1. กิจกรรม</td><td>ต.ค. 68</td><td>กองคลัง</td></tr>
</table>`)
    expect(rows[0]!.cells.map((c) => [c.col, c.text, c.rowSpan])).toEqual([[0, 'ลำดับ', 1], [1, 'ประเด็นที่ต้องพัฒนา', 1], [2, 'คะแนน', 1], [3, '1) มาตรการ/แนวทางการพัฒนา', 1], [4, '2) ระยะเวลาดำเนินการ', 1], [5, '3) ผู้รับผิดชอบ', 1]])
    expect(rows.length).toBe(2)
  })

  it("leaves a group heading over a chart's years alone (the measures reader reads a chart's rows)", () => {
    const rows = rowsOf(`<table>
<tr><th rowspan="2">ประเด็นที่ต้องพัฒนา</th><th rowspan="2">คะแนน</th><th rowspan="2">มาตรการ</th><th rowspan="2">ผู้รับผิดชอบ</th><th colspan="2">ระยะเวลาดำเนินการ</th></tr>
<tr><th>พ.ศ. 2568</th><th>พ.ศ. 2569</th></tr>
</table>`)
    expect(rows.length).toBe(2)
  })
})
