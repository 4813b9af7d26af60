/**
 * Issue 5's benchmark on the bundled scans: each scanned sample converted end to end (page images
 * -> OCR -> structure -> check), against native `tesseract -l tha+eng` full-page OCR of the same
 * page images when it is installed, plus the accuracy of what was read against
 * samples/bankum/expected-values.json, and peak memory.
 *
 *   node --import tsx scripts/bench-ocr-samples.ts [--no-native] [--pages 10]
 *
 * Native tesseract is timed two ways on the same 2 (or N) cores: one process per core with one
 * thread each (its best throughput on a batch), and one process at a time with its own threading
 * (what `tesseract page.jpg out` does). Each worker of ours reads one page at a time.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import PQueue from 'p-queue'
import { PDFDocument } from 'pdf-lib'
import { convertBytes } from '../pipelines/convert.js'
import { pdfPageImages } from '../src/stages/pdf/page-images.js'
import { reportValues } from '../test/helpers.js'

const { values } = parseArgs({ options: { 'no-native': { type: 'boolean' }, pages: { type: 'string' } } })
const samples = ['samples/bankum/scanned-300dpi.pdf', 'samples/bankum/scanned-200dpi.pdf']
const expected = JSON.parse(readFileSync('samples/bankum/expected-values.json', 'utf8')) as ReturnType<typeof reportValues>
const cores = availableParallelism()
const native = !values['no-native'] && (await installed('tesseract'))

console.log(`OCR end to end on the bundled scans: ${cores} cores, Node ${process.version}${native ? '' : ' (native tesseract not installed: no ratio)'}`)
console.log('| sample | pages | ours s/page | native s/page, 1 thread x cores | ratio | native s/page, 1 process | ratio | indicator scores exact | item scores exact | measures right | findings as transcript | peak RSS |')
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
    const dir = mkdtempSync(join(tmpdir(), 'bench-ocr-samples-'))
    try {
      const paths = images.map((image, i) => {
        const path = join(dir, `p${i}.${image.mime === 'image/jpeg' ? 'jpg' : 'png'}`)
        writeFileSync(path, image.image)
        return path
      })
      const dpi = String(images[0]!.dpi)
      const parallel = await timed(paths, cores, { OMP_THREAD_LIMIT: '1' }, dpi)
      const serial = await timed(paths, 1, {}, dpi)
      nativeColumns = [(parallel / pages).toFixed(2), (ours / (parallel / pages)).toFixed(2), (serial / pages).toFixed(2), (ours / (serial / pages)).toFixed(2)]
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
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

async function timed(paths: string[], processes: number, env: Record<string, string>, dpi: string): Promise<number> {
  const queue = new PQueue({ concurrency: processes })
  const t0 = performance.now()
  await Promise.all(paths.map((p) => queue.add(() => run('tesseract', [p, '-', '-l', 'tha+eng', '--dpi', dpi], env))))
  return (performance.now() - t0) / 1000
}

function installed(cmd: string): Promise<boolean> {
  return run(cmd, ['--version'], {}).then(
    () => true,
    () => false,
  )
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))))
  })
}
