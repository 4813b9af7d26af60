import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fixSaraAm,
  fullWidthToAscii,
  normaliseSpaces,
  normaliseText,
  stripInvisible,
  stripMarkdown,
  stripTags,
  thaiDigitsToAscii,
} from './normalise-thai.js'
import type { Doc } from '../../model/document.js'
import { normaliseDoc } from './normalise-doc.js'

describe('thaiDigitsToAscii', () => {
  it.each([
    ['๙๓.๕๕', '93.55'],
    ['๑๐๐.๐๐', '100.00'],
    ['1๐', '10'],
    ['๒๕๖๘', '2568'],
    ['１２', '12'],
    ['ไม่มีตัวเลข', 'ไม่มีตัวเลข'],
  ])('%s -> %s', (input, expected) => expect(thaiDigitsToAscii(input)).toBe(expected))

  it('keeps the length, so positions in raw and converted text agree', () => {
    fc.assert(fc.property(fc.string(), (s) => thaiDigitsToAscii(s).length === s.length))
  })
})

describe('fixSaraAm', () => {
  it.each([
    ['nikhahit + sara aa', 'ท\u0E4D\u0E32งาน', 'ทำงาน'],
    ['nikhahit + tone + sara aa', 'น\u0E4D\u0E49\u0E32', 'น\u0E49\u0E33'],
    ['doubled sara am + sara aa', 'ทำาน', 'ทำน'],
    ['correct text untouched', 'การดำเนินงาน', 'การดำเนินงาน'],
  ])('%s', (_name, input, expected) => expect(fixSaraAm(input)).toBe(expected))
})

describe('stripInvisible', () => {
  it.each([
    ['zero-width space', 'ภาษา\u200Bไทย', 'ภาษาไทย'],
    ['BOM and soft hyphen', '\uFEFFคะ\u00ADแนน', 'คะแนน'],
    ['control characters', 'a\u0007b\u001Fc', 'abc'],
    ['keeps tab and newline', 'a\tb\nc', 'a\tb\nc'],
  ])('%s', (_name, input, expected) => expect(stripInvisible(input)).toBe(expected))
})

describe('stripTags and stripMarkdown', () => {
  it('removes <p> fragments and decodes basic entities', () => {
    expect(normaliseSpaces(stripTags('<p>๑. จัดประชุม</p> <p>๒. รายงาน&nbsp;ผล</p>'))).toBe('๑. จัดประชุม ๒. รายงาน ผล')
  })
  it('removes Markdown emphasis and stray pipes', () => {
    expect(normaliseSpaces(stripMarkdown('| **(หน่วยงานวิเคราะห์เอง)** |'))).toBe('(หน่วยงานวิเคราะห์เอง)')
  })
  it('converts full-width punctuation', () => expect(fullWidthToAscii('（๑）')).toBe('(๑)'))
})

describe('normaliseSpaces', () => {
  it.each([
    ['runs of white space', '  ผล   การ\tประเมิน  ', 'ผล การ ประเมิน'],
    ['space before a combining mark', 'ตัวชี ้วัด', 'ตัวชี้วัด'],
    ['non-breaking space', 'คะแนน\u00A090.42', 'คะแนน 90.42'],
  ])('%s', (_name, input, expected) => expect(normaliseSpaces(input)).toBe(expected))
})

describe('normaliseText', () => {
  it('applies every repair', () => {
    expect(normaliseText('<p>๑๕ ทำาน\u200Bเชื่อมั่น  ๙๒.๖๗</p>')).toBe('15 ทำนเชื่อมั่น 92.67')
  })
  it('can keep Thai digits', () => expect(normaliseText('๙๓.๕๕', { asciiDigits: false })).toBe('๙๓.๕๕'))
  it('is NFC', () => expect(normaliseText('e\u0301')).toBe('\u00E9'))

  it('is idempotent', () => {
    const thai = fc.string({ unit: fc.constantFrom(...'กขคงำาิีึืุู่้๊๋ํ๐๑๒๓๔๕๖๗๘๙ .\u200B<p>/|*\t'.split('')) })
    fc.assert(fc.property(fc.oneof(fc.string(), thai), (s) => {
      const once = normaliseText(s)
      expect(normaliseText(once)).toBe(once)
    }))
  })
})

describe('square brackets read by OCR', () => {
  const page = (readBy: 'ocr' | 'pdf-text', raw: string): Doc => ({
    source: { file: 'x.pdf', kind: 'pdf', sha256: '', pageCount: 1 },
    pages: [{ number: 1, readBy, blocks: [{ kind: 'line', id: 'l1', text: raw, raw, origin: { page: 1, source: readBy } }] }],
    issues: [],
    timings: {},
  })
  const textOf = (doc: Doc) => (doc.pages[0]!.blocks[0] as { text: string }).text

  it("are round ones in a page read by OCR (tesseract's Thai model reads ) as ]), kept as printed elsewhere", () => {
    expect(textOf(normaliseDoc(page('ocr', '1] สำรวจความคิดเห็น หรือไม่ [คะแนน ๗๔.๐๘]')))).toBe('1) สำรวจความคิดเห็น หรือไม่ (คะแนน 74.08)')
    expect(textOf(normaliseDoc(page('pdf-text', 'ตาม [1] ของระเบียบ')))).toBe('ตาม [1] ของระเบียบ')
  })
})
