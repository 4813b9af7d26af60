/** Transcript pipeline throughput on the bundled seed transcript (no peer tool does this job). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runTranscriptPipeline } from '../pipelines/transcript.js'
import { packageRoot } from '../src/_internal/package-root.js'
import { defaultContext } from '../src/model/stage.js'

const file = join(packageRoot(), 'samples', 'bankum', 'transcript.txt')
const bytes = readFileSync(file)
const ctx = defaultContext()
for (let i = 0; i < 3; i++) await runTranscriptPipeline(bytes, file, ctx) // warm up
const runs = 30
const start = performance.now()
for (let i = 0; i < runs; i++) await runTranscriptPipeline(bytes, file, ctx)
const ms = (performance.now() - start) / runs
console.log(`seed transcript (${(bytes.length / 1024).toFixed(0)} KiB): ${ms.toFixed(1)} ms per report, ${(1000 / ms).toFixed(1)} reports/s`)
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
