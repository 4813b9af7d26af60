import { describe, expect, it } from 'vitest'
import { closeNumberGaps } from './text-runs.js'

describe('closeNumberGaps', () => {
  it('drops the space pdf.js writes inside a number of a justified line', () => {
    // samples/layouts/heldout-07-scored-titles/libreoffice.pdf, page 6, as pdf.js reads it.
    expect(closeNumberGaps('ได้คะแนน ๘๓ .๗๓ คะแนน')).toBe('ได้คะแนน ๘๓.๗๓ คะแนน')
  })

  it('keeps spaces that separate words, numbers and list items', () => {
    expect(closeNumberGaps('ข้อ 1. ประกาศ 2. จัดทำ')).toBe('ข้อ 1. ประกาศ 2. จัดทำ')
    expect(closeNumberGaps('2568 - 2569')).toBe('2568 - 2569')
    expect(closeNumberGaps('ข้อ 3 ,4 และ 5')).toBe('ข้อ 3 ,4 และ 5')
    expect(closeNumberGaps('๘๓.๗๓ คะแนน')).toBe('๘๓.๗๓ คะแนน')
  })
})
