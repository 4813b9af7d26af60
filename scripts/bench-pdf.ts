/**
 * `npm run bench:pdf [-- files...] [--json]`: how fast the PDF stage reads, next to poppler.
 *
 * - text layer: pages per second of `readPdf` (text, ActualText, tables, classification) vs `pdftotext`
 * - page images: ms per page of `pdfPageImages` on scanned pages (embedded JPEG copied out) vs `pdfimages -j`
 *
 * Defaults: samples/bankum/born-digital.pdf and samples/bankum/scanned-200dpi.pdf when present,
 * else the small fixtures in test/fixtures/pdf. poppler columns are left empty when it is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pdfPageImages } from '../src/stages/pdf/page-images.js'
import { readPdf } from '../src/stages/pdf/read-pdf.js'

const args = process.argv.slice(2)
const json = args.includes('--json')
const files = args.filter((a) => !a.startsWith('--'))
const pick = (...candidates: string[]) => candidates.find((f) => existsSync(f))!
const textFiles = files.length > 0 ? files : [pick('samples/bankum/born-digital.pdf', 'test/fixtures/pdf/thai-born-digital.pdf')]
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
  readonly file: string
  readonly pages: number
  readonly ours: number
  readonly poppler?: number
  readonly unit: string
  /** ours / poppler in the direction where > 1 means we are faster. */
  readonly ratio?: number
}

const rows: Row[] = []
for (const file of textFiles) {
  const bytes = readFileSync(file)
  const { doc } = await readPdf(bytes, { file }) // warm-up, and page count
  const pages = doc.pages.length
  const ms = await median(3, () => readPdf(bytes, { file }))
  const ours = pages / (ms / 1000)
  const popplerMs = has('pdftotext') ? await median(3, () => execFileSync('pdftotext', [file, '-'], { maxBuffer: 1 << 28 })) : undefined
  const poppler = popplerMs === undefined ? undefined : pages / (popplerMs / 1000)
  rows.push({ measure: 'text layer', file, pages, ours, unit: 'pages/s', ...(poppler ? { poppler, ratio: ours / poppler } : {}) })
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

if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
else {
  const fmt = (n: number | undefined, digits = 1) => (n === undefined ? '-' : n.toFixed(digits))
  console.log('measure      unit      ours      poppler   ours vs poppler (>1 = faster)  file (pages)')
  for (const r of rows) {
    console.log(
      `${r.measure.padEnd(12)} ${r.unit.padEnd(9)} ${fmt(r.ours).padStart(7)}   ${fmt(r.poppler).padStart(7)}   ${r.ratio === undefined ? '-'.padStart(6) : `${fmt(r.ratio, 2)}x`.padStart(6)}                         ${r.file} (${r.pages})`,
    )
  }
}
