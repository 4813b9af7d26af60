import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NONGBUA_FIXTURE, SAMPLE_DIR, SEED_ROW_SHIFTS } from './generate-samples.js'
import { htmlRowCells, paragraphsOf, parseTranscript } from './parse-transcript.js'
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
      expect(m.rows).toHaveLength(1)
      expect(m.rows[0]).toHaveLength(7)
      expect(m.legend).toHaveLength(5)
      expect(m.caption).toBe('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร')
    }
    const cellsOf = (i: number) => content.measures[i]!.rows[0]!
    const analysisOf = (i: number): string => cellsOf(i)[3]!.join(' ')
    expect(analysisOf(0)).toContain('ช่องว่างเล็กน้อยที่ควรพัฒนาเพิ่มเติม')
    // misaligned continuation rows go back to the column whose sentence they continue
    expect(analysisOf(4)).toContain('ผู้กระทำความผิดอย่างจริงจัง')
    expect(analysisOf(8)).toContain('เป็นรูปธรรมนอกจากนี้')
    expect(cellsOf(8)[4]!.join(' ')).toContain('ผ่านโครงการเสริมสร้างวินัยคุณธรรม')
    expect(cellsOf(7)[5]).toEqual(['๑ ตุลาคม ๒๕๖๔ - ๓๐ กันยายน ๒๕๖๕'])
  })

  it('leaves no transcript markup in the content', () => {
    expect(JSON.stringify(content)).not.toMatch(/<\/?p>|\t|--\s*--/)
  })

  it('throws a clear error on text that is not such a transcript', () => {
    expect(() => parseTranscript('just a line\n')).toThrow(/result heading/)
  })
})

describe('parseTranscript (Markdown fixture: nongbua)', () => {
  const md = parseTranscript(readFileSync(NONGBUA_FIXTURE, 'utf8'))

  it('reads # headings and **bold** lines as the title block, without the markup', () => {
    expect(md.titleLines).toEqual([
      'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
      'เทศบาลตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี',
    ])
    expect(md.resultHeading).toMatch(/^ผลการประเมิน ITA ของเทศบาลตำบลหนองบัว .* ไม่ผ่าน$/)
    expect(md.intro).toEqual([])
  })

  it('reads the pipe tables: summary with tool scores, detail list across the page marker', () => {
    expect(md.summary).toHaveLength(10)
    expect(md.summary.map((r) => r.toolScore).filter(Boolean)).toEqual(['๗๙.๓๔', '๘๖.๔๘', '๘๑.๐๐'])
    expect([...toolGroupSizes(md.summary).values()]).toEqual([5, 3, 2])
    expect(md.detailHeader).toEqual(['ประเด็นการประเมิน', 'คะแนนที่ได้'])
    expect(md.detail).toHaveLength(62)
    expect(md.detail.filter((r) => r.kind === 'indicator')).toHaveLength(10)
    expect(md.detail.some((r) => r.text === 'ประเด็นการประเมิน')).toBe(false)
    // mangled codes kept as printed
    expect(md.detail.filter((r) => /^(l๑|I๒|๑๓|c๗|0๒|๐11|๒๐) /.test(r.text))).toHaveLength(7)
    expect(md.detail.at(-1)).toMatchObject({ kind: 'item', score: '๑๐๐.๐๐' })
  })

  it('splits the analysis: heading, overall paragraph, ten indicator headings', () => {
    expect(md.analysis[0]).toEqual({ kind: 'heading', text: 'การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘' })
    expect(md.analysis[1]?.text).toContain('ต่ำกว่าปีที่ผ่านมา ๑.๒๕ คะแนน')
    expect(md.analysis.filter((b) => b.kind === 'indicator-heading')).toHaveLength(10)
  })

  it('reads the HTML measures tables: no intro, a continuation row merged, two measures kept apart', () => {
    expect(md.measures).toHaveLength(2)
    const [four, nine] = md.measures
    expect(four).toMatchObject({ intro: '', legend: [], caption: 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร' })
    expect(four!.header).toHaveLength(7)
    expect(four!.rows).toHaveLength(1)
    expect(four!.rows[0]![4]).toEqual(['๑. ประชุมชี้แจง', '๒. ติดตามผล', '๓. รายงานผลต่อผู้บริหาร'])
    expect(four!.rows[0]![5]).toEqual(['ต.ค. ๖๘ - ก.ย. ๖๙'])
    expect(nine!.header[0]).toBe('ตัวชี้วัดที่ ๙')
    expect(nine!.rows.map((r) => r[0]![0]!.split(' ')[0])).toEqual(['o๗', '๑๒'])
    expect(nine!.rows.map((r) => r[5])).toEqual([['ปีงบประมาณ ๒๕๖๙'], ['๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙']])
  })

  it('leaves no transcript markup in the content', () => {
    expect(JSON.stringify(md)).not.toMatch(/<\/?(p|br|td|th|tr|table)\b|<!--|\*\*|"#|\|/)
  })

  it('htmlRowCells: th and td cells, attributes, <br> as paragraph breaks, entities', () => {
    expect(htmlRowCells('<tr><td colspan="7">ก &amp; ข</td></tr>')).toEqual(['ก & ข'])
    expect(htmlRowCells('<tr><th>ก</th><td>๑. ก<br>๒. ข</td><td></td></tr>')).toEqual(['ก', '<p>๑. ก</p><p>๒. ข</p>', ''])
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

  it('sets another font family when asked, and prints every measures row', () => {
    const md = parseTranscript(readFileSync(NONGBUA_FIXTURE, 'utf8'))
    const html = renderReportHtml(md, { regular: 'file:///r.ttf', bold: 'file:///b.ttf', family: 'K2D' })
    expect(html).toContain("font-family: 'K2D'")
    expect(html).not.toContain('Sarabun')
    expect(html.match(/<section class="measures">/g)).toHaveLength(2)
    expect(html).not.toContain('class="intro"')
    expect(html).toContain('o๗ รายงานผลการดำเนินงานประจำปี')
    expect(html).toContain('๑๒ รายงานการจัดซื้อจัดจ้าง')
  })
})
