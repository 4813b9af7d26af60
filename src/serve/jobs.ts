/**
 * The conversions `serve` runs: one at a time (OCR uses every core), on one OCR engine started
 * on the first page that needs it and kept for the next uploads. Each upload lives in its own
 * folder under the server's temporary folder only until it is converted; the report and its
 * review stay in memory for the page to fetch (the oldest are forgotten past `keep`).
 */
import { randomBytes } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import { convertBytes } from '../../pipelines/convert.js'
import { PipelineError } from '../errors.js'
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import { countFindings } from '../stages/check/check-report.js'
import { buildReview, reviewSource, verdictOf, type Verdict } from '../stages/export/review/index.js'
import { createOcrEngine, type OcrEngine } from '../stages/ocr/engine.js'
import { reportFileText } from '../stages/export/report-json.js'

export type JobState = 'queued' | 'running' | 'done' | 'failed'

/** What the page polls: `GET /jobs/<id>`. */
export interface JobStatus {
  readonly id: string
  readonly name: string
  readonly bytes: number
  readonly state: JobState
  /** The latest progress message, in English (the pipeline's log). */
  readonly message?: string
  /** Pages OCR'd so far of those that need it. */
  readonly ocr?: { readonly done: number; readonly total: number }
  /** The same one-line message the CLI prints for this file (without the `ita-extract: ` prefix). */
  readonly error?: string
  readonly verdict?: Verdict
  readonly findings?: Record<'error' | 'warning' | 'info', number>
  readonly pages?: number
  readonly seconds?: number
}

interface Job {
  status: JobStatus
  /** The uploaded file, deleted once converted. */
  readonly folder: string
  readonly path: string
  json?: string
  review?: string
}

export interface JobQueueOptions {
  /** Finished jobs whose results are kept for download. @default 20 */
  readonly keep?: number
  /** OCR worker threads. @default CPU cores */
  readonly ocrWorkers?: number
  /** Server log (unexpected errors). */
  readonly log?: (line: string) => void
}

export class JobQueue {
  readonly #jobs = new Map<string, Job>()
  readonly #abort = new AbortController()
  #chain: Promise<void> = Promise.resolve()
  #engine: Promise<OcrEngine> | undefined

  constructor(readonly options: JobQueueOptions = {}) {}

  newId(): string {
    return randomBytes(8).toString('hex')
  }

  /** Queues the upload saved at `path` (inside `folder`, removed when done) under its original `name`. */
  add(id: string, name: string, bytes: number, folder: string, path: string): JobStatus {
    const job: Job = { status: { id, name, bytes, state: 'queued', message: 'waiting for the conversion before it' }, folder, path }
    this.#jobs.set(id, job)
    this.#chain = this.#chain.then(() => this.#run(job))
    this.#forgetOld()
    return job.status
  }

  status(id: string): JobStatus | undefined {
    return this.#jobs.get(id)?.status
  }

  result(id: string, what: 'json' | 'review'): string | undefined {
    return this.#jobs.get(id)?.[what]
  }

  /** Stops the running conversion, waits for it, and closes the OCR engine. */
  async close(): Promise<void> {
    this.#abort.abort(new DOMException('the server is stopping', 'AbortError'))
    await this.#chain.catch(() => {})
    const engine = await this.#engine?.catch(() => undefined)
    await engine?.close()
  }

  async #run(job: Job): Promise<void> {
    if (this.#abort.signal.aborted) return this.#finish(job, { state: 'failed', error: 'the server stopped before this file was converted' })
    const started = performance.now()
    this.#update(job, { state: 'running', message: 'reading the file' })
    try {
      const bytes = await readFile(job.path)
      const report = await convertBytes(bytes, job.status.name, {
        signal: this.#abort.signal,
        log: (event) => this.#progress(job, event),
        ocrEngine: () => this.#ocrEngine(),
      })
      this.#update(job, { message: 'writing the review' })
      job.review = await buildReview([{ report, findings: report.findings, source: reviewSource(report, bytes) }])
      job.json = reportFileText(report)
      this.#finish(job, { state: 'done', ...summary(report), seconds: elapsed(started) })
    } catch (error) {
      this.#finish(job, { state: 'failed', error: this.#describe(error), seconds: elapsed(started) })
    } finally {
      await rm(job.folder, { recursive: true, force: true })
    }
  }

  /** The shared engine, started on first use; a failed start is tried again by the next upload. */
  #ocrEngine(): Promise<OcrEngine> {
    this.#engine ??= createOcrEngine({ kind: 'auto', ...(this.options.ocrWorkers ? { workers: this.options.ocrWorkers } : {}) }).catch((error: unknown) => {
      this.#engine = undefined
      throw error
    })
    return this.#engine
  }

  #describe(error: unknown): string {
    if (error instanceof PipelineError) return error.message
    if (error instanceof Error && error.name === 'AbortError') return 'the server stopped before this file was converted'
    this.options.log?.(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return `unexpected error (${error instanceof Error ? error.message : String(error)}); see the server's log`
  }

  #progress(job: Job, event: StageEvent): void {
    if (event.stage === 'ocr' && event.total !== undefined && event.progress !== undefined) {
      const done = Math.round(event.progress * event.total)
      this.#update(job, { ocr: { done, total: event.total }, message: done === 0 ? `OCR of ${event.total} page(s) started` : `OCR: page ${event.page ?? '?'} read (${done} of ${event.total})` })
    } else this.#update(job, { message: event.msg })
  }

  #update(job: Job, change: Partial<JobStatus>): void {
    job.status = { ...job.status, ...change }
  }

  #finish(job: Job, change: Partial<JobStatus>): void {
    const { message: _message, ...rest } = job.status
    job.status = { ...rest, ...change }
  }

  #forgetOld(): void {
    const keep = this.options.keep ?? 20
    const finished = [...this.#jobs.values()].filter((j) => j.status.state === 'done' || j.status.state === 'failed')
    for (const job of finished.slice(0, Math.max(0, finished.length - keep))) this.#jobs.delete(job.status.id)
  }
}

function summary(report: Report): Partial<JobStatus> {
  return { verdict: verdictOf(report.findings, report), findings: countFindings(report.findings), pages: report.source.pages }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) / 100) / 10
}
