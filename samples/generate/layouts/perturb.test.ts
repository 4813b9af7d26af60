import { describe, expect, it } from 'vitest'
import { cell, heading, paragraph, type LayoutDoc, type TableBlock } from './blocks.js'
import { perturbationNamed, perturbDoc, PERTURBATIONS, wrapLine } from './perturb.js'

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
    expect(text('three-decimals', '๔.๑๐ ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต ผลคะแนน ๘๘.๘๙ คะแนน')).toBe('๔.๑๐ ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต ผลคะแนน ๘๘.๘๙๐ คะแนน')
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

  it('uncoded-sentences leaves out an item sentence\'s clause word and code, in any code form, and nothing else', () => {
    const { paragraph } = perturbationNamed('uncoded-sentences')
    expect(['ข้อ i3 การเผยแพร่ ได้คะแนน 89.82 คะแนน', 'ข้อ [o12] ข้อมูลผู้บริหาร ได้คะแนน 100.00 คะแนน', 'ข้อ IIT-03 การ ได้ 1', 'ข้อ ๑.๒ การ ได้ 1'].map((s) => paragraph!(s, false))).toEqual([
      'การเผยแพร่ ได้คะแนน 89.82 คะแนน',
      'ข้อมูลผู้บริหาร ได้คะแนน 100.00 คะแนน',
      'การ ได้ 1',
      'การ ได้ 1',
    ])
    expect(paragraph!('ข้อเสนอแนะ i3 การ', false)).toBe('ข้อเสนอแนะ i3 การ')
  })

  it('upper-codes capitalises item codes, not words', () => {
    expect(text('upper-codes', 'i1 e10 o23 is ok')).toBe('I1 E10 O23 is ok')
  })

  it('score-unit gives a body cell holding only a score its unit, not a header, a longer cell or an outline number', () => {
    const table: TableBlock = { kind: 'table', columns: [1, 1], repeatHeader: 1, role: 'summary', rows: [
      { cells: [cell('ตัวชี้วัด', { header: true }), cell('89.41', { header: true })] },
      { cells: [cell('การปฏิบัติหน้าที่ 89.41'), cell('89.41')] },
      { cells: [cell('1.1'), cell('๘๙,๔๑')] },
    ] }
    const doc: LayoutDoc = { title: 't', blocks: [heading(1, 'ผล 89.41'), paragraph('ได้ 89.41'), table] }
    const out = perturbDoc(doc, perturbationNamed('score-unit'))
    expect((out.blocks[2] as TableBlock).rows.map((r) => r.cells.map((c) => c.lines.join('/')))).toEqual([['ตัวชี้วัด', '89.41'], ['การปฏิบัติหน้าที่ 89.41', '89.41 คะแนน'], ['1.1', '๘๙,๔๑ คะแนน']])
    expect(out.blocks.slice(0, 2)).toEqual(doc.blocks.slice(0, 2))
  })

  it('rewrap breaks a line only at spaces and between Thai words, never inside a number, code or date', () => {
    const line = 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้ 89.41 คะแนน (IIT-03) ระยะเวลา 1/10/2568 - 30/9/2569 พ.ศ. 2568'
    for (const width of [6, 10, 15, 30]) {
      const lines = wrapLine(line, width)
      expect(lines.join(' ').replace(/\s+/g, '')).toBe(line.replace(/\s+/g, ''))
      for (const token of ['89.41', '(IIT-03)', '1/10/2568', '30/9/2569', '2568']) expect(lines.some((l) => l.includes(token))).toBe(true)
      expect(lines.every((l) => l === l.trim() && l !== '')).toBe(true)
    }
    expect(wrapLine('สำนักงานปลัดองค์การบริหารส่วนตำบล', 12)).toEqual(['สำนักงานปลัด', 'องค์การ', 'บริหารส่วน', 'ตำบล'])
    expect(wrapLine('89.41', 2)).toEqual(['89.41'])
  })

  it('rewrap wraps cells (header cells too) and paragraphs, not bold paragraphs or headings, the same way on every run', () => {
    const long = 'ผู้บริหารได้มอบหมายให้ทุกส่วนราชการร่วมกันจัดทำมาตรการเพื่อแก้ไขประเด็นที่ได้คะแนนต่ำ ตามแนวทางที่สำนักงาน ป.ป.ช. กำหนด'
    const table: TableBlock = { kind: 'table', columns: [1, 1], repeatHeader: 1, role: 'measures', rows: [
      { cells: [cell('ประเด็นที่ต้องพัฒนา ผู้รับผิดชอบ', { header: true }), cell('คะแนน', { header: true })] },
      { cells: [cell(['1. จัดทำคำสั่งแต่งตั้งคณะทำงานเพื่อกำกับติดตาม', '2. รายงานผล']), cell('89.41')] },
    ] }
    const doc: LayoutDoc = { title: 't', blocks: [heading(2, long), paragraph(long), paragraph(long, { bold: true }), table] }
    const out = perturbDoc(doc, perturbationNamed('rewrap'))
    expect(out).toEqual(perturbDoc(doc, perturbationNamed('rewrap')))
    expect(out.blocks.slice(0, 3).map((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? b.text.split('\n').length : 0))).toEqual([1, expect.any(Number), 1])
    expect((out.blocks[1] as { text: string }).text.split('\n').length).toBeGreaterThan(1)
    const [head, body] = (out.blocks[3] as TableBlock).rows
    expect(head!.cells[0]!.lines.length).toBeGreaterThan(1)
    expect(body!.cells[0]!.lines.length).toBeGreaterThan(2)
    expect(body!.cells[0]!.lines.filter((l) => /^[12]\./.test(l))).toHaveLength(2)
    expect(body!.cells[1]!.lines).toEqual(['89.41'])
  })

  it('odd-spaces changes only the kind of space', () => {
    const s = 'ตัวชี้วัดที่ 1 ได้ 89.41 คะแนน พ.ศ. 2568'
    const out = text('odd-spaces', s)
    expect(out).not.toBe(s)
    expect(out.replace(/[\s\u00a0\u2009\u3000]+/g, ' ')).toBe(s)
  })

  it('colon puts a colon between a label and its value, spaced one of three ways, and respaces colons after Thai', () => {
    const outs = ['ผลคะแนนที่ได้ 89.41 คะแนน', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ คะแนน 90.00', 'ปีงบประมาณ พ.ศ. 2569', 'ระยะเวลา : 1 ต.ค. 68', 'https://itas.nacc.go.th 10:30'].map((s) => text('colon', s))
    expect(outs[0]).toMatch(/^ผลคะแนนที่ได้ ?: ?89\.41 คะแนน$/)
    expect(outs[1]).toMatch(/^ตัวชี้วัดที่ 1 ?: ?การปฏิบัติหน้าที่ คะแนน ?: ?90\.00$/)
    expect(outs[2]).toMatch(/^ปีงบประมาณ ?: ?พ\.ศ\. 2569$/)
    expect(outs[3]).toMatch(/^ระยะเวลา ?: ?1 ต\.ค\. 68$/)
    expect(outs[4]).toBe('https://itas.nacc.go.th 10:30')
    expect(outs.slice(0, 4).map((o) => o.replace(/ ?: ?/g, ' ').replace(/ : /g, ' '))).toEqual(['ผลคะแนนที่ได้ 89.41 คะแนน', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ คะแนน 90.00', 'ปีงบประมาณ พ.ศ. 2569', 'ระยะเวลา 1 ต.ค. 68'])
  })

  it("autoformat curls quotes and turns a spaced hyphen into an en dash, keeping a minus sign and a code's hyphen", () => {
    expect(text('autoformat', 'ระดับ "ผ่าน" 1 ต.ค. 68 - 30 ก.ย. 69 ผลต่าง -1.97 IIT-03 ...')).toBe('ระดับ \u201cผ่าน\u201d 1 ต.ค. 68 \u2013 30 ก.ย. 69 ผลต่าง -1.97 IIT-03 \u2026')
    expect(text('autoformat', 'ต.ค. 68 – ก.ย. 69')).toBe('ต.ค. 68 - ก.ย. 69')
  })

  it('sara-am writes ำ as nikhahit and sara aa, which reads the same once normalised', () => {
    const out = text('sara-am', 'ดำเนินการ กำแพงแสน')
    expect(out).toBe('ด\u0e4d\u0e32เนินการ ก\u0e4d\u0e32แพงแสน')
    expect(out).not.toContain('\u0e33')
  })

  it('names each perturbation once, and an unknown name is refused', () => {
    expect(new Set(PERTURBATIONS.map((p) => p.name)).size).toBe(PERTURBATIONS.length)
    expect(() => perturbationNamed('nope')).toThrow(/one of thai-digits/)
  })
})
