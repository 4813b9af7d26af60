import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../catalogue/catalogue.js'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows } from '../text/rows.js'
import { rowRoles, type Role } from './segment.js'

const names = loadCatalogue(2568).indicators
const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' })))

describe('rowRoles: what each row of a short report is', () => {
  const report = [
    'องค์การบริหารส่วนตำบลห้วยยาง ได้คะแนนรวม 81.71 คะแนน',
    '<table><tr><th>เครื่องมือการประเมิน</th><th>คะแนน</th></tr><tr><td>แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)</td><td>86.65</td></tr></table>',
    '<table><tr><th>ลำดับ</th><th>ตัวชี้วัด</th><th>เครื่องมือ</th><th>คะแนน</th></tr><tr><td>1</td><td>การปฏิบัติหน้าที่</td><td>IIT</td><td>84.39</td></tr></table>',
    '<table><tr><th>ประเด็นการประเมิน</th><th>คะแนนที่ได้</th></tr><tr><td colspan="2">ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</td><td>84.39</td></tr><tr><td>I1</td><td>การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด</td><td>87.91</td></tr></table>',
    'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (ได้ 84.39 คะแนน)',
    'หน่วยงานควรพัฒนาอย่างต่อเนื่อง',
    '<table><tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ</th><th>ขั้นตอน/วิธีการ</th><th>ระยะเวลา</th></tr></table>',
    '<table><tr><th>ลำดับ</th><th>ชุดข้อมูล</th><th>ค่า (คะแนน)</th></tr><tr><td>1</td><td>แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)</td><td>88.89</td></tr></table>',
    '<table><tr><th>ชุดข้อมูลคะแนน</th><th>ค่า</th><th>หมายเหตุ</th></tr><tr><td>แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)</td><td>86.02</td><td></td></tr></table>',
    '<table><tr><th>ข้อ</th><th>ประเด็นการประเมิน</th><th>ผลการประเมิน</th></tr><tr><td>o12</td><td>การเปิดโอกาสให้เกิดการมีส่วนร่วม</td><td>ไม่มี</td></tr></table>',
  ].join('\n\n')
  const rows = rowsOf(report)
  const roles = rowRoles(rows, names)
  const roleOf = (start: string): Role | undefined => roles[rows.findIndex((r) => r.text.startsWith(start))]

  it('gives one role per row', () => {
    expect(roles).toHaveLength(rows.length)
  })

  it.each<[string, string, Role]>([
    ['the agency total sentence', 'องค์การบริหารส่วนตำบลห้วยยาง ได้คะแนนรวม', 'overall'],
    ["the tools table's header", 'เครื่องมือการประเมิน คะแนน', 'summary-header'],
    ['a tool row', 'แบบวัดการรับรู้', 'tool'],
    ["the indicators table's header", 'ลำดับ ตัวชี้วัด', 'summary-header'],
    ['an indicator row of the summary', '1 การปฏิบัติหน้าที่ IIT 84.39', 'indicator'],
    ["the detail list's header", 'ประเด็นการประเมิน คะแนนที่ได้', 'detail-header'],
    ['an indicator row of the detail list', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 84.39', 'indicator'],
    ['an item row with its code in a column', 'I1 การปฏิบัติงาน', 'item'],
    ['an analysis heading with its score', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (ได้ 84.39', 'analysis'],
    ['prose', 'หน่วยงานควรพัฒนา', 'other'],
    ["the measures table's header", 'ประเด็นที่ต้องพัฒนา คะแนน มาตรการ', 'measures-header'],
    ["a header naming its score column with no number (ค่า (คะแนน)), not an item whose score is unreadable", 'ลำดับ ชุดข้อมูล', 'other'],
    ['a header ending in a remarks column, not an item whose score is unreadable', 'ชุดข้อมูลคะแนน ค่า', 'other'],
    ['an OIT item whose score is printed ไม่มี', 'o12 การเปิดโอกาส', 'item'],
  ])('%s -> %s', (_what, start, role) => {
    expect(roleOf(start)).toBe(role)
  })
})
