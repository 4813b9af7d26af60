/**
 * `npm run bench:docx`: how long a word-processor report takes to convert (issue 19: a 20-page
 * .docx in well under a second). Converts samples/bankum/report.docx (32 pages when LibreOffice
 * prints it) and .odt, and samples/nongbua/report.docx (8 pages), next to the same report's
 * transcript (24 pages as the PDF prints it), in this process: the first run
 * (modules and JIT cold), then the median of 10 runs, for reading the file alone (unzip + XML +
 * the document model) and for the whole conversion (structure, extraction, checks).
 *
 *   --runs N   runs per file after the first (default 10)
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { convertBytes } from '../pipelines/convert.js'
import { readOfficeDocument } from '../src/stages/ingest/read-office.js'
import { readTranscript } from '../src/stages/ingest/read-transcript.js'

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '10' } } })
const runs = Number(args.runs)
if (!Number.isInteger(runs) || runs < 1) throw new TypeError(`Expected \`--runs\` to be an integer >= 1, got \`${args.runs}\``)

// The transcript of the same report is the yardstick: the stages after reading are the same.
const FILES = [
  { file: 'samples/bankum/transcript.txt', pages: 24 },
  { file: 'samples/bankum/report.docx', pages: 32 },
  { file: 'samples/bankum/report.odt', pages: 32 },
  { file: 'samples/nongbua/report.docx', pages: 8 },
]

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

async function time(f: () => unknown): Promise<number> {
  const start = performance.now()
  await f()
  return performance.now() - start
}

console.log('file                              pages      KB   first convert   read (median)   convert (median)')
for (const { file, pages } of FILES) {
  const bytes = new Uint8Array(await readFile(file))
  const first = await time(() => convertBytes(bytes, file))
  const read: number[] = []
  const convert: number[] = []
  for (let i = 0; i < runs; i++) {
    read.push(await time(() => (file.endsWith('.txt') ? readTranscript(bytes, { file }) : readOfficeDocument(bytes, { file }))))
    convert.push(await time(() => convertBytes(bytes, file)))
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(10)
  console.log(`${file.padEnd(32)} ${String(pages).padStart(6)} ${String(Math.round(bytes.length / 1024)).padStart(7)} ${ms(first).padStart(15)} ${ms(median(read)).padStart(15)} ${ms(median(convert)).padStart(18)}`)
}
console.log('\nThe machine may be shared with other work: timings are indicative only.')
