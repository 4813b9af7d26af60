/**
 * The two OCR engines on the bundled scans: tesseract.js (`--ocr-engine js`) and the system's
 * tesseract (`native`) must give the same report values, every number alike, and both the values
 * every bankum input must give (samples/bankum/expected-values.json). Kept to the pages that hold
 * every kind of number the scans have: the summary table (indicator and tool scores, a cell
 * spanning rows) at 300 dpi, a page of the detail list (indicator headers and item scores) at
 * 200 dpi, and the overall analysis (total, level, last year's score and difference).
 * Skipped, saying so, where native tesseract with Thai is not installed (.ci/run installs it).
 */
import { readFileSync } from 'node:fs'
import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { convertBytes } from '../pipelines/convert.js'
import type { Report } from '../src/report/schema.js'
import { probeNativeTesseract } from '../src/stages/ocr/native-engine-probe.js'
import { repoPath, reportValues, type ReportValues } from './helpers.js'

const expected = JSON.parse(readFileSync(repoPath('samples', 'bankum', 'expected-values.json'), 'utf8')) as ReportValues
const native = await probeNativeTesseract()
const describeNative = 'missing' in native ? describe.skip : describe
if ('missing' in native) console.warn(`ocr-engines.test.ts: skipping the js-vs-native comparison: ${native.missing}`)

/** The pages of a bundled scan as a PDF of their own. */
async function pages(file: string, numbers: number[]): Promise<Uint8Array> {
  const source = await PDFDocument.load(readFileSync(repoPath('samples', 'bankum', file)))
  const out = await PDFDocument.create()
  for (const page of await out.copyPages(source, numbers.map((n) => n - 1))) out.addPage(page)
  return out.save()
}

/** Every number value in a report (with where it is), whatever its kind. */
function numbers(report: Report): Record<string, unknown> {
  const found: Record<string, unknown> = {}
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}[${i}]`))
    if (node === null || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if ('prov' in record && (typeof record.value === 'number' || record.value === null)) found[path] = record.uncertain ? { value: record.value, uncertain: true } : record.value
    for (const [key, value] of Object.entries(record)) if (key !== 'prov') walk(value, `${path}.${key}`)
  }
  walk(report, '')
  return found
}

const cases = [
  { file: 'scanned-300dpi.pdf', pages: [1, 5], what: 'summary table and overall analysis, 300 dpi' },
  { file: 'scanned-200dpi.pdf', pages: [2], what: 'a detail list page, 200 dpi' },
]

describeNative.each(cases)('samples/bankum/$file pages $pages ($what): js and native engines', ({ file, pages: numbersOf }) => {
  const reports: Partial<Record<'js' | 'native', Report>> = {}

  beforeAll(async () => {
    const bytes = await pages(file, numbersOf)
    // One after the other: each engine has the 2 cores to itself.
    for (const engine of ['native', 'js'] as const) reports[engine] = await convertBytes(bytes, `${file}#${numbersOf.join(',')}`, { ocrEngineChoice: engine, check: false })
  }, 600_000)

  it('says which engine read the pages', () => {
    expect(reports.js!.source.ocrEngine).toMatch(/^tesseract\.js \d/)
    expect(reports.native!.source.ocrEngine).toMatch(/^tesseract \d.* \(native\)$/)
  })

  it('gives the same number everywhere, with either engine', () => {
    const js = numbers(reports.js!)
    expect(Object.keys(js).length).toBeGreaterThan(10)
    expect(numbers(reports.native!)).toEqual(js)
  })

  it.each(['js', 'native'] as const)('%s: every score read is the expected one, none missing from these pages', (engine) => {
    const got = reportValues(reports[engine]!)
    let compared = 0
    for (const have of got.indicators) {
      const want = expected.indicators.find((i) => i.number === have.number)
      expect(want, `indicator ${have.number} exists`).toBeDefined()
      have.scores.forEach((score, k) => {
        if (score === null) return
        expect(score, `indicator ${have.number} score ${k}`).toBe(want!.scores[k])
        compared += 1
      })
      for (const [code, score] of have.items) {
        // A page cut from its report may start with an item whose code was on the page before.
        if (code === null) expect(want!.items.map(([, s]) => s), `an item of indicator ${have.number}`).toContain(score)
        else expect(want!.items, `item ${code} of indicator ${have.number}`).toContainEqual([code, score])
        compared += 1
      }
    }
    if (numbersOf.includes(1)) {
      // The summary table: all ten indicator scores and the three tool scores.
      expect(got.indicators.map((i) => i.scores[0])).toEqual(expected.indicators.map((i) => i.scores[0]))
      expect(got.tools).toEqual(expected.tools)
    }
    if (numbersOf.includes(5)) {
      expect(got.totalScore).toBe(expected.totalScore)
      expect(got.previous).toEqual(expected.previous)
    }
    expect(compared).toBeGreaterThanOrEqual(10)
  })
})
