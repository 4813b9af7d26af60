import { describe, expect, it } from 'vitest'
import type { Row } from '../text/rows.js'
import { joinWrappedItemSentences, namesItemByWording, opensWithItemCode } from './item-sentences.js'

/** Lines as a PDF's text layer gives them: one row per printed line, no paragraphs. */
const lines = (...texts: string[]): Row[] =>
  texts.map((text, index) => ({ index, kind: 'line', text, cells: [{ col: 0, rowSpan: 1, colSpan: 1, text, raw: text, origin: { page: 2, source: 'pdf-text' } }], origin: { page: 2, source: 'pdf-text' } }) as Row)

describe('items printed as sentences, wrapped over lines', () => {
  it('joins a sentence opening with its code and going on to its score into one row, the score where the words for it end a line', () => {
    const rows = joinWrappedItemSentences(
      lines(
        'ข้อ i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อย',
        'เพียงใด ได้คะแนน 89.82 คะแนน',
        'ข้อ e3 ท่านเคยถูกเจ้าหน้าที่เรียกรับสินบน เพื่อแลกกับการปฏิบัติงานหรือให้บริการแก่ท่าน หรือไม่ ได้คะแนน',
        '87.42 คะแนน',
        'ข้อ e4 หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย ได้คะแนน 92.69 คะแนน',
      ),
    )
    expect(rows.map((r) => [r.index, r.text])).toEqual([
      [0, 'ข้อ i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อย เพียงใด ได้คะแนน 89.82 คะแนน'],
      [1, 'ข้อ e3 ท่านเคยถูกเจ้าหน้าที่เรียกรับสินบน เพื่อแลกกับการปฏิบัติงานหรือให้บริการแก่ท่าน หรือไม่ ได้คะแนน 87.42 คะแนน'],
      [2, 'ข้อ e4 หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย ได้คะแนน 92.69 คะแนน'],
    ])
  })

  it('joins nothing when the next line opens an entry of its own or no score closes the sentence within six lines', () => {
    const texts = ['i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่', '1. ประกาศมาตรฐานการให้บริการ ได้คะแนน 90.00 คะแนน', 'o2 ข้อมูลผู้บริหาร', 'มีการเผยแพร่ครบถ้วน', 'ตามที่กำหนด', 'อย่างต่อเนื่อง', 'ผ่านเว็บไซต์ของหน่วยงาน', 'และสื่อสังคมออนไลน์', 'ทุกช่องทาง', 'ได้คะแนน 100.00 คะแนน']
    expect(joinWrappedItemSentences(lines(...texts)).map((r) => r.text)).toEqual(texts)
  })

  it('joins a long item wrapped in a narrow column, its score run into the last word, a line going on with ข้อมูล', () => {
    const rows = joinWrappedItemSentences(
      lines('ข้อ i14 ท่านคิดว่า การดำเนิน', 'การเพื่อป้องกันการทุจริตและ', 'ประพฤติมิชอบของหน่วยงานท่าน', 'สามารถป้องกันการทุจริตและ', 'ประพฤติมิชอบได้ มากน้อยเพียงใด', 'ได้คะแนน 84.70 คะแนน', 'ข้อ e4 หน่วยงานมีช่องทางการเผยแพร่', 'ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่ายได้คะแนน 99.30 คะแนน'),
    )
    expect(rows.map((r) => r.text)).toEqual([
      'ข้อ i14 ท่านคิดว่า การดำเนิน การเพื่อป้องกันการทุจริตและ ประพฤติมิชอบของหน่วยงานท่าน สามารถป้องกันการทุจริตและ ประพฤติมิชอบได้ มากน้อยเพียงใด ได้คะแนน 84.70 คะแนน',
      'ข้อ e4 หน่วยงานมีช่องทางการเผยแพร่ ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่ายได้คะแนน 99.30 คะแนน',
    ])
  })

  it('knows an item code after the word for a clause', () => {
    expect(['ข้อ i1 การ', 'ข้อที่ e12 การ', 'O-25 การ', '[o3] ข้อมูล'].map(opensWithItemCode)).toEqual([true, true, true, true])
    expect(['ข้อ 1 การ', 'ตัวชี้วัดที่ 1', 'การปฏิบัติหน้าที่ i1'].map(opensWithItemCode)).toEqual([false, false, false])
  })

  it('joins a sentence naming its item by the wording alone, and nothing the wording does not end on a score', () => {
    const texts = [
      'ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการ',
      'อย่างเท่าเทียมกัน มากน้อยเพียงใด ได้คะแนน 91.06 คะแนน',
      'หน่วยงานได้ดำเนินการตามแผนที่กำหนดไว้อย่างต่อเนื่อง',
      'และรายงานผลต่อผู้บริหาร ได้คะแนน 90.00 คะแนน',
    ]
    expect(joinWrappedItemSentences(lines(...texts)).map((r) => r.text)).toEqual([`${texts[0]} ${texts[1]}`, texts[2], texts[3]])
  })
})

describe('an item named by its wording alone', () => {
  it('is a sentence whose words before the score are an item\'s wording, as printed or with a word changed', () => {
    expect(namesItemByWording('หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด ได้คะแนน 89.82 คะแนน')).toBe(true)
    expect(namesItemByWording('หน่วยงานของท่านใช้จ่ายงบประมาณตามวัตถุประสงค์ มากน้อยเพียงใด ได้ 89.82 คะแนน')).toBe(true)
    expect(namesItemByWording('ข้อมูลผู้บริหาร ได้คะแนน 100.00 คะแนน')).toBe(true)
  })

  it('is not a sentence quoting a wording among words of its own, nor one without a score', () => {
    expect(namesItemByWording('ประเด็นที่ได้คะแนนต่ำที่สุดของหน่วยงานในปีนี้ คือ หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ ได้คะแนน 71.20 คะแนน')).toBe(false)
    expect(namesItemByWording('หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด')).toBe(false)
    expect(namesItemByWording('คะแนนรวมของหน่วยงาน ได้คะแนน 88.10 คะแนน')).toBe(false)
  })
})
