import { describe, expect, it } from 'vitest'
import { cellText, groupIntoLines, paragraphPitch } from './lines.js'
import type { GlyphRun } from './text-runs.js'

const run = (text: string, x0: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 9, x1: x0 + 6 * [...text].length, y1: baseline + 3 }, baseline, size: 11 })

describe('groupIntoLines', () => {
  it('puts a space between a list number and its text, drawn in different sizes', () => {
    // train-04 LibreOffice: "1." at 10.5 pt, its text at 9.5 pt, 2.6 pt apart.
    const label: GlyphRun = { text: '1.', bbox: { x0: 325.5, y0: 378, x1: 334.2, y1: 395.9 }, baseline: 390.3, size: 10.5 }
    const text: GlyphRun = { text: 'จัดทำรายงาน', bbox: { x0: 336.8, y0: 379.2, x1: 400, y1: 395.4 }, baseline: 390.3, size: 9.5 }
    expect(groupIntoLines([label, text]).map((l) => l.text)).toEqual(['1. จัดทำรายงาน'])
  })
})

describe('cellText', () => {
  it('joins a number a narrow column broke over two lines', () => {
    expect(cellText([run('๘', 10, 100), run('๘.๗๗', 10, 115)])).toBe('๘๘.๗๗')
    expect(cellText([run('1', 10, 100), run('00.00', 10, 115)])).toBe('100.00')
  })

  it('joins a score out of 100 a narrow column broke inside its full marks', () => {
    expect(cellText([run('0.00/1', 10, 100), run('00', 10, 115)])).toBe('0.00/100')
    expect(cellText([run('100.00/10', 10, 100), run('0', 10, 115)])).toBe('100.00/100')
    expect(cellText([run('๙๘.๕๐', 10, 100), run('/๑๐๐', 10, 115)])).toBe('๙๘.๕๐/๑๐๐')
    // Only full marks of 100, and only when the cell holds nothing else.
    expect(cellText([run('88.50/1', 10, 100), run('00 คะแนน', 10, 115)])).toBe('88.50/1 00 คะแนน')
    expect(cellText([run('88.50/', 10, 100), run('95', 10, 115)])).toBe('88.50/ 95')
  })

  it('joins a date a narrow column broke over two lines (LibreOffice breaks Thai digits like words)', () => {
    expect(cellText([run('๓', 20, 100), run('๐/๙/๒๕๖๙', 10, 115)])).toBe('๓๐/๙/๒๕๖๙')
    expect(cellText([run('1/10/', 10, 100), run('2568', 10, 115)])).toBe('1/10/2568')
  })

  it('joins a year a narrow column broke over two lines, in a period', () => {
    expect(cellText([run('1 ตุลาคม 2568 - 30 กันยายน 25', 10, 100), run('69', 10, 115)])).toBe('1 ตุลาคม 2568 - 30 กันยายน 2569')
    expect(cellText([run('๑ ต.ค. ๒๕', 10, 100), run('๖๘ - ๓๐ ก.ย. ๒๕๖๙', 10, 115)])).toBe('๑ ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙')
    expect(cellText([run('ข้อ 12', 10, 100), run('34 รายการ', 10, 115)])).toBe('ข้อ 12 34 รายการ')
  })

  it('joins a line ending in a leading vowel to the next: a narrow column broke the syllable', () => {
    // blind-v9-01 LibreOffice: April in a Gantt chart's month column.
    expect(cellText([run('เ', 12, 100), run('ม.ย.', 10, 115)])).toBe('เม.ย.')
  })

  it('keeps lines apart otherwise', () => {
    expect(cellText([run('๑.', 10, 100), run('๒.', 10, 115)])).toBe('๑. ๒.')
    expect(cellText([run('ระยะ', 10, 100), run('เวลา', 10, 115)])).toBe('ระยะ เวลา')
    // heldout-v6-03 LibreOffice: a score in an item's title, broken at its point.
    expect(cellText([run('พ.ศ. 2568 (คะแนน 100', 10, 100), run('.00)', 10, 115)])).toBe('พ.ศ. 2568 (คะแนน 100.00)')
    expect(cellText([run('ข้อ 1.', 10, 100), run('จัดทำแผน', 10, 115)])).toBe('ข้อ 1. จัดทำแผน')
    expect(cellText([run('2568', 10, 100), run('2569', 10, 115)])).toBe('2568 2569')
    expect(cellText([run('๑/๑๐/๒๕๖๘', 10, 100), run('๓๐/๙/๒๕๖๙', 10, 115)])).toBe('๑/๑๐/๒๕๖๘ ๓๐/๙/๒๕๖๙')
  })
})

describe('Thai lines a word processor wrapped in a cell', () => {
  // blind-v4-05 LibreOffice: units of the responsible column, 9 pt, wrapped lines 12.3 pt apart,
  // paragraphs 14.4 pt apart; the cell runs from x 434.8 to 497.
  const thai = (text: string, x1: number, baseline: number): GlyphRun => ({ text, bbox: { x0: 437.6, y0: baseline - 9, x1, y1: baseline + 2.3 }, baseline, size: 9 })
  const box = { x0: 434.8, y0: 120, x1: 497, y1: 420 }
  const one = [thai('หัวหน้ากลุ่ม', 480.6, 143.7), thai('งานการ', 467.1, 156), thai('พยาบาล', 469.6, 168.4)]
  const four = [
    thai('หัวหน้ากลุ่ม', 480.6, 214.1), thai('งานเภสัชกรรม', 491.2, 226.4),
    thai('หัวหน้ากลุ่ม', 480.6, 240.8), thai('งานประกัน', 478.5, 253.1), thai('สุขภาพ', 464.4, 265.5),
    thai('หัวหน้ากลุ่ม', 480.6, 279.8), thai('งานการ', 467.1, 292.2), thai('พยาบาล', 469.6, 304.5),
  ]

  it('joins a Thai line to the next without a space in a table whose paragraphs are spaced apart', () => {
    const pitch = paragraphPitch([one, four])
    expect(pitch).toBeCloseTo(12.3, 1)
    expect(cellText(one, { box, pitch: pitch! })).toBe('หัวหน้ากลุ่มงานการพยาบาล')
    expect(cellText(four, { box, pitch: pitch! })).toBe('หัวหน้ากลุ่มงานเภสัชกรรม หัวหน้ากลุ่มงานประกันสุขภาพ หัวหน้ากลุ่มงานการพยาบาล')
  })

  it('keeps the space where the lines show no wrap: no paragraph spacing in the table, or room for the next word', () => {
    // Chromium prints <br>-separated units at one pitch: a break may end a unit as well as wrap one.
    expect(paragraphPitch([one])).toBeUndefined()
    expect(cellText(one, { box })).toBe('หัวหน้ากลุ่ม งานการ พยาบาล')
    // A short unit ("กองคลัง") with room after it for the next line's first word ends its paragraph.
    const short = [thai('กองคลัง', 462, 143.7), thai('หัวหน้างาน', 479.2, 156)]
    expect(cellText(short, { box, pitch: 12.3 })).toBe('กองคลัง หัวหน้างาน')
    // Digits and Latin letters were written with their spaces.
    expect(cellText([thai('๑ ตุลาคม', 480, 143.7), thai('๒๕๖๘', 470, 156)], { box, pitch: 12.3 })).toBe('๑ ตุลาคม ๒๕๖๘')
  })
})
