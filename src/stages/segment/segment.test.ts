import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../catalogue/catalogue.js'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows, type Row } from '../text/rows.js'
import { analysisScoreLine, indicatorIndexRow, isAnalysisHeading, isAnalysisRow, isMeasuresHeader, segmentRows } from './segment.js'
import { findIndicator, ONLY_A_SCORE } from '../text/thai-text.js'

const names = loadCatalogue(2568).indicators
const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' })))
const sectionOf = (text: string, needle: string) => {
  const sections = segmentRows(rowsOf(text), names)
  return Object.entries(sections).find(([, rows]) => rows.some((r: Row) => r.text.includes(needle)))?.[0]
}

describe('findIndicator', () => {
  it.each([
    ['ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่', 1, 'number+name'],
    ['1. การปฏิบัติหน้าที่', 1, 'number+name'],
    ['๓) การใช้อำนาจ', 3, 'number+name'],
    ['8 การปรับปรุงการทำงาน EIT', 8, 'number+name'],
    ['การเปิดเผยข้อมูล', 9, 'name'],
    ['2 การใช้อำนาจ', 3, 'name'],
    ['ตช. 7 ประสิทธิภาพการสื่อสาร', 7, 'number+name'],
    ['ตช ๑๐ การป้องกันการทุจริต', 10, 'number+name'],
  ])('%s -> indicator %i (%s)', (text, number, by) => {
    const found = findIndicator(normaliseTextForTest(text), names)?.found
    expect(found?.number).toBe(number)
    expect(found?.by).toBe(by)
  })

  it.each([
    ['a tool named with an indicator inside its name', 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)'],
    ['an item title', 'หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด'],
    ['prose that starts with a name', 'การปฏิบัติหน้าที่ของเจ้าหน้าที่ในหน่วยงานเป็นไปตามระเบียบและขั้นตอนที่กำหนดไว้ทุกประการ'],
    ['a bare ordinal', '3'],
  ])('names no indicator: %s', (_what, text) => {
    expect(findIndicator(text, names)).toBeUndefined()
  })
})

const normaliseTextForTest = (s: string) => rowsOf(s)[0]!.text

describe('isAnalysisHeading', () => {
  it.each([
    'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ คะแนน 93.55',
    'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (ได้ 89.41 คะแนน)',
    '1. การปฏิบัติหน้าที่ ได้คะแนน 89.41 คะแนน',
    'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้คะแนนร้อยละ 90.97',
    'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนน 79.17 คะแนน ในภาพรวมผู้มีส่วนได้ส่วนเสียมีความเห็นว่าหน่วยงานปฏิบัติงานได้ดี',
  ])('%s', (text) => expect(isAnalysisHeading(rowsOf(text)[0]!, names)).toBe(true))

  it.each([
    ['a summary line (no word for score)', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 93.55 93.02'],
    ['a footnote on the pass mark', '* ตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์ผ่าน (85.00 คะแนน)'],
    ['a sentence wrapped before the label it goes on to', 'สุด คือ ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร (77.03 คะแนน)'],
    ['a sentence on the highest-scoring indicator (ที่ opens a clause: no label)', 'ตัวชี้วัดที่ได้คะแนนสูงสุด คือ ตัวชี้วัดที่ 10 การป้องกันการทุจริต (100.00 คะแนน) ส่วนตัวชี้วัดที่ได้คะแนนต่ำสุด คือ ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร (77.03 คะแนน)'],
    ['a wrapped sentence ending with a tool\'s score', 'เปิดเผยข้อมูลสาธารณะ (OIT) ได้ 86.84 คะแนน'],
    ['prose mentioning a score late', 'หน่วยงานได้ดำเนินการตามแผนงานและโครงการอย่างต่อเนื่องตลอดทั้งปีงบประมาณ ทั้งการประชุมชี้แจงบุคลากร การจัดทำคู่มือ การเผยแพร่ข้อมูล และการติดตามผล จึงได้คะแนน 93.55 คะแนน'],
  ])('not %s', (_what, text) => expect(isAnalysisHeading(rowsOf(text)[0]!, names)).toBe(false))
})

describe('isMeasuresHeader', () => {
  it.each([
    '<table><tr><th>ตัวชี้วัดที่ ๑</th><th>ผลการประเมิน (คะแนน)</th><th>๑) มาตรการ/โครงการ/กิจกรรม</th><th>๒) วิเคราะห์</th><th>๓) ขั้นตอน</th><th>๔) ระยะเวลา</th><th>๕) ผู้รับผิดชอบ</th></tr></table>',
    '<table><tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ/แนวทางการพัฒนา</th><th>ขั้นตอน/วิธีการดำเนินการ</th><th>ผู้รับผิดชอบ</th><th>ระยะเวลาดำเนินการ</th></tr></table>',
    '<table><tr><th>ระยะเวลาดำเนินการ</th><th>การกำกับติดตามผล</th><th>ประเด็น</th><th>แนวทางการพัฒนา</th></tr></table>',
  ])('%s', (html) => expect(isMeasuresHeader(rowsOf(html)[0]!)).toBe(true))

  it('not a sentence of an analysis, wrapped short, that names an indicator and says คะแนน and ผู้รับผิดชอบ inside its words', () => {
    expect(isMeasuresHeader(rowsOf('ตัวชี้วัดคุณภาพการดำเนินงานมีประเด็นที่ได้คะแนนต่ำกว่าประเด็นอื่น อำเภอปากช่องควรกำหนดผู้รับผิดชอบ')[0]!)).toBe(false)
  })

  it("not a detail row whose indicator cell prints a score and whose item's text says ระยะเวลา", () => {
    const row = rowsOf('<table><tr><td>ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (๗๔.๐๑ คะแนน)</td><td>i1</td><td>การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด</td><td>๗๓.๖๑</td></tr></table>')[0]!
    expect(isMeasuresHeader(row)).toBe(false)
    expect(isAnalysisRow(row, names)).toBe(false)
  })

  it('not a measures row whose indicator cell spans its rows and whose score is printed มี', () => {
    const row = rowsOf(
      '<table><tr><td rowspan="2">ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล</td><td>o5 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน</td><td>มี</td><td>๑. จัดทำรายงานผลการดำเนินงานและเผยแพร่ภายในระยะเวลาที่กำหนด</td><td>๑. รายงานผลการดำเนินงานต่อผู้บริหาร<br>๒. ประชุมคณะทำงานเพื่อวิเคราะห์ผลการประเมินและกำหนดแนวทาง</td><td>หัวหน้าสำนักปลัด</td><td>ต.ค. ๒๕๖๘ - ก.ย. ๒๕๖๙</td></tr></table>',
    )[0]!
    expect(isMeasuresHeader(row)).toBe(false)
  })

  it('not an analysis laid out as a table, though its prose names measures', () => {
    const row = rowsOf(`<table><tr><td>ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ</td><td>89.09</td><td>${'หน่วยงานควรกำหนดมาตรการและระยะเวลาให้ผู้รับผิดชอบติดตามผลการใช้ทรัพย์สินของราชการอย่างต่อเนื่อง '.repeat(2)}</td></tr></table>`)[0]!
    expect(isMeasuresHeader(row)).toBe(false)
  })
})

describe('segmentRows', () => {
  const report = [
    '# รายงานผลการประเมิน ITA',
    'องค์การบริหารส่วนตำบลห้วยยาง ได้คะแนนรวม 81.71 คะแนน',
    '<table><tr><th>เครื่องมือการประเมิน</th><th>คะแนน</th></tr><tr><td>แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)</td><td>86.65</td></tr></table>',
    '<table><tr><th>ลำดับ</th><th>ตัวชี้วัด</th><th>เครื่องมือ</th><th>คะแนน</th></tr><tr><td>1</td><td>การปฏิบัติหน้าที่</td><td>IIT</td><td>84.39</td></tr><tr><td>2</td><td>การใช้งบประมาณ</td><td>IIT</td><td>91.89</td></tr></table>',
    '<table><tr><td colspan="2">ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</td><td>84.39</td></tr><tr><td>I1</td><td>การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด</td><td>87.91</td></tr></table>',
    'เมื่อเทียบกับปีงบประมาณ พ.ศ. 2567 ซึ่งได้คะแนน 84.50 คะแนน',
    'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (ได้ 84.39 คะแนน)',
    'หน่วยงานควรพัฒนาอย่างต่อเนื่อง',
    '<table><tr><th colspan="4">ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</th></tr><tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ</th><th>ขั้นตอน/วิธีการ</th><th>ระยะเวลา</th></tr></table>',
  ].join('\n\n')

  it.each([
    ['the tools table', 'แบบวัดการรับรู้', 'summary'],
    ['an indicator row named by ordinal and name', 'การใช้งบประมาณ IIT', 'summary'],
    ['a detail header row without a detail-list header', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 84.39', 'detail'],
    ['an item row with its code in a column', 'I1 การปฏิบัติงาน', 'detail'],
    ["last year's sentence", 'เมื่อเทียบกับ', 'overall'],
    ['an analysis heading in another phrasing', '(ได้ 84.39 คะแนน)', 'analysis'],
    ['a title row above a measures header', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่', 'measures'],
  ])('%s -> %s', (_what, needle, section) => {
    // The title row's text also starts the detail header row and the analysis heading: look at the last.
    const sections = segmentRows(rowsOf(report), names)
    const holder = Object.entries(sections).filter(([, rows]) => rows.some((r: Row) => r.text.includes(needle)))
    expect(holder.map(([name]) => name)).toContain(section)
  })

  it('keeps the intro total line in the title block', () => {
    expect(sectionOf(report, 'ได้คะแนนรวม 81.71')).toBe('title')
  })
})

describe('the overall analysis after the detail list', () => {
  it('starts at the total said of the agency by name', () => {
    const sections = segmentRows(
      rowsOf(
        '<table><tr><th>ประเด็นการประเมิน</th><th>คะแนนที่ได้</th></tr><tr><td>o28 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</td><td>0.00</td></tr></table>\n\n## ผลการประเมินในภาพรวม\n\nจากการประเมินทั้ง ๓ เครื่องมือ คะแนนเฉลี่ยในภาพรวมของสำนักงานสาธารณสุขอำเภอทุ่งสง คือ ๘๕.๕๔ คะแนน อยู่ในระดับ ผ่าน\n',
      ),
      names,
    )
    // Its heading goes with it.
    expect(sections.overall.map((r) => r.text)).toEqual(['## ผลการประเมินในภาพรวม', 'จากการประเมินทั้ง 3 เครื่องมือ คะแนนเฉลี่ยในภาพรวมของสำนักงานสาธารณสุขอำเภอทุ่งสง คือ 85.54 คะแนน อยู่ในระดับ ผ่าน'])
  })
})

describe('a summary ranked by score', () => {
  it('stays one summary though its indicator numbers go down within the table', () => {
    const text = `<table>
<tr><th>ลำดับ</th><th>ตัวชี้วัด</th><th>เครื่องมือ</th><th>คะแนน</th><th>ผลการ<br>ประเมิน</th></tr>
<tr><td>1</td><td>ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน</td><td>EIT</td><td>97.56</td><td>ผ่าน</td></tr>
<tr><td>2</td><td>ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต</td><td>IIT</td><td>93.33</td><td>ผ่าน</td></tr>
<tr><td>3</td><td>ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</td><td>IIT</td><td>80.77</td><td>ไม่ผ่าน</td></tr>
</table>`
    const sections = segmentRows(rowsOf(text), names)
    expect([sections.summary.length, sections.detail.length]).toEqual([4, 0])
  })

  const part = (rows: [number, string, number][]) => `<table>\n${rows.map(([n, name, score]) => `<tr><td>${n}</td><td>ตัวชี้วัดที่ ${name}</td><td>${score}</td></tr>`).join('\n')}\n</table>`
  const first = part([[6, '6 คุณภาพการดำเนินงาน', 97.56], [5, '5 การแก้ไขปัญหาการทุจริต', 93.33]])
  it('stays one summary over a page break, the table going on without its header', () => {
    const sections = segmentRows(rowsOf(`${first}\n\n<!-- page 2 -->\n\n${part([[1, '1 การปฏิบัติหน้าที่', 80.77], [2, '2 การใช้งบประมาณ', 78.1]])}`), names)
    expect([sections.summary.length, sections.detail.length]).toEqual([4, 0])
  })
  it('while a table after it naming an indicator it gave starts the detail list', () => {
    const sections = segmentRows(rowsOf(`${first}\n\n<!-- page 2 -->\n\n${part([[5, '5 การแก้ไขปัญหาการทุจริต', 93.33], [6, '6 คุณภาพการดำเนินงาน', 97.56]])}`), names)
    expect([sections.summary.length, sections.detail.length]).toEqual([2, 2])
  })
})

describe('a table of contents a page broke in two', () => {
  it('is contents on both pages, its header repeated or not', () => {
    const contents = '# สารบัญ\n\n<table><tr><th>เรื่อง</th><th>หน้า</th></tr><tr><td>สรุปผลการประเมินรายตัวชี้วัด</td><td>1</td></tr><tr><td>ผลคะแนนรายประเด็นการประเมิน</td><td>2</td></tr></table>'
    const rest = '<table><tr><td>การวิเคราะห์ผลการประเมินรายตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2568</td><td>4</td></tr><tr><td>การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร</td><td>5</td></tr></table>'
    const title = '# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n\n# อุทยานแห่งชาติหมู่เกาะสิมิลัน'
    for (const between of ['', '**(ต่อ)**']) {
      const sections = segmentRows(rowsOf(`${contents}\n\n<!-- page 2 -->\n\n${between}\n\n${rest}\n\n${title}`), names)
      expect(sections.detail).toEqual([])
      expect(sections.title.map((r) => r.text)).toContain('# อุทยานแห่งชาติหมู่เกาะสิมิลัน')
    }
  })
})

describe('prose naming two tools', () => {
  it('is no item row though it ends on a score', () => {
    const text = 'เมื่อพิจารณาตามเครื่องมือการประเมิน แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ได้ 87.48 คะแนน แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ได้ 91.34'
    const sections = segmentRows(rowsOf(`## ผลคะแนนรายประเด็น\n\n${text}`), names)
    expect(sections.detail).toEqual([])
  })
})

describe('an analysis heading wrapped after the words for its score', () => {
  it('takes the line opening with the score, its prose going on, as the heading\'s score line', () => {
    const rows = rowsOf('ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน ได้คะแนน\n92.74 คะแนน ตัวชี้วัดการปรับปรุงระบบการทำงานเป็น\nประเด็นที่หน่วยงานควรให้ความสำคัญ')
    expect(analysisScoreLine(rows, 0, names)).toBe(1)
    expect(segmentRows(rows, names).analysis).toHaveLength(3)
  })
  it('but not a line opening with a number under a heading that does not end at the words for a score', () => {
    expect(analysisScoreLine(rowsOf('ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน\n92.74 คะแนน ตัวชี้วัดการปรับปรุงระบบการทำงานเป็น'), 0, names)).toBeUndefined()
  })
})

describe("a sentence's figures wrapped onto lines of their own", () => {
  it('are no item rows: a line opening with a score, a line naming only last year', () => {
    const text = 'ผลการประเมิน ITA ของหน่วยงาน ได้ผลคะแนนเฉลี่ย 85.14 คะแนน\nเมื่อเทียบกับปีงบประมาณ พ.ศ. 2567 ที่ได้ 80.09 คะแนน มีคะแนนเพิ่มขึ้น\n5.05 คะแนน คิดเป็นร้อยละ 6.31\n\nต่ำกว่าปีที่ผ่านมา 15.24 คะแนน\n(ปีงบประมาณ พ.ศ. 2567 ได้ 97.71 คะแนน)'
    expect(segmentRows(rowsOf(text), names).detail).toEqual([])
  })
})

describe('an analysis heading whose score line is on the next page', () => {
  it('takes the score line past the page number between them', () => {
    const rows = rowsOf('ตัวชี้วัดที่ 10 การป้องกันการทุจริต\n\n- 6 -\n\n<!-- page 7 -->\n\nผลคะแนนที่ได้ : 66.67 คะแนน\n\nหน่วยงานได้ดำเนินการตามแผนป้องกันการทุจริตอย่างต่อเนื่อง')
    expect(analysisScoreLine(rows, 0, names)).toBe(2)
  })
})

describe('the overall result as the closing section', () => {
  const measures = '<table><tr><th>ประเด็นที่ต้องพัฒนา</th><th>คะแนน</th><th>มาตรการ</th><th>ขั้นตอน/วิธีการ</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr><tr><td>o3 ข้อมูลการติดต่อ</td><td>100.00</td><td>ปรับปรุงเว็บไซต์</td><td>1. ทบทวน</td><td>1 ต.ค. 2568 – 30 ก.ย. 2569</td><td>งานแผน</td></tr></table>'
  it('starts at its heading after the measures, the sentence on the total under it', () => {
    const sections = segmentRows(rowsOf(`${measures}\n\n## สรุปผลการประเมิน\n\nผลการประเมิน ITA ของหน่วยงาน ได้ผลคะแนนเฉลี่ย ๘๔.๑๒ คะแนน อยู่ในระดับ ไม่ผ่าน\n`), names)
    expect(sections.overall.map((r) => r.text)).toEqual(['## สรุปผลการประเมิน', 'ผลการประเมิน ITA ของหน่วยงาน ได้ผลคะแนนเฉลี่ย 84.12 คะแนน อยู่ในระดับ ไม่ผ่าน'])
  })
  it('does not start at a summary heading, nor at a score sentence with no heading over it', () => {
    const sections = segmentRows(rowsOf(`${measures}\n\nหน่วยงานได้คะแนน 84.12 คะแนน จึงต้องปรับปรุง\n\n## สรุปผลการประเมินรายตัวชี้วัด\n\nผลคะแนนเฉลี่ย 85.00 คะแนน\n`), names)
    expect(sections.overall).toEqual([])
  })
})

describe('an executive summary before the title block', () => {
  const summary = '<table><tr><th>ตัวชี้วัดที่</th><th>ชื่อตัวชี้วัด</th><th>คะแนน</th></tr><tr><td>1</td><td>การปฏิบัติหน้าที่</td><td>85.200</td></tr><tr><td>2</td><td>การใช้งบประมาณ</td><td>83.510</td></tr></table>'
  const front = '# บทสรุปผู้บริหาร\n\nสำนักงาน ป.ป.ช. ได้ประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. 2568 ผลการประเมินของอุทยานแห่งชาติหมู่เกาะสิมิลัน ได้คะแนน 80.780 คะแนน'
  const title = '# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n\n# ประจำปีงบประมาณ พ.ศ. 2568\n\n# อุทยานแห่งชาติหมู่เกาะสิมิลัน'

  it("puts the title block after it in the title section: the report's title opens it", () => {
    const sections = segmentRows(rowsOf(`${front}\n\n${title}\n\n${summary}`), names)
    expect(sections.title.map((r) => r.text)).toContain('# อุทยานแห่งชาติหมู่เกาะสิมิลัน')
    expect(sections.summary.map((r) => r.text)).toContain('1 การปฏิบัติหน้าที่ 85.200')
  })

  it('leaves the same title after the tables a heading of the section it is in', () => {
    const sections = segmentRows(rowsOf(`${summary}\n\n${title}`), names)
    expect(sections.title).toEqual([])
  })
})

describe('an analysis paragraph a PDF line ends at a measures column word', () => {
  it('is no measures header: its words run together as a sentence', () => {
    const row = rowsOf('ตัวชี้วัดคุณภาพการดำเนินงานมีประเด็นที่ได้คะแนนต่ำกว่าประเด็นอื่น อำเภอปากช่องควรกำหนดผู้รับผิดชอบ')[0]!
    expect(isMeasuresHeader(row)).toBe(false)
  })
  it('while a header printed as a line of words is one', () => {
    const row = rowsOf('ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ผลการประเมิน (คะแนน) มาตรการ/โครงการ ระยะเวลา ผู้รับผิดชอบ')[0]!
    expect(isMeasuresHeader(row)).toBe(true)
  })
})

describe('a summary across whose corner label is lost', () => {
  it('reads the numbers over a row of scores as the indicators', () => {
    const rows = rowsOf('<table><tr><td></td><td>1</td><td>2</td><td>3</td></tr><tr><td>คะแนน</td><td>96.94</td><td>84.56</td><td>92.02</td></tr></table>')
    expect([...indicatorIndexRow(rows[0]!, names, rows[1])!.values()]).toEqual([1, 2, 3])
    const sections = segmentRows(rows, names)
    expect(sections.summary.length).toBe(2)
  })
  it('reads scores that print their unit (96.94 คะแนน)', () => {
    const rows = rowsOf('<table><tr><td></td><td>1</td><td>2</td><td>3</td></tr><tr><td>คะแนน</td><td>96.94 คะแนน</td><td>84.56 คะแนน</td><td>92.02 คะแนน</td></tr></table>')
    expect([...indicatorIndexRow(rows[0]!, names, rows[1])!.values()]).toEqual([1, 2, 3])
  })
  it('not numbers over a row of data: a form numbering its columns', () => {
    const rows = rowsOf('<table><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>i1 การปฏิบัติงาน</td><td>70.50</td><td>จัดอบรมบุคลากร</td></tr></table>')
    expect(indicatorIndexRow(rows[0]!, names, rows[1])).toBeUndefined()
  })
})

describe('a cell that is a score', () => {
  it.each(['89.41', '89.410', '๘๙.๔๑ คะแนน', '89,41 คะแนน'])('%s', (text) => expect(ONLY_A_SCORE.test(rowsOf(text)[0]!.text)).toBe(true))
  it.each(['1.1 การปฏิบัติหน้าที่', '20,000', 'คะแนน'])('not %s', (text) => expect(ONLY_A_SCORE.test(rowsOf(text)[0]!.text)).toBe(false))
})

describe('an analysis moved before the detail list', () => {
  it("keeps the last indicator's prose in the analysis: prose heads no table", () => {
    const text = `**ตัวชี้วัดที่ 10 การป้องกันการทุจริต**

ตัวชี้วัดนี้ได้คะแนน 55.56 คะแนน ประเด็นที่ยังต้องพัฒนาของตัวชี้วัดการป้องกันการทุจริตคือความต่อเนื่องและการเก็บหลักฐาน ควรจัดทำแนวทางที่ชัดเจนและตรวจสอบได้

## ผลคะแนนรายประเด็นการประเมิน

<table>
<tr><th>ประเด็นการประเมิน</th><th>คะแนนที่ได้</th></tr>
<tr><th>ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่</th><th>91.83</th></tr>
<tr><td>i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด</td><td>89.50</td></tr>
</table>`
    const sections = segmentRows(docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' }))), names)
    expect(sections.detail.map((r) => r.text)).not.toContainEqual(expect.stringContaining('55.56'))
  })
})
