import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_DIR, SEED_ROW_SHIFTS } from './generate-samples.js'
import { paragraphsOf, parseTranscript } from './parse-transcript.js'
import { renderReportHtml, toolGroupSizes, withStepBreaks } from './render-html.js'

const transcript = readFileSync(join(SAMPLE_DIR, 'transcript.txt'), 'utf8')
const content = parseTranscript(transcript, { misalignedRowShifts: SEED_ROW_SHIFTS })

describe('parseTranscript (seed transcript)', () => {
  it('finds the title block and the result heading', () => {
    expect(content.titleLines).toEqual([
      'การนำผลการประเมิน ITA',
      'ไปสู่การพัฒนาองค์กรงบประมาณ พ.ศ. ๒๕๖๘',
      'ของ องค์การบริหารส่วนตำบลบ้านกุ่ม',
      'อำเภอสองพี่น้อง จังหวัดสุพรรณบุรี',
    ])
    expect(content.resultHeading).toMatch(/^ผลการประเมิน ITA ของ/)
  })

  it('keeps the summary rows and the printed tool scores, inconsistent ones included', () => {
    expect(content.summary).toHaveLength(10)
    expect(content.summary.map((r) => r.toolScore).filter(Boolean)).toEqual(['๙๓.๕๕', '๙๗.๕๖', '๙๙.๕๖'])
    expect([...toolGroupSizes(content.summary).values()]).toEqual([5, 3, 2])
  })

  it('drops the repeated detail headers and keeps every item row as printed', () => {
    expect(content.detail).toHaveLength(62)
    expect(content.detail.filter((r) => r.kind === 'indicator')).toHaveLength(10)
    expect(content.detail.some((r) => r.text === 'ประเด็นการประเมิน')).toBe(false)
    // the detail list prints ๙๙.๖๗ for indicator 6 where the summary prints ๙๘.๖๗: kept
    expect(content.detail.find((r) => r.text.startsWith('ตัวชี้วัดที่ ๖'))?.score).toBe('๙๙.๖๗')
    expect(content.detail.find((r) => r.text.startsWith('๐๑๐ '))?.text).toBe('๐๑๐ E-Service')
  })

  it('splits the analysis into headings and prose', () => {
    expect(content.analysis.filter((b) => b.kind === 'indicator-heading')).toHaveLength(10)
    expect(content.analysis.filter((b) => b.kind === 'page-heading')).toHaveLength(4)
    expect(content.analysis.find((b) => b.text.includes('คะแนน ๙๑.๗๔'))?.kind).toBe('indicator-heading')
  })

  it('merges page-continuation rows into the one data row of each measures table', () => {
    expect(content.measures.map((m) => m.header[0])).toEqual([
      'ตัวชี้วัดที่ ๑', 'ตัวชี้วัดที่ ๒', 'ตัวชี้วัดที่ ๓', 'ตัวชี้วัดที่ ๔', 'ตัวชี้วัดที่ ๕',
      'ตัวชี้วัดที่ ๖', 'ตัวชี้วัดที่ ๗', 'ตัวชี้วัดที่ ๔', 'ตัวชี้วัดที่ ๑๐',
    ])
    for (const m of content.measures) {
      expect(m.header).toHaveLength(7)
      expect(m.cells).toHaveLength(7)
      expect(m.legend).toHaveLength(5)
      expect(m.caption).toBe('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร')
    }
    const analysisOf = (i: number): string => content.measures[i]!.cells[3]!.join(' ')
    expect(analysisOf(0)).toContain('ช่องว่างเล็กน้อยที่ควรพัฒนาเพิ่มเติม')
    // misaligned continuation rows go back to the column whose sentence they continue
    expect(analysisOf(4)).toContain('ผู้กระทำความผิดอย่างจริงจัง')
    expect(analysisOf(8)).toContain('เป็นรูปธรรมนอกจากนี้')
    expect(content.measures[8]!.cells[4]!.join(' ')).toContain('ผ่านโครงการเสริมสร้างวินัยคุณธรรม')
    expect(content.measures[7]!.cells[5]).toEqual(['๑ ตุลาคม ๒๕๖๔ - ๓๐ กันยายน ๒๕๖๕'])
  })

  it('leaves no transcript markup in the content', () => {
    expect(JSON.stringify(content)).not.toMatch(/<\/?p>|\t|--\s*--/)
  })

  it('throws a clear error on text that is not such a transcript', () => {
    expect(() => parseTranscript('just a line\n')).toThrow(/result heading/)
  })
})

describe('render helpers', () => {
  it.each([
    ['Thai step numbers', '๑. ก ๒. ข', '๑. ก<br>๒. ข'],
    ['Arabic step numbers', '1. a 2. b', '1. a<br>2. b'],
    ['scores are not steps', 'ได้ ๙๓.๓๓ คะแนน', 'ได้ ๙๓.๓๓ คะแนน'],
    ['dates are not steps', '๑ ตุลาคม ๒๕๖๘', '๑ ตุลาคม ๒๕๖๘'],
  ])('withStepBreaks: %s', (_name, input, expected) => {
    expect(withStepBreaks(input)).toBe(expected)
  })

  it('paragraphsOf splits <p> fragments and drops empty ones', () => {
    expect(paragraphsOf('<p>ก  ข</p> <p>ค</p>')).toEqual(['ก ข', 'ค'])
    expect(paragraphsOf('   ')).toEqual([])
  })

  it('lays the measures tables on landscape pages and spans the tool scores', () => {
    const html = renderReportHtml(content, { regular: 'file:///r.ttf', bold: 'file:///b.ttf' })
    expect(html).toContain('@page landscape { size: A4 landscape')
    expect(html.match(/<section class="measures">/g)).toHaveLength(9)
    expect(html.match(/rowspan="(\d+)"/g)).toEqual(['rowspan="5"', 'rowspan="3"', 'rowspan="2"'])
    expect(html).not.toContain('<script')
  })
})
