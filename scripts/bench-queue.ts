/**
 * Queue benchmark: the same documents converted by `convert --jobs 2` (the peer) and through a
 * BullMQ queue on a throwaway redis-server by 1 worker (--jobs 1 and --jobs 2) and 2 workers
 * (--jobs 1 each), all on this machine. Prints documents per minute, the ratio to `convert`, and
 * the memory of each worker (its process, and with its converter processes) at 10, 50 and 100
 * documents done, which should stay flat.
 *
 *   npm run bench:queue -- [--transcripts 90] [--pdfs 10] [--runs convert,w1j1,w1j2,w2j1] [--rounds 1] [--cpu-prof <dir>]
 *
 * On a machine shared with other work the load changes from one run to the next: `--rounds N`
 * repeats the runs in turn (convert, queue, convert, queue...) and compares each queue run with
 * the `convert` run of its own round, and the medians. `--cpu-prof <dir>` runs the coordinating
 * processes (convert's runner, the workers, queue add and wait; not the converters) with Node's
 * `--cpu-prof`, one folder per run and command, to see where their CPU goes.
 *
 * Every command runs from the built package (`npm run build` first, as users run it), so no
 * run pays for compiling TypeScript. Inputs are generated in a temporary folder: variants of the two transcripts in the repository
 * and copies of samples/bankum/born-digital.pdf (24 pages, text layer), so no OCR: the figures
 * are about the queue, not tesseract. Workers are started before `queue add` (they are services);
 * a queue run is timed from `queue add` until `queue wait` has written all.jsonl and the CSVs,
 * as `convert` is timed until it has.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { packageRoot } from '../src/_internal/package-root.js'
import { RECORDS_DIR } from '../src/batch/manifest-d.js'
import { withRedis } from '../src/queue/connection.js'
import { startRedis } from '../tools/redis-server.js'

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'
const thai = (s: string) => s.replace(/\d/g, (d) => THAI_DIGITS[Number(d)]!)
const PLACES = ['หนองหญ้าไซ', 'ดอนเจดีย์', 'ศรีประจันต์', 'บางปลาม้า', 'อู่ทอง', 'เดิมบางนางบวช', 'ด่านช้าง', 'สามชุก', 'บ่อพลอย', 'ท่าม่วง']
const CHECKPOINTS = [10, 50, 90]
const root = packageRoot()

function generateInputs(dir: string, transcripts: number, pdfs: number): void {
  const bases = [
    { text: readFileSync(join(root, 'samples', 'bankum', 'transcript.txt'), 'utf8'), name: 'บ้านกุ่ม', total: '๙๐.๔๒', ext: 'txt' },
    { text: readFileSync(join(root, 'test', 'fixtures', 'transcripts', 'nongbua-2568.md'), 'utf8'), name: 'หนองบัว', total: '๘๒.๑๔', ext: 'md' },
  ]
  mkdirSync(join(dir, 'transcripts'), { recursive: true })
  mkdirSync(join(dir, 'pdf'), { recursive: true })
  for (let i = 0; i < transcripts; i++) {
    const base = bases[i % bases.length]!
    const place = `${PLACES[i % PLACES.length]}${Math.floor(i / PLACES.length) || ''}`
    writeFileSync(join(dir, 'transcripts', `report-${String(i).padStart(3, '0')}.${base.ext}`), base.text.replaceAll(base.name, place).replaceAll(base.total, thai((75 + (i % 25)).toFixed(2))))
  }
  for (let i = 0; i < pdfs; i++) copyFileSync(join(root, 'samples', 'bankum', 'born-digital.pdf'), join(dir, 'pdf', `born-digital-${String(i).padStart(3, '0')}.pdf`))
}

const builtCli = join(root, 'dist', 'src', 'cli', 'main.js')
/** With `--cpu-prof`: where this run's profiles go (set per run). */
let profileDir: string | undefined
function cli(args: string[]): ChildProcess {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, args[0] === 'queue' ? `queue-${args[1]}` : args[0]!)}`] : []
  return spawn(process.execPath, [...profile, builtCli, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
}
function finished(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })))
}

/** Resident memory of a process, and of it with all its descendants, in MB (from /proc). */
function rssMb(pid: number): { self: number; tree: number } {
  const rss = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024
    } catch {
      return 0
    }
  }
  return { self: rss(pid), tree: descendantsAndSelf([pid]).reduce((sum, p) => sum + rss(p), 0) }
}

/** The processes and all their descendants, from /proc. */
function descendantsAndSelf(pids: number[]): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const ppid = Number(statFields(Number(entry))[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = []
  const stack = [...pids]
  while (stack.length) {
    const p = stack.pop()!
    found.push(p)
    stack.push(...(children.get(p) ?? []))
  }
  return found
}

/**
 * CPU seconds (user + system) used so far by this process's children that have exited and been
 * waited for, and by theirs (/proc/self/stat cutime and cstime). A run's processes (convert or the
 * workers with their converters, queue add and wait, redis-server) are all ended before the next
 * run, so the difference across a run is the CPU it took: unlike the time, it barely moves with
 * the load of other work on the machine.
 */
function childrenCpuSeconds(): number {
  const fields = statFields('self')
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

/** /proc/<pid>/stat's fields after the command name (field 3 of proc(5) is index 0). */
function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/** CPU seconds a live process has used itself, not counting its children. */
function ownCpuSeconds(pid: number): number {
  try {
    const f = statFields(pid)
    return (Number(f[11]) + Number(f[12])) / CLOCK_TICKS
  } catch {
    return 0
  }
}

/** Resolves when the processes and theirs have used under 20 ms of CPU in half a second (started and idle). */
async function settled(pids: number[]): Promise<void> {
  let before = liveCpuSeconds(pids)
  for (;;) {
    await new Promise((r) => setTimeout(r, 500))
    const now = liveCpuSeconds(pids)
    if (now - before < 0.02) return
    before = now
  }
}

/** CPU seconds used so far by live processes and theirs (workers started before the timing: a service's start is not the run's work). */
function liveCpuSeconds(pids: number[]): number {
  let ticks = 0
  for (const pid of descendantsAndSelf(pids)) {
    try {
      const f = statFields(pid)
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])
    } catch {
      // gone meanwhile
    }
  }
  return ticks / CLOCK_TICKS
}

interface Measurement {
  label: string
  documents: number
  seconds: number
  /** CPU seconds of every process of the run (childrenCpuSeconds), less what the workers and Redis took to start. */
  cpuSeconds?: number
  /** CPU seconds the services (workers, redis-server) had used when the timing began. */
  serviceStartCpu?: number
  /** Where the CPU went, in seconds: the coordinating processes' own (convert's runner, each worker, queue add and wait, redis-server); the rest is the converters'. */
  cpuParts?: Record<string, number>
  perMinute: number
  /** Per process measured (worker, or convert's runner): memory at each checkpoint of documents done. */
  memory: { name: string; at: Record<number, { self: number; tree: number }> }[]
  redisMb?: number
  /** Workers with --jobs 1: median time from one document's record being written to the next document's conversion starting. */
  gapMs?: number | undefined
}

/** Per worker, the time between writing one result and starting the next conversion (the queue's cost per document). */
function medianGapMs(outDir: string): number | undefined {
  const dir = join(outDir, RECORDS_DIR)
  const byWorker = new Map<string, { start: number; end: number }[]>()
  for (const name of readdirSync(dir)) {
    const r = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { worker: string; at: string; ms: number }
    const end = Date.parse(r.at)
    byWorker.set(r.worker, [...(byWorker.get(r.worker) ?? []), { start: end - r.ms, end }])
  }
  const gaps: number[] = []
  for (const jobs of byWorker.values()) {
    jobs.sort((a, b) => a.start - b.start)
    for (let i = 1; i < jobs.length; i++) gaps.push(jobs[i]!.start - jobs[i - 1]!.end)
  }
  gaps.sort((a, b) => a - b)
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : undefined
}

/** Samples the processes' memory as documents get done, until `done` resolves. */
async function sampleMemory(pids: { name: string; pid: number }[], documentsDone: () => number, done: Promise<unknown>, ownCpu?: Map<number, number>): Promise<Measurement['memory']> {
  const memory = pids.map((p) => ({ name: p.name, at: {} as Record<number, { self: number; tree: number }> }))
  let over = false
  void done.then(() => (over = true))
  while (!over) {
    for (const { pid } of pids) ownCpu?.set(pid, Math.max(ownCpu.get(pid) ?? 0, ownCpuSeconds(pid)))
    const n = documentsDone()
    for (const checkpoint of CHECKPOINTS) {
      if (n < checkpoint) continue
      pids.forEach((p, i) => (memory[i]!.at[checkpoint] ??= rssMb(p.pid)))
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return memory
}

const countLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"done"')).length : 0)
const countRecords = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.done.json')).length : 0)

async function benchConvert(inDir: string, outDir: string, documents: number): Promise<Measurement> {
  const started = performance.now()
  const child = cli(['convert', inDir, '-o', outDir, '--jobs', '2'])
  const exit = finished(child)
  const ownCpu = new Map<number, number>()
  const memory = await sampleMemory([{ name: 'convert', pid: child.pid! }], () => countLines(join(outDir, 'manifest.jsonl')), exit, ownCpu)
  const { code, stderr } = await exit
  if (code !== 0) throw new Error(`convert failed (exit ${code}):\n${stderr}`)
  const seconds = (performance.now() - started) / 1000
  return { label: 'convert --jobs 2', documents, seconds, perMinute: documents / (seconds / 60), memory, cpuParts: { runner: ownCpu.get(child.pid!) ?? 0 } }
}

async function benchQueue(label: string, workers: number, jobs: number, inDir: string, outDir: string, documents: number): Promise<Measurement> {
  const redis = await startRedis()
  const queueArgs = ['--redis', redis.url]
  const running = Array.from({ length: workers }, () => cli(['worker', ...queueArgs, '--jobs', String(jobs)]))
  const exits = running.map(finished)
  try {
    // The workers are services: ready before the documents arrive.
    await withRedis({ url: redis.url }, async (client) => {
      while (((await client.client('LIST')) as string).split('\n').filter((l) => l.includes(':w:')).length < workers) await new Promise((r) => setTimeout(r, 100))
    })
    // and their converters have loaded the pipeline (prestarted): idle, using no CPU.
    await settled([...running.map((w) => w.pid!), redis.pid])
    const started = performance.now()
    const serviceStartCpu = liveCpuSeconds([...running.map((w) => w.pid!), redis.pid])
    const serviceStartOwn = running.reduce((sum, w) => sum + ownCpuSeconds(w.pid!), 0)
    const redisStartOwn = ownCpuSeconds(redis.pid)
    const cpuParts: Record<string, number> = {}
    let reaped = childrenCpuSeconds()
    const add = await finished(cli(['queue', 'add', inDir, '-o', outDir, ...queueArgs]))
    if (add.code !== 0) throw new Error(`queue add failed (exit ${add.code}):\n${add.stderr}`)
    cpuParts['queue add'] = childrenCpuSeconds() - reaped
    reaped = childrenCpuSeconds()
    const wait = finished(cli(['queue', 'wait', ...queueArgs]))
    const ownCpu = new Map<number, number>()
    const memory = await sampleMemory(running.map((w, i) => ({ name: `worker ${i + 1}`, pid: w.pid! })), () => countRecords(join(outDir, RECORDS_DIR)), wait, ownCpu)
    const { code, stderr } = await wait
    cpuParts['queue wait'] = childrenCpuSeconds() - reaped
    cpuParts.workers = [...ownCpu.values()].reduce((a, b) => a + b, 0) - serviceStartOwn
    cpuParts.redis = ownCpuSeconds(redis.pid) - redisStartOwn
    if (code !== 0) throw new Error(`queue wait failed (exit ${code}):\n${stderr}`)
    const seconds = (performance.now() - started) / 1000
    const redisMb = await withRedis({ url: redis.url }, async (client) => Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1] ?? 0) / 1024 / 1024)
    return { label, documents, seconds, serviceStartCpu, cpuParts, perMinute: documents / (seconds / 60), memory, redisMb, ...(jobs === 1 ? { gapMs: medianGapMs(outDir) } : {}) }
  } finally {
    for (const w of running) w.kill('SIGTERM')
    await Promise.all(exits)
    await redis.stop()
  }
}

const RUNS: Record<string, { label: string; workers: number; jobs: number }> = {
  w1j1: { label: '1 worker --jobs 1', workers: 1, jobs: 1 },
  w1j2: { label: '1 worker --jobs 2', workers: 1, jobs: 2 },
  w2j1: { label: '2 workers --jobs 1', workers: 2, jobs: 1 },
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { transcripts: { type: 'string' }, pdfs: { type: 'string' }, runs: { type: 'string' }, rounds: { type: 'string' }, keep: { type: 'boolean' }, 'cpu-prof': { type: 'string' } } })
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('bench:queue needs redis-server (Debian package redis-server)')
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('npm run build failed')
  const transcripts = Number(values.transcripts ?? 90)
  const pdfs = Number(values.pdfs ?? 10)
  const documents = transcripts + pdfs
  const runs = (values.runs ?? 'convert,w1j1,w1j2,w2j1').split(',')
  const dir = mkdtempSync(join(tmpdir(), 'ita-bench-queue-'))
  const load = loadavg()[0]!.toFixed(1)
  try {
    const inDir = join(dir, 'in')
    generateInputs(inDir, transcripts, pdfs)
    const rounds = Number(values.rounds ?? 1)
    const results: (Measurement & { round: number })[] = []
    for (let round = 1; round <= rounds; round++) {
      for (const run of runs) {
        const out = join(dir, `out-${run}-${round}`)
        const loadBefore = loadavg()[0]!
        const cpuBefore = childrenCpuSeconds()
        if (values['cpu-prof']) profileDir = resolve(values['cpu-prof'], `${run}-${round}`)
        if (run === 'convert') results.push({ ...(await benchConvert(inDir, out, documents)), round })
        else if (RUNS[run]) results.push({ ...(await benchQueue(RUNS[run].label, RUNS[run].workers, RUNS[run].jobs, inDir, out, documents)), round })
        else throw new Error(`unknown run ${run}; known: convert, ${Object.keys(RUNS).join(', ')}`)
        const measured = results.at(-1)!
        measured.cpuSeconds = childrenCpuSeconds() - cpuBefore - (measured.serviceStartCpu ?? 0)
        console.error(`done: round ${round}, ${results.at(-1)!.label} (${results.at(-1)!.seconds.toFixed(0)} s, load average ${loadBefore.toFixed(1)} before)`)
      }
    }
    const peerOf = (round: number) => results.find((r) => r.round === round && r.label.startsWith('convert'))
    console.log(`Queue benchmark: ${documents} documents (${transcripts} transcripts, ${pdfs} born-digital PDFs of 24 pages), ${availableParallelism()} cores, Node ${process.version}, load average ${load} at the start (a shared machine: compare the ratios, not the absolute rates)`)
    console.log('')
    console.log('| round | run | time | docs/min | vs convert --jobs 2 of the round | CPU of all its processes | CPU vs convert | Redis used_memory | gap between a worker\'s documents (median) |')
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    for (const r of results) {
      const peer = peerOf(r.round)
      const cpuRatio = peer?.cpuSeconds && r.cpuSeconds !== undefined ? `x${(r.cpuSeconds / peer.cpuSeconds).toFixed(2)}` : '-'
      console.log(`| ${r.round} | ${r.label} | ${r.seconds.toFixed(1)} s | ${r.perMinute.toFixed(1)} | ${peer ? `x${(r.perMinute / peer.perMinute).toFixed(2)}` : '-'} | ${r.cpuSeconds === undefined ? '-' : `${r.cpuSeconds.toFixed(1)} s`} | ${cpuRatio} | ${r.redisMb === undefined ? '-' : `${r.redisMb.toFixed(1)} MB`} | ${r.gapMs === undefined ? '-' : `${r.gapMs} ms`} |`)
    }
    console.log('')
    console.log('Where the CPU went (seconds; the converters are the rest):')
    console.log('')
    for (const r of results) {
      const parts = Object.entries(r.cpuParts ?? {})
      const converters = (r.cpuSeconds ?? 0) - parts.reduce((sum, [, v]) => sum + v, 0)
      console.log(`- round ${r.round}, ${r.label}: ${[...parts.map(([k, v]) => `${k} ${v.toFixed(1)}`), `converters ${converters.toFixed(1)}`].join(', ')}`)
    }
    if (rounds > 1) {
      console.log('')
      const median = (xs: number[]) => {
        const sorted = [...xs].sort((a, b) => a - b)
        const mid = sorted.length / 2
        return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!
      }
      for (const label of [...new Set(results.map((r) => r.label))]) {
        const mine = results.filter((r) => r.label === label)
        const ratios = mine.flatMap((r) => (peerOf(r.round) ? [r.perMinute / peerOf(r.round)!.perMinute] : []))
        const cpuRatios = mine.flatMap((r) => (peerOf(r.round)?.cpuSeconds && r.cpuSeconds !== undefined ? [r.cpuSeconds / peerOf(r.round)!.cpuSeconds!] : []))
        const timeRatio = ratios.length ? `, median ratio to convert --jobs 2 x${median(ratios).toFixed(2)}` : ''
        const cpuRatio = cpuRatios.length ? `, median CPU ratio x${median(cpuRatios).toFixed(2)}` : ''
        console.log(`${label}: median ${median(mine.map((r) => r.perMinute)).toFixed(1)} docs/min${timeRatio}${cpuRatio}`)
      }
    }
    console.log('')
    console.log('Memory per process (resident MB: the process alone / with its converter processes) when 10, 50 and 90 documents were done:')
    console.log('')
    console.log(`| round | run | process | ${CHECKPOINTS.map((c) => `at ${c}`).join(' | ')} |`)
    console.log(`| --- | --- | --- | ${CHECKPOINTS.map(() => '---').join(' | ')} |`)
    for (const r of results) {
      for (const m of r.memory) {
        const cell = (c: number) => (m.at[c] ? `${m.at[c]!.self.toFixed(0)} / ${m.at[c]!.tree.toFixed(0)}` : '-')
        console.log(`| ${r.round} | ${r.label} | ${m.name} | ${CHECKPOINTS.map(cell).join(' | ')} |`)
      }
    }
  } finally {
    if (values.keep) console.error(`kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

await main()
