/**
 * Checks the committed sample files (samples/bankum/*.pdf, samples/nongbua/*), not a fresh generation: they are the
 * inputs other tests and the README rely on.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib'
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NONGBUA_DIR, NONGBUA_FIXTURE, SAMPLE_DIR } from './generate-samples.js'

const PAGES = 24
const PORTRAIT_PAGES = 9 // title, summary, detail list, analysis; the measures tables follow in landscape
const A4 = { short: 594.96, long: 841.92 }

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
const asset = (sub: string): string => pathToFileURL(join(pdfjsDir, sub)).href + '/'

async function openPdfjs(file: string): Promise<PDFDocumentProxy> {
  return getDocument({
    data: new Uint8Array(readFileSync(join(SAMPLE_DIR, file))),
    isEvalSupported: false,
    standardFontDataUrl: asset('standard_fonts'),
    cMapUrl: asset('cmaps'),
    cMapPacked: true,
    wasmUrl: asset('wasm'),
    verbosity: 0,
  }).promise
}

async function pageSizes(file: string): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(readFileSync(join(SAMPLE_DIR, file)), { updateMetadata: false })
  return doc.getPages().map((p) => p.getSize())
}

/**
 * Base consonants, vowels and digits only. Chromium maps the positional variants of Thai marks
 * (uni0E48.small, uni0E35.narrow, ...) to U+0000 in ToUnicode and gives the true text in
 * /ActualText spans, which pdfjs getTextContent ignores: so pdfjs text lacks many marks.
 */
function skeleton(s: string): string {
  return s
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/[\u0000\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '')
    .replace(/\s+/g, '')
}

describe.each(['born-digital.pdf', 'scanned-300dpi.pdf', 'scanned-200dpi.pdf'])('%s', (file) => {
  it('exists with 24 A4 pages: portrait first, then the landscape measures tables', async () => {
    expect(existsSync(join(SAMPLE_DIR, file))).toBe(true)
    const sizes = await pageSizes(file)
    expect(sizes).toHaveLength(PAGES)
    sizes.forEach(({ width, height }, i) => {
      const portrait = i < PORTRAIT_PAGES
      expect(width).toBeCloseTo(portrait ? A4.short : A4.long, 1)
      expect(height).toBeCloseTo(portrait ? A4.long : A4.short, 1)
    })
  })

  it('has fixed metadata (reruns give the same bytes)', async () => {
    const doc = await PDFDocument.load(readFileSync(join(SAMPLE_DIR, file)), { updateMetadata: false })
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-10-15T03:00:00.000Z')
    expect(doc.getProducer()).toMatch(/^ita-extract samples\/generate/)
  })
})

describe('born-digital.pdf', () => {
  let doc: PDFDocumentProxy
  let pages: string[]
  beforeAll(async () => {
    doc = await openPdfjs('born-digital.pdf')
    pages = []
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent()
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''))
    }
  })
  afterAll(async () => {
    await doc?.destroy()
  })

  it.each([
    [1, 'องค์การบริหารส่วนตำบลบ้านกุ่ม'],
    [1, 'อำเภอสองพี่น้อง จังหวัดสุพรรณบุรี'],
    [1, 'คะแนนรายเครื่องมือ'],
    [1, 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ'],
    [2, 'ประเด็นการประเมิน'],
    [7, 'การแก้ไขปัญหาการทุจริต คะแนน ๙๑.๗๔'],
    [10, 'ผลการประเมิน (คะแนน)'],
    [10, 'ทุกส่วนราชการ'],
  ])('has a Thai text layer: page %i contains "%s"', (page, text) => {
    expect(skeleton(pages[page - 1]!)).toContain(skeleton(text))
  })

  it('keeps the printed numbers exactly, Thai digits included', () => {
    expect(pages[0]).toContain('๙๐.๔๒')
    expect(pages[0]).toContain('๙๙.๕๖') // the OIT tool score as printed (inconsistent with 75.00 and 90.00)
    expect(skeleton(pages.join(''))).toContain(skeleton('๑ ตุลาคม ๒๕๖๔ - ๓๐ กันยายน ๒๕๖๕'))
  })

  it('repeats the detail list header on each of its pages', () => {
    const withHeader = pages.filter((p) => skeleton(p).includes(skeleton('ประเด็นการประเมินคะแนนที่ได้')))
    expect(withHeader.length).toBeGreaterThanOrEqual(3)
  })

  const pdftotext = (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()
  it.skipIf(!pdftotext)('keeps every Thai mark in its text layer (checked with poppler pdftotext)', () => {
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', join(SAMPLE_DIR, 'born-digital.pdf'), '-'], { encoding: 'utf8' })
    const flat = text.replace(/\s+/g, '')
    for (const s of ['องค์การบริหารส่วนตำบลบ้านกุ่ม', 'ตัวชี้วัดที่๑การปฏิบัติหน้าที่', 'ตัวชี้วัดที่๑๐การป้องกันการทุจริต']) expect(flat).toContain(s)
  })
})

describe.each([
  ['scanned-300dpi.pdf', 300],
  ['scanned-200dpi.pdf', 200],
])('%s', (file, dpi) => {
  it('has exactly one grey JPEG per page, at the scan resolution, and nothing else', async () => {
    const doc = await PDFDocument.load(readFileSync(join(SAMPLE_DIR, file)), { updateMetadata: false })
    for (const page of doc.getPages()) {
      const resources = page.node.Resources()
      expect(resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.entries() ?? []).toEqual([])
      const xobjects = resources?.lookup(PDFName.of('XObject'), PDFDict)
      const entries = xobjects?.entries() ?? []
      expect(entries).toHaveLength(1)
      const image = doc.context.lookup(entries[0]![1])
      if (!(image instanceof PDFRawStream)) throw new Error(`page XObject is not a stream: ${String(image)}`)
      const get = (key: string) => image.dict.lookup(PDFName.of(key))
      expect(get('Subtype')).toBe(PDFName.of('Image'))
      expect(get('Filter')).toBe(PDFName.of('DCTDecode'))
      expect(get('ColorSpace')).toBe(PDFName.of('DeviceGray'))
      const { width, height } = page.getSize()
      expect((get('Width') as PDFNumber).asNumber()).toBe(Math.round((width * dpi) / 72))
      expect((get('Height') as PDFNumber).asNumber()).toBe(Math.round((height * dpi) / 72))
    }
  })

  it('draws that one image and has no text layer', async () => {
    const doc = await openPdfjs(file)
    try {
      for (const n of [1, 10, PAGES]) {
        const page = await doc.getPage(n)
        expect((await page.getTextContent()).items).toEqual([])
        const ops = await page.getOperatorList()
        const paints = ops.fnArray.filter((fn) => fn === OPS.paintImageXObject)
        expect(paints).toHaveLength(1)
        expect(ops.fnArray).not.toContain(OPS.showText)
      }
    } finally {
      await doc.destroy()
    }
  })

  it('stays under 1 MB a page', () => {
    expect(readFileSync(join(SAMPLE_DIR, file)).length / PAGES).toBeLessThan(1024 * 1024)
  })
})

describe('samples/nongbua', () => {
  const file = join(NONGBUA_DIR, 'scanned-250dpi.pdf')
  const NONGBUA_PAGES = 8
  const NONGBUA_PORTRAIT = 6 // title, summary, detail list, analysis; then the two measures tables

  it('transcript.md is the fixture, byte for byte', () => {
    expect(readFileSync(join(NONGBUA_DIR, 'transcript.md'))).toEqual(readFileSync(NONGBUA_FIXTURE))
  })

  it('scanned-250dpi.pdf: A4 pages, portrait then landscape, one grey JPEG each at 250 dpi, fixed metadata', async () => {
    const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false })
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-10-15T03:00:00.000Z')
    expect(doc.getSubject()).toContain('samples/nongbua/transcript.md')
    const pages = doc.getPages()
    expect(pages).toHaveLength(NONGBUA_PAGES)
    pages.forEach((page, i) => {
      const { width, height } = page.getSize()
      const portrait = i < NONGBUA_PORTRAIT
      expect(width).toBeCloseTo(portrait ? A4.short : A4.long, 1)
      expect(height).toBeCloseTo(portrait ? A4.long : A4.short, 1)
      const resources = page.node.Resources()
      expect(resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.entries() ?? []).toEqual([])
      const entries = resources?.lookup(PDFName.of('XObject'), PDFDict)?.entries() ?? []
      expect(entries).toHaveLength(1)
      const image = doc.context.lookup(entries[0]![1])
      if (!(image instanceof PDFRawStream)) throw new Error(`page XObject is not a stream: ${String(image)}`)
      expect(image.dict.lookup(PDFName.of('Filter'))).toBe(PDFName.of('DCTDecode'))
      expect(image.dict.lookup(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceGray'))
      // pdftoppm rounds the pixel size up or to nearest: within a pixel of the page at 250 dpi
      expect(Math.abs((image.dict.lookup(PDFName.of('Width')) as PDFNumber).asNumber() - (width * 250) / 72)).toBeLessThan(1)
    })
    expect(readFileSync(file).length / NONGBUA_PAGES).toBeLessThan(1024 * 1024)
  })

  it('scanned-250dpi.pdf has no text layer', async () => {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, wasmUrl: asset('wasm'), verbosity: 0 }).promise
    try {
      for (const n of [1, NONGBUA_PAGES]) expect((await (await doc.getPage(n)).getTextContent()).items).toEqual([])
    } finally {
      await doc.destroy()
    }
  })

  it('expected-values.json holds the fixture\'s numbers', () => {
    const values = JSON.parse(readFileSync(join(NONGBUA_DIR, 'expected-values.json'), 'utf8')) as {
      totalScore: number
      tools: [string, number][]
      indicators: { number: number; scores: number[]; items: [string, number][] }[]
    }
    const fixture = JSON.parse(readFileSync(NONGBUA_FIXTURE.replace(/\.md$/, '.expected-scores.json'), 'utf8')) as {
      items: Record<string, number>
      indicators: Record<string, number>
      tools: Record<string, number>
      total: number
    }
    expect(values.totalScore).toBe(fixture.total)
    expect(Object.fromEntries(values.tools)).toEqual(fixture.tools)
    expect(Object.fromEntries(values.indicators.flatMap((i) => i.items))).toEqual(fixture.items)
    for (const i of values.indicators) expect(i.scores).toEqual([fixture.indicators[String(i.number)]!, fixture.indicators[String(i.number)]!, fixture.indicators[String(i.number)]!])
  })
})
