import { describe, expect, it } from 'vitest'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { docRows } from '../text/rows.js'
import { extractDocumentFacts } from './title.js'

const rowsOf = (text: string) => (text ? docRows(normaliseDoc(readTranscript(new TextEncoder().encode(text), { file: 'x.txt' }))) : [])
const yearOf = (title: string, overall = '') => extractDocumentFacts(rowsOf(title), rowsOf(overall)).fiscalYear

describe('the fiscal year', () => {
  it.each([
    ['การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n', 2567, '๒๕๖๗'],
    ['ไปสู่การพัฒนาองค์กรงบประมาณ พ.ศ. ๒๕๖๘\n', 2568, '๒๕๖๘'],
    ['ผลการประเมิน ITA ประจำปี 2566\n', 2566, '2566'],
    ['รายงานผลการประเมิน ITA 2564\n', 2564, '2564'],
    ['การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ\nพ.ศ. ๒๕๖๕\n', 2565, '๒๕๖๕'],
    ['ผลการประเมิน ITA จบประมาณ พ.ศ. ๒๕๖๙\n', 2569, '๒๕๖๙'],
  ])('is read from the title in Thai or Arabic digits: %s', (title, year, raw) => {
    expect(yearOf(title)).toMatchObject({ value: year, prov: { section: 'title', raw } })
  })

  it('is read from the overall analysis when the title has none', () => {
    const year = yearOf('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n', 'จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๗ ขององค์การบริหารส่วนตำบลบ้านกุ่ม พบว่ามีผลคะแนน ๘๙.๐๐ คะแนน\n')
    expect(year).toMatchObject({ value: 2567, prov: { section: 'overall', raw: '๒๕๖๗' } })
  })

  it("is not last year's, printed in the comparison before the report's own year", () => {
    const overall = 'ผลคะแนน 90.42 คะแนน สูงกว่าปีที่ผ่านมา 0.19 คะแนน (ปีงบประมาณ พ.ศ. 2567 ได้ 90.23 คะแนน)\nผลการประเมิน ITA ประจำปี พ.ศ. 2568 สะท้อนให้เห็นว่า\n'
    expect(yearOf('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n', overall)?.value).toBe(2568)
    expect(yearOf('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n', 'ผลคะแนน 90.42 คะแนน (ปีงบประมาณ พ.ศ. 2567 ได้ 90.23 คะแนน)\n')).toBeNull()
  })

  it('prefers the title to the overall analysis', () => {
    expect(yearOf('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n', 'ผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๗\n')?.value).toBe(2568)
  })

  it('is unreadable, not guessed, when its label is followed by a damaged number', () => {
    const year = yearOf('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. ๒๕?๘\n')
    expect(year).toMatchObject({ value: null, uncertain: true, prov: { section: 'title', raw: '๒๕?๘' } })
    expect(year?.prov.repairs?.[0]).toEqual({ kind: 'unreadable', detail: 'the fiscal year is printed as "๒๕?๘", which does not read as a year' })
  })

  it("stays unreadable when the title's year is damaged, not replaced by a year printed elsewhere", () => {
    const title = 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. ๒๕?๘\n'
    const item = 'o๗ รายงานผลการดำเนินงานประจำปี พ.ศ. ๒๕๖๗\n'
    const year = extractDocumentFacts(rowsOf(title), rowsOf('ผลการประเมินสะท้อนให้เห็นว่า\n'), rowsOf(item)).fiscalYear
    expect(year).toMatchObject({ value: null, uncertain: true, prov: { section: 'title', raw: '๒๕?๘' } })
  })

  it("is the document's year when it fits every digit of the title's damaged copy", () => {
    const year = yearOf('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. ๒๕?๘\n', 'ผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๘ พบว่า\n')
    expect(year).toMatchObject({ value: 2568, prov: { section: 'overall', raw: '๒๕๖๘' } })
  })

  it('is null when no year is printed', () => {
    expect(yearOf('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\n', 'ผลการประเมินสะท้อนให้เห็นว่า\n')).toBeNull()
  })
})
