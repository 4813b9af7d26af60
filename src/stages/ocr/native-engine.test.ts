import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OcrEngineError } from '../../errors.js'
import { createOcrEngine, type OcrEngine } from './engine.js'
import type { PixelBox } from './image.js'
import { parseTesseractOutput } from './native-engine.js'
import { probeNativeTesseract } from './native-engine-probe.js'

const TSV_HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext'
const row = (level: number, page: number, line: number, word: number, box: [number, number, number, number], conf: number, text: string) =>
  [level, page, 1, 1, line, word, ...box, conf, text].join('\t')

describe('parseTesseractOutput', () => {
  it('cuts a list run into one answer per image: text by form feed, words by page_num, line boxes from level 4', () => {
    const tsv = [
      TSV_HEAD,
      row(1, 1, 0, 0, [0, 0, 100, 40], -1, ''),
      row(4, 1, 1, 0, [8, 8, 80, 30], -1, ''),
      row(5, 1, 1, 1, [8, 10, 20, 28], 96.6, 'ก'),
      row(5, 1, 1, 2, [30, 10, 20, 28], 91.2, 'ข'),
      row(5, 1, 1, 3, [60, 10, 28, 28], 88.0, '๑๒'),
      row(1, 2, 0, 0, [0, 0, 100, 40], -1, ''),
      row(1, 3, 0, 0, [0, 0, 100, 80], -1, ''),
      row(4, 3, 1, 0, [5, 5, 50, 20], -1, ''),
      row(5, 3, 1, 1, [5, 5, 50, 20], 90, 'one'),
      row(4, 3, 2, 0, [5, 40, 50, 20], -1, ''),
      row(5, 3, 2, 1, [5, 40, 50, 20], 80, 'two'),
    ].join('\n')
    // Thai words touching in the text output (ก and ข are one printed word); paragraphs apart by an empty line.
    const [first, blank, third] = parseTesseractOutput('กข ๑๒\n\f\fone\n\ntwo\n', tsv, 3)
    expect(first).toEqual({
      text: 'กข ๑๒',
      confidence: 0.88,
      lines: [
        {
          text: 'กข ๑๒',
          bbox: { x0: 8, y0: 8, x1: 88, y1: 38 },
          words: [
            { text: 'ก', confidence: 0.97, bbox: { x0: 8, y0: 10, x1: 28, y1: 38 }, start: 0, end: 1 },
            { text: 'ข', confidence: 0.91, bbox: { x0: 30, y0: 10, x1: 50, y1: 38 }, start: 1, end: 2 },
            { text: '๑๒', confidence: 0.88, bbox: { x0: 60, y0: 10, x1: 88, y1: 38 }, start: 3, end: 5 },
          ],
        },
      ],
    })
    expect(blank).toEqual({ text: '', lines: [], confidence: 0 })
    expect(third!.lines.map((l) => [l.text, l.bbox.y0])).toEqual([
      ['one', 5],
      ['two', 40],
    ])
  })

  it('refuses output that does not hold one answer per image', () => {
    expect(() => parseTesseractOutput('a\n\fb\n', TSV_HEAD, 3)).toThrow(OcrEngineError)
  })
})

const native = await probeNativeTesseract()
const describeNative = 'missing' in native ? describe.skip : describe
if ('missing' in native) console.warn(`native-engine.test.ts: skipping the native tesseract tests: ${native.missing}`)

const require = createRequire(import.meta.url)
GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf'), 'Sarabun')

/** One printed line, as read-lines.ts gives tesseract: a grey crop with a white margin. */
function lineImage(text: string): Uint8Array {
  const canvas = createCanvas(40 + 22 * text.length, 70)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = 'white'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.fillStyle = 'black'
  ctx.font = '36px Sarabun'
  ctx.fillText(text, 20, 48)
  return canvas.toBuffer('image/png')
}

// No Thai digits but the first: tesseract misreads them (the digit reader reads numbers).
const near = (a: PixelBox, b: PixelBox) => Math.max(Math.abs(a.x0 - b.x0), Math.abs(a.y0 - b.y0), Math.abs(a.x1 - b.x1), Math.abs(a.y1 - b.y1)) <= 6
const LINES = ['ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', 'คะแนนรายเครื่องมือ', 'Integrity and Transparency Assessment', 'ระดับผลการประเมิน ผ่าน']

describeNative('the native engine (system tesseract)', () => {
  let dir: string
  let log: string
  let engine: OcrEngine
  const signal = new AbortController().signal

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'native-engine-test-'))
    // The real tesseract, behind a script that counts its runs.
    log = join(dir, 'runs.log')
    const counting = join(dir, 'tesseract')
    await writeFile(counting, `#!/bin/sh\necho "$@" >> '${log}'\nexec tesseract "$@"\n`)
    await chmod(counting, 0o755)
    engine = await createOcrEngine({ kind: 'native', command: counting, workers: 2 })
  })
  afterAll(async () => {
    await engine?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  const runs = async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter((l) => l && !l.startsWith('--')).length

  it('names itself with its version', () => {
    expect(engine.kind).toBe('native')
    expect(engine.name).toMatch(/^tesseract \d+\.\d+.* \(native\)$/)
  })

  it('reads images asked for together in one process per core, and gives what tesseract.js gives', { timeout: 120_000 }, async () => {
    const images = [...LINES, ...LINES, ...LINES].map(lineImage)
    const before = await runs()
    const read = await engine.withPage(1, signal, (s) => Promise.all(images.map((image) => s.recognise(image, { segmentation: 'line', dpi: 200 }))))
    expect((await runs()) - before).toBeLessThanOrEqual(2)
    // Spaces aside: tesseract may put one between two Thai words printed touching.
    const unspaced = (t: string) => t.replace(/\s/g, '')
    expect(read.slice(0, 4).map((r) => unspaced(r.text))).toEqual(LINES.map(unspaced))
    // The same image gives the same answer whichever process read it.
    expect(read.slice(4, 8)).toEqual(read.slice(0, 4))

    const js = await createOcrEngine({ kind: 'tesseract', workers: 1 })
    try {
      const jsRead = await js.withPage(1, signal, (s) => Promise.all(images.slice(0, 4).map((image) => s.recognise(image, { segmentation: 'line', dpi: 200 }))))
      expect(read.slice(0, 4).map((r) => r.text)).toEqual(jsRead.map((r) => r.text))
      // The same words at the same places of the line text; boxes and confidences within a rounding
      // of each other (tesseract.js is another build of tesseract, in WebAssembly).
      const words = (r: (typeof read)[number]) => r.lines.map((l) => l.words.map((w) => [w.text, w.start, w.end]))
      expect(read.slice(0, 4).map(words)).toEqual(jsRead.map(words))
      for (const [k, r] of read.slice(0, 4).entries()) {
        const other = jsRead[k]!.lines[0]!
        expect(near(r.lines[0]!.bbox, other.bbox)).toBe(true)
        r.lines[0]!.words.forEach((w, i) => {
          expect(near(w.bbox, other.words[i]!.bbox), `box of ${w.text} in line ${k}`).toBe(true)
          expect(Math.abs(w.confidence - other.words[i]!.confidence)).toBeLessThanOrEqual(0.03)
        })
      }
    } finally {
      await js.close()
    }
  })

  it('fails an image tesseract cannot read alone: the others of its batch are still read', { timeout: 120_000 }, async () => {
    const bad = new Uint8Array([1, 2, 3, 4])
    const results = await engine.withPage(2, signal, (s) =>
      Promise.allSettled([lineImage(LINES[1]!), bad, lineImage(LINES[0]!)].map((image) => s.recognise(image, { segmentation: 'line', dpi: 200 }))),
    )
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(OcrEngineError)
    expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/^OCR failed on page 2: native tesseract failed/)
    expect((results[2] as PromiseFulfilledResult<{ text: string }>).value.text).toBe(LINES[0])
  })

  it('stops waiting at once when the page is abandoned', { timeout: 60_000 }, async () => {
    const controller = new AbortController()
    const started = performance.now()
    const reading = engine.withPage(3, controller.signal, (s) => Promise.all(Array.from({ length: 30 }, () => s.recognise(lineImage(LINES[2]!), { segmentation: 'line' }))))
    setTimeout(() => controller.abort(new DOMException('page timed out', 'TimeoutError')), 50)
    await expect(reading).rejects.toThrow('page timed out')
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})
