/**
 * Huge page images: a small file that decodes to gigabytes must fail alone and say what the cap
 * is: exit 2 when nothing else could be read, a `page-failed` gap when other pages could, and a
 * batch goes on with its other files. Fixtures are made in code (tens of KB on disk).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExitCode } from '../src/cli/exit-code.js'
import { readPdf } from '../src/stages/ingest/pdf/read-pdf.js'
import { NO_STACK, runCliProcess, stderrLines } from './cli-process.js'
import { makePng } from '../tools/png-images.js'
import { makeBigPagePdf, makeImagePdf } from './fuzz/pdfs.js'
import { repoPath, seedTranscript } from './helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'ita-hostile-pages-'))
const path = (name: string) => join(dir, name)
const CAP = /over the cap of 100 megapixels per page image/

beforeAll(async () => {
  writeFileSync(path('huge-image.pdf'), await makeImagePdf({ width: 30_000, height: 30_000, bitsPerComponent: 1 }))
  writeFileSync(path('huge.png'), await makePng({ width: 30_000, height: 30_000, bitDepth: 1 }))
  writeFileSync(path('poster.pdf'), await makeBigPagePdf(200 * 72, 200 * 72))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('one huge page', () => {
  it.each([
    ['a PDF holding a 30000 x 30000 image', 'huge-image.pdf', /huge-image\.pdf: page 1 was not read: its image is 30000 x 30000 px \(900 megapixels\)/],
    ['a 30000 x 30000 PNG', 'huge.png', /huge\.png: the image is 30000 x 30000 px \(900 megapixels\)/],
    ['a PDF page 200 inches square that needs OCR', 'poster.pdf', /poster\.pdf: page 1 was not read: the page is 200 x 200 in, 60000 x 60000 px at 300 dpi/],
  ])('%s -> exit 2, one line stating the cap, in seconds', async (_name, file, reason) => {
    const run = await runCliProcess(['convert', path(file), '-o', path(`${file}.json`)], { deadlineMs: 90_000 })
    expect(run.killed).toBe(false)
    expect(run.code).toBe(ExitCode.inputFile)
    const lines = stderrLines(run)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(reason)
    expect(lines[0]).toMatch(CAP)
    expect(run.stderr).not.toMatch(NO_STACK)
  })

  it('a huge page among readable ones becomes a page-failed issue; the other pages are read', async () => {
    const doc = await PDFDocument.create()
    const [text] = await doc.copyPages(await PDFDocument.load(readFileSync(repoPath('test', 'fixtures', 'pdf', 'thai-born-digital.pdf'))), [0])
    doc.addPage(text!)
    const [huge] = await doc.copyPages(await PDFDocument.load(readFileSync(path('huge-image.pdf'))), [0])
    doc.addPage(huge!)
    const { doc: read, needsOcr } = await readPdf(await doc.save(), { file: 'two.pdf' })
    expect(read.pages[0]!.blocks.length).toBeGreaterThan(0)
    expect(needsOcr).toEqual([])
    const failed = read.issues.filter((i) => i.code === 'page-failed')
    expect(failed).toEqual([expect.objectContaining({ page: 2, severity: 'error', message: expect.stringMatching(CAP) })])
  })
})

describe('a damaged PDF', () => {
  it('says one line on stderr and nothing on stdout (the warnings and debug prints of pdf-lib are muted)', async () => {
    const damaged = path('invalid-object.pdf')
    writeFileSync(damaged, '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10] garbage )) endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n')
    const run = await runCliProcess(['convert', damaged], { deadlineMs: 60_000 })
    expect(run.code).toBe(ExitCode.inputFile)
    expect(run.stdout).toBe('')
    expect(stderrLines(run)).toEqual([expect.stringMatching(/^ita-extract: .*invalid-object\.pdf: /)])
  })
})

describe('a batch with huge pages goes on', () => {
  it('the huge files fail alone with their reason; the report converts (exit 8)', async () => {
    const out = path('out')
    const run = await runCliProcess(['convert', path('huge-image.pdf'), path('huge.png'), seedTranscript, '-o', out, '--jobs', '2'], { deadlineMs: 180_000 })
    expect(run.killed).toBe(false)
    expect(run.code).toBe(ExitCode.partialSuccess)
    expect(run.stderr).not.toMatch(NO_STACK)
    const manifest = readFileSync(join(out, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; input?: string; error?: { code: string; kind: string; message: string } })
    const failed = manifest.filter((e) => e.event === 'failed')
    expect(failed.map((e) => [e.error!.code, e.error!.kind])).toEqual([
      ['E_INPUT_TOO_LARGE', 'input-file'],
      ['E_INPUT_TOO_LARGE', 'input-file'],
    ])
    for (const e of failed) expect(e.error!.message).toMatch(CAP)
    expect(manifest.filter((e) => e.event === 'done')).toHaveLength(1)
  })
})
