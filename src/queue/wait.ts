/**
 * `queue wait`: blocks until the queue is drained, showing the workers' progress as a batch
 * shows its own, then writes all.jsonl and the CSVs into the output folder from the per-document
 * records, exactly as `convert` does at the end of a folder (run-batch.ts `writeBatchExports`).
 */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Queue, QueueEvents } from 'bullmq'
import type { BatchInput } from '../batch/discover-inputs.js'
import type { ErrorRecord } from '../batch/manifest.js'
import { emptyOcrStats } from '../batch/ocr-host.js'
import { sweepTemporaryFiles, takeLock, writeBatchExports, type BatchReporter, type BatchSummary, type DocumentResult, type RunBatchOptions } from '../batch/run-batch.js'
import { BadArgsError } from '../errors.js'
import { connectionOptions, type RedisTarget } from './connection.js'
import { DEFAULT_QUEUE, QueueJobResultSchema, type QueueJobData, type QueueJobProgress, type QueueJobResult } from './job.js'
import { outputFolderOf } from './queue-folder.js'
import { parseRecord, readRecords, RECORDS_DIR } from '../batch/manifest-d.js'

export interface WaitOptions extends RedisTarget, Pick<RunBatchOptions, 'bom' | 'csvEscape'> {
  /** Queue name. @default 'ita-extract' */
  readonly queue?: string
  /** The output folder; must be the queue's own (given to `queue add`). @default the queue's */
  readonly outDir?: string
  readonly cwd?: string
  /** Stops waiting: the summary is `interrupted` and nothing is exported. */
  readonly signal?: AbortSignal
  readonly reporter?: BatchReporter
  /** How often the queue's counts are read. @default 1000 */
  readonly pollMs?: number
}

const UNFINISHED = ['waiting', 'prioritized', 'active', 'delayed', 'waiting-children'] as const

export async function waitForQueue(options: WaitOptions): Promise<BatchSummary> {
  const started = performance.now()
  const name = options.queue ?? DEFAULT_QUEUE
  const outDir = await queueFolder(options, name)
  const reporter = options.reporter
  const connection = connectionOptions(options)
  const events = new QueueEvents(name, { connection })
  const queue = new Queue<QueueJobData, QueueJobResult>(name, { connection })
  const summary: BatchSummary = { inputs: 0, converted: 0, skipped: 0, documents: 0, pages: 0, failures: [], findingsByRule: {}, interrupted: false, elapsedMs: 0, peakWorkerRssKb: 0, ocr: emptyOcrStats(), by: 'queue' }
  try {
    await events.waitUntilReady()
    const unfinished = async () => Object.values(await queue.getJobCounts(...UNFINISHED)).reduce((a, b) => a + b, 0)
    reporter?.begin({ total: await unfinished(), root: `queue ${name}`, outDir, warnings: [] })
    followProgress(events, queue, outDir, summary, reporter)
    // Counted again when a job ends, so the export starts as soon as the last one does; the
    // poll is for what sends no event here (a job removed, a lost connection's events).
    let wake = () => {}
    const ended = () => wake()
    events.on('completed', ended)
    events.on('failed', ended)
    const pollMs = options.pollMs ?? 1000
    while ((await unfinished()) > 0) {
      if (options.signal?.aborted) break
      await sleep(pollMs, options.signal, (w) => (wake = w))
    }
    summary.interrupted = options.signal?.aborted ?? false
    if (!summary.interrupted) await exportFolder(queue, outDir, options, summary)
  } finally {
    await events.close()
    await queue.close()
  }
  summary.elapsedMs = Math.round(performance.now() - started)
  reporter?.end(summary)
  return summary
}

async function queueFolder(options: WaitOptions, name: string): Promise<string> {
  const folder = await outputFolderOf(options, name)
  if (!folder) throw new BadArgsError(`nothing was ever added to queue ${JSON.stringify(name)}`)
  if (options.outDir !== undefined && resolve(options.cwd ?? process.cwd(), options.outDir) !== folder) {
    throw new BadArgsError(`queue ${JSON.stringify(name)} writes to ${folder}, not ${options.outDir}`)
  }
  return folder
}

/** Feeds the reporter from the queue's events: jobs starting, pages done, jobs finishing. */
function followProgress(events: QueueEvents, queue: Queue<QueueJobData, QueueJobResult>, outDir: string, summary: BatchSummary, reporter: BatchReporter | undefined): void {
  const inputs = new Map<string, BatchInput>()
  const inputOf = async (jobId: string): Promise<BatchInput | undefined> => {
    const known = inputs.get(jobId)
    if (known) return known
    const job = await queue.getJob(jobId).catch(() => undefined)
    if (!job) return undefined
    const input = { path: job.data.input, document: job.data.document }
    inputs.set(jobId, input)
    return input
  }
  events.on('active', ({ jobId }) => void inputOf(jobId).then((input) => input && reporter?.started(input)))
  events.on('progress', ({ jobId, data }) => {
    const pages = (data as Partial<QueueJobProgress>).pages
    if (typeof pages === 'number') void inputOf(jobId).then((input) => input && reporter?.page(input, { stage: 'queue', page: pages, msg: 'page done' }))
  })
  events.on('completed', ({ jobId, returnvalue }) => {
    const parsed = QueueJobResultSchema.safeParse(typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue)
    if (!parsed.success) return // not a result of this version's workers
    const result = parsed.data
    summary.converted += 1
    summary.peakWorkerRssKb = Math.max(summary.peakWorkerRssKb, result.maxRssKb)
    // The result carries what the display shows: the report is read once, by the export.
    const digest = { pages: result.pages, findings: result.findings, errors: result.errors }
    void inputOf(jobId).then((input) => reporter?.finished({ status: 'done', input: input ?? { path: result.document, document: result.document }, digest, ms: result.ms, maxRssKb: result.maxRssKb }))
  })
  events.on('failed', ({ jobId, failedReason }) => {
    void (async () => {
      const input = await inputOf(jobId)
      if (input) reporter?.finished({ status: 'failed', input, error: await failureOf(outDir, jobId, failedReason), ms: 0 })
    })().catch(() => {})
  })
}

/** The failure as the worker recorded it, or from BullMQ's reason (a job failed as stalled has no record). */
async function failureOf(outDir: string, jobId: string, reason: string): Promise<ErrorRecord> {
  const text = await readFile(join(outDir, RECORDS_DIR, `${jobId}.failed.json`), 'utf8').catch(() => undefined)
  const record = text === undefined ? undefined : parseRecord(text)
  if (record?.event === 'failed') return record.error
  const code = /^(E_[A-Z_]+): /.exec(reason)?.[1]
  return { name: 'Error', code: code ?? 'E_QUEUE', kind: 'other', message: code ? reason.slice(code.length + 2) : reason }
}

/** Writes all.jsonl and the CSVs from the folder's records (and the queue's failed jobs that left none). */
async function exportFolder(queue: Queue<QueueJobData, QueueJobResult>, outDir: string, options: WaitOptions, summary: BatchSummary): Promise<void> {
  const unlock = await takeLock(outDir)
  try {
    await sweepTemporaryFiles(outDir) // the queue is drained: no worker is writing
    const records = await readRecords(outDir)
    const results: DocumentResult[] = [...records.values()].map((last) => ({ document: last.document, last }))
    for (const job of await queue.getFailed()) {
      if (job.data.outDir !== outDir || records.has(job.data.input)) continue
      const error = await failureOf(outDir, job.id!, job.failedReason)
      results.push({ document: job.data.document, last: { v: 1, event: 'failed', at: new Date(job.finishedOn ?? Date.now()).toISOString(), attempt: job.attemptsMade, ms: 0, error, input: job.data.input, document: job.data.document, sha256: job.data.sha256, pipeline: job.data.pipeline, options: job.data.optionsKey } })
    }
    results.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0))
    summary.inputs = results.length
    summary.exports = await writeBatchExports(outDir, results, options, summary)
    summary.skipped = Math.max(0, summary.documents - summary.converted)
  } finally {
    await unlock()
  }
}

/** Resolves after `ms`, on abort, or when the function handed to `onWake` is called. */
function sleep(ms: number, signal: AbortSignal | undefined, onWake: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    onWake(done)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
