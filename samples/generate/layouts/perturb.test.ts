import { describe, expect, it } from 'vitest'
import { cell, heading, paragraph, type LayoutDoc, type TableBlock } from './blocks.js'
import { perturbationNamed, perturbDoc, PERTURBATIONS } from './perturb.js'

const text = (name: string, s: string) => perturbationNamed(name).text(s)

describe('perturbations', () => {
  it('thai-digits turns numbers into Thai digits and leaves codes alone', () => {
    expect(text('thai-digits', 'i12 ได้ 89.41 คะแนน (IIT-03) พ.ศ. 2568')).toBe('i12 ได้ ๘๙.๔๑ คะแนน (IIT-03) พ.ศ. ๒๕๖๘')
  })

  it('arabic-digits turns Thai digits into Arabic', () => {
    expect(text('arabic-digits', 'ตัวชี้วัดที่ ๑๐ ได้ ๗๓.๖๘')).toBe('ตัวชี้วัดที่ 10 ได้ 73.68')
  })

  it('three-decimals adds a zero to two-decimal numbers only, in their own digits', () => {
    expect(text('three-decimals', '89.41 และ ๗๓.๖๘ คะแนน, 100 คะแนน, 30.09.2568, 1.2.3, 5.5')).toBe('89.410 และ ๗๓.๖๘๐ คะแนน, 100 คะแนน, 30.09.2568, 1.2.3, 5.5')
  })

  it('tight takes the space out between a Thai word and the number after it', () => {
    expect(text('tight', 'ตัวชี้วัดที่ 1 ได้ 89.41 คะแนน พ.ศ. 2568')).toBe('ตัวชี้วัดที่1 ได้89.41 คะแนน พ.ศ.2568')
  })

  it('zwsp puts a zero-width space between Thai words and nowhere else', () => {
    const out = text('zwsp', 'การปฏิบัติหน้าที่ 89.41 IIT')
    expect(out.replaceAll('\u200b', '')).toBe('การปฏิบัติหน้าที่ 89.41 IIT')
    expect(out.split('\u200b').length).toBeGreaterThan(2)
    expect(out).not.toMatch(/\u200b[ 0-9A-Z]|[ 0-9A-Z]\u200b/)
  })

  it('upper-codes capitalises item codes, not words', () => {
    expect(text('upper-codes', 'i1 e10 o23 is ok')).toBe('I1 E10 O23 is ok')
  })

  it('score-unit gives a body cell holding only a score its unit, not a header or a longer cell', () => {
    const table: TableBlock = { kind: 'table', columns: [1, 1], repeatHeader: 1, role: 'summary', rows: [
      { cells: [cell('ตัวชี้วัด', { header: true }), cell('89.41', { header: true })] },
      { cells: [cell('การปฏิบัติหน้าที่ 89.41'), cell('89.41')] },
    ] }
    const doc: LayoutDoc = { title: 't', blocks: [heading(1, 'ผล 89.41'), paragraph('ได้ 89.41'), table] }
    const out = perturbDoc(doc, perturbationNamed('score-unit'))
    expect((out.blocks[2] as TableBlock).rows.map((r) => r.cells.map((c) => c.lines.join('/')))).toEqual([['ตัวชี้วัด', '89.41'], ['การปฏิบัติหน้าที่ 89.41', '89.41 คะแนน']])
    expect(out.blocks.slice(0, 2)).toEqual(doc.blocks.slice(0, 2))
  })

  it('names each perturbation once, and an unknown name is refused', () => {
    expect(new Set(PERTURBATIONS.map((p) => p.name)).size).toBe(PERTURBATIONS.length)
    expect(() => perturbationNamed('nope')).toThrow(/one of thai-digits/)
  })
})
