/**
 * Batch benchmark: documents per minute and peak memory of `runBatch`, and how memory changes
 * with the size of the batch (it should not: results are streamed).
 *
 *   npm run bench:batch -- [--jobs N] [--transcripts 50] [--scanned 10]
 *
 * Inputs are generated in a temporary folder: variants of the two transcripts in the repository
 * (other organisation names and totals) and copies of samples/bankum/scanned-200dpi.pdf. Each
 * batch runs in a fresh process so its peak memory is its own. "runner" is the process that
 * runs the batch (discovery, manifest, writing JSON/CSV), measured as peak RSS and as the live heap
 * after a full GC every 10 documents (what it really keeps); "converter" is the largest peak of
 * the converter processes (one per job, recycled every 25 files). The batch's one OCR engine
 * (tesseract.js workers, one per core) runs in the runner, so its memory is in the runner's.
 *
 *   npm run bench:batch -- --scanned 3 --only-mixed     just the transcripts + scanned row
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { packageRoot } from '../src/_internal/package-root.js'
import { runBatch } from '../src/batch/run-batch.js'

interface Measurement {
  label: string
  inputs: number
  converted: number
  failed: number
  failures: Record<string, number>
  pages: number
  elapsedMs: number
  docsPerMinute: number
  runnerPeakRssMb: number
  /** Largest live heap of the runner after a full GC, sampled every 10 documents: what it really keeps. */
  runnerRetainedHeapMb: number
  converterPeakRssMb: number
  /** OCR engines the runner started (0 without scanned inputs, else 1), and the pages they read. */
  ocrEngines: number
  ocrPages: number
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'
const thai = (s: string) => s.replace(/\d/g, (d) => THAI_DIGITS[Number(d)]!)
const PLACES = ['หนองหญ้าไซ', 'ดอนเจดีย์', 'ศรีประจันต์', 'บางปลาม้า', 'อู่ทอง', 'เดิมบางนางบวช', 'ด่านช้าง', 'สามชุก', 'บ่อพลอย', 'ท่าม่วง']

function generateInputs(dir: string, transcripts: number, scanned: number): { transcripts: string[]; scanned: string[] } {
  const root = packageRoot()
  const bases = [
    { text: readFileSync(join(root, 'samples', 'bankum', 'transcript.txt'), 'utf8'), name: 'บ้านกุ่ม', total: '๙๐.๔๒', ext: 'txt' },
    { text: readFileSync(join(root, 'test', 'fixtures', 'transcripts', 'nongbua-2568.md'), 'utf8'), name: 'หนองบัว', total: '๘๒.๑๔', ext: 'md' },
  ]
  mkdirSync(join(dir, 'transcripts'), { recursive: true })
  mkdirSync(join(dir, 'scanned'), { recursive: true })
  const t: string[] = []
  for (let i = 0; i < transcripts; i++) {
    const base = bases[i % bases.length]!
    const place = `${PLACES[i % PLACES.length]}${Math.floor(i / PLACES.length) || ''}`
    const text = base.text.replaceAll(base.name, place).replaceAll(base.total, thai((75 + (i % 25)).toFixed(2)))
    const path = join(dir, 'transcripts', `report-${String(i).padStart(3, '0')}.${base.ext}`)
    writeFileSync(path, text)
    t.push(path)
  }
  const s: string[] = []
  for (let i = 0; i < scanned; i++) {
    const path = join(dir, 'scanned', `scan-${String(i).padStart(2, '0')}.pdf`)
    copyFileSync(join(root, 'samples', 'bankum', 'scanned-200dpi.pdf'), path)
    s.push(path)
  }
  return { transcripts: t, scanned: s }
}

/** Child mode: run one batch and print its measurement as JSON. */
async function measureOne(label: string, outDir: string, jobs: number, files: string[]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc
  let finished = 0
  let retained = 0
  const sample = () => {
    gc?.()
    retained = Math.max(retained, process.memoryUsage().heapUsed)
  }
  const summary = await runBatch(files, {
    outDir,
    jobs,
    reporter: {
      begin() {},
      skipped() {},
      started() {},
      page() {},
      finished() {
        if (++finished % 10 === 0) sample()
      },
      end: sample,
    },
  })
  const failures: Record<string, number> = {}
  for (const f of summary.failures) failures[f.error.code] = (failures[f.error.code] ?? 0) + 1
  const m: Measurement = {
    label,
    inputs: summary.inputs,
    converted: summary.converted,
    failed: summary.failures.length,
    failures,
    pages: summary.pages,
    elapsedMs: summary.elapsedMs,
    docsPerMinute: Math.round(((summary.converted + summary.failures.length) / (summary.elapsedMs / 60_000)) * 10) / 10,
    runnerPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    runnerRetainedHeapMb: Math.round((retained / 1024 / 1024) * 10) / 10,
    converterPeakRssMb: Math.round(summary.peakWorkerRssKb / 1024),
    ocrEngines: summary.ocr.engines,
    ocrPages: summary.ocr.pages,
  }
  process.stdout.write(`${JSON.stringify(m)}\n`)
}

function runInChild(label: string, outDir: string, jobs: number, files: string[]): Measurement {
  const listFile = `${outDir}.inputs.json`
  writeFileSync(listFile, JSON.stringify(files))
  const self = fileURLToPath(import.meta.url)
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', label, outDir, String(jobs), listFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`bench batch ${label} failed (exit ${result.status}):\n${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Measurement
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      child: { type: 'boolean' },
      jobs: { type: 'string' },
      transcripts: { type: 'string' },
      scanned: { type: 'string' },
      keep: { type: 'boolean' },
      'only-mixed': { type: 'boolean' },
    },
  })
  if (values.child) {
    const [label, outDir, jobs, listFile] = positionals as [string, string, string, string]
    return measureOne(label, outDir, Number(jobs), JSON.parse(readFileSync(listFile, 'utf8')) as string[])
  }
  const jobs = Number(values.jobs ?? availableParallelism())
  const transcripts = Number(values.transcripts ?? 50)
  const scanned = Number(values.scanned ?? 10)
  const dir = mkdtempSync(join(tmpdir(), 'ita-bench-batch-'))
  try {
    const inputs = generateInputs(join(dir, 'in'), transcripts, scanned)
    const sizes = values['only-mixed'] ? [] : [...new Set([10, 25, transcripts].filter((n) => n <= transcripts))]
    const runs: Measurement[] = []
    for (const n of sizes) {
      runs.push(runInChild(`${n} transcripts`, join(dir, `out-t${n}`), jobs, inputs.transcripts.slice(0, n)))
      console.error(`done: ${runs.at(-1)!.label}`)
    }
    if (scanned > 0) {
      runs.push(runInChild(`${transcripts} transcripts + ${scanned} scanned`, join(dir, 'out-mixed'), jobs, [...inputs.transcripts, ...inputs.scanned]))
      console.error(`done: ${runs.at(-1)!.label}`)
    }
    console.log(`Batch benchmark: ${availableParallelism()} cores, --jobs ${jobs}, Node ${process.version}`)
    console.log('')
    console.log('| batch | inputs | converted | failed | pages | time | docs/min | runner peak RSS | runner heap kept (after GC) | converter peak RSS | OCR engines (pages) |')
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    for (const r of runs) {
      const failed = r.failed ? `${r.failed} (${Object.entries(r.failures).map(([c, n]) => `${c} x${n}`).join(', ')})` : '0'
      console.log(`| ${r.label} | ${r.inputs} | ${r.converted} | ${failed} | ${r.pages} | ${(r.elapsedMs / 1000).toFixed(1)} s | ${r.docsPerMinute} | ${r.runnerPeakRssMb} MB | ${r.runnerRetainedHeapMb} MB | ${r.converterPeakRssMb} MB | ${r.ocrEngines} (${r.ocrPages}) |`)
    }
    const small = runs.find((r) => r.label === '10 transcripts')
    const large = runs.find((r) => r.label === `${transcripts} transcripts`)
    if (small && large && small !== large) {
      const growth = (a: number, b: number) => `${a} -> ${b} MB (${b - a >= 0 ? '+' : ''}${(b - a).toFixed(1)} MB, x${(b / a).toFixed(2)})`
      console.log('')
      console.log(`Memory from 10 to ${transcripts} transcripts: runner peak RSS ${growth(small.runnerPeakRssMb, large.runnerPeakRssMb)}; runner heap kept after GC ${growth(small.runnerRetainedHeapMb, large.runnerRetainedHeapMb)}; converter peak RSS ${growth(small.converterPeakRssMb, large.converterPeakRssMb)}`)
      console.log('(Peak RSS includes garbage V8 has not collected yet; the heap kept after GC is what the runner holds.)')
    }
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true })
    else console.error(`kept ${dir}`)
  }
}

await main()
