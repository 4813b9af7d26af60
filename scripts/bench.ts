/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's memory does not
 * colour the next's figures. Each prints its own figures, with a peer tool's where one is
 * installed (poppler, native tesseract) as a ratio. Pass names to run a subset: `npm run bench -- ocr`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../src/_internal/package-root.js'

const benches = [
  { name: 'transcript', file: 'bench-transcript.ts', what: 'transcript pipeline: reports per second' },
  { name: 'pdf', file: 'bench-pdf.ts', what: 'PDF text layer and page images vs pdftotext / pdfimages' },
  { name: 'digits', file: 'bench-digits.ts', what: 'number reader: model build, per-cell time, accuracy' },
  { name: 'ocr', file: 'bench-ocr-samples.ts', what: 'the scanned samples end to end vs native tesseract, accuracy, memory' },
  { name: 'batch', file: 'bench-batch.ts', what: 'batch conversion: documents per minute, memory growth' },
  { name: 'queue', file: 'bench-queue.ts', what: 'the job queue: 1 and 2 workers vs convert --jobs 2, memory per worker' },
  { name: 'layouts', file: 'bench-layouts.ts', what: 'other agencies\' layouts and wording: fields and findings per template, training vs held-out' },
]

const wanted = process.argv.slice(2)
let failed = 0
for (const bench of benches) {
  if (wanted.length && !wanted.includes(bench.name)) continue
  const path = join(packageRoot(), 'scripts', bench.file)
  if (!existsSync(path)) continue
  console.log(`\n== ${bench.name}: ${bench.what}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit', cwd: packageRoot() })
  if (run.status !== 0) {
    failed++
    console.log(`== ${bench.name} failed (exit ${run.status ?? run.signal})`)
  }
}
process.exitCode = failed ? 1 : 0
