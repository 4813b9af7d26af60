/**
 * Issues 5 and 17's benchmark on the bundled scans: each scanned sample converted end to end (page
 * images -> OCR -> structure -> check) with the default OCR engine (`auto`: native tesseract when
 * it is installed) and with `--ocr-engine js` (tesseract.js), against native `tesseract -l tha+eng`
 * full-page OCR of the same page images, one single-threaded process per core (its best
 * throughput on a batch, and how OCRmyPDF runs it); plus the accuracy against
 * samples/bankum/expected-values.json, the peak memory of each converter, and where the CPU goes.
 *
 *   node --import tsx scripts/bench-ocr-samples.ts [--samples 300,200] [--pages N] [--rounds R] [--no-breakdown]
 *
 * Each conversion runs the built converter (dist/, `npm run build`) in a plain `node` process of
 * its own: its peak RSS is the converter's (under tsx the same conversion peaks 350 MB higher),
 * and nothing is warm from the run before. The three contenders take turns within each round, in
 * an order that rotates, so a machine shared with other work slows them alike. Times are medians
 * over rounds.
 *
 * CPU seconds per page are counted for each contender as well (the benchmark's own children's
 * user + system time, /proc/self/stat, before and after its run: a converter with every process it
 * started, or native tesseract's processes), so that a machine shared with other work, which
 * stretches wall-clock times unevenly, still gives comparable figures.
 *
 * The CPU breakdown is a separate conversion with the default engine under `--cpu-prof`: every
 * profile sample is charged to a stage by the innermost frame of ours on its stack (a sample
 * anywhere under the digit reader is the digit reader's), and the CPU of the tesseract processes
 * (native) or of tesseract.js's worker threads (js) is the recognition's.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import type { Report } from '../src/report/schema.js'
import { reportValues } from '../samples/generate/report-values.js'
import type { OcrEngineChoice } from '../src/stages/ocr/native-engine-probe.js'
import { pdfPageImages } from '../src/stages/ingest/pdf/page-images.js'
import { hasNativeTesseract, timeNativeTesseract } from './native-tesseract.js'

type Values = ReturnType<typeof reportValues>
interface ChildResult {
  seconds: number
  maxRssMb: number
  engine: string
  values: Values
  /** CPU seconds of the converter's children (tesseract processes), for the breakdown. */
  childrenCpu: number
}

const CONVERTER = 'dist/pipelines/convert.js'
/**
 * The converter process: converts one PDF with the built pipeline and sends back the report, its
 * time, its peak RSS and its children's CPU (cutime + cstime in /proc/self/stat, USER_HZ 100).
 */
const CHILD = `
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
const [pdf, engine] = process.argv.slice(1)
const { convertBytes } = await import(pathToFileURL(${JSON.stringify(CONVERTER)}).href)
const bytes = new Uint8Array(readFileSync(pdf))
const started = performance.now()
const report = await convertBytes(bytes, pdf, { ocrEngineChoice: engine })
const seconds = (performance.now() - started) / 1000
let childrenCpu = NaN
try {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  childrenCpu = (Number(f[13]) + Number(f[14])) / 100
} catch {}
process.send({ seconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), report, childrenCpu }, () => process.exit(0))
`

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { samples: { type: 'string' }, pages: { type: 'string' }, rounds: { type: 'string' }, 'no-breakdown': { type: 'boolean' } } })
  const dpis = (values.samples ?? '300,200').split(',')
  const rounds = Number(values.rounds ?? 1)
  const cores = availableParallelism()
  if (!existsSync(CONVERTER)) throw new Error(`${CONVERTER} is missing: run \`npm run build\` first (the converters run the built code)`)
  if (!(await hasNativeTesseract())) throw new Error('native tesseract is not installed: this benchmark compares against it (Debian: tesseract-ocr tesseract-ocr-tha)')
  const expected = JSON.parse(readFileSync('samples/bankum/expected-values.json', 'utf8')) as Values
  const dir = mkdtempSync(join(tmpdir(), 'bench-ocr-samples-'))
  try {
    console.log(`OCR end to end on the bundled scans: ${cores} cores, Node ${process.version}, ${rounds} round(s), contenders interleaved in each round, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
    console.log('| sample | pages | default engine | default s/page | js s/page | native tesseract s/page (1 thread x cores) | default / native | js / native | accuracy default (indicator scores, items, measures, findings) | accuracy js | peak RSS default | peak RSS js | default CPU s/page | js CPU s/page | native CPU s/page | default / native CPU | js / native CPU |')
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    const breakdowns: string[] = []
    for (const [index, dpi] of dpis.entries()) {
      const file = `samples/bankum/scanned-${dpi}dpi.pdf`
      const bytes = await subset(new Uint8Array(readFileSync(file)), values.pages ? Number(values.pages) : undefined)
      const pages = (await PDFDocument.load(bytes)).getPageCount()
      const pdf = join(dir, `scan-${dpi}.pdf`)
      writeFileSync(pdf, bytes)
      const images = await pdfPageImages(bytes, Array.from({ length: pages }, (_, i) => i + 1), { file })
      const times: Record<'auto' | 'js' | 'native', number[]> = { auto: [], js: [], native: [] }
      const cpu: Record<'auto' | 'js' | 'native', number[]> = { auto: [], js: [], native: [] }
      const last: Partial<Record<'auto' | 'js', ChildResult>> = {}
      for (let round = 0; round < rounds; round++) {
        const order = rotate(['auto', 'js', 'native'] as const, round + index)
        for (const contender of order) {
          const cpuBefore = childrenCpuSeconds()
          if (contender === 'native') {
            const [seconds] = await timeNativeTesseract(images, [{ processes: cores, env: { OMP_THREAD_LIMIT: '1' } }])
            times.native.push(seconds! / pages)
          } else {
            const result = await runChild(contender, pdf, [])
            times[contender].push(result.seconds / pages)
            last[contender] = result
          }
          cpu[contender].push((childrenCpuSeconds() - cpuBefore) / pages)
        }
      }
      const [ours, js, native] = [median(times.auto), median(times.js), median(times.native)]
      const [oursCpu, jsCpu, nativeCpu] = [median(cpu.auto), median(cpu.js), median(cpu.native)]
      const partial = values.pages !== undefined
      // --rounds 0: the CPU breakdown alone.
      if (rounds > 0) console.log(
        `| ${file} | ${pages} | ${last.auto!.engine} | ${ours.toFixed(2)} | ${js.toFixed(2)} | ${native.toFixed(2)} | ${(ours / native).toFixed(2)} | ${(js / native).toFixed(2)} | ${compare(expected, last.auto!.values, partial)} | ${compare(expected, last.js!.values, partial)} | ${last.auto!.maxRssMb} MB | ${last.js!.maxRssMb} MB | ${oursCpu.toFixed(2)} | ${jsCpu.toFixed(2)} | ${nativeCpu.toFixed(2)} | ${(oursCpu / nativeCpu).toFixed(2)} | ${(jsCpu / nativeCpu).toFixed(2)} |`,
      )
      if (!values['no-breakdown']) breakdowns.push(await breakdown(file, pdf, pages, dir))
    }
    console.log(`ratio = ours / native tesseract on the same page images (below 1: faster). CPU: user + system seconds of every process a contender ran. Peak RSS: the converter process (tesseract processes not included). Load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`)
    for (const b of breakdowns) console.log(`\n${b}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Converts `pdf` in a plain node process of its own with the given engine. */
function runChild(engine: OcrEngineChoice, pdf: string, nodeArgs: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...nodeArgs, '--input-type=module', '-e', CHILD, pdf, engine], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let result: ChildResult | undefined
    proc.on('message', (m: { seconds: number; maxRssMb: number; report: Report; childrenCpu: number }) => {
      result = { seconds: m.seconds, maxRssMb: m.maxRssMb, engine: m.report.source.ocrEngine ?? 'none', values: reportValues(m.report), childrenCpu: m.childrenCpu }
    })
    proc.on('error', reject)
    proc.on('exit', (code) => (result ? resolve(result) : reject(new Error(`converter (${engine}) exited with ${code}`))))
  })
}

/** Which stage a frame of ours belongs to, by its file (and, in image.ts, its function). */
const STAGES: [RegExp, string][] = [
  [/\/stages\/ocr\/digits\//, 'digit reader'],
  [/\/stages\/ocr\/image\.[jt]s#(decodeToGrey|opaqueImageToGrey|imageToGrey)$/, 'decode'],
  [/\/stages\/ocr\/preprocess\.[jt]s#/, 'clean-up'],
  [/\/stages\/(ocr\/table-grid|grid\/)/, 'rulings'],
  [/\/stages\/ocr\/(text-lines|read-lines|read-table|reread-numbers|number-box|image|ocr-page|page-geometry)\.[jt]s#/, 'lines'],
  [/\/stages\/ocr\/(engine|native-engine|index)\.[jt]s#|\/tesseract\.js\//, 'recognition (main thread)'],
  [/\/stages\/(pdf)\//, 'pdf'],
  [/\/stages\/(normalise|segment|extract|validate|check)\/|\/catalogue\/|\/pipelines\/structure\.[jt]s#/, 'extraction'],
]
const STAGE_ORDER = ['pdf', 'decode', 'clean-up', 'rulings', 'lines', 'recognition', 'recognition (main thread)', 'digit reader', 'extraction', 'garbage collection', 'other']

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}

/** CPU per stage per page, from a conversion with the default engine under --cpu-prof. */
async function breakdown(file: string, pdf: string, pages: number, dir: string): Promise<string> {
  const profDir = mkdtempSync(join(dir, 'prof-'))
  const result = await runChild('auto', pdf, ['--cpu-prof', '--cpu-prof-dir', profDir])
  const ms: Record<string, number> = {}
  const add = (stage: string, value: number) => (ms[stage] = (ms[stage] ?? 0) + value)
  const profiles = readdirSync(profDir).map((f) => JSON.parse(readFileSync(join(profDir, f), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] })
  // The main thread's profile is the one with our pipeline in it; others are tesseract.js workers.
  for (const profile of profiles) {
    const parent = new Map<number, number>()
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
    const worker = !profile.nodes.some((n) => n.callFrame.url.includes('/pipelines/'))
    const stageOf = new Map<number, string | undefined>()
    const classify = (id: number): string | undefined => {
      if (stageOf.has(id)) return stageOf.get(id)
      const { functionName, url } = byId.get(id)!.callFrame
      let stage: string | undefined
      if (functionName === '(idle)') stage = 'idle'
      else if (functionName === '(garbage collector)') stage = 'garbage collection'
      else {
        const up = parent.has(id) ? classify(parent.get(id)!) : undefined
        const own = STAGES.find(([re]) => re.test(`${url}#${functionName}`))?.[1]
        // Under the digit reader, everything is the digit reader's; otherwise the innermost frame of ours decides.
        stage = up === 'digit reader' ? up : (own ?? up)
      }
      stageOf.set(id, stage)
      return stage
    }
    profile.samples.forEach((id, i) => {
      const stage = worker ? 'recognition' : (classify(id) ?? 'other')
      if (stage !== 'idle') add(stage, (profile.timeDeltas[i] ?? 0) / 1000)
    })
  }
  // Native tesseract: the recognition is its processes' CPU.
  if (result.childrenCpu > 0) add('recognition', result.childrenCpu * 1000)
  const rows = STAGE_ORDER.filter((s) => ms[s] !== undefined).map((s) => `| ${s} | ${Math.round(ms[s]! / pages)} |`)
  const total = Object.values(ms).reduce((a, b) => a + b, 0)
  return [
    `CPU per page by stage, ${file} (${pages} pages, engine ${result.engine}, profiled run: ${(result.seconds / pages).toFixed(2)} s/page):`,
    '| stage | CPU ms/page |',
    '| --- | --- |',
    ...rows,
    `| total | ${Math.round(total / pages)} |`,
  ].join('\n')
}

function compare(expected: Values, got: Values, partial: boolean): string {
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
  return `${scoresExact}/${scores}, ${itemsExact}/${items}, ${measuresRight}/${measures}, findings ${sameFindings ? 'as transcript' : 'differ'}${note}`
}

/** User + system CPU seconds of this process's children that have ended (cutime + cstime, USER_HZ 100). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(f[13]) + Number(f[14])) / 100
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

function rotate<T>(xs: readonly T[], by: number): T[] {
  const k = by % xs.length
  return [...xs.slice(k), ...xs.slice(0, k)]
}

async function subset(bytes: Uint8Array, pages: number | undefined): Promise<Uint8Array> {
  if (pages === undefined) return bytes
  const source = await PDFDocument.load(bytes)
  const out = await PDFDocument.create()
  for (const page of await out.copyPages(source, Array.from({ length: Math.min(pages, source.getPageCount()) }, (_, i) => i))) out.addPage(page)
  return out.save()
}

await main()
