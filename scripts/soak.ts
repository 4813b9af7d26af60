/**
 * `npm run soak` (not in CI): a long, abused batch. 1,000 inputs (transcripts and born-digital
 * PDFs, 5% bad), converted with the built CLI, the runner killed with -9 at 10 random moments and
 * started again each time. At the end: every good input converted exactly once (one `done` in
 * the manifest, its JSON valid and of the same bytes), every bad one failed with its reason, no
 * temporary or partial files, the manifest's lines whole but for at most one cut per kill, no
 * converter left running 15 s after a kill, and the runner's memory printed per 100 results
 * recorded (a bad input is retried, and recorded again, after each kill).
 *
 *   npm run soak -- [--inputs 1000] [--kills 10] [--seed 18] [--jobs 2] [--keep]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { glob } from 'tinyglobby'
import { packageRoot } from '../src/_internal/package-root.js'
import type { ManifestEntry } from '../src/batch/manifest.js'
import { TEMP_SUFFIX } from '../src/stages/export/atomic-file.js'
import { ReportSchema } from '../src/report/schema.js'
import { createRng } from '../tools/rng.js'
import { makePng } from '../tools/png-images.js'

const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '1000' },
    kills: { type: 'string', default: '10' },
    seed: { type: 'string', default: '18' },
    jobs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
})
const total = Number(values.inputs)
const kills = Number(values.kills)
const rng = createRng(Number(values.seed))
const root = packageRoot()
const cli = join(root, 'dist', 'src', 'cli', 'main.js')
const work = mkdtempSync(join(tmpdir(), 'ita-soak-'))
const inDir = join(work, 'in')
const outDir = join(work, 'out')
const log = (line: string) => process.stdout.write(`${line}\n`)

if (!existsSync(cli)) {
  log('building dist/ first (npm run build)')
  await run('npm', ['run', 'build'], root)
}

// ---- inputs ---------------------------------------------------------------------------------
type Kind = 'good' | 'bad'
const kinds = new Map<string, Kind>()
const put = (name: string, bytes: string | Uint8Array, kind: Kind) => {
  writeFileSync(join(inDir, name), bytes)
  kinds.set(name, kind)
}
mkdirSync(inDir)
const bankum = readFileSync(join(root, 'samples', 'bankum', 'transcript.txt'), 'utf8')
const nongbua = readFileSync(join(root, 'test', 'fixtures', 'transcripts', 'nongbua-2568.md'), 'utf8')
const bornDigital = readFileSync(join(root, 'samples', 'bankum', 'born-digital.pdf'))
const bad = Math.round(total * 0.05)
const pdfs = Math.min(20, Math.round(total * 0.02))
// A copy's own bytes: a comment line (transcripts) or bytes after %%EOF (PDFs), so each has its own hash.
for (let i = 0; i < pdfs; i++) put(`pdf-${i}.pdf`, Buffer.concat([bornDigital, Buffer.from(`\n%soak copy ${i}\n`)]), 'good')
for (let i = 0; kinds.size < total - bad; i++) {
  if (i % 2 === 0) put(`bankum-${i}.txt`, `${bankum}\n<!-- soak copy ${i} -->\n`, 'good')
  else put(`nongbua-${i}.md`, `${nongbua}\n<!-- soak copy ${i} -->\n`, 'good')
}
const hugePng = await makePng({ width: 30_000, height: 30_000, bitDepth: 1 })
const badMakers: [string, () => string | Uint8Array][] = [
  ['empty.txt', () => ''],
  ['binary.txt', () => Uint8Array.from({ length: 512 }, () => rng.int(0, 255))],
  ['truncated.pdf', () => bornDigital.subarray(0, rng.int(100, bornDigital.length / 2))],
  ['letter.txt', () => 'เรียน ผู้อำนวยการ\nขอเชิญประชุมคณะกรรมการ\nลงชื่อ เลขานุการ\n'],
  ['two-reports.txt', () => `${bankum}\n${bankum}`],
  ['huge.png', () => hugePng],
]
for (let i = 0; i < bad; i++) {
  const [name, make] = badMakers[i % badMakers.length]!
  put(`bad-${i}-${name}`, make(), 'bad')
}
log(`soak: ${kinds.size} inputs (${pdfs} born-digital PDFs, ${kinds.size - pdfs - bad} transcripts, ${bad} bad) in ${work}`)

// ---- the runs -------------------------------------------------------------------------------
const manifestPath = join(outDir, 'manifest.jsonl')
const results = () => (existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8').split('\n').filter((l) => /"event":"(done|failed)"/.test(l)).length : 0)
const problems: string[] = []
/** How long a converter may take to notice its runner is gone (it may be inside a long synchronous step). */
const ORPHAN_GRACE_MS = 15_000
// The random moments: after a random number of results (so every kill happens, however fast the
// machine), plus a random delay so a kill can land anywhere in a file's conversion or its writes.
const killPoints = Array.from({ length: kills }, () => rng.int(5, total - 5))
  .sort((a, b) => a - b)
  .map((results) => ({ results, extraMs: rng.int(0, 2000) }))
const resultsReach = async (n: number) => {
  while (results() < n) await sleep(100)
}
let reported = 0
let orphans = 0
const started = performance.now()
for (let attempt = 1; ; attempt++) {
  const child = spawn(process.execPath, [cli, 'convert', inDir, '-o', outDir, '--jobs', String(values.jobs)], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderrTail = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-3000)))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const watch = setInterval(() => {
    const done = results()
    while (reported + 100 <= done) {
      reported += 100
      log(`  ${reported} results recorded: runner RSS ${residentMb(child.pid!) ?? '?'} MB (run ${attempt})`)
    }
  }, 250)
  const killAfter = killPoints[attempt - 1]
  const outcome = await Promise.race([exited.then((code) => ({ code })), ...(killAfter ? [resultsReach(killAfter.results).then(() => sleep(killAfter.extraMs)).then(() => 'kill' as const)] : [])])
  clearInterval(watch)
  if (outcome === 'kill') {
    const converters = childrenOf(child.pid!)
    child.kill('SIGKILL')
    await exited
    // Converters notice that their runner is gone (the IPC channel closes) and exit by themselves.
    const waitStarted = performance.now()
    while (converters.some(isRunning) && performance.now() - waitStarted < ORPHAN_GRACE_MS) await sleep(100)
    const left = converters.filter(isRunning)
    orphans += left.length
    const waited = ((performance.now() - waitStarted) / 1000).toFixed(1)
    log(`kill -9 #${attempt}: at ${results()} results in the manifest; ${converters.length} converter(s) were running, ${left.length ? `${left.length} still running after ${waited} s` : `all gone ${waited} s later`}`)
    for (const pid of left) process.kill(pid, 'SIGKILL')
    continue
  }
  log(`run ${attempt} finished (exit ${outcome.code}) after ${((performance.now() - started) / 1000).toFixed(0)} s in all`)
  if (outcome.code !== 0 && outcome.code !== 8) {
    problems.push(`the last run exited ${outcome.code}`)
    log(`its stderr ended with:\n${stderrTail}`)
  }
  break
}

// ---- checks ---------------------------------------------------------------------------------
const lines = readFileSync(manifestPath, 'utf8').split('\n').filter((l) => l.trim())
const entries: ManifestEntry[] = []
let cut = 0
for (const line of lines) {
  try {
    entries.push(JSON.parse(line) as ManifestEntry)
  } catch {
    cut += 1
  }
}
if (cut > kills) problems.push(`${cut} manifest lines are not whole JSON (at most one per kill: ${kills})`)
const byInput = new Map<string, ManifestEntry[]>()
for (const e of entries) if (e.event !== 'run') byInput.set(e.input, [...(byInput.get(e.input) ?? []), e])
let converted = 0
let failedAsBad = 0
for (const [name, kind] of kinds) {
  const path = join(inDir, name)
  const mine = byInput.get(path) ?? []
  const done = mine.filter((e) => e.event === 'done')
  const output = join(outDir, `${name}.json`)
  if (kind === 'good') {
    if (done.length !== 1) problems.push(`${name}: converted ${done.length} times (manifest 'done' lines), expected exactly once`)
    if (!existsSync(output)) {
      problems.push(`${name}: no output JSON`)
      continue
    }
    const parsed = ReportSchema.safeParse(JSON.parse(readFileSync(output, 'utf8')))
    if (!parsed.success) problems.push(`${name}: output JSON is not a valid report`)
    else if (parsed.data.source.sha256 !== createHash('sha256').update(readFileSync(path)).digest('hex')) problems.push(`${name}: output is of other bytes`)
    else converted += 1
  } else {
    const last = mine.filter((e) => e.event === 'done' || e.event === 'failed').at(-1)
    if (last?.event !== 'failed') problems.push(`${name}: a bad input was not recorded as failed (${last?.event ?? 'nothing'})`)
    else failedAsBad += 1
    if (existsSync(output)) problems.push(`${name}: a bad input has an output JSON`)
  }
}
const leftovers = await glob([`**/*${TEMP_SUFFIX}`, '**/.ita-extract.lock'], { cwd: outDir, dot: true })
if (leftovers.length) problems.push(`temporary files left: ${leftovers.join(', ')}`)
const outputs = (await glob(['**/*.json'], { cwd: outDir })).length
if (outputs !== converted) problems.push(`${outputs} JSON files in the output folder for ${converted} converted inputs`)
if (orphans) problems.push(`${orphans} converter process(es) still running ${ORPHAN_GRACE_MS / 1000} s after their runner was killed`)
for (const file of ['all.jsonl', 'documents.csv']) if (!existsSync(join(outDir, file))) problems.push(`${file} missing`)
const allJsonl = existsSync(join(outDir, 'all.jsonl')) ? readFileSync(join(outDir, 'all.jsonl'), 'utf8').trim().split('\n').length : 0
if (allJsonl !== converted) problems.push(`all.jsonl has ${allJsonl} reports for ${converted} converted inputs`)

log(`good inputs converted exactly once: ${converted} of ${[...kinds.values()].filter((k) => k === 'good').length}`)
log(`bad inputs failed with their reason: ${failedAsBad} of ${bad}`)
log(`manifest: ${entries.length} whole lines, ${cut} cut by a kill; temporary files left: ${leftovers.length}; orphan converters: ${orphans}`)
log(`elapsed: ${((performance.now() - started) / 1000).toFixed(0)} s`)
if (!values.keep) rmSync(work, { recursive: true, force: true })
if (problems.length) {
  log(`SOAK FAILED:\n  ${problems.slice(0, 30).join('\n  ')}`)
  process.exitCode = 1
} else log('soak passed')

// ---- helpers --------------------------------------------------------------------------------
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function residentMb(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024)
  } catch {
    return undefined
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    )
  } catch {
    return []
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))
  } catch {
    return false
  }
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, { cwd, stdio: 'inherit' })
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))))
  })
}
