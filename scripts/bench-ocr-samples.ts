/**
 * Issue 5's benchmark on the bundled scans: each scanned sample converted end to end (page images
 * -> OCR -> structure -> check), against native `tesseract -l tha+eng` full-page OCR of the same
 * page images when it is installed, plus the accuracy of what was read against
 * samples/bankum/expected-values.json, and peak memory.
 *
 *   node --import tsx scripts/bench-ocr-samples.ts [--no-native] [--pages 10]
 *
 * Native tesseract is timed two ways on the same 2 (or N) cores: one process per core with one
 * thread each (its best throughput on a batch), and one process with one thread (issue 5's
 * reference: "native 1.97 s/page single-threaded"). Run plainly, with its own OpenMP threads,
 * native tesseract took 14-16 s/page on this 2-core VM (spinning threads), so that is not timed.
 * Each worker of ours reads one page at a time.
 */
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { convertBytes } from '../pipelines/convert.js'
import { pdfPageImages } from '../src/stages/pdf/page-images.js'
import { reportValues } from '../samples/generate/report-values.js'
import { hasNativeTesseract, timeNativeTesseract } from './native-tesseract.js'

const { values } = parseArgs({ options: { 'no-native': { type: 'boolean' }, pages: { type: 'string' } } })
const samples = ['samples/bankum/scanned-300dpi.pdf', 'samples/bankum/scanned-200dpi.pdf']
const expected = JSON.parse(readFileSync('samples/bankum/expected-values.json', 'utf8')) as ReturnType<typeof reportValues>
const cores = availableParallelism()
const native = !values['no-native'] && (await hasNativeTesseract())

console.log(`OCR end to end on the bundled scans: ${cores} cores, Node ${process.version}${native ? '' : ' (native tesseract not installed: no ratio)'}`)
console.log('| sample | pages | ours s/page | native s/page, 1 thread x cores | ratio | native s/page, 1 process x 1 thread | ratio | indicator scores exact | item scores exact | measures right | findings as transcript | peak RSS |')
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const file of samples) {
  const bytes = await subset(new Uint8Array(readFileSync(file)), values.pages ? Number(values.pages) : undefined)
  const pages = (await PDFDocument.load(bytes)).getPageCount()
  const started = performance.now()
  const report = await convertBytes(bytes, file)
  const ours = (performance.now() - started) / 1000 / pages
  const rssMb = process.resourceUsage().maxRSS / 1024
  const got = reportValues(report)
  const accuracy = compare(got, values.pages !== undefined)
  let nativeColumns = ['-', '-', '-', '-']
  if (native) {
    const images = await pdfPageImages(bytes, Array.from({ length: pages }, (_, i) => i + 1), { file })
    const [parallel, serial] = await timeNativeTesseract(images, [
      { processes: cores, env: { OMP_THREAD_LIMIT: '1' } },
      { processes: 1, env: { OMP_THREAD_LIMIT: '1' } },
    ])
    nativeColumns = [(parallel! / pages).toFixed(2), (ours / (parallel! / pages)).toFixed(2), (serial! / pages).toFixed(2), (ours / (serial! / pages)).toFixed(2)]
  }
  console.log(`| ${file} | ${pages} | ${ours.toFixed(2)} | ${nativeColumns.join(' | ')} | ${accuracy.join(' | ')} | ${rssMb.toFixed(0)} MB |`)
}
console.log('ratio = ours / native (below 1: faster than native tesseract). Peak RSS is the whole process so far (both samples).')

function compare(got: ReturnType<typeof reportValues>, partial: boolean): string[] {
  let scores = 0, scoresExact = 0, items = 0, itemsExact = 0, measures = 0, measuresRight = 0
  for (const want of expected.indicators) {
    const have = got.indicators.find((i) => i.number === want.number)
    want.scores.forEach((s, k) => {
      scores++
      if (have?.scores[k] === s) scoresExact++
    })
    for (const [code, score] of want.items) {
      items++
      if (have?.items.some(([c, v]) => c === code && v === score)) itemsExact++
    }
    for (const m of want.measures) {
      measures++
      if (have?.measures.some((h) => h.item === m.item && h.itemScore === m.itemScore && JSON.stringify(h.period) === JSON.stringify(m.period))) measuresRight++
    }
  }
  const sameFindings = JSON.stringify(got.findings.map((f) => JSON.stringify(f)).sort()) === JSON.stringify(expected.findings.map((f) => JSON.stringify(f)).sort())
  const note = partial ? ' (first pages only)' : ''
  return [`${scoresExact}/${scores}${note}`, `${itemsExact}/${items}`, `${measuresRight}/${measures}`, sameFindings ? 'yes' : 'no']
}

async function subset(bytes: Uint8Array, pages: number | undefined): Promise<Uint8Array> {
  if (pages === undefined) return bytes
  const source = await PDFDocument.load(bytes)
  const out = await PDFDocument.create()
  for (const page of await out.copyPages(source, Array.from({ length: Math.min(pages, source.getPageCount()) }, (_, i) => i))) out.addPage(page)
  return out.save()
}
