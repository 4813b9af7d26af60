import { describe, expect, it } from 'vitest'
import { measurePartLabel, withoutGloss } from './vocabulary.js'

describe('withoutGloss', () => {
  it('takes the English gloss off a header cell, in brackets, after a slash or plain', () => {
    expect(['ลำดับ No.', 'คะแนน / Score', 'ตัวชี้วัด (Indicator)', 'ผู้รับผิดชอบ (Responsible) / Owner', 'No.'].map(withoutGloss)).toEqual([
      'ลำดับ', 'คะแนน', 'ตัวชี้วัด', 'ผู้รับผิดชอบ', 'No.',
    ])
  })

  it('gives up a long English run that does not end the text at once (a glossary line took minutes)', () => {
    const line = `ภาคผนวก ${'Integrity and Transparency Assessment (ITA) / Internal '.repeat(20)}๑`
    expect(withoutGloss(line)).toBe(line)
    expect(measurePartLabel(line)).toBeUndefined()
  })
})
