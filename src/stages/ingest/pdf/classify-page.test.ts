import { describe, expect, it } from 'vitest'
import { classifyPage, measureText, type TextLayerStats } from './classify-page.js'

const stats = (text: string, extra: Partial<TextLayerStats> = {}): TextLayerStats => ({ ...measureText(text), imageCoverage: 0, paintedPaths: 0, ...extra })
const good = 'ผู้ที่เกี่ยวข้องทุกท่านได้ชี้แจงเรื่องน้ำท่วม ตัวชี้วัดที่ ๑ ได้ ๙๓.๕๕ คะแนน '.repeat(3)

describe('measureText', () => {
  it.each([
    ['well-formed Thai', 'ผู้ที่เกี่ยวข้อง น้ำ ที่ ๙๓.๕๕', { unreadable: 0, orphanMarks: 0, splitSaraAm: 0 }],
    ['NUL where a mark was (pdf.js without ActualText)', 'ที\0 เกี\0ยว', { unreadable: 2, orphanMarks: 0 }],
    ['replacement and private-use characters', 'ab\uFFFD\uE001', { unreadable: 2 }],
    ['a tone mark after a space', 'ที ่ยว', { orphanMarks: 1 }],
    ['split sara am', 'น\u0E49\u0E4D\u0E32 ท\u0E4D\u0E32', { splitSaraAm: 2, orphanMarks: 0 }],
  ])('%s', (_name, text, expected) => {
    expect(measureText(text)).toMatchObject(expected)
  })
})

describe('classifyPage', () => {
  it('trusts a clean text layer', () => {
    expect(classifyPage(stats(good), 'auto')).toEqual({ readBy: 'pdf-text' })
  })
  it('sends an image-only page to OCR and says why', () => {
    expect(classifyPage(stats('', { imageCoverage: 0.98 }), 'auto')).toMatchObject({ readBy: 'ocr', reason: expect.stringMatching(/image-only page \(98%/) })
  })
  it('sends a damaged layer to OCR', () => {
    const damaged = good.replace(/่/g, '\0')
    expect(classifyPage(stats(damaged), 'auto')).toMatchObject({ readBy: 'ocr', reason: expect.stringMatching(/damaged text layer/) })
  })
  it('sends a scan with a few characters stamped on it to OCR', () => {
    expect(classifyPage(stats('หน้า ๑', { imageCoverage: 0.9 }), 'auto')).toMatchObject({ readBy: 'ocr', reason: expect.stringMatching(/mostly image/) })
  })
  it('calls an empty page with nothing drawn blank', () => {
    expect(classifyPage(stats(''), 'auto')).toEqual({ readBy: 'blank' })
  })
  it('honours --ocr always and --ocr never', () => {
    expect(classifyPage(stats(good), 'always').readBy).toBe('ocr')
    expect(classifyPage(stats('', { imageCoverage: 1 }), 'never')).toMatchObject({ readBy: 'pdf-text', note: expect.stringMatching(/would need OCR/), untrusted: true })
  })
})
