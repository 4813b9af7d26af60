/**
 * End to end, on a real redis-server: 22 mixed inputs (transcripts, born-digital PDFs, a one-page
 * scan, corrupt and unreadable files) are added to a queue and converted by two worker processes;
 * the worker converting the scan is killed with -9 mid-job, the other is stopped with SIGTERM,
 * and a worker is started again on the same output. Every good input must be converted exactly
 * once (the killed worker's job taken again by the restarted worker), every bad one failed with its reason and not retried, no partial file left;
 * `queue wait` writes all.jsonl and the CSVs, and adding everything again adds nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Queue } from 'bullmq'
import { parse } from 'csv-parse/sync'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExitCode } from '../src/cli/exit-code.js'
import type { QueueJobData } from '../src/queue/job.js'
import { RECORDS_DIR, type QueueRecord } from '../src/batch/manifest-d.js'
import { ReportSchema } from '../src/report/schema.js'
import { TEMP_SUFFIX } from '../src/stages/export/atomic-file.js'
import { redisMissing, startRedis, type TestRedis } from '../tools/redis-server.js'
import { repoPath, seedTranscript } from './helpers.js'

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'
const thai = (s: string) => s.replace(/\d/g, (d) => THAI_DIGITS[Number(d)]!)
const PLACES = ['หนองหญ้าไซ', 'ดอนเจดีย์', 'ศรีประจันต์', 'บางปลาม้า', 'อู่ทอง', 'เดิมบางนางบวช', 'ด่านช้าง']
const SCAN = 'scan/bankum-page1.pdf'
const QUEUE = 'scale-out-test'
/** Short, so the killed worker's job is taken again within seconds (production: 30 s). */
const LOCK_S = '6'

const BAD: Record<string, string> = {
  'bad/empty.txt': 'E_EMPTY_INPUT',
  'bad/binary.txt': 'E_UNSUPPORTED_INPUT',
  'bad/letter.txt': 'E_NOT_A_REPORT',
  'bad/truncated.pdf': 'E_CORRUPT_PDF',
  'bad/encrypted.pdf': 'E_ENCRYPTED_PDF',
}

async function writeInputs(dir: string): Promise<{ good: Map<string, string | undefined> }> {
  const put = (name: string, content: string | Uint8Array) => {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  /** Document -> the organisation it must name (undefined: not checked). */
  const good = new Map<string, string | undefined>()
  const bases = [
    { text: readFileSync(seedTranscript, 'utf8'), name: 'บ้านกุ่ม', prefix: 'องค์การบริหารส่วนตำบล', total: '๙๐.๔๒', ext: 'txt' },
    { text: readFileSync(repoPath('test', 'fixtures', 'transcripts', 'nongbua-2568.md'), 'utf8'), name: 'หนองบัว', prefix: 'เทศบาลตำบล', total: '๘๒.๑๔', ext: 'md' },
  ]
  for (let i = 0; i < 14; i++) {
    const base = bases[i % 2]!
    const place = `${PLACES[i % PLACES.length]}${i >= PLACES.length ? 'ใหม่' : ''}`
    const text = base.text.replaceAll(base.name, place).replaceAll(base.total, thai((80 + i * 0.73).toFixed(2)))
    const document = `transcripts/${2567 + (i % 2)}/report-${String(i).padStart(2, '0')}.${base.ext}`
    put(document, text)
    good.set(document, `${base.prefix}${place}`)
  }
  // Page subsets keep the test short: the born-digital report's first four pages, the scan's first.
  const bornDigital = await cutPdf(repoPath('samples', 'bankum', 'born-digital.pdf'), [0, 1, 2, 3])
  for (const name of ['pdf/born-digital-a.pdf', 'pdf/born-digital-b.pdf']) {
    put(name, bornDigital)
    good.set(name, 'องค์การบริหารส่วนตำบลบ้านกุ่ม')
  }
  put(SCAN, await cutPdf(repoPath('samples', 'bankum', 'scanned-200dpi.pdf'), [0]))
  good.set(SCAN, undefined)
  put('bad/empty.txt', '')
  put('bad/binary.txt', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]))
  put('bad/letter.txt', 'เรียน ผู้อำนวยการ\nขอเชิญประชุมคณะกรรมการในวันจันทร์ที่ ๑ ตุลาคม\nลงชื่อ เลขานุการ\n')
  copyFileSync(repoPath('test', 'fixtures', 'pdf', 'truncated.pdf'), join(dir, 'bad', 'truncated.pdf'))
  copyFileSync(repoPath('test', 'fixtures', 'pdf', 'encrypted.pdf'), join(dir, 'bad', 'encrypted.pdf'))
  return { good }
}

async function cutPdf(path: string, pages: number[]): Promise<Uint8Array> {
  const out = await PDFDocument.create()
  for (const page of await out.copyPages(await PDFDocument.load(readFileSync(path)), pages)) out.addPage(page)
  return out.save()
}

interface Run {
  child: ChildProcess
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>
  stderr: () => string
}

function cli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', repoPath('src', 'cli', 'main.ts'), ...args], { cwd: repoPath(), stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  child.stdout!.resume()
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })))
  return { child, exit, stderr: () => stderr }
}

const workerName = (run: Run) => `${hostname()}:${run.child.pid}`

function readRecordFiles(out: string): QueueRecord[] {
  const dir = join(out, RECORDS_DIR)
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as QueueRecord)
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))

describe.skipIf(redisMissing)(`queue: two workers, one killed with -9 mid-job${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  let redis: TestRedis
  let root: string
  let input: string
  let out: string
  let good: Map<string, string | undefined>
  let queue: Queue<QueueJobData>
  const workers: Run[] = []
  let killedName = ''
  let restartedName = ''
  let added: { code: number | null; stderr: string }
  let terminated: { code: number | null; stderr: string }
  let waited: { code: number | null; stderr: string }

  const redisArgs = () => ['--redis', redis.url, '--queue', QUEUE]
  const startWorker = () => {
    const run = cli(['worker', ...redisArgs(), '--jobs', '1', '--lock-duration', LOCK_S, '--grace', '0'])
    workers.push(run)
    return run
  }

  beforeAll(async () => {
    redis = await startRedis()
    root = mkdtempSync(join(tmpdir(), 'ita-queue-'))
    input = join(root, 'in')
    out = join(root, 'out')
    ;({ good } = await writeInputs(input))
    queue = new Queue<QueueJobData>(QUEUE, { connection: { url: redis.url } })

    added = await cli(['queue', 'add', input, '-o', out, ...redisArgs()]).exit
    expect(added.code, added.stderr).toBe(ExitCode.ok)
    const a = startWorker()
    const b = startWorker()

    // Wait for the scan to be in the middle of its conversion, then kill its worker with -9.
    let victim: Run | undefined
    while (!victim) {
      const scanJob = (await queue.getActive()).find((j) => j.data.document === SCAN)
      victim = [a, b].find((w) => scanJob?.processedBy === workerName(w))
      for (const w of [a, b]) if (w.child.exitCode !== null) throw new Error(`a worker ended early:\n${w.stderr()}`)
      if (!victim) await new Promise((r) => setTimeout(r, 100))
    }
    await new Promise((r) => setTimeout(r, 1000)) // OCR of the page is under way
    victim.child.kill('SIGSTOP')
    const scanJob = (await queue.getActive()).find((j) => j.data.document === SCAN)
    expect(scanJob?.processedBy, 'the scan was still being converted when its worker was killed').toBe(workerName(victim))
    victim.child.kill('SIGKILL')
    expect((await victim.exit).signal).toBe('SIGKILL')
    killedName = workerName(victim)
    // The other worker is stopped too (SIGTERM: it hands back what it holds and exits 0), so that
    // all that is left, the killed worker's job included, falls to a worker started again.
    const other = victim === a ? b : a
    other.child.kill('SIGTERM')
    terminated = await other.exit
    restartedName = workerName(startWorker())

    waited = await cli(['queue', 'wait', '-o', out, ...redisArgs()]).exit
  }, 600_000)

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL')
    await Promise.all(workers.map((w) => w.exit))
    await queue?.close()
    await redis?.stop()
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('adds one job per input', () => {
    expect(added.stderr).toContain('22 inputs: 22 added, 0 already done, 0 already queued')
  })

  it('queue wait exits 8 (some failed), names each bad input with its reason, and writes all.jsonl and the CSVs', () => {
    expect(waited.code, waited.stderr).toBe(ExitCode.partialSuccess)
    expect(waited.stderr).toMatch(/Converted 17 of 22 documents in the queue's folder/)
    expect(waited.stderr).toContain('manifest.d/)')
    expect(waited.stderr).not.toContain('manifest.jsonl')
    for (const [document, code] of Object.entries(BAD)) expect(waited.stderr).toMatch(new RegExp(`${code}[\\s\\S]*${document.replace('.', '\\.')}`))
    const lines = readFileSync(join(out, 'all.jsonl'), 'utf8').trim().split('\n')
    expect(lines).toHaveLength(good.size)
    for (const line of lines) expect(ReportSchema.safeParse(JSON.parse(line)).success).toBe(true)
    const documents = parse(readFileSync(join(out, 'documents.csv'), 'utf8'), { columns: true }) as Record<string, string>[]
    expect(documents.map((d) => d.document).sort()).toEqual([...good.keys()].sort())
  })

  it('converts every good input exactly once, into the batch layout', () => {
    const records = readRecordFiles(out)
    for (const [document, organization] of good) {
      const done = records.filter((r) => r.document === document && r.event === 'done')
      expect(done, document).toHaveLength(1)
      expect(records.filter((r) => r.document === document && r.event === 'failed'), document).toEqual([])
      const report = ReportSchema.parse(JSON.parse(readFileSync(join(out, `${document}.json`), 'utf8')))
      if (organization) expect(report.organization.name?.value, document).toBe(organization)
    }
  })

  it('the worker stopped with SIGTERM exited 0', () => {
    expect(terminated.code, terminated.stderr).toBe(ExitCode.ok)
  })

  it("the killed worker's job was taken again by the restarted worker, which finished the queue", () => {
    const records = readRecordFiles(out)
    const scan = records.find((r) => r.document === SCAN)!
    expect(scan.event).toBe('done')
    expect(scan.worker).toBe(restartedName)
    expect(records.some((r) => r.worker === killedName && r.document === SCAN)).toBe(false)
    // More than one worker converted documents.
    expect(new Set(records.map((r) => r.worker)).size).toBeGreaterThanOrEqual(2)
  })

  it('fails each bad input once, with its reason, without retrying it', () => {
    const records = readRecordFiles(out)
    for (const [document, code] of Object.entries(BAD)) {
      const failed = records.filter((r) => r.document === document)
      expect(failed, document).toHaveLength(1)
      expect(failed[0]!.event).toBe('failed')
      if (failed[0]!.event === 'failed') {
        expect(failed[0]!.error.code, document).toBe(code)
        expect(failed[0]!.error.message).toContain(document.split('/').at(-1))
        expect(failed[0]!.attempt).toBe(1)
      }
      expect(existsSync(join(out, `${document}.json`)), document).toBe(false)
    }
  })

  it('leaves no partial or temporary file', () => {
    const files = walk(out)
    expect(files.filter((f) => f.includes(TEMP_SUFFIX))).toEqual([])
    for (const f of files.filter((f) => f.endsWith('.json'))) expect(() => JSON.parse(readFileSync(f, 'utf8')), f).not.toThrow()
  })

  it('adding everything again adds nothing', async () => {
    const before = readRecordFiles(out).length
    const again = await cli(['queue', 'add', input, '-o', out, ...redisArgs()]).exit
    expect(again.code, again.stderr).toBe(ExitCode.ok)
    expect(again.stderr).toContain('22 inputs: 0 added, 17 already done, 0 already queued, 5 failed earlier')
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, prioritized: 0 })
    expect(readRecordFiles(out)).toHaveLength(before)
  })

  it("convert on the queue's output folder takes the workers' results as done", async () => {
    const converted = await cli(['convert', input, '-o', out, '--jobs', '1']).exit
    expect(converted.stderr).toMatch(/Converted 17 of 22 inputs \(0 in this run, 17 unchanged since an earlier run\)/)
  })

  it('SIGTERM stops the restarted worker with exit 0', async () => {
    const running = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null)
    expect(running.map(workerName)).toEqual([restartedName])
    for (const w of running) w.child.kill('SIGTERM')
    for (const w of running) expect((await w.exit).code, w.stderr()).toBe(ExitCode.ok)
  })
})
