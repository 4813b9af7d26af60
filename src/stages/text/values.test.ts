import { describe, expect, it } from 'vitest'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows, wordsApartFromNumbers } from './rows.js'
import { scoredRow } from './scored-rows.js'
import { cellScore, scoreToken, withoutScoreUnit } from './values.js'

const rowOf = (html: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(`<table>${html}</table>`), { file: 'x.md' })))[0]!

describe('score cells with their unit', () => {
  it.each([
    ['97.25 คะแนน', '97.25'],
    ['100คะแนน', '100'],
    ['89.41 คะแนน*', '89.41*'],
    ['86.10 points', '86.10'],
  ])('%s -> %s', (cell, number) => {
    expect(withoutScoreUnit(cell)).toBe(number)
  })

  it('reads a score to three decimals, in a cell and at the end of a line', () => {
    const cell = scoredRow(rowOf('<tr><td>i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่</td><td>๗๐.๕๐๐</td></tr>'), 'detail')!
    expect(cell.scores.map((s) => [s.value, s.prov.raw])).toEqual([[70.5, '๗๐.๕๐๐']])
    const line = scoredRow(rowOf('<tr><td>ตัวชี้วัดที่ ๓ การใช้อำนาจ ๙๓.๔๓๐</td></tr>'), 'summary')!
    expect(line.scores.map((s) => [s.value, s.prov.raw])).toEqual([[93.43, '๙๓.๔๓๐']])
  })

  it('leaves a cell of words alone', () => {
    expect(withoutScoreUnit('คะแนนที่ได้')).toBe('คะแนนที่ได้')
    expect(withoutScoreUnit('ปี 2567 คะแนน')).toBe('ปี 2567 คะแนน')
  })

  it('reads the number of an item row, its provenance the cell as printed', () => {
    const scored = scoredRow(rowOf('<tr><td>i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่</td><td>๙๗.๒๕ คะแนน</td></tr>'), 'detail')!
    expect(scored.label).toBe('i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่')
    expect(scored.scores.map((s) => [s.value, s.prov.raw])).toEqual([[97.25, '๙๗.๒๕ คะแนน']])
  })
})

describe('a score cell, whatever is printed around its number', () => {
  it.each([
    ['89.41', '89.41'],
    ['89.41 คะแนน', '89.41'],
    ['(89.41)', '89.41'],
    ['[89.41 คะแนน]', '89.41'],
    ['(89.41 คะแนน)', '89.41'],
    ['85.93%', '85.93'],
    ['85.93 %', '85.93'],
    ['89.41*', '89.41'],
    ['94.49/100', '94.49'],
    ['96.09 (ข้อมูล ณ วันที่ 30 ก.ย. 68)', '96.09'],
    ['100', '100'],
  ])('%s -> %s', (cell, token) => {
    expect(scoreToken(cell)).toBe(token)
  })

  it.each(['ปี 2567 คะแนน', 'คะแนนที่ได้', '(ข้อมูล ณ วันที่ 30)', '89.41 90.12', 'ร้อยละ 80 ของบุคลากร', '(89.41'])('%s holds no score alone', (cell) => {
    expect(scoreToken(cell)).toBeUndefined()
  })

  it('reads a score cell with its unit in a summary row, its provenance the cell as printed', () => {
    const scored = scoredRow(rowOf('<tr><td>ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่</td><td>(๘๙.๔๑ คะแนน)</td></tr>'), 'summary')!
    expect(scored.scores.map((s) => [s.value, s.prov.raw])).toEqual([[89.41, '(๘๙.๔๑ คะแนน)']])
  })
})

describe("an OIT item's answer printed instead of its score", () => {
  it.each([['มี', 100], ['ไม่มี', 0], ['✓', 100], ['✔', 100], ['✗', 0], ['✘', 0], ['✔️', 100], ['❌', 0]])('%s is %s, said as a repair', (text, expected) => {
    const score = cellScore(rowOf(`<tr><td>o1 โครงสร้าง</td><td>${text}</td></tr>`).cells[1], 'detail')!
    expect([score.value, score.prov.repairs?.map((r) => r.kind)]).toEqual([expected, ['score-from-yes-no']])
  })
  it.each(['-', 'x', 'มีบางส่วน'])('%s is no answer', (text) => {
    expect(cellScore(rowOf(`<tr><td>o1 โครงสร้าง</td><td>${text}</td></tr>`).cells[1], 'detail')!.value).toBeNull()
  })
})

describe('a word touching a number', () => {
  it.each([
    ['ตัวชี้วัดที่1 การปฏิบัติหน้าที่', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่'],
    ['มีคะแนนเท่ากับ72.96', 'มีคะแนนเท่ากับ 72.96'],
    ['พ.ศ.2568', 'พ.ศ. 2568'],
    ['1 ต.ค.68 - 30 ก.ย.69', '1 ต.ค. 68 - 30 ก.ย. 69'],
    ['89.41คะแนน', '89.41 คะแนน'],
  ])('%s -> %s', (text, spaced) => {
    expect(wordsApartFromNumbers(text)).toBe(spaced)
  })

  it('leaves codes, numbers and spaced text alone', () => {
    for (const text of ['i12 IIT-03 e1', '30/09/2568', '89.41', 'ได้ 89.41 คะแนน', 'ภาค 1']) expect(wordsApartFromNumbers(text)).toBe(text)
  })

  it('keeps the number as printed in its provenance', () => {
    const row = rowOf('<tr><td>ตัวชี้วัดที่๑ การปฏิบัติหน้าที่</td><td>ได้๘๙.๔๑คะแนน</td></tr>')
    expect(row.cells.map((c) => [c.text, c.raw])).toEqual([['ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่', 'ตัวชี้วัดที่๑ การปฏิบัติหน้าที่'], ['ได้ 89.41 คะแนน', 'ได้๘๙.๔๑คะแนน']])
  })
})

describe('a line whose score follows leader dots', () => {
  it.each([['spaced', '1. การปฏิบัติหน้าที่ .................. 92.75'], ['typed right up to the score', '1. การปฏิบัติหน้าที่ ..................92.75'], ['an ellipsis', '1. การปฏิบัติหน้าที่ ………92.75']])('%s', (_how, line) => {
    const row = docRows(normaliseDoc(readTranscript(new TextEncoder().encode(line), { file: 'x.md' })))[0]!
    expect(scoredRow(row, 'summary')!.scores.map((s) => s.value)).toEqual([92.75])
  })
})

describe('scoredRow: columns in another order', () => {
  it("takes an item's code printed after the score as the lead of the item's title, after an indicator's cell", () => {
    const scored = scoredRow(rowOf('<tr><td>ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่</td><td>การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่</td><td>๗๓.๖๑</td><td>i1</td></tr>'), 'detail')!
    expect([scored.labelCells.map((c) => c.text), scored.scores.map((s) => s.value)]).toEqual([['ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่', 'i1', 'การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่'], [73.61]])
  })

  it('reads the score before a name printed last, the ordinal before it kept in the label', () => {
    const scored = scoredRow(rowOf('<tr><td>1.3</td><td>94.05</td><td>การใช้อำนาจ</td></tr>'), 'summary')!
    expect([scored.label, scored.scores.map((s) => s.value)]).toEqual(['1.3 การใช้อำนาจ', [94.05]])
  })

  it('reads a score printed first when no other number is in the row, never a row number', () => {
    const scored = scoredRow(rowOf('<tr><td>๑๐๐.๐๐</td><td>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</td><td>[o27]</td></tr>'), 'detail')!
    expect([scored.label, scored.scores.map((s) => s.value)]).toEqual(['[o27] มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', [100]])
    expect(scoredRow(rowOf('<tr><td>1.1</td><td>การปฏิบัติหน้าที่</td></tr>'), 'summary')!.scores.map((s) => s.value)).not.toEqual([1.1])
  })

  it('still takes a last cell OCR could not read for the score', () => {
    const scored = scoredRow(rowOf('<tr><td>ตัวชี้วัดที่ 3 การใช้อำนาจ</td><td>9ธ.4o</td></tr>'), 'summary')!
    expect(scored.label).toBe('ตัวชี้วัดที่ 3 การใช้อำนาจ')
  })
})
