/**
 * The resumable batch: inputs in, `<outDir>` out.
 *
 *   <outDir>/<document>.json   one report per input, mirroring the input folders
 *   <outDir>/manifest.jsonl    what was attempted, with hashes, versions, timings and errors
 *   <outDir>/all.jsonl         every converted report, one per line
 *   <outDir>/*.csv             flat tables (docs/csv-columns.md)
 *
 * Every file appears complete or not at all (temporary file + rename); the manifest is appended
 * only after a report's JSON is in place, so a run killed at any moment loses no finished work
 * and a re-run skips it. The batch-wide files are rebuilt from the per-document JSON at the end
 * of each completed run, one report at a time.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, readFile, rm, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { glob } from 'tinyglobby'
import { fsReason, makeDirs } from '../_internal/fs.js'
import { packageVersion } from '../_internal/package-root.js'
import { FileAccessError } from '../errors.js'
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import { TEMP_SUFFIX, writeFileAtomic } from '../stages/export/atomic-file.js'
import { createBatchExporter, type BatchExportCounts } from '../stages/export/write-batch-exports.js'
import { REVIEW_SUFFIX, writeReviewIfStale } from '../stages/export/review/write-review.js'
import { convertInputs, type BatchResult, type ConvertManyOptions } from './convert-many.js'
import { discoverInputs, type BatchInput } from './discover-inputs.js'
import { emptyOcrStats, type OcrHostStats } from './ocr-host.js'
import { toErrorRecord } from './error-record.js'
import { readRecords } from './manifest-d.js'
import { digestOf, type ReportDigest } from './report-digest.js'
import { reportFileText } from '../stages/export/report-json.js'
import type { WorkerConvertOptions } from './worker-protocol.js'
import { resolveEngineChoice, type OcrEngineChoice } from '../stages/ocr/native-engine-probe.js'
import { MANIFEST_FILE, MANIFEST_VERSION, openManifest, type NewManifestEntry, readManifest, type EntryKey, type ErrorRecord, type InputState, type ResultEntry } from './manifest.js'

export interface RunBatchOptions extends Omit<ConvertManyOptions, 'onStart' | 'onEvent' | 'onOcrStats'> {
  /** The output folder (created when missing). */
  readonly outDir: string
  /** Convert every input again, even those done with the same bytes, version and options. @default false */
  readonly force?: boolean
  /** Start each CSV with a UTF-8 byte-order mark (for Excel). @default false */
  readonly bom?: boolean
  /** Prefix CSV text cells that a spreadsheet would run as a formula with `'`. @default true */
  readonly csvEscape?: boolean
  /** Write `<document>.review.html` beside each report (built when missing or older than the report). @default false */
  readonly html?: boolean
  /** Folder relative inputs are resolved against. @default process.cwd() */
  readonly cwd?: string
  readonly reporter?: BatchReporter
}

/** Receives the batch's progress; see progress.ts for the terminal reporters. */
export interface BatchReporter {
  /** `total` counts every input found; whether one is unchanged since an earlier run is known only when its turn comes (`skipped`). */
  begin(info: { total: number; root: string; outDir: string; warnings: string[] }): void
  skipped(input: BatchInput, previous: ResultEntry): void
  started(input: BatchInput): void
  page(input: BatchInput, event: StageEvent): void
  finished(result: FinishedDocument): void
  end(summary: BatchSummary): void
}

/** A document finished, as the reporter sees it. */
export type FinishedDocument =
  | { readonly status: 'done'; readonly input: BatchInput; readonly digest: Pick<ReportDigest, 'pages' | 'findings' | 'errors'>; readonly ms: number; readonly maxRssKb: number }
  | Extract<BatchResult, { status: 'failed' }>

export interface BatchFailure {
  readonly document: string
  readonly error: ErrorRecord
}

export interface BatchSummary {
  /** Inputs found. */
  inputs: number
  /** Converted in this run. */
  converted: number
  /** Skipped because an earlier run converted the same bytes with the same version and options. */
  skipped: number
  /** Inputs whose report is in the output folder, from this run or an earlier one. */
  documents: number
  pages: number
  /** Inputs with no report, with the reason. */
  failures: BatchFailure[]
  findingsByRule: Record<string, number>
  /** Rows written per CSV file; absent when the run was interrupted. */
  exports?: BatchExportCounts
  interrupted: boolean
  elapsedMs: number
  /** Largest peak resident memory of a converter process, kB. */
  peakWorkerRssKb: number
  /** The batch's shared OCR engine (in the runner): `engines` is 0 when no page needed OCR. */
  ocr: OcrHostStats
  /** With `html`: reviews written in this run, and those that could not be. */
  reviews?: { written: number; failed: BatchFailure[] }
  /** Who converted: this process (`convert`), or a queue's workers (`queue wait`). @default 'batch' */
  by?: 'batch' | 'queue'
}

/**
 * Results a queue's workers recorded in this folder (`manifest.d/`) count as earlier runs'
 * results, so `convert` on a queue's output folder does not convert those documents again.
 */
async function adoptQueueRecords(outDir: string, states: Map<string, InputState>): Promise<void> {
  for (const [input, record] of await readRecords(outDir)) {
    const state = states.get(input)
    if (record.event !== 'done' || (state?.last && state.last.at >= record.at)) continue
    states.set(input, { attempts: Math.max(state?.attempts ?? 0, record.attempt), last: record })
  }
}

export const LOCK_FILE = '.ita-extract.lock'

export function documentOutput(document: string): string {
  return `${document}.json`
}

export function documentReview(document: string): string {
  return `${document}${REVIEW_SUFFIX}`
}

/** What produced a result: a new version converts everything again. */
export function pipelineId(): string {
  return `ita-extract@${packageVersion()}`
}

/** The conversion options that change a report, as a canonical string (part of every result's key). */
export function conversionOptionsKey(options: Pick<WorkerConvertOptions, 'check' | 'ocr'> & { readonly ocrEngineChoice?: OcrEngineChoice }): string {
  return JSON.stringify({ check: options.check ?? true, ocr: options.ocr ?? 'auto', ocrEngine: options.ocrEngineChoice ?? 'auto' })
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * The page time limit is not part of the options key: it does not change a page that was read.
 * A report with failed pages is converted again when the limit changes, since those pages may
 * have failed for lack of time.
 */
function retryFailedPages(last: Extract<ResultEntry, { event: 'done' }>, pageTimeoutMs: number | undefined): boolean {
  return (last.pagesFailed ?? 0) > 0 && last.pageTimeoutMs !== pageTimeoutMs
}

const exists = (path: string) => stat(path).then(() => true, () => false)

const sameKey = (a: EntryKey, b: EntryKey) => a.sha256 === b.sha256 && a.pipeline === b.pipeline && a.options === b.options && a.document === b.document


export async function takeLock(outDir: string): Promise<() => Promise<void>> {
  const path = join(outDir, LOCK_FILE)
  try {
    const handle = await open(path, 'wx')
    await handle.writeFile(String(process.pid))
    await handle.close()
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw new FileAccessError(`${outDir}: cannot write to the output folder (${fsReason(cause)})`, { file: outDir, cause })
    const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim())
    if (pid && pid !== process.pid && isAlive(pid)) throw new FileAccessError(`${outDir}: another ita-extract run (pid ${pid}) is using this output folder`, { file: outDir })
    await writeFileAtomic(path, String(process.pid)) // left by a killed run: take it over
  }
  return () => rm(path, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes temporary files a killed run left behind (only when nothing else writes to `outDir`). */
export async function sweepTemporaryFiles(outDir: string): Promise<void> {
  const leftovers = await glob([`**/*${TEMP_SUFFIX}`], { cwd: outDir, absolute: true, dot: true, onlyFiles: true })
  await Promise.all(leftovers.map((f) => rm(f, { force: true })))
}

export async function runBatch(args: readonly string[], options: RunBatchOptions): Promise<BatchSummary> {
  const started = performance.now()
  const cwd = resolve(options.cwd ?? process.cwd())
  const outDir = resolve(cwd, options.outDir)
  const discovery = await discoverInputs(args, { cwd, exclude: [outDir] })
  await makeDirs(outDir).catch((cause: unknown) => {
    throw new FileAccessError(`${outDir}: cannot create the output folder (${fsReason(cause, outDir)})`, { file: outDir, cause })
  })
  const unlock = await takeLock(outDir)
  try {
    await sweepTemporaryFiles(outDir)
    const manifestPath = join(outDir, MANIFEST_FILE)
    const states = await readManifest(manifestPath)
    await adoptQueueRecords(outDir, states)
    const manifest = await openManifest(manifestPath)
    const pipeline = pipelineId()
    // `auto` made definite here, so the results say which engine read them: a re-run that would
    // read with the other one (native tesseract installed or removed since) converts again.
    const ocrEngineChoice = await resolveEngineChoice(options.ocrEngineChoice)
    const optionsKey = conversionOptionsKey({ ...options, ocrEngineChoice })
    const jobs = options.jobs ?? availableParallelism()
    const reporter = options.reporter
    const summary: BatchSummary = { inputs: discovery.inputs.length, converted: 0, skipped: 0, documents: 0, pages: 0, failures: [], findingsByRule: {}, interrupted: false, elapsedMs: 0, peakWorkerRssKb: 0, ocr: emptyOcrStats() }
    const warnings = discovery.emptyGlobs.map((g) => `${g}: matched no files`)

    /** Keys of inputs handed to the converters, until their result is recorded. */
    const pending = new Map<string, EntryKey & { attempt: number }>()
    const record = async (entry: Extract<NewManifestEntry, { event: 'done' | 'failed' }>) => {
      const state: InputState = states.get(entry.input) ?? { attempts: entry.attempt }
      state.last = { v: MANIFEST_VERSION, at: new Date().toISOString(), ...entry }
      states.set(entry.input, state)
      await manifest.append(entry)
    }

    reporter?.begin({ total: discovery.inputs.length, root: discovery.root, outDir, warnings })
    await manifest.append({ event: 'run', inputs: discovery.inputs.length, jobs, pipeline, options: optionsKey })

    // Each input is hashed when the converters are ready for it (a few ahead), not all before the
    // first starts: a batch of 10,000 files begins at once, and one resumed skips as it goes.
    const keys = new Map<string, EntryKey>()
    async function* toConvert(): AsyncGenerator<BatchInput> {
      for (const input of discovery.inputs) {
        options.signal?.throwIfAborted()
        let sha256: string
        try {
          sha256 = await sha256File(input.path)
        } catch (cause) {
          const error = toErrorRecord(new FileAccessError(`${input.path}: cannot read the file (${fsReason(cause)})`, { file: input.path, cause }), input.path)
          const attempt = (states.get(input.path)?.attempts ?? 0) + 1
          const key: EntryKey = { input: input.path, document: input.document, sha256: '', pipeline, options: optionsKey }
          keys.set(input.path, key)
          await record({ event: 'failed', ...key, attempt, ms: 0, error })
          reporter?.finished({ status: 'failed', input, error, ms: 0 })
          continue
        }
        const key: EntryKey = { input: input.path, document: input.document, sha256, pipeline, options: optionsKey }
        keys.set(input.path, key)
        const last = states.get(input.path)?.last
        // Only successes are reused: failures are retried, since some are transient (timeouts, crashes) and the cheap ones fail again in milliseconds.
        const reusable = !options.force && last?.event === 'done' && sameKey(last, key) && !retryFailedPages(last, options.pageTimeoutMs) && (await exists(join(outDir, last.output)))
        if (reusable) {
          summary.skipped += 1
          reporter?.skipped(input, last)
        } else yield input
      }
    }

    const results = convertInputs(toConvert(), {
      ...options,
      ocrEngineChoice,
      jobs,
      onStart: (input) => {
        const key = keys.get(input.path)!
        const attempt = (states.get(input.path)?.attempts ?? 0) + 1
        states.set(input.path, { ...(states.get(input.path) ?? {}), attempts: attempt })
        pending.set(input.path, { ...key, attempt })
        void manifest.append({ event: 'start', ...key, attempt })
        reporter?.started(input)
      },
      onEvent: (input, event) => reporter?.page(input, event),
      onOcrStats: (stats) => {
        summary.ocr = stats
      },
    })
    try {
      for await (const result of results) {
        const key = pending.get(result.input.path)!
        pending.delete(result.input.path)
        summary.peakWorkerRssKb = Math.max(summary.peakWorkerRssKb, result.maxRssKb ?? 0)
        if (result.status === 'done') {
          const output = documentOutput(result.input.document)
          try {
            await writeFileAtomic(join(outDir, output), reportFileText(result.report))
          } catch (error) {
            await record({ event: 'failed', ...key, ms: result.ms, error: toErrorRecord(error, result.input.path) })
            reporter?.finished({ status: 'failed', input: result.input, error: toErrorRecord(error, result.input.path), ms: result.ms })
            continue
          }
          const digest = digestOf(result.report)
          const { pagesFailed } = digest
          await record({
            event: 'done',
            ...key,
            ms: result.ms,
            output,
            pages: digest.pages,
            findings: digest.findings,
            ...(pagesFailed ? { pagesFailed } : {}),
            ...(options.pageTimeoutMs === undefined ? {} : { pageTimeoutMs: options.pageTimeoutMs }),
            maxRssKb: result.maxRssKb,
          })
          summary.converted += 1
          reporter?.finished({ status: 'done', input: result.input, digest, ms: result.ms, maxRssKb: result.maxRssKb })
        } else {
          await record({ event: 'failed', ...key, ms: result.ms, error: result.error, ...(result.maxRssKb === undefined ? {} : { maxRssKb: result.maxRssKb }) })
          reporter?.finished(result)
        }
      }
    } catch (error) {
      if (options.signal?.aborted) summary.interrupted = true
      else throw error
    }

    if (!summary.interrupted) summary.exports = await rebuildBatchExports(discovery.inputs, states, keys, outDir, options, summary)
    else collectFailures(discovery.inputs, states, keys, summary)
    summary.elapsedMs = Math.round(performance.now() - started)
    reporter?.end(summary)
    return summary
  } finally {
    await unlock()
  }
}

function collectFailures(inputs: readonly BatchInput[], states: Map<string, InputState>, keys: Map<string, EntryKey>, summary: BatchSummary) {
  for (const input of inputs) {
    const last = states.get(input.path)?.last
    if (last?.event === 'failed' && (!keys.has(input.path) || sameKey(last, keys.get(input.path)!))) summary.failures.push({ document: input.document, error: last.error })
  }
}

/** A review that cannot be written is listed in the summary; the batch's other outputs go on. */
async function writeReview(input: BatchInput, report: Report, reportPath: string, outDir: string, summary: BatchSummary): Promise<void> {
  summary.reviews ??= { written: 0, failed: [] }
  try {
    if (await writeReviewIfStale(join(outDir, documentReview(input.document)), report, input.path, reportPath)) summary.reviews.written += 1
  } catch (error) {
    summary.reviews.failed.push({ document: input.document, error: toErrorRecord(error, input.path) })
  }
}

/** Streams every done report of this batch (in document order) into all.jsonl and the CSVs. */
function rebuildBatchExports(
  inputs: readonly BatchInput[],
  states: Map<string, InputState>,
  keys: Map<string, EntryKey>,
  outDir: string,
  options: RunBatchOptions,
  summary: BatchSummary,
): Promise<BatchExportCounts> {
  function* results(): Generator<DocumentResult> {
    for (const input of inputs) {
      const last = states.get(input.path)?.last
      const key = keys.get(input.path)
      if (last && key && sameKey(last, key)) yield { document: input.document, last }
    }
  }
  const byDocument = new Map(inputs.map((input) => [input.document, input]))
  const review = options.html ? (document: string, report: Report, reportPath: string) => writeReview(byDocument.get(document)!, report, reportPath, outDir, summary) : undefined
  return writeBatchExports(outDir, results(), options, summary, review)
}

/** The last result recorded for one document. */
export interface DocumentResult {
  readonly document: string
  readonly last: ResultEntry
}

/**
 * Writes all.jsonl and the CSVs from the documents' results, in the order given, one report at a
 * time (read back from its JSON in `outDir`); failed ones go to `summary.failures`. Shared by the
 * batch and `queue wait`.
 */
export async function writeBatchExports(
  outDir: string,
  results: Iterable<DocumentResult>,
  options: Pick<RunBatchOptions, 'bom' | 'csvEscape'>,
  summary: Pick<BatchSummary, 'documents' | 'pages' | 'failures' | 'findingsByRule'>,
  /** Called with each done report after it is exported (the batch writes its review here). */
  onReport?: (document: string, report: Report, reportPath: string) => Promise<void>,
): Promise<BatchExportCounts> {
  const exporter = await createBatchExporter(outDir, { bom: options.bom ?? false, escapeFormulas: options.csvEscape ?? true })
  try {
    for (const { document, last } of results) {
      if (last.event === 'failed') {
        summary.failures.push({ document, error: last.error })
        continue
      }
      const report = JSON.parse(await readFile(join(outDir, last.output), 'utf8')) as Report
      await exporter.add({ document, report })
      await onReport?.(document, report, join(outDir, last.output))
      summary.documents += 1
      summary.pages += report.source.pages
      for (const finding of report.findings) summary.findingsByRule[finding.rule] = (summary.findingsByRule[finding.rule] ?? 0) + 1
    }
    return await exporter.commit()
  } catch (error) {
    await exporter.discard()
    throw error
  }
}
