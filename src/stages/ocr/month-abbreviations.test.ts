import { describe, expect, it } from 'vitest'
import type { Origin } from '../../model/document.js'
import { restoreMonthAbbreviations, withMonthAbbreviations } from './month-abbreviations.js'

describe('restoreMonthAbbreviations', () => {
  it.each([
    ['1 ต.ค. 68- 30 กุย. 69', '1 ต.ค. 68- 30 ก.ย. 69'],
    ['1มิ.ย.69- 30 ก.ุย. 69', '1มิ.ย.69- 30 ก.ย. 69'],
    ['1ต.ค. 68 - 30 กุย 69', '1ต.ค. 68 - 30 ก.ย. 69'],
    ['๑ ตุค. ๖๘ - ๓๐ กุย. ๖๙', '๑ ต.ค. ๖๘ - ๓๐ ก.ย. ๖๙'],
    ['1 มีุค. 69', '1 มี.ค. 69'],
  ])('%s -> %s', (read, restored) => {
    expect(restoreMonthAbbreviations(read)).toBe(restored)
  })

  it('leaves words and letters that are no month abbreviation, or not between a day and a year', () => {
    for (const text of ['กุย. 69', 'ประชุม 2 ครั้ง', '1 คุณ 2', '30 ก.ย. 69', 'ทุกส่วนราชการ', '3 กุย ท่าน']) expect(restoreMonthAbbreviations(text)).toBe(text)
  })
})

describe('withMonthAbbreviations', () => {
  it("restores the text and keeps tesseract's reading in provenance", () => {
    const cell = { col: 5, text: '1 ต.ค. 68- 30 กุย. 69', raw: '1 ต.ค. 68- 30 กุย. 69', origin: { page: 3, source: 'ocr', reader: 'tesseract' } as Origin }
    const out = withMonthAbbreviations(cell)
    expect(out.raw).toBe('1 ต.ค. 68- 30 ก.ย. 69')
    expect(out.origin.readings).toEqual([
      { reader: 'tesseract', raw: '1 ต.ค. 68- 30 กุย. 69', used: false },
      { reader: 'month-abbreviation', raw: '1 ต.ค. 68- 30 ก.ย. 69', used: true },
    ])
    expect(withMonthAbbreviations({ ...cell, raw: 'ทุกส่วนราชการ', text: 'ทุกส่วนราชการ' }).origin.readings).toBeUndefined()
  })
})
