import { describe, expect, it } from 'vitest'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows } from './rows.js'
import { scoredRow } from './scored-rows.js'
import { withoutScoreUnit } from './values.js'

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
