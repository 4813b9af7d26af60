/**
 * OCR benchmark: seconds per page for our OCR stage end to end (page image -> document-model
 * page) against native `tesseract -l tha+eng` on the same page images (when installed), and peak
 * memory. With a transcript, also how many of the transcript's scores came back exactly.
 *
 *   node --import tsx scripts/bench-ocr.ts [file.pdf] [--pages 1-4] [--transcript t.txt] [--artifacts dir]
 *     [--no-deskew] [--no-borders] [--binarise] [--workers 2] [--native-jobs 2] [--no-native]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Page } from '../src/model/document.js'
import { defaultContext } from '../src/model/stage.js'
import { ocrPageImages, type PageOcrDiagnostics } from '../src/stages/ocr/index.js'
import { pdfPageImages } from '../src/stages/ingest/pdf/page-images.js'
import { hasNativeTesseract, timeNativeTesseract } from './native-tesseract.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string' },
    transcript: { type: 'string' },
    artifacts: { type: 'string' },
    'no-deskew': { type: 'boolean' },
    'no-borders': { type: 'boolean' },
    binarise: { type: 'boolean' },
    'no-native': { type: 'boolean' },
    workers: { type: 'string' },
    'native-jobs': { type: 'string' },
  },
})

const file = positionals[0] ?? 'samples/bankum/scanned-300dpi.pdf'
const bytes = new Uint8Array(readFileSync(file))
const pageCount = Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(Buffer.from(bytes).toString('latin1'))?.[1] ?? 1)
const pages = parseRange(values.pages ?? `1-${pageCount}`)

const images = await pdfPageImages(bytes, pages, { file })
console.log(`${file}: ${images.length} page(s), ${images[0]?.dpi} dpi, ${images[0]?.mime}`)

const diagnostics: PageOcrDiagnostics[] = []
const started = performance.now()
const result = await ocrPageImages(images, defaultContext(), {
  preprocess: { deskew: !values['no-deskew'], removeBorders: !values['no-borders'], binarise: !!values.binarise },
  ...(values.workers ? { engineOptions: { workers: Number(values.workers) } } : {}),
  onPage: (_page, d) => diagnostics.push(d),
})
const ours = (performance.now() - started) / 1000
const maxRssMb = process.resourceUsage().maxRSS / 1024

console.log(`ours: ${(ours / images.length).toFixed(2)} s/page (${ours.toFixed(1)} s for ${images.length} pages, ${availableParallelism()} workers), peak RSS ${maxRssMb.toFixed(0)} MB`)
const tables = diagnostics.flatMap((d) => d.tables)
console.log(
  `tables: ${tables.length} (${tables.map((t) => `${t.rows}x${t.cols}${t.spanning ? `+${t.spanning} spanning` : ''}`).join(', ')}); skew per page: ${diagnostics.map((d) => d.skewDegrees).join(', ')}`,
)
const sum = (k: keyof PageOcrDiagnostics['timings']) => diagnostics.reduce((a, d) => a + d.timings[k], 0) / 1000
console.log(`per page: preprocess ${(sum('preprocess') / images.length).toFixed(2)} s, cells ${diagnostics.reduce((a, d) => a + d.cellsRecognised, 0)}, numbers re-read ${diagnostics.reduce((a, d) => a + d.numbersReread, 0)}`)
if (result.issues.length) console.log('issues:', result.issues)

if (values.artifacts) {
  mkdirSync(values.artifacts, { recursive: true })
  for (const page of result.pages) writeFileSync(join(values.artifacts, `${String(page.number).padStart(4, '0')}_ocr.json`), JSON.stringify(page, null, 2))
  writeFileSync(join(values.artifacts, `${String(0).padStart(4, '0')}_ocr-text.txt`), result.pages.map(pageText).join('\n\n'))
}

if (values.transcript) {
  const expected = scoresIn(readFileSync(values.transcript, 'utf8'))
  const got = scoresIn(result.pages.map(pageText).join('\n'))
  const remaining = new Map<string, number>()
  for (const s of got) remaining.set(s, (remaining.get(s) ?? 0) + 1)
  let hit = 0
  for (const s of expected) {
    const n = remaining.get(s) ?? 0
    if (n > 0) {
      hit++
      remaining.set(s, n - 1)
    }
  }
  console.log(`scores (dd.dd) in the transcript found in the OCR output: ${hit}/${expected.length} (OCR output has ${got.length})`)
  // The samples were rendered from the transcript, so every line and cell we read should occur
  // in it verbatim (after normalising spaces, digits and sara am).
  const truth = normaliseForMatch(readFileSync(values.transcript, 'utf8'))
  const units = result.pages.flatMap((page) => page.blocks.flatMap((b) => (b.kind === 'line' ? [b.raw] : b.rows.flatMap((r) => r.cells.map((c) => c.raw)))))
  const checked = units.map(normaliseForMatch).filter((u) => u.length >= 4)
  const exact = checked.filter((u) => truth.includes(u))
  const chars = (list: string[]) => list.reduce((a, u) => a + u.length, 0)
  console.log(`lines and cells found verbatim in the transcript: ${exact.length}/${checked.length} (${((100 * chars(exact)) / Math.max(1, chars(checked))).toFixed(1)}% of characters)`)
}

function normaliseForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/<[^>]+>|[|\s]/g, '')
}

if (!values['no-native'] && (await hasNativeTesseract())) {
  const jobs = Number(values['native-jobs'] ?? availableParallelism())
  const [native] = await timeNativeTesseract(images, [{ processes: jobs, env: { OMP_THREAD_LIMIT: '1' } }])
  console.log(`native tesseract (${jobs} processes, 1 thread each, full page, text only): ${(native! / images.length).toFixed(2)} s/page; ours/native = ${(ours / native!).toFixed(2)}`)
}

function pageText(page: Page): string {
  return page.blocks
    .map((b) => (b.kind === 'line' ? b.raw : b.rows.map((r) => r.cells.map((c) => c.raw).join('\t')).join('\n')))
    .join('\n')
}

/** Scores printed as dd.dd (Thai or Arabic digits), as ASCII strings. */
function scoresIn(text: string): string[] {
  const ascii = text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
  return [...ascii.matchAll(/(?<![\d.])\d{1,3}\.\d{2}(?![\d.])/g)].map((m) => m[0])
}

function parseRange(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number)
    return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i)
  })
}
