/** A measure written as one paragraph of prose: its item, score and parts, and its lines joined when a page wrapped them. */
import { describe, expect, it } from 'vitest'
import type { Row } from '../text/rows.js'
import { joinWrappedMeasureProse, readMeasureProse } from './measure-prose.js'

const PROSE =
  'ข้อ e5 หน่วยงานมีการประชาสัมพันธ์ข้อมูลข่าวสาร ได้รับคะแนน 72.40 คะแนน จากการวิเคราะห์พบว่า ประชาชนในพื้นที่ห่างไกลเข้าถึงข่าวสารได้น้อย ' +
  'จึงได้กำหนดมาตรการ 1. จัดทำป้ายประกาศประจำหมู่บ้าน 2. มาตรการเสียงตามสายรายสัปดาห์ ขั้นตอนการดำเนินการ 1) สำรวจจุดติดตั้ง 2) ติดตั้งและตรวจรับ ' +
  'ผู้รับผิดชอบ กองช่าง ระยะเวลา มีนาคม 2569 - มิถุนายน 2569'

describe('readMeasureProse', () => {
  it('reads the item, its score and each part after the word opening it, whatever the connective before that word', () => {
    expect(readMeasureProse(PROSE)).toEqual({
      item: 'e5 หน่วยงานมีการประชาสัมพันธ์ข้อมูลข่าวสาร',
      score: '72.40',
      parts: [
        ['analysis', 'ประชาชนในพื้นที่ห่างไกลเข้าถึงข่าวสารได้น้อย'],
        // "2. มาตรการเสียงตามสาย": a part's word opening a list's entry is the entry's.
        ['actions', '1. จัดทำป้ายประกาศประจำหมู่บ้าน 2. มาตรการเสียงตามสายรายสัปดาห์'],
        ['steps', '1) สำรวจจุดติดตั้ง 2) ติดตั้งและตรวจรับ'],
        ['responsible', 'กองช่าง'],
        ['period', 'มีนาคม 2569 - มิถุนายน 2569'],
      ],
    })
  })

  it('keeps the item\'s words its own, and a part\'s word inside a run of words the text\'s', () => {
    const prose = readMeasureProse(
      'ประเด็น 3.2 ผู้บังคับบัญชาสั่งการตามขั้นตอนและ ระยะเวลา มากน้อยเพียงใด ได้คะแนน 81.05 คะแนน ผลการวิเคราะห์พบว่า ยังไม่ชัดเจนเรื่องระยะเวลาการอนุมัติ ' +
        'โดยกำหนดมาตรการ 1) ทบทวนคู่มือ ดำเนินการโดย ฝ่ายอำนวยการ และฝ่ายการเงิน ห้วงเวลา ตุลาคม 2568 – ธันวาคม 2568',
    )
    expect(prose?.item).toBe('3.2 ผู้บังคับบัญชาสั่งการตามขั้นตอนและ ระยะเวลา มากน้อยเพียงใด')
    expect(prose?.parts.map(([part]) => part)).toEqual(['analysis', 'actions', 'responsible', 'period'])
    expect(prose?.parts[0]![1]).toBe('ยังไม่ชัดเจนเรื่องระยะเวลาการอนุมัติ')
  })

  it('reads a part\'s word a line\'s wrap put a space inside ("ผล" / "การวิเคราะห์พบว่า")', () => {
    const prose = readMeasureProse('ประเด็น i7 ข้อความของประเด็น ได้คะแนน 70.00 คะแนน ผล การวิเคราะห์พบว่า ยังขาดการติดตาม จึงกำหนด มาตรการ 1) จัดประชุม ระยะเวลา ดำเนินการ มกราคม 2569')
    expect(prose?.parts.map(([part, text]) => [part, text])).toEqual([
      ['analysis', 'ยังขาดการติดตาม'],
      ['actions', '1) จัดประชุม'],
      ['period', 'มกราคม 2569'],
    ])
  })

  it('is no measure: an item\'s sentence in a detail list, prose after a score that opens no part, one part alone, no item', () => {
    expect(readMeasureProse('ประเด็น i3 เจ้าหน้าที่เรียกรับสินบนหรือไม่ ได้คะแนน 88.10 คะแนน')).toBeUndefined()
    expect(readMeasureProse('ข้อ i3 ได้คะแนน 88.10 คะแนน ซึ่งต่ำกว่าปีก่อน จึงกำหนดมาตรการ 1) อบรม ระยะเวลา ตุลาคม 2568')).toBeUndefined()
    expect(readMeasureProse('ประเด็น o12 ได้คะแนน 0.00 คะแนน จึงกำหนดมาตรการ 1) เผยแพร่ข้อมูล')).toBeUndefined()
    expect(readMeasureProse('หน่วยงานได้คะแนน 80.00 คะแนน จึงกำหนดมาตรการ 1) อบรม ระยะเวลา ตุลาคม 2568')).toBeUndefined()
  })
})

const line = (index: number, text: string, x1: number, page = 1): Row => {
  const origin = { page, source: 'pdf-text' as const, bbox: { x0: 70, y0: 100 + 20 * index, x1, y1: 115 + 20 * index } }
  return { index, kind: 'line', cells: [{ col: 0, rowSpan: 1, colSpan: 1, text, raw: text, origin }], text, origin }
}

describe('joinWrappedMeasureProse', () => {
  const wrapped = [
    line(0, 'ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร', 300),
    line(1, 'ข้อ e5 หน่วยงานมีการประชาสัมพันธ์ข้อมูลข่าวสาร ได้รับคะแนน 72.40 คะแนน จากการ', 520),
    line(2, 'วิเคราะห์พบว่า ประชาชนในพื้นที่ห่างไกลเข้าถึงข่าวสารได้น้อย จึงได้กำหนดมาตรการ 1. จัดทำ', 522),
    line(3, 'ป้ายประกาศประจำหมู่บ้าน ผู้รับผิดชอบ กองช่าง ระยะเวลา มีนาคม 2569 - มิถุนายน', 518),
    line(4, '2569', 110, 2),
    line(5, 'หน่วยงานจะติดตามผลทุกไตรมาส', 330, 2),
  ]

  it('joins the lines of a page that wrap one measure\'s paragraph, up to its short last line', () => {
    const rows = joinWrappedMeasureProse(wrapped)
    expect(rows.map((r) => [r.index, r.text.split(' ')[0]])).toEqual([
      [0, 'ตัวชี้วัดที่'],
      [1, 'ข้อ'],
      [2, 'หน่วยงานจะติดตามผลทุกไตรมาส'],
    ])
    expect(readMeasureProse(rows[1]!.text)?.parts.map(([part, text]) => [part, text])).toEqual([
      ['analysis', 'ประชาชนในพื้นที่ห่างไกลเข้าถึงข่าวสารได้น้อย'],
      ['actions', '1. จัดทำ ป้ายประกาศประจำหมู่บ้าน'],
      ['responsible', 'กองช่าง'],
      ['period', 'มีนาคม 2569 - มิถุนายน 2569'],
    ])
    expect(rows[1]!.origin).toEqual(wrapped[1]!.origin)
  })

  it('leaves lines that are paragraphs (no box on a page) as they are, and lines that together are no measure', () => {
    const paragraphs = wrapped.map((r) => ({ ...r, origin: { page: 1, source: 'transcript' as const, line: r.index + 1 } }))
    expect(joinWrappedMeasureProse(paragraphs).map((r) => r.text)).toEqual(wrapped.map((r) => r.text))
    const sentence = [line(0, 'ข้อ i3 เจ้าหน้าที่เรียกรับสินบนเพื่อแลกกับการ', 520), line(1, 'ปฏิบัติงานหรือไม่ ได้คะแนน 88.10 คะแนน', 300)]
    expect(joinWrappedMeasureProse(sentence)).toEqual(sentence)
  })
})
