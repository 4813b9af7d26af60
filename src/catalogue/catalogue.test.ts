import { describe, expect, it } from 'vitest'
import { catalogueYears, loadCatalogue } from './catalogue.js'

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
  })
  it('falls back to the nearest earlier year for years without their own data', () => {
    expect(catalogueYears()).toContain(2568)
    expect(loadCatalogue(2570).fiscalYear).toBe(2568)
    expect(loadCatalogue(2560).fiscalYear).toBe(catalogueYears()[0])
  })
})
