import { describe, expect, it } from 'vitest'
import { findTextTables } from './text-tables.js'
import type { GlyphRun } from './text-runs.js'

const run = (text: string, x0: number, x1: number, baseline: number, size = 11): GlyphRun => ({ text, bbox: { x0, y0: baseline - 9, x1, y1: baseline + 3 }, baseline, size })

describe('findTextTables', () => {
  it('rebuilds a borderless two-column list in content order, a vertically centred score in its row', () => {
    // Cell by cell, as word processors write: title (two lines), then its score centred between them.
    const runs = [
      run('ประเด็นการประเมิน', 60, 200, 100), run('คะแนนที่ได้', 480, 530, 100),
      run('i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่', 60, 440, 118), run('และระยะเวลา มากน้อยเพียงใด', 60, 300, 136), run('๖๓.๑๗', 488, 523, 127),
      run('i2 ในหน่วยงานของท่านมีเจ้าหน้าที่', 60, 400, 154), run('อย่างเท่าเทียมกัน', 60, 250, 172), run('๘๓.๗๐', 488, 523, 163),
    ]
    const { tables, freeRuns } = findTextTables(runs)
    expect(freeRuns).toEqual([])
    expect(tables).toHaveLength(1)
    const rows = [0, 1, 2].map((r) => tables[0]!.cells.filter((c) => c.row === r).map((c) => c.text))
    expect(rows).toEqual([
      ['ประเด็นการประเมิน', 'คะแนนที่ได้'],
      ['i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ และระยะเวลา มากน้อยเพียงใด', '๖๓.๑๗'],
      ['i2 ในหน่วยงานของท่านมีเจ้าหน้าที่ อย่างเท่าเทียมกัน', '๘๓.๗๐'],
    ])
  })

  it('leaves justified paragraphs alone, even with a wide word space on two lines', () => {
    const runs = [run('ผลการประเมินตัวชี้วัด', 60, 250, 100), run('สะท้อนให้เห็นว่า', 265, 540, 100), run('บุคลากรส่วนใหญ่รับรู้', 60, 300, 118), run('ถึงการดำเนินงาน', 316, 540, 118)]
    const { tables, freeRuns } = findTextTables(runs)
    expect(tables).toEqual([])
    expect(freeRuns).toHaveLength(4)
  })
})
