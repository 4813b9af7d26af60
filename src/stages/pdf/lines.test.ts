import { describe, expect, it } from 'vitest'
import { cellText } from './lines.js'
import type { GlyphRun } from './text-runs.js'

const run = (text: string, x0: number, baseline: number): GlyphRun => ({ text, bbox: { x0, y0: baseline - 9, x1: x0 + 6 * [...text].length, y1: baseline + 3 }, baseline, size: 11 })

describe('cellText', () => {
  it('joins a number a narrow column broke over two lines', () => {
    expect(cellText([run('๘', 10, 100), run('๘.๗๗', 10, 115)])).toBe('๘๘.๗๗')
    expect(cellText([run('1', 10, 100), run('00.00', 10, 115)])).toBe('100.00')
  })

  it('keeps lines apart otherwise', () => {
    expect(cellText([run('๑.', 10, 100), run('๒.', 10, 115)])).toBe('๑. ๒.')
    expect(cellText([run('ระยะ', 10, 100), run('เวลา', 10, 115)])).toBe('ระยะ เวลา')
    expect(cellText([run('2568', 10, 100), run('2569', 10, 115)])).toBe('2568 2569')
  })
})
