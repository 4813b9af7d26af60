import { describe, expect, it } from 'vitest'
import { measureText } from './classify-page.js'
import { attachMarks } from './attach-marks.js'
import type { GlyphRun } from './text-runs.js'

const run = (text: string, x0: number, x1: number, baseline = 100, size = 12): GlyphRun => ({ text, bbox: { x0, y0: baseline - 10, x1, y1: baseline + 3 }, baseline, size })

describe('attachMarks', () => {
  it('joins a zero-width mark run (LibreOffice one-mark ActualText span) to the base whose advance it ends', () => {
    // ข้อมูล as LibreOffice writes it: "ข", "้" alone, "อม", "ู" alone, "ล"
    const runs = [run('ข', 10, 18), run('้', 17.8, 17.8), run('อม', 18, 34), run('ู', 33.9, 33.9), run('ล', 34, 41)]
    const out = attachMarks(runs)
    expect(out.map((r) => r.text)).toEqual(['ข้', 'อมู', 'ล'])
    expect(measureText(out.map((r) => r.text).join(' ')).orphanMarks).toBe(0)
  })

  it('puts a mark after the character under its centre, after that character\'s own marks', () => {
    // กันยายน: mai han-akat over ก, a full-advance mark kerned back over its base (TlwgTypo)
    const runs = [run('กนยายน', 0, 60), run('ั', 0, 10)]
    expect(attachMarks(runs).map((r) => r.text)).toEqual(['กันยายน'])
    // ที่ : sara ii already in the run, mai ek arrives alone over the same base
    expect(attachMarks([run('ทีม', 0, 20), run('่', 9.9, 9.9)]).map((r) => r.text)).toEqual(['ที่ม'])
  })

  it('joins a tone mark spanned together with the sara am it sits over (ต่ำ)', () => {
    expect(attachMarks([run('คะแนนต', 0, 40), run('่ำ', 40, 45.7)]).map((r) => r.text)).toEqual(['คะแนนต่ำ'])
  })

  it('keeps several marks on one base in content order', () => {
    expect(attachMarks([run('ผ', 0, 8), run('ู', 8, 8), run('้', 8, 8), run('รับ', 8, 22)]).map((r) => r.text)).toEqual(['ผู้', 'รับ'])
  })

  it('leaves a mark with no base under it alone, so the trust check still counts it', () => {
    const out = attachMarks([run('ก', 0, 8), run('้', 40, 40), run('ข', 0, 8, 130)])
    expect(out.map((r) => r.text)).toEqual(['ก', '้', 'ข'])
    expect(measureText(out.map((r) => r.text).join(' ')).orphanMarks).toBe(1)
  })

  it('does not join across lines', () => {
    expect(attachMarks([run('ก', 0, 8), run('่', 8, 8, 120)]).map((r) => r.text)).toEqual(['ก', '่'])
  })
})
