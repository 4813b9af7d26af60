/**
 * A queue worker: takes jobs until stopped and converts each with the batch's machinery, one
 * converter process per document (process-pool.ts) and one OCR engine for the pages of all of
 * them (ocr-host.ts), exactly as `convert` does for a folder.
 *
 * Delivery is at least once (a worker killed with -9 loses its lock and another worker takes the
 * job again), so everything a job writes is idempotent: the report JSON by rename, its record by
 * link (batch/manifest-d.ts); a job delivered again after its result was written is not converted again.
 * A job that fails for a reason that may pass (time limit, crashed converter, OCR engine) is
 * retried with backoff; an input that cannot be read fails at once. Stopping hands running jobs
 * back to the queue after a grace period, so another worker takes them without waiting for the
 * lock to expire.
 */
import { readFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { DelayedError, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq'
import PQueue from 'p-queue'
import { defaultWorkerModule, DEFAULT_TIMEOUT_MS } from '../batch/convert-many.js'
import { toErrorRecord } from '../batch/error-record.js'
import type { ErrorRecord } from '../batch/manifest.js'
import { createOcrHost } from '../batch/ocr-host.js'
import { createProcessPool, type TaskOutcome } from '../batch/process-pool.js'
import { digestOf, type ReportDigest } from '../batch/report-digest.js'
import { conversionOptionsKey, documentOutput, pipelineId } from '../batch/run-batch.js'
import { InputFileError, type FailureKind } from '../errors.js'
import { engineOptionsFor, resolveEngineChoice, type OcrEngineChoice } from '../stages/ocr/native-engine-probe.js'
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import { writeFileAtomic } from '../stages/export/atomic-file.js'
import { checkRedis, connectionOptions, type RedisTarget } from './connection.js'
import { DEFAULT_QUEUE, QueueJobDataSchema, type QueueJobData, type QueueJobProgress, type QueueJobResult } from './job.js'
import { findDone, recordDone, recordFailed, type QueueRecord } from '../batch/manifest-d.js'

export interface QueueWorkerOptions extends RedisTarget {
  /** Queue name. @default 'ita-extract' */
  readonly queue?: string
  /** Documents converted at once, each in its own process. @default 1 */
  readonly jobs?: number
  /** Time limit of one document, plus `timePerPageMs` for every page it finishes. @default 600_000 */
  readonly timeoutMs?: number
  /** What a finished page adds to its document's time limit. @default 60_000 */
  readonly timePerPageMs?: number
  /** Worker threads of this worker's OCR engine. @default os.availableParallelism() */
  readonly ocrWorkers?: number
  /** Which engine that is: `js` (tesseract.js), `native` (the system's tesseract) or `auto`. @default 'auto' */
  readonly ocrEngineChoice?: OcrEngineChoice
  /**
   * A job whose worker stops renewing its lock (killed, frozen, cut off) for this long is taken
   * again by another worker. @default 30_000 (BullMQ's default)
   */
  readonly lockDurationMs?: number
  /** Name shown in records and `queue status`. @default `<host>:<pid>` */
  readonly name?: string
  /** The converter process's module (tests). @default the real converter */
  readonly workerModule?: string
  /** What happens to jobs, for the CLI's log lines. */
  readonly onEvent?: (event: QueueWorkerEvent) => void
}

export type QueueWorkerEvent =
  | { type: 'started'; document: string; attempt: number }
  | { type: 'done'; result: QueueJobResult }
  | { type: 'failed'; document: string; error: ErrorRecord; attempt: number; willRetry: boolean }
  | { type: 'handed-back'; document: string }
  /** A job queued for another version of ita-extract, put back for a worker of that version. */
  | { type: 'other-version'; document: string; pipeline: string }
  | { type: 'error'; message: string }

export interface QueueWorker {
  readonly name: string
  /**
   * Stops taking jobs and lets running ones finish for up to `graceMs`, then hands them back to
   * the queue. Resolves when the worker is closed.
   */
  stop(graceMs?: number): Promise<void>
}

/**
 * Jobs taken beyond the converters: the next document is already here when a converter frees, so
 * the converter does not sit idle during the Redis round trips between two jobs (which cost ~10%
 * of the throughput on short documents). A taken job is locked: if the worker dies, it is recovered
 * like a running one.
 */
const PREFETCH = 1

/**
 * A job's pages done go to Redis at most this often: each update is a round trip, and an event
 * that every `queue wait` and `queue status` reads (a born-digital report finishes 24 pages in a second).
 */
const PROGRESS_EVERY_MS = 1000

/** How long a job of another version waits before a worker looks at it again. */
const OTHER_VERSION_DELAY_MS = 60_000

/** A job whose worker vanished is taken again this many times before it is failed as stalled. */
const MAX_STALLED = 2

/** Errors that the same input gives every time: retrying them is wasted work. */
const FINAL_KINDS: ReadonlySet<FailureKind> = new Set(['input-file', 'invalid-output'])

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { jobs = 1, lockDurationMs = 30_000 } = options
  if (!Number.isInteger(jobs) || jobs < 1) throw new TypeError(`Expected \`jobs\` to be an integer >= 1, got \`${jobs}\` (${typeof jobs})`)
  await checkRedis(options)
  const name = options.name ?? `${hostname()}:${process.pid}`
  const pipeline = pipelineId()
  const emit = (event: QueueWorkerEvent) => options.onEvent?.(event)
  // `auto` made definite, so a record says which engine read it, as convert's manifest does: convert
  // on the same output folder takes it as done when it would read with the same engine.
  const engineChoice = await resolveEngineChoice(options.ocrEngineChoice)
  const ocr = createOcrHost({ engine: engineOptionsFor(engineChoice), ...(options.ocrWorkers === undefined ? {} : { workers: options.ocrWorkers }) })
  const pool = createProcessPool({
    module: options.workerModule ?? defaultWorkerModule(),
    size: jobs,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ocr,
    ...(options.timePerPageMs === undefined ? {} : { timePerPageMs: options.timePerPageMs }),
  })
  // A worker is a service: its converters load the pipeline now, not when the first document arrives.
  pool.prestart()
  /** Documents waiting for a free converter: BullMQ hands the worker one job more than it has converters (PREFETCH). */
  const converters = new PQueue({ concurrency: jobs })
  /** Jobs waiting for a converter: stopping hands them back at once. */
  const queued = new Set<string>()

  /** Converts the document once a converter is free; `ms` is the conversion's own time, not the wait for a converter. */
  async function convert(job: Job<QueueJobData, QueueJobResult>, data: QueueJobData, signal: AbortSignal): Promise<{ outcome: TaskOutcome<'file'>; ms: number }> {
    const pages = new Set<number>()
    let reportedAt = -Infinity
    const onEvent = (event: StageEvent) => {
      if (event.page === undefined || event.progress === undefined || pages.has(event.page)) return
      pages.add(event.page)
      const now = performance.now()
      if (now - reportedAt < PROGRESS_EVERY_MS) return
      reportedAt = now
      const progress: QueueJobProgress = { document: data.document, pages: pages.size }
      job.updateProgress(progress).catch(() => {}) // progress is for display; a lost update costs nothing
    }
    queued.add(job.id!)
    try {
      return await converters.add(async () => {
        queued.delete(job.id!)
        const started = performance.now()
        // The report comes back as its file's bytes: the worker only writes it.
        const outcome = await pool.run(data.input, data.options, signal, onEvent, 'file')
        return { outcome, ms: Math.round(performance.now() - started) }
      }, { signal })
    } finally {
      queued.delete(job.id!)
    }
  }

  /** Converts the document, or hands the job back to the queue when the worker is stopping. */
  async function convertOrHandBack(job: Job<QueueJobData, QueueJobResult>, token: string | undefined, data: QueueJobData, signal: AbortSignal | undefined): Promise<{ outcome: TaskOutcome<'file'>; ms: number }> {
    try {
      return await convert(job, data, signal ?? new AbortController().signal)
    } catch (error) {
      if (!signal?.aborted) return { outcome: { ok: false, error: toErrorRecord(error, data.input) }, ms: 0 }
      // Now rather than when its lock expires: another worker can take it at once.
      await job.moveToWait(token)
      emit({ type: 'handed-back', document: data.document })
      throw new WaitingError()
    }
  }

  async function processJob(job: Job<QueueJobData, QueueJobResult>, token: string | undefined, signal: AbortSignal | undefined): Promise<QueueJobResult> {
    const parsed = QueueJobDataSchema.safeParse(job.data)
    if (!parsed.success) throw new UnrecoverableError(`job ${job.id} is not an ita-extract job: ${parsed.error.message}`)
    const data = parsed.data
    const attempt = job.attemptsMade + 1
    const optionsKey = conversionOptionsKey({ ...data.options, ocrEngineChoice: engineChoice })
    const key: RecordKey = { input: data.input, document: data.document, sha256: data.sha256, pipeline: data.pipeline, options: optionsKey, job: job.id!, worker: name, attempt }
    if (data.pipeline !== pipeline) {
      // Queued by another version (a fleet being upgraded): left for a worker of that version, not failed.
      await job.moveToDelayed(Date.now() + OTHER_VERSION_DELAY_MS, token)
      emit({ type: 'other-version', document: data.document, pipeline: data.pipeline })
      throw new DelayedError()
    }
    emit({ type: 'started', document: data.document, attempt })

    const earlier = await findDone(data.outDir, key.job)
    if (earlier) return finished(data, earlier, true, await errorsIn(join(data.outDir, earlier.output)))

    const { outcome, ms } = await convertOrHandBack(job, token, data, signal)
    let error: ErrorRecord
    if (outcome.ok) {
      try {
        const { record, first } = await writeResult(data, key, outcome, ms)
        return finished(data, record, !first, outcome.digest.errors, outcome.maxRssKb)
      } catch (cause) {
        error = toErrorRecord(cause, data.input)
      }
    } else error = outcome.error

    const final = FINAL_KINDS.has(error.kind) || attempt >= (job.opts.attempts ?? 1)
    if (final) await recordFailed(data.outDir, { v: 1, event: 'failed', at: new Date().toISOString(), ...key, ms, error })
    emit({ type: 'failed', document: data.document, error, attempt, willRetry: !final })
    const reason = `${error.code}: ${error.message}`
    throw FINAL_KINDS.has(error.kind) ? new UnrecoverableError(reason) : new Error(reason)
  }

  function finished(data: QueueJobData, record: DoneRecord, alreadyWritten: boolean, errors: number, maxRssKb = 0): QueueJobResult {
    const result: QueueJobResult = {
      document: data.document,
      outDir: data.outDir,
      output: record.output,
      pages: record.pages,
      findings: record.findings,
      errors,
      pagesFailed: record.pagesFailed ?? 0,
      ms: record.ms,
      maxRssKb,
      worker: name,
      alreadyWritten,
    }
    emit({ type: 'done', result })
    return result
  }

  const worker = new Worker<QueueJobData, QueueJobResult>(options.queue ?? DEFAULT_QUEUE, processJob, {
    connection: connectionOptions(options),
    concurrency: jobs + PREFETCH,
    name,
    lockDuration: lockDurationMs,
    stalledInterval: lockDurationMs,
    maxStalledCount: MAX_STALLED,
  })
  worker.on('error', (error) => emit({ type: 'error', message: error.message }))
  await worker.waitUntilReady()

  let stopping: Promise<void> | undefined
  return {
    name,
    stop(graceMs = 0) {
      stopping ??= (async () => {
        const closed = worker.close()
        for (const id of queued) worker.cancelJob(id, 'the worker is stopping')
        let timer: NodeJS.Timeout | undefined
        const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))
        await Promise.race([closed, grace])
        clearTimeout(timer)
        worker.cancelAllJobs('the worker is stopping')
        await closed
        await pool.close()
        await ocr.close()
      })()
      return stopping
    },
  }
}

type DoneRecord = Extract<QueueRecord, { event: 'done' }>

/** The error findings of a report an earlier delivery wrote (records do not count them; a job delivered twice is rare). */
async function errorsIn(path: string): Promise<number> {
  return digestOf(JSON.parse(await readFile(path, 'utf8')) as Report).errors
}
type RecordKey = Pick<DoneRecord, 'input' | 'document' | 'sha256' | 'pipeline' | 'options' | 'job' | 'worker' | 'attempt'>

/** Writes the report (by rename), then its record (once); a report of other bytes than were queued is refused. */
async function writeResult(data: QueueJobData, key: RecordKey, converted: { file: Uint8Array; digest: ReportDigest }, ms: number): Promise<{ record: DoneRecord; first: boolean }> {
  const { digest } = converted
  if (digest.sha256 !== data.sha256) throw new InputFileError(`${data.input}: the file changed after it was queued; add it again`, { file: data.input })
  const output = documentOutput(data.document)
  await writeFileAtomic(join(data.outDir, output), converted.file)
  const record: DoneRecord = {
    v: 1,
    event: 'done',
    at: new Date().toISOString(),
    ...key,
    ms,
    output,
    pages: digest.pages,
    findings: digest.findings,
    ...(digest.pagesFailed ? { pagesFailed: digest.pagesFailed } : {}),
    ...(data.options.pageTimeoutMs === undefined ? {} : { pageTimeoutMs: data.options.pageTimeoutMs }),
  }
  return { record, first: await recordDone(data.outDir, record) }
}
