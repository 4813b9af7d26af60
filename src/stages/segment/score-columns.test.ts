import { describe, expect, it } from 'vitest'
import { scoredRow } from '../text/scored-rows.js'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows } from '../text/rows.js'
import { markSetAsideColumns } from './score-columns.js'

const rowsOf = (text: string) => markSetAsideColumns(docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' }))))
const scoresOf = (text: string, needle: string) => {
  const row = rowsOf(text).find((r) => r.text.includes(needle))!
  return scoredRow(row, 'summary')!.scores.map((s) => s.value)
}

describe('markSetAsideColumns', () => {
  it('reads this year from a summary with last year beside it and the change, in any order', () => {
    const table = `<table>
<tr><th>ตัวชี้วัด</th><th>ปีงบประมาณ พ.ศ. ๒๕๖๗ (ร้อยละ)</th><th>ปีงบประมาณ พ.ศ. ๒๕๖๘ (ร้อยละ)</th><th>เพิ่มขึ้น/ลดลง</th></tr>
<tr><td>ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่</td><td>๘๓.๕๑</td><td>๘๘.๕๐</td><td>+๔.๙๙</td></tr>
</table>`
    expect(scoresOf(table, 'การปฏิบัติหน้าที่')).toEqual([88.5])
    const swapped = `<table>
<tr><th>ตัวชี้วัด</th><th>ผลต่าง</th><th>ปี 2568</th><th>ปีที่ผ่านมา</th></tr>
<tr><td>ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</td><td>4.99</td><td>88.50</td><td>83.51</td></tr>
</table>`
    expect(scoresOf(swapped, 'การปฏิบัติหน้าที่')).toEqual([88.5])
  })

  it('sets aside a ลำดับ column numbering the rows, not a ข้อ column of item codes', () => {
    const rows = rowsOf(`<table>
<tr><th>ลำดับ</th><th>ข้อ</th><th>ประเด็นการประเมิน</th><th>คะแนนที่ได้</th></tr>
<tr><td>๑</td><td>i1</td><td>การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่</td><td>๗๓.๖๑</td></tr>
<tr><td>๒</td><td>i2</td><td>ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงาน</td><td>๗๘.๘๖</td></tr>
</table>`)
    expect(rows.slice(1).map((r) => r.cells.map((c) => c.setAside ?? null))).toEqual([['row-number', null, null, null], ['row-number', null, null, null]])
    expect(scoredRow(rows[1]!, 'detail')!.label).toBe('i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่')
  })

  it('sets aside a full-marks column, not a score "out of 100"', () => {
    const full = `<table>
<tr><th>ข้อ</th><th>ประเด็นการประเมิน</th><th>คะแนนเต็ม</th><th>คะแนนที่ได้</th></tr>
<tr><td>i1</td><td>การปฏิบัติงานของเจ้าหน้าที่</td><td>100.00</td><td>71.90</td></tr>
</table>`
    expect(scoresOf(full, 'การปฏิบัติงาน')).toEqual([71.9])
    const outOf = `<table>
<tr><th>ตัวชี้วัด</th><th>คะแนนรายตัวชี้วัด (เต็ม 100)</th><th>คะแนนรายเครื่องมือ (เต็ม 100)</th></tr>
<tr><td>ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</td><td>79.77</td><td>85.36</td></tr>
</table>`
    expect(scoresOf(outOf, 'การปฏิบัติหน้าที่')).toEqual([79.77, 85.36])
  })

  it('takes a column of 100 on every row beside varied scores for full marks when no header says so', () => {
    const rows = (a: string[], b: string[]) => a.map((x, i) => `<tr><td>i${i + 1} ประเด็นที่ ${i + 1}</td><td>${x}</td><td>${b[i]}</td></tr>`).join('\n')
    const bare = `<table>\n${rows(['100.00', '100.00', '100.00'], ['71.90', '81.60', '77.12'])}\n</table>`
    expect(scoresOf(bare, 'ประเด็นที่ 2')).toEqual([81.6])
    // Every item at full score is a list of scores; a header naming the columns decides.
    const allFull = `<table>\n${rows(['100.00', '100.00', '100.00'], ['100.00', '100.00', '100.00'])}\n</table>`
    expect(scoresOf(allFull, 'ประเด็นที่ 2')).toEqual([100, 100])
    const named = `<table>\n<tr><th>ประเด็น</th><th>ปี 2568</th><th>ปี 2567</th></tr>\n${rows(['100.00', '100.00', '100.00'], ['71.90', '81.60', '77.12'])}\n</table>`
    expect(scoresOf(named, 'ประเด็นที่ 2')).toEqual([100])
  })

  it('carries the header to a continuation table of the same width, and no further than a new header', () => {
    const text = `<table>
<tr><th>ข้อ</th><th>ประเด็นการประเมิน</th><th>คะแนนเต็ม</th><th>คะแนนที่ได้</th></tr>
<tr><td>i1</td><td>การปฏิบัติงานของเจ้าหน้าที่</td><td>100.00</td><td>71.90</td></tr>
</table>

<!-- page 2 -->

<table>
<tr><td>i2</td><td>การให้บริการอย่างเท่าเทียม</td><td>100.00</td><td>81.60</td></tr>
</table>

<table>
<tr><th>หมายเหตุ</th><th>เครื่องมือ</th><th>คะแนน</th><th>ระดับ</th></tr>
<tr><td>ผ่านเกณฑ์</td><td>IIT</td><td>100.00</td><td>90.00</td></tr>
</table>`
    expect(scoresOf(text, 'เท่าเทียม')).toEqual([81.6])
    expect(scoresOf(text, 'IIT')).toEqual([100, 90])
  })
})

describe('verdict columns and ranked summaries', () => {
  it('sets aside a column of verdicts (ผ่าน / ไม่ผ่าน, grades) whatever its header, and reads "N/100" as N', () => {
    const table = `<table>
<tr><th>ตัวชี้วัดที่</th><th>ชื่อตัวชี้วัด</th><th>คะแนน</th><th>ผลการ<br>ประเมิน</th></tr>
<tr><td>1</td><td>การปฏิบัติหน้าที่</td><td>94.49/100</td><td>ผ่าน</td></tr>
<tr><td>2</td><td>การใช้งบประมาณ</td><td>80.47/100</td><td>ไม่ผ่าน</td></tr>
</table>`
    expect(scoresOf(table, 'การใช้งบประมาณ')).toEqual([80.47])
  })
})

describe('a target column', () => {
  it('is set aside: what the agency aimed at is no score (a score with its pass mark in brackets stays one)', () => {
    const table = `<table>
<tr><th>ตัวชี้วัดที่</th><th>ชื่อตัวชี้วัด</th><th>คะแนน</th><th>ค่าเป้าหมาย</th></tr>
<tr><td>๑</td><td>การปฏิบัติหน้าที่</td><td>94.83</td><td>๙๕</td></tr>
</table>`
    expect(scoresOf(table, 'การปฏิบัติหน้าที่')).toEqual([94.83])
    const noted = `<table>
<tr><th>ตัวชี้วัด</th><th>คะแนน (เกณฑ์ 85)</th><th>Target</th></tr>
<tr><td>ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</td><td>94.83</td><td>95.00</td></tr>
</table>`
    expect(scoresOf(noted, 'การปฏิบัติหน้าที่')).toEqual([94.83])
  })
})

describe('a summary whose two year columns print the same year', () => {
  it('takes the later column as this year (last year mislabelled: the checker says so from the overall part)', () => {
    const table = `<table>
<tr><th>ตัวชี้วัด</th><th>ปีงบประมาณ พ.ศ. ๒๕๖๘</th><th>ปีงบประมาณ พ.ศ. ๒๕๖๘</th><th>เพิ่มขึ้น/ลดลง</th></tr>
<tr><td>ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่</td><td>๘๒.๕๗</td><td>๙๐.๗๙</td><td>+๘.๒๒</td></tr>
</table>`
    expect(scoresOf(table, 'การปฏิบัติหน้าที่')).toEqual([90.79])
  })
})

describe('a checklist with a column for each answer (มี | ไม่มี)', () => {
  const checklist = (body: string) => `<table>
<tr><th>ข้อ</th><th>รายการข้อมูล</th><th>มี</th><th>ไม่มี</th></tr>
<tr><th colspan="2">ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล</th><th colspan="2">89.47</th></tr>
${body}
</table>`
  const itemScore = (text: string, needle: string) => {
    const row = rowsOf(text).find((r) => r.text.includes(needle))!
    const [score] = scoredRow(row, 'detail')!.scores
    return [score!.value, score!.prov.repairs?.[0]?.detail]
  }

  it('reads a tick by the column it stands in: under มี 100, under ไม่มี 0, said as a repair', () => {
    const text = checklist(`<tr><td>o1</td><td>โครงสร้างและอำนาจหน้าที่</td><td>✓</td><td></td></tr>
<tr><td>o2</td><td>ข้อมูลผู้บริหาร</td><td></td><td>✓</td></tr>
<tr><td>o3</td><td>ข้อมูลการติดต่อ</td><td>✗</td><td></td></tr>`)
    expect(itemScore(text, 'โครงสร้าง')).toEqual([100, 'printed "✓" in the column headed มี; an OIT item scores 100 when its information is published'])
    expect(itemScore(text, 'ผู้บริหาร')).toEqual([0, 'printed "✓" in the column headed ไม่มี; an OIT item scores 0 when its information is not published'])
    expect(itemScore(text, 'การติดต่อ')).toEqual([0, 'printed "✗" in the column headed มี; an OIT item scores 0 when its information is not published'])
  })

  it('keeps the words and a lone column as they read: มี is 100 wherever it stands, a tick under one answer column alone is 100', () => {
    expect(itemScore(checklist(`<tr><td>o1</td><td>โครงสร้างและอำนาจหน้าที่</td><td></td><td>มี</td></tr>`), 'โครงสร้าง')[0]).toBe(100)
    const lone = `<table>
<tr><th>ข้อ</th><th>รายการข้อมูล</th><th>มี</th></tr>
<tr><th colspan="2">ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล</th><th>89.47</th></tr>
<tr><td>o1</td><td>โครงสร้างและอำนาจหน้าที่</td><td>✓</td></tr>
</table>`
    expect(itemScore(lone, 'โครงสร้าง')[0]).toBe(100)
  })

  it('reads the header repeated over a page that holds marks and no score (its table not as wide as the first)', () => {
    const text = `${checklist(`<tr><td>o1</td><td>โครงสร้างและอำนาจหน้าที่</td><td>✓</td><td></td></tr>`)}

<!-- page 2 -->

<table>
<tr><th>ข้อ</th><th>รายการข้อมูล</th><th>มี</th><th>ไม่มี</th><th>หมายเหตุ</th></tr>
<tr><td>o2</td><td>ข้อมูลผู้บริหาร</td><td></td><td>✓</td><td></td></tr>
</table>`
    expect(itemScore(text, 'ผู้บริหาร')[0]).toBe(0)
  })

  it('carries the answer columns to the table continued over a page without its header', () => {
    const text = `${checklist(`<tr><td>o1</td><td>โครงสร้างและอำนาจหน้าที่</td><td>✓</td><td></td></tr>`)}

<!-- page 2 -->

<table>
<tr><td>o2</td><td>ข้อมูลผู้บริหาร</td><td></td><td>✓</td></tr>
</table>`
    expect(itemScore(text, 'ผู้บริหาร')[0]).toBe(0)
  })
})
