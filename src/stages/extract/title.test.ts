import { describe, expect, it } from 'vitest'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows } from '../text/rows.js'
import { extractDocumentFacts } from './title.js'

const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' })))
const value = (v: { value: unknown } | null | undefined) => (v == null ? null : v.value)

/** Total, last year's year and score, and the difference, from an overall analysis. */
function facts(overall: string) {
  const f = extractDocumentFacts(rowsOf('ปีงบประมาณ พ.ศ. 2568'), rowsOf(overall))
  return [value(f.totalScore), value(f.previous?.fiscalYear), value(f.previous?.totalScore), value(f.previous?.difference)]
}

describe('lines of different sections', () => {
  it('are not read as one sentence, though on one page', () => {
    // A Word file is one page: the title's last heading and the overall section's first line, with the
    // summary table between them, are not one paragraph ("ผลคะแนนรายเครื่องมือ" is no total's context).
    const rows = rowsOf('ปีงบประมาณ พ.ศ. 2568\n\nผลคะแนนรายเครื่องมือ\n\n<table><tr><td>IIT</td><td>90.00</td></tr></table>\n\nมหาวิทยาลัย ได้คะแนน 83.07 คะแนน จากคะแนนเต็ม 100 คะแนน')
    const f = extractDocumentFacts(rows.slice(0, 2), rows.slice(3))
    expect(value(f.totalScore)).toBe(83.07)
  })
})

describe('the total and last year, in the phrasings reports use', () => {
  it.each([
    ['ผลคะแนนเฉลี่ย', 'พบว่ามีผลคะแนนเฉลี่ย ๙๐.๔๒ คะแนน สูงกว่าปีที่ผ่านมา ๐.๑๙ คะแนน (ปีงบประมาณ พ.ศ. ๒๕๖๗ ได้ ๙๐.๒๓ คะแนน)', [90.42, 2567, 90.23, 0.19]],
    ['ได้คะแนนรวม, compared in a sentence of its own', 'หน่วยงานได้คะแนนรวม 86.10 คะแนน\n\nเมื่อเทียบกับปีงบประมาณ พ.ศ. 2567 ซึ่งได้คะแนน 84.50 คะแนน พบว่ามีคะแนนเพิ่มขึ้น 1.60 คะแนน', [86.1, 2567, 84.5, 1.6]],
    ['the change said before last year', 'คะแนนภาพรวมเท่ากับ 75.12 คะแนน คะแนนลดลงจากปีงบประมาณ ๒๕๖๗ (๘๙.๗๑ คะแนน) จำนวน ๔.๓๖ คะแนน', [75.12, 2567, 89.71, -4.36]],
    ['last year mislabelled with this year (kept as printed)', 'ได้ผลคะแนน 88.00 คะแนน สูงกว่าปีที่ผ่านมา 1.00 คะแนน (ปีงบประมาณ พ.ศ. 2568 ได้ 87.00 คะแนน)', [88, 2568, 87, 1]],
    ['a pass mark before the total is no total', 'หมายเหตุ : คะแนนเต็ม ๑๐๐ คะแนน หน่วยงานที่ได้คะแนนตั้งแต่ ๘๕.๐๐ คะแนนขึ้นไปถือว่าผ่านการประเมิน\n\nผลการประเมิน ITA ได้คะแนนร้อยละ ๘๕.๘๔', [85.84, null, null, null]],
    ['the total repeated with this year is no last year', 'ผลการประเมินในปีงบประมาณ พ.ศ. 2568 ได้คะแนนรวม 81.71 คะแนน', [81.71, null, null, null]],
    ['a change from a fiscal year whose year was not read (a scan): last year left, the change after it kept', 'คะแนนภาพรวมเท่ากับ 85.35 คะแนน คะแนนลดลงจากปีงบประมาณ com 89.71 คะแนน] จำนวน 4.36 คะแนน', [85.35, null, null, -4.36]],
    ['the score received, and last year mislabelled with this year after the change', 'คะแนนที่โรงพยาบาลบางปะอินได้รับจากการประเมิน ITA คือ ๘๗.๒๔ คะแนน ซึ่งอยู่ในเกณฑ์ "ผ่าน"\n\nต่ำกว่าปีที่ผ่านมา ๙.๘๑ คะแนน (ปีงบประมาณ พ.ศ. ๒๕๖๘ ได้ ๙๗.๐๕ คะแนน)', [87.24, 2568, 97.05, -9.81]],
    ['both years\' totals in one sentence, paired in order (ตามลำดับ)', 'ได้คะแนนรวม 87.19 คะแนน\n\nเมื่อเปรียบเทียบผลการประเมินปีงบประมาณ พ.ศ. 2567 และปีงบประมาณ พ.ศ. 2568 ได้คะแนน 87.16 และ 87.19 คะแนน ตามลำดับ มีคะแนนเพิ่มขึ้น 0.03 คะแนน', [87.19, 2567, 87.16, 0.03]],
    ['...this year named first', 'ได้คะแนนรวม ๘๐.๕๐ คะแนน\n\nผลการประเมินปี ๒๕๖๘ และปี ๒๕๖๗ เท่ากับ ๘๐.๕๐ และ ๗๘.๒๕ คะแนน ตามลำดับ', [80.5, 2567, 78.25, null]],
  ])('%s', (_what, overall, expected) => {
    expect(facts(overall)).toEqual(expected)
  })

  it.each([
    ['อยู่ในเกณฑ์ "ไม่ผ่าน"', 'ได้คะแนนร้อยละ 83.42 ซึ่งอยู่ในเกณฑ์ "ไม่ผ่าน"', 'ไม่ผ่าน'],
    ['อยู่ในระดับ “ผ่าน”', 'ได้คะแนน 90.00 อยู่ในระดับ “ผ่าน”', 'ผ่าน'],
    ['no level in อยู่ในเกณฑ์ที่ดี', 'มีผลการดำเนินงานอยู่ในเกณฑ์ที่ดี ได้คะแนน 90.00', null],
    ['ไม่ผ่าน wrapped over two lines', 'ได้ผลคะแนนเฉลี่ย 82.99 คะแนน ผลการประเมินอยู่ในระดับ ไม่\nผ่าน\nสูงกว่าปีที่ผ่านมา 3.43 คะแนน', 'ไม่ผ่าน'],
    ['no level from the next line when the level itself was not read', 'ได้ผลคะแนนเฉลี่ย 85.35 คะแนน อยู่ในระดับ\nคะแนนลดลงจากปีงบประมาณ 2567 (89.71 คะแนน)', null],
    ['a known level on the next line', 'ได้ผลคะแนนเฉลี่ย 85.35 คะแนน อยู่ในระดับ\nผ่าน', 'ผ่าน'],
    ['no level from a comparison on the next line', 'ได้ผลคะแนนเฉลี่ย 75.12 คะแนน อยู่ในระดับ\nสูงกว่าปีที่ผ่านมา 5.03 คะแนน', null],
    ['a level of 2566 on the next line', 'ได้ผลคะแนนเฉลี่ย 90.12 คะแนน อยู่ในระดับ\nผ่านดี', 'ผ่านดี'],
    ['(ระดับผลการ / ประเมิน: ผ่าน) wrapped', 'ได้ผลคะแนนเฉลี่ย 90.00 คะแนน (ระดับผลการ\nประเมิน: ผ่าน)', 'ผ่าน'],
    ['the verdict closing its sentence, the total in a footnote; the footnote\'s pass mark is no level', 'ผลการประเมิน ITA ของศาลจังหวัดวังสะพุง ไม่ผ่านเกณฑ์การประเมิน*\n\n* คะแนนรวม 84.45 คะแนน (เกณฑ์ผ่าน 85.00 คะแนน)', 'ไม่ผ่าน'],
    ['no level in the pass mark alone', '* คะแนนรวม 84.45 คะแนน (เกณฑ์ผ่าน 85.00 คะแนน)', null],
    ['no level in a sentence on every indicator', 'ตัวชี้วัดอื่นอีก 9 ตัวชี้วัด ผ่านเกณฑ์การประเมินทุกตัวชี้วัด', null],
  ])('reads the level: %s', (_what, overall, level) => {
    expect(value(extractDocumentFacts(rowsOf('ปีงบประมาณ พ.ศ. 2568'), rowsOf(overall)).level)).toBe(level)
  })

  it('reads last year from a comparison table', () => {
    const table = '<table><tr><th>ผลการประเมินปีงบประมาณ พ.ศ. ๒๕๖๗</th><th>ผลการประเมินปีงบประมาณ พ.ศ. ๒๕๖๘</th><th>เพิ่มขึ้น/ลดลง</th></tr><tr><td>๙๔.๒๘</td><td>๘๐.๓๘</td><td>ลดลง ๑๓.๙๐</td></tr></table>'
    expect(facts(`ได้ผลคะแนนเฉลี่ย ๘๐.๓๘ คะแนน\n\n${table}`)).toEqual([80.38, 2567, 94.28, -13.9])
  })

  it('reads last year from a comparison table that labels both columns with this year', () => {
    const table = '<table><tr><th>ผลการประเมินปีงบประมาณ พ.ศ. ๒๕๖๘</th><th>ผลการประเมินปีงบประมาณ พ.ศ. ๒๕๖๘</th><th>เพิ่มขึ้น/ลดลง</th></tr><tr><td>๙๖.๔๕</td><td>๘๒.๙๐</td><td>ลดลง ๑๓.๕๕</td></tr></table>'
    expect(facts(`ได้ผลคะแนนเฉลี่ย ๘๒.๙๐ คะแนน\n\n${table}`)).toEqual([82.9, 2568, 96.45, -13.55])
  })

  it('keeps where each number was printed', () => {
    const f = extractDocumentFacts(rowsOf('ปีงบประมาณ พ.ศ. 2568'), rowsOf('บรรทัดแรก\nหน่วยงานได้คะแนนรวม ๘๖.๑๐ คะแนน'))
    expect(f.totalScore?.prov).toMatchObject({ section: 'overall', line: 2, raw: '๘๖.๑๐', source: 'transcript' })
  })
})

describe('the organisation', () => {
  const name = (title: string) => value(extractDocumentFacts(rowsOf(title), []).organization.name)
  it.each([
    ['its own title line, after a preface that names it mid-sentence', 'คำนำ\nรายงานฉบับนี้จัดทำขึ้นเพื่อวิเคราะห์ผลการประเมินของ\nเทศบาลเมืองบ้านหมี่ และกำหนดมาตรการ\nเพื่อนำผลการประเมินไปสู่การพัฒนา\n\n# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n# เทศบาลเมืองบ้านหมี่\n# อำเภอบ้านหมี่ จังหวัดลพบุรี', 'เทศบาลเมืองบ้านหมี่'],
    ['a name line with its district', '# องค์การบริหารส่วนตำบลห้วยยาง อำเภอเมือง จังหวัดสกลนคร', 'องค์การบริหารส่วนตำบลห้วยยาง'],
    ['a faculty above its university', '# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n# คณะสาธารณสุขศาสตร์\n# มหาวิทยาลัยบ้านโพธิ์', 'คณะสาธารณสุขศาสตร์'],
    ['a museum above the bodies it reports to', '# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n# พิพิธภัณฑสถานแห่งชาติบ้านเชียง\n# สำนักพิพิธภัณฑสถานแห่งชาติ กรมศิลปากร กระทรวงวัฒนธรรม', 'พิพิธภัณฑสถานแห่งชาติบ้านเชียง'],
    ['a memo that names the assessor mid-sentence, then the title', 'ตามที่สำนักงาน ป.ป.ช. ได้ดำเนินการประเมิน\n\n# หอสมุดแห่งชาติรัชมังคลาภิเษก\n# อำเภอเมือง จังหวัดจันทบุรี', 'หอสมุดแห่งชาติรัชมังคลาภิเษก'],
    ['a name met only in prose', 'ผลการประเมินของเทศบาลตำบลบ่อทอง ประจำปีงบประมาณ พ.ศ. 2568', 'เทศบาลตำบลบ่อทอง'],
    ['the cover\'s, under a letterhead naming the ministry', 'กระทรวงการต่างประเทศ MINISTRY OF FOREIGN AFFAIRS\n# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n# ประจำปีงบประมาณ พ.ศ. 2568\n# สถานเอกอัครราชทูต ณ กรุงพนมเปญ\n# กรมการกงสุล กระทรวงการต่างประเทศ', 'สถานเอกอัครราชทูต ณ กรุงพนมเปญ'],
    ['the cover\'s, of a kind of agency no list names', 'สำนักงานคณะกรรมการการอาชีวศึกษา\n# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n# ประจำปีงบประมาณ พ.ศ. 2568\n# ด่านศุลกากรแม่สาย\n# อำเภอแม่สาย จังหวัดเชียงราย', 'ด่านศุลกากรแม่สาย'],
    ['the cover\'s, its title\'s English wrapped onto a line of its own', '# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร (Turning ITA Results\ninto Organisational Development)\n# ประจำปีงบประมาณ พ.ศ. 2568\n# โรงเรียนป่าแดงวิทยา', 'โรงเรียนป่าแดงวิทยา'],
  ])('%s', (_what, title, expected) => expect(name(title)).toBe(expected))

  it('is the cover\'s after an executive summary, its district and province the cover\'s', () => {
    const rows = rowsOf('# บทสรุปผู้บริหาร\nผลการประเมินของสำนักงานเขตพื้นที่ อำเภอเมือง ได้คะแนน 89.40 คะแนน\n# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n# ประจำปีงบประมาณ พ.ศ. 2568\n# ที่ว่าการอำเภอปากช่อง\n# อำเภอปากช่อง จังหวัดนครราชสีมา\n## สรุปผลการประเมินรายตัวชี้วัด')
    const f = extractDocumentFacts([], rows.slice(0, 2), [], rows)
    expect([value(f.organization.name), value(f.organization.district), value(f.organization.province)]).toEqual(['ที่ว่าการอำเภอปากช่อง', 'ปากช่อง', 'นครราชสีมา'])
  })
})

describe('a heading\'s clause number', () => {
  it('is no total, though the sentence before it speaks of scores; a sentence wrapped before its score still gives it', () => {
    expect(facts('หน่วยงานได้นำผลการประเมินมาจัดทำมาตรการเพื่อพัฒนาประเด็นที่ได้คะแนนน้อย ดังนี้\n### 5.1 ไตรมาสที่ 1 (ต.ค. - ธ.ค.)')[0]).toBe(null)
    expect(facts('ผลการประเมินของหน่วยงาน ได้ผลคะแนนเฉลี่ย\n88.98 คะแนน อยู่ในระดับ ผ่าน')[0]).toBe(88.98)
  })
})
