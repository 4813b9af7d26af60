/**
 * The generator's PDF steps on tiny inputs, with the real tools (Chromium, pdftoppm); each test is
 * skipped where its tool is not installed.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { printHtmlToPdf, withFixedMetadata } from './print-pdf.js'
import { scanPdf } from './scan-pdf.js'

const has = (cmd: string, arg: string): boolean => {
  try {
    execFileSync(cmd, [arg], { stdio: 'ignore', timeout: 30_000 })
    return true
  } catch {
    return false
  }
}
const work = mkdtempSync(join(tmpdir(), 'ita-samples-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const meta = {
  title: 'test',
  creator: 'test',
  producer: 'test producer',
  date: new Date('2025-10-15T03:00:00Z'),
  idSeed: 'seed',
}

describe.skipIf(!has('pdftoppm', '-v'))('scanPdf', () => {
  it('replaces each page by one grey JPEG of the same page size, deterministically', async () => {
    const src = await PDFDocument.create()
    const font = await src.embedFont(StandardFonts.Helvetica)
    src.addPage([595, 842]).drawText('portrait page', { x: 50, y: 700, size: 24, font })
    src.addPage([842, 595]).drawText('landscape page', { x: 50, y: 500, size: 24, font })
    const path = join(work, 'src.pdf')
    writeFileSync(path, await src.save())
    const pages: number[] = []
    const options = { dpi: 40, seed: 1, metadata: meta, onPage: (n: number) => pages.push(n) }
    const a = await scanPdf(path, src, options)
    const b = await scanPdf(path, src, options)
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    expect(pages).toEqual([1, 2, 1, 2])
    const out = await PDFDocument.load(a, { updateMetadata: false })
    expect(out.getPages().map((p) => [p.getWidth(), p.getHeight()])).toEqual([
      [595, 842],
      [842, 595],
    ])
    for (const page of out.getPages()) {
      expect(page.node.Resources()?.lookup(PDFName.of('XObject'))?.toString()).toMatch(/^<<\n\/Image-\d+ \d+ 0 R\n>>$/)
    }
    expect(out.getProducer()).toBe('test producer')
  })
})

describe.skipIf(!has('chromium', '--version'))('printHtmlToPdf + withFixedMetadata', () => {
  it('prints named landscape pages and gives the same bytes for the same HTML', async () => {
    const html = join(work, 'in.html')
    writeFileSync(
      html,
      `<!doctype html><meta charset="utf-8"><style>
@page { size: A4 portrait } @page wide { size: A4 landscape } .wide { page: wide; break-before: page }
</style><p>portrait ก่อน</p><section class="wide">ตัวชี้วัดที่ ๑</section>`,
    )
    const a = await withFixedMetadata(await printHtmlToPdf(html), meta)
    const b = await withFixedMetadata(await printHtmlToPdf(html), meta)
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const doc = await PDFDocument.load(a, { updateMetadata: false })
    const sizes = doc.getPages().map((p) => (p.getWidth() < p.getHeight() ? 'portrait' : 'landscape'))
    expect(sizes).toEqual(['portrait', 'landscape'])
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-10-15T03:00:00.000Z')
  })

  it('names the file when Chromium cannot print it', async () => {
    await expect(printHtmlToPdf(join(work, 'in.html'), { chromium: join(work, 'no-such-chromium') })).rejects.toThrow(/in\.html/)
  })
})
