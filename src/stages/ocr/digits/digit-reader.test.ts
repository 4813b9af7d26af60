import { readFile } from 'node:fs/promises'
import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { resolveFontFiles } from '../../../../tools/digit-model/fonts.js'
import { loadDigitModel, readNumber, readNumberFromImage } from './index.js'
import { toInkBitmapOrBlank, boxWidth, toGrey } from '../image.js'
import { decodeImage } from './image-io.js'
import { HARSH_RANGES, TEST_RANGES, renderCell, registerFonts, toThaiDigits, type CellStyle } from '../../../../tools/digit-model/render.js'
import { segmentCell } from './segment.js'
import { createRng } from '../../../../tools/rng.js'
import { generateTestCells, type TestCell } from '../../../../tools/digit-model/test-cells.js'

const fonts = resolveFontFiles()
const sarabun = fonts.find((f) => f.family === 'sarabun' && f.weight === '400Regular')!

function cleanStyle(overrides: Partial<CellStyle> = {}): CellStyle {
  return {
    fontAlias: sarabun.alias,
    pt: 16,
    dpi: 300,
    rotationDeg: 0,
    weightDelta: 0,
    blurSigma: 0.6,
    noiseSigma: 4,
    ink: 20,
    paper: 245,
    bilevel: null,
    align: 0.5,
    ruling: { top: 2, bottom: 2, left: 2, right: 2 },
    specks: 0,
    ...overrides,
  }
}

function cell(text: string, overrides: Partial<CellStyle> = {}) {
  registerFonts([sarabun])
  const img = renderCell(text, cleanStyle(overrides), createRng(1))
  return { data: img.data, width: img.width, height: img.height, channels: 1 }
}

interface Tally {
  n: number
  right: number
  uncertain: number
  wrong: number
}

function score(cells: TestCell[]): Map<string, Tally> {
  const byFamily = new Map<string, Tally>()
  for (const c of cells) {
    const r = readNumber(c.crop)
    const t = byFamily.get(c.family) ?? { n: 0, right: 0, uncertain: 0, wrong: 0 }
    byFamily.set(c.family, t)
    t.n++
    if (r.uncertain) t.uncertain++
    else if (r.text === c.expected && r.value === Number(c.expected)) t.right++
    else t.wrong++
  }
  return byFamily
}

function total(tallies: Iterable<Tally>): Tally {
  const sum = { n: 0, right: 0, uncertain: 0, wrong: 0 }
  for (const t of tallies) for (const k of Object.keys(sum) as (keyof Tally)[]) sum[k] += t[k]
  return sum
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`

describe('readNumber on synthetic scanned score cells (seeds and conditions unseen in training)', () => {
  const typical = generateTestCells({ perFont: 12, ranges: TEST_RANGES })
  const harsh = generateTestCells({ perFont: 6, ranges: HARSH_RANGES, seed: 0x4a25 })
  const report = (name: string, t: Tally) =>
    console.log(`${name}: ${t.n} cells, ${pct(t.right, t.n)} right, ${t.uncertain} uncertain, ${t.wrong} wrong`)

  it('reads >= 99% of typical scans in the trained font families right, none wrong', () => {
    const t = total(score(typical.filter((c) => !c.heldOut)).values())
    report('typical scans, trained families', t)
    expect(t.n).toBeGreaterThan(300)
    expect(t.right / t.n).toBeGreaterThanOrEqual(0.99)
    expect(t.wrong).toBe(0)
  })

  it('reads tight crops (a box around the ink, as the OCR stage cuts numbers) as well', () => {
    const tight = generateTestCells({ perFont: 5, ranges: TEST_RANGES, seed: 0x71c4, crop: 'tight', thaiShare: 0.5 })
    const t = total(score(tight.filter((c) => !c.heldOut)).values())
    report('tight crops, typical scans, trained families', t)
    expect(t.right / t.n).toBeGreaterThanOrEqual(0.98)
    expect(t.wrong).toBe(0)
  })

  it('on harsh scans says uncertain more often but is almost never wrong', () => {
    const t = total(score(harsh.filter((c) => !c.heldOut)).values())
    report('harsh scans, trained families', t)
    expect(t.right / t.n).toBeGreaterThanOrEqual(0.93)
    expect(t.wrong / t.n).toBeLessThanOrEqual(0.005)
  })

  it('generalises to a font family it was never trained on (reports the figure)', () => {
    const heldOut = loadDigitModel().file.heldOut.join(', ')
    const heldOutFonts = fonts.filter((f) => f.use === 'held-out')
    const cellsOf = (ranges: typeof TEST_RANGES) => generateTestCells({ perFont: 30, ranges, fonts: heldOutFonts, seed: 0x0d0 })
    const t = total(score(cellsOf(TEST_RANGES)).values())
    report(`typical scans, held-out family (${heldOut})`, t)
    report(`harsh scans, held-out family (${heldOut})`, total(score(cellsOf(HARSH_RANGES)).values()))
    expect(t.n).toBeGreaterThanOrEqual(60)
    // A floor, not a target: below it the model has stopped generalising at all.
    expect(t.right / t.n).toBeGreaterThanOrEqual(0.75)
  })
})

describe('readNumber on touching digits', () => {
  // Years set tight (negative letter spacing) in every trained regular face, 200 and 300 dpi:
  // the cells where three digits run together beside one that stands alone.
  const regular = fonts.filter((f) => f.weight === '400Regular')
  registerFonts(regular)
  const cells = regular.flatMap((f) =>
    ['2568', '2569', '2564', '2570', '2558', '2547'].flatMap((year) =>
      ([200, 300] as const).map((dpi, k) => {
        const img = renderCell(toThaiDigits(year), cleanStyle({ fontAlias: f.alias, dpi, letterSpacing: -0.06, ruling: { top: 0, bottom: 0, left: 0, right: 0 } }), createRng(k))
        const crop = { data: img.data, width: img.width, height: img.height, channels: 1 }
        const glyphs = segmentCell(toInkBitmapOrBlank(toGrey(crop)).bitmap).segments.map((g) => boxWidth(g.box))
        return { year, crop, runOfThree: glyphs.length === 2 && Math.max(...glyphs) > 2.2 * Math.min(...glyphs) }
      }),
    ),
  )

  it('cuts three touching digits apart when a lone digit beside them shows their width', () => {
    const three = cells.filter((c) => c.runOfThree)
    const read = three.map((c) => readNumber(c.crop, { pattern: 'integer' }))
    const right = read.filter((r, i) => !r.uncertain && r.text === three[i]!.year).length
    console.log(`three touching digits: ${three.length} cells, ${right} right, ${read.filter((r) => r.uncertain).length} uncertain`)
    expect(three.length).toBeGreaterThanOrEqual(5)
    // Some stay uncertain (a cut not confident enough): allowed, a wrong year is not (next test).
    expect(right / three.length).toBeGreaterThanOrEqual(0.5)
  })

  it('is never wrong on tight years, whatever runs together', () => {
    const wrong = cells.filter((c) => {
      const r = readNumber(c.crop, { pattern: 'integer' })
      return !r.uncertain && r.text !== c.year
    })
    expect(wrong.map((c) => c.year)).toEqual([])
  })
})

describe('readNumber on cells cut from a Taviraj scan at 200 dpi (samples generator, bench:variants)', () => {
  const fixture = async (name: string) => decodeImage(await readFile(new URL(`./fixtures/${name}`, import.meta.url)))

  it('reads a year whose last three digits run together (๒ ๕๖๘)', async () => {
    const r = readNumber(await fixture('taviraj-200dpi-year-2568.png'), { pattern: 'integer' })
    expect([r.text, r.uncertain]).toEqual(['2568', false])
  })

  it('reads ๑๐๐.๐๐ whose last two zeros touch: no other score has three digits before the point', async () => {
    const r = readNumber(await fixture('taviraj-200dpi-score-100.00.png'), { pattern: 'score' })
    expect([r.text, r.uncertain]).toEqual(['100.00', false])
  })
})

describe('readNumber', () => {
  it('reads a clean Sarabun score with glyph boxes and confidences', () => {
    const r = readNumber(cell('๘๙.๔๑'))
    expect(r).toMatchObject({ text: '89.41', value: 89.41, uncertain: false })
    expect(r.glyphs.map((g) => g.char).join('')).toBe('89.41')
    expect(r.confidence).toBeGreaterThan(0.9)
    for (const g of r.glyphs) expect(g.bbox.x1).toBeGreaterThan(g.bbox.x0)
  })

  it.each([
    ['๑๐๐.๐๐', 'score', 100],
    ['0.00', 'score', 0],
    ['93.55', 'score', 93.55],
    ['๒๕๖๘', 'integer', 2568],
    ['๗๖.๓', 'any', 76.3],
  ] as const)('reads %s as a %s', (text, pattern, value) => {
    expect(readNumber(cell(text), { pattern }).value).toBe(value)
  })

  it('refuses numbers of the wrong shape instead of guessing', () => {
    const year = readNumber(cell('๒๕๖๘'), { pattern: 'score' })
    expect(year).toMatchObject({ uncertain: true, value: null, text: '2568' })
    expect(readNumber(cell('๑๒๐.๕๐'), { pattern: 'score' }).value).toBeNull()
  })

  it.each([
    ['a blank crop', () => ({ data: new Uint8Array(120 * 40).fill(250), width: 120, height: 40, channels: 1 })],
    ['a crop with only ruling lines', () => cell(' ')],
    [
      'random noise',
      () => {
        const rng = createRng(3)
        const data = Uint8Array.from({ length: 160 * 50 }, () => Math.floor(rng.next() * 256))
        return { data, width: 160, height: 50, channels: 1 }
      },
    ],
    ['Thai letters', () => cell('กขค')],
    ['a dash', () => cell('-')],
    ['a tiny crop', () => ({ data: new Uint8Array(4), width: 2, height: 2, channels: 1 })],
  ])('gives uncertain, not a number, for %s', (_name, make) => {
    const r = readNumber(make())
    expect(r.uncertain).toBe(true)
    expect(r.value).toBeNull()
    expect(r.reason).toBeTruthy()
  })

  it('is deterministic', () => {
    const crop = cell('๖๒.๔๑', { rotationDeg: 0.8, noiseSigma: 14 })
    expect(readNumber(crop)).toEqual(readNumber(crop))
  })

  it('accepts RGBA crops', () => {
    const grey = cell('๗๕.๒๐')
    const rgba = new Uint8ClampedArray(grey.width * grey.height * 4)
    grey.data.forEach((v, i) => rgba.set([v, v, v, 255], i * 4))
    expect(readNumber({ ...grey, data: rgba, channels: 4 }).value).toBe(75.2)
  })

  it('rejects a bad pattern option with the value received', () => {
    expect(() => readNumber(cell('1'), { pattern: 'float' as never })).toThrow(/got `float`/)
  })
})

describe('readNumberFromImage', () => {
  it('decodes a PNG page and reads the cell inside a pixel bbox', async () => {
    const c = cell('๘๘.๒๕')
    const page = createCanvas(c.width + 300, c.height + 200)
    const g = page.getContext('2d')
    g.fillStyle = '#fff'
    g.fillRect(0, 0, page.width, page.height)
    g.fillStyle = '#000'
    g.font = '40px sans-serif'
    g.fillText('123', 10, 60) // other ink on the page, outside the bbox
    const id = g.createImageData(c.width, c.height)
    c.data.forEach((v, i) => id.data.set([v, v, v, 255], i * 4))
    g.putImageData(id, 150, 100)
    const png = page.toBuffer('image/png')
    const r = await readNumberFromImage(png, { x0: 150, y0: 100, x1: 150 + c.width, y1: 100 + c.height })
    expect(r).toMatchObject({ text: '88.25', value: 88.25, uncertain: false })
  })
})
