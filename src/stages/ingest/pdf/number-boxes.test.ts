import { describe, expect, it } from 'vitest'
import { numberReadings } from './number-boxes.js'
import type { GlyphRun } from './text-runs.js'

const run = (text: string, x0: number, x1: number): GlyphRun => ({ text, bbox: { x0, y0: 10, x1, y1: 25 }, baseline: 22, size: 14 })

describe('numberReadings', () => {
  it('a run that is only the number gives its own box', () => {
    expect(numberReadings([run('๙๓.๕๕', 353.57, 387.99)])).toEqual([{ reader: 'pdfjs', raw: '๙๓.๕๕', bbox: { x0: 353.57, y0: 10, x1: 387.99, y1: 25 }, used: true }])
  })

  it('a number at the end of a longer run gets the end of its box', () => {
    // 'คะแนน ' is five letters and a space: 5.45 of 9.9 advances, then the number's 4.45
    const [reading] = numberReadings([run('คะแนน ๙๑.๗๔', 0, 99)])
    expect(reading).toMatchObject({ raw: '๙๑.๗๔' })
    expect(reading!.bbox!.x0).toBeCloseTo(54.5, 1)
    expect(reading!.bbox!.x1).toBe(99)
  })

  it('stacked Thai marks take no room; every number of a run is found', () => {
    const readings = numberReadings([run('ปี ๒๕๖๘ และ ๒๕๖๙', 0, 100)])
    expect(readings.map((r) => r.raw)).toEqual(['๒๕๖๘', '๒๕๖๙'])
    // 'ปี ' = 1 + 0 + 0.45 before the first number
    const unit = 100 / (1.45 + 4 + 0.45 + 3 + 0.45 + 4)
    expect(readings[0]!.bbox!.x0).toBeCloseTo(1.45 * unit, 1)
  })

  it('runs without digits give nothing', () => {
    expect(numberReadings([run('ตัวชี้วัด', 0, 50)])).toEqual([])
  })
})
