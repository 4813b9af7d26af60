import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../catalogue/catalogue.js'
import { normaliseText } from '../normalise/normalise-thai.js'
import { matchAnyItem, matchDetailItem, splitPrintedCode } from './items.js'
import { splitNumbered, splitResponsible } from './lists.js'
import { parseMonth, parsePeriod } from './period.js'
import { findIndicator, identifyIndicator, leadingIndicatorNumber, similarity, startsWithIndicatorLabel } from '../text/thai-text.js'
import { parseScore } from '../text/values.js'
import { extractDocumentFacts } from './title.js'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows } from '../text/rows.js'
import { extractAnalysis } from './analysis.js'
import { extractDetail, toolSentences } from './tables.js'
import { segmentRows } from '../segment/segment.js'

const value = (v: { value: unknown } | null | undefined) => v?.value

const catalogue = loadCatalogue(2568)

describe('item identification', () => {
  // Printed codes and texts exactly as in the seed's detail list (position = place under the indicator).
  it.each([
    ['i๑ การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด', 1, 1, 'i1'],
    ['ii ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการ อย่างเท่าเทียมกัน มากน้อยเพียงใด', 1, 2, 'i2'],
    ['ii หน่วยงานของท่านมีการใช้งบประมาณหรือการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใด บุคคลหนึ่ง มากน้อยเพียงใด', 2, 3, 'i6'],
    ['๓๗ ผู้บังคับบัญชาในหน่วยงานของท่านมีการสั่งให้เจ้าหน้าที่ทำธุระส่วนตัวของผู้บังคับบัญชา มากนักน้อยเพียงใด', 3, 1, 'i7'],
    ['๔๐ ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ขอยืมทรัพย์สินของราชการไปใช้อย่างถูกต้องมากนักน้อย เพียงใด', 4, 1, 'i10'],
    ['๕๑ ผู้บริหารสูงสุดของหน่วยงานของท่านให้ความสำคัญกับการแก้ไขปัญหาการทุจริตและ ประพฤติมิชอบ มากน้อยเพียงใด', 5, 1, 'i13'],
    ['๖๑ เจ้าหน้าที่ปฏิบัติงานหรือให้บริการแก่ท่าน เป็นไปตามขั้นตอนและระยะเวลา', 6, 1, 'e1'],
    ['๗๔ หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย', 7, 1, 'e4'],
    ['e๕ หน่วยงานมีการประชาสัมพันธ์ข้อมูลข่าวสารที่ประชาชนหรือผู้รับบริการควรได้รับทราบ อย่างชัดเจน', 7, 2, 'e5'],
    ['๐๑ โครงสร้างและอำนาจหน้าที่', 9, 1, 'o1'],
    ['๐๑๐ E-Service', 9, 10, 'o10'],
  ])('detail list: %s -> %s', (printed, indicator, position, code) => {
    const { code: printedCode, title } = splitPrintedCode(normaliseText(printed))
    expect(matchDetailItem(catalogue, indicator, position, title, printedCode)?.item.code).toBe(code)
  })

  it('prefers the text over the position when a row is missing above it', () => {
    const { code, title } = splitPrintedCode('i3 เจ้าหน้าที่ในหน่วยงานของท่านมีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่')
    expect(matchDetailItem(catalogue, 1, 2, title, code)?.item.code).toBe('i3')
  })

  // Printed codes and texts as in the seed's measures tables; any item of any indicator may appear.
  it.each([
    ['๒ ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการอย่างเท่าเทียมกัน มากน้อยเพียงใด', 'i2'],
    ['<p>๒) หน่วยงานของ ท่าน มีการใช้ งบประมาณหรือการจัดซื้อจัดจ้างที่เอื้อ ประโยชน์ให้บุคคลได้ บุคคลหนึ่ง มากน้อยเพียงใด</p>', 'i6'],
    ['๕) การบริหารงาน บุคคลในหน่วยงาน ของท่านมีการให้หรือ รับสินบนเพื่อแลกกับการบรรจุ แต่งตั้ง โยกย้ายหรือเลื่อนตำแหน่งหรือไม่', 'i9'],
    ['1๐ ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ยอมรับทรัพย์สินของราชการไปใช้อย่างถูกต้อง มากน้อย เพียงใด', 'i10'],
    ['๑๕ ทำานเชื่อมั่นในกระบวนการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบภายในหน่วยงาน ของท่าน มากน้อยเพียงใด', 'i15'],
    ['๕๒ เจ้าหน้าที่ปฏิบัติงานหรือให้บริการแก่ท่านและผู้อื่นอย่างเท่าเทียมกัน', 'e2'],
    ['๑๕) หน่วยงานมีช่องทาง การเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย', 'e4'],
    ['๔๙ หน่วยงานมีการ พัฒนาการให้บริการ ผ่านช่องทางออนไลน์ ให้สะดวก รวดเร็ว และมีประสิทธิภาพ', 'e9'],
    ['๐๒๕ แผนปฏิบัติการ ป้องกันการทุจริต', 'o25'],
  ])('measures table: %s -> %s', (printed, code) => {
    const { code: printedCode, title } = splitPrintedCode(normaliseText(printed))
    expect(matchAnyItem(catalogue, title, printedCode)?.item.code).toBe(code)
  })

  it('does not invent an item for unrelated text', () => {
    expect(matchAnyItem(catalogue, 'ลงชื่อ นายกองค์การบริหารส่วนตำบล', undefined)).toBeUndefined()
  })
})

describe('text helpers', () => {
  it('similarity ignores spaces and OCR-dropped tone marks', () => {
    expect(similarity('ตัวชีวัด ที่', 'ตัวชี้วัดที่')).toBe(1)
    expect(similarity('ก', 'ข')).toBe(0)
  })
  it.each([
    ['ตัวชี้วัดที่ 4 การใช้ทรัพย์สิน', 4],
    ['ตัวชีวัดที่ 10 การป้องกัน', 10],
    ['ตัวซี้วัด ที่ 7', 7],
    ['ตัวชี้วัดที่ 9.5', undefined],
    ['ประเด็นการประเมิน', undefined],
  ])('leadingIndicatorNumber(%s) = %s', (text, n) => expect(leadingIndicatorNumber(text)?.number).toBe(n))
  it.each([
    ['93.55', 93.55],
    ['100.00', 100],
    ['99,50', 99.5],
    ['0.00', 0],
    ['101.00', undefined],
    ['5525.251', undefined],
    ['93.550', 93.55],
    ['93.5', 93.5],
    ['93. 55', 93.55],
    ['20,000', undefined],
    ['93.5501', undefined],
    ['', undefined],
  ])('parseScore(%j) = %s', (text, value) => expect(parseScore(text)).toBe(value))
})

describe('an ordinal and a name', () => {
  const number = (text: string) => findIndicator(text, catalogue.indicators)?.found.number
  it.each([
    ['6. คุณภาพการดำเนินงาน', 6],
    ['8. การปรับปรุงการทำงาน', 8],
    ['6 คณภาพการดาเนินงาน', 6],
    // A numbered step sharing the end of a name is no indicator.
    ['6) รายงานผลการดำเนินงาน', undefined],
    ['6) รายงานผลการดำเนินงานและเผยแพร่', undefined],
  ])('%s -> %s', (text, expected) => expect(number(text)).toBe(expected))
})

describe('printed item codes', () => {
  it.each([
    ['i1 การปฏิบัติงาน', 'i1'],
    ['[i1] การปฏิบัติงาน', 'i1'],
    ['(e5) หน่วยงาน', 'e5'],
    ['I-3 เจ้าหน้าที่', 'I3'],
    ['o-12 รายงาน', 'o12'],
    ['5) ผู้บังคับบัญชา', '5)'],
    ['O25. แผนปฏิบัติการ', 'O25'],
  ])('%s -> %s', (text, code) => expect(splitPrintedCode(text).code).toBe(code))
})

describe('periods', () => {
  it.each([
    ['1 ตุลาคม 2568 - 30 กันยายน 2569', '2025-10-01', '2026-09-30', []],
    ['1 ตุลาคม - 30 กันยายน 2569', '2025-10-01', '2026-09-30', ['from.year']],
    ['1 มกราคม - 31 มีนาคม 2569', '2026-01-01', '2026-03-31', ['from.year']],
    ['ต.ค. 68 - ก.ย. 69', '2025-10-01', '2026-09-30', []],
    ['1 ตลาคม 2568 ถึง 30 กันยายน 2569', '2025-10-01', '2026-09-30', []],
    ['ปีงบประมาณ 2569', '2025-10-01', '2026-09-30', []],
    ['ตลอดปี', null, null, []],
    // The end month unreadable (K2D's ก read as a Latin n): a period from October into the next year is a fiscal year.
    ['ต.ค. 68 - N.Y. 69', '2025-10-01', '2026-09-30', ['to.month']],
    ['1 ตุลาคม 2568 - 30 N.Y. 2569', '2025-10-01', '2026-09-30', ['to.month']],
    // ...but not when the start is another month or the end is not the next year.
    ['ม.ค. 69 - N.Y. 69', null, null, []],
    ['ต.ค. 68 - N.Y. 71', null, null, []],
    // A day its month does not have: two cells' text run together, or a misread. No date at all.
    ['1 31 กุมภาพันธ์ กรกฎาคม 2569 2569', null, null, []],
    ['1 31 พฤษภาคม กรกฎาคม 2569 2569', null, null, []],
    ['1 ตุลาคม 2568 - 31 กันยายน 2569', null, null, []],
    ['ตั้งแต่เดือนตุลาคม 2568 ถึงเดือนธันวาคม 2568', '2025-10-01', '2025-12-31', []],
    // A deadline gives the end only: the month's last day, or the day printed; no start is guessed.
    ['ภายในเดือนมีนาคม 2569', null, '2026-03-31', []],
    ['ก่อนวันที่ 15 มิ.ย. 69', null, '2026-06-15', []],
    ['ภายใน ธันวาคม', null, null, []],
    ['ตลอดปีงบประมาณ พ.ศ. 2569', '2025-10-01', '2026-09-30', []],
    // Quarters and halves of the fiscal year: Q1 is October to December of the year before.
    ['ไตรมาส 1 ปีงบประมาณ พ.ศ. 2569', '2025-10-01', '2025-12-31', []],
    ['ไตรมาสที่ 2 ปีงบประมาณ 2569', '2026-01-01', '2026-03-31', []],
    ['ไตรมาส 3-4 ปีงบประมาณ พ.ศ. 2569', '2026-04-01', '2026-09-30', []],
    ['ไตรมาส 1 ถึงไตรมาส 2 ปีงบประมาณ พ.ศ. 2569', '2025-10-01', '2026-03-31', []],
    ['ไตรมาส 1-4 ปีงบประมาณ พ.ศ. 2569', '2025-10-01', '2026-09-30', []],
    ['Q2-Q3 ปีงบประมาณ 2569', '2026-01-01', '2026-06-30', []],
    ['ครึ่งปีหลัง ปีงบประมาณ พ.ศ. 2569', '2026-04-01', '2026-09-30', []],
    // Quarters each printed with its own fiscal year, a range over two years.
    ['ไตรมาส 1/2569 - ไตรมาส 1/2570', '2025-10-01', '2026-12-31', []],
    ['ไตรมาสที่ 3/2569', '2026-04-01', '2026-06-30', []],
    ['ไตรมาส 2/2570 - ไตรมาส 4/2569', null, null, []],
    // A part of the year that is not read is no reason to read the whole year: unread.
    ['ไตรมาส 1 และ 3 ปีงบประมาณ พ.ศ. 2569', null, null, []],
    ['ไตรมาส 4-2 ปีงบประมาณ พ.ศ. 2569', null, null, []],
    ['ภาคเรียนที่ 1 ปีงบประมาณ พ.ศ. 2569', null, null, []],
    ['รอบที่ 2 ปีงบประมาณ พ.ศ. 2569', null, null, []],
    // A period that would end before it starts is a misreading: left unread, never a wrong date.
    ['1 ธันวาคม 2568 - 31 มีนาคม 2568', null, null, []],
  ])('%s', (text, from, to, inferred) => {
    expect(parsePeriod(text)).toMatchObject({ from, to, inferred })
  })
  it('months, abbreviated and damaged', () => {
    expect([parseMonth('ก.ย.'), parseMonth('กันยายน'), parseMonth('กันยาบน'), parseMonth('พ.ศ.')]).toEqual([9, 9, 9, undefined])
  })
})

describe('lists', () => {
  it('splits numbered steps, keeping printed numbers and not splitting decimals', () => {
    expect(splitNumbered('1. จัดประชุม คะแนน 93.55 2.เสนอรายงาน 6. เผยแพร่ 3. ประชุม')).toEqual([
      { number: 1, text: 'จัดประชุม คะแนน 93.55' },
      { number: 2, text: 'เสนอรายงาน' },
      { number: 6, text: 'เผยแพร่' },
      { number: 3, text: 'ประชุม' },
    ])
    expect(splitNumbered('ไม่มีเลขลำดับ')).toEqual([{ number: null, text: 'ไม่มีเลขลำดับ' }])
    expect(splitNumbered('- โครงการอบรมเสริมสร้างคุณธรรม - จัดทำแนวทางการเบิกจ่าย - เปิดช่องทางรับเรื่องร้องเรียน').map((e) => e.text)).toEqual([
      'โครงการอบรมเสริมสร้างคุณธรรม',
      'จัดทำแนวทางการเบิกจ่าย',
      'เปิดช่องทางรับเรื่องร้องเรียน',
    ])
  })
  it('splits responsible units', () => {
    expect(splitResponsible('ทุกส่วนราชการ (สำนักปลัด อบต./กองคลัง/ กองช่าง)')).toEqual(['สำนักปลัด อบต.', 'กองคลัง', 'กองช่าง'])
    expect(splitResponsible('กองคลัง, สำนักปลัดเทศบาล')).toEqual(['กองคลัง', 'สำนักปลัดเทศบาล'])
    expect(splitResponsible('งานประชาสัมพันธ์')).toEqual(['งานประชาสัมพันธ์'])
    // Bodies named by what they are: a volunteers' corps, an infirmary, a school.
    expect(splitResponsible('คณะกรรมการหมู่บ้าน อาสาสมัครป้องกันภัยฝ่ายพลเรือน สถานพยาบาลประจำค่าย')).toEqual(['คณะกรรมการหมู่บ้าน', 'อาสาสมัครป้องกันภัยฝ่ายพลเรือน', 'สถานพยาบาลประจำค่าย'])
    expect(splitResponsible('ผู้อำนวยการ โรงเรียนบ้านหนองแวง')).toEqual(['ผู้อำนวยการ โรงเรียนบ้านหนองแวง'])
    // A university's departments are units too.
    expect(splitResponsible('งานคลังและพัสดุ ภาควิชาทุกภาควิชา สำนักงานคณบดี')).toEqual(['งานคลังและพัสดุ', 'ภาควิชาทุกภาควิชา', 'สำนักงานคณบดี'])
    expect(splitResponsible('หลัก : ภาควิชาทุก ภาควิชา สนับสนุน : สำนักงาน คณบดี')).toEqual(['ภาควิชาทุก ภาควิชา', 'สำนักงาน คณบดี'])
    expect(splitResponsible('คณะทำงานกำกับดูแลกิจการที่ดี แผนกบริการลูกค้า แผนกบริหารงานทั่วไป')).toEqual(['คณะทำงานกำกับดูแลกิจการที่ดี', 'แผนกบริการลูกค้า', 'แผนกบริหารงานทั่วไป'])
    // "และ" before the last unit, run into it as Thai writes it; inside a unit's name it stays.
    expect(splitResponsible('ฝ่ายอาคารและสถานที่ และฝ่ายธุรการ')).toEqual(['ฝ่ายอาคารและสถานที่', 'ฝ่ายธุรการ'])
    expect(splitResponsible('งานพัสดุ, งานอาคารและสถานที่ และงานธุรการ')).toEqual(['งานพัสดุ', 'งานอาคารและสถานที่', 'งานธุรการ'])
  })
  it('splits units printed as positions, and keeps a name with its position', () => {
    expect(splitResponsible('ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม หัวหน้าสำนักปลัด ผู้อำนวยการกองคลัง')).toEqual(['ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม', 'หัวหน้าสำนักปลัด', 'ผู้อำนวยการกองคลัง'])
    expect(splitResponsible('นายสมชาย ใจดี ตำแหน่ง ปลัดองค์การบริหารส่วนตำบล')).toEqual(['นายสมชาย ใจดี ตำแหน่ง ปลัดองค์การบริหารส่วนตำบล'])
    expect(splitResponsible('นายประเสริฐ ทองดี หัวหน้าสำนักวิทยบริการและเทคโนโลยีสารสนเทศ')).toEqual(['นายประเสริฐ ทองดี หัวหน้าสำนักวิทยบริการและเทคโนโลยีสารสนเทศ'])
    expect(splitResponsible('ผศ.ดร. วิเชียร บุญมา ผู้อำนวยการสำนักส่งเสริมวิชาการ นางสาวพรทิพย์ ศรีสุข หัวหน้างานการเจ้าหน้าที่')).toEqual([
      'ผศ.ดร. วิเชียร บุญมา ผู้อำนวยการสำนักส่งเสริมวิชาการ',
      'นางสาวพรทิพย์ ศรีสุข หัวหน้างานการเจ้าหน้าที่',
    ])
    // A narrow column wraps names and units anywhere.
    expect(splitResponsible('นายสมชาย ใจดี หัวหน้า หน่วยตรวจ สอบภายใน นางสาวพร ทิพย์ ศรีสุข หัวหน้างานการ เจ้าหน้าที่')).toEqual([
      'นายสมชาย ใจดี หัวหน้า หน่วยตรวจ สอบภายใน',
      'นางสาวพร ทิพย์ ศรีสุข หัวหน้างานการ เจ้าหน้าที่',
    ])
    expect(splitResponsible('นายวิเชียร บุญมา หัวหน้าสำนักส่ง เสริมวิชาการและ งานทะเบียน')).toEqual(['นายวิเชียร บุญมา หัวหน้าสำนักส่ง เสริมวิชาการและ งานทะเบียน'])
    // The mayor is a position: what follows is another unit.
    expect(splitResponsible('นายกเทศมนตรี กองคลัง')).toEqual(['นายกเทศมนตรี', 'กองคลัง'])
    expect(splitResponsible('หัวหน้ากลุ่มงานส่งเสริมสุขภาพ ประธานคณะทำงาน ITA นักวิชาการเงินและบัญชี')).toEqual(['หัวหน้ากลุ่มงานส่งเสริมสุขภาพ', 'ประธานคณะทำงาน ITA', 'นักวิชาการเงินและบัญชี'])
  })
  it('splits positions a narrow column wrapped inside their words, each with the unit it heads', () => {
    expect(splitResponsible('ผู้อำนวย การกองค ลัง ผู้อำนวย การกอง การศึกษา หัวหน้า หน่วย ตรวจสอบ ภายใน')).toEqual(['ผู้อำนวย การกองค ลัง', 'ผู้อำนวย การกอง การศึกษา', 'หัวหน้า หน่วย ตรวจสอบ ภายใน'])
  })
  it('splits units under role labels, and leaves a note after them out', () => {
    expect(splitResponsible('หลัก : งานพัฒนานักศึกษา สนับสนุน : สำนักงานคณบดี, งานวิจัยและบริการวิชาการ')).toEqual(['งานพัฒนานักศึกษา', 'สำนักงานคณบดี', 'งานวิจัยและบริการวิชาการ'])
    // Lines a narrow column wrapped inside a unit's name, joined with spaces.
    expect(splitResponsible('กองคลัง กลุ่มพัฒนาระบบ บริหาร สำนักงาน เลขานุการกรม')).toEqual(['กองคลัง', 'กลุ่มพัฒนาระบบ บริหาร', 'สำนักงาน เลขานุการกรม'])
    expect(splitResponsible('หัวหน้ากลุ่ม งานการ พยาบาล หัวหน้ากลุ่มงานบริหารทั่วไป')).toEqual(['หัวหน้ากลุ่ม งานการ พยาบาล', 'หัวหน้ากลุ่มงานบริหารทั่วไป'])
    expect(splitResponsible('หลัก : งานพัฒนา นักศึกษา สนับสนุน : สำนักงาน คณบดี')).toEqual(['งานพัฒนา นักศึกษา', 'สำนักงาน คณบดี'])
    expect(splitResponsible('หัวหน้าสำนักปลัดเทศบาล ผู้อำนวยการกองคลัง หมายเหตุ : ระยะเวลาดำเนินการอาจปรับเปลี่ยนได้')).toEqual(['หัวหน้าสำนักปลัดเทศบาล', 'ผู้อำนวยการกองคลัง'])
  })
  it('splits numbered responsible units at their numbers, which are not part of them', () => {
    expect(splitResponsible('๑. กองสวัสดิการสังคม')).toEqual(['กองสวัสดิการสังคม'])
    expect(splitResponsible('1. กองคลัง 2. กองช่าง 3) สำนักปลัด อบต.')).toEqual(['กองคลัง', 'กองช่าง', 'สำนักปลัด อบต.'])
  })
})

describe('indicator labels damaged by OCR', () => {
  const names = loadCatalogue(2568).indicators
  it.each([
    ['ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ', 4, 'number+name', false],
    ['ตัวชี้วัดที่ 10', 10, 'number', false],
    ['ตัวชี้วัดที่ « การเปิดเผยข้อมูล', 9, 'name', true],
    ['ตัวชี้วัดที่ ข ประสิทธิภาพการสื่อสาร', 7, 'name', true],
    ['ตัวชีวัดที่ «5 การใช้ทรัพย์สินของราชการ', 4, 'name', true],
    ['ตัวชี้วัดที่ 5 การใช้ทรัพย์สินของราชการ', 4, 'name', true],
    ['ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน คะแนน 98.16', 8, 'number+name', false],
    ['ตัวชี่วัดที่ 5 ภารแก้ไขปัญหาการทุจริต', 5, 'number+name', false],
  ])('%s -> indicator %i by %s', (text, number, by, repaired) => {
    const found = identifyIndicator(text, names)
    expect([found?.number, found?.by, Boolean(found?.repair)]).toEqual([number, by, repaired])
  })
  it('gives up when neither the number nor the name can be read', () => {
    expect(identifyIndicator('ตัวชี้วัดที่ « กขค', names)).toBeUndefined()
    expect(startsWithIndicatorLabel('ตัวชี้วัดที่ « กขค')).toBe(true)
  })
})

describe('title and overall facts from wrapped, damaged prose', () => {
  const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.txt' })))
  it('finds values split across lines and "พ.ศ." misread, with the line of each value', () => {
    const title = rowsOf('การนำผลการประเมิน ITA\nเทศบาลเมืองหนองคาย อำเภอเมืองหนองคาย จังหวัดหนองคาย\nประจำปีงบประมาณ wa. ๒๕๖๘ พบว่ามี\nผลคะแนน ๘๘.๑๒ คะแนน อยู่ในระดับ ผ่าน\n')
    const overall = rowsOf('ผลคะแนนเฉลี่ย ๘๘.๑๒ คะแนน ต่ำกว่าปีที่ผ่านมา\n๑.๐๐ คะแนน (ปีงบประมาณ wa. ๒๕๖๗ ได้ ๘๙.๑๒\nคะแนน)\n')
    const facts = extractDocumentFacts(title, overall)
    expect(value(facts.organization.name)).toBe('เทศบาลเมืองหนองคาย')
    expect(value(facts.organization.province)).toBe('หนองคาย')
    expect(value(facts.fiscalYear)).toBe(2568)
    expect(facts.totalScore).toMatchObject({ value: 88.12, prov: { line: 4, raw: '๘๘.๑๒' } })
    expect(value(facts.level)).toBe('ผ่าน')
    expect(value(facts.previous?.fiscalYear)).toBe(2567)
    expect(value(facts.previous?.totalScore)).toBe(89.12)
    expect(facts.previous?.difference).toMatchObject({ value: -1, prov: { line: 2, raw: '๑.๐๐' } })
  })

  it("pairs the years listed last with the scores 'ตามลำดับ', past a running header's year, and takes no year of the report's for last year", () => {
    const title = rowsOf('# การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n\n# ประจำปีงบประมาณ พ.ศ. 2568\n\n# พิพิธภัณฑสถานแห่งชาติบ้านเชียง\n')
    const overall = rowsOf(
      'พิพิธภัณฑสถานแห่งชาติบ้านเชียง : การนำผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568\n\nผลการประเมิน ได้ผลคะแนนเฉลี่ย 83.35 คะแนน\n\nเมื่อเปรียบเทียบผลการประเมินปีงบประมาณ พ.ศ. 2567 และปีงบประมาณ พ.ศ. 2568 ได้คะแนน 81.34 และ 83.35 คะแนน ตามลำดับ\n',
    )
    const facts = extractDocumentFacts(title, overall)
    expect(value(facts.previous?.fiscalYear)).toBe(2567)
    expect(value(facts.previous?.totalScore)).toBe(81.34)
  })

  it('reads them through OCR damage: ได้ misread, ต่ำ without its tone mark, lines wrapped inside phrases', () => {
    const title = rowsOf('การนำผลการประเมิน ITA\nเทศบาลตำบลหนองบัว อำเภอเมือง จังหวัดอุดรธานี\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n')
    const overall = rowsOf('ผลคะแนน\nเฉลี่ย ๘๒.๑๔ คะแนน ตํากว่าปีที่ผ่าน\nมา ๑.๒๕ คะแนน (ปีงบประมาณ พ.ศ. ๒๕๖๗ LA ๘๓.๓๙\nคะแนน)\n')
    const facts = extractDocumentFacts(title, overall)
    expect(value(facts.totalScore)).toBe(82.14)
    expect(value(facts.previous?.fiscalYear)).toBe(2567)
    expect(value(facts.previous?.totalScore)).toBe(83.39)
    expect(value(facts.previous?.difference)).toBe(-1.25)
  })

  it('reads the total and the difference when OCR drops the tone marks of เฉลี่ย and ที่', () => {
    const overall = rowsOf('ผลการประเมิน ITA พบว่ามีผล\nคะแนนเฉลีย 90.42 คะแนน สูงกว่าปีทีผ่านมา 0.19 คะแนน (ปีงบประมาณ พ.ศ. 2567 ได้ 90.23\nคะแนน)\n')
    const facts = extractDocumentFacts(rowsOf('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n'), overall)
    expect([value(facts.totalScore), value(facts.previous?.difference), value(facts.previous?.totalScore)]).toEqual([90.42, 0.19, 90.23])
  })

  it('reads a lower-than-last-year difference when OCR reads ต่ำ as ตัํา', () => {
    const overall = rowsOf('ผลการประเมิน ITA ของเทศบาลตําบลหนองบัว ได้ผลคะแนนเฉลี่ย 82.14 คะแนน ตัํากว่าปีที่ผ่าน\nมา 1.25 คะแนน (ปีงบประมาณ พ.ศ. 2567 ได้ 83.39 คะแนน)\n')
    const facts = extractDocumentFacts(rowsOf('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n'), overall)
    expect([value(facts.previous?.fiscalYear), value(facts.previous?.totalScore), value(facts.previous?.difference)]).toEqual([2567, 83.39, -1.25])
  })

  it('reads the total after a bracketed aside naming the tools, and no pass mark as a change', () => {
    const overall = rowsOf('เมื่อคำนวณคะแนนถ่วงน้ำหนักของเครื่องมือ (IIT ร้อยละ 30 EIT ร้อยละ 30 และ OIT ร้อยละ 40) กรมฟื้นฟูทรัพยากรชายฝั่ง ได้คะแนนรวมเท่ากับ 82.47 คะแนน อยู่ในระดับ ไม่ผ่าน\n\nแสดงเฉพาะประเด็นการประเมินที่ได้คะแนนต่ำกว่า 85.00 คะแนน\n')
    const facts = extractDocumentFacts(rowsOf('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n'), overall)
    expect([value(facts.totalScore), facts.previous?.difference ?? null]).toEqual([82.47, null])
  })

  it.each([
    ['three years: the latest earlier one is last year', 'พ.ศ. 2566 | พ.ศ. 2567 | พ.ศ. 2568', '89.48 | 91.82 | 83.44', [2567, 91.82]],
    ['last year mislabelled with this year: the one beside the total', 'พ.ศ. 2567 | พ.ศ. 2568 | พ.ศ. 2568', '92.46 | 89.50 | 85.32', [2568, 89.5]],
  ])('a table of years\' totals, %s', (_what, years, scores, expected) => {
    const cells = (line: string, tag: string) => line.split(' | ').map((c) => `<${tag}>${c}</${tag}>`).join('')
    const overall = rowsOf(`ได้คะแนนรวมเท่ากับ ${scores.split(' | ')[2]} คะแนน\n\n<table>\n<tr><th>ปีงบประมาณ</th>${cells(years, 'th')}</tr>\n<tr><td>คะแนนรวม</td>${cells(scores, 'td')}</tr>\n<tr><td>ผลการประเมิน</td><td>ผ่าน</td><td>ผ่าน</td><td>ไม่ผ่าน</td></tr>\n</table>\n`)
    const facts = extractDocumentFacts(rowsOf('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n'), overall)
    expect([value(facts.previous?.fiscalYear), value(facts.previous?.totalScore)]).toEqual(expected)
  })

  it.each([
    ['▼', -2.4],
    ['↑', 2.4],
  ])('reads the change from last year printed with an arrow (%s) as its sign', (arrow, difference) => {
    const overall = rowsOf(`ได้คะแนนรวม 86.10 คะแนน\n\nเทียบกับปีงบประมาณ พ.ศ. 2567 ซึ่งได้ 83.70 คะแนน ${arrow} 2.40\n`)
    const facts = extractDocumentFacts(rowsOf('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n'), overall)
    expect([value(facts.previous?.fiscalYear), value(facts.previous?.totalScore), value(facts.previous?.difference)]).toEqual([2567, 83.7, difference])
  })

  it('reads last year through งบ misread as จบ', () => {
    const overall = rowsOf('ผลคะแนนเฉลี่ย 90.42 คะแนน สูงกว่าปีที่ผ่านมา 0.19 คะแนน (ปีจบประมาณ พ.ศ. 2567 ได้ 90.23 คะแนน)\n')
    const facts = extractDocumentFacts(rowsOf('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n'), overall)
    expect([value(facts.previous?.fiscalYear), value(facts.previous?.totalScore), value(facts.previous?.difference)]).toEqual([2567, 90.23, 0.19])
  })
})

describe('per-indicator analysis headings damaged by OCR', () => {
  const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.txt' })))
  it('finds a heading whose คะแนน is read คะแบน, with its score', () => {
    const rows = rowsOf('ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน คะแนน 94.67\nวิเคราะห์ผล สะท้อนให้เห็นว่า\nตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร คะแบน 98.36\nวิเคราะห์ผล หน่วยงานมีการสื่อสาร\n')
    const found = extractAnalysis(rows, catalogue.indicators)
    expect(found.map((a) => [a.number, value(a.score), value(a.name)])).toEqual([
      [6, 94.67, 'คุณภาพการดำเนินงาน'],
      [7, 98.36, 'ประสิทธิภาพการสื่อสาร'],
    ])
  })
})

describe('per-indicator analysis headings with a percent score', () => {
  const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.txt' })))
  it('reads "ได้คะแนนร้อยละ 90.97" as the score, not as part of the name', () => {
    const rows = rowsOf('**ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้คะแนนร้อยละ 90.97**\nจากผลการประเมินพบว่า\n**ตัวชี้วัดที่ 2 การใช้งบประมาณ ได้คะแนน ร้อยละ 95.81**\nควรเปิดโอกาสให้\n')
    const found = extractAnalysis(rows, catalogue.indicators)
    expect(found.map((a) => [a.number, value(a.score), value(a.name)])).toEqual([
      [1, 90.97, 'การปฏิบัติหน้าที่'],
      [2, 95.81, 'การใช้งบประมาณ'],
    ])
  })
})

describe('per-indicator analysis headings over two lines', () => {
  const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.txt' })))
  it('reads the name from the heading and the score from the line under it (past a speck), with that line as its place', () => {
    const rows = rowsOf('**ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่**\n\nผลคะแนนที่ได้ : ๗๖.๔๔ คะแนน\n\nในภาพรวมผู้มีส่วนได้ส่วนเสียมีความเห็นว่า\n\n**ตัวชี้วัดที่ ๒ การใช้งบประมาณ**\n\nที่\n\nคะแนน ๙๒.๙๒\n\nผลคะแนนของตัวชี้วัดการใช้งบประมาณ\n')
    const found = extractAnalysis(rows, catalogue.indicators)
    expect(found.map((a) => [a.number, value(a.score), value(a.name), value(a.prose)])).toEqual([
      [1, 76.44, 'การปฏิบัติหน้าที่', 'ในภาพรวมผู้มีส่วนได้ส่วนเสียมีความเห็นว่า'],
      [2, 92.92, 'การใช้งบประมาณ', 'ผลคะแนนของตัวชี้วัดการใช้งบประมาณ'],
    ])
    expect(found[0]!.score?.prov).toMatchObject({ line: 3, raw: '๗๖.๔๔' })
  })
})

describe('per-indicator analysis as a table of strengths and points to develop', () => {
  const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' })))
  const long = 'ผลคะแนนของตัวชี้วัดแสดงว่ายังมีบางประเด็นที่ต้องพัฒนา ซึ่งควรนำไปกำหนดเป็นมาตรการในปีงบประมาณถัดไป'
  it("reads the score printed in the indicator's own cell, under or after its name, in any wording", () => {
    const rows = rowsOf(`<table><tr><th>ตัวชี้วัด</th><th>จุดแข็ง</th><th>จุดที่ต้องพัฒนา</th><th>แนวทางการพัฒนา</th></tr>
<tr><td>ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่<br>(๘๖.๘๔ คะแนน)</td><td>๑. บุคลากรมีความรู้</td><td>${long}</td><td>๑. ติดตามผล</td></tr>
<tr><td>2. การใช้งบประมาณ คะแนน 83.15</td><td>${long}</td><td>๑. ติดตามผล</td></tr>
<tr><td>ตัวชี้วัดที่ 3 การใช้อำนาจ</td><td>${long}</td><td>๑. ติดตามผล</td></tr></table>`)
    const found = extractAnalysis(rows, catalogue.indicators)
    expect(found.map((a) => [a.number, value(a.score), value(a.name)])).toEqual([
      [1, 86.84, 'การปฏิบัติหน้าที่'],
      [2, 83.15, 'การใช้งบประมาณ'],
    ])
    expect(found[0]!.score?.prov).toMatchObject({ raw: '๘๖.๘๔' })
  })
})

describe('detail list', () => {
  const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.txt' })))
  it('reads OIT items printed มี / ไม่มี as 100 / 0, saying no number was printed', () => {
    const detail = extractDetail(
      rowsOf('<table><tr><th>ประเด็นการประเมิน</th><th>คะแนน</th></tr><tr><th>ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล</th><th>๘๙.๔๗</th></tr><tr><td>๙.๑ โครงสร้างและอำนาจหน้าที่</td><td>มี</td></tr><tr><td>๙.๒ ข้อมูลผู้บริหาร</td><td>ไม่มี</td></tr></table>'),
      catalogue,
    )
    const items = detail.items.get(9) ?? []
    expect(items.map((i) => [i.code, value(i.score)])).toEqual([
      ['o1', 100],
      ['o2', 0],
    ])
    expect(items[1]!.score?.prov.repairs?.[0]).toMatchObject({ kind: 'score-from-yes-no' })
  })

  it('takes the lower row of a two-row header, repeated where the table goes on over a page, for no item', () => {
    const header = '<tr><th rowspan="2">ข้อ</th><th rowspan="2">ประเด็นการประเมิน</th><th colspan="2">คะแนน</th></tr><tr><th>ปี 2567</th><th>ปี 2568</th></tr>'
    const detail = extractDetail(
      rowsOf(
        `<table>${header}<tr><th colspan="2">ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน</th><th>76.03</th><th>79.20</th></tr>` +
          '<tr><td>e7</td><td>หน่วยงานมีการเปิดโอกาสให้บุคคลภายนอกได้เข้าไปมีส่วนร่วมในการปรับปรุงพัฒนาการดำเนินงานของหน่วยงาน</td><td>59.51</td><td>62.18</td></tr>' +
          '<tr><td>e8</td><td>หน่วยงานมีการปรับปรุงการดำเนินงาน ให้ตอบสนองต่อประชาชน</td><td>72.25</td><td>80.68</td></tr></table>\n\n' +
          `<table>${header}<tr><td>e9</td><td>หน่วยงานมีการพัฒนาการให้บริการผ่านช่องทางออนไลน์ให้สะดวก รวดเร็ว และมีประสิทธิภาพ</td><td>96.33</td><td>94.75</td></tr></table>`,
      ),
      catalogue,
    )
    expect((detail.items.get(8) ?? []).map((i) => i.code)).toEqual(['e7', 'e8', 'e9'])
    expect(detail.unmatched).toEqual([])
  })

  it("leaves an item whose score was not read unscored, and does not give it the next item's score", () => {
    // A scan's lines: i8's score read as "Sa", i9's code as "19" and its text garbled.
    const detail = extractDetail(
      rowsOf(
        'ประเด็นการประเมิน คะแนนที่ได้\n\nตัวชี้วัดที่ 3 การใช้อำนาจ 92.19\n\n' +
          'i7 ผู้บังคับบัญชาในหน่วยงานของท่านมีการสั่งให้เจ้าหน้าที่ทำธุระส่วนตัวของผู้บังคับบัญชา\nมากน้อยเพียงใด 99.57\n' +
          '18 ผู้บังคับบัญชาในหน่วยงานของท่านมีการสั่งให้เจ้าหน้าที่ทำในสิ่งที่เป็นการทุจริตหรือ ome\nประพฤติมิชอบ มากน้อยเพียงใด Sa\n' +
          '19 ภารปริเกภรงานิบุคคลในหน่วยงานของต่าน มีการให้หรือรับสินบน เพื่อแลกกับการบรรจุ 89.12\nแต่งตั้ง โยกย้าย หรือเลื่อนตำแหน่งหรือไม่ ปง\n',
      ),
      catalogue,
    )
    expect(detail.items.get(3)?.map((i) => [i.code, value(i.score)])).toEqual([
      ['i7', 99.57],
      ['i9', 89.12],
    ])
    expect(detail.unmatched.map((u) => [u.text.split(' ')[0], u.line])).toEqual([['18', 7]])
  })

  it('keeps an indicator row whose label OCR prefixed with specks, when its name confirms the indicator', () => {
    const detail = extractDetail(rowsOf('ประเด็นการประเมิน\tคะแนนที่ได้\nตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่\t๙๓.๕๕\ni๑ การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด\t๘๗.๓๓\nii ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการ อย่างเท่าเทียมกัน มากน้อยเพียงใด\t๙๓.๓๓\ni๓ เจ้าหน้าที่ในหน่วยงานของท่านมีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่\t๑๐๐.๐๐\n1 ซัย จ่ 0 a ตวขวดท ๒ การใช้งบประมาณ\t๙๗.๕๖\ni๔ หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด\t๙๒.๖๗\ni๕ ในหน่วยงานของท่านมีเจ้าหน้าที่เบิกจ่ายเงินเป็นเท็จ เช่น ค่าทำงานล่วงเวลา ค่าวัสดุอุปกรณ์ หรือค่าเดินทาง ฯลฯ มากน้อยเพียงใด\t๑๐๐.๐๐\nii หน่วยงานของท่านมีการใช้งบประมาณหรือการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใด บุคคลหนึ่ง มากน้อยเพียงใด\t๑๐๐.๐๐\n'), catalogue)
    expect(detail.indicators.map((i) => [i.number, value(i.score)])).toEqual([
      [1, 93.55],
      [2, 97.56],
    ])
    expect(detail.indicators[1]!.score?.prov.repairs?.[0]?.detail).toContain('"1 ซัย จ่ 0 a" before the indicator label ignored')
    expect([...detail.items.values()].flat().map((i) => i.code)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6'])
    expect(detail.unmatched).toEqual([])
  })
  it("takes an indicator's items when OCR left its row unrecognisable, from the first item named clearly", () => {
    const detail = extractDetail(rowsOf('ประเด็นการประเมิน\tคะแนนที่ได้\nตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่\t๙๓.๕๕\ni๑ การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด\t๘๗.๓๓\nii ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการ อย่างเท่าเทียมกัน มากน้อยเพียงใด\t๙๓.๓๓\ni๓ เจ้าหน้าที่ในหน่วยงานของท่านมีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่\t๑๐๐.๐๐\nดวขบดบ ๒ กกรใช้งบประมาณ\t๙๗.๕๖\ni๔ หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด\t๙๒.๖๗\ni๕ ในหน่วยงานของท่านมีเจ้าหน้าที่เบิกจ่ายเงินเป็นเท็จ เช่น ค่าทำงานล่วงเวลา ค่าวัสดุอุปกรณ์ หรือค่าเดินทาง ฯลฯ มากน้อยเพียงใด\t๑๐๐.๐๐\nii หน่วยงานของท่านมีการใช้งบประมาณหรือการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใด บุคคลหนึ่ง มากน้อยเพียงใด\t๑๐๐.๐๐\n'), catalogue)
    expect(detail.indicators.map((i) => i.number)).toEqual([1])
    expect(detail.items.get(2)?.map((i) => [i.code, value(i.score)])).toEqual([
      ['i4', 92.67],
      ['i5', 100],
      ['i6', 100],
    ])
    expect(detail.items.get(2)?.[0]?.score?.prov.repairs?.[0]?.kind).toBe('indicator-row-missing')
  })
  it("reads an indicator cell spanning its items' rows: its own score, never its first item's", () => {
    const item = (code: string, title: string, score: string) => `<td>${code}</td><td>${title}</td><td>${score}</td>`
    const html = `<table><tr><th>ตัวชี้วัด</th><th>ข้อ</th><th>ประเด็นการประเมิน</th><th>คะแนนที่ได้</th></tr>
<tr><td rowspan="2">ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่<br>(๗๔.๐๑ คะแนน)</td>${item('i1', 'การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด', '๗๓.๖๑')}</tr>
<tr>${item('i2', 'ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการ อย่างเท่าเทียมกัน มากน้อยเพียงใด', '๗๘.๘๖')}</tr>
<tr><td rowspan="1">ตัวชี้วัดที่ ๒ การใช้งบประมาณ</td>${item('i4', 'หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด', '๗๒.๔๖')}</tr></table>`
    const detail = extractDetail(rowsOf(html), catalogue)
    expect(detail.indicators.map((i) => [i.number, value(i.score)])).toEqual([
      [1, 74.01],
      [2, undefined],
    ])
    expect([...detail.items.values()].flat().map((i) => [i.code, value(i.score)])).toEqual([
      ['i1', 73.61],
      ['i2', 78.86],
      ['i4', 72.46],
    ])
  })
})

describe('detail list with each indicator\'s score after its items', () => {
  const rowsOf = (text: string) => docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' })))
  const items = ['<tr><td>i4</td><td>หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด</td><td>92.67</td></tr>', '<tr><td>i5</td><td>ในหน่วยงานของท่านมีเจ้าหน้าที่เบิกจ่ายเงินเป็นเท็จ มากน้อยเพียงใด</td><td>95.00</td></tr>']
  it.each([
    ['naming the indicator', '<td colspan="2">รวมคะแนนตัวชี้วัดที่ ๒</td>'],
    ['naming none (the indicator above)', '<td></td><td>ค่าเฉลี่ย</td>'],
    ['glossed in English', '<td colspan="2">คะแนนเฉลี่ย (Average)</td>'],
  ])('takes the score of a row of averages %s as the indicator\'s, and no item from it', (_what, label) => {
    const detail = extractDetail(rowsOf(`<table><tr><th>ข้อ</th><th>ประเด็นการประเมิน</th><th>คะแนน</th></tr>
<tr><td colspan="3">ตัวชี้วัดที่ ๒ การใช้งบประมาณ</td></tr>${items.join('')}<tr>${label}<td>93.84</td></tr></table>`), catalogue)
    expect(detail.indicators.map((i) => [i.number, value(i.score)])).toEqual([[2, 93.84]])
    expect(detail.items.get(2)?.map((i) => i.code)).toEqual(['i4', 'i5'])
    expect(detail.unmatched).toEqual([])
  })
})

describe('a tool\'s average after its indicators in a detail list', () => {
  it('is not taken for the indicator\'s score', () => {
    const rows = docRows(normaliseDoc(readTranscript(new TextEncoder().encode(`<table><tr><th>ข้อ</th><th>ประเด็นการประเมิน</th><th>คะแนน</th></tr>
<tr><td colspan="3">ตัวชี้วัดที่ ๒ การใช้งบประมาณ</td></tr><tr><td>i4</td><td>หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด</td><td>92.67</td></tr>
<tr><td colspan="2">คะแนนเฉลี่ย IIT</td><td>90.00</td></tr></table>`), { file: 'x.md' })))
    expect(extractDetail(rows, catalogue).indicators.map((i) => [i.number, value(i.score)])).toEqual([[2, undefined]])
  })
})

describe('tool scores in sentences', () => {
  it('reads a score the next line carries when the sentence wraps after the tool\'s name', () => {
    const rows = docRows(normaliseDoc(readTranscript(new TextEncoder().encode('เมื่อพิจารณาตามเครื่องมือการประเมิน แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ได้\n\n87.87 คะแนน แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ได้ 90.12 คะแนน'), { file: 'x.md' })))
    expect(toolSentences(rows).map((t) => [t.tool, t.score.value, t.score.prov.raw])).toEqual([['IIT', 87.87, '87.87'], ['EIT', 90.12, '90.12']])
  })
})

describe('a detail list printed as a table per indicator, the indicator and its mean in a heading over each', () => {
  const table = (rows: string[][]) =>
    `<table><tr><th>ข้อ</th><th>ประเด็นการประเมิน</th><th>คะแนน</th></tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`
  const first = table([['1', 'การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด (i1)', '89.92'], ['2', 'เจ้าหน้าที่ในหน่วยงานของท่านมีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่ (i3)', '99.50']])
  const second = table([['1', 'i4 หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด', '98.46']])
  const read = (text: string) => {
    const rows = docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.md' })))
    return segmentRows(rows, catalogue.indicators)
  }
  it.each([
    ['on its own line', '**ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (คะแนนเฉลี่ย 92.75 คะแนน)**', '**ตัวชี้วัดที่ 2 การใช้งบประมาณ (คะแนนเฉลี่ย 91.66 คะแนน)**\n\n**ตารางที่ ๔ ผลคะแนนรายประเด็นการประเมิน**'],
    ['on the line under the name', 'ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่\n\nคะแนนเฉลี่ย 92.75 คะแนน', 'ตัวชี้วัดที่ 2 การใช้งบประมาณ\n\nคะแนนเฉลี่ย 91.66 คะแนน'],
  ])('reads the items under each heading, its score %s as the indicator\'s', (_how, one, two) => {
    const sections = read(`## ผลคะแนนรายประเด็นการประเมิน\n\n${one}\n\n${first}\n\n${two}\n\n${second}\n\n## การวิเคราะห์ผลการประเมินรายตัวชี้วัด\n\nตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (ได้ 92.75 คะแนน)\n\nหน่วยงานมีคะแนนสูงในทุกประเด็น ควรรักษามาตรฐานไว้`)
    const detail = extractDetail(sections.detail, catalogue)
    expect(detail.indicators.map((i) => [i.number, value(i.score), i.score?.prov.section])).toEqual([[1, 92.75, 'detail'], [2, 91.66, 'detail']])
    expect([...detail.items].map(([n, list]) => [n, list.map((i) => [i.code, value(i.score)])])).toEqual([[1, [['i1', 89.92], ['i3', 99.5]]], [2, [['i4', 98.46]]]])
    // The analysis heading with prose under it is still the analysis's.
    expect(extractAnalysis(sections.analysis, catalogue.indicators).map((a) => [a.number, value(a.score)])).toEqual([[1, 92.75]])
  })

  it('reads a heading naming the indicator alone, its mean in a row under its items, the first right after the summary', () => {
    const summary = '<table><tr><th>ตัวชี้วัด</th><th>คะแนน</th></tr><tr><td>1. การปฏิบัติหน้าที่</td><td>92.75</td></tr><tr><td>2. การใช้งบประมาณ</td><td>91.66</td></tr><tr><td>3. การใช้อำนาจ</td><td>89.59</td></tr></table>'
    const withMean = (t: string, mean: string) => t.replace('</table>', `<tr><td></td><td>คะแนนเฉลี่ย</td><td>${mean}</td></tr></table>`)
    const sections = read(`${summary}

**ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่**

${withMean(first, '92.75')}

**ตัวชี้วัดที่ 2 การใช้งบประมาณ**

${withMean(second, '91.66')}`)
    const detail = extractDetail(sections.detail, catalogue)
    expect(detail.indicators.map((i) => [i.number, value(i.score)])).toEqual([[1, 92.75], [2, 91.66]])
    expect([...detail.items].map(([n, list]) => [n, list.map((i) => i.code)])).toEqual([[1, ['i1', 'i3']], [2, ['i4']]])
  })
})
