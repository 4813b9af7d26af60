import { describe, expect, it } from 'vitest'
import type { Origin } from '../../model/document.js'
import { restorePeriodWords, withPeriodWords } from './period-words.js'

describe('restorePeriodWords', () => {
  it.each([
    ['1 ต.ค. 68- 30 กุย. 69', '1 ต.ค. 68- 30 ก.ย. 69'],
    ['1มิ.ย.69- 30 ก.ุย. 69', '1มิ.ย.69- 30 ก.ย. 69'],
    ['1ต.ค. 68 - 30 กุย 69', '1ต.ค. 68 - 30 ก.ย. 69'],
    ['๑ ตุค. ๖๘ - ๓๐ กุย. ๖๙', '๑ ต.ค. ๖๘ - ๓๐ ก.ย. ๖๙'],
    ['1 มีุค. 69', '1 มี.ค. 69'],
    // Periods of months (heldout-v6-02, v6-06 at 200 dpi): after the dash, or first in the text.
    ['ต.ค. 68- กุย. 69', 'ต.ค. 68- ก.ย. 69'],
    ['ต.ค. 68 - ก.ุย.69', 'ต.ค. 68 - ก.ย. 69'],
    ['กุย.69', 'ก.ย. 69'],
    ['ปีจบประมาณ พ.ศ. 2569', 'ปีงบประมาณ พ.ศ. 2569'],
    ['ปืจบประมาณ พ.ศ. 2569', 'ปีงบประมาณ พ.ศ. 2569'],
    ['ปีืงบประมาณ พ.ศ. 2569', 'ปีงบประมาณ พ.ศ. 2569'],
    ['คะแนแน', 'คะแนน'],
    ['ผลคะแนแนรายเครื่องมือ', 'ผลคะแนนรายเครื่องมือ'],
    ['ตัวยี้วัดที่ 1 การปฏิบัติหน้าที่', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่'],
    ['ตัวฮี้วัดที่ ๑๐', 'ตัวชี้วัดที่ ๑๐'],
    ['สรุปผลการประเมินรายตัวขี้วัด', 'สรุปผลการประเมินรายตัวชี้วัด'],
    ['ผลคะแนนของตัวชี้วัตการแก้ไขปัญหา', 'ผลคะแนนของตัวชี้วัดการแก้ไขปัญหา'],
  ])('%s -> %s', (read, restored) => {
    expect(restorePeriodWords(read)).toBe(restored)
  })

  it('leaves words and letters that are no month abbreviation, or not between a day (or a dash, or the start) and a year', () => {
    for (const text of ['ทุกุย. 69', 'กุย 3 ท่าน', 'ประชุม 2 ครั้ง', '1 คุณ 2', '30 ก.ย. 69', 'ทุกส่วนราชการ', '3 กุย ท่าน', 'งบประมาณ', 'ปีงบประมาณ พ.ศ. 2569', 'คะแนน', 'แนแน', 'ตัวชี้วัดที่ 1', 'ตัวยา']) expect(restorePeriodWords(text)).toBe(text)
  })
})

describe('withPeriodWords', () => {
  it("restores the text and keeps tesseract's reading in provenance", () => {
    const cell = { col: 5, text: '1 ต.ค. 68- 30 กุย. 69', raw: '1 ต.ค. 68- 30 กุย. 69', origin: { page: 3, source: 'ocr', reader: 'tesseract' } as Origin }
    const out = withPeriodWords(cell)
    expect(out.raw).toBe('1 ต.ค. 68- 30 ก.ย. 69')
    expect(out.origin.readings).toEqual([
      { reader: 'tesseract', raw: '1 ต.ค. 68- 30 กุย. 69', used: false },
      { reader: 'period-words', raw: '1 ต.ค. 68- 30 ก.ย. 69', used: true },
    ])
    expect(withPeriodWords({ ...cell, raw: 'ทุกส่วนราชการ', text: 'ทุกส่วนราชการ' }).origin.readings).toBeUndefined()
  })
})
