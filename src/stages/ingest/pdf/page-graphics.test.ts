import { describe, expect, it } from 'vitest'
import { clippedAway } from './page-graphics.js'

describe('clippedAway', () => {
  // blind-v7-02 Chromium (landscape A4): text is clipped to the printable area, y 34-561; a footnote
  // line printed across the page break leaves its glyph tops at y 561-581 on page 1.
  const area = { x0: 33.75, y0: 33.96, x1: 807.6, y1: 561.2 }
  const run = (text: string, y0: number) => ({ text, bbox: { x0: 47.8, y0, x1: 60, y1: y0 + 19.4 } })

  it('takes out runs whose centre lies outside every box text was clipped to', () => {
    const inside = run('การป้องกันการทุจริต', 535.1)
    const below = run('ชี้', 561.3)
    expect([...clippedAway([inside, below], [area])]).toEqual([below])
  })

  it('takes out nothing when some text was drawn with no clip', () => {
    expect(clippedAway([run('ชี้', 561.3)], undefined).size).toBe(0)
  })
})
