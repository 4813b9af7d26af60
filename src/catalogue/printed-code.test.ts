import { describe, expect, it } from 'vitest'
import { loadCatalogue } from './catalogue.js'
import { itemAsPrinted, measureItemAsPrinted, readPrintedCode } from './printed-code.js'

describe('reading a printed item code without a catalogue', () => {
  it.each([
    ['i1', 'IIT', 'i1'], // printed i๑
    ['e5', 'EIT', 'e5'], // printed e๕
    ['I12', 'IIT', 'i12'],
    ['o25', 'OIT', 'o25'],
    ['025', 'OIT', 'o25'], // printed ๐๒๕: the zero is the letter o
    ['01', 'OIT', 'o1'],
    ['010', 'OIT', 'o10'],
    ['o025', 'OIT', 'o25'],
    ['e9.', 'EIT', 'e9'],
  ] as const)('"%s" under %s is %s', (printed, tool, code) => {
    expect(readPrintedCode(printed, tool).code).toBe(code)
  })

  it.each([
    ['ii', 'IIT', /letters only/], // i2 or i6: ambiguous, stays unresolved
    ['37', 'IIT', /digits only/], // i7 with the i read as ๓
    ['40', 'IIT', /digits only/], // i10
    ['5)', 'IIT', /digits only/],
    ['e5', 'IIT', /its letter is "e"/],
    ['025', 'IIT', /digits only/], // a zero is the letter o only under OIT
    ['o0', 'OIT', /does not read/],
    ['o99', 'OIT', /does not read/],
  ] as const)('"%s" under %s stays unresolved and says why', (printed, tool, why) => {
    const reading = readPrintedCode(printed, tool)
    expect(reading.code).toBeNull()
    expect(reading.detail).toMatch(why)
  })

  it('accepts another tool\'s letter in a measures table (tables are sometimes headed with the wrong indicator)', () => {
    expect(readPrintedCode('e9', 'IIT', true).code).toBe('e9')
    expect(readPrintedCode('e9', 'IIT').code).toBeNull()
  })
})

describe('items kept as printed', () => {
  it('keeps the printed code, says there was no catalogue, and notes the reading in a repair', () => {
    const c = loadCatalogue(2567)
    expect(itemAsPrinted(c, 10, '025', '๐๒๕')).toEqual({
      code: 'o25',
      match: { by: 'no-catalogue', reason: 'no item catalogue for fiscal year 2567', code: 'printed' },
      repair: { kind: 'code-read', detail: '"025" read as o25 (0 taken for the letter o) (printed "๐๒๕"); no item catalogue for fiscal year 2567' },
    })
    expect(itemAsPrinted(c, 1, 'i1')).toMatchObject({ code: 'i1', repair: undefined })
    expect(itemAsPrinted(c, 1, 'ii')).toMatchObject({ code: null, match: { code: 'unresolved' }, repair: { kind: 'code-unresolved' } })
    expect(itemAsPrinted(c, 1, undefined)).toMatchObject({ code: null, match: { code: 'unresolved' } })
  })

  it('is not used where the catalogue lists the indicator\'s items', () => {
    expect(itemAsPrinted(loadCatalogue(2568), 1, 'i1')).toBeUndefined()
    expect(itemAsPrinted(loadCatalogue(2569), 9, '01')).toBeUndefined()
    expect(itemAsPrinted(loadCatalogue(2569), 1, 'i1')?.match.reason).toBe("the 2569 item catalogue (provisional) does not list indicator 1's items")
    expect(itemAsPrinted(loadCatalogue(undefined), 1, 'i1')?.match.reason).toBe('the fiscal year could not be read, so no item catalogue was used')
  })

  it('reads a measures-table code under the indicator printed on the table', () => {
    expect(measureItemAsPrinted(loadCatalogue(2567), 4, 'e9')?.code).toBe('e9')
    expect(measureItemAsPrinted(loadCatalogue(2567), null, 'e9')).toMatchObject({ code: null, match: { by: 'no-catalogue' } })
    expect(measureItemAsPrinted(loadCatalogue(2568), 4, 'e9')).toBeUndefined()
    expect(measureItemAsPrinted(loadCatalogue(2569), null, 'e9')).toBeUndefined()
  })
})
