/**
 * The queue worker's failure handling, on a real redis-server, with converter processes that
 * misbehave on demand (test/batch-fixtures/misbehaving-worker.ts): a document over its time limit
 * is retried with backoff and then failed with its reason; a crashed converter is retried; a file
 * that changed after it was queued fails at once; stopping hands a running job back to the queue.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Queue } from 'bullmq'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { BadArgsError, QueueUnavailableError } from '../src/errors.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { addJobs } from '../src/queue/add-jobs.js'
import { checkRedis } from '../src/queue/connection.js'
import type { QueueJobData } from '../src/queue/job.js'
import { RECORDS_DIR, type QueueRecord } from '../src/batch/manifest-d.js'
import { startQueueWorker, type QueueWorker, type QueueWorkerEvent } from '../src/queue/worker.js'
import { waitForQueue } from '../src/queue/wait.js'
import type { BatchReporter, FinishedDocument } from '../src/batch/run-batch.js'
import { digestOf } from '../src/batch/report-digest.js'
import { reportFileText } from '../src/stages/export/report-json.js'
import type { Report } from '../src/report/schema.js'
import { sampleReport } from './export-sample-report.js'
import { redisMissing, startRedis, type TestRedis } from '../tools/redis-server.js'

const workerModule = fileURLToPath(new URL('./batch-fixtures/misbehaving-worker.ts', import.meta.url))

describe.skipIf(redisMissing)(`queue worker: retries, time limits, hand-back${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  let redis: TestRedis
  let dir: string
  let queueName: string
  let counter = 0
  let worker: QueueWorker | undefined
  let queue: Queue<QueueJobData>
  const events: QueueWorkerEvent[] = []

  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis?.stop()
  })
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ita-queue-worker-'))
    queueName = `unit-${++counter}`
    queue = new Queue<QueueJobData>(queueName, { connection: { url: redis.url } })
    events.length = 0
  })
  afterEach(async () => {
    await worker?.stop(0)
    worker = undefined
    await queue.obliterate({ force: true })
    await queue.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const input = (name: string, content: string) => {
    writeFileSync(join(dir, name), content)
    return join(dir, name)
  }
  const out = () => join(dir, 'out')
  const add = (files: string[], options: { attempts?: number; backoffMs?: number } = {}) => addJobs(files, { url: redis.url, queue: queueName, outDir: out(), cwd: dir, ...options })
  const start = (options: { timeoutMs?: number } = {}) =>
    startQueueWorker({ url: redis.url, queue: queueName, jobs: 1, workerModule, timePerPageMs: 0, ocrWorkers: 1, onEvent: (e) => events.push(e), ...options }).then((w) => (worker = w))
  const records = (): QueueRecord[] => {
    try {
      return readdirSync(join(out(), RECORDS_DIR)).map((n) => JSON.parse(readFileSync(join(out(), RECORDS_DIR, n), 'utf8')) as QueueRecord)
    } catch {
      return []
    }
  }
  const settled = async () => {
    for (;;) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
      if (Object.values(c).every((n) => n === 0)) return
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  it('a document over its time limit is retried with backoff, then failed with its reason', async () => {
    await add([input('hang.txt', 'hang')], { attempts: 2, backoffMs: 300 })
    await start({ timeoutMs: 1000 })
    await settled()
    const [job] = await queue.getFailed()
    expect(job?.attemptsMade).toBe(2)
    expect(job?.failedReason).toMatch(/^E_TIMEOUT: .*hang\.txt: conversion took longer than 1 s/)
    expect(events.filter((e) => e.type === 'failed').map((e) => e.type === 'failed' && e.willRetry)).toEqual([true, false])
    const [record] = records()
    expect(record).toMatchObject({ event: 'failed', document: 'hang.txt', attempt: 2, error: { code: 'E_TIMEOUT', kind: 'timeout' } })
  })

  it('a crashed converter is retried; it fails for good only after its attempts', async () => {
    await add([input('exit.txt', 'exit')], { attempts: 3, backoffMs: 10 })
    await start()
    await settled()
    const [job] = await queue.getFailed()
    expect(job?.attemptsMade).toBe(3)
    expect(job?.failedReason).toMatch(/^E_WORKER_CRASHED: .*exit code 7/)
    expect(records()).toHaveLength(1)
  })

  it('a file changed after it was queued fails at once, with no report written', async () => {
    // The fake converter returns a report of other bytes, as if the file had been replaced.
    await add([input('ok.txt', 'ok หนองบัว')], { attempts: 3 })
    await start()
    await settled()
    const [job] = await queue.getFailed()
    expect(job?.attemptsMade).toBe(1)
    expect(job?.failedReason).toMatch(/^E_INPUT_FILE: .*ok\.txt: the file changed after it was queued/)
    expect(readdirSync(out())).toEqual([RECORDS_DIR])
  })

  it('stopping hands running and prefetched jobs back to the queue, without using up an attempt', async () => {
    await add([input('slow-1.txt', 'slow 100 200'), input('slow-2.txt', 'slow 100 200'), input('slow-3.txt', 'slow 100 200')])
    await start()
    // One converter: one job converting, one taken ahead and waiting for it, one left in the queue.
    while (((await queue.getJobCounts('active')).active ?? 0) < 2) await new Promise((r) => setTimeout(r, 50))
    await worker!.stop(300)
    worker = undefined
    const waiting = await queue.getWaiting()
    expect(waiting.map((j) => j.data.document).sort()).toEqual(['slow-1.txt', 'slow-2.txt', 'slow-3.txt'])
    expect(waiting.map((j) => j.attemptsMade)).toEqual([0, 0, 0])
    expect(events.filter((e) => e.type === 'handed-back')).toHaveLength(2)
    expect(records()).toEqual([])
  })

  it('a job queued by another version is left for a worker of that version, not failed', async () => {
    await add([input('ok.txt', 'ok หนองบัว')])
    const [job] = await queue.getWaiting()
    await job!.updateData({ ...job!.data, pipeline: 'ita-extract@0.0.1' })
    await start()
    while (!events.some((e) => e.type === 'other-version')) await new Promise((r) => setTimeout(r, 50))
    const [delayed] = await queue.getDelayed()
    expect(delayed?.id).toBe(job!.id)
    expect(delayed?.attemptsMade).toBe(0)
    expect(await queue.getFailed()).toEqual([])
    expect(records()).toEqual([])
  })

  it("queue wait shows each document as the workers finish it, from the job's result, and exports it", async () => {
    const shown: FinishedDocument[] = []
    const reporter: BatchReporter = { begin() {}, skipped() {}, started() {}, page() {}, finished: (r) => void shown.push(r), end() {} }
    await add([input('a.txt', 'same'), input('b.txt', 'same')])
    const waited = waitForQueue({ url: redis.url, queue: queueName, pollMs: 50, reporter })
    await start()
    const summary = await waited
    expect(summary.converted).toBe(2)
    const { pages, findings, errors } = digestOf(sampleReport())
    expect(shown.map((r) => r.status === 'done' && [r.input.document, r.digest]).sort()).toEqual(
      ['a.txt', 'b.txt'].map((document) => [document, { pages, findings, errors }]),
    )
    expect(readFileSync(join(out(), 'all.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2)
    // The converter sent the file's bytes: they are the text convert writes for the same report.
    const written = readFileSync(join(out(), 'a.txt.json'), 'utf8')
    expect(written).toBe(reportFileText(JSON.parse(written) as Report))
    expect(JSON.parse(written)).toMatchObject({ source: { file: join(dir, 'a.txt') } })
  })

  it('queue wait on a drained queue exports at once; it refuses another folder', async () => {
    await add([input('bad.txt', 'bad')])
    await start()
    await settled()
    const summary = await waitForQueue({ url: redis.url, queue: queueName, pollMs: 50 })
    expect(summary.failures.map((f) => [f.document, f.error.code])).toEqual([['bad.txt', 'E_INPUT_FILE']])
    expect(readFileSync(join(out(), 'all.jsonl'), 'utf8')).toBe('')
    await expect(waitForQueue({ url: redis.url, queue: queueName, outDir: join(dir, 'elsewhere') })).rejects.toThrow(BadArgsError)
    await expect(addJobs([join(dir, 'bad.txt')], { url: redis.url, queue: queueName, outDir: join(dir, 'other') })).rejects.toThrow(/writes to/)
  })

})

describe('queue commands: exit codes', () => {
  it('an unreachable Redis is a QueueUnavailableError, quickly: exit 3', async () => {
    const started = Date.now()
    await expect(checkRedis({ url: 'redis://127.0.0.1:1' })).rejects.toThrow(QueueUnavailableError)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(await runCli(['queue', 'status', '--redis', 'redis://127.0.0.1:1'])).toBe(ExitCode.missingDependency)
  })

  it.each([
    ['queue', []],
    ['queue frobnicate', ['frobnicate']],
    ['queue add without -o', ['add', '.', '--redis', 'redis://127.0.0.1:1']],
    ['queue add without --redis', ['add', '.', '-o', 'out']],
    ['queue status with a bad URL', ['status', '--redis', 'http://example']],
  ])('%s: exit 64', async (_name, args) => {
    expect(await runCli(['queue', ...args])).toBe(ExitCode.badArgs)
  })

  it('worker without --redis, or with inputs: exit 64', async () => {
    expect(await runCli(['worker'])).toBe(ExitCode.badArgs)
    expect(await runCli(['worker', 'in/', '--redis', 'redis://127.0.0.1:1'])).toBe(ExitCode.badArgs)
  })
})
