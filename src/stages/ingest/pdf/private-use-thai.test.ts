/**
 * A text layer in a legacy Thai font (TH SarabunPSK-style) whose marks are private-use code points
 * U+F700-U+F71A (test/fixtures/pdf/private-use-thai.pdf, made by make-pua-fixture.ts): read from the
 * text layer with the real marks, and the provenance says they were mapped.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../../../_internal/package-root.js'
import { describe, expect, it } from 'vitest'
import { readPdf } from './read-pdf.js'
import { PDF_READER_PUA } from './number-boxes.js'
import { mapPrivateUseThai } from './private-use-thai.js'

const file = join(packageRoot(), 'test', 'fixtures', 'pdf', 'private-use-thai.pdf')
const SOURCE = ['ผู้ที่เกี่ยวข้องได้คะแนน ๙๓.๕๕', 'น้ำท่วมปีงบประมาณ พ.ศ. ๒๕๖๘', 'ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต']

describe('private-use Thai marks', () => {
  it("maps the private-use table to the real marks", () => {
    expect(mapPrivateUseThai('\uF70B\uF719\uF701x').text).toBe('\u0E49\u0E39\u0E34x')
  })

  it('are read as the real marks from the text layer, not sent to OCR, and provenance says so', async () => {
    const { doc, needsOcr } = await readPdf(readFileSync(file), { file: 'private-use-thai.pdf' })
    expect(needsOcr).toEqual([])
    const lines = doc.pages[0]!.blocks.flatMap((b) => (b.kind === 'line' ? [b] : []))
    expect(lines.map((l) => l.raw)).toEqual(SOURCE)
    expect(lines.every((l) => l.origin.reader === PDF_READER_PUA)).toBe(true)
    expect(doc.issues.find((i) => i.code === 'private-use-thai')?.message).toMatch(/^page 1: \d+ Thai marks were private-use code points/)
  })

  it('without the mapping the page would be judged damaged', async () => {
    const { doc } = await readPdf(readFileSync(file), { file: 'private-use-thai.pdf', ocr: 'never' })
    const count = doc.issues.find((i) => i.code === 'private-use-thai')!.message.match(/(\d+) Thai marks/)![1]
    const chars = SOURCE.join('').replace(/\s/g, '').length
    expect(Number(count) / chars).toBeGreaterThan(0.02) // over the trust check's damage share
  })
})
