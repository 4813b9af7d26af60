/**
 * The library API for many files: an async iterator of results, in the order they finish.
 * Results are streamed: at most `2 x jobs` reports exist at once, however long the batch, and a
 * consumer that stops reading (`break`) stops the batch and its processes. Each file is converted
 * in its own process; the pages that need OCR, from all files, share one tesseract engine in
 * this process (`ocrWorkers` threads, started on the first such page, closed at the end).
 *
 * ```ts
 * for await (const result of convertMany(['reports/2568/'], { jobs: 4 })) {
 *   if (result.status === 'done') console.log(result.input.document, result.report.totalScore?.value)
 *   else console.error(result.error.code, result.error.message)
 * }
 * ```
 */
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import PQueue from 'p-queue'
import { displayPath } from '../_internal/fs.js'
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import { discoverInputs, type BatchInput, type DiscoverOptions } from './discover-inputs.js'
import type { ErrorRecord } from './manifest.js'
import { createOcrHost, type OcrHostStats } from './ocr-host.js'
import { createProcessPool } from './process-pool.js'
import { engineOptionsFor, type OcrEngineChoice } from '../stages/ocr/native-engine-probe.js'
import type { WorkerConvertOptions } from './worker-protocol.js'

export type { BatchInput } from './discover-inputs.js'

export interface ConvertManyOptions extends WorkerConvertOptions {
  /** Files converted at the same time, each in its own process. @default os.availableParallelism() */
  readonly jobs?: number
  /**
   * Time limit for one file, in milliseconds, plus `timePerPageMs` for every page it finishes; the
   * file's process is killed when it is over. @default 600_000
   */
  readonly timeoutMs?: number
  /** What each finished page adds to its file's time limit, so long scans that keep going are not stopped. @default 60_000 */
  readonly timePerPageMs?: number
  /** Stops the batch: running conversions are killed and the iterator throws the signal's reason. */
  readonly signal?: AbortSignal
  /** A file started converting. */
  readonly onStart?: (input: BatchInput) => void
  /** A converter reported progress on a page. */
  readonly onEvent?: (input: BatchInput, event: StageEvent) => void
  /** Start a fresh converter process after this many files (bounds what grows in a long-lived converter). @default 25 */
  readonly maxTasksPerWorker?: number
  /** V8 heap limit per converter process in MB; a file that needs more fails alone. @default 2048 */
  readonly maxOldSpaceMb?: number
  /**
   * Resident memory per converter process in MB (heap and native memory such as decoded page
   * images), checked every second on Linux; a file that needs more fails alone. @default 3072
   */
  readonly maxRssMb?: number
  /** The converter process's module; tests use it to run misbehaving converters. @default the real converter */
  readonly workerModule?: string
  /**
   * Worker threads of the batch's one OCR engine, which runs in this process and recognises the
   * pages of all files (started on the first page that needs OCR). @default os.availableParallelism()
   */
  readonly ocrWorkers?: number
  /** Which engine that is: `js` (tesseract.js), `native` (the system's tesseract) or `auto`. @default 'auto' */
  readonly ocrEngineChoice?: OcrEngineChoice
  /** The shared OCR engine started (at most once per batch). */
  readonly onOcrEngineStarted?: (info: { workers: number }) => void
  /** At the end of the batch: what the shared OCR engine did. */
  readonly onOcrStats?: (stats: OcrHostStats) => void
}

export type BatchResult =
  | { readonly status: 'done'; readonly input: BatchInput; readonly report: Report; readonly ms: number; readonly maxRssKb: number }
  | { readonly status: 'failed'; readonly input: BatchInput; readonly error: ErrorRecord; readonly ms: number; readonly maxRssKb?: number }

export const DEFAULT_TIMEOUT_MS = 600_000
/** Converting one real report takes a few hundred MB (a 300 dpi scan page decoded, pdf.js, the OCR clean-up). */
export const DEFAULT_MAX_OLD_SPACE_MB = 2048
export const DEFAULT_MAX_RSS_MB = 3072

/** The converter process module (`convert-worker`), from source or built alike. */
export function defaultWorkerModule(): string {
  const self = fileURLToPath(import.meta.url)
  return self.replace(/convert-many\.(ts|js)$/, 'convert-worker.$1')
}

function validated(options: ConvertManyOptions) {
  const { jobs = availableParallelism(), timeoutMs = DEFAULT_TIMEOUT_MS } = options
  if (!Number.isInteger(jobs) || jobs < 1) throw new TypeError(`Expected \`jobs\` to be an integer >= 1, got \`${jobs}\` (${typeof jobs})`)
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0)) throw new TypeError(`Expected \`timeoutMs\` to be a number > 0, got \`${timeoutMs}\` (${typeof timeoutMs})`)
  const { pageTimeoutMs, ocrPagesInFlight } = options
  if (pageTimeoutMs !== undefined && !(typeof pageTimeoutMs === 'number' && pageTimeoutMs > 0)) {
    throw new TypeError(`Expected \`pageTimeoutMs\` to be a number > 0, got \`${pageTimeoutMs}\` (${typeof pageTimeoutMs})`)
  }
  if (ocrPagesInFlight !== undefined && !(Number.isInteger(ocrPagesInFlight) && ocrPagesInFlight >= 1)) {
    throw new TypeError(`Expected \`ocrPagesInFlight\` to be an integer >= 1, got \`${ocrPagesInFlight}\` (${typeof ocrPagesInFlight})`)
  }
  return { jobs, timeoutMs }
}

/** Converts the given inputs (already discovered) in a pool of processes; yields each result as it finishes. */
export async function* convertInputs(inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>, options: ConvertManyOptions = {}): AsyncGenerator<BatchResult> {
  const { jobs, timeoutMs } = validated(options)
  const stop = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal
  const ocr = createOcrHost({
    engine: engineOptionsFor(options.ocrEngineChoice),
    ...(options.ocrWorkers === undefined ? {} : { workers: options.ocrWorkers }),
    ...(options.onOcrEngineStarted ? { onEngineStarted: options.onOcrEngineStarted } : {}),
  })
  const pool = createProcessPool({
    module: options.workerModule ?? defaultWorkerModule(),
    size: jobs,
    timeoutMs,
    ocr,
    ...(options.timePerPageMs === undefined ? {} : { timePerPageMs: options.timePerPageMs }),
    ...(options.maxTasksPerWorker === undefined ? {} : { maxTasksPerWorker: options.maxTasksPerWorker }),
    maxOldSpaceMb: options.maxOldSpaceMb ?? DEFAULT_MAX_OLD_SPACE_MB,
    maxRssMb: options.maxRssMb ?? DEFAULT_MAX_RSS_MB,
  })
  const workerOptions: WorkerConvertOptions = {
    ...(options.check === undefined ? {} : { check: options.check }),
    ...(options.ocr === undefined ? {} : { ocr: options.ocr }),
    ...(options.ocrPagesInFlight === undefined ? {} : { ocrPagesInFlight: options.ocrPagesInFlight }),
    ...(options.pageTimeoutMs === undefined ? {} : { pageTimeoutMs: options.pageTimeoutMs }),
  }
  const queue = new PQueue({ concurrency: jobs })
  const ready: BatchResult[] = []
  /** Tasks handed to the queue whose result has not been taken by the consumer yet. */
  let inFlight = 0
  const limit = 2 * jobs
  let feeding = true
  let feedError: unknown
  let changed = deferred()
  const bump = () => {
    const current = changed
    changed = deferred()
    current.resolve()
  }
  signal.addEventListener('abort', bump, { once: true })

  const convertOne = async (input: BatchInput): Promise<void> => {
    // Stopped while this file waited in the queue: it never started (no onStart, so no manifest line).
    if (signal.aborted) {
      inFlight -= 1
      return bump()
    }
    const start = performance.now()
    options.onStart?.(input)
    try {
      const outcome = await pool.run(displayPath(input.path), workerOptions, signal, (event) => options.onEvent?.(input, event))
      const ms = Math.round(performance.now() - start)
      ready.push(outcome.ok ? { status: 'done', input, report: outcome.report, ms, maxRssKb: outcome.maxRssKb } : { status: 'failed', input, error: outcome.error, ms, ...(outcome.maxRssKb === undefined ? {} : { maxRssKb: outcome.maxRssKb }) })
    } catch {
      inFlight -= 1 // aborted: no result
    } finally {
      bump()
    }
  }

  const feed = (async () => {
    try {
      for await (const input of inputs) {
        while (inFlight >= limit && !signal.aborted) await changed.promise
        if (signal.aborted) break
        inFlight += 1
        void queue.add(() => convertOne(input))
      }
    } catch (error) {
      feedError = error
    } finally {
      feeding = false
      bump()
    }
  })()

  try {
    for (;;) {
      options.signal?.throwIfAborted()
      const next = ready.shift()
      if (next) {
        inFlight -= 1
        bump()
        yield next
        continue
      }
      if (feedError) throw feedError
      if (!feeding && inFlight === 0) break
      await changed.promise
    }
  } finally {
    stop.abort()
    queue.clear()
    await feed
    await queue.onIdle()
    await pool.close()
    await ocr.close()
    options.onOcrStats?.({ ...ocr.stats })
  }
}

/** `Promise.withResolvers` arrived in Node 22. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

/** Finds the inputs (files, folders, globs) and converts them; see `convertInputs`. */
export async function* convertMany(inputs: readonly string[], options: ConvertManyOptions & DiscoverOptions = {}): AsyncGenerator<BatchResult> {
  const { inputs: found } = await discoverInputs(inputs, options)
  yield* convertInputs(found, options)
}
