/**
 * End to end, with the real OCR: the pages of all files in a batch share the runner's one
 * tesseract engine. Two small scanned inputs (pages cut from samples/bankum/scanned-200dpi.pdf)
 * are converted next to a converter that is killed on timeout while its own OCR requests are
 * still out; the engine is started once, the killed converter's requests are dropped, and the
 * other files come out exactly as when each is converted alone (with its own engine).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertFile } from '../pipelines/convert.js'
import { readManifest } from '../src/batch/manifest.js'
import { runBatch, type BatchReporter } from '../src/batch/run-batch.js'
import type { Report } from '../src/report/schema.js'
import { repoPath, seedTranscript } from './helpers.js'

const hogWorker = fileURLToPath(new URL('./batch-fixtures/ocr-hog-worker.ts', import.meta.url))
const scanned = repoPath('samples', 'bankum', 'scanned-200dpi.pdf')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-shared-ocr-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A PDF of the given pages (1-based) of other PDFs, in order. */
async function cutPdf(path: string, parts: Array<{ from: string; pages: number[] }>): Promise<string> {
  const out = await PDFDocument.create()
  for (const part of parts) {
    const src = await PDFDocument.load(readFileSync(part.from))
    for (const page of await out.copyPages(src, part.pages.map((n) => n - 1))) out.addPage(page)
  }
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, await out.save())
  return path
}

const quiet: BatchReporter = { begin() {}, skipped() {}, started() {}, page() {}, finished() {}, end() {} }

function readReport(outDir: string, document: string): Report {
  return JSON.parse(readFileSync(join(outDir, `${document}.json`), 'utf8')) as Report
}

describe('batch: one OCR engine for the pages of all files', () => {
  it('starts one engine, survives a converter killed mid-OCR, and gives each file what converting it alone gives', { timeout: 240_000 }, async () => {
    const inDir = join(dir, 'mixed')
    // The hog is dispatched first and keeps images out at the engine until it is killed.
    mkdirSync(inDir, { recursive: true })
    writeFileSync(join(inDir, '0-hog.txt'), 'ocr-then-hang')
    const one = await cutPdf(join(inDir, 'a-page1.pdf'), [{ from: scanned, pages: [1] }])
    const two = await cutPdf(join(inDir, 'b-pages1-2.pdf'), [{ from: scanned, pages: [1, 2] }])
    const outDir = join(dir, 'out-mixed')
    const started: number[] = []
    const summary = await runBatch([inDir], {
      outDir,
      cwd: dir,
      jobs: 2,
      ocrWorkers: 2,
      // Long enough for each small file (about 10 s alone); the hog never finishes;
      // finished pages earn it no extra time here.
      timeoutMs: 45_000,
      timePerPageMs: 0,
      workerModule: hogWorker,
      reporter: quiet,
      onOcrEngineStarted: (info) => started.push(info.workers),
    })

    expect(summary.failures.map((f) => [f.document, f.error.code])).toEqual([['0-hog.txt', 'E_TIMEOUT']])
    expect(summary.converted).toBe(2)
    expect(started).toEqual([2])
    expect(summary.ocr.engines).toBe(1)
    // Every page of the two small files went through the shared engine (plus what the hog started).
    expect(summary.ocr.pages).toBeGreaterThanOrEqual(3)
    // The hog was killed with images still waiting or running (it always has some out): they were
    // dropped, not answered.
    expect(summary.ocr.dropped + summary.ocr.discarded).toBeGreaterThan(0)

    for (const [file, document] of [
      [one, 'a-page1.pdf'],
      [two, 'b-pages1-2.pdf'],
    ] as const) {
      const batch = readReport(outDir, document)
      expect(batch.source.readBy.every((r) => r === 'ocr')).toBe(true)
      expect(batch.gaps.filter((g) => g.code === 'page-failed')).toEqual([])
      const alone = await convertFile(batch.source.file)
      expect(batch, document).toEqual(JSON.parse(JSON.stringify(alone)))
    }
  })

  it('a page over --page-timeout becomes a page-failed gap, the file is done, and a re-run with another limit converts it again', { timeout: 120_000 }, async () => {
    // Text-layer pages read without OCR, then one scanned page that needs it.
    const born = repoPath('samples', 'bankum', 'born-digital.pdf')
    const bornPages = (await PDFDocument.load(readFileSync(born))).getPageCount()
    const file = await cutPdf(join(dir, 'timeout', 'mixed.pdf'), [
      { from: born, pages: Array.from({ length: bornPages }, (_, i) => i + 1) },
      { from: scanned, pages: [1] },
    ])
    const outDir = join(dir, 'out-timeout')
    const run = (pageTimeoutMs?: number) => runBatch([file], { outDir, cwd: dir, jobs: 1, reporter: quiet, ...(pageTimeoutMs === undefined ? {} : { pageTimeoutMs }) })

    const first = await run(1)
    expect(first.failures).toEqual([])
    expect(first.converted).toBe(1)
    const report = readReport(outDir, 'mixed.pdf')
    const failed = report.gaps.filter((g) => g.code === 'page-failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]!.message).toMatch(/timed out/)
    expect(report.indicators.length).toBeGreaterThan(0)
    const last = (await readManifest(join(outDir, 'manifest.jsonl'))).get(file)!.last!
    expect(last).toMatchObject({ event: 'done', pagesFailed: 1, pageTimeoutMs: 1 })

    // Same limit: nothing new to gain, the input is skipped.
    expect((await run(1)).skipped).toBe(1)
    // Another limit: the page that failed for lack of time is tried again, and now read.
    const third = await run()
    expect(third.converted).toBe(1)
    const again = readReport(outDir, 'mixed.pdf')
    expect(again.gaps.filter((g) => g.code === 'page-failed')).toEqual([])
    expect(again.source.readBy.at(-1)).toBe('ocr')
  })

  it('a batch of transcripts never starts tesseract', async () => {
    const inDir = join(dir, 'transcripts')
    mkdirSync(inDir, { recursive: true })
    const text = readFileSync(seedTranscript, 'utf8')
    writeFileSync(join(inDir, 'a.txt'), text)
    writeFileSync(join(inDir, 'b.txt'), text.replaceAll('บ้านกุ่ม', 'หนองหญ้าไซ'))
    let engineStarted = false
    const summary = await runBatch([inDir], { outDir: join(dir, 'out-transcripts'), cwd: dir, jobs: 2, reporter: quiet, onOcrEngineStarted: () => (engineStarted = true) })
    expect(summary.converted).toBe(2)
    expect(engineStarted).toBe(false)
    expect(summary.ocr).toMatchObject({ engines: 0, pages: 0, recognised: 0 })
  })
})
