import { describe, expect, it } from 'vitest'
import type { NumberValue, Report } from '../report/schema.js'
import { catalogueYears, itemListYears, loadCatalogue, parseItemsTsv } from './catalogue.js'
import { catalogueFor, catalogueGap, catalogueOfReport } from './choose.js'

const year = (value: number | null, uncertain?: boolean): NumberValue => ({
  value,
  ...(uncertain ? { uncertain } : {}),
  prov: { section: 'title', page: 1, raw: value === null ? '๒๕?๘' : String(value), source: 'transcript' },
})

describe('item catalogue', () => {
  it('has the 2568 assessment: 10 indicators, 52 items, weights summing to 1', () => {
    const c = loadCatalogue(2568)
    expect(c.indicators).toHaveLength(10)
    expect(c.items).toHaveLength(52)
    expect(c.itemsOf(9).map((i) => i.code)).toEqual(Array.from({ length: 19 }, (_, k) => `o${k + 1}`))
    expect(c.tools.reduce((s, t) => s + t.weight, 0)).toBeCloseTo(1)
    expect(c.item('o6')?.title).toBe('แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี พ.ศ. 2568')
    expect(c.item('o7')?.title).toMatch(/2567$/)
    expect(c.item('e3')).toMatchObject({ indicator: 6, tool: 'EIT', position: 3 })
    expect(c.itemList).toMatchObject({ fiscalYear: 2568, provisional: false, indicators: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })
  })

  it('has scoring facts for 2563-2569, and item lists only for 2568 and 2569', () => {
    expect(catalogueYears()).toEqual([2563, 2564, 2565, 2566, 2567, 2568, 2569])
    expect(itemListYears()).toEqual([2568, 2569])
    for (const y of catalogueYears()) {
      const c = loadCatalogue(y)
      expect(c.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect(c.tools.map((t) => [t.tool, t.weight])).toEqual([['IIT', 0.3], ['EIT', 0.3], ['OIT', 0.4]])
    }
    expect(loadCatalogue(2564).levels?.scale.map((l) => l.name)).toEqual(['AA', 'A', 'B', 'C', 'D', 'E', 'F'])
    expect(loadCatalogue(2564).levels?.thresholds).toBe('complete')
    expect(loadCatalogue(2566).levels?.scale.map((l) => l.name)).toEqual(['ผ่านดีเยี่ยม', 'ผ่านดี', 'ผ่าน', 'ต้องปรับปรุง', 'ต้องปรับปรุงโดยด่วน'])
    expect(loadCatalogue(2568).levels?.thresholds).toBe('partial')
  })

  it('never lends one year another year\'s items', () => {
    const c2567 = loadCatalogue(2567)
    expect(c2567.fiscalYear).toBe(2567)
    expect(c2567.itemList).toBeUndefined()
    expect(c2567.items).toEqual([])
    expect(c2567.listsItemsOf(1)).toBe(false)
    expect(c2567.structureAssumedFrom).toBeUndefined()
  })

  it('gives a year without data the nearest year\'s structure, no levels and no items, and says so', () => {
    const later = loadCatalogue(2571)
    expect([later.fiscalYear, later.structureAssumedFrom, later.levels, later.itemList]).toEqual([2571, 2569, undefined, undefined])
    expect(loadCatalogue(2560).structureAssumedFrom).toBe(2563)
    const unknown = loadCatalogue(undefined)
    expect([unknown.fiscalYear, unknown.structureAssumedFrom, unknown.items.length]).toEqual([undefined, 2569, 0])
    expect(unknown.toolOf(9)).toBe('OIT')
  })

  it('has a provisional 2569 list of o-items only, with the 2569 numbering', () => {
    const c = loadCatalogue(2569)
    expect(c.itemList).toMatchObject({ fiscalYear: 2569, provisional: true, indicators: [9, 10] })
    expect(c.itemList!.source).toContain('rtrdasmartrailway/web-app-rtrda')
    expect(c.items.map((i) => i.code)).toEqual(Array.from({ length: 26 }, (_, k) => `o${k + 1}`))
    expect(c.listsItemsOf(1)).toBe(false)
    expect(c.itemsOf(1)).toEqual([])
    // The complaint items moved up one, No Gift from o21 to o20; o25 is the improvement report.
    expect(c.item('o16')?.title).toBe('แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ')
    expect(c.item('o18')?.title).toBe('ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2568')
    expect(c.item('o20')?.title).toMatch(/^การขับเคลื่อนนโยบาย No Gift Policy/)
    expect(c.item('o25')?.title).toBe('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร')
    // Items not found in the source are placeholders: known to exist, title unknown, never invented.
    expect(['o2', 'o5', 'o6', 'o7'].map((code) => c.item(code)?.title)).toEqual(['', '', '', ''])
    expect(c.item('o5')).toMatchObject({ indicator: 9, position: 5, note: 'not found in the source' })
    expect(c.item('o19')).toMatchObject({ indicator: 10, position: 1 })
  })

  it('reads the items TSV strictly', () => {
    expect(parseItemsTsv('code\tindicator\ttool\ttitle\ni1\t1\tIIT\tข้อ {FY}\n', 2570)).toEqual([{ code: 'i1', indicator: 1, tool: 'IIT', title: 'ข้อ 2570', position: 1 }])
    expect(() => parseItemsTsv('code\ttitle\ni1\tx\n', 2570)).toThrow(/unexpected header/)
    expect(() => parseItemsTsv('code\tindicator\ttool\ttitle\nx1\t1\tIIT\tx\n', 2570)).toThrow(/line 2/)
  })
})

describe('choosing the catalogue by the report\'s fiscal year', () => {
  it('uses the year\'s own catalogue only when the year was read with confidence', () => {
    expect(catalogueFor(year(2568)).itemList?.fiscalYear).toBe(2568)
    expect(catalogueFor(year(2569)).itemList?.fiscalYear).toBe(2569)
    expect(catalogueFor(year(2567)).itemList).toBeUndefined()
    expect(catalogueFor(year(2568, true)).itemList).toBeUndefined()
    expect(catalogueFor(year(null)).fiscalYear).toBeUndefined()
    expect(catalogueFor(null).fiscalYear).toBeUndefined()
  })

  it('checks a converted report against the items it was identified with, by its source.catalogue', () => {
    const report = (fiscalYear: number, catalogue: number | null) => ({ fiscalYear: year(fiscalYear), source: { catalogue } }) as unknown as Report
    expect(catalogueOfReport(report(2568, 2568)).itemList?.fiscalYear).toBe(2568)
    // Converted when 2567 had no catalogue: its printed codes are not checked against one added later.
    expect(catalogueOfReport(report(2567, null)).itemList).toBeUndefined()
    // Converted by an older version that read a 2567 report with 2568's items: 2567's facts, 2568's items.
    const old = catalogueOfReport(report(2567, 2568))
    expect([old.fiscalYear, old.itemList?.fiscalYear, old.levels?.thresholds]).toEqual([2567, 2568, 'partial'])
  })

  it('says what a report was read without, in one warning gap', () => {
    expect(catalogueGap(loadCatalogue(2568), year(2568), [])).toBeUndefined()
    expect(catalogueGap(loadCatalogue(2567), year(2567), [])).toMatchObject({ code: 'catalogue-missing', severity: 'warning', message: expect.stringMatching(/^no item catalogue for fiscal year 2567: /) })
    expect(catalogueGap(loadCatalogue(2571), year(2571), [])?.message).toMatch(/^no item catalogue or scoring facts for fiscal year 2571: .*the indicators, tools and weights of 2569 are assumed/)
    expect(catalogueGap(loadCatalogue(undefined), year(null), [])?.message).toMatch(/^the fiscal year printed as "๒๕\?๘" could not be read with confidence, so no item catalogue was used/)
    expect(catalogueGap(loadCatalogue(undefined), null, [])?.message).toMatch(/^the fiscal year was not found, so no item catalogue was used/)
    expect(catalogueGap(loadCatalogue(2569), year(2569), [])).toMatchObject({ code: 'catalogue-partial', message: expect.stringContaining('provisional') })
    expect(catalogueGap(loadCatalogue(2569), year(2569), [])?.message).toContain('lists indicator(s) 9-10 only')
  })
})
