import { describe, expect, it } from 'vitest'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows, entriesRunTogether, wordsApartFromNumbers } from './rows.js'
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

describe("a page's furniture in a transcript without page markers", () => {
  const linesOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' }))).map((r) => r.text)
  const pages = (turn: (n: number) => string[]) =>
    ['บันทึกข้อความ', 'ผู้รับผิดชอบ', ...turn(2), 'กองคลัง', 'ขั้นตอน', ...turn(3), '1. ประชุม', '2. สำรวจ', ...turn(5), '3. ติดตาม', 'กองช่าง', ...turn(6), 'กองคลัง'].join('\n\n')

  it('takes bare numbers that count pages, and the running header beside them, for furniture', () => {
    expect(linesOf(pages((n) => [`${n}`, 'บันทึกข้อความ']))).toEqual(['บันทึกข้อความ', 'ผู้รับผิดชอบ', 'กองคลัง', 'ขั้นตอน', '1. ประชุม', '2. สำรวจ', '3. ติดตาม', 'กองช่าง', 'กองคลัง'])
  })

  it('keeps bare numbers that do not count pages: too few, or out of order', () => {
    expect(linesOf(['ขั้นตอน', '7', 'กองคลัง', '3', 'ผู้รับผิดชอบ', '9'].join('\n\n'))).toEqual(['ขั้นตอน', '7', 'กองคลัง', '3', 'ผู้รับผิดชอบ', '9'])
  })

  it('keeps a line printed beside a few of many page turns: a unit a page happened to end on', () => {
    const turns = Array.from({ length: 12 }, (_, k) => [`- ${k + 2} -`, k % 4 === 0 ? 'กองคลัง' : 'ขั้นตอน ' + k])
    const text = turns.flat().join('\n\n')
    expect(linesOf(text).filter((t) => t === 'กองคลัง')).toHaveLength(3)
  })
})

describe('a numbered list of scores run together on one line', () => {
  it('splits where a score ends and the next number of the line\'s own numbering begins', () => {
    expect(entriesRunTogether('1. การปฏิบัติหน้าที่ ..... 94.16 2. การใช้งบประมาณ ..... 97.32 3. การใช้อำนาจ ..... 88.64')).toEqual([
      '1. การปฏิบัติหน้าที่ ..... 94.16',
      '2. การใช้งบประมาณ ..... 97.32',
      '3. การใช้อำนาจ ..... 88.64',
    ])
    expect(entriesRunTogether('ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้ 84.88 คะแนน ตัวชี้วัดที่ 2 การใช้งบประมาณ ได้ 82.54 คะแนน')).toEqual([
      'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้ 84.88 คะแนน',
      'ตัวชี้วัดที่ 2 การใช้งบประมาณ ได้ 82.54 คะแนน',
    ])
  })

  it('splits item sentences run together, also after the heading of their indicator, where a score ends and a code opens', () => {
    expect(entriesRunTogether('ตัวชี้วัดที่ 2 การใช้งบประมาณ ได้คะแนน 87.08 คะแนน ข้อ i4 หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด ได้คะแนน 83.58 คะแนน')).toEqual([
      'ตัวชี้วัดที่ 2 การใช้งบประมาณ ได้คะแนน 87.08 คะแนน',
      'ข้อ i4 หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด ได้คะแนน 83.58 คะแนน',
    ])
    expect(entriesRunTogether('ข้อ o7 รายงานผลการดำเนินงานประจำปี พ.ศ. 2567 ได้คะแนน 100.00 คะแนน o8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่ ได้คะแนน 0.00 คะแนน')).toEqual([
      'ข้อ o7 รายงานผลการดำเนินงานประจำปี พ.ศ. 2567 ได้คะแนน 100.00 คะแนน',
      'o8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่ ได้คะแนน 0.00 คะแนน',
    ])
    // A code after a number that is no score, or a tool after a score, opens nothing.
    expect(entriesRunTogether('ข้อ i3 ได้ 2 คะแนน i4 ได้ 3 คะแนน')).toEqual(['ข้อ i3 ได้ 2 คะแนน i4 ได้ 3 คะแนน'])
    expect(entriesRunTogether('ได้คะแนน 89.50 คะแนน EIT ได้ 90.00')).toEqual(['ได้คะแนน 89.50 คะแนน EIT ได้ 90.00'])
  })

  it('keeps a line whole when no score ends an entry or the next number is not the next one', () => {
    expect(entriesRunTogether('1. ประชุมคณะทำงาน 2. สำรวจความคิดเห็น')).toEqual(['1. ประชุมคณะทำงาน 2. สำรวจความคิดเห็น'])
    expect(entriesRunTogether('1. การปฏิบัติหน้าที่ 94.16 3. การใช้อำนาจ 88.64')).toEqual(['1. การปฏิบัติหน้าที่ 94.16 3. การใช้อำนาจ 88.64'])
    expect(entriesRunTogether('ผลคะแนน 94.16 2. การใช้งบประมาณ 97.32')).toEqual(['ผลคะแนน 94.16 2. การใช้งบประมาณ 97.32'])
  })
})

describe('a line broken inside a bracket', () => {
  const linesOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' }))).map((r) => r.text)

  it('goes on until the bracket closes, Thai words joined as printed, a labelled part set apart', () => {
    expect(linesOf('1.1 มาตรการ/แนวทางการพัฒนา (ผู้รับผิด\nชอบ : สำนักการศึกษา, กองสวัสดิการสังคม\nระยะเวลา : 1 ตุลาคม 2568 - 30 กันยายน\n2569)\n\n1.1.1 จัดทำหน้าเว็บไซต์')).toEqual([
      '1.1 มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : สำนักการศึกษา, กองสวัสดิการสังคม ระยะเวลา : 1 ตุลาคม 2568 - 30 กันยายน 2569)',
      '1.1.1 จัดทำหน้าเว็บไซต์',
    ])
  })

  it('does not go on into the next paragraph', () => {
    expect(linesOf('มาตรการ (ผู้รับผิดชอบ : กองคลัง\n\n1. จัดทำคู่มือ')).toEqual(['มาตรการ (ผู้รับผิดชอบ : กองคลัง', '1. จัดทำคู่มือ'])
  })
})

describe('a paragraph of lines whose headings name indicators by their short label', () => {
  it('takes no "ตช. 2 ... คะแนน 88.46" line onto the prose line before it', () => {
    const rows = docRows(normaliseDoc(readTranscript(new TextEncoder().encode('ตช. 1 การปฏิบัติหน้าที่ คะแนน 87.64\nผลคะแนนตัวชี้วัดการปฏิบัติหน้าที่สะท้อนว่าผู้มีส่วนได้ส่วนเสียยังรับรู้การดำเนินงานไม่มากนัก\nตช. 2 การใช้งบประมาณ คะแนน 88.46'), { file: 'x.md' })))
    expect(rows.map((r) => r.text)).toHaveLength(3)
  })
})

describe('bare numbers close together', () => {
  it("are a list's, not pages': indicator numbers read as lines stay", () => {
    const linesOf = (lines: string[]) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(lines.join('\n\n')), { file: 'x.md' }))).map((r) => r.text)
    expect(linesOf(['ตัวชี้วัดที่', '1', '2', '3', '4', 'คะแนน', '89.41', '90.12', '88.00', '91.00'])).toHaveLength(10)
    expect(linesOf(['1', '89.41', '2', '90.12', '3', '88.00', '4', '91.00'])).toHaveLength(8)
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
