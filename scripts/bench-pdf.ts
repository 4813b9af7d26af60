/**
 * `npm run bench:pdf [-- files...] [--json]`: how fast the PDF stage reads, next to poppler.
 *
 * - text layer: pages per second of `readPdf` (text, ActualText, tables, classification) vs `pdftotext`,
 *   per file and per producer (Chromium print-to-PDF, LibreOffice export with ruled / horizontal-only
 *   / no table rulings, an owner-password copy)
 * - page images: ms per page of `pdfPageImages` on scanned pages (embedded JPEG copied out) vs `pdfimages -j`
 *
 * Defaults: the bundled samples (samples/bankum, samples/layouts) when present, else the small
 * fixtures in test/fixtures/pdf. poppler columns are left empty when it is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pdfPageImages } from '../src/stages/ingest/pdf/page-images.js'
import { readPdf } from '../src/stages/ingest/pdf/read-pdf.js'

const args = process.argv.slice(2)
const json = args.includes('--json')
const files = args.filter((a) => !a.startsWith('--'))
const pick = (...candidates: string[]) => candidates.find((f) => existsSync(f))!
/** Text-layer files with the program that made them. */
const DEFAULT_TEXT_FILES: readonly { producer: string; file: string }[] = [
  { producer: 'Chromium', file: 'samples/bankum/born-digital.pdf' },
  { producer: 'Chromium', file: 'samples/layouts/train-01-seed/born-digital.pdf' },
  { producer: 'Chromium', file: 'samples/layouts/train-06-portrait-measures/born-digital.pdf' },
  { producer: 'LibreOffice', file: 'samples/layouts/train-01-seed/libreoffice.pdf' },
  { producer: 'LibreOffice', file: 'samples/layouts/train-06-portrait-measures/libreoffice.pdf' },
  { producer: 'LibreOffice, h-rules', file: 'samples/layouts/train-01-seed/libreoffice-hrules.pdf' },
  { producer: 'LibreOffice, no rules', file: 'samples/layouts/train-01-seed/libreoffice-borderless.pdf' },
  { producer: 'LibreOffice, no rules', file: 'samples/layouts/train-06-portrait-measures/libreoffice-borderless.pdf' },
  { producer: 'Chromium, owner pw', file: 'test/fixtures/pdf/bankum-owner-password.pdf' },
]
const present = DEFAULT_TEXT_FILES.filter((f) => existsSync(f.file))
const textFiles =
  files.length > 0 ? files.map((file) => ({ producer: 'given', file })) : present.length > 0 ? present : [{ producer: 'Chromium', file: 'test/fixtures/pdf/thai-born-digital.pdf' }]
const scanFiles = files.length > 0 ? files : [pick('samples/bankum/scanned-200dpi.pdf', 'test/fixtures/pdf/scanned.pdf')]

const has = (tool: string) => spawnSync(tool, ['-v']).error === undefined

/** Median of `runs` timings of `fn`, in ms. */
async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = []
  for (let k = 0; k < runs; k++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

interface Row {
  readonly measure: string
  readonly producer?: string
  readonly file: string
  readonly pages: number
  readonly ours: number
  readonly poppler?: number
  readonly unit: string
  /** ours / poppler in the direction where > 1 means we are faster. */
  readonly ratio?: number
}

const rows: Row[] = []
for (const { producer, file } of textFiles) {
  const bytes = readFileSync(file)
  const { doc } = await readPdf(bytes, { file }) // warm-up, and page count
  const pages = doc.pages.length
  const ms = await median(3, () => readPdf(bytes, { file }))
  const ours = pages / (ms / 1000)
  const popplerMs = has('pdftotext') ? await median(3, () => execFileSync('pdftotext', [file, '-'], { maxBuffer: 1 << 28 })) : undefined
  const poppler = popplerMs === undefined ? undefined : pages / (popplerMs / 1000)
  rows.push({ measure: 'text layer', producer, file, pages, ours, unit: 'pages/s', ...(poppler ? { poppler, ratio: ours / poppler } : {}) })
}
for (const file of scanFiles) {
  const bytes = readFileSync(file)
  const { doc, needsOcr } = await readPdf(bytes, { file })
  const pages = needsOcr.map((r) => r.page)
  if (pages.length === 0) continue
  const ms = await median(3, () => pdfPageImages(bytes, pages, { file }))
  const ours = ms / pages.length
  let poppler: number | undefined
  if (has('pdfimages')) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-pdfimages-'))
    try {
      poppler = (await median(3, () => execFileSync('pdfimages', ['-j', file, join(dir, 'img')]))) / pages.length
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  rows.push({ measure: 'page images', file, pages: doc.pages.length, ours, unit: 'ms/page', ...(poppler ? { poppler, ratio: poppler / ours } : {}) })
}

// Per producer: all its files' pages over all their time, ours and poppler's.
const producers = [...new Set(rows.filter((r) => r.producer).map((r) => r.producer!))]
for (const producer of producers) {
  const rs = rows.filter((r) => r.producer === producer)
  const pages = rs.reduce((n, r) => n + r.pages, 0)
  const ours = pages / rs.reduce((s, r) => s + r.pages / r.ours, 0)
  const poppler = rs.every((r) => r.poppler) ? pages / rs.reduce((s, r) => s + r.pages / r.poppler!, 0) : undefined
  rows.push({ measure: 'producer', producer, file: `${rs.length} file(s)`, pages, ours, unit: 'pages/s', ...(poppler ? { poppler, ratio: ours / poppler } : {}) })
}

if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
else {
  const fmt = (n: number | undefined, digits = 1) => (n === undefined ? '-' : n.toFixed(digits))
  console.log('measure      producer               unit      ours      poppler   ours vs poppler (>1 = faster)  file (pages)')
  for (const r of rows) {
    console.log(
      `${r.measure.padEnd(12)} ${(r.producer ?? '').padEnd(22)} ${r.unit.padEnd(9)} ${fmt(r.ours).padStart(7)}   ${fmt(r.poppler).padStart(7)}   ${r.ratio === undefined ? '-'.padStart(6) : `${fmt(r.ratio, 2)}x`.padStart(6)}                         ${r.file} (${r.pages})`,
    )
  }
  console.log('\nThe machine may be shared with other work: ours and poppler ran in the same run, so compare the ratios.')
}
