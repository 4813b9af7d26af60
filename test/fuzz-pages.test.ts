/**
 * Fuzzing PDFs and page images. In-process: damaged copies of a born-digital PDF (truncated,
 * bytes flipped, cross-reference table and streams broken) through the text-layer reader. Through
 * the CLI batch, with real OCR: PDFs whose page image uses an unusual filter (CCITT G4, JPEG 2000,
 * CMYK JPEG, a damaged JBIG2 stream; test/fixtures/fuzz/README.md) and damaged copies of them,
 * and images of every kind (1-bit, 16-bit, palette, CMYK, truncated, a header claiming 65000 x
 * 65000). Every case must end by itself with a report or a clean one-line error.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { convertBytes } from '../pipelines/convert.js'
import { createRng, type Rng } from '../tools/rng.js'
import { readPdf } from '../src/stages/ingest/pdf/read-pdf.js'
import { expectCleanBatch } from './fuzz/batch-outcome.js'
import { makePng } from '../tools/png-images.js'
import { expectCleanOutcome, tally, type Outcome } from './fuzz/outcome.js'
import { repoPath } from './helpers.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const SEED = Number(process.env.FUZZ_SEED ?? 18)
/** Longer fuzzing runs get time in proportion. */
const PROPERTY_TIMEOUT_MS = 60_000 + RUNS * 5_000
const CASE_BOUND_MS = 30_000

const dir = mkdtempSync(join(tmpdir(), 'ita-fuzz-pages-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const fixture = (...parts: string[]) => readFileSync(repoPath('test', 'fixtures', ...parts))

/** Damage done to PDF bytes: each is what a broken upload or a bad producer does to a real file. */
const PDF_DAMAGE = {
  /** Cut at a random point (an interrupted download). */
  truncate: (b: Buffer, rng: Rng) => b.subarray(0, rng.int(0, b.length - 1)),
  /** A few random bytes changed. */
  flip: (b: Buffer, rng: Rng) => {
    const out = Buffer.from(b)
    for (let k = rng.int(1, 20); k > 0; k--) out[rng.int(0, out.length - 1)] = rng.int(0, 255)
    return out
  },
  /** The cross-reference offsets made wrong (digits changed), or startxref pointing elsewhere. */
  breakXref: (b: Buffer, rng: Rng) => {
    const text = b.toString('latin1')
    const xref = text.lastIndexOf('xref')
    if (xref < 0) return PDF_DAMAGE.flip(b, rng)
    const out = Buffer.from(b)
    for (let k = rng.int(1, 30); k > 0; k--) {
      const at = rng.int(xref, out.length - 1)
      if (out[at]! >= 0x30 && out[at]! <= 0x39) out[at] = 0x30 + rng.int(0, 9)
    }
    return out
  },
  /** Bytes inside a stream's data changed or cut out (a damaged compressed stream). */
  breakStream: (b: Buffer, rng: Rng) => {
    const text = b.toString('latin1')
    const starts = [...text.matchAll(/stream\r?\n/g)].map((m) => m.index + m[0].length)
    if (starts.length === 0) return PDF_DAMAGE.flip(b, rng)
    const start = rng.pick(starts)
    const end = Math.max(start + 1, text.indexOf('endstream', start))
    const out = Buffer.from(b)
    if (rng.next() < 0.5) for (let k = rng.int(1, 10); k > 0; k--) out[rng.int(start, end - 1)] = rng.int(0, 255)
    else return Buffer.concat([b.subarray(0, start + rng.int(0, end - start)), b.subarray(end)])
    return out
  },
} as const

type Damage = keyof typeof PDF_DAMAGE

function damage(bytes: Buffer, kinds: readonly Damage[], seed: number): Buffer {
  const rng = createRng(seed)
  return kinds.reduce((b, kind) => PDF_DAMAGE[kind](b, rng), bytes)
}

describe('PDF regressions found by fuzzing', () => {
  it('a page pdf.js throws on is a page-failed gap; the other pages are read', async () => {
    const { doc } = await readPdf(fixture('fuzz', 'damaged-page-2.pdf'), { file: 'damaged-page-2.pdf' })
    expect(doc.pages[0]!.blocks.length).toBeGreaterThan(0)
    expect(doc.issues.filter((i) => i.code === 'page-failed')).toEqual([expect.objectContaining({ page: 2, message: expect.stringMatching(/^page 2 was not read: the page is damaged \(/) })])
  })
})

describe('fuzzing PDFs (text layer, in process)', () => {
  it('damaged copies of a born-digital PDF: a report or a clean error, never a crash', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const source = fixture('pdf', 'thai-born-digital.pdf')
    const outcomes: Outcome[] = []
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...(Object.keys(PDF_DAMAGE) as Damage[])), { minLength: 1, maxLength: 3 }), fc.nat(), async (kinds, seed) => {
        const file = `damaged-${kinds.join('-')}.pdf`
        outcomes.push(await expectCleanOutcome(file, () => convertBytes(damage(source, kinds, seed), file, { ocr: 'never' }), CASE_BOUND_MS))
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    )
    console.log('damaged PDFs:', tally(outcomes))
  })

  it('PDFs with unusual image filters (CCITT, JPEG 2000, CMYK JPEG, JBIG2), whole and damaged: a clean outcome', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const outcomes: Outcome[] = []
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILTER_FIXTURES), fc.array(fc.constantFrom(...(Object.keys(PDF_DAMAGE) as Damage[])), { maxLength: 2 }), fc.nat(), async (name, kinds, seed) => {
        const file = `${name.replace('.pdf', '')}-${kinds.join('-') || 'whole'}.pdf`
        outcomes.push(await expectCleanOutcome(file, () => convertBytes(damage(fixture('fuzz', name), kinds, seed), file, { ocr: 'never' }), CASE_BOUND_MS))
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    )
    console.log('filter PDFs:', tally(outcomes))
  })
})

const FILTER_FIXTURES = ['filter-ccitt-g4.pdf', 'filter-jpx.pdf', 'filter-cmyk-jpeg.pdf', 'filter-jbig2-damaged.pdf']

describe('fuzzing page images and unusual filters (CLI batch, real OCR)', () => {
  it('every file ends by itself: converted, or failed alone with its reason; converters within the memory bound', { timeout: 300_000 }, async () => {
    const inputs = join(dir, 'in')
    mkdirSync(inputs)
    const put = (name: string, bytes: Uint8Array) => writeFileSync(join(inputs, name), bytes)
    for (const name of FILTER_FIXTURES) put(name, fixture('fuzz', name))
    const png = await makePng({ width: 240, height: 320 })
    const jpeg = fixture('pdf', 'scan-page.jpg')
    put('one-bit.png', await makePng({ width: 240, height: 320, bitDepth: 1 }))
    put('sixteen-bit-rgb.png', await makePng({ width: 240, height: 320, bitDepth: 16, colorType: 2 }))
    put('palette.png', await makePng({ width: 240, height: 320, bitDepth: 1, colorType: 3 }))
    put('grey-alpha.png', await makePng({ width: 240, height: 320, colorType: 4, fill: 0x80 }))
    put('truncated.png', png.subarray(0, png.length - 20))
    put('truncated.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)))
    put('header-only.jpg', jpeg.subarray(0, 700))
    put('huge-header.jpg', withJpegSize(jpeg, 65000, 65000))
    put('cmyk.jpg', cmykJpegOf(fixture('fuzz', 'filter-cmyk-jpeg.pdf')))
    const tallied = await expectCleanBatch(inputs, join(dir, 'out'), { deadlineMs: 170_000, timeoutS: 120 })
    console.log('pages and images:', tallied)
    expect(tallied.E_INPUT_TOO_LARGE).toBe(1)
  })
})

/** The JPEG with its frame header (SOF) saying another size: the decoder would believe it. */
function withJpegSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg)
  for (let at = 2; at + 9 < out.length; ) {
    const marker = out[at + 1]!
    if (marker >= 0xc0 && marker <= 0xc3) {
      out.writeUInt16BE(height, at + 5)
      out.writeUInt16BE(width, at + 7)
      return out
    }
    at += 2 + out.readUInt16BE(at + 2)
  }
  throw new Error('no frame header')
}

/** The CMYK JPEG stored in the CMYK filter fixture, as a file of its own. */
function cmykJpegOf(pdf: Buffer): Buffer {
  const start = pdf.indexOf(Buffer.from([0xff, 0xd8, 0xff]))
  const end = pdf.lastIndexOf(Buffer.from([0xff, 0xd9]))
  return pdf.subarray(start, end + 2)
}
